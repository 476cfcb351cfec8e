"""Time 10 000 steps of training on the flower: nn_model against four other ways.

    python benchmarks/bench_training.py              # print the results
    python benchmarks/bench_training.py --write      # also update BENCHMARKS.md
    python benchmarks/bench_training.py --profile    # also time each part of nn_model's loop

Every method trains the same network (2 inputs, n_h = 4 tanh units, one
sigmoid output) on the flower, X of shape (2, 400), with full-batch gradient
descent on the mean cross-entropy: 10 000 steps at learning rate 1.2, from the
weights of initialize_parameters(2, 4, 1) with seed 2. The methods are

- nn_model, the helper module's reference;
- a plain loop written from the six formulas of the course notes, which
  computes the cost at every step, as the notes do;
- the same loop with in-place numpy operations into preallocated buffers,
  computing the cost once after the last step as nn_model does;
- scikit-learn's MLPClassifier, configured to do the same steps;
- PyTorch on the CPU in float64.

scikit-learn and PyTorch are optional: a missing one is reported and skipped.
The repetitions are interleaved (one run of every method, then the next round)
to spread the machine's noise over all methods alike, and the table shows
median times. A short untimed warm-up run of every method comes first.
"""

import argparse
import datetime
import functools
import os
import platform
import statistics
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

import shallownet_helpers as helpers

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS_FILE = ROOT / "BENCHMARKS.md"
SECTION_NAME = "training"

N_H = 4
LEARNING_RATE = 1.2
NUM_ITERATIONS = 10_000
SEED = helpers.DEFAULT_SEED
WARM_UP_ITERATIONS = 100

# Speed targets for nn_model, as ratios measured within one run.
MIN_SPEEDUP_OVER_SKLEARN = 2.0
MIN_SPEEDUP_OVER_TORCH = 5.0
MAX_SLOWDOWN_VS_IN_PLACE = 1.3
# Every method runs the same steps from the same weights, so their training
# accuracies must agree within this many percentage points.
ACCURACY_TOLERANCE_POINTS = 1.0


# ---------------------------------------------------------------------------
# Machine description and BENCHMARKS.md sections, shared with bench_notebooks.py
# ---------------------------------------------------------------------------

def usable_cores():
    """Return the number of CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def cpu_model():
    """Return the CPU model named in /proc/cpuinfo, or platform.processor() without it."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def package_version(name):
    """Return the installed version of a distribution, or "not installed"."""
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def environment_lines():
    """Describe the machine and the package versions as markdown list items."""
    today = datetime.date.today().isoformat()
    return [
        f"- date: {today}",
        f"- machine: {cpu_model()}, {usable_cores()} cores usable ({os.cpu_count()} logical CPUs), "
        f"{platform.system()} {platform.machine()}",
        f"- Python {platform.python_version()}, numpy {np.__version__}, "
        f"scikit-learn {package_version('scikit-learn')}, torch {package_version('torch')}, "
        f"matplotlib {package_version('matplotlib')}, nbclient {package_version('nbclient')}",
    ]


def section_markers(name):
    """Return the comment lines that open and close a generated section of BENCHMARKS.md."""
    return (f"<!-- BEGIN generated section '{name}' -->",
            f"<!-- END generated section '{name}' -->")


def write_section(name, body, path=BENCHMARKS_FILE):
    """Replace the text between the markers of section ``name`` in ``path`` with ``body``.

    The rest of the file is kept as it is. A section without markers yet is
    appended at the end, and a missing file is created with a title.
    """
    begin, end = section_markers(name)
    block = f"{begin}\n{body.strip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"

    start = text.find(begin)
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    else:
        stop = text.find(end, start)
        if stop == -1:
            raise ValueError(
                f"{path} contains the line {begin!r} but not the matching {end!r}. "
                f"Add the closing line or delete the section, then run again."
            )
        text = text[:start] + block + text[stop + len(end):]
    path.write_text(text, encoding="utf-8")


def publish(name, report, write):
    """Print a report and, when ``write`` is true, put it in section ``name`` of BENCHMARKS.md."""
    print(report)
    if write:
        write_section(name, report)
        print(f"\nUpdated the '{name}' section of {BENCHMARKS_FILE}.", file=sys.stderr)


def markdown_table(header, rows):
    """Format a header and rows of strings as a markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# The training methods. Each takes X (2, m), Y (1, m) and the number of steps
# and returns W1, b1, W2, b2 in the helper module's layout.
# ---------------------------------------------------------------------------

def initial_parameters():
    return helpers.initialize_parameters(2, N_H, 1, seed=SEED)


def train_nn_model(X, Y, num_iterations):
    return helpers.nn_model(X, Y, n_h=N_H, num_iterations=num_iterations,
                            learning_rate=LEARNING_RATE, seed=SEED)


def train_formula_loop(X, Y, num_iterations):
    """Train with the six formulas as the course notes write them, cost at every step."""
    parameters = initial_parameters()
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    m = X.shape[1]
    costs = []

    for _ in range(num_iterations):
        # forward propagation
        Z1 = np.dot(W1, X) + b1
        A1 = np.tanh(Z1)
        Z2 = np.dot(W2, A1) + b2
        A2 = 1 / (1 + np.exp(-Z2))

        # cost
        logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
        costs.append(float(np.squeeze(-np.sum(logprobs) / m)))

        # backward propagation
        dZ2 = A2 - Y
        dW2 = np.dot(dZ2, A1.T) / m
        db2 = np.sum(dZ2, axis=1, keepdims=True) / m
        dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
        dW1 = np.dot(dZ1, X.T) / m
        db1 = np.sum(dZ1, axis=1, keepdims=True) / m

        # update
        W1 = W1 - LEARNING_RATE * dW1
        b1 = b1 - LEARNING_RATE * db1
        W2 = W2 - LEARNING_RATE * dW2
        b2 = b2 - LEARNING_RATE * db2

    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def train_in_place(X, Y, num_iterations):
    """Train with in-place numpy operations into buffers allocated once.

    The cost is computed once, after the last step, like nn_model does. The
    factor 1/m of every gradient is folded into the step size.
    """
    parameters = initial_parameters()
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    X = np.ascontiguousarray(X, dtype=float)
    Y = np.ascontiguousarray(Y, dtype=float)
    XT = np.ascontiguousarray(X.T)
    n_h, m = W1.shape[0], X.shape[1]
    step = LEARNING_RATE / m

    Z1, A1, slope = np.empty((n_h, m)), np.empty((n_h, m)), np.empty((n_h, m))
    A2, dZ2, dZ1 = np.empty((1, m)), np.empty((1, m)), np.empty((n_h, m))
    dW1, db1 = np.empty_like(W1), np.empty_like(b1)
    dW2, db2 = np.empty_like(W2), np.empty_like(b2)

    for _ in range(num_iterations):
        # forward propagation, with Z2 and then sigmoid(Z2) = 1 / (1 + exp(-Z2)) computed in A2
        np.dot(W1, X, out=Z1)
        Z1 += b1
        np.tanh(Z1, out=A1)
        np.dot(W2, A1, out=A2)
        A2 += b2
        np.negative(A2, out=A2)
        np.exp(A2, out=A2)
        A2 += 1.0
        np.reciprocal(A2, out=A2)

        # backward propagation, gradients times m
        np.subtract(A2, Y, out=dZ2)
        np.dot(dZ2, A1.T, out=dW2)
        dZ2.sum(axis=1, keepdims=True, out=db2)
        np.dot(W2.T, dZ2, out=dZ1)
        np.multiply(A1, A1, out=slope)
        np.subtract(1.0, slope, out=slope)
        dZ1 *= slope
        np.dot(dZ1, XT, out=dW1)
        dZ1.sum(axis=1, keepdims=True, out=db1)

        # update, with step = learning_rate / m
        for parameter, gradient in ((W1, dW1), (b1, db1), (W2, dW2), (b2, db2)):
            gradient *= step
            parameter -= gradient

    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    A2, _ = helpers.forward_propagation(X, parameters)
    helpers.compute_cost(A2, Y)
    return parameters


def train_sklearn(X, Y, num_iterations):
    """Train scikit-learn's MLPClassifier for the same full-batch steps.

    scikit-learn 1.9 averages the log-loss and the gradients over the batch
    (MLPClassifier._backprop and _compute_loss_grad), so with batch_size = m,
    no momentum and no L2 penalty each step equals one step of nn_model. Its
    log-loss is clipped to [eps, 1 - eps] like compute_cost. tol=0 with n_iter_no_change=max_iter
    keeps it from stopping early. The ConvergenceWarning that reaching max_iter
    raises is caught and counted, and any other warning is passed on.
    """
    from sklearn.exceptions import ConvergenceWarning

    classifier = _make_sklearn_classifier(num_iterations)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        classifier.fit(X.T, Y.ravel())
    for warning in caught:
        if issubclass(warning.category, ConvergenceWarning):
            SKLEARN_CONVERGENCE_WARNINGS.append(str(warning.message))
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)

    if classifier.n_iter_ != num_iterations:
        raise RuntimeError(
            f"MLPClassifier stopped after {classifier.n_iter_} of {num_iterations} iterations, "
            f"but the comparison needs every iteration to run."
        )
    (W1T, W2T), (b1, b2) = classifier.coefs_, classifier.intercepts_
    return {"W1": W1T.T, "b1": b1.reshape(-1, 1), "W2": W2T.T, "b2": b2.reshape(-1, 1)}


#: Messages of the ConvergenceWarnings that train_sklearn caught.
SKLEARN_CONVERGENCE_WARNINGS = []


def _make_sklearn_classifier(num_iterations):
    """Return an MLPClassifier that starts from initialize_parameters(2, 4, 1)."""
    from sklearn.neural_network import MLPClassifier

    class MLPFromGivenWeights(MLPClassifier):
        """MLPClassifier whose layers start from given arrays instead of random draws.

        MLPClassifier draws each layer's weights in its private method
        _init_coef(fan_in, fan_out, dtype), and this subclass returns the next
        (coefs, intercepts) pair of ``given_layers`` there instead.
        """

        def _init_coef(self, fan_in, fan_out, dtype):
            coef, intercept = self.given_layers.pop(0)
            if coef.shape != (fan_in, fan_out):
                raise ValueError(f"given layer has shape {coef.shape}, but MLPClassifier expects "
                                 f"({fan_in}, {fan_out}).")
            return coef.astype(dtype), intercept.astype(dtype)

    if not hasattr(MLPClassifier, "_init_coef"):
        raise RuntimeError(
            "this scikit-learn has no MLPClassifier._init_coef, which the benchmark overrides "
            "to start from the numpy weights; run it with scikit-learn 1.x."
        )

    classifier = MLPFromGivenWeights(
        hidden_layer_sizes=(N_H,), activation="tanh", solver="sgd", batch_size=400,
        learning_rate_init=LEARNING_RATE, learning_rate="constant", momentum=0.0,
        nesterovs_momentum=False, alpha=0.0, max_iter=num_iterations, tol=0.0,
        n_iter_no_change=num_iterations, shuffle=False, early_stopping=False,
    )
    parameters = initial_parameters()
    classifier.given_layers = [(parameters["W1"].T, parameters["b1"].ravel()),
                               (parameters["W2"].T, parameters["b2"].ravel())]
    return classifier


def train_torch(X, Y, num_iterations, threads=1):
    """Train the same network with PyTorch on the CPU, in float64, on ``threads`` threads."""
    import torch

    torch.set_num_threads(threads)
    model = torch.nn.Sequential(torch.nn.Linear(2, N_H), torch.nn.Tanh(), torch.nn.Linear(N_H, 1))
    model = model.to(torch.float64)
    parameters = initial_parameters()
    with torch.no_grad():
        model[0].weight.copy_(torch.from_numpy(parameters["W1"]))
        model[0].bias.copy_(torch.from_numpy(parameters["b1"].ravel()))
        model[2].weight.copy_(torch.from_numpy(parameters["W2"]))
        model[2].bias.copy_(torch.from_numpy(parameters["b2"].ravel()))
    inputs = torch.from_numpy(np.ascontiguousarray(X.T, dtype=np.float64))
    targets = torch.from_numpy(np.ascontiguousarray(Y.T, dtype=np.float64))
    loss_function = torch.nn.BCEWithLogitsLoss(reduction="mean")
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=0.0)

    for _ in range(num_iterations):
        optimizer.zero_grad()
        loss = loss_function(model(inputs), targets)
        loss.backward()
        optimizer.step()

    return {
        "W1": model[0].weight.detach().numpy().copy(),
        "b1": model[0].bias.detach().numpy().reshape(-1, 1).copy(),
        "W2": model[2].weight.detach().numpy().copy(),
        "b2": model[2].bias.detach().numpy().reshape(-1, 1).copy(),
    }


@dataclass
class Method:
    """One way of training, with its timings and the parameters of its last run."""

    key: str
    name: str
    train: Callable
    wall_times: list = field(default_factory=list)
    cpu_times: list = field(default_factory=list)
    parameters: dict = None


def thread_count(count):
    return f"{count} thread" if count == 1 else f"{count} threads"


def available_methods():
    """Return the methods that can run here and a note for each optional one skipped."""
    methods = [
        Method("nn_model", "nn_model", train_nn_model),
        Method("formula", "formula loop (course notes)", train_formula_loop),
        Method("in_place", "in-place numpy loop", train_in_place),
    ]
    skipped = []
    try:
        import sklearn  # noqa: F401
    except ImportError:
        skipped.append("scikit-learn is not installed, so MLPClassifier was skipped "
                       "(install it with `pip install -e .[bench]`).")
    else:
        methods.append(Method("sklearn", "scikit-learn MLPClassifier", train_sklearn))
    try:
        import torch  # noqa: F401
    except ImportError:
        skipped.append("torch is not installed, so PyTorch was skipped "
                       "(install it with `pip install -e .[bench]`).")
    else:
        cores = usable_cores()
        methods.append(Method("torch", f"PyTorch CPU, {thread_count(cores)}",
                              functools.partial(train_torch, threads=cores)))
        if cores > 1:
            methods.append(Method("torch_1", "PyTorch CPU, 1 thread",
                                  functools.partial(train_torch, threads=1)))
    return methods, skipped


def run_benchmark(methods, X, Y, repeats, num_iterations):
    """Time every method ``repeats`` times, interleaved, after a warm-up run of each.

    Each run records wall time and the CPU time of this process (all its
    threads). Round r starts with method r (mod the number of methods), so no
    method is always the first one after a pause.
    """
    for method in methods:
        method.train(X, Y, WARM_UP_ITERATIONS)
    SKLEARN_CONVERGENCE_WARNINGS.clear()

    for repeat in range(repeats):
        shift = repeat % len(methods)
        for method in methods[shift:] + methods[:shift]:
            wall_start, cpu_start = time.perf_counter(), time.process_time()
            method.parameters = method.train(X, Y, num_iterations)
            method.cpu_times.append(time.process_time() - cpu_start)
            method.wall_times.append(time.perf_counter() - wall_start)
            print(f"  round {repeat + 1}/{repeats}: {method.name}: {method.wall_times[-1]:.3f} s",
                  file=sys.stderr)


# ---------------------------------------------------------------------------
# nn_model's loop, part by part
# ---------------------------------------------------------------------------

def profile_nn_model(X, Y, num_iterations):
    """Time each part of train_with_history's loop, summed over all iterations.

    The loop repeats train_with_history's with record_every = num_iterations,
    as nn_model calls it, without snapshots, and reads a clock between the
    parts, which adds about 0.1 microseconds per part and step.
    Return (part, seconds) pairs.
    """
    # NOTE: this copies the body of train_with_history's loop, so update it when that loop changes.
    clock = time.perf_counter
    totals = dict.fromkeys(("validate and initialize", "_forward", "divergence check",
                            "cost and bookkeeping", "_backward", "update"), 0.0)

    t0 = clock()
    X, Y, n_h, num_iterations, learning_rate, seed = helpers._validate_training_arguments(
        X, Y, N_H, num_iterations, LEARNING_RATE, SEED)
    Y = Y.astype(float)
    wrong_certainty = 1.0 - Y
    parameters = helpers.initialize_parameters(X.shape[0], n_h, Y.shape[0], seed=seed)
    W1, b1, W2, b2 = (parameters[key] for key in helpers.PARAMETER_KEYS)
    costs = []
    totals["validate and initialize"] += clock() - t0

    for i in range(num_iterations + 1):
        t0 = clock()
        _, A1, _, A2 = helpers._forward(X, W1, b1, W2, b2)
        t1 = clock()
        if np.count_nonzero(A2 == wrong_certainty):
            raise FloatingPointError(f"training stopped at iteration {i}")
        t2 = clock()
        if i % num_iterations == 0 or i == num_iterations:
            costs.append(helpers._cost(A2, Y))
        if i == num_iterations:
            break
        t3 = clock()
        dW1, db1, dW2, db2 = helpers._backward(X, Y, W2, A1, A2)
        t4 = clock()
        W1 -= learning_rate * dW1
        b1 -= learning_rate * db1
        W2 -= learning_rate * dW2
        b2 -= learning_rate * db2
        t5 = clock()
        totals["_forward"] += t1 - t0
        totals["divergence check"] += t2 - t1
        totals["cost and bookkeeping"] += t3 - t2
        totals["_backward"] += t4 - t3
        totals["update"] += t5 - t4

    return list(totals.items())


def profile_calls(X, Y, calls_per_round=2000, rounds=5):
    """Time single operations of the loop on flower-sized arrays, in CPU time.

    Pairs of rows compare the form nn_model uses with an alternative that
    gives the same numbers, or, for the sigmoid, with the textbook formula.
    Return (operation, microseconds per call) pairs, each the median of
    ``rounds`` interleaved rounds.
    """
    parameters = helpers.initialize_parameters(2, N_H, 1, seed=SEED)
    W1, b1, W2, b2 = (parameters[key] for key in helpers.PARAMETER_KEYS)
    Y = Y.astype(float)
    wrong_certainty = 1.0 - Y
    m_int, m_float = X.shape[1], float(X.shape[1])
    _, A1, Z2, A2 = helpers._forward(X, W1, b1, W2, b2)
    dZ2 = A2 - Y
    calls = {
        "_forward(X, W1, b1, W2, b2)": lambda: helpers._forward(X, W1, b1, W2, b2),
        "_backward(X, Y, W2, A1, A2)": lambda: helpers._backward(X, Y, W2, A1, A2),
        "_sigmoid(Z2), the stable form": lambda: helpers._sigmoid(Z2),
        "1 / (1 + np.exp(-Z2)), the textbook form": lambda: 1.0 / (1.0 + np.exp(-Z2)),
        "np.dot(W2.T, dZ2)": lambda: np.dot(W2.T, dZ2),
        "W2.T @ dZ2": lambda: W2.T @ dZ2,
        "np.dot(W1, X)": lambda: np.dot(W1, X),
        "W1 @ X": lambda: W1 @ X,
        "np.count_nonzero(A2 == 1 - Y)": lambda: np.count_nonzero(A2 == wrong_certainty),
        "(A2 == 1 - Y).any()": lambda: (A2 == wrong_certainty).any(),
        "W1 / m, m a Python float": lambda: W1 / m_float,
        "W1 / m, m a Python int": lambda: W1 / m_int,
    }
    samples = {name: [] for name in calls}
    for _ in range(rounds):
        for name, call in calls.items():
            start = time.process_time()
            for _ in range(calls_per_round):
                call()
            samples[name].append((time.process_time() - start) / calls_per_round * 1e6)
    return [(name, statistics.median(values)) for name, values in samples.items()]


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------

def accuracy_percent(parameters, X, Y):
    return 100.0 * helpers.accuracy(helpers.predict(parameters, X), Y)


def max_weight_difference(parameters, reference):
    return max(float(np.max(np.abs(parameters[key] - reference[key]))) for key in helpers.PARAMETER_KEYS)


def format_report(methods, skipped, X, Y, repeats, num_iterations, profile=None, command=None):
    """Return the markdown section: environment, results, targets and, optionally, the profile."""
    reference = methods[0]
    reference_wall = statistics.median(reference.wall_times)
    reference_cpu = statistics.median(reference.cpu_times)
    accuracies = {method.key: accuracy_percent(method.parameters, X, Y) for method in methods}

    rows = []
    for method in methods:
        wall = statistics.median(method.wall_times)
        cpu = statistics.median(method.cpu_times)
        rows.append([
            method.name,
            f"{wall:.3f}",
            f"{wall / reference_wall:.2f}",
            f"{cpu:.3f}",
            f"{cpu / reference_cpu:.2f}",
            f"{1e6 * wall / num_iterations:.0f}",
            f"{accuracies[method.key]:.2f}",
            f"{max_weight_difference(method.parameters, reference.parameters):.0e}",
        ])
    table = markdown_table(
        ["method", "wall (s)", "wall / nn_model", "CPU (s)", "CPU / nn_model", "µs per step",
         "training accuracy (%)", "max weight difference from nn_model"],
        rows,
    )

    lines = [
        "## Training: nn_model against other implementations",
        "",
        f"Generated by `{command or 'python benchmarks/bench_training.py --write'}`. "
        f"Every method trains n_h = {N_H} "
        f"hidden units on the flower (X of shape (2, 400)) for {num_iterations:,} full-batch "
        f"gradient-descent steps at learning rate {LEARNING_RATE}, starting from "
        f"initialize_parameters(2, {N_H}, 1) with seed {SEED}. Times are medians of {repeats} "
        f"interleaved rounds, and every ratio divides two medians of this run. CPU time adds up all "
        f"threads of the process.",
        "",
        *environment_lines(),
        "",
        table,
        "",
        "- The formula loop computes the cost at every step, as the course notes do. "
        "The in-place loop and nn_model compute it at the start or end only.",
        "- The last column is the largest absolute difference of any trained weight or bias from "
        "nn_model's: near 1e-14 means the same arithmetic up to rounding.",
    ]
    if any(method.key in ("sklearn", "torch") for method in methods):
        lines.append("- The scikit-learn and PyTorch times include building the estimator or model "
                     "and copying the initial weights in.")
    if SKLEARN_CONVERGENCE_WARNINGS:
        lines.append(
            f"- scikit-learn raised ConvergenceWarning in {len(SKLEARN_CONVERGENCE_WARNINGS)} of "
            f"{repeats} timed fits, and the benchmark caught it: "
            f"\"{SKLEARN_CONVERGENCE_WARNINGS[0]}\" This is expected, because tol=0 makes every fit "
            f"run to max_iter."
        )
    lines += [f"- {note}" for note in skipped]

    spread = max(accuracies.values()) - min(accuracies.values())
    if spread > ACCURACY_TOLERANCE_POINTS:
        lines.append(
            f"- WARNING: the training accuracies differ by {spread:.2f} percentage points, more than "
            f"{ACCURACY_TOLERANCE_POINTS:g}, so the methods did not do the same work. The weight "
            f"differences show which method departs."
        )
    else:
        lines.append(f"- The training accuracies differ by {spread:.2f} percentage points at most "
                     f"(allowed: {ACCURACY_TOLERANCE_POINTS:g}).")

    lines += ["", "Targets for nn_model, evaluated here and not enforced by a test:", "",
              format_targets(methods)]
    if profile:
        lines += ["", format_profile(*profile)]
    return "\n".join(lines)


def format_targets(methods):
    """Return a markdown table that compares nn_model's ratios with the targets."""
    wall = {method.key: statistics.median(method.wall_times) for method in methods}
    cpu = {method.key: statistics.median(method.cpu_times) for method in methods}
    # Each entry: method key, factor, whether nn_model must be faster by at least the factor
    # (otherwise it may take at most factor times as long), and the method's label.
    targets = (
        ("sklearn", MIN_SPEEDUP_OVER_SKLEARN, True, "scikit-learn"),
        ("torch", MIN_SPEEDUP_OVER_TORCH, True, f"PyTorch, {thread_count(usable_cores())}"),
        ("torch_1", MIN_SPEEDUP_OVER_TORCH, True, "PyTorch, 1 thread"),
        ("in_place", MAX_SLOWDOWN_VS_IN_PLACE, False, "the in-place loop"),
    )

    rows = []
    for key, limit, faster, label in targets:
        if faster:
            target = f"at least {limit:g}x faster than {label}"
        else:
            target = f"at most {limit:g}x the time of {label}"
        if key not in wall:
            if key != "torch_1":  # measured only on machines with more than one core
                rows.append([target, "not measured", "not measured", "skipped"])
            continue
        if faster:
            ratios = [wall[key] / wall["nn_model"], cpu[key] / cpu["nn_model"]]
            met = [ratio >= limit for ratio in ratios]
            formatted = [f"{ratio:.2f}x faster" for ratio in ratios]
        else:
            ratios = [wall["nn_model"] / wall[key], cpu["nn_model"] / cpu[key]]
            met = [ratio <= limit for ratio in ratios]
            formatted = [f"{ratio:.2f}x the time" for ratio in ratios]
        if all(met):
            result = "met"
        elif not any(met):
            result = "NOT met"
        else:
            result = "met in wall time only" if met[0] else "met in CPU time only"
        rows.append([target, formatted[0], formatted[1], result])
    return markdown_table(["target", "wall time", "CPU time", "result"], rows)


def format_profile(loop_parts, calls):
    total = sum(seconds for _, seconds in loop_parts)
    rows = [[part, f"{seconds:.3f}", f"{100 * seconds / total:.0f}"] for part, seconds in loop_parts]
    lines = [
        "Profile of nn_model's loop: one run of a copy of train_with_history's loop, with a clock "
        "read between the parts (wall time):",
        "",
        markdown_table(["part", "seconds", "% of the run"], rows),
        "",
        "Single operations on flower-sized arrays (CPU time, median of five rounds):",
        "",
        markdown_table(["operation", "µs per call"], [[name, f"{micros:.2f}"] for name, micros in calls]),
    ]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5,
                        help="timed runs of each method, interleaved (default: 5)")
    parser.add_argument("--iterations", type=int, default=NUM_ITERATIONS,
                        help=f"gradient-descent steps per run (default: {NUM_ITERATIONS})")
    parser.add_argument("--profile", action="store_true",
                        help="also time each part of nn_model's loop and single helper calls")
    parser.add_argument("--write", action="store_true",
                        help=f"rewrite the '{SECTION_NAME}' section of {BENCHMARKS_FILE.name}")
    args = parser.parse_args(argv)
    if args.repeats < 1 or args.iterations < 1:
        parser.error("--repeats and --iterations must be at least 1")

    X, Y = helpers.load_planar_dataset()
    methods, skipped = available_methods()
    for note in skipped:
        print(note, file=sys.stderr)

    run_benchmark(methods, X, Y, args.repeats, args.iterations)
    profile = None
    if args.profile:
        profile = (profile_nn_model(X, Y, args.iterations), profile_calls(X, Y))

    arguments = sys.argv[1:] if argv is None else list(argv)
    command = " ".join(["python benchmarks/bench_training.py", *arguments])
    report = format_report(methods, skipped, X, Y, args.repeats, args.iterations, profile, command)
    publish(SECTION_NAME, report, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
