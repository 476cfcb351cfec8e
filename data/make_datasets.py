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


DATASETS = {
    "flower": make_flower,
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
