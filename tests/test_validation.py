"""Bad input raises ValueError or TypeError naming the argument, what arrived and the fix."""

import numpy as np
import pytest

import shallownet_helpers as helpers


@pytest.fixture
def flower():
    return helpers.load_planar_dataset()


@pytest.fixture
def parameters():
    return helpers.initialize_parameters(2, 4, 1)


def test_transposed_X_in_nn_model(flower):
    X, Y = flower
    with pytest.raises(ValueError) as error:
        helpers.nn_model(X.T, Y, n_h=4)
    message = str(error.value)
    assert "X has shape (400, 2)" in message
    assert "examples must be columns" in message
    assert "X.T" in message
    assert "(2, 400)" in message


def test_transposed_X_in_layer_sizes(flower):
    X, Y = flower
    with pytest.raises(ValueError, match=r"X has shape \(400, 2\).*pass X\.T"):
        helpers.layer_sizes(X.T, Y)


def test_transposed_X_in_forward(flower, parameters):
    X, _ = flower
    with pytest.raises(ValueError, match=r"X has shape \(400, 2\).*examples must be columns.*X\.T"):
        helpers.forward_propagation(X.T, parameters)


def test_transposed_X_in_predict(flower, parameters):
    X, _ = flower
    with pytest.raises(ValueError, match=r"pass X\.T, of shape \(2, 400\)"):
        helpers.predict(parameters, X.T)


def test_transposed_Y_in_nn_model(flower):
    X, Y = flower
    with pytest.raises(ValueError, match=r"Y has shape \(400, 1\).*pass Y\.T"):
        helpers.nn_model(X, Y.T, n_h=4)


def test_wrong_number_of_examples(flower):
    X, Y = flower
    with pytest.raises(ValueError, match=r"X has 400 examples .* Y has 399"):
        helpers.nn_model(X, Y[:, :399], n_h=4)


def test_wrong_feature_count_in_forward(parameters):
    with pytest.raises(ValueError, match=r"X has 3 rows .* n_x = 2"):
        helpers.forward_propagation(np.zeros((3, 5)), parameters)


@pytest.mark.parametrize("bad_value", [-1, 2, 1.5])
def test_labels_outside_zero_one(flower, bad_value):
    X, Y = flower
    Y = Y.copy().astype(float)
    Y[0, 3] = bad_value
    with pytest.raises(ValueError, match=r"Y must contain only the labels 0 and 1; got the values .*"
                                         + str(bad_value).replace(".", r"\.")):
        helpers.nn_model(X, Y, n_h=4)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_X(flower, bad):
    X, Y = flower
    X = X.copy()
    X[1, 7] = bad
    with pytest.raises(ValueError, match=r"X contains 1 NaN or infinite value\(s\), the first at index \(1, 7\)"):
        helpers.nn_model(X, Y, n_h=4)


def test_non_finite_labels(flower):
    X, Y = flower
    Y = Y.astype(float)
    Y[0, 0] = np.nan
    with pytest.raises(ValueError, match=r"Y contains 1 NaN"):
        helpers.layer_sizes(X, Y)


def test_one_dimensional_X(flower):
    X, Y = flower
    with pytest.raises(ValueError, match=r"X must be a 2-D array of shape \(n_x, m\); got a 1-D array of shape "
                                         r"\(400,\).*X\.reshape\(1, -1\)"):
        helpers.layer_sizes(X[0], Y)


def test_one_dimensional_Y(flower):
    X, Y = flower
    with pytest.raises(ValueError, match=r"Y must be a 2-D array .* shape \(400,\).*Y\.reshape\(1, -1\)") as error:
        helpers.nn_model(X, Y[0], n_h=4)
    assert "reshape(-1, 1)" not in str(error.value)


def test_non_numeric_X():
    with pytest.raises(TypeError, match=r"X must contain numbers.*dtype <U1"):
        helpers.layer_sizes(np.array([["a", "b"]]), np.array([[0, 1]]))


def test_X_given_as_dict():
    with pytest.raises(TypeError, match=r"X must be a numpy array of shape \(n_x, m\); got dict"):
        helpers.layer_sizes({"X": 1}, np.array([[0, 1]]))


@pytest.mark.parametrize("n_h", [0, -3])
def test_n_h_below_one(flower, n_h):
    X, Y = flower
    with pytest.raises(ValueError, match=rf"n_h must be at least 1 \(the number of hidden units\); got {n_h}"):
        helpers.nn_model(X, Y, n_h=n_h)


@pytest.mark.parametrize("n_h", [2.5, "4", True])
def test_n_h_not_integer(flower, n_h):
    X, Y = flower
    with pytest.raises(TypeError, match=r"n_h must be an integer"):
        helpers.layer_sizes(X, Y, n_h=n_h)


@pytest.mark.parametrize("rate", [0, -0.1, float("inf"), float("nan")])
def test_learning_rate_not_positive(flower, rate):
    X, Y = flower
    with pytest.raises(ValueError, match=r"learning_rate must be a positive finite number.*got"):
        helpers.nn_model(X, Y, n_h=4, learning_rate=rate)


def test_learning_rate_wrong_type(parameters):
    grads = {"d" + k: np.zeros_like(v) for k, v in parameters.items()}
    with pytest.raises(TypeError, match=r"learning_rate must be a positive number; got '1.2' of type str"):
        helpers.update_parameters(parameters, grads, learning_rate="1.2")


@pytest.mark.parametrize("iterations", [0, -10])
def test_iteration_count_not_positive(flower, iterations):
    X, Y = flower
    with pytest.raises(ValueError, match=rf"num_iterations must be at least 1 .*got {iterations}"):
        helpers.nn_model(X, Y, n_h=4, num_iterations=iterations)


def test_iteration_count_float(flower):
    X, Y = flower
    with pytest.raises(TypeError, match=r"num_iterations must be an integer .*got 100\.0"):
        helpers.nn_model(X, Y, n_h=4, num_iterations=100.0)


def test_initialize_rejects_zero_size():
    with pytest.raises(ValueError, match=r"n_h must be at least 1"):
        helpers.initialize_parameters(2, 0, 1)


def test_initialize_rejects_bad_seed():
    with pytest.raises(TypeError, match=r"seed must be a non-negative integer.*got 'abc'"):
        helpers.initialize_parameters(2, 4, 1, seed="abc")


@pytest.mark.parametrize("missing", ["W1", "b1", "W2", "b2"])
def test_parameters_missing_key(flower, parameters, missing):
    X, _ = flower
    del parameters[missing]
    with pytest.raises(ValueError, match=rf"parameters is missing '{missing}'.*initialize_parameters"):
        helpers.forward_propagation(X, parameters)


def test_parameters_not_a_dict(flower):
    X, _ = flower
    with pytest.raises(TypeError, match=r"parameters must be a dict .* got list"):
        helpers.forward_propagation(X, [1, 2, 3])


def test_bias_with_dropped_dimension(flower, parameters):
    X, _ = flower
    parameters["b1"] = np.zeros(4)
    with pytest.raises(ValueError, match=r"parameters\['b1'\] has shape \(4,\), but it must have shape \(4, 1\).*np\.zeros\(\(4, 1\)\)"):
        helpers.forward_propagation(X, parameters)


def test_W2_inconsistent_with_W1(flower, parameters):
    X, _ = flower
    parameters["W2"] = np.zeros((1, 3))
    with pytest.raises(ValueError, match=r"parameters\['W2'\] has shape \(1, 3\) but W1 has shape \(4, 2\)"):
        helpers.forward_propagation(X, parameters)


def test_parameters_with_nan(flower, parameters):
    X, _ = flower
    parameters["W1"][0, 0] = np.nan
    with pytest.raises(ValueError, match=r"parameters\['W1'\] contains 1 NaN"):
        helpers.forward_propagation(X, parameters)


def test_cost_rejects_Z2_instead_of_A2():
    with pytest.raises(ValueError, match=r"A2 must hold probabilities in \[0, 1\].*Pass the sigmoid output A2, not Z2"):
        helpers.compute_cost(np.array([[-2.0, 3.0]]), np.array([[0, 1]]))


def test_cost_rejects_transposed_A2():
    with pytest.raises(ValueError, match=r"A2 has shape \(3, 1\) but Y has shape \(1, 3\); one of them is transposed"):
        helpers.compute_cost(np.full((3, 1), 0.5), np.array([[0, 1, 1]]))


def test_cost_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match=r"A2 has shape \(1, 2\) but Y has shape \(1, 3\)"):
        helpers.compute_cost(np.full((1, 2), 0.5), np.array([[0, 1, 1]]))


def test_backward_rejects_cache_from_other_data(flower, parameters):
    X, Y = flower
    _, cache = helpers.forward_propagation(X[:, :10], parameters)
    with pytest.raises(ValueError, match=r"cache\['Z1'\] has shape \(4, 10\).*must have shape \(4, 400\)"):
        helpers.backward_propagation(parameters, cache, X, Y)


def test_backward_rejects_cache_missing_key(flower, parameters):
    X, Y = flower
    _, cache = helpers.forward_propagation(X, parameters)
    del cache["A1"]
    with pytest.raises(ValueError, match=r"cache is missing 'A1'.*forward_propagation"):
        helpers.backward_propagation(parameters, cache, X, Y)


def test_backward_rejects_wrong_label_rows(flower, parameters):
    X, Y = flower
    _, cache = helpers.forward_propagation(X, parameters)
    with pytest.raises(ValueError, match=r"Y has shape \(2, 400\), so n_y = 2, .* n_y = 1 outputs.*\(n_x, n_h, n_y\)"):
        helpers.backward_propagation(parameters, cache, X, np.vstack([Y, Y]))


def test_W1_made_from_example_count(flower):
    X, _ = flower
    parameters = helpers.initialize_parameters(X.shape[1], 4, 1)
    with pytest.raises(ValueError, match=r"pass X\.T.*W1 \(4, 400\) was created with n_x = X\.shape\[1\].*n_x = X\.shape\[0\] = 2"):
        helpers.forward_propagation(X, parameters)


def test_update_rejects_gradient_of_wrong_shape(parameters):
    grads = {"d" + k: np.zeros_like(v) for k, v in parameters.items()}
    grads["db1"] = np.zeros(4)
    with pytest.raises(ValueError, match=r"grads\['db1'\] must be a 2-D array .* shape \(4,\)"):
        helpers.update_parameters(parameters, grads)
    grads["db1"] = np.zeros((1, 4))
    with pytest.raises(ValueError, match=r"grads\['db1'\] has shape \(1, 4\) but parameters\['b1'\] has shape \(4, 1\)"):
        helpers.update_parameters(parameters, grads)


def test_update_rejects_missing_gradient(parameters):
    grads = {"dW1": np.zeros((4, 2))}
    with pytest.raises(ValueError, match=r"grads is missing 'db1', 'dW2', 'db2'.*backward_propagation"):
        helpers.update_parameters(parameters, grads)


def test_accuracy_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match=r"predictions has shape \(1, 3\) but Y has shape \(1, 4\)"):
        helpers.accuracy(np.array([[1, 0, 1]]), np.array([[1, 0, 1, 1]]))


def test_accuracy_rejects_probabilities():
    with pytest.raises(ValueError, match=r"predictions must contain only the labels 0 and 1") as error:
        helpers.accuracy(np.array([[0.9, 0.2]]), np.array([[1, 0]]))
    assert "such as 0.2, which look like probabilities" in str(error.value)
    assert "(A2 > 0.5).astype(int)" in str(error.value)


def test_cost_with_swapped_arguments():
    with pytest.raises(ValueError, match=r"Y must contain only the labels 0 and 1; got values between 0 and 1") as error:
        helpers.compute_cost(np.array([[1, 0]]), np.array([[0.8, 0.3]]))
    assert "swap them" in str(error.value)


def test_transposed_W1_named(flower, parameters):
    X, _ = flower
    parameters["W1"] = parameters["W1"].T
    with pytest.raises(ValueError, match=r"parameters\['W1'\] has shape \(2, 4\).*W1 looks transposed.*\(4, 2\)"):
        helpers.forward_propagation(X, parameters)


def test_one_dimensional_bias_suggests_column():
    with pytest.raises(ValueError, match=r"b must be a 2-D array .*b\.reshape\(-1, 1\)\.$"):
        helpers._as_float_matrix(np.zeros(4), "b", "(n_h, 1)")


def test_sigmoid_rejects_text():
    with pytest.raises(TypeError, match=r"z must be a number or an array of numbers; got '1'"):
        helpers.sigmoid("1")


def test_plot_rejects_transposed_X(flower):
    X, Y = flower
    with pytest.raises(ValueError, match=r"X has shape \(400, 2\), but examples must be columns"):
        helpers.plot_dataset(X.T, Y)


def test_plot_rejects_labels_of_wrong_length(flower):
    X, Y = flower
    with pytest.raises(ValueError, match=r"Y must hold one label per example.*m = 400; got shape \(1, 300\)"):
        helpers.plot_dataset(X, Y[:, :300])


def test_boundary_rejects_non_callable(flower):
    X, Y = flower
    with pytest.raises(TypeError, match=r"predict_function must be callable"):
        helpers.plot_decision_boundary(np.zeros(3), X, Y)


def test_boundary_rejects_row_convention_predictor(flower, parameters):
    X, Y = flower
    with pytest.raises(ValueError, match=r"predict_function returned 2 values for .* points"):
        helpers.plot_decision_boundary(lambda points: points[:, 0], X, Y)


def test_load_reports_missing_file(monkeypatch, tmp_path):
    monkeypatch.setattr(helpers, "DATA_DIR", tmp_path)
    with pytest.raises(FileNotFoundError, match=r"flower\.csv not found.*make_datasets\.py"):
        helpers.load_planar_dataset()


def test_gradient_check_names_missing_gradient(parameters):
    X = np.array([[1.0, -1.0], [0.5, 2.0]])
    Y = np.array([[1, 0]])

    def backward(parameters, cache, X, Y):
        grads = helpers.backward_propagation(parameters, cache, X, Y)
        del grads["dW1"]
        return grads

    with pytest.raises(ValueError, match=r"the result of backward is missing 'dW1'"):
        helpers.gradient_check(parameters, X, Y, backward=backward)


def test_gradient_check_names_gradient_of_wrong_shape(parameters):
    X = np.array([[1.0, -1.0], [0.5, 2.0]])
    Y = np.array([[1, 0]])

    def backward(parameters, cache, X, Y):
        grads = helpers.backward_propagation(parameters, cache, X, Y)
        grads["db1"] = grads["db1"].ravel()
        return grads

    with pytest.raises(ValueError, match=r"db1 from backward has shape \(4,\), but b1 has shape \(4, 1\)"):
        helpers.gradient_check(parameters, X, Y, backward=backward)
