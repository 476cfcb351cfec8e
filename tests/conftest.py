import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import shallownet_helpers as helpers  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def flower():
    """The flower dataset, X (2, 400) and Y (1, 400), loaded once per test module; do not modify it."""
    return helpers.load_planar_dataset()
