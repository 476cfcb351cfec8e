"""Values of the reference network, checked against hand computations."""

import math
import re

import numpy as np
import pytest

import shallownet_helpers as helpers


def tiny_network():
    """One input, one hidden unit, one output, one example: every value by hand."""
    X = np.array([[2.0]])
    Y = np.array([[1]])
    parameters = {"W1": np.array([[0.5]]), "b1": np.array([[0.1]]),
                  "W2": np.array([[-1.5]]), "b2": np.array([[0.2]])}
    return X, Y, parameters


def random_problem(n_x=3, n_h=4, n_y=1, m=6, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_x, m))
    Y = (rng.random((n_y, m)) > 0.5).astype(int)
    parameters = {"W1": rng.standard_normal((n_h, n_x)), "b1": rng.standard_normal((n_h, 1)),
                  "W2": rng.standard_normal((n_y, n_h)), "b2": rng.standard_normal((n_y, 1))}
    return X, Y, parameters


@pytest.fixture(scope="module")
def trained_flower(flower):
    X, Y = flower
    return helpers.train_with_history(X, Y, n_h=4, num_iterations=10000, learning_rate=1.2)


# sigmoid

def test_sigmoid_at_zero_is_half():
    assert helpers.sigmoid(0.0) == 0.5


def test_sigmoid_known_value():
    assert helpers.sigmoid(2.0) == pytest.approx(1 / (1 + math.exp(-2.0)), rel=1e-15)


def test_sigmoid_extremes_without_overflow():
    s = helpers.sigmoid(np.array([-1e4, -800.0, 800.0, 1e4]))
    assert s.tolist() == [0.0, 0.0, 1.0, 1.0]


def test_sigmoid_keeps_small_values_precise():
    assert helpers.sigmoid(-40.0) == pytest.approx(math.exp(-40.0) / (1 + math.exp(-40.0)), rel=1e-12)
    assert helpers.sigmoid(-40.0) > 0


def test_sigmoid_symmetry():
    z = np.linspace(-30, 30, 61)
    np.testing.assert_allclose(helpers.sigmoid(-z), 1 - helpers.sigmoid(z), atol=1e-15)


def test_sigmoid_matches_two_branch_form():
    z = np.concatenate([np.linspace(-800, 800, 16001), [-0.0, 0.0, -np.inf, np.inf]])
    with np.errstate(over="ignore", invalid="ignore"):  # np.where evaluates both forms everywhere
        expected = np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
    np.testing.assert_array_equal(helpers.sigmoid(z), expected)


def test_sigmoid_keeps_shape():
    assert helpers.sigmoid(np.zeros((3, 5))).shape == (3, 5)


# layer_sizes and initialize_parameters

def test_layer_sizes_flower(flower):
    X, Y = flower
    assert helpers.layer_sizes(X, Y) == (2, 4, 1)
    assert helpers.layer_sizes(X, Y, n_h=7) == (2, 7, 1)


def test_layer_sizes_several_outputs():
    assert helpers.layer_sizes(np.zeros((5, 3)), np.zeros((2, 3))) == (5, 4, 2)


def test_initialize_shapes():
    p = helpers.initialize_parameters(3, 5, 2)
    assert p["W1"].shape == (5, 3)
    assert p["b1"].shape == (5, 1)
    assert p["W2"].shape == (2, 5)
    assert p["b2"].shape == (2, 1)


def test_initialize_values_from_seed():
    p = helpers.initialize_parameters(2, 4, 1, seed=7)
    rng = np.random.default_rng(7)
    np.testing.assert_array_equal(p["W1"], rng.standard_normal((4, 2)) * 0.01)
    np.testing.assert_array_equal(p["W2"], rng.standard_normal((1, 4)) * 0.01)
    assert not p["b1"].any()
    assert not p["b2"].any()


def test_initialize_default_seed_is_fixed():
    first = helpers.initialize_parameters(2, 4, 1)
    second = helpers.initialize_parameters(2, 4, 1)
    np.testing.assert_array_equal(first["W1"], second["W1"])
    third = helpers.initialize_parameters(2, 4, 1, seed=3)
    assert not np.array_equal(first["W1"], third["W1"])


def test_initialize_scale_is_small():
    p = helpers.initialize_parameters(50, 200, 1)
    assert 0.008 < p["W1"].std() < 0.012


# forward_propagation

def test_forward_tiny_network_by_hand():
    X, _, parameters = tiny_network()
    A2, cache = helpers.forward_propagation(X, parameters)
    Z1 = 0.5 * 2.0 + 0.1
    A1 = math.tanh(Z1)
    Z2 = -1.5 * A1 + 0.2
    assert cache["Z1"][0, 0] == pytest.approx(Z1)
    assert cache["A1"][0, 0] == pytest.approx(A1)
    assert cache["Z2"][0, 0] == pytest.approx(Z2)
    assert A2[0, 0] == pytest.approx(1 / (1 + math.exp(-Z2)))
    assert cache["A2"] is A2


def test_forward_shapes():
    X, _, parameters = random_problem(n_x=3, n_h=4, n_y=2, m=6)
    A2, cache = helpers.forward_propagation(X, parameters)
    assert A2.shape == (2, 6)
    assert cache["Z1"].shape == (4, 6)
    assert cache["A1"].shape == (4, 6)
    assert cache["Z2"].shape == (2, 6)


def test_forward_matches_formula_on_batch():
    X, _, p = random_problem()
    A2, cache = helpers.forward_propagation(X, p)
    A1 = np.tanh(p["W1"] @ X + p["b1"])
    np.testing.assert_allclose(cache["A1"], A1)
    np.testing.assert_allclose(A2, 1 / (1 + np.exp(-(p["W2"] @ A1 + p["b2"]))))


# compute_cost

def test_cost_by_hand():
    cost = helpers.compute_cost(np.array([[0.8, 0.1]]), np.array([[1, 0]]))
    assert cost == pytest.approx(-(math.log(0.8) + math.log(0.9)) / 2)


def test_cost_is_python_float():
    assert type(helpers.compute_cost(np.array([[0.5]]), np.array([[1]]))) is float


def test_cost_at_half_is_ln2():
    assert helpers.compute_cost(np.full((1, 10), 0.5), np.array([[0, 1] * 5])) == pytest.approx(math.log(2))


def test_cost_finite_for_exact_zero_and_one():
    wrong = helpers.compute_cost(np.array([[0.0, 1.0]]), np.array([[1, 0]]))
    right = helpers.compute_cost(np.array([[1.0, 0.0]]), np.array([[1, 0]]))
    assert wrong == pytest.approx(-math.log(np.finfo(float).eps))
    assert 0 <= right < 1e-15


def test_cost_several_outputs_sums_rows():
    A2 = np.array([[0.8, 0.1], [0.6, 0.3]])
    Y = np.array([[1, 0], [0, 1]])
    expected = -(math.log(0.8) + math.log(0.9) + math.log(0.4) + math.log(0.3)) / 2
    assert helpers.compute_cost(A2, Y) == pytest.approx(expected)


# backward_propagation

def test_backward_tiny_network_by_hand():
    X, Y, parameters = tiny_network()
    _, cache = helpers.forward_propagation(X, parameters)
    grads = helpers.backward_propagation(parameters, cache, X, Y)
    A1 = math.tanh(1.1)
    A2 = 1 / (1 + math.exp(-(-1.5 * A1 + 0.2)))
    dZ2 = A2 - 1
    dZ1 = -1.5 * dZ2 * (1 - A1 ** 2)
    assert grads["dW2"][0, 0] == pytest.approx(dZ2 * A1)
    assert grads["db2"][0, 0] == pytest.approx(dZ2)
    assert grads["dW1"][0, 0] == pytest.approx(dZ1 * 2.0)
    assert grads["db1"][0, 0] == pytest.approx(dZ1)


def test_backward_shapes_match_parameters():
    X, Y, p = random_problem(n_x=3, n_h=5, n_y=2, m=7)
    _, cache = helpers.forward_propagation(X, p)
    grads = helpers.backward_propagation(p, cache, X, Y)
    for key in ("W1", "b1", "W2", "b2"):
        assert grads["d" + key].shape == p[key].shape


@pytest.mark.parametrize("n_y", [1, 2])
def test_backward_passes_gradient_check(n_y):
    X, Y, p = random_problem(n_x=3, n_h=4, n_y=n_y, m=9, seed=5)
    errors = helpers.gradient_check(p, X, Y)
    for key in ("W1", "b1", "W2", "b2"):
        assert errors[key] < 1e-7, (key, errors[key])


def test_backward_gradient_check_on_flower(flower):
    X, Y = flower
    _, _, p = random_problem(n_x=2, n_h=4, n_y=1, seed=3)
    errors = helpers.gradient_check(p, X[:, ::10], Y[:, ::10])
    assert max(errors.values()) < 1e-7


def test_gradient_check_flags_wrong_formula():
    def wrong_backward(parameters, cache, X, Y):
        grads = helpers.backward_propagation(parameters, cache, X, Y)
        grads["dW1"] = grads["dW1"] * 2
        return grads

    X, Y, p = random_problem(seed=6)
    errors = helpers.gradient_check(p, X, Y, backward=wrong_backward)
    assert errors["W1"] > 0.1
    assert errors["W2"] < 1e-7


# update_parameters

def test_update_values():
    p = {"W1": np.array([[1.0]]), "b1": np.array([[2.0]]), "W2": np.array([[3.0]]), "b2": np.array([[4.0]])}
    g = {"dW1": np.array([[1.0]]), "db1": np.array([[-1.0]]), "dW2": np.array([[0.5]]), "db2": np.array([[0.0]])}
    new = helpers.update_parameters(p, g, learning_rate=0.1)
    assert new["W1"][0, 0] == pytest.approx(0.9)
    assert new["b1"][0, 0] == pytest.approx(2.1)
    assert new["W2"][0, 0] == pytest.approx(2.95)
    assert new["b2"][0, 0] == pytest.approx(4.0)


def test_update_default_rate_is_1_2():
    p = {"W1": np.zeros((1, 1)), "b1": np.zeros((1, 1)), "W2": np.zeros((1, 1)), "b2": np.zeros((1, 1))}
    g = {"dW1": np.ones((1, 1)), "db1": np.ones((1, 1)), "dW2": np.ones((1, 1)), "db2": np.ones((1, 1))}
    assert helpers.update_parameters(p, g)["W1"][0, 0] == pytest.approx(-1.2)


def test_update_does_not_mutate_caller():
    X, Y, p = random_problem()
    _, cache = helpers.forward_propagation(X, p)
    g = helpers.backward_propagation(p, cache, X, Y)
    before = {k: v.copy() for k, v in p.items()}
    new = helpers.update_parameters(p, g)
    for key in p:
        np.testing.assert_array_equal(p[key], before[key])
        assert not np.shares_memory(new[key], p[key])


# nn_model and training

def test_flower_accuracy_n_h_4(flower, trained_flower):
    X, Y = flower
    acc = helpers.accuracy(helpers.predict(trained_flower.parameters, X), Y)
    assert acc >= 0.88


def test_logistic_baseline_below_60_percent(flower):
    X, Y = flower
    parameters = helpers.logistic_regression(X, Y)
    acc = helpers.accuracy(helpers.predict_logistic(parameters, X), Y)
    assert acc < 0.60


def test_logistic_regression_separable_data():
    X = np.array([[-2.0, -1.0, 1.0, 2.0], [0.0, 0.5, -0.5, 0.0]])
    Y = np.array([[0, 0, 1, 1]])
    parameters = helpers.logistic_regression(X, Y)
    assert helpers.predict_logistic(parameters, X).tolist() == [[0, 0, 1, 1]]


def test_nn_model_equals_history_parameters(flower, trained_flower):
    X, Y = flower
    parameters = helpers.nn_model(X, Y, n_h=4)
    for key in ("W1", "b1", "W2", "b2"):
        np.testing.assert_array_equal(parameters[key], trained_flower.parameters[key])


@pytest.mark.parametrize("n_y", [1, 2])
def test_nn_model_matches_public_steps(n_y):
    X, Y, _ = random_problem(n_x=3, n_y=n_y, m=50, seed=4)
    parameters = helpers.initialize_parameters(3, 5, n_y, seed=7)
    for _ in range(300):
        A2, cache = helpers.forward_propagation(X, parameters)
        grads = helpers.backward_propagation(parameters, cache, X, Y)
        parameters = helpers.update_parameters(parameters, grads, learning_rate=0.8)

    trained = helpers.nn_model(X, Y, n_h=5, num_iterations=300, learning_rate=0.8, seed=7)
    for key in ("W1", "b1", "W2", "b2"):
        np.testing.assert_array_equal(trained[key], parameters[key])


def test_history_records_every_ten(trained_flower):
    assert trained_flower.iterations[:3] == [0, 10, 20]
    assert trained_flower.iterations[-1] == 10000
    assert len(trained_flower.costs) == len(trained_flower.iterations) == 1001


def test_history_cost_starts_at_ln2_and_falls(trained_flower):
    assert trained_flower.costs[0] == pytest.approx(math.log(2), abs=1e-3)
    assert trained_flower.costs[-1] < 0.25


def test_history_final_cost_matches_parameters(flower, trained_flower):
    X, Y = flower
    A2, _ = helpers.forward_propagation(X, trained_flower.parameters)
    assert trained_flower.costs[-1] == pytest.approx(helpers.compute_cost(A2, Y))


def test_nn_model_print_cost_format(flower, capsys):
    X, Y = flower
    helpers.nn_model(X, Y, n_h=2, num_iterations=3000, print_cost=True)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert re.fullmatch(r"Cost after iteration +0: 0\.69\d{4}", lines[0])
    assert lines[2].startswith("Cost after iteration  2000: ")


def test_nn_model_same_seed_same_result(flower):
    X, Y = flower
    first = helpers.nn_model(X, Y, n_h=3, num_iterations=20, seed=5)
    second = helpers.nn_model(X, Y, n_h=3, num_iterations=20, seed=5)
    np.testing.assert_array_equal(first["W1"], second["W1"])


def test_nn_model_divergence_names_iteration_and_rate(flower):
    X, Y = flower
    with pytest.raises(FloatingPointError, match=r"iteration \d+ with learning_rate=50") as error:
        helpers.nn_model(X, Y, n_h=4, learning_rate=50)
    assert str(error.value).endswith("The steps are far too large; use a smaller learning rate.")


def test_cost_increase_warns(flower):
    X, Y = flower
    with pytest.warns(helpers.CostIncreaseWarning, match="learning_rate=20"):
        helpers.train_with_history(X, Y, n_h=4, num_iterations=10, learning_rate=20)


# predict and accuracy

def test_predict_threshold_is_strict():
    p = {"W1": np.zeros((2, 2)), "b1": np.zeros((2, 1)), "W2": np.zeros((1, 2)), "b2": np.zeros((1, 1))}
    assert helpers.predict(p, np.ones((2, 3))).tolist() == [[0, 0, 0]]
    p["b2"] = np.array([[1e-9]])
    assert helpers.predict(p, np.ones((2, 3))).tolist() == [[1, 1, 1]]


def test_predict_type_and_shape(flower, trained_flower):
    X, _ = flower
    predictions = helpers.predict(trained_flower.parameters, X)
    assert predictions.shape == (1, 400)
    assert np.issubdtype(predictions.dtype, np.integer)
    assert set(np.unique(predictions)) == {0, 1}


def test_accuracy_value():
    assert helpers.accuracy(np.array([[1, 0, 1, 1]]), np.array([[1, 0, 0, 1]])) == 0.75
