"""Module-level promises: no import side effects, docstrings, packaging."""

import doctest
import inspect
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import shallownet_helpers as helpers

ROOT = Path(__file__).resolve().parent.parent

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib


def run_python(script):
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == ""


def test_import_changes_no_global_state():
    run_python(
        "import numpy as np, matplotlib as mpl\n"
        "before = dict(mpl.rcParams)\n"
        "state = np.random.get_state()[1].copy()\n"
        "import shallownet_helpers\n"
        "assert dict(mpl.rcParams) == before, 'rcParams changed'\n"
        "assert (np.random.get_state()[1] == state).all(), 'global random state changed'\n"
    )


def test_import_leaves_pyplot_unloaded():
    # Reading rcParams resolves the backend and loads pyplot, so this check runs alone.
    run_python(
        "import sys\n"
        "import shallownet_helpers\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'\n"
    )


def test_public_functions_have_numpydoc_sections():
    for name in helpers.__all__:
        item = getattr(helpers, name)
        if not callable(item) or isinstance(item, type) or name.startswith("check_"):
            continue
        doc = item.__doc__ or ""
        if inspect.signature(item).parameters:
            assert "Parameters\n    ----------" in doc, name
        assert "Returns\n    -------" in doc or name.startswith(("plot_", "draw_")), name


def test_docstring_examples_run():
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    examples = 0
    for test in finder.find(helpers, "shallownet_helpers", globs={"np": __import__("numpy"), **vars(helpers)}):
        examples += len(test.examples)
        runner.run(test)
    assert examples >= 10
    assert runner.failures == 0


def requirement_name(requirement):
    for separator in "<>=!~; [":
        requirement = requirement.split(separator)[0]
    return requirement.strip().lower()


def requirement_specifier(requirement):
    return requirement[len(requirement_name(requirement)):].split(";")[0].strip()


def test_environment_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pip_packages = project["dependencies"] + project["optional-dependencies"]["test"]
    # conda has no environment markers, so a package needed only on some Pythons is listed plainly.
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda_packages = [d for d in environment["dependencies"] if isinstance(d, str)]
    conda_packages = [d for d in conda_packages if requirement_name(d) not in ("python", "pip")]

    def as_map(requirements):
        return {requirement_name(r): requirement_specifier(r) for r in requirements}

    assert as_map(conda_packages) == as_map(pip_packages)


def test_environment_installs_helpers_editable():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_sections = [d["pip"] for d in environment["dependencies"] if isinstance(d, dict)]
    assert pip_sections == [["-e ."]]


def test_environment_python_matches_requires_python():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    python = [d for d in environment["dependencies"] if isinstance(d, str) and requirement_name(d) == "python"]
    assert python == ["python" + project["requires-python"]]


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_notebook_kernel_is_python3(notebook):
    import json
    metadata = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]
    assert metadata["kernelspec"]["name"] == "python3"
