"""The student release built with nbgrader from the master notebooks."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
MASTERS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
GRADED = {
    "02_initialization.ipynb": ["layer_sizes", "initialize_parameters"],
    "03_forward_propagation.ipynb": ["forward_propagation"],
    "04_cost.ipynb": ["compute_cost"],
    "05_backward_propagation.ipynb": ["backward_propagation"],
    "06_gradient_descent.ipynb": ["update_parameters", "nn_model"],
    "07_predictions.ipynb": ["predict"],
}
SOLUTION_REGION = re.compile(r"### BEGIN SOLUTION\n(.*?)[ \t]*### END SOLUTION", re.S)

pytest.importorskip("nbgrader", reason="nbgrader is in the [instructor] extra: pip install -e .[instructor]")


def read(path):
    return nbformat.read(path, as_version=4)


def nbgrader_metadata(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def solution_lines(notebook):
    """Return the stripped, non-empty lines inside solution regions."""
    lines = set()
    for cell in notebook.cells:
        for region in SOLUTION_REGION.findall(cell.source):
            lines.update(line.strip() for line in region.splitlines() if line.strip())
    return lines


def lines_outside_solutions(notebook):
    lines = set()
    for cell in notebook.cells:
        text = SOLUTION_REGION.sub("", cell.source)
        lines.update(line.strip() for line in text.splitlines() if line.strip())
    return lines


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    out = tmp_path_factory.mktemp("release")
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_release.py"), "--out", str(out)],
                   check=True, capture_output=True, text=True)
    return out / "shallownet"


@pytest.fixture(scope="module")
def executed_release(release):
    """Run every released notebook as a student would before writing anything."""
    executed = {}
    for path in sorted(release.glob("*.ipynb")):
        notebook = read(path)
        NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(release)}}).execute()
        executed[path.name] = notebook
    return executed


def test_masters_mark_every_graded_function():
    for path in MASTERS:
        cells = read(path).cells
        answers = [nbgrader_metadata(c)["grade_id"] for c in cells if nbgrader_metadata(c).get("solution")]
        assert answers == GRADED.get(path.name, []), path.name
        for cell in cells:
            assert ("### BEGIN SOLUTION" in cell.source) == bool(nbgrader_metadata(cell).get("solution")), path.name


def test_masters_check_cells_are_locked_tests_with_points():
    for path in MASTERS:
        checks = [c for c in read(path).cells if nbgrader_metadata(c).get("grade")]
        names = [nbgrader_metadata(c)["grade_id"] for c in checks]
        assert names == [f"check_{name}" for name in GRADED.get(path.name, [])], path.name
        for cell in checks:
            metadata = nbgrader_metadata(cell)
            assert metadata["locked"] is True
            assert metadata["points"] > 0
            assert cell.source.strip() == f"helpers.{metadata['grade_id']}({metadata['grade_id'][6:]})"


def test_masters_pass_every_check():
    for path in MASTERS:
        for cell in read(path).cells:
            if nbgrader_metadata(cell).get("grade"):
                text = "".join(output.get("text", "") for output in cell.outputs)
                assert all(output.output_type != "error" for output in cell.outputs), path.name
                assert re.fullmatch(r"\w+: (all \d+ checks|the check) passed\.\n", text), (path.name, text)


def test_release_ships_notebooks_module_and_data(release):
    assert sorted(p.name for p in release.glob("*.ipynb")) == [p.name for p in MASTERS]
    assert (release / "shallownet_helpers.py").read_bytes() == (ROOT / "shallownet_helpers.py").read_bytes()
    for path in (ROOT / "data").glob("*.csv"):
        assert (release / "data" / path.name).read_bytes() == path.read_bytes()
    assert (release / "data" / "make_datasets.py").exists()
    assert (release / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()


def test_release_explains_setup(release):
    readme = (release / "README.md").read_text(encoding="utf-8")
    assert "pip install -r requirements.txt" in readme
    requirements = (release / "requirements.txt").read_text(encoding="utf-8").split()
    assert [r.split(">")[0] for r in requirements] == ["numpy", "matplotlib", "ipywidgets", "jupyterlab", "ipykernel"]


def test_release_contains_no_solution_line(release):
    for master_path in MASTERS:
        master = read(master_path)
        secret = solution_lines(master) - lines_outside_solutions(master)
        released = read(release / master_path.name)
        released_lines = {line.strip() for cell in released.cells for line in cell.source.splitlines()}
        assert not any("BEGIN SOLUTION" in cell.source for cell in released.cells)
        assert secret & released_lines == set(), master_path.name


def test_release_replaces_solutions_with_stub(release):
    for name, functions in GRADED.items():
        cells = [c for c in read(release / name).cells if nbgrader_metadata(c).get("solution")]
        assert len(cells) == len(functions)
        for cell in cells:
            assert cell.source.rstrip().endswith("# YOUR CODE HERE\n    raise NotImplementedError()")
            assert not solution_lines(read(ROOT / "notebooks" / name)) & {
                line.strip() for line in cell.source.splitlines()} - {'"""'}


def test_release_keeps_other_cells_unchanged(release):
    for master_path in MASTERS:
        master = read(master_path).cells
        released = read(release / master_path.name).cells
        assert [c.cell_type for c in released] == [c.cell_type for c in master], master_path.name
        for before, after in zip(master, released):
            if nbgrader_metadata(before).get("solution"):
                kept_before = SOLUTION_REGION.split(before.source)
                assert after.source.startswith(kept_before[0]), master_path.name
            else:
                assert after.source == before.source, master_path.name


def test_release_has_no_outputs(release):
    for path in release.glob("*.ipynb"):
        for cell in read(path).cells:
            if cell.cell_type == "code":
                assert cell.outputs == [], path.name
                assert cell.execution_count is None, path.name


def test_released_check_cells_all_fail(executed_release):
    checked = 0
    for name, notebook in executed_release.items():
        for cell in notebook.cells:
            if nbgrader_metadata(cell).get("grade"):
                errors = [o for o in cell.outputs if o.output_type == "error"]
                assert len(errors) == 1, (name, cell.source)
                assert errors[0].ename == "CheckFailure"
                assert "is not written yet" in errors[0].evalue
                checked += 1
    assert checked == sum(len(functions) for functions in GRADED.values())


def test_released_ungraded_notebooks_run_cleanly(executed_release):
    for name in ("00_setup_check.ipynb", "01_planar_data.ipynb"):
        for cell in executed_release[name].cells:
            if cell.cell_type == "code":
                assert all(o.output_type != "error" for o in cell.outputs), (name, cell.source)


def test_autograde_scores_full_and_empty_submissions(tmp_path):
    from nbgrader.api import Gradebook

    course = tmp_path / "course"
    out = tmp_path / "release"
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_release.py"), "--out", str(out),
                    "--course", str(course)], check=True, capture_output=True, text=True)
    released = out / "shallownet"
    complete = course / "submitted" / "complete" / "shallownet"
    shutil.copytree(released, complete)
    for name in GRADED:
        shutil.copy2(ROOT / "notebooks" / name, complete / name)
    shutil.copytree(released, course / "submitted" / "untouched" / "shallownet")
    student_environment = complete / ".venv" / "lib"
    student_environment.mkdir(parents=True)
    (student_environment / "site.py").write_text("# a student's virtual environment\n", encoding="utf-8")

    environment = dict(os.environ)
    environment["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), environment.get("PATH", "")])
    result = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", "shallownet", "--create"],
                            cwd=course, capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stderr
    assert (course / "autograded" / "complete" / "shallownet" / "02_initialization.ipynb").exists()
    assert not (course / "autograded" / "complete" / "shallownet" / ".venv").exists()

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        complete_submission = gradebook.find_submission("shallownet", "complete")
        untouched_submission = gradebook.find_submission("shallownet", "untouched")
        assert complete_submission.max_score == 12
        assert complete_submission.score == 12
        assert untouched_submission.score == 0
