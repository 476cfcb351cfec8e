"""Build the student release of the notebook series with nbgrader.

    python tools/make_release.py [--out release] [--course DIR]

The master notebooks in notebooks/ keep their solutions between the lines
"### BEGIN SOLUTION" and "### END SOLUTION" and carry nbgrader cell metadata:
each graded function is an autograded answer cell, and each check cell after
it is a read-only test cell with points. This script lays out a throw-away
nbgrader course folder, runs `nbgrader generate_assignment` on it, and copies
the result to --out/shallownet: the notebooks with every solution region
replaced by `raise NotImplementedError()` and outputs cleared, next to the
helper module and the data they need.

With --course DIR the course folder is kept in DIR (created when missing),
with its gradebook.db, so the instructor can collect submissions into
DIR/submitted/<student>/shallownet/ and run `nbgrader autograde shallownet`
there.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENT = "shallownet"

#: Files the released notebooks need beside them: they import the helper
#: module, which reads the datasets from the data folder next to it.
SHIPPED_FILES = ["shallownet_helpers.py", "LICENSE", "data/README.md", "data/make_datasets.py"]

NBGRADER_CONFIG = """\
c = get_config()
c.CourseDirectory.root = {root!r}
c.CourseDirectory.db_url = {db_url!r}
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE\\nraise NotImplementedError()"}}
# nbgrader's defaults, plus virtual environments that students create inside the folder they hand in.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".venv", "venv", ".env", "env"]
"""


def runtime_requirements():
    """Return the run-time dependencies of pyproject.toml, which students install."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["dependencies"]


def build_course(course, notebooks):
    """Lay out an nbgrader course folder with the master notebooks as the source."""
    source = course / "source" / ASSIGNMENT
    if source.exists():
        shutil.rmtree(source)
    source.mkdir(parents=True)
    for notebook in notebooks:
        shutil.copy2(notebook, source / notebook.name)
    shipped = SHIPPED_FILES + [str(path.relative_to(ROOT)) for path in sorted((ROOT / "data").glob("*.csv"))]
    for name in shipped:
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    shutil.copy2(ROOT / "tools" / "release_README.md", source / "README.md")
    (source / "requirements.txt").write_text("\n".join(runtime_requirements()) + "\n", encoding="utf-8")
    config = NBGRADER_CONFIG.format(root=str(course), db_url=f"sqlite:///{course / 'gradebook.db'}")
    (course / "nbgrader_config.py").write_text(config, encoding="utf-8")


def generate(course):
    """Run nbgrader's generate_assignment in the course folder; raise on failure."""
    command = [sys.executable, "-m", "nbgrader", "generate_assignment", ASSIGNMENT, "--force"]
    # nbgrader runs the `alembic` command of its environment, which is not on
    # PATH when the virtual environment is not activated.
    environment = dict(os.environ)
    environment["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), environment.get("PATH", "")])
    result = subprocess.run(command, cwd=course, capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        raise RuntimeError(
            f"nbgrader generate_assignment failed with exit code {result.returncode}:\n{result.stderr}"
        )
    return course / "release" / ASSIGNMENT


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "release",
                        help="folder that receives the student version in OUT/shallownet (default: release/)")
    parser.add_argument("--course", type=Path, default=None,
                        help="keep the nbgrader course folder, with its gradebook, in this folder "
                             "(default: a temporary folder, removed afterwards)")
    args = parser.parse_args(argv)

    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if not notebooks:
        raise SystemExit("no notebooks found in notebooks/")

    with tempfile.TemporaryDirectory() as temporary:
        course = args.course.resolve() if args.course else Path(temporary) / "course"
        build_course(course, notebooks)
        released = generate(course)
        target = args.out / ASSIGNMENT
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(released, target)

    print(f"released {len(notebooks)} notebooks to {target}")
    if args.course:
        print(f"nbgrader course folder: {course}")


if __name__ == "__main__":
    main()
