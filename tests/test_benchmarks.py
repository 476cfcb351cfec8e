"""The training benchmark's own loops do the same work as nn_model, and its report reads the targets."""

import sys
from pathlib import Path

import numpy as np
import pytest

import shallownet_helpers as helpers

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import bench_training  # noqa: E402

STEPS = 500


@pytest.fixture(scope="module")
def reference(flower):
    X, Y = flower
    return bench_training.train_nn_model(X, Y, STEPS)


@pytest.mark.parametrize("train", [bench_training.train_formula_loop, bench_training.train_in_place])
def test_numpy_loops_match_nn_model(flower, reference, train):
    X, Y = flower
    parameters = train(X, Y, STEPS)
    for key in helpers.PARAMETER_KEYS:
        np.testing.assert_allclose(parameters[key], reference[key], rtol=0, atol=1e-12)


def test_in_place_loop_leaves_inputs_unchanged(flower):
    X, Y = flower
    X_before, Y_before = X.copy(), Y.copy()
    bench_training.train_in_place(X, Y, 10)
    np.testing.assert_array_equal(X, X_before)
    np.testing.assert_array_equal(Y, Y_before)


def fake_method(key, seconds):
    method = bench_training.Method(key, key, None)
    method.wall_times = [seconds]
    method.cpu_times = [seconds]
    return method


def target_rows(table):
    return {row.split("|")[1].strip(): row.split("|")[4].strip() for row in table.splitlines()[2:]}


def test_targets_table_applies_limits():
    methods = [fake_method("nn_model", 1.0), fake_method("in_place", 0.8), fake_method("sklearn", 1.9)]
    results = target_rows(bench_training.format_targets(methods))
    assert results["at most 1.3x the time of the in-place loop"] == "met"
    assert results["at least 2x faster than scikit-learn"] == "NOT met"
    torch_results = [result for target, result in results.items() if "PyTorch" in target]
    assert torch_results == ["skipped"]


def test_targets_table_fails_slow_nn_model():
    methods = [fake_method("nn_model", 1.0), fake_method("in_place", 0.7), fake_method("sklearn", 2.5)]
    results = target_rows(bench_training.format_targets(methods))
    assert results["at most 1.3x the time of the in-place loop"] == "NOT met"
    assert results["at least 2x faster than scikit-learn"] == "met"


def test_publish_prints_and_writes(monkeypatch, capsys):
    written = []
    monkeypatch.setattr(bench_training, "write_section", lambda name, report: written.append((name, report)))
    bench_training.publish("training", "the report", write=False)
    assert capsys.readouterr().out == "the report\n"
    assert written == []

    bench_training.publish("training", "the report", write=True)
    assert capsys.readouterr().out == "the report\n"
    assert written == [("training", "the report")]
