"""Reference network, datasets, plots and checks for the ShallowNet notebooks.

ShallowNet builds a neural network with one hidden layer in numpy:

    Z1 = W1 X + b1,   A1 = tanh(Z1),   Z2 = W2 A1 + b2,   A2 = sigmoid(Z2)

Shape convention, used by every function here: examples are columns.

    X   (n_x, m)    inputs, one example per column
    Y   (n_y, m)    labels 0 or 1 (n_y = 1 for the binary problems of the series)
    W1  (n_h, n_x)  b1 (n_h, 1)
    W2  (n_y, n_h)  b2 (n_y, 1)

Every public function checks its arguments once and raises ValueError or
TypeError with the argument's name, what arrived and the likely fix.
Randomness enters only through an explicit ``seed`` argument, and importing
this module changes no global state.
"""

import contextlib
import io
import math
import numbers
import time
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

__all__ = [
    "sigmoid",
    "layer_sizes",
    "initialize_parameters",
    "forward_propagation",
    "compute_cost",
    "backward_propagation",
    "update_parameters",
    "nn_model",
    "train_with_history",
    "TrainingHistory",
    "predict",
    "accuracy",
    "logistic_regression",
    "predict_logistic",
    "load_planar_dataset",
    "load_dataset",
    "DATASET_NAMES",
    "plot_dataset",
    "plot_decision_boundary",
    "plot_cost_curve",
    "plot_hidden_units",
    "split_dataset",
    "SettingResult",
    "run_setting",
    "draw_setting",
    "explore",
    "draw_snapshot",
    "replay",
    "numerical_gradients",
    "gradient_check",
    "check_layer_sizes",
    "check_initialize_parameters",
    "check_forward_propagation",
    "check_compute_cost",
    "check_backward_propagation",
    "check_update_parameters",
    "check_nn_model",
    "check_predict",
    "CheckFailure",
    "CostIncreaseWarning",
    "CLASS_COLORS",
]

DATA_DIR = Path(__file__).resolve().parent / "data"

#: Class 0 and class 1 colours: blue and vermillion from the Okabe-Ito
#: palette, which stay distinct under the common forms of colour blindness.
CLASS_COLORS = ("#0072B2", "#D55E00")

PARAMETER_KEYS = ("W1", "b1", "W2", "b2")
CACHE_KEYS = ("Z1", "A1", "Z2", "A2")
GRADIENT_KEYS = ("dW1", "db1", "dW2", "db2")

DEFAULT_SEED = 2


class CostIncreaseWarning(UserWarning):
    """The cost at the end of training is higher than at the start.

    The usual cause is a learning rate that is too large for the data.
    """


# ---------------------------------------------------------------------------
# Argument checks
# ---------------------------------------------------------------------------

def _as_float_matrix(value, name, layout):
    """Return ``value`` as a finite 2-D float array, or raise with a fix.

    ``layout`` is the expected shape in symbols, for example "(n_x, m)".
    """
    if isinstance(value, (dict, str, bytes)) or value is None:
        raise TypeError(
            f"{name} must be a numpy array of shape {layout}; got {type(value).__name__}."
        )
    array = np.asarray(value)
    if array.dtype == object or not (
        np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.bool_)
    ):
        raise TypeError(
            f"{name} must contain numbers, with shape {layout}; got an array of dtype "
            f"{array.dtype}. Convert it with np.asarray({name}, dtype=float)."
        )
    if array.ndim != 2:
        if array.ndim == 1 and layout.endswith(", m)"):
            fix = f"Make it one row of m examples: {name}.reshape(1, -1)."
        elif array.ndim == 1 and layout.endswith(", 1)"):
            fix = f"Make it a column: {name}.reshape(-1, 1)."
        elif array.ndim == 1:
            fix = (
                f"Make it 2-D, for example {name}.reshape(1, -1) for one row "
                f"or {name}.reshape(-1, 1) for one column."
            )
        else:
            fix = f"Pass a 2-D array of shape {layout}."
        raise ValueError(
            f"{name} must be a 2-D array of shape {layout}; got a {array.ndim}-D array "
            f"of shape {array.shape}. {fix}"
        )
    if array.size == 0:
        raise ValueError(f"{name} is empty (shape {array.shape}); it needs at least one example.")
    array = array.astype(float, copy=False)
    finite = np.isfinite(array)
    if not finite.all():
        bad = np.argwhere(~finite)
        first = tuple(int(i) for i in bad[0])
        raise ValueError(
            f"{name} contains {len(bad)} NaN or infinite value(s), the first at index "
            f"{first}. Remove or repair those entries before calling this function."
        )
    return array


def _check_examples_match(X, Y, x_name="X", y_name="Y"):
    """Raise when X and Y disagree on the number of examples m."""
    if X.shape[1] == Y.shape[1]:
        return
    if X.shape[0] == Y.shape[1]:
        raise ValueError(
            f"{x_name} has shape {X.shape}, but examples must be columns: {y_name} has "
            f"{Y.shape[1]} examples, so pass {x_name}.T, of shape {X.shape[::-1]}."
        )
    if Y.shape[0] == X.shape[1] and Y.shape[1] == 1:
        raise ValueError(
            f"{y_name} has shape {Y.shape}, but labels must be a row of shape (1, m): "
            f"pass {y_name}.T, of shape {Y.shape[::-1]}."
        )
    raise ValueError(
        f"{x_name} has {X.shape[1]} examples (shape {X.shape}) but {y_name} has "
        f"{Y.shape[1]} (shape {Y.shape}); both need the same number of columns m."
    )


def _check_labels(Y, name="Y"):
    """Return Y as a 2-D int array of 0s and 1s, or raise with a fix."""
    Y = _as_float_matrix(Y, name, "(n_y, m)")
    values = np.unique(Y)
    fractions = values[(values > 0) & (values < 1)]
    if fractions.size and values.min() >= 0 and values.max() <= 1:
        raise ValueError(
            f"{name} must contain only the labels 0 and 1; got values between 0 and 1, such as "
            f"{fractions[0]:.4g}, which look like probabilities. If they are the output A2, turn "
            f"them into labels with (A2 > 0.5).astype(int). If the arguments are in the wrong "
            f"order, swap them."
        )
    if not np.isin(values, (0.0, 1.0)).all():
        shown = ", ".join(f"{v:g}" for v in values[:6])
        more = ", ..." if len(values) > 6 else ""
        raise ValueError(
            f"{name} must contain only the labels 0 and 1; got the values {{{shown}{more}}}. "
            f"Convert other labels first, for example ({name} == positive_label).astype(int)."
        )
    return Y.astype(np.int64)


def _check_positive_int(value, name, meaning):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer ({meaning}); got {value!r} of type {type(value).__name__}.")
    if value < 1:
        raise ValueError(f"{name} must be at least 1 ({meaning}); got {value}.")
    return int(value)


def _check_learning_rate(learning_rate):
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, numbers.Real):
        raise TypeError(
            f"learning_rate must be a positive number; got {learning_rate!r} "
            f"of type {type(learning_rate).__name__}."
        )
    if not math.isfinite(learning_rate) or learning_rate <= 0:
        raise ValueError(
            f"learning_rate must be a positive finite number, such as 1.2; got {learning_rate}."
        )
    return float(learning_rate)


def _check_seed(seed):
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise TypeError(f"seed must be a non-negative integer, such as 2; got {seed!r}.")
    if seed < 0:
        raise ValueError(f"seed must be a non-negative integer, such as 2; got {seed}.")
    return int(seed)


def _check_dict(value, name, keys, made_by):
    if not isinstance(value, dict):
        raise TypeError(
            f"{name} must be a dict with keys {', '.join(keys)}, as returned by {made_by}; "
            f"got {type(value).__name__}."
        )
    missing = [key for key in keys if key not in value]
    if missing:
        raise ValueError(
            f"{name} is missing {', '.join(repr(k) for k in missing)}; expected a dict with keys "
            f"{', '.join(keys)}, as returned by {made_by}."
        )


def _check_parameters(parameters, name="parameters"):
    """Return a dict of float arrays W1, b1, W2, b2 with consistent shapes."""
    _check_dict(parameters, name, PARAMETER_KEYS, "initialize_parameters")
    W1 = _as_float_matrix(parameters["W1"], f"{name}['W1']", "(n_h, n_x)")
    W2 = _as_float_matrix(parameters["W2"], f"{name}['W2']", "(n_y, n_h)")
    n_h, n_x = W1.shape
    n_y = W2.shape[0]
    if W2.shape[1] != n_h and W2.shape[1] == n_x:
        raise ValueError(
            f"{name}['W1'] has shape {W1.shape}, but W2 has shape {W2.shape}, so there are "
            f"n_h = {n_x} hidden units and W1 looks transposed: it must have shape "
            f"(n_h, n_x) = ({n_x}, {n_h}), one row per hidden unit. Pass W1.T."
        )
    if W2.shape[1] != n_h:
        raise ValueError(
            f"{name}['W2'] has shape {W2.shape} but W1 has shape {W1.shape}, so W2 needs "
            f"n_h = {n_h} columns: shape ({n_y}, {n_h}). W1 is (n_h, n_x) and W2 is (n_y, n_h)."
        )
    checked = {"W1": W1, "W2": W2}
    for key, rows in (("b1", n_h), ("b2", n_y)):
        value = np.asarray(parameters[key]) if not isinstance(parameters[key], dict) else None
        if value is None or value.shape != (rows, 1):
            shape = "a dict" if value is None else f"shape {value.shape}"
            raise ValueError(
                f"{name}['{key}'] has {shape}, but it must have shape ({rows}, 1) to match "
                f"W{key[1]}; create it with np.zeros(({rows}, 1))."
            )
        checked[key] = _as_float_matrix(value, f"{name}['{key}']", f"({rows}, 1)")
    return {key: checked[key] for key in PARAMETER_KEYS}


def _check_input_for(X, W1, name="X"):
    """Check that X has n_x = W1.shape[1] rows, with a hint for a transposed X."""
    n_x = W1.shape[1]
    if X.shape[0] == n_x:
        return
    if X.shape[1] == n_x:
        raise ValueError(
            f"{name} has shape {X.shape}, but examples must be columns: W1 expects n_x = {n_x} "
            f"rows, so pass {name}.T, of shape {X.shape[::-1]}. If {name} is already (n_x, m), "
            f"W1 {W1.shape} was created with n_x = {name}.shape[1], the number of examples: "
            f"create it with n_x = {name}.shape[0] = {X.shape[0]}."
        )
    raise ValueError(
        f"{name} has {X.shape[0]} rows (shape {X.shape}), but W1 has shape {W1.shape} and "
        f"expects n_x = {n_x} input features per example."
    )


def _check_cache(cache, parameters, m):
    _check_dict(cache, "cache", CACHE_KEYS, "forward_propagation")
    n_h = parameters["W1"].shape[0]
    n_y = parameters["W2"].shape[0]
    expected = {"Z1": (n_h, m), "A1": (n_h, m), "Z2": (n_y, m), "A2": (n_y, m)}
    checked = {}
    for key, shape in expected.items():
        array = _as_float_matrix(cache[key], f"cache['{key}']", f"{shape}")
        if array.shape != shape:
            raise ValueError(
                f"cache['{key}'] has shape {array.shape}, but with W1 {parameters['W1'].shape} "
                f"and {m} examples it must have shape {shape}. Was the cache made from the same "
                f"X and parameters?"
            )
        checked[key] = array
    return checked


def _check_probabilities(A2, name="A2"):
    A2 = _as_float_matrix(A2, name, "(n_y, m)")
    if A2.min() < 0 or A2.max() > 1:
        raise ValueError(
            f"{name} must hold probabilities in [0, 1]; got values from {A2.min():.4g} to "
            f"{A2.max():.4g}. Pass the sigmoid output A2, not Z2."
        )
    return A2


def _check_same_shape(array, reference, name, reference_name):
    if array.shape != reference.shape:
        raise ValueError(
            f"{name} has shape {array.shape} but {reference_name} has shape "
            f"{reference.shape}; they must match."
        )


# ---------------------------------------------------------------------------
# The network
# ---------------------------------------------------------------------------

def sigmoid(z):
    """Compute the logistic sigmoid 1 / (1 + exp(-z)) without overflow.

    It evaluates exp(min(z, 0)) / (1 + exp(-|z|)): for z >= 0 that is
    1 / (1 + exp(-z)), and for z < 0 the equal form exp(z) / (1 + exp(z)).
    ``exp`` only receives numbers <= 0, so it never overflows.

    Parameters
    ----------
    z : float or array_like
        Any finite real numbers, of any shape.

    Returns
    -------
    s : float or ndarray of the same shape as z
        Values in [0, 1].

    Raises
    ------
    TypeError
        When z is not numeric, for example a string.

    Examples
    --------
    >>> float(sigmoid(0.0))
    0.5
    >>> sigmoid(np.array([-1e4, 1e4]))
    array([0., 1.])
    """
    array = np.asarray(z)
    if not (np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.bool_)):
        raise TypeError(f"z must be a number or an array of numbers; got {z!r} of dtype {array.dtype}.")
    s = _sigmoid(array.astype(float, copy=False))
    return s[()] if s.ndim == 0 else s


def _sigmoid(z):
    # The numerator exp(min(z, 0)) is 1 for z >= 0 and exp(z) for z < 0.
    return np.exp(np.minimum(z, 0.0)) / (1.0 + np.exp(-np.abs(z)))


def layer_sizes(X, Y, n_h=4):
    """Return the sizes of the three layers.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
        Inputs, one example per column.
    Y : ndarray of shape (n_y, m)
        Labels 0 or 1.
    n_h : int, default 4
        Number of hidden units.

    Returns
    -------
    n_x, n_h, n_y : int
        Input features, hidden units, output units.

    Examples
    --------
    >>> layer_sizes(np.zeros((2, 5)), np.zeros((1, 5)))
    (2, 4, 1)
    """
    X = _as_float_matrix(X, "X", "(n_x, m)")
    Y = _check_labels(Y)
    _check_examples_match(X, Y)
    n_h = _check_positive_int(n_h, "n_h", "the number of hidden units")

    return X.shape[0], n_h, Y.shape[0]


def initialize_parameters(n_x, n_h, n_y, seed=DEFAULT_SEED):
    """Create small random weights and zero biases.

    W1 and W2 are drawn from a standard normal distribution and scaled by
    0.01, so tanh starts in its steep, almost linear part. Random values
    break the symmetry between hidden units. The biases start at zero.

    Parameters
    ----------
    n_x, n_h, n_y : int
        Sizes of the input, hidden and output layers.
    seed : int, default 2
        Seed of the numpy Generator that draws W1, then W2.

    Returns
    -------
    parameters : dict
        W1 of shape (n_h, n_x), b1 of shape (n_h, 1),
        W2 of shape (n_y, n_h), b2 of shape (n_y, 1).

    Examples
    --------
    >>> p = initialize_parameters(2, 4, 1)
    >>> p["W1"].shape, p["b1"].shape, p["W2"].shape, p["b2"].shape
    ((4, 2), (4, 1), (1, 4), (1, 1))
    """
    n_x = _check_positive_int(n_x, "n_x", "the number of input features")
    n_h = _check_positive_int(n_h, "n_h", "the number of hidden units")
    n_y = _check_positive_int(n_y, "n_y", "the number of output units")
    seed = _check_seed(seed)

    rng = np.random.default_rng(seed)
    W1 = rng.standard_normal((n_h, n_x)) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = rng.standard_normal((n_y, n_h)) * 0.01
    b2 = np.zeros((n_y, 1))

    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


# The formulas of the forward and backward pass, on plain arrays and without
# input checks. The public functions check their arguments and call these, and
# so does the training loop at every step. np.dot computes the same products as
# the @ of the notebooks, and is faster on arrays this small (BENCHMARKS.md).

def _forward(X, W1, b1, W2, b2):
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = _sigmoid(Z2)
    return Z1, A1, Z2, A2


def _forward_with_cache(X, parameters):
    Z1, A1, Z2, A2 = _forward(X, *(parameters[key] for key in PARAMETER_KEYS))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def forward_propagation(X, parameters):
    """Run the network on X and keep the intermediate values.

    Z1 = W1 X + b1,  A1 = tanh(Z1),  Z2 = W2 A1 + b2,  A2 = sigmoid(Z2).

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
        Inputs, one example per column.
    parameters : dict
        W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1).

    Returns
    -------
    A2 : ndarray of shape (n_y, m)
        Output probabilities.
    cache : dict
        Z1 and A1 of shape (n_h, m), Z2 and A2 of shape (n_y, m), for the
        backward pass.

    Examples
    --------
    >>> p = initialize_parameters(2, 4, 1)
    >>> A2, cache = forward_propagation(np.ones((2, 3)), p)
    >>> A2.shape, cache["A1"].shape
    ((1, 3), (4, 3))
    """
    parameters = _check_parameters(parameters)
    X = _as_float_matrix(X, "X", "(n_x, m)")
    _check_input_for(X, parameters["W1"])

    return _forward_with_cache(X, parameters)


def _cost(A2, Y):
    m = Y.shape[1]
    eps = np.finfo(float).eps
    A2 = np.clip(A2, eps, 1.0 - eps)
    log_likelihood = Y * np.log(A2) + (1 - Y) * np.log(1.0 - A2)
    return float(-np.sum(log_likelihood) / m)


def compute_cost(A2, Y):
    """Compute the cross-entropy cost.

    J = -(1/m) sum_i [ y_i log(a_i) + (1 - y_i) log(1 - a_i) ]

    A2 is clipped to [eps, 1 - eps] with eps the float64 machine epsilon
    (about 2.2e-16) before the logarithm, so the cost stays finite, at most
    about 36 per example, when A2 contains exactly 0 or 1.

    Parameters
    ----------
    A2 : ndarray of shape (n_y, m)
        Output probabilities from forward_propagation.
    Y : ndarray of shape (n_y, m)
        Labels 0 or 1.

    Returns
    -------
    cost : float
        The mean cross-entropy over the m examples (summed over outputs).

    Examples
    --------
    >>> round(compute_cost(np.array([[0.5, 0.5]]), np.array([[0, 1]])), 6)
    0.693147
    """
    A2 = _check_probabilities(A2)
    Y = _check_labels(Y)
    if A2.shape != Y.shape:
        if A2.shape == Y.shape[::-1]:
            raise ValueError(
                f"A2 has shape {A2.shape} but Y has shape {Y.shape}; one of them is "
                f"transposed. Both must be (n_y, m), for example (1, {max(Y.shape)})."
            )
        _check_same_shape(A2, Y, "A2", "Y")

    return _cost(A2, Y)


def _backward(X, Y, W2, A1, A2):
    m = float(X.shape[1])  # a Python float divides arrays faster than an int

    dZ2 = A2 - Y                                      # dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m                       # dW2 = (1/m) dZ2 A1^T
    db2 = dZ2.sum(axis=1, keepdims=True) / m          # db2 = (1/m) sum dZ2
    dZ1 = np.dot(W2.T, dZ2) * (1.0 - A1 ** 2)         # dZ1 = W2^T dZ2 * (1 - A1^2)
    dW1 = np.dot(dZ1, X.T) / m                        # dW1 = (1/m) dZ1 X^T
    db1 = dZ1.sum(axis=1, keepdims=True) / m          # db1 = (1/m) sum dZ1

    return dW1, db1, dW2, db2


def backward_propagation(parameters, cache, X, Y):
    """Compute the gradients of the cost with respect to every parameter.

    With m examples and ``*`` the elementwise product::

        dZ2 = A2 - Y
        dW2 = (1/m) dZ2 A1^T
        db2 = (1/m) sum of dZ2 over examples (row sums, shape (n_y, 1))
        dZ1 = W2^T dZ2 * (1 - A1^2)
        dW1 = (1/m) dZ1 X^T
        db1 = (1/m) sum of dZ1 over examples (row sums, shape (n_h, 1))

    Parameters
    ----------
    parameters : dict
        W1, b1, W2, b2 as used for the forward pass.
    cache : dict
        Z1, A1, Z2, A2 from forward_propagation on the same X.
    X : ndarray of shape (n_x, m)
        Inputs, one example per column.
    Y : ndarray of shape (n_y, m)
        Labels 0 or 1.

    Returns
    -------
    grads : dict
        dW1 (n_h, n_x), db1 (n_h, 1), dW2 (n_y, n_h), db2 (n_y, 1): each
        gradient has the shape of its parameter.

    Examples
    --------
    >>> X, Y = np.array([[1.0, -1.0], [0.5, 2.0]]), np.array([[1, 0]])
    >>> p = initialize_parameters(2, 3, 1)
    >>> A2, cache = forward_propagation(X, p)
    >>> grads = backward_propagation(p, cache, X, Y)
    >>> grads["dW1"].shape, grads["db2"].shape
    ((3, 2), (1, 1))
    """
    parameters = _check_parameters(parameters)
    X = _as_float_matrix(X, "X", "(n_x, m)")
    _check_input_for(X, parameters["W1"])
    Y = _check_labels(Y)
    _check_examples_match(X, Y)
    if Y.shape[0] != parameters["W2"].shape[0]:
        raise ValueError(
            f"Y has shape {Y.shape}, so n_y = {Y.shape[0]}, but W2 has shape "
            f"{parameters['W2'].shape}, so the network has n_y = {parameters['W2'].shape[0]} outputs. "
            f"If the parameters come from initialize_parameters, check the order of its "
            f"arguments: (n_x, n_h, n_y)."
        )
    cache = _check_cache(cache, parameters, X.shape[1])

    dW1, db1, dW2, db2 = _backward(X, Y, parameters["W2"], cache["A1"], cache["A2"])
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def _update(parameters, grads, learning_rate):
    return {key: parameters[key] - learning_rate * grads["d" + key] for key in PARAMETER_KEYS}


def update_parameters(parameters, grads, learning_rate=1.2):
    """Take one gradient-descent step: theta = theta - learning_rate * dtheta.

    Returns new arrays; the arrays in ``parameters`` are left unchanged.

    Parameters
    ----------
    parameters : dict
        W1, b1, W2, b2.
    grads : dict
        dW1, db1, dW2, db2 from backward_propagation, each of the shape of
        its parameter.
    learning_rate : float, default 1.2
        Step size, a positive number.

    Returns
    -------
    parameters : dict
        The updated W1, b1, W2, b2.

    Examples
    --------
    >>> p = {"W1": np.ones((1, 1)), "b1": np.zeros((1, 1)), "W2": np.ones((1, 1)), "b2": np.zeros((1, 1))}
    >>> g = {"dW1": np.ones((1, 1)), "db1": np.ones((1, 1)), "dW2": np.zeros((1, 1)), "db2": np.zeros((1, 1))}
    >>> update_parameters(p, g, learning_rate=0.5)["W1"]
    array([[0.5]])
    """
    parameters = _check_parameters(parameters)
    learning_rate = _check_learning_rate(learning_rate)
    _check_dict(grads, "grads", GRADIENT_KEYS, "backward_propagation")
    checked_grads = {}
    for key in PARAMETER_KEYS:
        gradient = _as_float_matrix(grads["d" + key], f"grads['d{key}']", str(parameters[key].shape))
        _check_same_shape(gradient, parameters[key], f"grads['d{key}']", f"parameters['{key}']")
        checked_grads["d" + key] = gradient

    return _update(parameters, checked_grads, learning_rate)


@dataclass
class TrainingHistory:
    """Result of ``train_with_history``: final parameters and recorded costs.

    Attributes
    ----------
    parameters : dict
        W1, b1, W2, b2 after the last iteration.
    iterations : list of int
        Iterations at which the cost was recorded (0 is before any update).
    costs : list of float
        The cost at each recorded iteration.
    learning_rate : float
        The step size used.
    snapshots : list of (int, dict)
        (iteration, parameters) pairs, when training recorded snapshots.
    """

    parameters: dict
    iterations: list = field(default_factory=list)
    costs: list = field(default_factory=list)
    learning_rate: float = 1.2
    snapshots: list = field(default_factory=list)


def _validate_training_arguments(X, Y, n_h, num_iterations, learning_rate, seed):
    X = _as_float_matrix(X, "X", "(n_x, m)")
    Y = _check_labels(Y)
    _check_examples_match(X, Y)
    n_h = _check_positive_int(n_h, "n_h", "the number of hidden units")
    num_iterations = _check_positive_int(num_iterations, "num_iterations", "the number of gradient-descent steps")
    learning_rate = _check_learning_rate(learning_rate)
    seed = _check_seed(seed)
    return X, Y, n_h, num_iterations, learning_rate, seed


def train_with_history(X, Y, n_h, num_iterations=10000, learning_rate=1.2,
                       print_cost=False, seed=DEFAULT_SEED, record_every=10, snapshot_every=None):
    """Train the network like ``nn_model`` and also return the cost history.

    The arguments are checked once; the loop then runs forward propagation,
    backward propagation and the update on plain arrays. The cost is computed
    at iteration 0, every ``record_every`` iterations, at every 1000th
    iteration when ``print_cost`` is set, and after the last update.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
        Inputs, one example per column.
    Y : ndarray of shape (n_y, m)
        Labels 0 or 1.
    n_h : int
        Number of hidden units.
    num_iterations : int, default 10000
        Number of gradient-descent steps.
    learning_rate : float, default 1.2
        Step size.
    print_cost : bool, default False
        Print the cost every 1000 iterations.
    seed : int, default 2
        Seed for initialize_parameters.
    record_every : int, default 10
        Spacing, in iterations, of the recorded costs.
    snapshot_every : int, optional
        When given, keep the parameters at iteration 0, every
        ``snapshot_every`` iterations and after the last update, in
        ``history.snapshots``, for replaying the training.

    Returns
    -------
    history : TrainingHistory
        ``history.parameters``, ``history.iterations`` and ``history.costs``.

    Raises
    ------
    FloatingPointError
        When the cost stops being finite: an output saturates to exactly 0 or
        1 on the wrong side of its label, or becomes NaN. This happens when
        the learning rate is far too large. The message names the iteration,
        and the exception's ``history`` attribute contains what was recorded
        until then.

    Warns
    -----
    CostIncreaseWarning
        When the final cost is higher than the cost at initialization.
    """
    X, Y, n_h, num_iterations, learning_rate, seed = _validate_training_arguments(
        X, Y, n_h, num_iterations, learning_rate, seed)
    record_every = _check_positive_int(record_every, "record_every", "iterations between recorded costs")
    if snapshot_every is not None:
        snapshot_every = _check_positive_int(snapshot_every, "snapshot_every", "iterations between snapshots")
    n_x, n_y = X.shape[0], Y.shape[0]
    Y = Y.astype(float)  # with integer labels, A2 - Y would convert Y at every step
    wrong_certainty = 1.0 - Y  # an output equal to this gives its true label probability 0

    parameters = initialize_parameters(n_x, n_h, n_y, seed=seed)
    history = TrainingHistory(parameters=parameters, learning_rate=learning_rate)
    # The updates below change these arrays in place, so `parameters` always contains the current values.
    W1, b1, W2, b2 = (parameters[key] for key in PARAMETER_KEYS)

    for i in range(num_iterations + 1):
        _, A1, _, A2 = _forward(X, W1, b1, W2, b2)
        if np.count_nonzero(A2 == wrong_certainty):
            _raise_diverged(A2, Y, i, learning_rate, history)
        if snapshot_every and (i % snapshot_every == 0 or i == num_iterations):
            history.snapshots.append((i, {key: value.copy() for key, value in parameters.items()}))

        printing = print_cost and i % 1000 == 0 and i < num_iterations
        if i % record_every == 0 or i == num_iterations or printing:
            cost = _cost(A2, Y)
            if not math.isfinite(cost):
                _raise_diverged(A2, Y, i, learning_rate, history)
            history.iterations.append(i)
            history.costs.append(cost)
            if printing:
                print(f"Cost after iteration {i:5d}: {cost:.6f}")
        if i == num_iterations:
            break

        dW1, db1, dW2, db2 = _backward(X, Y, W2, A1, A2)
        W1 -= learning_rate * dW1
        b1 -= learning_rate * db1
        W2 -= learning_rate * dW2
        b2 -= learning_rate * db2

    if history.costs[-1] > history.costs[0]:
        warnings.warn(
            f"the cost rose from {history.costs[0]:.4f} to {history.costs[-1]:.4f} over "
            f"{num_iterations} iterations with learning_rate={learning_rate:g}; "
            f"try a smaller learning rate.",
            CostIncreaseWarning,
            stacklevel=2,
        )
    return history


def _raise_diverged(A2, Y, iteration, learning_rate, history):
    """Raise FloatingPointError for an output that makes the exact cost infinite.

    The training loop calls this where the sigmoid saturated to exactly 0 or
    1 on the wrong side of a label, or where the cost is NaN. The
    cross-entropy of such an example is -log(0) = infinity (compute_cost
    reports a clipped, finite stand-in), and no run that still converges
    gets there.
    """
    if np.isnan(A2).any():
        reason = "the output A2 contains NaN because the parameters overflowed"
    else:
        count = int(np.sum(np.abs(A2 - Y) >= 1.0))
        reason = (f"the network gives probability exactly 0 to the true label of {count} "
                  f"example(s), so the cross-entropy cost is infinite")
    error = FloatingPointError(
        f"Training stopped at iteration {iteration} with learning_rate={learning_rate:g}: "
        f"{reason}. The steps are far too large; use a smaller learning rate."
    )
    error.history = history
    raise error


def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=1.2, print_cost=False,
             seed=DEFAULT_SEED):
    """Train the one-hidden-layer network with full-batch gradient descent.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
        Inputs, one example per column.
    Y : ndarray of shape (n_y, m)
        Labels 0 or 1.
    n_h : int
        Number of hidden units.
    num_iterations : int, default 10000
        Number of gradient-descent steps.
    learning_rate : float, default 1.2
        Step size.
    print_cost : bool, default False
        Print the cost every 1000 iterations.
    seed : int, default 2
        Seed for initialize_parameters.

    Returns
    -------
    parameters : dict
        The trained W1, b1, W2, b2. For the cost history, call
        ``train_with_history`` with the same arguments.

    Raises
    ------
    FloatingPointError
        When training diverges and the cost stops being finite.

    Examples
    --------
    >>> X, Y = load_planar_dataset()
    >>> parameters = nn_model(X, Y, n_h=4, num_iterations=100)
    >>> sorted(parameters)
    ['W1', 'W2', 'b1', 'b2']
    """
    history = train_with_history(X, Y, n_h, num_iterations=num_iterations,
                                 learning_rate=learning_rate, print_cost=print_cost,
                                 seed=seed, record_every=num_iterations)
    return history.parameters


def predict(parameters, X):
    """Predict class labels: 1 where the output probability A2 > 0.5, else 0.

    Parameters
    ----------
    parameters : dict
        W1, b1, W2, b2.
    X : ndarray of shape (n_x, m)
        Inputs, one example per column.

    Returns
    -------
    predictions : ndarray of shape (n_y, m), int64
        Labels 0 or 1.

    Examples
    --------
    >>> p = initialize_parameters(2, 4, 1)
    >>> predict(p, np.zeros((2, 3)))
    array([[0, 0, 0]])
    """
    A2, _ = forward_propagation(X, parameters)
    return (A2 > 0.5).astype(np.int64)


def accuracy(predictions, Y):
    """Return the fraction of examples whose predicted label equals Y.

    Parameters
    ----------
    predictions : ndarray of shape (n_y, m)
        Predicted labels 0 or 1, for example from predict.
    Y : ndarray of shape (n_y, m)
        True labels 0 or 1.

    Returns
    -------
    accuracy : float
        A number in [0, 1]; multiply by 100 for a percentage.

    Examples
    --------
    >>> accuracy(np.array([[1, 0, 1, 1]]), np.array([[1, 0, 0, 1]]))
    0.75
    """
    predictions = _check_labels(predictions, "predictions")
    Y = _check_labels(Y)
    _check_same_shape(predictions, Y, "predictions", "Y")

    return float(np.mean(predictions == Y))


# ---------------------------------------------------------------------------
# Logistic-regression baseline: the network without a hidden layer
# ---------------------------------------------------------------------------

def logistic_regression(X, Y, num_iterations=2000, learning_rate=0.5):
    """Fit logistic regression, A = sigmoid(W X + b), by gradient descent.

    This is the network with no hidden layer, so its decision boundary is a
    straight line. W and b start at zero (with no hidden layer there is no
    symmetry to break).

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
        Inputs, one example per column.
    Y : ndarray of shape (1, m)
        Labels 0 or 1.
    num_iterations : int, default 2000
        Number of gradient-descent steps.
    learning_rate : float, default 0.5
        Step size.

    Returns
    -------
    parameters : dict
        W of shape (1, n_x) and b of shape (1, 1). W is the row w^T of the
        weight column w in a = sigmoid(w^T x + b), laid out like W2.
    """
    X = _as_float_matrix(X, "X", "(n_x, m)")
    Y = _check_labels(Y)
    _check_examples_match(X, Y)
    num_iterations = _check_positive_int(num_iterations, "num_iterations", "the number of gradient-descent steps")
    learning_rate = _check_learning_rate(learning_rate)
    m = X.shape[1]

    W = np.zeros((Y.shape[0], X.shape[0]))
    b = np.zeros((Y.shape[0], 1))
    for _ in range(num_iterations):
        A = sigmoid(W @ X + b)
        dZ = A - Y
        W = W - learning_rate * (dZ @ X.T) / m
        b = b - learning_rate * np.sum(dZ, axis=1, keepdims=True) / m

    return {"W": W, "b": b}


def predict_logistic(parameters, X):
    """Predict labels with a logistic-regression model: 1 where sigmoid(W X + b) > 0.5.

    Parameters
    ----------
    parameters : dict
        W of shape (1, n_x) and b of shape (1, 1), from logistic_regression.
    X : ndarray of shape (n_x, m)
        Inputs, one example per column.

    Returns
    -------
    predictions : ndarray of shape (1, m), int64
    """
    _check_dict(parameters, "parameters", ("W", "b"), "logistic_regression")
    W = _as_float_matrix(parameters["W"], "parameters['W']", "(1, n_x)")
    b = _as_float_matrix(parameters["b"], "parameters['b']", "(1, 1)")
    X = _as_float_matrix(X, "X", "(n_x, m)")
    _check_input_for(X, W)

    return (sigmoid(W @ X + b) > 0.5).astype(np.int64)


# ---------------------------------------------------------------------------
# Datasets
# ---------------------------------------------------------------------------

def _read_dataset_csv(path):
    if not path.exists():
        raise FileNotFoundError(
            f"dataset file {path.name} not found in {path.parent}. The data folder must sit "
            f"next to shallownet_helpers.py: copy it back from the course materials, or "
            f"regenerate the files with 'python data/make_datasets.py'."
        )
    table = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    X = np.ascontiguousarray(table[:, :2].T)
    Y = table[:, 2].astype(np.int64).reshape(1, -1)
    return X, Y


#: Names accepted by load_dataset; data/README.md describes how each was drawn.
DATASET_NAMES = ("flower", "circles", "moons", "blobs", "gaussian_quantiles", "spirals", "xor")


def load_dataset(name):
    """Load one of the planar datasets of the series by name.

    Parameters
    ----------
    name : str
        One of "flower", "circles", "moons", "blobs", "gaussian_quantiles",
        "spirals", "xor".

    Returns
    -------
    X : ndarray of shape (2, m), float64
        Coordinates, one example per column (m is 300 or 400).
    Y : ndarray of shape (1, m), int64
        Labels 0 and 1, m / 2 of each.

    Raises
    ------
    ValueError
        For an unknown name; the message lists the valid ones.

    Examples
    --------
    >>> X, Y = load_dataset("moons")
    >>> X.shape, Y.shape
    ((2, 400), (1, 400))
    """
    if name not in DATASET_NAMES:
        raise ValueError(
            f"unknown dataset {name!r}; choose one of {', '.join(repr(n) for n in DATASET_NAMES)}."
        )
    return _read_dataset_csv(DATA_DIR / f"{name}.csv")


def load_planar_dataset():
    """Load the planar "flower": 400 points in 2-D, 200 of each class.

    The file is data/flower.csv beside this module, so the call works from
    any working directory. data/README.md describes how it was drawn.

    Returns
    -------
    X : ndarray of shape (2, 400), float64
        Coordinates, one example per column.
    Y : ndarray of shape (1, 400), int64
        Labels 0 and 1.

    Examples
    --------
    >>> X, Y = load_planar_dataset()
    >>> X.shape, Y.shape, int(Y.sum())
    ((2, 400), (1, 400), 200)
    """
    return load_dataset("flower")


# ---------------------------------------------------------------------------
# Plotting
# ---------------------------------------------------------------------------

def _labels_as_row(Y, m, name="Y"):
    """Accept labels shaped (m,), (1, m) or (m, 1) and return them as a flat (m,) array."""
    array = np.asarray(Y)
    if array.ndim == 2 and 1 in array.shape:
        array = array.reshape(-1)
    if array.ndim != 1 or array.shape[0] != m:
        raise ValueError(
            f"{name} must hold one label per example, shaped (m,), (1, m) or (m, 1) with "
            f"m = {m}; got shape {np.asarray(Y).shape}."
        )
    return _check_labels(array.reshape(1, -1), name)[0]


def _plane_points(X, Y):
    """Return X as a (2, m) float array and Y as m flat labels, or raise with a fix."""
    X = _as_float_matrix(X, "X", "(2, m)")
    if X.shape[0] != 2 and X.shape[1] == 2:
        raise ValueError(f"X has shape {X.shape}, but examples must be columns: pass X.T, of shape {X.shape[::-1]}.")
    if X.shape[0] != 2:
        raise ValueError(f"X must have 2 rows (x1 and x2) to be drawn in the plane; got shape {X.shape}.")
    return X, _labels_as_row(Y, X.shape[1])


def _plot_points(ax, X, labels):
    for label, color in enumerate(CLASS_COLORS):
        chosen = labels == label
        ax.scatter(X[0, chosen], X[1, chosen], s=18, c=color, edgecolors="white",
                   linewidths=0.4, label=f"class {label}")


def plot_dataset(X, Y, ax=None, title=None):
    """Scatter a 2-D dataset, class 0 in blue and class 1 in vermillion.

    Parameters
    ----------
    X : ndarray of shape (2, m)
        Points, one per column.
    Y : array of shape (m,), (1, m) or (m, 1)
        Labels 0 or 1.
    ax : matplotlib Axes, optional
        Where to draw; the current Axes by default.
    title : str, optional
        Axes title.
    """
    import matplotlib.pyplot as plt

    X, labels = _plane_points(X, Y)
    ax = plt.gca() if ax is None else ax

    _plot_points(ax, X, labels)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_aspect("equal", adjustable="datalim")
    ax.legend(loc="upper right", fontsize="small")
    if title:
        ax.set_title(title)


def _grid_resolution(ax):
    """Return grid points per axis for shading ax: about one per two pixels, 50 to 300."""
    extent = ax.get_window_extent()
    return int(np.clip(max(extent.width, extent.height) / 2, 50, 300))


def plot_decision_boundary(predict_function, X, Y, ax=None, title=None, resolution=None):
    """Shade the regions a classifier assigns to each class and draw the data.

    Parameters
    ----------
    predict_function : callable
        Takes an array of shape (2, k), one point per column, and returns k
        labels 0 or 1 (any shape with k entries), for example
        ``lambda points: predict(parameters, points)``.
    X : ndarray of shape (2, m)
        Points, one per column.
    Y : array of shape (m,), (1, m) or (m, 1)
        Labels 0 or 1.
    ax : matplotlib Axes, optional
        Where to draw; the current Axes by default.
    title : str, optional
        Axes title.
    resolution : int, optional
        Grid points along each axis. By default about one per two pixels
        of the axes, from 50 to 300, because a finer grid cannot show more
        detail. A 5 x 4 inch figure at 72 dpi gets about 140.
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap

    if not callable(predict_function):
        raise TypeError(
            f"predict_function must be callable, such as lambda points: predict(parameters, points); "
            f"got {type(predict_function).__name__}."
        )
    X, labels = _plane_points(X, Y)
    ax = plt.gca() if ax is None else ax
    if resolution is None:
        resolution = _grid_resolution(ax)
    resolution = _check_positive_int(resolution, "resolution", "grid points per axis")

    margin = 1.0
    x1 = np.linspace(X[0].min() - margin, X[0].max() + margin, resolution)
    x2 = np.linspace(X[1].min() - margin, X[1].max() + margin, resolution)
    grid1, grid2 = np.meshgrid(x1, x2)
    points = np.vstack([grid1.ravel(), grid2.ravel()])
    regions = np.asarray(predict_function(points))
    if regions.size != points.shape[1]:
        raise ValueError(
            f"predict_function returned {regions.size} values for {points.shape[1]} points; it "
            f"must take an array of shape (2, k) (points as columns) and return k labels."
        )
    regions = regions.reshape(grid1.shape)

    ax.contourf(grid1, grid2, regions, levels=[-0.5, 0.5, 1.5],
                cmap=ListedColormap(CLASS_COLORS), alpha=0.25)
    _plot_points(ax, X, labels)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_xlim(x1[0], x1[-1])
    ax.set_ylim(x2[0], x2[-1])
    ax.set_aspect("equal", adjustable="box")
    if title:
        ax.set_title(title)


def plot_cost_curve(iterations, costs, ax=None, label=None, **plot_kwargs):
    """Draw the cost against the iteration number.

    Parameters
    ----------
    iterations, costs : sequences of the same length
        For example ``history.iterations`` and ``history.costs`` from
        train_with_history.
    ax : matplotlib Axes, optional
        Where to draw; the current Axes by default.
    label : str, optional
        Legend label for this curve. With a label, the Axes shows a legend.
    **plot_kwargs
        Passed on to ``ax.plot``, for example ``color="C2"``, ``marker="."``
        or ``zorder=3``.
    """
    import matplotlib.pyplot as plt

    iterations = np.asarray(iterations)
    costs = np.asarray(costs, dtype=float)
    if iterations.shape != costs.shape or iterations.ndim != 1:
        raise ValueError(
            f"iterations and costs must be 1-D and of the same length; got shapes "
            f"{iterations.shape} and {costs.shape}."
        )
    ax = plt.gca() if ax is None else ax

    ax.plot(iterations, costs, label=label, **plot_kwargs)
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost $J$")
    if label:
        ax.legend()


# ---------------------------------------------------------------------------
# Experiments: held-out splits, hidden units, the explorer and the replay
# ---------------------------------------------------------------------------

def split_dataset(X, Y, test_fraction=0.3, seed=0):
    """Split the examples into a training set and a held-out set, class by class.

    Each class contributes round(test_fraction * its count) examples to the
    held-out set, so both sets keep the class balance of Y.

    Parameters
    ----------
    X : ndarray of shape (n_x, m)
        Inputs, one example per column.
    Y : ndarray of shape (1, m)
        Labels 0 or 1.
    test_fraction : float, default 0.3
        Share of each class that goes to the held-out set, in (0, 1).
    seed : int, default 0
        Seed of the shuffle.

    Returns
    -------
    X_train, Y_train, X_test, Y_test : ndarrays
        Shapes (n_x, m_train), (1, m_train), (n_x, m_test), (1, m_test).
    """
    X = _as_float_matrix(X, "X", "(n_x, m)")
    Y = _check_labels(Y)
    _check_examples_match(X, Y)
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must lie strictly between 0 and 1; got {test_fraction}.")
    rng = np.random.default_rng(_check_seed(seed))

    test = []
    for label in (0, 1):
        members = rng.permutation(np.flatnonzero(Y[0] == label))
        test.extend(members[:round(test_fraction * len(members))])
    is_test = np.zeros(X.shape[1], dtype=bool)
    is_test[test] = True

    return X[:, ~is_test], Y[:, ~is_test], X[:, is_test], Y[:, is_test]


def plot_hidden_units(parameters, X, Y, fig=None, resolution=150):
    """Draw, for each hidden unit, the half-plane where its tanh output is positive.

    Hidden unit j computes tanh(W1[j] . x + b1[j]), which is positive on one
    side of the line W1[j] . x + b1[j] = 0. One small panel per unit shades
    that side, and a last panel shows the boundary of the whole network.

    Parameters
    ----------
    parameters : dict
        W1, b1, W2, b2 of a network with n_x = 2 inputs.
    X : ndarray of shape (2, m)
        Points, one per column.
    Y : array of shape (m,), (1, m) or (m, 1)
        Labels 0 or 1.
    fig : matplotlib Figure, optional
        Where to draw; a new pyplot figure by default.
    resolution : int, default 150
        Grid points along each axis of every panel.
    """
    import matplotlib.pyplot as plt

    parameters = _check_parameters(parameters)
    W1, b1 = parameters["W1"], parameters["b1"]
    if W1.shape[1] != 2:
        raise ValueError(f"plot_hidden_units draws networks with 2 inputs; W1 has shape {W1.shape}.")
    n_h = W1.shape[0]
    fig = plt.figure(figsize=(2.4 * (n_h + 1), 2.8)) if fig is None else fig
    axes = fig.subplots(1, n_h + 1, squeeze=False)[0]

    for j, ax in enumerate(axes[:-1]):
        def unit_positive(points, j=j):
            return (np.tanh(W1[j] @ points + b1[j, 0]) > 0).astype(np.int64)
        plot_decision_boundary(unit_positive, X, Y, ax=ax, resolution=resolution)
        ax.set_title(f"unit {j + 1}: $a^{{[1]}}_{{{j + 1}}} > 0$", fontsize="small")
    plot_decision_boundary(lambda points: predict(parameters, points), X, Y, ax=axes[-1], resolution=resolution)
    axes[-1].set_title("network", fontsize="small")
    for ax in axes:
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.tick_params(labelsize="x-small")


@dataclass
class SettingResult:
    """One trained setting of the explorer: the network, its costs and its accuracies.

    ``error`` contains the message when training stopped because the cost was
    no longer finite; the accuracies are then NaN.
    """

    dataset: str
    n_h: int
    learning_rate: float
    num_iterations: int
    seed: int
    parameters: dict
    iterations: list
    costs: list
    train_accuracy: float
    test_accuracy: float
    seconds: float
    X_train: np.ndarray
    Y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray
    error: str | None = None


def run_setting(dataset, n_h, learning_rate, num_iterations, seed, train_function=None,
                test_fraction=0.3, split_seed=0):
    """Train one setting on a held-out split of a dataset and measure it.

    Parameters
    ----------
    dataset : str
        A name from DATASET_NAMES.
    n_h, learning_rate, num_iterations, seed
        As for nn_model.
    train_function : callable, optional
        Called as ``train_function(X, Y, n_h, num_iterations=..., learning_rate=...,
        seed=...)``; it returns the parameters dict (like nn_model) or a
        TrainingHistory (like train_with_history, the default, which also
        gives the cost curve).
    test_fraction : float, default 0.3
        Share of each class held out.
    split_seed : int, default 0
        Seed of the split, fixed so that every setting trains and tests on the same data.

    Returns
    -------
    result : SettingResult
    """
    X, Y = load_dataset(dataset)
    X_train, Y_train, X_test, Y_test = split_dataset(X, Y, test_fraction=test_fraction, seed=split_seed)
    train_function = train_with_history if train_function is None else train_function

    start = time.perf_counter()
    error = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CostIncreaseWarning)
            trained = train_function(X_train, Y_train, n_h, num_iterations=num_iterations,
                                     learning_rate=learning_rate, seed=seed)
    except FloatingPointError as stopped:
        error = str(stopped)
        trained = getattr(stopped, "history", None)
    seconds = time.perf_counter() - start

    if isinstance(trained, TrainingHistory):
        parameters, iterations, costs = trained.parameters, list(trained.iterations), list(trained.costs)
    else:
        parameters, iterations, costs = trained, [], []
    if error is None:
        train_accuracy = accuracy(predict(parameters, X_train), Y_train)
        test_accuracy = accuracy(predict(parameters, X_test), Y_test)
    else:
        train_accuracy = test_accuracy = float("nan")

    return SettingResult(dataset, n_h, learning_rate, num_iterations, seed, parameters, iterations, costs,
                         train_accuracy, test_accuracy, seconds, X_train, Y_train, X_test, Y_test, error)


def draw_setting(result, fig):
    """Draw a trained setting into fig: the decision boundary with the data, and the cost curve.

    Training points are filled circles and held-out points are crosses. The
    figure is cleared first, so the same figure can be redrawn in place.

    Parameters
    ----------
    result : SettingResult
        From run_setting.
    fig : matplotlib Figure
        Where to draw, for example ``plt.figure(figsize=(9, 4))``.
    """
    fig.clear()
    boundary_ax, cost_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.2, 1]})
    title = f"{result.dataset}, $n_h$ = {result.n_h}, rate {result.learning_rate:g}, seed {result.seed}"

    if result.parameters is not None and result.error is None:
        plot_decision_boundary(lambda points: predict(result.parameters, points),
                               result.X_train, result.Y_train, ax=boundary_ax, resolution=120)
        for label, color in enumerate(CLASS_COLORS):
            held_out = result.X_test[:, result.Y_test[0] == label]
            boundary_ax.scatter(held_out[0], held_out[1], marker="x", s=22, c=color, linewidths=1.2)
        boundary_ax.set_title(
            f"train {100 * result.train_accuracy:.1f} %, held-out {100 * result.test_accuracy:.1f} %",
            fontsize="medium")
    else:
        plot_dataset(result.X_train, result.Y_train, ax=boundary_ax)
        boundary_ax.set_title("training stopped: the cost is not finite", fontsize="medium")

    if result.costs:
        plot_cost_curve(result.iterations, result.costs, ax=cost_ax)
        cost_ax.set_title(f"final cost {result.costs[-1]:.4f}", fontsize="medium")
    else:
        cost_ax.text(0.5, 0.5, "no cost history:\nthe training function\nreturned parameters only",
                     ha="center", va="center", transform=cost_ax.transAxes)
        cost_ax.set_axis_off()
    fig.suptitle(title)
    fig.tight_layout()


def _figure_png(draw, *args):
    """Draw into a new 9 x 4 inch figure and return it encoded as PNG bytes.

    The widgets display PNG bytes rather than the Figure, because IPython
    shows a bare Figure as text until pyplot's inline backend is active.
    """
    import io

    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 4), dpi=80)
    draw(*args, fig)
    png = io.BytesIO()
    fig.savefig(png, format="png")
    return png.getvalue()


def explore(train_function=None, dataset="flower", n_h=4, learning_rate=1.2, num_iterations=5000, seed=2):
    """Show sliders for the hidden size and the training settings, and the trained network.

    Needs a live Jupyter kernel with ipywidgets. Each setting is trained
    once by run_setting and cached with its image, so returning to it skips
    training and drawing. The sliders update when released, not while
    dragged. The figure is drawn by draw_setting and shown as one image in
    an Output, replaced in place at every update.

    Parameters
    ----------
    train_function : callable, optional
        Passed to run_setting: your own nn_model, or train_with_history
        (the default).
    dataset, n_h, learning_rate, num_iterations, seed
        Starting values of the controls: n_h from 1 to 50; a learning rate
        or iteration count between the slider's preset steps is added to
        them.

    Returns
    -------
    explorer : ipywidgets.VBox
        The controls, a status line and the output; display it as the last
        expression of a cell. ``explorer.results`` is the cache, a dict from
        (dataset, n_h, learning_rate, num_iterations, seed) to SettingResult.
    """
    import ipywidgets as widgets
    from IPython.display import Image, clear_output, display

    n_h = _check_positive_int(n_h, "n_h", "the number of hidden units")
    if n_h > 50:
        raise ValueError(f"n_h must be at most 50, the end of the explorer's slider; got {n_h}.")
    if dataset not in DATASET_NAMES:
        raise ValueError(f"unknown dataset {dataset!r}; choose one of {', '.join(repr(n) for n in DATASET_NAMES)}.")
    # A starting value between the preset steps joins the slider's options.
    rates = sorted({0.01, 0.03, 0.1, 0.3, 0.6, 1.2, 2.4, 5.0, 10.0, _check_learning_rate(learning_rate)})
    iteration_counts = sorted({100, 500, 1000, 2000, 5000, 10000,
                               _check_positive_int(num_iterations, "num_iterations", "gradient-descent steps")})
    seed = _check_seed(seed)

    style = {"description_width": "110px"}
    layout = widgets.Layout(width="420px")
    controls = {
        "n_h": widgets.IntSlider(value=n_h, min=1, max=50, description="hidden units",
                                 continuous_update=False, style=style, layout=layout),
        "learning_rate": widgets.SelectionSlider(
            options=rates, value=float(learning_rate),
            description="learning rate", continuous_update=False, style=style, layout=layout),
        "num_iterations": widgets.SelectionSlider(
            options=iteration_counts, value=int(num_iterations),
            description="iterations", continuous_update=False, style=style, layout=layout),
        "dataset": widgets.Dropdown(options=list(DATASET_NAMES), value=dataset, description="dataset",
                                    style=style, layout=layout),
        "seed": widgets.IntSlider(value=seed, min=0, max=max(9, seed), description="seed",
                                  continuous_update=False, style=style, layout=layout),
    }
    status = widgets.HTML()
    output = widgets.Output()
    box = widgets.VBox([*controls.values(), status, output])
    box.results = {}
    images = {}

    def update(change=None):
        values = {name: control.value for name, control in controls.items()}
        key = tuple(values[name] for name in ("dataset", "n_h", "learning_rate", "num_iterations", "seed"))
        result = box.results.get(key)
        if result is None:
            status.value = f"training n_h = {values['n_h']} on {values['dataset']} ..."
            result = run_setting(train_function=train_function, **values)
            box.results[key] = result
            images[key] = _figure_png(draw_setting, result)
            source = f"trained in {result.seconds:.2f} s"
        else:
            source = "from cache"
        status.value = (f"n_h = {result.n_h}: {source}" if result.error is None
                        else f"n_h = {result.n_h}: {result.error}")
        with output:
            clear_output(wait=True)
            display(Image(data=images[key], format="png"))

    for control in controls.values():
        control.observe(update, names="value")
    update()
    return box


def draw_snapshot(history, index, X, Y, fig):
    """Draw snapshot ``index`` of a training replay: the boundary then, and the cost so far.

    Parameters
    ----------
    history : TrainingHistory
        From train_with_history with ``snapshot_every`` set.
    index : int
        Position in ``history.snapshots``.
    X : ndarray of shape (2, m)
    Y : array of shape (m,), (1, m) or (m, 1)
        The training data.
    fig : matplotlib Figure
        Cleared, then drawn into.
    """
    if not history.snapshots:
        raise ValueError("history has no snapshots; train with train_with_history(..., snapshot_every=100).")
    iteration, parameters = history.snapshots[index]
    fig.clear()
    boundary_ax, cost_ax = fig.subplots(1, 2)

    plot_decision_boundary(lambda points: predict(parameters, points), X, Y, ax=boundary_ax, resolution=120)
    train_accuracy = accuracy(predict(parameters, X), np.asarray(Y).reshape(1, -1))
    boundary_ax.set_title(f"iteration {iteration}: train {100 * train_accuracy:.1f} %", fontsize="medium")
    so_far = [k for k, i in enumerate(history.iterations) if i <= iteration]
    cost_ax.plot(history.iterations, history.costs, color="0.8")
    plot_cost_curve([history.iterations[k] for k in so_far], [history.costs[k] for k in so_far], ax=cost_ax)
    cost_ax.set_title(f"cost {history.costs[so_far[-1]]:.4f}", fontsize="medium")
    fig.tight_layout()


def replay(history, X, Y):
    """Show an iteration slider over the snapshots of a training run.

    Needs a live Jupyter kernel with ipywidgets; draw_snapshot does the
    drawing, so a static strip of snapshots can be drawn without widgets.

    Parameters
    ----------
    history : TrainingHistory
        From train_with_history with ``snapshot_every`` set.
    X : ndarray of shape (2, m)
    Y : array of shape (m,), (1, m) or (m, 1)
        The training data.

    Returns
    -------
    replay : ipywidgets.VBox
        The slider and the output; display it as the last expression of a cell.
    """
    import ipywidgets as widgets
    from IPython.display import Image, clear_output, display

    if not history.snapshots:
        raise ValueError("history has no snapshots; train with train_with_history(..., snapshot_every=100).")
    slider = widgets.SelectionSlider(options=[(str(i), k) for k, (i, _) in enumerate(history.snapshots)],
                                     description="iteration", continuous_update=False,
                                     layout=widgets.Layout(width="500px"))
    output = widgets.Output()

    def update(change=None):
        png = _figure_png(draw_snapshot, history, slider.value, X, Y)
        with output:
            clear_output(wait=True)
            display(Image(data=png, format="png"))

    slider.observe(update, names="value")
    update()
    return widgets.VBox([slider, output])


# ---------------------------------------------------------------------------
# Gradient check
# ---------------------------------------------------------------------------

def numerical_gradients(parameters, X, Y, epsilon=1e-7):
    """Estimate dJ/dtheta for every parameter with centred differences.

    For each entry theta_i: (J(theta_i + epsilon) - J(theta_i - epsilon)) / (2 epsilon).
    This costs two forward passes per parameter entry, so use it on small
    networks and a few examples.

    Parameters
    ----------
    parameters : dict
        W1, b1, W2, b2 at which to differentiate.
    X : ndarray of shape (n_x, m)
        Inputs, one example per column.
    Y : ndarray of shape (n_y, m)
        Labels 0 or 1.
    epsilon : float, default 1e-7
        Step of the centred differences.

    Returns
    -------
    grads : dict
        dW1, db1, dW2, db2, each of the shape of its parameter.
    """
    parameters = _check_parameters(parameters)
    X = _as_float_matrix(X, "X", "(n_x, m)")
    _check_input_for(X, parameters["W1"])
    Y = _check_labels(Y)
    _check_examples_match(X, Y)

    grads = {}
    for key in PARAMETER_KEYS:
        gradient = np.zeros_like(parameters[key])
        for index in np.ndindex(parameters[key].shape):
            costs = []
            for step in (epsilon, -epsilon):
                shifted = {k: v.copy() for k, v in parameters.items()}
                shifted[key][index] += step
                costs.append(_cost(_forward_with_cache(X, shifted)[0], Y))
            gradient[index] = (costs[0] - costs[1]) / (2 * epsilon)
        grads["d" + key] = gradient
    return grads


def gradient_check(parameters, X, Y, epsilon=1e-7, backward=None):
    """Compare a backward pass with centred differences, parameter by parameter.

    The relative error of a gradient g against its estimate n is
    ||g - n|| / (||g|| + ||n||). With parameters of moderate size (entries
    around 1) and the default epsilon, a correct backward pass usually gives
    errors below 1e-7, now and then a few times 1e-7, and a wrong formula
    gives errors above about 1e-3. Between the two, repeat the check at
    other parameters.

    Run it at such parameters, not at the output of initialize_parameters.
    With weights of 0.01 the true gradients are so small that the round-off
    of the differences dominates. Even a correct backward pass can then
    show errors from about 1e-5 to 3e-3 for b1 and b2.

    Parameters
    ----------
    parameters : dict
        W1, b1, W2, b2 at which to compare.
    X : ndarray of shape (n_x, m)
        Inputs, one example per column.
    Y : ndarray of shape (n_y, m)
        Labels 0 or 1.
    epsilon : float, default 1e-7
        Step of the centred differences.
    backward : callable, optional
        A function with the signature of backward_propagation; the reference
        by default.

    Returns
    -------
    errors : dict
        Relative error for W1, b1, W2, b2.
    """
    backward = backward_propagation if backward is None else backward
    estimates = numerical_gradients(parameters, X, Y, epsilon=epsilon)
    checked = _check_parameters(parameters)
    X = _as_float_matrix(X, "X", "(n_x, m)")
    Y = _check_labels(Y)
    _, cache = _forward_with_cache(X, checked)
    grads = backward(checked, cache, X, Y)

    _check_dict(grads, "the result of backward", GRADIENT_KEYS, "backward_propagation")

    errors = {}
    for key in PARAMETER_KEYS:
        analytic = np.asarray(grads["d" + key], dtype=float)
        numeric = estimates["d" + key]
        if analytic.shape != numeric.shape:
            raise ValueError(
                f"d{key} from backward has shape {analytic.shape}, but {key} has shape "
                f"{numeric.shape}; each gradient must have the shape of its parameter."
            )
        denominator = np.linalg.norm(analytic) + np.linalg.norm(numeric)
        errors[key] = 0.0 if denominator == 0 else float(np.linalg.norm(analytic - numeric) / denominator)
    return errors


# ---------------------------------------------------------------------------
# Checks that students run on their own functions
# ---------------------------------------------------------------------------
#
# Each check_<name> calls the student's function on several problems of
# different sizes, compares every output with the reference (type, shape,
# then values) and, on a mismatch, names the most likely mistake: it
# recomputes the output with each known mistake and reports the one that
# reproduces what arrived, or reads the cause off the shape or off a
# constant ratio between the received and expected values.
#
# A failed check raises CheckFailure, which IPython shows as its message
# alone: the student reads the check cell, the output that is wrong and the
# likely cause, not the checker's own code.

class CheckFailure(AssertionError):
    """A student's function failed a check; the message names the output and the likely cause."""

    def _render_traceback_(self):
        # IPython calls this instead of formatting the stack of the checker.
        lines = str(self).splitlines()
        return [f"{type(self).__name__}: {lines[0]}"] + lines[1:]


def _student_frames(error):
    """Describe where in the student's code an exception was raised, one line per frame."""
    frames = traceback.extract_tb(error.__traceback__)[1:]
    own = [f for f in frames if "site-packages" not in f.filename and "/lib/python" not in f.filename]
    return [f"  line {f.lineno} of {f.name}: {f.line}" for f in own if f.line]


#: (n_x, n_h, n_y, m) of the problems every check runs. The sizes differ, so
#: a transposed array has a shape of its own, and m differs between
#: problems, so a missing 1/m shows up as a ratio of m.
CHECK_SIZES = [(2, 4, 1, 5), (3, 2, 1, 7), (4, 5, 2, 3)]


def _random_problem(n_x, n_h, n_y, m, seed):
    """Return X, Y and parameters whose values keep tanh and sigmoid off their flat ends."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((n_y, m)) > 0.5).astype(np.int64)
    Y[:, 0], Y[:, -1] = 0, 1
    parameters = {
        "W1": rng.standard_normal((n_h, n_x)) * 0.7,
        "b1": rng.standard_normal((n_h, 1)) * 0.5,
        "W2": rng.standard_normal((n_y, n_h)) * 0.7,
        "b2": rng.standard_normal((n_y, 1)) * 0.5,
    }
    return X, Y, parameters


def _describe(value):
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    return f"{type(value).__name__} {value!r}" if isinstance(value, (int, float)) else type(value).__name__


def _exception_hint(error, n_y=1):
    message = str(error)
    if isinstance(error, KeyError):
        return (f"the dict has no key {message}. Parameters use the keys W1, b1, W2, b2, the cache "
                f"Z1, A1, Z2, A2 and the gradients dW1, db1, dW2, db2.")
    if isinstance(error, NameError):
        return "a name is undefined. Spell names as in the equations (W1, A1, dZ2) and run the cells above first."
    if isinstance(error, ValueError) and "broadcast" in message:
        hint = ("an elementwise operation (*, + or -) got arrays whose shapes do not broadcast: a * "
                "stands where a matrix product (np.dot or @) belongs, or an array has the wrong shape. "
                "Compare each line with the shapes table.")
        if n_y > 1:
            hint += (f" This problem has n_y = {n_y} outputs. With n_y = 1, broadcasting makes an "
                     f"elementwise product such as W2.T * dZ2 equal to the matrix product "
                     f"np.dot(W2.T, dZ2), which hides the mistake; with n_y > 1 it fails.")
        return hint
    if isinstance(error, ValueError) and ("matmul" in message or "aligned" in message):
        return ("the inner sizes of a matrix product do not match: a transpose (.T) is missing or extra, "
                "or a matrix product (np.dot or @) stands where the elementwise product (*) belongs. "
                "Compare each line with the shapes table.")
    if isinstance(error, TypeError) and ("0-dimensional" in message or "length-1" in message or "size-1" in message):
        return ("float() received an array, not a single number, for example a cost of shape (1, 1) "
                "from a matrix product. Add up with np.sum, which returns one number, or use "
                "float(np.squeeze(cost)).")
    return "read the message, then check the line of your function that it points to."


def _call_student(function, name, *args, context="", n_y=1, **kwargs):
    """Call the student's function with the reference of the same name blocked.

    A function that only calls the reference it is meant to replace would
    pass every comparison, so while it runs the module-level name points to
    a stand-in that raises CheckFailure. Other reference functions stay
    available, because later steps build on earlier ones.
    """
    reference = globals()[name]

    def blocked(*args, **kwargs):
        raise CheckFailure(
            f"{name} calls helpers.{name}, the reference it is meant to replace. "
            f"Compute the result with numpy in your own function."
        )

    globals()[name] = blocked
    try:
        return function(*args, **kwargs)
    except CheckFailure:
        raise
    except NotImplementedError:
        raise CheckFailure(
            f"{name} is not written yet: replace 'raise NotImplementedError()' with your code."
        ) from None
    except Exception as error:
        where = "\n".join(_student_frames(error))
        raise CheckFailure(
            f"{name}{context} raised {type(error).__name__}: {error}\n"
            + (f"{where}\n" if where else "")
            + f"Likely cause: {_exception_hint(error, n_y)}"
        ) from None
    finally:
        globals()[name] = reference


def _matching_cause(received, variants):
    """Return the cause of the first (value, cause) variant that reproduces ``received``, or None."""
    for value, cause in variants:
        value = np.asarray(value)
        if value.shape == received.shape and np.allclose(received, value, rtol=1e-5, atol=1e-10):
            return cause
    return None


def _shape_cause(label, expected, received):
    if received == expected[::-1]:
        return f"{label} is transposed: it must have shape {expected}."
    if len(expected) == 2 and expected[1] == 1 and received == (expected[0],):
        return ("keepdims was dropped: a row sum of shape (n, 1) lost its second axis. "
                "Use np.sum(..., axis=1, keepdims=True).")
    if len(expected) == 2 and expected[1] == 1 and len(received) == 2 and received[0] == 1:
        return ("the sum runs over the wrong axis: axis=0 adds up the units of each example. "
                "Sum over the examples with axis=1 and keepdims=True.")
    if received == ():
        return "everything was summed to one number: sum over the examples only, with axis=1 and keepdims=True."
    return None


def _ratio_cause(expected, received, ratio_causes, unknown_factor=True):
    """Return the cause whose factor matches a constant ratio received / expected, or None.

    A constant ratio that matches no factor is reported as such when
    ``unknown_factor`` is true.
    """
    usable = np.abs(expected) > 1e-12
    if not usable.any():
        return None
    ratios = received[usable] / expected[usable]
    ratio = float(ratios.flat[0])
    unknown_factor = unknown_factor and ratios.size > 1
    if not np.allclose(ratios, ratio, rtol=1e-5):
        return None
    for factor, cause, *advice in ratio_causes:
        if math.isclose(ratio, factor, rel_tol=1e-5):
            return f"{cause} (received / expected = {ratio:.4g})" + (f": {advice[0]}" if advice else ".")
    if not unknown_factor:
        return None
    return f"every value is {ratio:.4g} times the expected one: check the constant factors."


def _likely(cause):
    return f"\nLikely cause: {cause}" if cause else ""


def _compare_array(label, expected, received, context="", variants=(), ratio_causes=(), unknown_factor=True,
                   last_cause=None):
    """Raise CheckFailure naming ``label``, the mismatch and its most likely cause.

    ``unknown_factor=False`` leaves out the guess "every value is k times the
    expected one", which means nothing for labels 0 and 1. ``last_cause`` is
    a function without arguments that may return a cause for wrong values. It
    runs only when no variant or ratio explains them, because it may call the
    student's function again.
    """
    if not isinstance(received, np.ndarray):
        cause = _shape_cause(label, expected.shape, ()) if np.isscalar(received) else None
        raise CheckFailure(
            f"{label}{context}: expected a numpy array of shape {expected.shape}, got "
            f"{_describe(received)}.{_likely(cause)}"
        )
    if received.shape != expected.shape:
        cause = _matching_cause(received, variants) or _shape_cause(label, expected.shape, received.shape)
        raise CheckFailure(
            f"{label}{context}: expected shape {expected.shape}, got shape {received.shape}.{_likely(cause)}"
        )
    if not np.issubdtype(received.dtype, np.number):
        raise CheckFailure(f"{label}{context}: expected numbers, got an array of dtype {received.dtype}.")
    if np.allclose(received, expected, rtol=1e-5, atol=1e-10):
        return
    worst = np.unravel_index(np.argmax(np.abs(received - expected)), expected.shape)
    index = tuple(int(i) for i in worst)
    cause = _matching_cause(received, variants) or _ratio_cause(expected, received, ratio_causes, unknown_factor)
    if cause is None and last_cause is not None:
        cause = last_cause()
    raise CheckFailure(
        f"{label}{context}: wrong values. At index {index} expected {expected[worst]:.6f}, got "
        f"{received[worst]:.6f}.{_likely(cause)}"
    )


def _get_key(result, key, function_name, what):
    if not isinstance(result, dict):
        raise CheckFailure(f"{function_name} must return {what}; got {_describe(result)}.")
    if key not in result:
        raise CheckFailure(
            f"{function_name}: the returned dict has no key '{key}'; it has {sorted(result)}."
        )
    return result[key]


def _scaling_causes(m, n_x=None):
    causes = [
        (m, "the factor 1/m is missing, or m is not the number of examples",
         "m = X.shape[1], which is also Y.shape[1]."),
        (1 / m, "1/m is applied twice", "np.mean already divides by m, and so does a sum followed by / m."),
    ]
    if n_x is not None and not any(math.isclose(m / n_x, factor) for factor, *_ in causes):
        causes.append((m / n_x, "m is taken from X.shape[0], the number of input features",
                       "the number of examples is m = X.shape[1]."))
    return causes


def _passed(name, count):
    print(f"{name}: all {count} checks passed." if count > 1 else f"{name}: the check passed.")


def check_layer_sizes(function):
    """Check a student's layer_sizes(X, Y, n_h) on problems of several sizes."""
    count = 0
    for n_x, n_h, n_y, m in CHECK_SIZES:
        X, Y, _ = _random_problem(n_x, n_h, n_y, m, seed=count)
        context = f" (X of shape {X.shape}, Y of shape {Y.shape}, n_h={n_h})"
        expected = (n_x, n_h, n_y)
        received = _call_student(function, "layer_sizes", X, Y, n_h, context=context)
        try:
            received_tuple = tuple(int(v) for v in received)
        except (TypeError, ValueError):
            raise CheckFailure(f"layer_sizes{context}: expected the tuple {expected}, got {_describe(received)}.") from None
        if received_tuple != expected:
            variants = [
                ((n_y, n_h, n_x), "n_x and n_y are swapped: n_x is X.shape[0] and n_y is Y.shape[0]."),
                ((m, n_h, n_y), "n_x uses X.shape[1], which is m, the number of examples; n_x is X.shape[0]."),
                ((n_x, n_h, m), "n_y uses Y.shape[1], which is m, the number of examples; n_y is Y.shape[0]."),
                ((n_x, 4, n_y), "n_h is fixed at 4: return the n_h argument."),
            ]
            cause = next((c for v, c in variants if v == received_tuple), None)
            raise CheckFailure(f"layer_sizes{context}: expected {expected}, got {received_tuple}.{_likely(cause)}")
        count += 1
    _passed("layer_sizes", count)


def _initialization_variants(n_x, n_h, n_y, seed):
    """Return, per parameter, the values that common initialization mistakes produce."""
    rng = np.random.default_rng(seed)
    swapped_W2 = rng.standard_normal((n_y, n_h)) * 0.01
    swapped_W1 = rng.standard_normal((n_h, n_x)) * 0.01
    legacy = np.random.RandomState(seed)
    legacy_W1 = legacy.randn(n_h, n_x) * 0.01
    legacy_W2 = legacy.randn(n_y, n_h) * 0.01
    uniform = np.random.default_rng(seed)
    uniform_W1 = uniform.random((n_h, n_x)) * 0.01
    uniform_W2 = uniform.random((n_y, n_h)) * 0.01
    transposed = "W1 was created with shape (n_x, n_h); it must be (n_h, n_x), one row per hidden unit."
    order = "W2 was drawn before W1: draw W1 first, then W2, from the same generator."
    second_generator = ("W2 repeats the first numbers of the generator, which W1 already used: create "
                        "the generator once, rng = np.random.default_rng(seed), and draw W1, then W2, from it.")
    old_api = ("the numbers come from np.random.seed and np.random.randn: use "
               "rng = np.random.default_rng(seed) and rng.standard_normal.")
    uniform_cause = "the weights are uniform (rng.random): draw them from a standard normal with rng.standard_normal."
    def one_dimensional(key, rows):
        return [(np.zeros(rows), f"{key} must be a column: np.zeros(({rows}, 1)), not np.zeros({rows}).")]

    return {
        "W1": [(swapped_W1, order), (legacy_W1, old_api), (uniform_W1, uniform_cause),
               (np.random.default_rng(seed).standard_normal((n_x, n_h)) * 0.01, transposed)],
        "b1": one_dimensional("b1", n_h),
        "W2": [(swapped_W2, second_generator), (legacy_W2, old_api), (uniform_W2, uniform_cause)],
        "b2": one_dimensional("b2", n_y),
    }


def _seed_cause(function, key, received, n_x, n_h, n_y, seed):
    """Name a seed mistake: weights that do not follow the seed argument, or no seed at all."""
    def weights(seed_value):
        try:
            result = _call_student(function, "initialize_parameters", n_x, n_h, n_y, seed=seed_value)
        except CheckFailure:
            return None
        return np.asarray(result[key]) if isinstance(result, dict) and key in result else None

    again = weights(seed)
    if again is not None and again.shape == received.shape and not np.array_equal(again, received):
        return ("two calls with the same seed returned different weights: create the generator "
                "with the seed, rng = np.random.default_rng(seed).")
    other = weights(seed + 100)
    if other is not None and other.shape == received.shape and np.array_equal(other, received):
        return ("the seed argument is ignored: every seed gives the same weights. Create the "
                "generator with it, rng = np.random.default_rng(seed).")
    return None


def check_initialize_parameters(function):
    """Check a student's initialize_parameters: keys, shapes, zero biases, 0.01 scale, seed."""
    count = 0
    for n_x, n_h, n_y, _ in CHECK_SIZES:
        seed = 2 + count
        context = f" (n_x={n_x}, n_h={n_h}, n_y={n_y}, seed={seed})"
        expected = initialize_parameters(n_x, n_h, n_y, seed=seed)
        received = _call_student(function, "initialize_parameters", n_x, n_h, n_y, seed=seed, context=context)
        variants = _initialization_variants(n_x, n_h, n_y, seed)
        for key in PARAMETER_KEYS:
            value = _get_key(received, key, "initialize_parameters", "a dict with keys W1, b1, W2, b2")
            rows = expected[key].shape[0]
            if key.startswith("b") and isinstance(value, np.ndarray) and value.shape == expected[key].shape and value.any():
                raise CheckFailure(
                    f"{key}{context}: the biases must start at zero; got values up to "
                    f"{np.abs(value).max():.4f}.\nLikely cause: use np.zeros(({rows}, 1))."
                )
            _compare_array(key, expected[key], value, context, variants=variants[key],
                           ratio_causes=[(100.0, "the weights are not multiplied by 0.01")],
                           last_cause=lambda: _seed_cause(function, key, value, n_x, n_h, n_y, seed))
        count += 1
    _passed("initialize_parameters", count)


def _forward_variants(X, parameters):
    """Return, per cache entry, the values that common forward-pass mistakes produce."""
    W1, b1, W2, b2 = (parameters[k] for k in PARAMETER_KEYS)
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    return {
        "Z1": [(W1 @ X, "b1 is missing: Z1 = W1 X + b1.")],
        "A1": [(sigmoid(Z1), "the hidden layer uses sigmoid; it must use tanh: A1 = np.tanh(Z1).")],
        "Z2": [(W2 @ A1, "b2 is missing: Z2 = W2 A1 + b2."),
               (W2 @ Z1 + b2, "Z2 uses Z1 where A1 belongs: Z2 = W2 A1 + b2.")],
        "A2": [(np.tanh(Z2), "the output uses tanh; it must use sigmoid: A2 = sigmoid(Z2)."),
               (Z2, "A2 is Z2 without the sigmoid.")],
    }


def check_forward_propagation(function):
    """Check a student's forward_propagation: A2 and the cache Z1, A1, Z2, A2."""
    count = 0
    for n_x, n_h, n_y, m in CHECK_SIZES:
        X, _, parameters = _random_problem(n_x, n_h, n_y, m, seed=10 + count)
        context = f" (X of shape {X.shape}, n_h={n_h}, n_y={n_y})"
        expected_A2, expected_cache = forward_propagation(X, parameters)
        received = _call_student(function, "forward_propagation", X, parameters, context=context, n_y=n_y)
        if not isinstance(received, tuple) or len(received) != 2:
            raise CheckFailure(f"forward_propagation must return the pair (A2, cache); got {_describe(received)}.")
        received_A2, received_cache = received
        variants = _forward_variants(X, parameters)
        for key in CACHE_KEYS:
            value = _get_key(received_cache, key, "forward_propagation", "a cache dict with keys Z1, A1, Z2, A2")
            _compare_array(f"cache['{key}']", expected_cache[key], value, context, variants=variants[key])
        _compare_array("A2", expected_A2, received_A2, context,
                       variants=[(received_cache["Z2"], "the function returns Z2 where A2 belongs.")])
        count += 1
    _passed("forward_propagation", count)


PAIRING_CAUSE = ("y_i is paired with every a_j: a product such as np.dot(Y.T, np.log(A2)) builds an "
                 "m x m matrix. Use the elementwise product inside a sum, np.sum(Y * np.log(A2)).")


def _cost_variants(A2, Y):
    """Return the costs that common mistakes produce, with their causes."""
    m = Y.shape[1]
    log_a, log_not_a = np.log(A2), np.log(1 - A2)
    pairs = -(np.sum(Y.T @ log_a) + np.sum((1 - Y).T @ log_not_a)) / m
    return [
        (pairs, PAIRING_CAUSE),
        (-np.sum(Y * log_a) / m, "the term (1 - Y) log(1 - A2) is missing."),
        (-np.sum(Y * np.log10(A2) + (1 - Y) * np.log10(1 - A2)) / m, "np.log10 is used; the cost uses the natural log, np.log."),
        (-np.sum(Y * log_a - (1 - Y) * log_not_a) / m,
         "the two terms are subtracted; they are added: J = -(1/m) sum(Y log(A2) + (1 - Y) log(1 - A2))."),
        (-np.sum(log_a) / m, "the second term uses log(A2); it must be (1 - Y) log(1 - A2)."),
    ]


def check_compute_cost(function):
    """Check a student's compute_cost: a Python float equal to the cross-entropy, finite at 0 and 1."""
    count = 0
    for n_x, n_h, _, m in CHECK_SIZES:
        X, Y, parameters = _random_problem(n_x, n_h, 1, m, seed=20 + count)
        A2, _ = forward_propagation(X, parameters)
        context = f" (A2 and Y of shape {Y.shape})"
        expected = compute_cost(A2, Y)
        received = _call_student(function, "compute_cost", A2, Y, context=context)
        _compare_cost(expected, received, context, _cost_variants(A2, Y), m)
        count += 1

    A2 = np.array([[1.0, 0.0, 0.5]])
    Y = np.array([[1, 0, 1]])
    with np.errstate(all="ignore"):
        received = _call_student(function, "compute_cost", A2, Y, context=" (A2 = [[1, 0, 0.5]])")
    if not (isinstance(received, (float, np.floating, np.ndarray)) and np.all(np.isfinite(received))):
        raise CheckFailure(
            f"cost (A2 = [[1, 0, 0.5]], Y = [[1, 0, 1]]): expected {compute_cost(A2, Y):.6f}, got {received}.\n"
            f"Likely cause: log(0) appears, because 0 * log(0) is NaN in floating point. Clip A2 first: "
            f"A2 = np.clip(A2, eps, 1 - eps) with eps = np.finfo(float).eps."
        )
    _compare_cost(compute_cost(A2, Y), received, " (A2 = [[1, 0, 0.5]], Y = [[1, 0, 1]])", [], 3)
    _passed("compute_cost", count + 1)


def _compare_cost(expected, received, context, variants, m):
    if isinstance(received, np.ndarray):
        if received.ndim == 2 and received.shape[0] == received.shape[1] == m and m > 1:
            cause = PAIRING_CAUSE
        else:
            cause = "wrap the result: float(np.squeeze(cost)), or use np.sum, which returns a scalar."
        raise CheckFailure(
            f"cost{context}: expected a Python float, got {_describe(received)}.{_likely(cause)}"
        )
    if not isinstance(received, (float, np.floating)) or isinstance(received, bool):
        raise CheckFailure(f"cost{context}: expected a Python float, got {_describe(received)}.")
    if math.isclose(received, expected, rel_tol=1e-6, abs_tol=1e-12):
        return
    cause = next((c for v, c in variants if math.isclose(received, v, rel_tol=1e-6)), None)
    if cause is None and math.isclose(received, -expected, rel_tol=1e-6):
        cause = "the cost is negative: the formula starts with a minus sign, J = -(1/m) sum(...)."
    if cause is None:
        # A single number always has "a constant ratio", so only a known factor names a cause.
        cause = _ratio_cause(np.array([expected]), np.array([float(received)]), _scaling_causes(m),
                             unknown_factor=False)
    raise CheckFailure(f"cost{context}: expected {expected:.6f}, got {float(received):.6f}.{_likely(cause)}")


def _backward_variants(parameters, cache, X, Y):
    """Return, per gradient, the values that common backward-pass mistakes produce."""
    m = X.shape[1]
    W2 = parameters["W2"]
    Z1, A1, A2 = cache["Z1"], cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    back = W2.T @ dZ2
    wrong_dZ1 = [
        (back * (1 - Z1 ** 2), "the tanh derivative uses Z1: it is 1 - A1**2, with A1 = tanh(Z1)."),
        (back * A1 * (1 - A1), "the hidden layer uses the sigmoid derivative A1 * (1 - A1); "
                               "tanh's derivative is 1 - A1**2."),
        (back, "the factor (1 - A1**2), the derivative of tanh, is missing from dZ1."),
        (back * (1 - A1) ** 2, "the tanh derivative is written (1 - A1)**2; it must be 1 - A1**2, "
                               "which squares A1 before subtracting."),
    ]
    axis_cause = "the sum runs over the wrong axis: sum {} over the examples, axis=1, keepdims=True."
    return {
        "dW2": [],
        "db2": [(np.sum(dZ2, axis=0, keepdims=True) / m, axis_cause.format("dZ2"))],
        "dW1": [((dZ1 @ X.T) / m, cause) for dZ1, cause in wrong_dZ1],
        "db1": [(np.sum(dZ1, axis=1, keepdims=True) / m, cause) for dZ1, cause in wrong_dZ1]
        + [(np.sum(back * (1 - A1 ** 2), axis=0, keepdims=True) / m, axis_cause.format("dZ1"))],
    }


def check_backward_propagation(function):
    """Check a student's backward_propagation: dW2, db2, dW1, db1, with the likely mistake."""
    count = 0
    for n_x, n_h, n_y, m in CHECK_SIZES:
        X, Y, parameters = _random_problem(n_x, n_h, n_y, m, seed=30 + count)
        _, cache = forward_propagation(X, parameters)
        context = f" (X of shape {X.shape}, n_h={n_h}, n_y={n_y})"
        expected = backward_propagation(parameters, cache, X, Y)
        received = _call_student(function, "backward_propagation", parameters, cache, X, Y,
                                 context=context, n_y=n_y)
        variants = _backward_variants(parameters, cache, X, Y)
        ratio_causes = _scaling_causes(m, n_x) + [(-1.0, "dZ2 has the wrong sign: dZ2 = A2 - Y, not Y - A2")]
        for key in ("dW2", "db2", "dW1", "db1"):
            value = _get_key(received, key, "backward_propagation", "a dict with keys dW1, db1, dW2, db2")
            _compare_array(key, expected[key], value, context, variants=variants[key], ratio_causes=ratio_causes)
        count += 1
    _passed("backward_propagation", count)


def check_update_parameters(function):
    """Check a student's update_parameters: new values, the caller's arrays unchanged."""
    learning_rate = 0.7
    count = 0
    for n_x, n_h, n_y, m in CHECK_SIZES:
        X, Y, parameters = _random_problem(n_x, n_h, n_y, m, seed=40 + count)
        _, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        context = f" (n_x={n_x}, n_h={n_h}, n_y={n_y}, learning_rate={learning_rate})"
        expected = update_parameters(parameters, grads, learning_rate=learning_rate)
        originals = {key: value.copy() for key, value in parameters.items()}
        original_arrays = dict(parameters)
        received = _call_student(function, "update_parameters", parameters, grads,
                                 learning_rate=learning_rate, context=context)
        for key in PARAMETER_KEYS:
            if parameters[key] is not original_arrays[key]:
                raise CheckFailure(
                    f"update_parameters replaced parameters['{key}'] in the caller's dict.\n"
                    f"Likely cause: an assignment such as parameters['{key}'] = {key} - learning_rate * d{key} "
                    f"writes into the dict that was passed in. Put the new arrays in a new dict and "
                    f"return it, so the caller's dict keeps the old values."
                )
            if not np.array_equal(parameters[key], originals[key]):
                raise CheckFailure(
                    f"update_parameters changed the caller's parameters['{key}'] in place.\n"
                    f"Likely cause: an in-place operation such as {key} -= learning_rate * d{key}. "
                    f"Compute a new array instead: {key} = {key} - learning_rate * d{key}."
                )
            value = _get_key(received, key, "update_parameters", "a dict with keys W1, b1, W2, b2")
            gradient = grads["d" + key]
            variants = [
                (originals[key] + learning_rate * gradient,
                 f"the gradient is added: gradient descent subtracts it, {key} = {key} - learning_rate * d{key}."),
                (originals[key] - gradient, "the learning rate is not applied to the gradient."),
                (originals[key] - 1.2 * gradient,
                 "the learning_rate argument is ignored: the step uses 1.2 instead of the value passed in."),
                (originals[key], "the parameter did not change: the update is computed but not returned."),
            ]
            _compare_array(key, expected[key], value, context, variants=variants)
        count += 1
    _passed("update_parameters", count)


def _printed_costs(function, context, *args, **kwargs):
    """Call the student's nn_model and return its result and the lines it printed that report a cost."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        result = _call_student(function, "nn_model", *args, context=context, **kwargs)
    lines = [line.strip() for line in output.getvalue().splitlines()]
    return result, [line for line in lines if line.startswith("Cost after iteration")]


def _check_printed_costs(function, X, Y, n_h, seed, learning_rate, iterations):
    """Check that nn_model prints the cost at iteration 0 with print_cost=True, in the given format."""
    context = f" (print_cost=True, num_iterations={iterations})"
    _, lines = _printed_costs(function, context, X, Y, n_h, num_iterations=iterations,
                              learning_rate=learning_rate, print_cost=True, seed=seed)
    A2, _ = forward_propagation(X, initialize_parameters(X.shape[0], n_h, Y.shape[0], seed=seed))
    expected = f"Cost after iteration {0:5d}: {compute_cost(A2, Y):.6f}"
    if lines != [expected]:
        got = "no line that starts with 'Cost after iteration'" if not lines else "\n  ".join(lines)
        raise CheckFailure(
            f"nn_model{context}: expected to print one line,\n  {expected}\ngot\n  {got}\n"
            f"Likely cause: when print_cost is true and i % 1000 == 0, print the cost computed "
            f"before the update, with print(f\"Cost after iteration {{i:5d}}: {{cost:.6f}}\")."
        )


def check_nn_model(function):
    """Check a student's nn_model against the reference on two small problems, and its printed cost."""
    count = 0
    for n_x, n_h, n_y, m in ((2, 3, 1, 20), (3, 4, 1, 12)):
        X, Y, _ = _random_problem(n_x, n_h, n_y, m, seed=50 + count)
        seed, learning_rate, iterations = 4 + count, 0.9, 40
        context = f" (n_h={n_h}, num_iterations={iterations}, learning_rate={learning_rate}, seed={seed})"
        expected = nn_model(X, Y, n_h, num_iterations=iterations, learning_rate=learning_rate, seed=seed)
        received, lines = _printed_costs(function, context, X, Y, n_h, num_iterations=iterations,
                                         learning_rate=learning_rate, seed=seed)
        if lines:
            raise CheckFailure(
                f"nn_model{context}: printed '{lines[0]}' although print_cost is False.\n"
                f"Likely cause: print the cost only when print_cost is true: "
                f"if print_cost and i % 1000 == 0: print(...)."
            )
        variants = {key: [] for key in PARAMETER_KEYS}
        for cause, kwargs in (
            ("the seed argument is ignored: pass seed=seed to initialize_parameters.",
             dict(num_iterations=iterations, learning_rate=learning_rate, seed=DEFAULT_SEED)),
            ("the learning_rate argument is ignored: pass it to update_parameters.",
             dict(num_iterations=iterations, learning_rate=1.2, seed=seed)),
            ("the loop runs one update too many: range(num_iterations) runs exactly num_iterations updates.",
             dict(num_iterations=iterations + 1, learning_rate=learning_rate, seed=seed)),
            ("the loop runs one update too few: range(num_iterations) runs exactly num_iterations updates.",
             dict(num_iterations=iterations - 1, learning_rate=learning_rate, seed=seed)),
        ):
            alternative = nn_model(X, Y, n_h, **kwargs)
            for key in PARAMETER_KEYS:
                variants[key].append((alternative[key], cause))
        start = initialize_parameters(n_x, n_h, n_y, seed=seed)
        for key in PARAMETER_KEYS:
            variants[key].append((start[key], "the parameters never change: assign the result of each "
                                              "update, parameters = update_parameters(parameters, grads, learning_rate)."))
            value = _get_key(received, key, "nn_model", "the parameters dict with keys W1, b1, W2, b2")
            _compare_array(key, expected[key], value, context, variants=variants[key])
        count += 1

    _check_printed_costs(function, X, Y, n_h, seed, learning_rate, iterations)
    _passed("nn_model", count + 1)


def check_predict(function):
    """Check a student's predict: integer labels 0/1 of shape (n_y, m), threshold A2 > 0.5."""
    # Thirty or more examples and a larger W2 spread A2 over (0, 1), so each
    # wrong threshold gives labels of its own.
    problems = [_random_problem(n_x, n_h, 1, 10 * m, seed=60 + i) for i, (n_x, n_h, _, m) in enumerate(CHECK_SIZES)]
    for _, _, parameters in problems:
        parameters["W2"] = parameters["W2"] * 5
    problems.append((np.ones((2, 4)), None, {"W1": np.zeros((3, 2)), "b1": np.zeros((3, 1)),
                                             "W2": np.zeros((1, 3)), "b2": np.zeros((1, 1))}))
    for X, _, parameters in problems:
        context = f" (X of shape {X.shape})"
        expected = predict(parameters, X)
        A2, cache = forward_propagation(X, parameters)
        received = _call_student(function, "predict", parameters, X, context=context)
        if isinstance(received, np.ndarray) and received.shape == expected.shape:
            if not np.isin(received, (0, 1)).all():
                raise CheckFailure(
                    f"predict{context}: expected labels 0 and 1, got values such as {float(received.flat[0]):.4f}.\n"
                    f"Likely cause: the function returns the probabilities A2; threshold them, (A2 > 0.5).astype(int)."
                )
            if received.dtype == bool:
                raise CheckFailure(
                    f"predict{context}: expected integer labels, got an array of booleans.\n"
                    f"Likely cause: the comparison A2 > 0.5 gives booleans; convert with .astype(int)."
                )
            if not np.issubdtype(received.dtype, np.integer):
                raise CheckFailure(
                    f"predict{context}: expected integer labels, got an array of dtype {received.dtype}.\n"
                    f"Likely cause: np.round(A2) and arithmetic on A2 keep floats; compare and convert, "
                    f"(A2 > 0.5).astype(int)."
                )
        # Z2 > 0.5 comes first, because on these problems it can equal A2 > t for a threshold t below.
        variants = [((cache["Z2"] > 0.5).astype(np.int64), "the threshold is applied to Z2; apply it to A2."),
                    ((A2 >= 0.5).astype(np.int64),
                     "A2 equal to 0.5 is predicted as 1: the rule is 1 where A2 > 0.5, so use >, not >=."),
                    ((A2 < 0.5).astype(np.int64), "the comparison is reversed: predict 1 where A2 > 0.5."),
                    ((A2 <= 0.5).astype(np.int64), "the comparison is reversed: predict 1 where A2 > 0.5.")]
        variants += [((A2 > t).astype(np.int64), f"the threshold is {t:g}; it must be 0.5.")
                     for t in (0.0, 0.1, 0.25, 0.4, 0.6, 0.75, 0.9, 1.0)]
        if isinstance(received, np.ndarray) and received.shape == (expected.shape[1],):
            raise CheckFailure(
                f"predict{context}: expected shape {expected.shape}, got shape {received.shape}.\n"
                f"Likely cause: the result was flattened; keep the shape (1, m) of A2."
            )
        _compare_array("predictions", expected, received, context, variants=variants, unknown_factor=False)
    _passed("predict", len(problems))
