"""Datasets: the container and CSV reading/writing with validation."""

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
    test_mask : ndarray of bool, shape (n_samples,), optional
        True for points held out as the test set (default: none).
    """

    X: np.ndarray
    y: np.ndarray
    feature_names: tuple = ("x1", "x2")
    class_names: tuple = ("0", "1")
    test_mask: np.ndarray = None

    def __post_init__(self):
        if self.test_mask is None:
            object.__setattr__(self, "test_mask", np.zeros(len(self.y), dtype=bool))

    @property
    def n_samples(self):
        """Number of points (int)."""
        return len(self.y)

    @property
    def test_fraction(self):
        """Share of the points held out as test points, rounded to 0.01 (0 without points)."""
        return round(float(self.test_mask.mean()), 2) if len(self.y) else 0.0

    def with_point(self, x, label):
        """A copy with one more training point at `x` (shape (2,), original units) of class
        `label` (0 or 1)."""
        X = np.vstack([self.X, np.asarray(x, dtype=np.float64).reshape(1, 2)])
        return replace(self, X=X, y=np.append(self.y, np.int64(label)),
                       test_mask=np.append(self.test_mask, False))

    def cleared(self):
        """A copy with no points that keeps the feature and class names."""
        return replace(self, X=np.empty((0, 2)), y=np.empty(0, dtype=np.int64), test_mask=None)

    def with_test_split(self, test_fraction, random_state=0):
        """A copy whose ``test_mask`` holds out `test_fraction` of each class (stratified,
        rounded, and at most half of each class).

        Parameters
        ----------
        test_fraction : float in [0, 0.5]
        random_state : int
            Seed of ``np.random.default_rng``: the same seed picks the same points.

        Raises
        ------
        ValueError
            If `test_fraction` is outside [0, 0.5].
        """
        if not 0 <= test_fraction <= 0.5:
            raise ValueError(f"test_fraction must be between 0 and 0.5, got {test_fraction}")
        rng = np.random.default_rng(random_state)
        mask = np.zeros(self.n_samples, dtype=bool)
        for label in (0, 1):
            members = np.flatnonzero(self.y == label)
            # Never more than half of a class, so both classes keep training points.
            held_out = min(round(test_fraction * len(members)), len(members) // 2)
            mask[rng.permutation(members)[:held_out]] = True
        return replace(self, test_mask=mask)


MAX_MAGNITUDE = 1e100  # larger values overflow the squares of standardization and the plots


def _label_key(labels):
    """How labels compare: by numeric value when all are finite numbers ('1' == '1.0'), else
    as text."""
    try:
        values = [float(label) for label in labels]
    except ValueError:
        return lambda label: label
    if all(math.isfinite(value) for value in values):
        return float
    return lambda label: label


def _class_order(labels):
    """The distinct labels in class order (sorted), each as first written in the file."""
    key = _label_key(labels)
    first = {}
    for label in labels:
        first.setdefault(key(label), label)
    return [first[k] for k in sorted(first)], key


def _parse_feature(text, path, line_no, name):
    try:
        value = float(text)
    except ValueError:
        raise DataError(f"{path}, line {line_no}: feature '{name}' is {text!r}, not a number; "
                        "fix or remove that row") from None
    if not math.isfinite(value):
        raise DataError(f"{path}, line {line_no}: feature '{name}' is {text!r}; only finite "
                        "numbers are allowed, fix or remove that row")
    if abs(value) > MAX_MAGNITUDE:
        raise DataError(f"{path}, line {line_no}: feature '{name}' is {text!r}, beyond "
                        f"±{MAX_MAGNITUDE:g}; rescale that column (e.g. other units)")
    return value


def _is_header(row):
    try:
        float(row[0]), float(row[1])
    except (ValueError, IndexError):
        return True
    return False


def _read_rows(path):
    """List of (line number, stripped fields) for the non-blank rows of a CSV file."""
    if Path(path).exists() and not Path(path).is_file():
        raise DataError(f"{path}: not a regular file; choose a CSV file")
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
    order, key = _class_order(labels)
    _check_two_classes(path, rows, labels, order, key)
    y = np.array([key(label) == key(order[1]) for label in labels], dtype=np.int64)
    return Dataset(X, y, names, tuple(order))


def _check_two_classes(path, rows, labels, order, key):
    """DataError naming the offending line unless there are exactly two classes."""
    if len(order) == 1:
        raise DataError(f"{path}: every row has label {order[0]!r}; logistic regression needs "
                        "two classes, add rows of a second class")
    if len(order) > 2:
        first_extra = next(line for (line, _), label in zip(rows, labels, strict=True)
                           if key(label) == key(order[2]))
        raise DataError(f"{path}, line {first_extra}: a third label {order[2]!r} (labels found: "
                        f"{', '.join(order[:5])}); keep exactly two classes")


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
        for (x1, x2), label in zip(dataset.X, dataset.y, strict=True):
            writer.writerow([repr(float(x1)), repr(float(x2)), dataset.class_names[label]])
