"""Generate the datasets of the ShallowNet series as CSV files.

Run from anywhere:

    python data/make_datasets.py            # writes next to this script
    python data/make_datasets.py --out DIR  # writes into DIR

Every set is drawn from numpy's PCG64 generator with a fixed seed and written
with six decimals, so the same numpy release regenerates the shipped files
byte for byte. The parameters of each set are described in data/README.md.
"""

import argparse
from pathlib import Path

import numpy as np

FLOWER_SEED = 1
FLOWER_POINTS_PER_CLASS = 200
FLOWER_PETAL_AMPLITUDE = 4.0
FLOWER_ANGLE_SPAN = 3.12
FLOWER_NOISE = 0.2


def make_flower(seed=FLOWER_SEED):
    """Draw the planar "flower": 400 points, 2 classes of 200, 8 petals.

    For class j in {0, 1}, the angle theta runs over 200 evenly spaced values
    in [3.12 j, 3.12 (j + 1)] plus normal noise (standard deviation 0.2), the
    radius is r = 4 sin(4 theta) plus normal noise (standard deviation 0.2),
    and the point is (r sin theta, r cos theta). A negative radius flips a
    point to the opposite side, so each class owns four of the eight petals.

    Returns
    -------
    X : ndarray of shape (2, 400)
        Coordinates, one example per column.
    Y : ndarray of shape (1, 400), int64
        Labels 0 and 1.
    """
    rng = np.random.default_rng(seed)
    n = FLOWER_POINTS_PER_CLASS
    X = np.zeros((2, 2 * n))
    Y = np.zeros((1, 2 * n), dtype=np.int64)

    for j in (0, 1):
        columns = slice(j * n, (j + 1) * n)
        theta = np.linspace(FLOWER_ANGLE_SPAN * j, FLOWER_ANGLE_SPAN * (j + 1), n)
        theta = theta + rng.normal(0.0, FLOWER_NOISE, n)
        r = FLOWER_PETAL_AMPLITUDE * np.sin(4 * theta) + rng.normal(0.0, FLOWER_NOISE, n)
        X[0, columns] = r * np.sin(theta)
        X[1, columns] = r * np.cos(theta)
        Y[0, columns] = j

    return X, Y


def _stack_classes(parts):
    """Stack (points, label) parts, in the order given, into X (2, m) and Y (1, m)."""
    X = np.hstack([points for points, _ in parts])
    Y = np.hstack([np.full((1, points.shape[1]), label, dtype=np.int64) for points, label in parts])
    return X, Y


def make_circles(seed=2, n=400, noise=0.3, inner_ratio=0.5):
    """Draw two concentric circles: class 0 on the outer one (radius 1), class 1 on the inner (radius 0.5).

    Each point gets normal noise of standard deviation ``noise`` on both
    coordinates; at 0.3 the rings overlap, and larger values make it harder.
    """
    rng = np.random.default_rng(seed)
    half = n // 2
    angle = np.linspace(0, 2 * np.pi, half, endpoint=False)
    outer = np.vstack([np.cos(angle), np.sin(angle)])
    inner = inner_ratio * outer
    X, Y = _stack_classes([(outer, 0), (inner, 1)])
    return X + rng.normal(0.0, noise, X.shape), Y


def make_moons(seed=3, n=400, noise=0.2):
    """Draw two interleaving half circles of radius 1, with normal noise of standard deviation ``noise``.

    Class 0 is the upper half circle centred at (0, 0); class 1 is the lower
    one centred at (1, 0.5).
    """
    rng = np.random.default_rng(seed)
    half = n // 2
    angle = np.linspace(0, np.pi, half)
    upper = np.vstack([np.cos(angle), np.sin(angle)])
    lower = np.vstack([1 - np.cos(angle), 0.5 - np.sin(angle)])
    X, Y = _stack_classes([(upper, 0), (lower, 1)])
    return X + rng.normal(0.0, noise, X.shape), Y


BLOB_CENTRES = [(-4.0, -2.0), (0.0, -2.0), (4.0, -2.0), (-4.0, 2.0), (0.0, 2.0), (4.0, 2.0)]


def make_blobs(seed=4, per_blob=50, spread=0.8):
    """Draw six Gaussian clusters on a 3 x 2 grid, labels alternating like a checkerboard.

    Centres at x1 in {-4, 0, 4} and x2 in {-2, 2}; neighbouring clusters have
    different labels, so three clusters belong to each class. Each cluster
    has ``per_blob`` points with standard deviation ``spread`` per coordinate.
    """
    rng = np.random.default_rng(seed)
    parts = []
    for index, (x1, x2) in enumerate(BLOB_CENTRES):
        column, row = index % 3, index // 3
        label = (column + row) % 2
        centre = np.array([[x1], [x2]])
        parts.append((centre + rng.normal(0.0, spread, (2, per_blob)), label))
    parts.sort(key=lambda part: part[1])
    return _stack_classes(parts)


def make_gaussian_quantiles(seed=5, n=400, variance=0.5):
    """Draw one isotropic Gaussian cloud and split it at the median distance from its centre.

    The points are drawn with covariance ``variance`` times the identity.
    The half closer to the centre (an inner disc) is class 0, and the outer
    ring is class 1.
    """
    rng = np.random.default_rng(seed)
    X = rng.normal(0.0, np.sqrt(variance), (2, n))
    distance = np.hypot(X[0], X[1])
    order = np.argsort(distance, kind="stable")
    X = X[:, order]
    Y = np.zeros((1, n), dtype=np.int64)
    Y[0, n // 2:] = 1
    return X, Y


def make_spirals(seed=6, n=400, turns=1.5, noise=0.2):
    """Draw two interleaved spirals around the origin, one per class.

    Along class 0 the angle t runs evenly over [0.5, 2 pi turns], and the
    point is 0.5 t (cos t, sin t). Class 1 is class 0 turned by 180 degrees.
    Both get normal noise of standard deviation ``noise``.
    """
    rng = np.random.default_rng(seed)
    half = n // 2
    t = np.linspace(0.5, 2 * np.pi * turns, half)
    arm = 0.5 * t * np.vstack([np.cos(t), np.sin(t)])
    X, Y = _stack_classes([(arm, 0), (-arm, 1)])
    return X + rng.normal(0.0, noise, X.shape), Y


def make_xor(seed=7, per_quadrant=100, size=4.0, noise=0.25):
    """Draw points in the four quadrants: class 1 where x1 and x2 have opposite signs (XOR).

    Each quadrant gets ``per_quadrant`` points drawn uniformly from
    (0, size] x (0, size] with the quadrant's signs, plus normal noise of
    standard deviation ``noise``, so a few points cross the axes.
    """
    rng = np.random.default_rng(seed)
    parts = []
    for sign1, sign2 in ((1, 1), (-1, -1), (1, -1), (-1, 1)):
        corner = rng.uniform(0.0, size, (2, per_quadrant)) * np.array([[sign1], [sign2]])
        parts.append((corner + rng.normal(0.0, noise, corner.shape), int(sign1 != sign2)))
    return _stack_classes(parts)


DATASETS = {
    "flower": make_flower,
    "circles": make_circles,
    "moons": make_moons,
    "blobs": make_blobs,
    "gaussian_quantiles": make_gaussian_quantiles,
    "spirals": make_spirals,
    "xor": make_xor,
}


def write_csv(path, X, Y):
    """Write one example per line: the coordinates x1, x2 and the label y."""
    lines = ["x1,x2,y"]
    for x1, x2, y in zip(X[0], X[1], Y[0]):
        lines.append(f"{x1:.6f},{x2:.6f},{int(y)}")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent,
                        help="folder to write the CSV files into (default: the folder of this script)")
    args = parser.parse_args(argv)

    args.out.mkdir(parents=True, exist_ok=True)
    for name, make in DATASETS.items():
        X, Y = make()
        write_csv(args.out / f"{name}.csv", X, Y)
        print(f"wrote {name}.csv: {X.shape[1]} points")


if __name__ == "__main__":
    main()
