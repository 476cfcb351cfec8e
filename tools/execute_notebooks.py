"""Run notebooks top to bottom in a fresh kernel and save them with their outputs.

    python tools/execute_notebooks.py                 # every notebook in notebooks/
    python tools/execute_notebooks.py notebooks/03_forward_propagation.ipynb

nbval compares each stored output with a fresh run, so a notebook must be
saved from a clean top-to-bottom run after every change that affects it. This
script does that with nbclient, from the notebooks folder as working
directory, and drops the per-cell execution timestamps that would otherwise
change on every run.
"""

import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def execute(path, timeout=600):
    """Execute the notebook at path in a new python3 kernel and write it back."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    notebook.metadata.get("widgets", {}).pop("application/vnd.jupyter.widget-state+json", None)
    if not notebook.metadata.get("widgets"):
        notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: all in notebooks/)")
    args = parser.parse_args(argv)

    paths = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        start = time.perf_counter()
        execute(path.resolve())
        print(f"{path.name}: executed in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
