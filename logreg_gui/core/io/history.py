"""The loss history as CSV, written atomically."""

import math

import numpy as np

from logreg_gui.core.data import csv_field
from logreg_gui.core.io.atomic import atomic_write_text


def history_to_csv(path, columns):
    """Write a training history as CSV, atomically.

    Parameters
    ----------
    path : str or pathlib.Path
    columns : dict of str to array_like, each of shape (n_rows,)
        In order, e.g. ``iteration``, ``J``, ``test loss``, ``‖∇J‖``, ``b``, ``w1``, ``w2``.
        Integer and boolean columns are written as integers, others as the shortest text that
        reads back as the same float64; NaN and ±inf as empty cells.

    Raises
    ------
    ValueError
        If there are no columns, a name is not a non-empty string or repeats, a column is not
        one-dimensional numbers, or the lengths differ (the message names the column).
    OSError
        If the file cannot be written.
    """
    if not columns:
        raise ValueError("columns must name at least one column, got none")
    texts, length = [], None
    for name, values in columns.items():
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"column names must be non-empty strings, got {name!r}")
        array = np.asarray(values)
        if array.ndim != 1 or array.dtype.kind not in "biuf":
            raise ValueError(f"column {name!r} must be a one-dimensional array of numbers, got "
                             f"shape {array.shape} of {array.dtype}")
        if length is not None and len(array) != length:
            raise ValueError(f"column {name!r} has {len(array)} values, the first column "
                             f"{length}")
        length = len(array)
        texts.append(_column_texts(array))
    if len({name.strip() for name in columns}) != len(columns):
        raise ValueError(f"column names must differ, got {list(columns)}")
    header = ",".join(csv_field(name, quote_numbers=True) for name in columns)
    rows = map(",".join, zip(*texts, strict=True))
    atomic_write_text(path, "\n".join([header, *rows]) + "\n")


def _column_texts(array):
    if array.dtype.kind in "biu":
        return [str(v) for v in array.astype(np.int64).tolist()]
    return [repr(v) if math.isfinite(v) else "" for v in array.astype(np.float64).tolist()]
