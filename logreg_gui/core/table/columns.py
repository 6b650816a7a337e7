"""Choosing columns: by name or index, the command line's defaults, and a feature column's
numbers with the reason each bad cell is refused."""

import re

import numpy as np

from logreg_gui.core.data import MAX_MAGNITUDE
from logreg_gui.core.table.format import SEPARATORS, TableError
from logreg_gui.core.table.grammar import NON_FINITE, NUMBER, parse_number, parse_numbers, shown
from logreg_gui.core.table.reading import is_number_column


def resolve_column(table, spec, argument="column"):
    """The 0-based index of a column given by name or index.

    Parameters
    ----------
    table : Table
    spec : str or int
        A header name (exact, after stripping spaces) — a name wins over an index, so a column
        named "2" is found by its name — or a 0-based index (negative counts from the end; as an
        int or as the text of an integer).
    argument : str
        The argument's name for messages, e.g. ``'x_column'``.

    Returns
    -------
    int

    Raises
    ------
    TableError
        If no column has that name or index, or several have that name.
    """
    n = len(table.columns)
    if isinstance(spec, str):
        name = spec.strip(" \t")
        matches = [i for i, column in enumerate(table.columns) if column == name]
        if len(matches) > 1:
            raise TableError(f"{table.path}: {argument} {spec!r} names columns "
                             f"{', '.join(map(str, matches))}; give its 0-based index instead")
        if matches:
            return matches[0]
        if re.fullmatch(r"[+-]?[0-9]+", name):
            spec = int(name)
    if isinstance(spec, (int, np.integer)) and not isinstance(spec, bool) and -n <= spec < n:
        return int(spec) % n
    listed = ", ".join(map(repr, table.columns[:8])) + (", …" if n > 8 else "")
    raise TableError(f"{table.path}: {argument} {spec!r} is not a column (columns: {listed}); "
                     f"give a name from the header or an index from 0 to {n - 1}")


def looks_numeric(table, index, sample=1000):
    """Whether at least half of a column's first non-empty cells are numbers."""
    if is_number_column(table.frame.iloc[:, index]):
        return True
    texts = [text for text in table.text_column(index)[:sample] if text]
    hits = sum(NUMBER[table.format.decimal].fullmatch(text) is not None for text in texts)
    return bool(texts) and 2 * hits >= len(texts)


def check_width(table):
    n = len(table.columns)
    if n < 3:
        raise TableError(f"{table.path}: {n} column{'s' if n != 1 else ''}; expected two feature "
                         "columns and a label column, like x1,x2,label (or check the separator, "
                         f"now {SEPARATORS[table.format.separator]})")


def numeric_first(table):
    """All column indices, mostly-numeric columns first, each group in file order."""
    indices = range(len(table.columns))
    numeric = [i for i in indices if looks_numeric(table, i)]
    return numeric + [i for i in indices if i not in numeric]


def default_columns(table):
    """The command line's default columns: (x, y, label) as 0-based indices.

    The label is the last column; x and y are the first two other columns whose cells are mostly
    numbers (then the first other columns, so that a bad value is reported where it is).

    Raises
    ------
    TableError
        If the table has fewer than three columns.
    """
    return chosen_columns(table, None, None, None)


def chosen_columns(table, x_column, y_column, label_column):
    check_width(table)
    last = len(table.columns) - 1
    label = last if label_column is None else resolve_column(table, label_column, "label_column")
    x = None if x_column is None else resolve_column(table, x_column, "x_column")
    y = None if y_column is None else resolve_column(table, y_column, "y_column")
    if x is None or y is None:
        free = [i for i in numeric_first(table) if i not in (label, x, y)]
        x = free.pop(0) if x is None else x
        y = free.pop(0) if y is None else y
    chosen = {"x_column": x, "y_column": y, "label_column": label}
    for a, b in (("x_column", "y_column"), ("x_column", "label_column"),
                 ("y_column", "label_column")):
        if chosen[a] == chosen[b]:
            raise TableError(f"{table.path}: {a} and {b} are both column {chosen[a]} "
                             f"({table.columns[chosen[a]]!r}); choose three different columns")
    return x, y, label


def feature_values(table, index):
    """(values, bad) of a feature column: float64 values, True where the row must be dropped."""
    column = table.frame.iloc[:, index]
    if is_number_column(column):
        values = column.to_numpy(dtype=np.float64)
    else:
        values, _ = parse_numbers(table.text_column(index), table.format.decimal)
    with np.errstate(invalid="ignore"):
        bad = ~(np.abs(values) <= MAX_MAGNITUDE)
    return values, bad


def feature_reason(table, index, row):
    name, text = table.columns[index], table.text_column(index)[row]
    place = f"{table.unit} {table.lines[row]}: feature {name!r}"
    if not text:
        return f"{place} is empty; fill it in or remove that row"
    if NON_FINITE.fullmatch(text):
        return f"{place} is {shown(text)}; only finite numbers are allowed, fix or remove that row"
    if parse_number(text, table.format.decimal) is None:
        return f"{place} is {shown(text)}, not a number; fix or remove that row"
    return (f"{place} is {shown(text)}, beyond ±{MAX_MAGNITUDE:g}; rescale that column "
            "(e.g. other units)")
