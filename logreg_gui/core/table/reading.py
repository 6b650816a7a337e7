"""Reading a table file into a :class:`Table` with pandas; every row keeps its line number."""

import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from logreg_gui.core.table.fields import QuoteError, count_fields, tokenize
from logreg_gui.core.table.format import (EXCEL_SUFFIXES, SEPARATORS, WHITESPACE, TableError,
                                          TableFormat)
from logreg_gui.core.table.sniffing import guess_header, sample_lines, sniff_bytes
from logreg_gui.core.table.text import decode, read_bytes, records
from logreg_gui.core.table.workbook import excel_text

_PANDAS_2 = int(pd.__version__.split(".")[0]) < 3


@dataclass(frozen=True, eq=False)
class Table:
    """A table as read from a file, before columns and classes are chosen.

    Parameters
    ----------
    path : pathlib.Path
    format : TableFormat
        How it was read.
    columns : tuple of str
        Column names: the header's fields (a name that is a number stays a name), ``column N``
        (1-based) for an empty header field or when there is no header.
    frame : pandas.DataFrame, shape (n_rows, n_columns)
        The cells, with `columns` as column labels (not necessarily unique): a column is float64
        or int64 (every cell a number in the strict grammar, possibly infinite), bool, or text
        (str, stripped of spaces and tabs; empty string for an empty cell).
    lines : ndarray of int64, shape (n_rows,)
        Each row's line number in the file (sheet row number for a workbook), 1-based.
    unit : {'line', 'row'}
        How messages name a place: "line" in text files, "row" in workbooks.
    """

    path: Path
    format: TableFormat
    columns: tuple
    frame: pd.DataFrame
    lines: np.ndarray
    unit: str = "line"
    _source: dict = field(default_factory=dict, repr=False)
    _texts: dict = field(default_factory=dict, repr=False)

    @property
    def n_rows(self):
        """Number of data rows (int)."""
        return len(self.lines)

    def where(self, line):
        """Place prefix of a message, e.g. ``'data.csv, line 4'``."""
        return f"{self.path}, {self.unit} {line}"

    def text_column(self, index):
        """The cells of one column as written (stripped of spaces and tabs).

        Parameters
        ----------
        index : int
            0-based column index.

        Returns
        -------
        ndarray of object (str), shape (n_rows,)
        """
        if index not in self._texts:
            column = self.frame.iloc[:, index]
            if pd.api.types.is_numeric_dtype(column.dtype):  # booleans included
                column = read_frame(self._source, usecols=[index], dtype=str).iloc[:, 0]
            self._texts[index] = column.astype(str).str.strip(" \t").to_numpy(dtype=object)
        return self._texts[index]

    def preview(self, n_rows=50):
        """The first rows as written, for display.

        Parameters
        ----------
        n_rows : int, >= 0

        Returns
        -------
        pandas.DataFrame of str, shape (min(n_rows, self.n_rows), n_columns)
            Columns labelled as :attr:`columns`.
        """
        n_rows = min(n_rows, self.n_rows)
        if n_rows == 0:
            return pd.DataFrame({i: pd.Series([], dtype=object) for i in range(len(self.columns))})
        frame = read_frame(self._source, nrows=n_rows, dtype=str)
        frame = frame.apply(lambda column: column.astype(str).str.strip(" \t"))
        frame.columns = list(self.columns)
        return frame


def read_table(path, fmt=None):
    """Read a delimited text file or an .xlsx/.xlsm workbook's first sheet.

    Parameters
    ----------
    path : str or pathlib.Path
    fmt : TableFormat, optional
        How the file is written; default: :func:`sniff`'s guess. Workbooks use only its
        `header`.

    Returns
    -------
    Table

    Raises
    ------
    TableError
        The file is missing, not a regular file, unreadable, not valid in `fmt.encoding`, binary,
        empty, a header without data rows, a row with a different number of fields than the first
        ("line 9: expected 3 columns (as on line 1), found 4"), or a quote that does not close on
        its line ("line 4: a quote '\"' opens field 1 and does not close on this line"). Reading
        a workbook without the optional package openpyxl also raises it, naming the package.
    """
    path = Path(path)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        text = excel_text(path)
        header = guess_header(sample_lines(text, None), ",", ".") if fmt is None else fmt.header
        return _table_from_text(path, text, TableFormat(header=header, comment=None), "row")
    data = read_bytes(path)
    fmt = sniff_bytes(data) if fmt is None else fmt
    return _table_from_text(path, decode(data, fmt.encoding, path), fmt, "line")


def _table_from_text(path, text, fmt, unit):
    clean, numbers = records(text, fmt.comment)
    if len(numbers) == 0:
        raise TableError(f"{path}: the file is empty; expected rows like x1,x2,label")
    n_columns = _quick_width(clean, numbers, fmt)
    if n_columns is None:
        n_columns = _width_line_by_line(path, clean, numbers, fmt, unit)
    skip = int(fmt.header)
    if len(numbers) == skip:
        raise TableError(f"{path}: the file has a header but no data rows; add rows, or read "
                         "the first row as data (no header)")
    source = _frame_source(clean, fmt, n_columns, skip)
    try:
        frame = read_frame(source)
    except ValueError as error:  # pandas' ParserError is a ValueError
        _width_line_by_line(path, clean, numbers, fmt, unit)  # raises naming the line
        reason = " ".join(str(error).split())
        raise TableError(f"{path}: cannot be read as a table ({reason}); check the separator "
                         "and the quotes") from None
    if frame.shape != (len(numbers) - skip, n_columns):
        raise TableError(f"{path}: the rows could not be read consistently; check the separator "
                         f"(now {SEPARATORS[fmt.separator]}) and the quotes")
    names = _column_names(clean, fmt, n_columns)
    frame = frame.apply(_tidy_column)
    frame.columns = names
    return Table(path, fmt, tuple(names), frame, numbers[skip:], unit, source)


def _quick_width(clean, numbers, fmt):
    """The number of columns when every line has the first line's number of separators and no
    quotes; None when only a line-by-line look can tell.

    If the separators add up, no line has fewer fields than the first unless another has more,
    and pandas refuses a line with more fields than there are columns.
    """
    separator = fmt.separator
    if separator == WHITESPACE or '"' in clean:
        return None
    width = clean[:clean.index("\n")].count(separator) + 1
    return width if clean.count(separator) == len(numbers) * (width - 1) else None


def _width_line_by_line(path, clean, numbers, fmt, unit):
    """The number of columns; TableError at the first line whose quotes break the rules or whose
    number of fields differs from the first line's."""
    width = None
    for line, number in zip(clean.split("\n"), numbers, strict=False):
        try:
            count = count_fields(line, fmt.separator)
        except QuoteError as error:
            raise TableError(quote_message(path, unit, number, error)) from None
        if width is None:
            width = count
        elif count != width:
            raise TableError(f"{path}, {unit} {number}: expected {width} columns (as on {unit} "
                             f"{numbers[0]}), found {count}; fix that row, or choose another "
                             f"separator (now {SEPARATORS[fmt.separator]})")
    return width


def quote_message(path, unit, line, error):
    if error.unclosed:
        return (f"{path}, {unit} {line}: a quote '\"' opens field {error.field_number} and does "
                "not close on this line; remove the stray quote or close the field")
    return (f"{path}, {unit} {line}: field {error.field_number} has a quote '\"' that is not at "
            "its start, or text after its closing quote; remove that quote, or quote the whole "
            'field and double the quotes inside ("")')


def _column_names(clean, fmt, n_columns):
    if not fmt.header:
        return [f"column {i + 1}" for i in range(n_columns)]
    fields = tokenize(clean[:clean.index("\n")], fmt.separator)
    return [text or f"column {i + 1}" for i, (text, _) in enumerate(fields)]


def _frame_source(clean, fmt, n_columns, skip):
    """What :func:`read_frame` needs to (re)read the data rows with pandas."""
    whitespace = fmt.separator == WHITESPACE
    options = dict(sep=r"\s+" if whitespace else fmt.separator, header=None,
                   names=list(range(n_columns)), skiprows=skip, na_filter=False, engine="c",
                   quotechar='"', doublequote=True, skipinitialspace=not whitespace,
                   skip_blank_lines=False, on_bad_lines="error", low_memory=False,
                   decimal="," if fmt.decimal == "," and fmt.separator != "," else ".")
    if _PANDAS_2:
        options["float_precision"] = "round_trip"  # pandas 3 rounds correctly by default
    return {"text": clean, "options": options}


def read_frame(source, **changes):
    return pd.read_csv(io.StringIO(source["text"]), **{**source["options"], **changes})


def is_number_column(column):
    """Whether pandas parsed every cell of a column as a number (booleans are not)."""
    return (pd.api.types.is_numeric_dtype(column.dtype)
            and not pd.api.types.is_bool_dtype(column.dtype))


def _tidy_column(column):
    """Numbers and booleans as pandas parsed them; anything else as stripped text."""
    if pd.api.types.is_numeric_dtype(column.dtype):  # booleans included
        return column
    return column.astype(str).str.strip(" \t")
