"""Held-out splits, hidden-unit plots, the explorer's functions and the training replay."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.contour import ContourSet

import shallownet_helpers as helpers


@pytest.fixture(scope="module")
def small_setting():
    return helpers.run_setting("flower", n_h=3, learning_rate=1.2, num_iterations=300, seed=1)


# split_dataset

def test_split_sizes_and_balance(flower):
    X, Y = flower
    X_train, Y_train, X_test, Y_test = helpers.split_dataset(X, Y, test_fraction=0.25, seed=3)
    assert X_train.shape == (2, 300)
    assert X_test.shape == (2, 100)
    assert int(Y_train.sum()) == 150
    assert int(Y_test.sum()) == 50


def test_split_is_a_partition(flower):
    X, Y = flower
    X_train, _, X_test, _ = helpers.split_dataset(X, Y, seed=3)
    together = np.hstack([X_train, X_test])
    assert together.shape == X.shape
    assert sorted(map(tuple, together.T)) == sorted(map(tuple, X.T))


def test_split_same_seed_same_split(flower):
    X, Y = flower
    first = helpers.split_dataset(X, Y, seed=4)[2]
    second = helpers.split_dataset(X, Y, seed=4)[2]
    other = helpers.split_dataset(X, Y, seed=5)[2]
    np.testing.assert_array_equal(first, second)
    assert not np.array_equal(first, other)


@pytest.mark.parametrize("fraction", [0, 1, 1.5, -0.1])
def test_split_rejects_bad_fraction(flower, fraction):
    X, Y = flower
    with pytest.raises(ValueError, match=rf"test_fraction must lie strictly between 0 and 1; got {fraction}"):
        helpers.split_dataset(X, Y, test_fraction=fraction)


# plot_hidden_units

def test_hidden_units_one_panel_per_unit(flower):
    X, Y = flower
    parameters = helpers.nn_model(X, Y, n_h=3, num_iterations=200)
    fig = plt.figure()
    assert helpers.plot_hidden_units(parameters, X, Y, fig=fig, resolution=30) is None
    assert len(fig.axes) == 4
    assert [ax.get_title() for ax in fig.axes] == ["unit 1: $a^{[1]}_{1} > 0$", "unit 2: $a^{[1]}_{2} > 0$",
                                                   "unit 3: $a^{[1]}_{3} > 0$", "network"]


def test_hidden_unit_region_is_its_half_plane(flower):
    X, Y = flower
    parameters = {"W1": np.array([[1.0, 0.0]]), "b1": np.array([[-1.0]]),
                  "W2": np.array([[1.0]]), "b2": np.array([[0.0]])}
    fig = plt.figure()
    helpers.plot_hidden_units(parameters, X, Y, fig=fig, resolution=40)
    regions = [c for c in fig.axes[0].collections if isinstance(c, ContourSet)][0]
    negative, positive = regions.get_paths()
    step = (X[0].max() - X[0].min() + 2) / 39
    assert negative.vertices[:, 0].max() < 1 + step
    assert positive.vertices[:, 0].min() > 1 - step


def test_hidden_units_need_two_inputs():
    parameters = helpers.initialize_parameters(3, 2, 1)
    with pytest.raises(ValueError, match=r"networks with 2 inputs; W1 has shape \(2, 3\)"):
        helpers.plot_hidden_units(parameters, np.zeros((3, 4)), np.array([[0, 1, 0, 1]]))


# run_setting and draw_setting

def test_run_setting_measures_held_out_accuracy(small_setting):
    result = small_setting
    assert result.X_train.shape == (2, 280)
    assert result.X_test.shape == (2, 120)
    expected = helpers.accuracy(helpers.predict(result.parameters, result.X_test), result.Y_test)
    assert result.test_accuracy == expected
    assert result.iterations[-1] == 300
    assert result.error is None


def test_run_setting_matches_nn_model_on_training_split(small_setting):
    X, Y = helpers.load_planar_dataset()
    X_train, Y_train, _, _ = helpers.split_dataset(X, Y)
    parameters = helpers.nn_model(X_train, Y_train, 3, num_iterations=300, seed=1)
    np.testing.assert_array_equal(parameters["W1"], small_setting.parameters["W1"])


def test_run_setting_accepts_parameters_only_function():
    result = helpers.run_setting("moons", 2, 1.2, 100, 0, train_function=helpers.nn_model)
    assert result.costs == []
    assert 0.5 < result.train_accuracy <= 1


def test_run_setting_reports_stopped_training():
    result = helpers.run_setting("flower", 4, 50.0, 100, 2)
    assert "Training stopped at iteration" in result.error
    assert np.isnan(result.train_accuracy)
    assert result.costs[0] == pytest.approx(np.log(2), abs=1e-3)


def test_draw_setting_titles(small_setting):
    fig = plt.figure()
    helpers.draw_setting(small_setting, fig)
    boundary_ax, cost_ax = fig.axes
    expected = (f"train {100 * small_setting.train_accuracy:.1f} %, "
                f"held-out {100 * small_setting.test_accuracy:.1f} %")
    assert boundary_ax.get_title() == expected
    assert cost_ax.get_title() == f"final cost {small_setting.costs[-1]:.4f}"


def test_draw_setting_redraws_in_place(small_setting):
    fig = plt.figure()
    helpers.draw_setting(small_setting, fig)
    helpers.draw_setting(small_setting, fig)
    assert len(fig.axes) == 2


def test_draw_setting_stopped_training():
    fig = plt.figure()
    helpers.draw_setting(helpers.run_setting("flower", 4, 50.0, 100, 2), fig)
    assert fig.axes[0].get_title() == "training stopped: the cost is not finite"


# explore: the widget wiring, without a browser

def test_explore_caches_settings(monkeypatch):
    pytest.importorskip("ipywidgets")
    calls = []
    real_run_setting = helpers.run_setting

    def counting_run_setting(**kwargs):
        calls.append(kwargs["n_h"])
        return real_run_setting(**kwargs)

    monkeypatch.setattr(helpers, "run_setting", counting_run_setting)
    box = helpers.explore(num_iterations=100)
    hidden_units, status = box.children[0], box.children[5]
    hidden_units.value = 5
    assert "trained in" in status.value
    hidden_units.value = 4
    assert status.value == "n_h = 4: from cache"
    hidden_units.value = 5
    assert calls == [4, 5]
    assert sorted(key[1] for key in box.results) == [4, 5]


def test_explore_uses_student_function():
    pytest.importorskip("ipywidgets")
    used = []

    def my_nn_model(X, Y, n_h, num_iterations=10000, learning_rate=1.2, seed=2):
        used.append(n_h)
        return helpers.nn_model(X, Y, n_h, num_iterations=num_iterations, learning_rate=learning_rate, seed=seed)

    box = helpers.explore(train_function=my_nn_model, num_iterations=100, n_h=2)
    assert used == [2]
    assert list(box.results.values())[0].costs == []


# snapshots and the replay

def test_snapshots_every_k(flower):
    X, Y = flower
    history = helpers.train_with_history(X, Y, 3, num_iterations=250, snapshot_every=100)
    assert [i for i, _ in history.snapshots] == [0, 100, 200, 250]
    np.testing.assert_array_equal(history.snapshots[-1][1]["W1"], history.parameters["W1"])
    np.testing.assert_array_equal(history.snapshots[0][1]["W1"], helpers.initialize_parameters(2, 3, 1)["W1"])


def test_snapshots_off_by_default(flower):
    X, Y = flower
    assert helpers.train_with_history(X, Y, 3, num_iterations=20).snapshots == []


def test_stopped_training_keeps_history(flower):
    X, Y = flower
    with pytest.raises(FloatingPointError) as stopped:
        helpers.train_with_history(X, Y, 4, learning_rate=50, record_every=1)
    history = stopped.value.history
    assert history.iterations == list(range(len(history.iterations)))
    assert len(history.iterations) >= 3
    assert all(np.isfinite(history.costs))


def test_draw_snapshot_shows_cost_so_far(flower):
    X, Y = flower
    history = helpers.train_with_history(X, Y, 3, num_iterations=200, snapshot_every=100)
    fig = plt.figure()
    helpers.draw_snapshot(history, 1, X, Y, fig)
    boundary_ax, cost_ax = fig.axes
    assert boundary_ax.get_title().startswith("iteration 100: train ")
    assert cost_ax.get_lines()[1].get_xdata()[-1] == 100
    assert cost_ax.get_title() == f"cost {history.costs[10]:.4f}"


def test_replay_requires_snapshots(flower):
    X, Y = flower
    history = helpers.train_with_history(X, Y, 3, num_iterations=20)
    with pytest.raises(ValueError, match=r"snapshot_every=100"):
        helpers.replay(history, X, Y)


def test_replay_slider_lists_snapshots(flower):
    pytest.importorskip("ipywidgets")
    X, Y = flower
    history = helpers.train_with_history(X, Y, 3, num_iterations=200, snapshot_every=100)
    box = helpers.replay(history, X, Y)
    slider = box.children[0]
    assert [label for label, _ in slider.options] == ["0", "100", "200"]


def test_explore_adds_starting_values_between_steps():
    pytest.importorskip("ipywidgets")
    box = helpers.explore(learning_rate=1.0, num_iterations=300)
    rate, iterations = box.children[1], box.children[2]
    assert rate.value == 1.0
    assert 1.0 in rate.options
    assert iterations.value == 300


@pytest.mark.parametrize("kwargs, message", [
    ({"n_h": 60}, r"n_h must be at most 50"),
    ({"n_h": 0}, r"n_h must be at least 1"),
    ({"dataset": "moon"}, r"unknown dataset 'moon'"),
    ({"learning_rate": -1.0}, r"learning_rate must be a positive finite number"),
])
def test_explore_rejects_bad_starting_values(kwargs, message):
    pytest.importorskip("ipywidgets")
    with pytest.raises(ValueError, match=message):
        helpers.explore(**kwargs)
