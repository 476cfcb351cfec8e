"""Time the explorer of notebook 08 in a browser, from a key press on its slider to the new figure.

    python benchmarks/bench_explorer.py              # print the results
    python benchmarks/bench_explorer.py --write      # also update BENCHMARKS.md

The script starts JupyterLab on 127.0.0.1 with a random token, serving a
temporary copy of the notebook. It opens the notebook in headless Chromium
(Debian's /usr/bin/chromium, driven by the Python package playwright), runs
all cells, and then presses the arrow keys on the hidden-units slider of
helpers.explore(). Every round has three timed key presses:

- ArrowRight to a new n_h, which trains the setting (uncached);
- ArrowLeft back to the previous n_h, which is in the explorer's cache;
- ArrowRight again, to the setting trained at the start of the round (cached).

One untimed ArrowRight comes first as a warm-up. Each key press gets two
latencies, both starting at the keydown event on the slider's handle and read
from performance.now() in the page. The first ends when the status line shows
the finished setting, which the kernel sets before drawing. The second ends
when the explorer's output contains an image with a new src. It covers the
widget message to the kernel, the training when uncached, drawing the figure,
and the PNG's way back into the page, but not the browser's next paint.
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import jupyter_browser
from bench_training import cpu_model, package_version, publish, usable_cores

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS_FILE = ROOT / "BENCHMARKS.md"
NOTEBOOK = ROOT / "notebooks" / "08_hidden_layer_size.ipynb"
SECTION_NAME = "explorer"

RUN_ALL_TIMEOUT = 300.0
KEY_PRESS_TIMEOUT = 120.0


# ---------------------------------------------------------------------------
# Machine and versions
# ---------------------------------------------------------------------------

def environment_lines():
    """Describe the date, the machine and the software versions as markdown list items."""
    packages = ["jupyterlab", "ipywidgets", "jupyterlab_widgets", "ipykernel", "matplotlib", "playwright"]
    versions = ", ".join(f"{name} {package_version(name)}" for name in packages)
    return [
        f"- date: {datetime.date.today().isoformat()}",
        f"- machine: {cpu_model()}, {usable_cores()} cores usable ({os.cpu_count()} logical CPUs), "
        f"{platform.system()} {platform.machine()}",
        f"- Python {platform.python_version()}, {versions}",
        f"- browser: {jupyter_browser.chromium_version()}, headless",
    ]


# ---------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------

def press_and_time(notebook_page, key, expected_n_h, expect_cached):
    """Press ``key`` on the hidden-units slider and return (latencies, status line).

    The latencies are the dict of NotebookPage.read_timing, in seconds.

    Raises AssertionError when the explorer does not reach ``expected_n_h``
    or takes the setting from the cache when it should train it, or the
    other way round.
    """
    from playwright.sync_api import expect

    notebook_page.start_timing()
    notebook_page.press_slider_key(key)

    timeout_ms = KEY_PRESS_TIMEOUT * 1000
    expect(notebook_page.readout).to_have_text(str(expected_n_h), timeout=timeout_ms)
    expect(notebook_page.status).to_have_text(jupyter_browser.status_pattern(expected_n_h),
                                              timeout=timeout_ms)
    notebook_page.wait_for_timing(KEY_PRESS_TIMEOUT)

    status = notebook_page.status.text_content()
    cached = status.endswith(": from cache")
    trained = re.search(r": trained in [\d.]+ s$", status) is not None
    if (expect_cached and not cached) or (not expect_cached and not trained):
        expected = "from cache" if expect_cached else "trained in ... s"
        raise AssertionError(f"after {key} to n_h = {expected_n_h} the status line reads "
                             f"{status!r}, expected {expected!r}")
    latencies = notebook_page.read_timing()
    if None in latencies.values():
        raise AssertionError(f"after {key} to n_h = {expected_n_h} the page recorded no keydown, "
                             f"status change or new image: {latencies}")
    return latencies, status


def training_seconds(status):
    """Return the training time from a status line such as "n_h = 5: trained in 0.31 s"."""
    return float(status.rsplit("trained in", 1)[1].split()[0])


def measure(notebook_path, rounds):
    """Run the notebook in the browser and time ``rounds`` rounds of key presses.

    Returns a dict with the lists "uncached" and "cached" (dicts from
    NotebookPage.read_timing, in seconds), "training" (seconds of training
    reported by the status line for the uncached presses), the starting
    "n_h" and the "run_all" time of the notebook in seconds.
    """
    with tempfile.TemporaryDirectory(prefix="shallownet-bench-") as root_dir:
        shutil.copy(notebook_path, Path(root_dir) / notebook_path.name)
        with jupyter_browser.JupyterLabServer(root_dir) as server, \
                jupyter_browser.chromium_context() as context:
            page = context.new_page()
            notebook_page = jupyter_browser.NotebookPage(page, server)
            notebook_page.open(notebook_path.name)

            start = time.perf_counter()
            notebook_page.run_all_cells(RUN_ALL_TIMEOUT)
            run_all_seconds = time.perf_counter() - start
            n_h = notebook_page.wait_for_explorer(KEY_PRESS_TIMEOUT)
            first_n_h = n_h
            max_n_h = int(float(notebook_page.handle.get_attribute("aria-valuemax")))
            if n_h + 1 + rounds > max_n_h:
                raise ValueError(f"the explorer starts at n_h = {n_h}, so {rounds} rounds would pass "
                                 f"the slider's maximum of {max_n_h}; use at most "
                                 f"{max_n_h - n_h - 1} rounds")

            press_and_time(notebook_page, "ArrowRight", n_h + 1, expect_cached=False)
            n_h += 1
            results = {"uncached": [], "cached": [], "training": []}
            for _ in range(rounds):
                latencies, status = press_and_time(notebook_page, "ArrowRight", n_h + 1,
                                                   expect_cached=False)
                results["uncached"].append(latencies)
                results["training"].append(training_seconds(status))
                latencies, _ = press_and_time(notebook_page, "ArrowLeft", n_h, expect_cached=True)
                results["cached"].append(latencies)
                latencies, _ = press_and_time(notebook_page, "ArrowRight", n_h + 1, expect_cached=True)
                results["cached"].append(latencies)
                n_h += 1

    results["n_h"] = first_n_h
    results["run_all"] = run_all_seconds
    return results


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------

def display_path(path):
    """Return ``path`` relative to the repository when it lies inside, else as given."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def milliseconds_summary(seconds):
    """Return the median, the middle half and the range of a list of seconds, in milliseconds."""
    milliseconds = sorted(1000 * value for value in seconds)
    median = f"{statistics.median(milliseconds):.0f}"
    if len(milliseconds) >= 2:
        first_quartile, _, third_quartile = statistics.quantiles(milliseconds, n=4, method="inclusive")
        middle_half = f"{first_quartile:.0f} to {third_quartile:.0f}"
    else:
        middle_half = "-"
    return median, middle_half, f"{milliseconds[0]:.0f} to {milliseconds[-1]:.0f}"


def format_report(results, rounds, notebook_path):
    """Format the measurement as the markdown section of BENCHMARKS.md."""
    n_h = results["n_h"]
    header = ["key press", "presses", "to status line, median (ms)", "to new image, median (ms)",
              "to new image, middle half (ms)", "to new image, range (ms)"]
    rows = []
    for name, case in [("uncached: trains a new n_h", "uncached"),
                       ("cached: returns to a trained n_h", "cached")]:
        latencies = results[case]
        status_median, _, _ = milliseconds_summary([latency["status"] for latency in latencies])
        rows.append([name, str(len(latencies)), status_median,
                     *milliseconds_summary([latency["image"] for latency in latencies])])
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    table += ["| " + " | ".join(row) + " |" for row in rows]

    training_median, training_middle, training_range = milliseconds_summary(results["training"])
    drawing = [latency["image"] - latency["status"] for latency in results["cached"]]
    drawing_median, _, _ = milliseconds_summary(drawing)
    lines = [
        "## Explorer: from a key press to the new figure in the browser",
        "",
        f"Generated by `python benchmarks/bench_explorer.py --write`. The script serves a copy of "
        f"`{display_path(notebook_path)}` from JupyterLab on 127.0.0.1, runs all its cells in "
        f"headless Chromium, and presses the arrow keys on the hidden-units slider of "
        f"`helpers.explore()` (flower, learning rate 1.2, 5000 iterations, seed 2).",
        f"After one untimed warm-up press from n_h = {n_h} to {n_h + 1}, each of {rounds} rounds "
        f"presses ArrowRight to a new n_h (uncached, trained in the kernel), ArrowLeft back, and "
        f"ArrowRight again (both cached), so the new settings run from n_h = {n_h + 2} to "
        f"{n_h + 1 + rounds}.",
        "Every latency starts at the keydown event on the slider's handle. It ends when the status "
        "line shows the finished setting, or when the explorer's output contains the new image. "
        "Both ends are read from `performance.now()` in the page, so the browser's next paint is "
        "not included.",
        "",
        *environment_lines(),
        "",
        *table,
        "",
        f"- The uncached presses trained for {training_median} ms (median; middle half "
        f"{training_middle} ms, range {training_range} ms), as reported by the status line.",
        f"- The kernel sets the status line before it shows the figure. For cached presses, the "
        f"median time from the status change to the new image is {drawing_median} ms: the "
        f"explorer reuses the PNG it stored with the setting, so this is sending the image and "
        f"inserting it in the page. For uncached presses it also draws and encodes the figure.",
        f"- Run All Cells took {results['run_all']:.1f} s before the first key press.",
        "- Other processes on the machine can stretch single presses, so the table gives the "
        "median, the middle half (first to third quartile) and the full range.",
    ]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5,
                        help="rounds of one uncached and two cached key presses (default: 5)")
    parser.add_argument("--notebook", type=Path, default=NOTEBOOK,
                        help="notebook with a helpers.explore() cell, copied before it runs "
                             f"(default: {display_path(NOTEBOOK)})")
    parser.add_argument("--write", action="store_true",
                        help=f"rewrite the explorer section of {BENCHMARKS_FILE.name}")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if not args.notebook.is_file():
        parser.error(f"notebook not found: {args.notebook}")
    reason = jupyter_browser.missing_browser_reason()
    if reason is not None:
        print(f"Cannot run the explorer benchmark: {reason}.", file=sys.stderr)
        return 1

    notebook_path = args.notebook.resolve()
    results = measure(notebook_path, args.rounds)
    report = format_report(results, args.rounds, notebook_path)
    publish(SECTION_NAME, report, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
