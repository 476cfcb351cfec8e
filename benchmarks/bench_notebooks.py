"""Time every notebook in notebooks/ and plot_decision_boundary against training.

    python benchmarks/bench_notebooks.py              # print the results
    python benchmarks/bench_notebooks.py --write      # also update BENCHMARKS.md

Each notebook runs top to bottom in a fresh python3 kernel through nbclient,
with notebooks/ as the working directory, as tools/execute_notebooks.py runs
them. The notebooks on disk are not changed. The wall time of a notebook
includes starting and stopping its kernel, so a notebook with the single cell
``pass`` is timed the same way to measure that overhead. The rounds are
interleaved (every notebook once, then the next round) and the table shows
medians.

The second part trains nn_model (n_h = 4, 10 000 steps) on the flower and
times plot_decision_boundary for that network at several grid resolutions
with the Agg backend, both the call itself and rendering the figure to PNG,
which the notebooks' inline backend does for every figure shown.
"""

import argparse
import functools
import io
import statistics
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import numpy as np  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError  # noqa: E402

import shallownet_helpers as helpers  # noqa: E402
from bench_training import (  # noqa: E402
    BENCHMARKS_FILE,
    environment_lines,
    markdown_table,
    publish,
    usable_cores,
)

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = ROOT / "notebooks"
SECTION_NAME = "notebooks"

# All notebooks together, kernel starts included, should run within this on a 2-core machine.
TOTAL_TARGET_SECONDS = 60.0
RESOLUTIONS = (100, 200, 300)
EMPTY_NOTEBOOK = "kernel start and stop (one cell: pass)"


def empty_notebook():
    """Return a notebook with the single code cell ``pass``."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(nbformat.v4.new_code_cell("pass"))
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def cell_seconds(cell):
    """Return the kernel's execution time of a code cell, from nbclient's timing metadata."""
    timing = cell.metadata.get("execution", {})
    start = timing.get("iopub.execute_input") or timing.get("iopub.status.busy")
    end = timing.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    return (_parse_timestamp(end) - _parse_timestamp(start)).total_seconds()


def _parse_timestamp(text):
    from datetime import datetime

    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def execute_notebook(notebook):
    """Execute ``notebook`` in a fresh kernel from notebooks/ and time it.

    Return (wall seconds, {cell index: seconds in the kernel}, error message
    or None). The wall time covers starting the kernel, running every cell
    and stopping the kernel. A failing cell stops the notebook, and its error
    is returned.
    """
    client = NotebookClient(notebook, timeout=600, kernel_name="python3", record_timing=True,
                            resources={"metadata": {"path": str(NOTEBOOKS_DIR)}})
    error = None
    start = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as failure:
        error = str(failure).strip().splitlines()[-1]
    wall = time.perf_counter() - start
    cells = {index: cell_seconds(cell) for index, cell in enumerate(notebook.cells)
             if cell.cell_type == "code"}
    return wall, cells, error


def time_notebooks(paths, repeats):
    """Run the one-cell notebook and every notebook ``repeats`` times, interleaved.

    Return {name: {"wall": [...], "cells": [...], "slowest": [...], "errors": [...]}},
    with the one-cell notebook under EMPTY_NOTEBOOK. "cells" contains the
    total time in cells of each run, and "slowest" the (seconds, cell index)
    of the slowest cell of each run.
    """
    results = {name: {"wall": [], "cells": [], "slowest": [], "errors": []}
               for name in [EMPTY_NOTEBOOK] + [path.name for path in paths]}
    for repeat in range(repeats):
        jobs = [(EMPTY_NOTEBOOK, empty_notebook)]
        jobs += [(path.name, lambda path=path: nbformat.read(path, as_version=4)) for path in paths]
        for name, load in jobs:
            wall, cells, error = execute_notebook(load())
            result = results[name]
            result["wall"].append(wall)
            result["cells"].append(sum(cells.values()))
            result["slowest"].append(max((seconds, index) for index, seconds in cells.items()))
            if error:
                result["errors"].append(error)
            seconds, index = result["slowest"][-1]
            print(f"  round {repeat + 1}/{repeats}: {name}: {wall:.1f} s, {sum(cells.values()):.1f} s "
                  f"in cells, slowest cell {index}: {seconds:.1f} s"
                  + (f" (failed: {error})" if error else ""), file=sys.stderr)
    return results


def time_decision_boundary(repeats):
    """Time training the flower network and plotting its decision boundary.

    Return (training seconds, rows). Each row contains the resolution and the
    median seconds of the predictions on the grid alone, of the
    plot_decision_boundary call and of rendering the figure to PNG. The row
    with resolution None times plot_dataset, which draws the points and a
    legend without shading.
    """
    X, Y = helpers.load_planar_dataset()
    # The first figure of a process loads fonts and fills caches, so draw one untimed.
    warm_up = helpers.nn_model(X, Y, n_h=4, num_iterations=100)
    _draw_and_render(functools.partial(helpers.plot_decision_boundary,
                                       functools.partial(helpers.predict, warm_up), X, Y))

    training = []
    cases = [None, *RESOLUTIONS]
    samples = {case: {"predict": [], "call": [], "render": []} for case in cases}
    for _ in range(repeats):
        start = time.perf_counter()
        parameters = helpers.nn_model(X, Y, n_h=4, num_iterations=10000, learning_rate=1.2)
        training.append(time.perf_counter() - start)

        predict_labels = functools.partial(helpers.predict, parameters)

        for resolution in cases:
            if resolution is None:
                predict_seconds = 0.0
                plot = functools.partial(helpers.plot_dataset, X, Y)
            else:
                grid = _grid_points(X, resolution)
                start = time.perf_counter()
                predict_labels(grid)
                predict_seconds = time.perf_counter() - start
                plot = functools.partial(helpers.plot_decision_boundary, predict_labels, X, Y,
                                         resolution=resolution)
            call, render = _draw_and_render(plot)
            samples[resolution]["predict"].append(predict_seconds)
            samples[resolution]["call"].append(call)
            samples[resolution]["render"].append(render)

    rows = [(case, *(statistics.median(samples[case][part]) for part in ("predict", "call", "render")))
            for case in cases]
    return statistics.median(training), rows


def _draw_and_render(plot):
    """Call plot(ax=ax) on a new 5 x 4 inch figure, render it to PNG and return both times.

    5 x 4 inches is the size of notebook 07's decision-boundary figure. The
    PNG is saved with bbox_inches="tight", as the notebooks' inline backend
    (matplotlib-inline) saves every figure it shows.
    """
    fig, ax = plt.subplots(figsize=(5, 4))
    start = time.perf_counter()
    plot(ax=ax)
    call = time.perf_counter() - start
    start = time.perf_counter()
    fig.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    render = time.perf_counter() - start
    plt.close(fig)
    return call, render


def _grid_points(X, resolution):
    """Return the (2, resolution**2) grid that plot_decision_boundary evaluates.

    NOTE: this repeats the grid of plot_decision_boundary (a margin of 1 around
    the data), so update it when that function changes.
    """
    margin = 1.0
    x1 = np.linspace(X[0].min() - margin, X[0].max() + margin, resolution)
    x2 = np.linspace(X[1].min() - margin, X[1].max() + margin, resolution)
    grid1, grid2 = np.meshgrid(x1, x2)
    return np.vstack([grid1.ravel(), grid2.ravel()])


def find_outliers(results):
    """Describe each run that took more than twice its notebook's median and 5 s longer."""
    outliers = []
    for name, result in results.items():
        median = statistics.median(result["wall"])
        for repeat, (wall, in_cells) in enumerate(zip(result["wall"], result["cells"])):
            if wall > 2 * median and wall > median + 5.0:
                outliers.append(
                    f"Round {repeat + 1} of {name} took {wall:.1f} s, {in_cells:.1f} s of them in "
                    f"cells, against a median of {median:.1f} s. One slow run does not move the median, and "
                    f"a rerun can tell whether it recurs."
                )
    return outliers


def format_report(results, repeats, training_seconds, plot_rows, plot_repeats):
    """Return the markdown section: environment, notebook table, target and plot table."""
    overhead = statistics.median(results[EMPTY_NOTEBOOK]["wall"])
    rows, total_wall, total_cells, failures = [], 0.0, 0.0, []
    for name, result in results.items():
        wall = statistics.median(result["wall"])
        cells = statistics.median(result["cells"])
        slowest_seconds = statistics.median(seconds for seconds, _ in result["slowest"])
        slowest_index = max(result["slowest"])[1]
        if name != EMPTY_NOTEBOOK:
            total_wall += wall
            total_cells += cells
        if result["errors"]:
            failures.append(f"{name} failed in {len(result['errors'])} of {repeats} runs: {result['errors'][0]}")
        rows.append([name, f"{wall:.1f}", f"{max(wall - overhead, 0.0):.1f}", f"{cells:.1f}",
                     f"{slowest_seconds:.1f} (cell {slowest_index})"])
    count = len(results) - 1
    rows.append([f"**all {count} notebooks**", f"**{total_wall:.1f}**",
                 f"**{max(total_wall - count * overhead, 0.0):.1f}**", f"**{total_cells:.1f}**", ""])

    met = total_wall < TOTAL_TARGET_SECONDS and not failures
    lines = [
        "## Notebooks: execution time",
        "",
        f"Generated by `python benchmarks/bench_notebooks.py --write`. Every notebook in notebooks/ "
        f"runs in a fresh python3 kernel through nbclient, with notebooks/ as the working directory, "
        f"and the times are medians of {repeats} interleaved rounds. \"wall\" includes starting and stopping the kernel, "
        f"\"minus kernel start\" subtracts the median of the one-cell notebook, and \"in cells\" adds "
        f"up the kernel's execution time of every cell. Cells are numbered from 0 among all cells, "
        f"markdown included.",
        "",
        *environment_lines(),
        "",
        markdown_table(["notebook", "wall (s)", "minus kernel start (s)", "in cells (s)",
                        "slowest cell (s)"], rows),
        "",
        f"Target: all notebooks together under {TOTAL_TARGET_SECONDS:g} s on a 2-core machine "
        f"(this one has {usable_cores()} usable cores): {total_wall:.1f} s, "
        f"{'met' if met else 'NOT met'}.",
    ]
    lines += [f"- FAILED: {failure}" for failure in failures]
    lines += [f"- {outlier}" for outlier in find_outliers(results)]

    plot_table = []
    for resolution, predict_seconds, call_seconds, render_seconds in plot_rows:
        plot_table.append([
            "plot_dataset, no grid" if resolution is None else str(resolution),
            "0" if resolution is None else f"{resolution ** 2:,}",
            f"{1e3 * predict_seconds:.1f}",
            f"{1e3 * call_seconds:.1f}",
            f"{1e3 * render_seconds:.1f}",
            f"{100 * (call_seconds + render_seconds) / training_seconds:.1f}",
        ])
    lines += [
        "",
        "## Decision-boundary plot against training",
        "",
        f"nn_model on the flower (n_h = 4, 10 000 steps, learning rate 1.2) takes "
        f"{training_seconds:.3f} s (median of {plot_repeats}). plot_decision_boundary for the "
        f"trained network on a 5 x 4 inch figure with the Agg backend, rendered to PNG as the "
        f"inline backend does, medians of {plot_repeats} interleaved rounds. For comparison, the "
        f"first row draws the points alone with plot_dataset, which adds a legend but no shading:",
        "",
        markdown_table(["resolution", "grid points", "predict on the grid (ms)",
                        "plot call (ms)", "render to PNG (ms)",
                        "call + render, % of training"], plot_table),
    ]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3,
                        help="runs of every notebook, interleaved (default: 3)")
    parser.add_argument("--plot-repeats", type=int, default=7,
                        help="runs of the training and of each plot, interleaved (default: 7)")
    parser.add_argument("--write", action="store_true",
                        help=f"rewrite the '{SECTION_NAME}' section of {BENCHMARKS_FILE.name}")
    args = parser.parse_args(argv)
    if args.repeats < 1 or args.plot_repeats < 1:
        parser.error("--repeats and --plot-repeats must be at least 1")

    paths = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
    if not paths:
        parser.error(f"no notebooks found in {NOTEBOOKS_DIR}")
    results = time_notebooks(paths, args.repeats)
    training_seconds, plot_rows = time_decision_boundary(args.plot_repeats)

    report = format_report(results, args.repeats, training_seconds, plot_rows, args.plot_repeats)
    publish(SECTION_NAME, report, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
