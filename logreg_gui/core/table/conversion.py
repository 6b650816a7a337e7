"""From a table to a dataset: :func:`to_dataset` (dropping bad rows, and saying which) and
:func:`dataset_from_file` (the command line's reader, refusing them)."""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core.data import Dataset
from logreg_gui.core.table.columns import chosen_columns, feature_reason, feature_values
from logreg_gui.core.table.format import TableError
from logreg_gui.core.table.labels import Labels, choose_classes, parse_classes
from logreg_gui.core.table.reading import read_table

MAX_MESSAGES = 10  # reasons kept in DroppedRows for the first dropped rows


@dataclass(frozen=True, eq=False)
class DroppedRows:
    """Rows :func:`to_dataset` left out.

    Parameters
    ----------
    lines : ndarray of int64, shape (n_dropped,)
        Line numbers (ascending) of rows dropped for a missing, non-numeric, non-finite or too
        large feature value or an empty label.
    reasons : tuple of str
        Why, for the first :data:`MAX_MESSAGES` of them, e.g.
        ``"line 3: feature 'x1' is '1_5', not a number; fix or remove that row"``.
    n_other_classes : int
        Rows left out on purpose because their label is not one of the chosen classes (not
        counted in `lines`).
    """

    lines: np.ndarray
    reasons: tuple
    n_other_classes: int = 0

    def __len__(self):
        return len(self.lines)

    def summary(self, max_lines=5):
        """One line for people, e.g. ``"2 rows dropped (lines 3, 7): line 3: feature …"``
        (the reason of the first);
        empty when nothing was dropped for bad values."""
        if len(self.lines) == 0:
            return ""
        shown = ", ".join(map(str, self.lines[:max_lines]))
        more = ", …" if len(self.lines) > max_lines else ""
        rows = "1 row" if len(self.lines) == 1 else f"{len(self.lines):,} rows"
        unit = self.reasons[0].split(" ", 1)[0] + ("s" if len(self.lines) > 1 else "")
        return f"{rows} dropped ({unit} {shown}{more}): {self.reasons[0]}"


def _ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _dropped(table, x, y, label, labels):
    """DroppedRows for bad features or empty labels, and the mask of rows kept."""
    bad_x, bad_y, empty = x[1], y[1], labels == ""
    bad = bad_x | bad_y | empty
    reasons = []
    for row in np.flatnonzero(bad)[:MAX_MESSAGES]:
        if bad_x[row] or bad_y[row]:
            reasons.append(feature_reason(table, x[2] if bad_x[row] else y[2], row))
        else:
            reasons.append(f"{table.unit} {table.lines[row]}: the label ({_ordinal(label + 1)} "
                           "column) is empty; give every row a class label")
    return DroppedRows(table.lines[bad], tuple(reasons)), ~bad


def to_dataset(table, x_column=None, y_column=None, label_column=None, classes=None,
               strict=False):
    """Make a dataset from two feature columns and a label column of a table.

    Parameters
    ----------
    table : Table
    x_column, y_column, label_column : str or int, optional
        Columns by name or 0-based index (see :func:`resolve_column`); default: those of
        :func:`default_columns`. The three must differ.
    classes : None or tuple of two labels (str or number, or one of them :data:`REST`)
        None: the label column must hold exactly two values; the sorted values (numerically when
        all are numbers, so '1' == '1.0' and 2 < 10) become class 0 and class 1. ``(a, b)``: keep
        the rows labelled a or b (others are left out, counted in
        :attr:`DroppedRows.n_other_classes`). ``(a, REST)``: a against every other label,
        named ``'not a'``. Either way the two class names are then sorted the same way to give
        class 0 and class 1, so that :func:`~logreg_gui.core.data.write_csv` reads back identically.
    strict : bool
        Raise at the first row that would be dropped instead of dropping it (the command line).

    Returns
    -------
    dataset : Dataset
        ``feature_names`` from the header (``'x1'``, ``'x2'`` without one), ``class_names`` as first
        written in the file, ``point_names`` the place of each row (``'line 12'``, ``'row 3'``).
    dropped : DroppedRows
        Rows left out for a missing, non-numeric, non-finite or too large feature, or an empty
        label, with their line numbers.

    Raises
    ------
    TableError
        A column that does not exist or is chosen twice; no rows left; one class only; more than
        two labels without `classes`; a class in `classes` that no row has; with `strict`, the
        first row that would be dropped ("data.csv, line 3: feature 'x1' is '1_5', not a
        number; fix or remove that row").
    """
    x, y, label = chosen_columns(table, x_column, y_column, label_column)
    labels_text = table.text_column(label)
    features = [(*feature_values(table, index), index) for index in (x, y)]
    dropped, kept = _dropped(table, features[0], features[1], label, labels_text)
    if strict and len(dropped):
        raise TableError(f"{table.path}, {dropped.reasons[0]}")
    if not kept.any():
        first = f" (first: {dropped.reasons[0]})" if dropped.reasons else ""
        raise TableError(f"{table.path}: no usable rows; all {table.n_rows:,} rows have a "
                         f"missing or invalid value{first}")
    labels = Labels(labels_text[kept], table.format.decimal)
    targets, class_names = choose_classes(table, labels, table.lines[kept], classes)
    chosen = targets >= 0
    X = np.column_stack([features[0][0][kept], features[1][0][kept]])[chosen]
    names = ((table.columns[x], table.columns[y]) if table.format.header else ("x1", "x2"))
    lines = table.lines[kept][chosen]
    dataset = Dataset(X, targets[chosen].astype(np.int64), names, class_names,
                      point_names=tuple(f"{table.unit} {line}" for line in lines.tolist()))
    if len(np.unique(dataset.y)) < 2:
        raise TableError(f"{table.path}: only class {class_names[int(dataset.y[0])]!r} has "
                         "usable rows; logistic regression needs two classes")
    return dataset, DroppedRows(dropped.lines, dropped.reasons, int((~chosen).sum()))


def dataset_from_file(path, x_column=None, y_column=None, label_column=None, classes=None):
    """Read a table file and make a dataset, refusing any row that would be dropped.

    This is the command line's reader (``--x-column``, ``--y-column``, ``--label-column``,
    ``--classes``); the defaults are those of :func:`default_columns`.

    Parameters
    ----------
    path : str or pathlib.Path
    x_column, y_column, label_column : str or int, optional
        See :func:`to_dataset`.
    classes : None, str or tuple
        See :func:`to_dataset`; a text such as ``'benign,malignant'`` or ``'setosa,*'`` is read
        with :func:`parse_classes`.

    Returns
    -------
    Dataset

    Raises
    ------
    TableError
        Everything :func:`read_table` and :func:`to_dataset` raise, and the first row that would
        be dropped, e.g. "data.csv, line 3: feature 'x1' is '1_5', not a number; fix or remove
        that row".
    """
    if isinstance(classes, str):
        classes = parse_classes(classes)
    dataset, _ = to_dataset(read_table(path), x_column, y_column, label_column, classes,
                            strict=True)
    return dataset
