"""The check_<name> functions students run: the reference passes, and each known
mistake is caught with a message that names the output and the cause."""

import warnings

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


def failure_message(check, function):
    with pytest.raises(AssertionError) as error:
        check(function)
    return str(error.value)


# Written the way students write them: numpy only, one line per formula.

def textbook_forward(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def textbook_cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    return float(-np.sum(logprobs) / m)


def make_backward(dZ2_sign=1, scale=1.0, db_axis=1, keepdims=True, derivative="tanh", elementwise_back=False):
    def backward(parameters, cache, X, Y):
        m = X.shape[1]
        W2, A1, A2, Z1 = parameters["W2"], cache["A1"], cache["A2"], cache["Z1"]
        dZ2 = (A2 - Y) * dZ2_sign
        dW2 = scale * np.dot(dZ2, A1.T) / m
        db2 = scale * np.sum(dZ2, axis=db_axis, keepdims=keepdims) / m
        back = W2.T * dZ2 if elementwise_back else np.dot(W2.T, dZ2)
        slope = {"tanh": 1 - A1 ** 2, "tanh_of_Z1": 1 - Z1 ** 2, "sigmoid": A1 * (1 - A1)}[derivative]
        dZ1 = back * slope
        dW1 = scale * np.dot(dZ1, X.T) / m
        db1 = scale * np.sum(dZ1, axis=db_axis, keepdims=keepdims) / m
        return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return backward


def test_textbook_forms_pass(capsys):
    helpers.check_forward_propagation(textbook_forward)
    helpers.check_backward_propagation(make_backward())
    assert capsys.readouterr().out.count("passed") == 2


def test_textbook_cost_with_unclipped_log_named():
    message = failure_message(helpers.check_compute_cost, textbook_cost)
    assert "A2 = [[1, 0, 0.5]]" in message
    assert "Clip A2" in message


# layer_sizes

def test_layer_sizes_swapped():
    message = failure_message(helpers.check_layer_sizes, lambda X, Y, n_h=4: (Y.shape[0], n_h, X.shape[0]))
    assert "expected (2, 4, 1), got (1, 4, 2)" in message
    assert "n_x and n_y are swapped" in message


def test_layer_sizes_uses_m():
    message = failure_message(helpers.check_layer_sizes, lambda X, Y, n_h=4: (X.shape[1], n_h, Y.shape[0]))
    assert "X.shape[1], which is m" in message


def test_layer_sizes_fixed_n_h():
    message = failure_message(helpers.check_layer_sizes, lambda X, Y, n_h=4: (X.shape[0], 4, Y.shape[0]))
    assert "n_h is fixed at 4" in message


# initialize_parameters

def make_initialize(shape_W1=None, bias=0.0, scale=0.01, draw_W2_first=False, ignore_seed=False):
    def initialize(n_x, n_h, n_y, seed=2):
        rng = np.random.default_rng(2 if ignore_seed else seed)
        if draw_W2_first:
            W2 = rng.standard_normal((n_y, n_h)) * scale
            W1 = rng.standard_normal((n_h, n_x)) * scale
        else:
            W1 = rng.standard_normal(shape_W1(n_x, n_h) if shape_W1 else (n_h, n_x)) * scale
            W2 = rng.standard_normal((n_y, n_h)) * scale
        return {"W1": W1, "b1": np.full((n_h, 1), bias), "W2": W2, "b2": np.full((n_y, 1), bias)}
    return initialize


def test_initialize_W1_transposed():
    message = failure_message(helpers.check_initialize_parameters, make_initialize(shape_W1=lambda n_x, n_h: (n_x, n_h)))
    assert message.startswith("W1 (n_x=2, n_h=4, n_y=1, seed=2): expected shape (4, 2), got shape (2, 4).")
    assert "W1 was created with shape (n_x, n_h)" in message


def test_initialize_biases_not_zero():
    message = failure_message(helpers.check_initialize_parameters, make_initialize(bias=0.1))
    assert message.startswith("b1 ")
    assert "the biases must start at zero" in message
    assert "np.zeros((4, 1))" in message


def test_initialize_not_scaled():
    message = failure_message(helpers.check_initialize_parameters, make_initialize(scale=1.0))
    assert message.startswith("W1 ")
    assert "the weights are not multiplied by 0.01 (received / expected = 100)" in message


def test_initialize_draw_order():
    message = failure_message(helpers.check_initialize_parameters, make_initialize(draw_W2_first=True))
    assert "W2 was drawn before W1" in message


def test_initialize_ignores_seed():
    message = failure_message(helpers.check_initialize_parameters, make_initialize(ignore_seed=True))
    assert "seed=3" in message
    assert "wrong values" in message
    assert "the seed argument is ignored" in message


def test_initialize_unseeded_generator():
    def initialize(n_x, n_h, n_y, seed=2):
        rng = np.random.default_rng()
        return {"W1": rng.standard_normal((n_h, n_x)) * 0.01, "b1": np.zeros((n_h, 1)),
                "W2": rng.standard_normal((n_y, n_h)) * 0.01, "b2": np.zeros((n_y, 1))}

    message = failure_message(helpers.check_initialize_parameters, initialize)
    assert "two calls with the same seed returned different weights" in message


def test_initialize_second_generator_for_W2():
    def initialize(n_x, n_h, n_y, seed=2):
        W1 = np.random.default_rng(seed).standard_normal((n_h, n_x)) * 0.01
        W2 = np.random.default_rng(seed).standard_normal((n_y, n_h)) * 0.01
        return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}

    message = failure_message(helpers.check_initialize_parameters, initialize)
    assert message.startswith("W2 ")
    assert "W2 repeats the first numbers of the generator" in message
    assert "drawn before" not in message


def test_initialize_one_dimensional_bias():
    def initialize(n_x, n_h, n_y, seed=2):
        parameters = make_initialize()(n_x, n_h, n_y, seed)
        parameters["b1"] = np.zeros(n_h)
        return parameters

    message = failure_message(helpers.check_initialize_parameters, initialize)
    assert message.startswith("b1 (n_x=2, n_h=4, n_y=1, seed=2): expected shape (4, 1), got shape (4,).")
    assert "b1 must be a column: np.zeros((4, 1)), not np.zeros(4)" in message
    assert "keepdims" not in message


def test_initialize_legacy_random_api():
    def initialize(n_x, n_h, n_y, seed=2):
        np.random.seed(seed)
        return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
                "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}

    state = np.random.get_state()
    try:
        message = failure_message(helpers.check_initialize_parameters, initialize)
    finally:
        np.random.set_state(state)
    assert "np.random.seed and np.random.randn" in message


# forward_propagation

def make_forward(use_b1=True, use_b2=True, hidden="tanh"):
    def forward(X, parameters):
        Z1 = parameters["W1"] @ X + (parameters["b1"] if use_b1 else 0)
        A1 = np.tanh(Z1) if hidden == "tanh" else 1 / (1 + np.exp(-Z1))
        Z2 = parameters["W2"] @ A1 + (parameters["b2"] if use_b2 else 0)
        A2 = 1 / (1 + np.exp(-Z2))
        return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return forward


def test_forward_forgets_b1():
    message = failure_message(helpers.check_forward_propagation, make_forward(use_b1=False))
    assert message.startswith("cache['Z1'] (X of shape (2, 5), n_h=4, n_y=1): wrong values.")
    assert "b1 is missing" in message


def test_forward_forgets_b2():
    message = failure_message(helpers.check_forward_propagation, make_forward(use_b2=False))
    assert message.startswith("cache['Z2']")
    assert "b2 is missing" in message


def test_forward_sigmoid_hidden_layer():
    message = failure_message(helpers.check_forward_propagation, make_forward(hidden="sigmoid"))
    assert message.startswith("cache['A1']")
    assert "the hidden layer uses sigmoid; it must use tanh" in message


def test_forward_elementwise_product_with_two_outputs():
    def forward(X, parameters):
        Z1 = parameters["W1"] @ X + parameters["b1"]
        A1 = np.tanh(Z1)
        Z2 = np.sum(parameters["W2"].T * A1, axis=0, keepdims=True) + parameters["b2"]
        A2 = 1 / (1 + np.exp(-Z2))
        return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}

    message = failure_message(helpers.check_forward_propagation, forward)
    assert "(X of shape (4, 3), n_h=5, n_y=2) raised ValueError" in message
    assert "This problem has n_y = 2 outputs" in message


# compute_cost

def make_cost(sign=1.0, scale=1.0, pairwise=False, as_array=False):
    def cost(A2, Y):
        m = Y.shape[1]
        A2 = np.clip(A2, 1e-15, 1 - 1e-15)
        if pairwise:
            total = np.sum(np.dot(Y.T, np.log(A2))) + np.sum(np.dot((1 - Y).T, np.log(1 - A2)))
        else:
            logprobs = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)
            total = np.sum(logprobs, axis=1, keepdims=True) if as_array else np.sum(logprobs)
        J = -sign * scale * total / m
        return J if as_array else float(J)
    return cost


def test_cost_returned_as_array():
    message = failure_message(helpers.check_compute_cost, make_cost(as_array=True))
    assert message.startswith("cost (A2 and Y of shape (1, 5)): expected a Python float, got an array of shape (1, 1).")
    assert "float(np.squeeze(cost))" in message


def test_cost_negative():
    message = failure_message(helpers.check_compute_cost, make_cost(sign=-1.0))
    assert "the cost is negative" in message


def test_cost_missing_one_over_m():
    message = failure_message(helpers.check_compute_cost, make_cost(scale=5.0))
    assert "the factor 1/m is missing, or m is not the number of examples (received / expected = 5)" in message


def test_cost_one_over_m_twice():
    message = failure_message(helpers.check_compute_cost, make_cost(scale=1 / 5))
    assert "1/m is applied twice (received / expected = 0.2)" in message


def test_cost_pairs_every_label_with_every_output():
    message = failure_message(helpers.check_compute_cost, make_cost(pairwise=True))
    assert "y_i is paired with every a_j" in message
    assert "m x m matrix" in message


def test_cost_terms_subtracted():
    def cost(A2, Y):
        return float(-np.sum(Y * np.log(A2) - (1 - Y) * np.log(1 - A2)) / Y.shape[1])

    message = failure_message(helpers.check_compute_cost, cost)
    assert "the two terms are subtracted" in message
    assert "minus sign" not in message


def test_cost_log_of_A2_twice():
    def cost(A2, Y):
        return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(A2)) / Y.shape[1])

    message = failure_message(helpers.check_compute_cost, cost)
    assert "the second term uses log(A2)" in message


def test_cost_divides_by_label_rows():
    def cost(A2, Y):
        m = Y.shape[0]
        return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)

    message = failure_message(helpers.check_compute_cost, cost)
    assert "or m is not the number of examples" in message
    assert "m = X.shape[1]" in message


def test_cost_unknown_error_no_ratio():
    def cost(A2, Y):
        return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / Y.shape[1]) + 0.1

    message = failure_message(helpers.check_compute_cost, cost)
    assert message.startswith("cost (A2 and Y of shape (1, 5)): expected ")
    assert "times the expected one" not in message
    assert "Likely cause" not in message


def float_of_matrix_raises():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            float(np.zeros((1, 1)))
        except TypeError:
            return True
    return False


@pytest.mark.skipif(not float_of_matrix_raises(), reason="this numpy version still converts a (1, 1) array with float()")
def test_cost_float_of_matrix_product():
    def cost(A2, Y):
        J = -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / Y.shape[1]
        return float(J)

    message = failure_message(helpers.check_compute_cost, cost)
    assert "raised TypeError: only 0-dimensional arrays can be converted" in message
    assert "float() received an array, not a single number" in message


def test_cost_m_by_m_array_named():
    def cost(A2, Y):
        return -(np.dot(Y.T, np.log(A2)) + np.dot((1 - Y).T, np.log(1 - A2))) / Y.shape[1]

    message = failure_message(helpers.check_compute_cost, cost)
    assert "got an array of shape (5, 5)" in message
    assert "y_i is paired with every a_j" in message


# backward_propagation

def test_backward_missing_one_over_m():
    message = failure_message(helpers.check_backward_propagation, make_backward(scale=5.0))
    assert message.startswith("dW2 (X of shape (2, 5), n_h=4, n_y=1): wrong values.")
    assert "the factor 1/m is missing, or m is not the number of examples (received / expected = 5)" in message


def test_backward_m_from_feature_count():
    def backward(parameters, cache, X, Y):
        grads = make_backward()(parameters, cache, X, Y)
        return {key: value * X.shape[1] / X.shape[0] for key, value in grads.items()}

    message = failure_message(helpers.check_backward_propagation, backward)
    assert "m is taken from X.shape[0], the number of input features (received / expected = 2.5)" in message


def test_backward_one_over_m_twice():
    message = failure_message(helpers.check_backward_propagation, make_backward(scale=1 / 5))
    assert "1/m is applied twice (received / expected = 0.2)" in message


def test_backward_keepdims_dropped():
    message = failure_message(helpers.check_backward_propagation, make_backward(keepdims=False))
    assert "db2 (X of shape (2, 5), n_h=4, n_y=1): expected shape (1, 1), got shape (1,)." in message
    assert "keepdims was dropped" in message


def test_backward_sum_over_wrong_axis():
    message = failure_message(helpers.check_backward_propagation, make_backward(db_axis=0))
    assert "db2 (X of shape (2, 5), n_h=4, n_y=1): expected shape (1, 1), got shape (1, 5)." in message
    assert "the sum runs over the wrong axis" in message


def test_backward_tanh_derivative_from_Z1():
    message = failure_message(helpers.check_backward_propagation, make_backward(derivative="tanh_of_Z1"))
    assert message.startswith("dW1 ")
    assert "the tanh derivative uses Z1: it is 1 - A1**2" in message


def test_backward_sigmoid_derivative_in_hidden_layer():
    message = failure_message(helpers.check_backward_propagation, make_backward(derivative="sigmoid"))
    assert message.startswith("dW1 ")
    assert "the sigmoid derivative A1 * (1 - A1)" in message


def test_backward_wrong_sign_of_dZ2():
    message = failure_message(helpers.check_backward_propagation, make_backward(dZ2_sign=-1))
    assert message.startswith("dW2 ")
    assert "dZ2 has the wrong sign: dZ2 = A2 - Y, not Y - A2 (received / expected = -1)" in message


def test_backward_elementwise_product_hidden_until_two_outputs(capsys):
    message = failure_message(helpers.check_backward_propagation, make_backward(elementwise_back=True))
    assert "(X of shape (4, 3), n_h=5, n_y=2) raised ValueError" in message
    assert "W2.T * dZ2" in message
    assert "np.dot(W2.T, dZ2)" in message


def test_backward_matrix_product_where_elementwise_belongs():
    def backward(parameters, cache, X, Y):
        grads = make_backward()(parameters, cache, X, Y)
        dZ2 = cache["A2"] - Y
        dZ1 = np.dot(np.dot(parameters["W2"].T, dZ2), 1 - cache["A1"] ** 2)
        grads["dW1"] = np.dot(dZ1, X.T) / X.shape[1]
        return grads

    message = failure_message(helpers.check_backward_propagation, backward)
    assert "raised ValueError" in message
    assert "a matrix product (np.dot or @) stands where the elementwise product (*) belongs" in message
    assert "inner sizes of a matrix product do not match" in message


# update_parameters

def make_update(add=False, in_place=False, ignore_rate=False):
    def update(parameters, grads, learning_rate=1.2):
        rate = 1.2 if ignore_rate else learning_rate
        if in_place:
            for key in ("W1", "b1", "W2", "b2"):
                parameters[key] -= rate * grads["d" + key]
            return parameters
        sign = 1 if add else -1
        return {key: parameters[key] + sign * rate * grads["d" + key] for key in ("W1", "b1", "W2", "b2")}
    return update


def test_update_mutates_caller():
    message = failure_message(helpers.check_update_parameters, make_update(in_place=True))
    assert "changed the caller's parameters['W1'] in place" in message
    assert "W1 = W1 - learning_rate * dW1" in message


def test_update_adds_gradient():
    message = failure_message(helpers.check_update_parameters, make_update(add=True))
    assert message.startswith("W1 (n_x=2, n_h=4, n_y=1, learning_rate=0.7): wrong values.")
    assert "the gradient is added" in message


def test_update_replaces_caller_entries():
    def update(parameters, grads, learning_rate=1.2):
        for key in ("W1", "b1", "W2", "b2"):
            parameters[key] = parameters[key] - learning_rate * grads["d" + key]
        return parameters

    message = failure_message(helpers.check_update_parameters, update)
    assert message.startswith("update_parameters replaced parameters['W1'] in the caller's dict.")
    assert "Put the new arrays in a new dict" in message
    assert "in place" not in message


def test_update_single_entry_no_ratio():
    def update(parameters, grads, learning_rate=1.2):
        new = {key: parameters[key] - learning_rate * grads["d" + key] for key in ("W1", "b1", "W2")}
        new["b2"] = parameters["b2"] - learning_rate * grads["dW2"][:, :1]
        return new

    message = failure_message(helpers.check_update_parameters, update)
    assert message.startswith("b2 ")
    assert "times the expected one" not in message


def test_update_ignores_learning_rate():
    message = failure_message(helpers.check_update_parameters, make_update(ignore_rate=True))
    assert "the learning_rate argument is ignored" in message


# nn_model

def make_nn_model(ignore_seed=False, extra_step=False, no_update=False, printing="spec"):
    def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=1.2, print_cost=False, seed=2):
        parameters = helpers.initialize_parameters(X.shape[0], n_h, Y.shape[0], seed=2 if ignore_seed else seed)
        for i in range(num_iterations + (1 if extra_step else 0)):
            A2, cache = helpers.forward_propagation(X, parameters)
            cost = helpers.compute_cost(A2, Y)
            grads = helpers.backward_propagation(parameters, cache, X, Y)
            updated = helpers.update_parameters(parameters, grads, learning_rate)
            if not no_update:
                parameters = updated
            if i % 1000 == 0 and (printing == "always" or (printing == "spec" and print_cost)):
                print(f"Cost after iteration {i:5d}: {cost:.6f}")
            if i % 1000 == 0 and printing == "unformatted" and print_cost:
                print(f"Cost after iteration {i}: {cost}")
        return parameters
    return nn_model


def test_nn_model_textbook_passes(capsys):
    helpers.check_nn_model(make_nn_model())
    assert capsys.readouterr().out == "nn_model: all 3 checks passed.\n"


def test_nn_model_prints_without_print_cost():
    message = failure_message(helpers.check_nn_model, make_nn_model(printing="always"))
    assert "printed 'Cost after iteration     0: " in message
    assert "although print_cost is False" in message


def test_nn_model_never_prints_cost():
    message = failure_message(helpers.check_nn_model, make_nn_model(printing="never"))
    assert message.startswith("nn_model (print_cost=True, num_iterations=40): expected to print one line,")
    assert "no line that starts with 'Cost after iteration'" in message


def test_nn_model_prints_unformatted_cost():
    message = failure_message(helpers.check_nn_model, make_nn_model(printing="unformatted"))
    assert "Cost after iteration     0: 0.693" in message
    assert "got\n  Cost after iteration 0: 0.693" in message


def test_nn_model_ignores_seed():
    assert "the seed argument is ignored" in failure_message(helpers.check_nn_model, make_nn_model(ignore_seed=True))


def test_nn_model_extra_iteration():
    assert "one update too many" in failure_message(helpers.check_nn_model, make_nn_model(extra_step=True))


def test_nn_model_never_updates():
    assert "the parameters never change" in failure_message(helpers.check_nn_model, make_nn_model(no_update=True))


# predict

def make_predict(threshold=0.5, strict=True, probabilities=False, as_bool=False, flatten=False):
    def predict(parameters, X):
        A2, _ = helpers.forward_propagation(X, parameters)
        if probabilities:
            return A2
        labels = A2 > threshold if strict else A2 >= threshold
        labels = labels if as_bool else labels.astype(int)
        return labels.ravel() if flatten else labels
    return predict


def test_predict_returns_probabilities():
    message = failure_message(helpers.check_predict, make_predict(probabilities=True))
    assert message.startswith("predict (X of shape (2, 50)): expected labels 0 and 1")
    assert "returns the probabilities A2" in message


@pytest.mark.parametrize("threshold", [0.25, 0.75])
def test_predict_wrong_threshold(threshold):
    message = failure_message(helpers.check_predict, make_predict(threshold=threshold))
    assert f"the threshold is {threshold:g}; it must be 0.5" in message


def test_predict_greater_or_equal():
    message = failure_message(helpers.check_predict, make_predict(strict=False))
    assert "A2 equal to 0.5 is predicted as 1" in message


def test_predict_threshold_on_Z2():
    def predict(parameters, X):
        _, cache = helpers.forward_propagation(X, parameters)
        return (cache["Z2"] > 0.5).astype(int)

    message = failure_message(helpers.check_predict, predict)
    assert "the threshold is applied to Z2" in message


def test_predict_reversed_comparison():
    def predict(parameters, X):
        A2, _ = helpers.forward_propagation(X, parameters)
        return (A2 < 0.5).astype(int)

    message = failure_message(helpers.check_predict, predict)
    assert "the comparison is reversed" in message
    assert "times the expected one" not in message


def test_predict_float_labels():
    def predict(parameters, X):
        A2, _ = helpers.forward_propagation(X, parameters)
        return np.round(A2)

    message = failure_message(helpers.check_predict, predict)
    assert "expected integer labels, got an array of dtype float64" in message


def test_predict_booleans():
    assert "array of booleans" in failure_message(helpers.check_predict, make_predict(as_bool=True))


def test_predict_flattened():
    assert "the result was flattened" in failure_message(helpers.check_predict, make_predict(flatten=True))


# student exceptions

def test_student_exception_is_reported():
    def broken(X, Y, n_h=4):
        raise NameError("name 'n_x' is not defined")

    message = failure_message(helpers.check_layer_sizes, broken)
    assert "layer_sizes (X of shape (2, 5), Y of shape (1, 5), n_h=4) raised NameError: name 'n_x' is not defined" in message
    assert "Spell names as in the equations" in message


def test_stub_is_reported():
    def stub(X, parameters):
        raise NotImplementedError()

    message = failure_message(helpers.check_forward_propagation, stub)
    assert message == "forward_propagation is not written yet: replace 'raise NotImplementedError()' with your code."


def test_missing_key_is_reported():
    def forward(X, parameters):
        A2, cache = textbook_forward(X, parameters)
        del cache["A1"]
        return A2, cache

    message = failure_message(helpers.check_forward_propagation, forward)
    assert "the returned dict has no key 'A1'" in message


def test_exception_report_shows_student_line():
    def forward(X, parameters):
        Z1 = parameters["W1"] @ X + parameters["b1"]
        A1 = np.tanh(Z1)
        Z2 = parameters["W2"] * A1 + parameters["b2"]
        return Z2, {}

    message = failure_message(helpers.check_forward_propagation, forward)
    assert "raised ValueError" in message
    assert 'of forward: Z2 = parameters["W2"] * A1 + parameters["b2"]' in message


def test_failure_renders_without_checker_frames():
    failure = helpers.CheckFailure("dW1: wrong values.\nLikely cause: something.")
    assert failure._render_traceback_() == ["CheckFailure: dW1: wrong values.", "Likely cause: something."]


def test_backward_tanh_derivative_squared_after_subtracting():
    def backward(parameters, cache, X, Y):
        grads = make_backward()(parameters, cache, X, Y)
        m = X.shape[1]
        dZ1 = np.dot(parameters["W2"].T, cache["A2"] - Y) * (1 - cache["A1"]) ** 2
        grads["dW1"] = np.dot(dZ1, X.T) / m
        grads["db1"] = np.sum(dZ1, axis=1, keepdims=True) / m
        return grads

    message = failure_message(helpers.check_backward_propagation, backward)
    assert message.startswith("dW1 ")
    assert "written (1 - A1)**2; it must be 1 - A1**2" in message


def test_backward_bias_summed_to_scalar():
    def backward(parameters, cache, X, Y):
        grads = make_backward()(parameters, cache, X, Y)
        grads["db2"] = np.sum(cache["A2"] - Y) / X.shape[1]
        return grads

    message = failure_message(helpers.check_backward_propagation, backward)
    assert message.startswith("db2 (X of shape (2, 5), n_h=4, n_y=1): expected a numpy array of shape (1, 1)")
    assert "everything was summed to one number" in message


def test_backward_missing_transpose():
    def backward(parameters, cache, X, Y):
        grads = make_backward()(parameters, cache, X, Y)
        dZ1 = (parameters["W2"] @ (cache["A2"] - Y)) * (1 - cache["A1"] ** 2)
        grads["dW1"] = dZ1 @ X.T / X.shape[1]
        return grads

    message = failure_message(helpers.check_backward_propagation, backward)
    assert "raised ValueError" in message
    assert "a transpose (.T) is missing or extra" in message


@pytest.mark.parametrize("name, check", CHECKS, ids=[name for name, _ in CHECKS])
def test_calling_the_reference_is_caught(name, check):
    reference = getattr(helpers, name)

    def delegating(*args, **kwargs):
        return getattr(helpers, name)(*args, **kwargs)

    message = failure_message(check, delegating)
    assert message == (f"{name} calls helpers.{name}, the reference it is meant to replace. "
                       f"Compute the result with numpy in your own function.")
    assert getattr(helpers, name) is reference
