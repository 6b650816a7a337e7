"""Datasets: the container, the generator, and CSV reading/writing with validation."""

import csv
import math
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np


class DataError(ValueError):
    """Invalid input data; the message names the file, the line and the problem."""


@dataclass(frozen=True)
class Dataset:
    """Labelled two-feature points.

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, 2)
        Feature values in their original units.
    y : ndarray of int64, shape (n_samples,)
        Class labels in {0, 1}.
    feature_names : tuple of 2 str
    class_names : tuple of 2 str
        Display names of class 0 and class 1 (e.g. the original CSV labels).
    """

    X: np.ndarray
    y: np.ndarray
    feature_names: tuple = ("x1", "x2")
    class_names: tuple = ("0", "1")

    @property
    def n_samples(self):
        """Number of points (int)."""
        return len(self.y)

    def with_point(self, x, label):
        """A copy with one more point at `x` (shape (2,), original units) of class `label` (0 or 1)."""
        X = np.vstack([self.X, np.asarray(x, dtype=np.float64).reshape(1, 2)])
        return replace(self, X=X, y=np.append(self.y, np.int64(label)))

    def cleared(self):
        """A copy with no points that keeps the feature and class names."""
        return replace(self, X=np.empty((0, 2)), y=np.empty(0, dtype=np.int64))


def make_blobs(n_samples=100, random_state=0, spread=1.0):
    """Two Gaussian clouds, class 0 around (−1.5, −1) and class 1 around (1.5, 1).

    Parameters
    ----------
    n_samples : int ≥ 2
        Total number of points, split as evenly as possible between the classes.
    random_state : int
        Seed for ``np.random.default_rng``; the same seed gives the same points on every platform.
    spread : float > 0
        Standard deviation of each cloud (feature units).

    Returns
    -------
    Dataset

    Raises
    ------
    ValueError
        If ``n_samples`` < 2 or ``spread`` ≤ 0.
    """
    if n_samples < 2:
        raise ValueError(f"n_samples must be at least 2, got {n_samples}")
    if not spread > 0:
        raise ValueError(f"spread must be positive, got {spread}")
    rng = np.random.default_rng(random_state)
    y = np.arange(n_samples, dtype=np.int64) % 2
    centres = np.array([[-1.5, -1.0], [1.5, 1.0]])
    X = centres[y] + spread * rng.standard_normal((n_samples, 2))
    return Dataset(X, y)


def _label_order(labels):
    """Sorted distinct labels: numerically when all parse as numbers, else as text."""
    distinct = set(labels)
    try:
        return sorted(distinct, key=float)
    except ValueError:
        return sorted(distinct)


def _parse_feature(text, path, line_no, name):
    try:
        value = float(text)
    except ValueError:
        raise DataError(f"{path}, line {line_no}: feature '{name}' is '{text}', not a number; "
                        "fix or remove that row") from None
    if not math.isfinite(value):
        raise DataError(f"{path}, line {line_no}: feature '{name}' is '{text}'; only finite "
                        "numbers are allowed, fix or remove that row")
    return value


def _is_header(row):
    try:
        float(row[0]), float(row[1])
    except (ValueError, IndexError):
        return True
    return False


def _read_rows(path):
    """List of (line number, stripped fields) for the non-blank rows of a CSV file."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            rows = [(reader.line_num, [field.strip() for field in row]) for row in reader]
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise DataError(f"{path}: cannot be read as a text CSV file ({error})") from None
    return [(line_no, fields) for line_no, fields in rows if any(fields)]


def read_csv(path):
    """Read a CSV of two numeric feature columns and one label column.

    An optional header row names the columns. Labels may be any two distinct values; the sorted
    distinct values (numerically if all are numbers) become class 0 and class 1 and are kept as
    ``class_names``. Whitespace around fields and blank lines are ignored.

    Parameters
    ----------
    path : str or pathlib.Path

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        Missing or unreadable file, empty file, a row without exactly 3 columns, a non-numeric,
        NaN or infinite feature, or labels that are not exactly two distinct values. The message
        names the file, the line (1-based, as an editor counts) and how to fix it.
    """
    rows = _read_rows(path)
    if not rows:
        raise DataError(f"{path}: the file is empty; expected rows of x1,x2,label")
    for line_no, fields in rows:
        if len(fields) != 3:
            raise DataError(f"{path}, line {line_no}: expected 3 columns (x1, x2, label), "
                            f"found {len(fields)}")
        if not fields[2]:
            raise DataError(f"{path}, line {line_no}: the label (3rd column) is empty; "
                            "give every row a class label")
    names = ("x1", "x2")
    if _is_header(rows[0][1]):
        names = (rows[0][1][0] or "x1", rows[0][1][1] or "x2")
        rows = rows[1:]
    if not rows:
        raise DataError(f"{path}: the file has a header but no data rows")
    X = np.array([[_parse_feature(fields[i], path, line_no, names[i]) for i in (0, 1)]
                  for line_no, fields in rows])
    labels = [fields[2] for _, fields in rows]
    class_names = _class_names(path, rows, labels)
    y = np.array([class_names.index(label) for label in labels], dtype=np.int64)
    return Dataset(X, y, names, class_names)


def _class_names(path, rows, labels):
    """The two class names in class order, or DataError naming the offending line."""
    order = _label_order(labels)
    if len(order) == 1:
        raise DataError(f"{path}: every row has label '{order[0]}'; logistic regression needs "
                        "two classes, add rows of a second class")
    if len(order) > 2:
        first_extra = next(line for (line, _), label in zip(rows, labels) if label == order[2])
        raise DataError(f"{path}, line {first_extra}: a third label '{order[2]}' (labels found: "
                        f"{', '.join(order[:5])}); keep exactly two classes")
    return tuple(order)


def write_csv(path, dataset):
    """Write a dataset as a CSV that :func:`read_csv` reads back identically.

    Parameters
    ----------
    path : str or pathlib.Path
    dataset : Dataset

    Raises
    ------
    OSError
        If the file cannot be written.
    """
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*dataset.feature_names, "label"])
        for (x1, x2), label in zip(dataset.X, dataset.y):
            writer.writerow([repr(float(x1)), repr(float(x2)), dataset.class_names[label]])
