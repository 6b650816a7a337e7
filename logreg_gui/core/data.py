"""Datasets: the container, and reading and writing the CSV files of the command line."""

import re
from dataclasses import dataclass, replace

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
    point_names : tuple of str, optional
        One name per point (e.g. the line it came from), or None.

    Every edit returns a new Dataset; arrays are never changed in place.
    """

    X: np.ndarray
    y: np.ndarray
    feature_names: tuple = ("x1", "x2")
    class_names: tuple = ("0", "1")
    test_mask: np.ndarray = None
    point_names: tuple = None

    def __post_init__(self):
        if self.test_mask is None:
            object.__setattr__(self, "test_mask", np.zeros(len(self.y), dtype=bool))

    @classmethod
    def from_arrays(cls, X, y, feature_names=None, class_names=None):
        """A dataset from array-likes, e.g. numpy arrays or pandas objects.

        Parameters
        ----------
        X : array_like of float, shape (n_samples, 2)
            A DataFrame's column names become the feature names.
        y : array_like, shape (n_samples,)
            Exactly two distinct values; the sorted values become class 0 and class 1.
        feature_names, class_names : sequence of 2 str, optional
            Default: the DataFrame's columns (else x1, x2) and the label values as text.

        Raises
        ------
        DataError
            If X is not (n, 2) finite numbers, y has another length or not two distinct values,
            or a names argument has not two entries; the message names the argument.
        """
        columns = getattr(X, "columns", None)
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y).ravel()
        if X.ndim != 2 or X.shape[1] != 2 or not np.all(np.isfinite(X)):
            raise DataError(f"X must be finite numbers of shape (n_samples, 2), got shape "
                            f"{X.shape}")
        if len(y) != len(X):
            raise DataError(f"y must have one label per row of X ({len(X)}), got {len(y)}")
        values, codes = np.unique(y, return_inverse=True)
        if len(values) != 2:
            raise DataError(f"y must hold exactly two distinct labels, got {len(values)}")
        feature_names = _two_names("feature_names", feature_names, columns, ("x1", "x2"))
        class_names = _two_names("class_names", class_names, None, values)
        return cls(X, codes.astype(np.int64), feature_names, class_names)

    def _take(self, keep):
        names = None if self.point_names is None else tuple(np.asarray(
            self.point_names, dtype=object)[keep].tolist())
        return replace(self, X=self.X[keep], y=self.y[keep], test_mask=self.test_mask[keep],
                       point_names=names)

    def without(self, indices):
        """A copy without the points at `indices` (int array_like)."""
        keep = np.ones(self.n_samples, dtype=bool)
        keep[np.asarray(indices, dtype=np.int64)] = False
        return self._take(keep)

    def moved(self, indices, offset):
        """A copy with the points at `indices` moved by `offset` (shape (2,), original units)."""
        X = self.X.copy()
        X[np.asarray(indices, dtype=np.int64)] += np.asarray(offset, dtype=np.float64)
        return replace(self, X=X)

    def flipped(self, indices):
        """A copy with the class of the points at `indices` swapped (0 ↔ 1)."""
        y = self.y.copy()
        y[np.asarray(indices, dtype=np.int64)] ^= 1
        return replace(self, y=y)

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
        names = None if self.point_names is None else (*self.point_names, "added")
        return replace(self, X=X, y=np.append(self.y, np.int64(label)),
                       test_mask=np.append(self.test_mask, False), point_names=names)

    def cleared(self):
        """A copy with no points that keeps the feature and class names."""
        return replace(self, X=np.empty((0, 2)), y=np.empty(0, dtype=np.int64), test_mask=None,
                       point_names=None)

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


def _two_names(argument, names, columns, default):
    if names is None:
        names = list(columns) if columns is not None and len(columns) == 2 else default
    names = tuple(str(name) for name in names)
    if len(names) != 2:
        raise DataError(f"{argument} must have 2 entries, got {len(names)}")
    return names


MAX_MAGNITUDE = 1e100  # larger values overflow the squares of standardization and the plots


def read_csv(path):
    """Read a table of two numeric feature columns and a label column.

    The command line's and the app's reader, built on :mod:`logreg_gui.core.table`: the separator
    (comma, semicolon, tab or spaces), decimal mark, encoding, header row and comment lines are
    guessed (:func:`~logreg_gui.core.table.sniff`); the features are the first two mostly-numeric
    columns and the label is the last column. Labels may be any two distinct values; the sorted
    distinct values (numerically if all are numbers, so '1' == '1.0') become class 0 and class 1
    and are kept as ``class_names``. Spaces around fields and blank lines are ignored.

    Parameters
    ----------
    path : str or pathlib.Path

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        A :class:`~logreg_gui.core.table.TableError`: missing or unreadable file, empty file, a
        row with another number of columns than the first, an unbalanced quote, a non-numeric
        (e.g. ``1_5``), NaN, infinite or too large feature, an empty label, or labels that are
        not exactly two distinct values. The message names the file, the line (1-based, as an
        editor counts) and how to fix it.
    """
    from logreg_gui.core.table import dataset_from_file  # pandas loads only when a file is read

    return dataset_from_file(path)


_SPECIAL = re.compile('[,;\t"#\ufeff]')


def csv_field(text, quote_numbers=False):
    """One CSV field that :func:`read_csv` reads back as `text`.

    Line breaks become spaces and surrounding spaces go (the format has neither); the field is
    quoted when it holds a separator, a quote or ``#``, is empty, or, with `quote_numbers`, reads
    as a number (a quoted number above unquoted ones marks a header row).

    Parameters
    ----------
    text : str
    quote_numbers : bool

    Returns
    -------
    str
    """
    from logreg_gui.core.table import parse_number  # table imports this module

    text = " ".join(str(text).splitlines()).strip(" \t")
    number = quote_numbers and any(parse_number(text, mark) is not None for mark in ".,")
    if not text or number or _SPECIAL.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(path, dataset):
    """Write a dataset as a CSV that :func:`read_csv` reads back identically.

    Comma-separated UTF-8 with a header row (the two feature names, then ``label``); features
    as ``repr`` floats (the shortest text that reads back as the same float64); labels as the
    class names. Names and labels are written without surrounding spaces and with line breaks
    as spaces (the format has no multi-line cells). Written atomically: a failure leaves the
    previous file intact.

    Parameters
    ----------
    path : str or pathlib.Path
    dataset : Dataset

    Raises
    ------
    OSError
        If the file cannot be written.
    """
    from logreg_gui.core.io import atomic_write_text  # io imports this module

    header = ",".join(csv_field(name, quote_numbers=True)
                      for name in (*dataset.feature_names, "label"))
    labels = np.array([csv_field(name) for name in dataset.class_names], dtype=object)
    X = np.asarray(dataset.X, dtype=np.float64).reshape(-1, 2)
    columns = [map(repr, X[:, 0].tolist()), map(repr, X[:, 1].tolist()),
               labels[dataset.y].tolist()]
    rows = map(",".join, zip(*columns, strict=True))
    atomic_write_text(path, "\n".join([header, *rows]) + "\n")
