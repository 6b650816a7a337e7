"""Class labels: the distinct values of a label column, and choosing two classes (or one
against the rest)."""

import numpy as np
import pandas as pd

from logreg_gui.core.table.columns import feature_values, resolve_column
from logreg_gui.core.table.format import REST, REST_TOKEN, TableError
from logreg_gui.core.table.grammar import parse_number


class Labels:
    """The distinct labels of the kept rows, grouped by how they compare: by value when every
    label is a finite number ('1' == '1.0'), else as text; each class named as first written."""

    def __init__(self, texts, decimal):
        self.codes, uniques = pd.factorize(texts)
        uniques = list(uniques)
        numbers = [parse_number(text, decimal) for text in uniques]
        self.numeric = all(number is not None and np.isfinite(number) for number in numbers)
        self.decimal = decimal
        keys = numbers if self.numeric else uniques
        self.names = {}  # key -> name as first written (uniques are in order of appearance)
        for key, text in zip(keys, uniques, strict=True):
            self.names.setdefault(key, text)
        self.order = sorted(self.names)
        self.position = {key: i for i, key in enumerate(self.order)}
        self.class_of_unique = np.array([self.position[key] for key in keys], dtype=np.int64)

    def key(self, label):
        """The key of a label given by the caller, or None when no row has it."""
        if self.numeric:
            text = str(label).strip(" \t")
            number = parse_number(text, self.decimal)
            if number is None and self.decimal != ".":
                number = parse_number(text, ".")
            return number if number in self.names else None
        text = str(label).strip(" \t")
        return text if text in self.names else None

    def group_of_rows(self):
        """Each kept row's position in :attr:`order` (int64, shape (n_kept,))."""
        return self.class_of_unique[self.codes]


def label_values(table, column, x_column=None, y_column=None):
    """The distinct labels of a column in class order, each as first written.

    Parameters
    ----------
    table : Table
    column : str or int
        By name or 0-based index (see :func:`resolve_column`).
    x_column, y_column : str or int, optional
        If given, only rows whose value in these feature columns is usable count (the rows
        :func:`to_dataset` keeps).

    Returns
    -------
    list of str
        Non-empty labels, sorted numerically when all are numbers ('1' and '1.0' are one label),
        else as text; what the ``classes`` of :func:`to_dataset` can name.

    Raises
    ------
    TableError
        If a column does not exist.
    """
    texts = table.text_column(resolve_column(table, column, "label_column"))
    keep = texts != ""
    for argument, feature in (("x_column", x_column), ("y_column", y_column)):
        if feature is not None:
            keep &= ~feature_values(table, resolve_column(table, feature, argument))[1]
    if not keep.any():
        return []
    labels = Labels(texts[keep], table.format.decimal)
    return [labels.names[key] for key in labels.order]


def label_sort_key(names):
    """Sort key making the order of class names the one :func:`to_dataset` gives when reading
    them back (numerically when both are numbers)."""
    numbers = [parse_number(name) for name in names]
    if all(number is not None and np.isfinite(number) for number in numbers):
        return dict(zip(names, numbers, strict=True)).__getitem__
    return str


def choose_classes(table, labels, kept_lines, classes):
    """(y for kept rows with −1 for other classes, class names) from the `classes` choice."""
    groups = labels.group_of_rows()
    names = [labels.names[key] for key in labels.order]
    listed = ", ".join(map(repr, names[:6])) + (", …" if len(names) > 6 else "")
    if classes is None:
        if len(names) == 1:
            raise TableError(f"{table.path}: every row has label {names[0]!r}; logistic "
                             "regression needs two classes, add rows of a second class")
        if len(names) > 2:
            # The first row whose label is neither of the two met before it (not the third in
            # sorted order, which may first appear on an earlier line).
            row, third = sorted((np.flatnonzero(groups == group)[0], group)
                                for group in range(len(names)))[2]
            raise TableError(f"{table.where(kept_lines[row])}: a third label {names[third]!r} "
                             f"(labels found: "
                             f"{listed}); keep exactly two classes, or choose two (--classes A,B "
                             "or one against the rest, --classes 'A,*')")
        return groups, tuple(names)
    return _two_classes(table, labels, groups, classes, listed)


def _two_classes(table, labels, groups, classes, listed):
    if not (isinstance(classes, (tuple, list)) and len(classes) == 2):
        raise TableError(f"{table.path}: classes must be two labels, or a label and REST, got "
                         f"{classes!r}")
    if classes[0] is REST and classes[1] is REST:
        raise TableError(f"{table.path}: classes are both REST; choose one label to stand "
                         "against the rest")
    positions = []
    for label in classes:
        if label is REST:
            positions.append(None)
            continue
        key = labels.key(label)
        if key is None:
            raise TableError(f"{table.path}: classes: no usable row has the label "
                             f"{str(label)!r} (labels found: {listed}); choose one of them")
        positions.append(labels.position[key])
    if positions[0] == positions[1]:
        raise TableError(f"{table.path}: classes {classes[0]!r} and {classes[1]!r} are the same "
                         "label; choose two different classes")
    named = [labels.names[labels.order[p]] if p is not None else None for p in positions]
    named = [name if name is not None else f"not {named[1 - i]}" for i, name in enumerate(named)]
    member = [groups == p if p is not None else None for p in positions]
    member = [m if m is not None else ~member[1 - i] for i, m in enumerate(member)]
    if sorted(named, key=label_sort_key(named)) != named:  # class 0 first, as when reading back
        named, member = named[::-1], member[::-1]
    y = np.where(member[0], 0, np.where(member[1], 1, -1))
    return y, tuple(named)


def parse_classes(text):
    """A ``--classes`` text as the `classes` of :func:`to_dataset`.

    Parameters
    ----------
    text : str
        Two labels separated by a comma, e.g. ``'benign,malignant'``; ``*`` for every other label,
        e.g. ``'setosa,*'``.

    Returns
    -------
    tuple of two (str or REST)

    Raises
    ------
    TableError
        If `text` is not two non-empty labels separated by one comma.
    """
    parts = [part.strip(" \t") for part in str(text).split(",")]
    if len(parts) != 2 or not all(parts) or parts == [REST_TOKEN, REST_TOKEN]:
        raise TableError(f"classes {text!r}: expected two labels separated by a comma, e.g. "
                         "'benign,malignant', or one label against the rest, e.g. 'setosa,*'")
    return tuple(REST if part == REST_TOKEN else part for part in parts)
