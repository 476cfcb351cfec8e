"""The check_<name> functions students run: the reference passes, wrong versions fail."""

import numpy as np
import pytest

import shallownet_helpers as helpers

CHECKS = [
    ("layer_sizes", helpers.check_layer_sizes),
    ("initialize_parameters", helpers.check_initialize_parameters),
    ("forward_propagation", helpers.check_forward_propagation),
    ("compute_cost", helpers.check_compute_cost),
    ("backward_propagation", helpers.check_backward_propagation),
    ("update_parameters", helpers.check_update_parameters),
    ("nn_model", helpers.check_nn_model),
    ("predict", helpers.check_predict),
]


@pytest.mark.parametrize("name, check", CHECKS, ids=[name for name, _ in CHECKS])
def test_reference_passes(name, check, capsys):
    check(getattr(helpers, name))
    output = capsys.readouterr().out
    assert output.startswith(f"{name}: all ")
    assert output.endswith(" checks passed.\n")
    assert output.count("\n") == 1


def test_layer_sizes_swapped_outputs():
    def wrong(X, Y, n_h=4):
        return Y.shape[0], n_h, X.shape[0]

    with pytest.raises(AssertionError, match=r"expected \(2, 4, 1\), got \(1, 4, 2\)"):
        helpers.check_layer_sizes(wrong)


def test_initialize_transposed_W1():
    def wrong(n_x, n_h, n_y, seed=2):
        p = helpers.initialize_parameters(n_x, n_h, n_y, seed)
        p["W1"] = p["W1"].reshape(n_x, n_h)
        return p

    with pytest.raises(AssertionError, match=r"W1 \(n_x=2, n_h=4, n_y=1\): expected shape \(4, 2\), got shape \(2, 4\)"):
        helpers.check_initialize_parameters(wrong)


def test_forward_without_bias():
    def wrong(X, parameters):
        Z1 = parameters["W1"] @ X
        A1 = np.tanh(Z1)
        Z2 = parameters["W2"] @ A1 + parameters["b2"]
        A2 = helpers.sigmoid(Z2)
        return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}

    with pytest.raises(AssertionError, match=r"cache\['Z1'\].*wrong values"):
        helpers.check_forward_propagation(wrong)


def test_cost_returned_as_array():
    def wrong(A2, Y):
        m = Y.shape[1]
        return -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2), axis=1, keepdims=True) / m

    with pytest.raises(AssertionError, match=r"cost \(m=5\): expected a Python float, got ndarray"):
        helpers.check_compute_cost(wrong)


def test_backward_keepdims_dropped():
    def wrong(parameters, cache, X, Y):
        grads = helpers.backward_propagation(parameters, cache, X, Y)
        grads["db1"] = grads["db1"].ravel()
        return grads

    with pytest.raises(AssertionError, match=r"db1 .*expected shape \(4, 1\), got shape \(4,\)"):
        helpers.check_backward_propagation(wrong)


def test_update_that_mutates():
    def wrong(parameters, grads, learning_rate=1.2):
        for key in ("W1", "b1", "W2", "b2"):
            parameters[key] -= learning_rate * grads["d" + key]
        return parameters

    with pytest.raises(AssertionError, match=r"changed the caller's parameters\['W1'\] in place"):
        helpers.check_update_parameters(wrong)


def test_predict_returns_probabilities():
    def wrong(parameters, X):
        return helpers.forward_propagation(X, parameters)[0]

    with pytest.raises(AssertionError, match=r"predict: expected"):
        helpers.check_predict(wrong)


def test_student_exception_is_reported():
    def broken(X, Y, n_h=4):
        raise NameError("name 'n_x' is not defined")

    with pytest.raises(AssertionError, match=r"layer_sizes raised NameError: name 'n_x' is not defined"):
        helpers.check_layer_sizes(broken)
