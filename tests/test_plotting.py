"""Plotting helpers: accepted label shapes, colours, return values."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgba
from matplotlib.contour import ContourSet

import shallownet_helpers as helpers


def scatter_colours(ax):
    return [tuple(np.round(c.get_facecolors()[0], 4)) for c in ax.collections if len(c.get_offsets())]


@pytest.mark.parametrize("reshape", [lambda Y: Y, lambda Y: Y.ravel(), lambda Y: Y.T])
def test_plot_dataset_accepts_label_shapes(flower, reshape):
    X, Y = flower
    fig, ax = plt.subplots()
    result = helpers.plot_dataset(X, reshape(Y), ax=ax)
    assert result is None
    sizes = [len(c.get_offsets()) for c in ax.collections]
    assert sizes == [200, 200]


def test_plot_dataset_uses_class_colours(flower):
    X, Y = flower
    fig, ax = plt.subplots()
    helpers.plot_dataset(X, Y, ax=ax)
    expected = [tuple(np.round(to_rgba(c), 4)) for c in helpers.CLASS_COLORS]
    assert scatter_colours(ax) == expected


def test_plot_dataset_points_in_right_class(flower):
    X, Y = flower
    fig, ax = plt.subplots()
    helpers.plot_dataset(X, Y, ax=ax)
    class_one = ax.collections[1].get_offsets()
    np.testing.assert_allclose(class_one, X[:, Y[0] == 1].T)


def test_plot_dataset_draws_on_current_axes(flower):
    X, Y = flower
    fig, ax = plt.subplots()
    helpers.plot_dataset(X, Y)
    assert len(ax.collections) == 2


@pytest.mark.parametrize("reshape", [lambda labels: labels, lambda labels: labels.ravel(), lambda labels: labels.T])
def test_boundary_accepts_predictor_shapes(flower, reshape):
    X, Y = flower
    calls = []

    def predictor(points):
        calls.append(points.shape)
        return reshape((points[0:1] > 0).astype(int))

    fig, ax = plt.subplots()
    result = helpers.plot_decision_boundary(predictor, X, Y, ax=ax, resolution=50)
    assert result is None
    assert calls == [(2, 2500)]


def test_boundary_regions_follow_predictor(flower):
    X, Y = flower
    fig, ax = plt.subplots()
    helpers.plot_decision_boundary(lambda points: (points[0] > 0).astype(int), X, Y, ax=ax, resolution=40)
    regions = [c for c in ax.collections if isinstance(c, ContourSet)]
    assert len(regions) == 1
    class_zero, class_one = regions[0].get_paths()
    grid_step = (X[0].max() - X[0].min() + 2) / 39
    assert class_zero.vertices[:, 0].max() < grid_step
    assert class_one.vertices[:, 0].min() > -grid_step
    assert class_zero.vertices[:, 0].min() < X[0].min()
    assert class_one.vertices[:, 0].max() > X[0].max()


def test_boundary_accepts_label_shapes(flower):
    X, Y = flower
    for labels in (Y, Y.ravel(), Y.T):
        fig, ax = plt.subplots()
        helpers.plot_decision_boundary(lambda points: np.zeros(points.shape[1], dtype=int), X, labels, ax=ax,
                                       resolution=20)
        assert [len(c.get_offsets()) for c in ax.collections[-2:]] == [200, 200]


def test_boundary_covers_all_points(flower):
    X, Y = flower
    fig, ax = plt.subplots()
    helpers.plot_decision_boundary(lambda points: np.zeros(points.shape[1], dtype=int), X, Y, ax=ax, resolution=20)
    x_low, x_high = ax.get_xlim()
    y_low, y_high = ax.get_ylim()
    assert x_low < X[0].min()
    assert X[0].max() < x_high
    assert y_low < X[1].min()
    assert X[1].max() < y_high


def test_cost_curve_draws_history():
    fig, ax = plt.subplots()
    assert helpers.plot_cost_curve([0, 10, 20], [0.7, 0.5, 0.4], ax=ax, label="rate 1.2") is None
    line = ax.get_lines()[0]
    assert line.get_xdata().tolist() == [0, 10, 20]
    assert line.get_ydata().tolist() == [0.7, 0.5, 0.4]
    assert ax.get_legend() is not None


def test_cost_curve_passes_style_to_plot():
    fig, ax = plt.subplots()
    helpers.plot_cost_curve([0, 10], [0.7, 0.5], ax=ax, color="C3", marker=".", zorder=5)
    line = ax.get_lines()[0]
    assert line.get_color() == "C3"
    assert line.get_marker() == "."
    assert line.get_zorder() == 5
    assert ax.get_legend() is None


def test_cost_curve_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="same length"):
        helpers.plot_cost_curve([0, 10], [0.7, 0.5, 0.4])


# With matplotlib's default margins the axes span 77.5 % of the figure width, so a
# 5-inch figure at 72 dpi has axes 279 pixels wide and gets a 139-point grid.
@pytest.mark.parametrize("size, dpi, expected", [((5, 4), 72, 139), ((2, 2), 50, 50), ((20, 20), 100, 300)])
def test_boundary_grid_follows_axes_size(flower, size, dpi, expected):
    X, Y = flower
    calls = []

    def predictor(points):
        calls.append(points.shape[1])
        return np.zeros(points.shape[1], dtype=int)

    fig, ax = plt.subplots(figsize=size, dpi=dpi)
    helpers.plot_decision_boundary(predictor, X, Y, ax=ax)
    assert calls == [expected ** 2]
