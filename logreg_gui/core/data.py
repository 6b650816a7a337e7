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
