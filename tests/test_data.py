"""The shipped datasets, their generator and the loader."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import shallownet_helpers as helpers

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def test_generator_reproduces_shipped_files(tmp_path):
    subprocess.run([sys.executable, str(DATA_DIR / "make_datasets.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    generated = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert generated == sorted(p.name for p in DATA_DIR.glob("*.csv"))
    for name in generated:
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name


def test_flower_shapes_and_types():
    X, Y = helpers.load_planar_dataset()
    assert X.shape == (2, 400)
    assert X.dtype == np.float64
    assert Y.shape == (1, 400)
    assert Y.dtype == np.int64


def test_flower_classes_balanced():
    _, Y = helpers.load_planar_dataset()
    assert set(np.unique(Y)) == {0, 1}
    assert int(Y.sum()) == 200


def test_flower_points_follow_petal_curve():
    X, Y = helpers.load_planar_dataset()
    radius = np.hypot(X[0], X[1])
    assert radius.max() < 5.0
    assert radius.max() > 3.5


def test_flower_each_class_owns_four_petals():
    X, Y = helpers.load_planar_dataset()
    # A point is r (sin theta, cos theta), so its angle from the x2 axis is theta (or
    # theta + 180 degrees where r < 0), and petal k is centred on 22.5 + 45 k degrees.
    angle = np.degrees(np.arctan2(X[0], X[1])) % 360
    petal = np.floor(angle / 45).astype(int)
    owners = []
    for k in range(8):
        share_of_class_one = Y[0, petal == k].mean()
        assert share_of_class_one < 0.2 or share_of_class_one > 0.8, (k, share_of_class_one)
        owners.append(int(share_of_class_one > 0.5))
    assert sorted(owners) == [0, 0, 0, 0, 1, 1, 1, 1]


def test_flower_loads_from_other_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    X, _ = helpers.load_planar_dataset()
    assert X.shape == (2, 400)


def test_flower_generator_matches_formula():
    sys.path.insert(0, str(DATA_DIR))
    try:
        import make_datasets
    finally:
        sys.path.remove(str(DATA_DIR))
    X, Y = make_datasets.make_flower()
    rng = np.random.default_rng(make_datasets.FLOWER_SEED)
    theta = np.linspace(0.0, 3.12, 200) + rng.normal(0.0, 0.2, 200)
    r = 4 * np.sin(4 * theta) + rng.normal(0.0, 0.2, 200)
    np.testing.assert_allclose(X[0, :200], r * np.sin(theta))
    np.testing.assert_allclose(X[1, :200], r * np.cos(theta))
    assert (Y[0, :200] == 0).all()
    assert (Y[0, 200:] == 1).all()


@pytest.mark.parametrize("name", [f"{n}.csv" for n in helpers.DATASET_NAMES])
def test_csv_has_header(name):
    first = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[0]
    assert first == "x1,x2,y"


@pytest.mark.parametrize("name", helpers.DATASET_NAMES)
def test_dataset_shapes_and_balance(name):
    X, Y = helpers.load_dataset(name)
    assert X.shape[0] == 2
    assert 200 <= X.shape[1] <= 400
    assert X.dtype == np.float64
    assert Y.shape == (1, X.shape[1])
    assert Y.dtype == np.int64
    assert int(Y.sum()) * 2 == X.shape[1]


def test_every_shipped_file_is_loadable():
    assert sorted(p.stem for p in DATA_DIR.glob("*.csv")) == sorted(helpers.DATASET_NAMES)


def test_unknown_dataset_lists_valid_names():
    with pytest.raises(ValueError, match=r"unknown dataset 'moon'; choose one of 'flower', 'circles', 'moons'"):
        helpers.load_dataset("moon")


def test_circles_radii():
    X, Y = helpers.load_dataset("circles")
    radius = np.hypot(X[0], X[1])
    assert np.median(radius[Y[0] == 0]) == pytest.approx(1.0, abs=0.15)
    assert np.median(radius[Y[0] == 1]) == pytest.approx(0.5, abs=0.15)


def test_gaussian_quantiles_split_at_median_distance():
    X, Y = helpers.load_dataset("gaussian_quantiles")
    radius = np.hypot(X[0], X[1])
    assert radius[Y[0] == 0].max() <= radius[Y[0] == 1].min()
    assert np.var(X) == pytest.approx(0.5, rel=0.15)


def test_xor_labels_follow_quadrants():
    X, Y = helpers.load_dataset("xor")
    opposite_signs = (X[0] * X[1] < 0).astype(int)
    assert np.mean(opposite_signs == Y[0]) > 0.9


def test_blobs_six_clusters_alternate():
    X, Y = helpers.load_dataset("blobs")
    for index, (x1, x2) in enumerate([(-4, -2), (0, -2), (4, -2), (-4, 2), (0, 2), (4, 2)]):
        near = np.hypot(X[0] - x1, X[1] - x2) < 1.0
        assert near.sum() > 20
        assert Y[0, near].mean() == (index % 3 + index // 3) % 2


def test_moons_and_spirals_not_linearly_separable():
    for name in ("moons", "spirals"):
        X, Y = helpers.load_dataset(name)
        parameters = helpers.logistic_regression(X, Y)
        assert helpers.accuracy(helpers.predict_logistic(parameters, X), Y) < 0.9
