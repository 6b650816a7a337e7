"""Reading tables: delimited text in any common encoding, or an .xlsx sheet, with pandas.

:func:`sniff` guesses a file's :class:`TableFormat`, :func:`read_table` reads it into a
:class:`Table` (every row keeps the line number an editor shows), and :func:`to_dataset` picks two
feature columns, a label column and two classes to make a :class:`~logreg_gui.core.data.Dataset`.
:func:`dataset_from_file` does all three with the command line's defaults and refuses any row it
would have to drop.

What the reader accepts
-----------------------
- Separators: comma, semicolon, tab, or runs of spaces and tabs (:data:`WHITESPACE`).
- Encodings: UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark (or without
  one, guessed from the zero bytes), Windows-1252 and Latin-1. Any line ends (LF, CRLF, CR).
- Blank lines (only spaces or tabs) are skipped; so are comment lines, whose first character
  other than spaces is ``#`` (:attr:`TableFormat.comment`).
- Spaces and tabs around fields are not part of the value.
- Quotes: a field may be enclosed in double quotes (separators inside are then text, ``""`` is
  one quote). A quoted field must close on the line where it opens: numeric tables have no
  multi-line cells, and this is what lets an unbalanced quote be reported on its own line.
- Numbers (:func:`parse_number`): optional sign, ASCII digits with at most one decimal mark
  (the format's, ``.`` or ``,``), optional exponent; e.g. ``-1.5``, ``.5``, ``2.``, ``1e-3``.
  Not numbers: digit separators (``1_5``), thousands separators (``1,000.5``, ``1 000``),
  hexadecimal, non-ASCII digits, ``nan``, ``inf``. Feature values must also be finite and at most
  :data:`~logreg_gui.core.data.MAX_MAGNITUDE` in size.
"""

import enum
import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from logreg_gui.core.data import MAX_MAGNITUDE, DataError, Dataset

WHITESPACE = " "
"""The separator value that means: fields are separated by runs of spaces and tabs."""

SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab", WHITESPACE: "spaces"}
"""Separator → its name for people."""

DECIMALS = {".": "point", ",": "comma"}
"""Decimal mark → its name for people."""

ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16": "UTF-16 with BOM",
             "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE", "cp1252": "Windows-1252",
             "latin-1": "Latin-1 (ISO 8859-1)"}
"""Python codec name → its name for people."""

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
MAX_MESSAGES = 10  # reasons kept in DroppedRows for the first dropped rows
_SAMPLE_CHARS = 65_536  # sniffing looks at the first lines up to this many characters
_SAMPLE_LINES = 100
_SHOWN_CHARS = 40  # longer values are shortened in messages
_PANDAS_2 = int(pd.__version__.split(".")[0]) < 3


class TableError(DataError):
    """A table that cannot be read or made into a dataset.

    The message is one line of text naming the file, the line (1-based, as an editor counts; "row"
    for a spreadsheet) and how to fix the problem.
    """


class _Rest(enum.Enum):
    REST = "all other labels"

    def __repr__(self):
        return "REST"


REST = _Rest.REST
"""Pass as one of ``classes=(label, REST)`` for one class against all the other labels."""

REST_TOKEN = "*"
"""How :data:`REST` is written in a ``--classes`` text, e.g. ``'setosa,*'``."""


# -- the format ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableFormat:
    """How a text table is written; each field is one of :func:`sniff`'s guesses.

    Parameters
    ----------
    separator : {',', ';', '\\t', ' '}
        Field separator; ``' '`` (:data:`WHITESPACE`) means runs of spaces and tabs.
    decimal : {'.', ','}
        Decimal mark of numbers. A comma only works with another separator (or in quoted fields).
    encoding : str
        A key of :data:`ENCODINGS`.
    header : bool
        Whether the first row (after blank and comment lines) names the columns.
    comment : str or None
        A line whose first character other than spaces is this one is skipped; None: no comments.

    Raises
    ------
    ValueError
        If a field is not one of the values above; the message names the field and the value.
    """

    separator: str = ","
    decimal: str = "."
    encoding: str = "utf-8"
    header: bool = True
    comment: str | None = "#"

    def __post_init__(self):
        for name, allowed in (("separator", SEPARATORS), ("decimal", DECIMALS),
                              ("encoding", ENCODINGS)):
            if getattr(self, name) not in allowed:
                raise ValueError(f"TableFormat {name} must be one of "
                                 f"{', '.join(map(repr, allowed))}, got {getattr(self, name)!r}")
        if not isinstance(self.header, bool):
            raise ValueError(f"TableFormat header must be True or False, got {self.header!r}")
        if self.comment is not None and not (
                isinstance(self.comment, str) and len(self.comment) == 1
                and self.comment not in ' \t"\n\r' and self.comment != self.separator):
            raise ValueError("TableFormat comment must be None or one character other than "
                             f"the separator, a quote or a space, got {self.comment!r}")


# -- numbers ---------------------------------------------------------------------------------


def _number_regex(decimal):
    d = re.escape(decimal)
    return re.compile(rf"[+-]?(?:[0-9]+(?:{d}[0-9]*)?|{d}[0-9]+)(?:[eE][+-]?[0-9]+)?")


_NUMBER = {mark: _number_regex(mark) for mark in DECIMALS}
_NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)


def parse_number(text, decimal="."):
    """The number that `text` writes in the strict grammar, or None if it is not one.

    Parameters
    ----------
    text : str
        Without surrounding spaces (a field's value).
    decimal : {'.', ','}
        The decimal mark.

    Returns
    -------
    float or None
        May be ±inf for a valid but huge number such as ``1e999``.

    Examples
    --------
    >>> parse_number("-1.5e3"), parse_number("1,5", ","), parse_number("1_5"), parse_number("inf")
    (-1500.0, 1.5, None, None)
    """
    if not _NUMBER[decimal].fullmatch(text):
        return None
    return float(text.replace(",", ".")) if decimal == "," else float(text)


def _parse_numbers(texts, decimal):
    """Vectorized :func:`parse_number`: (values with NaN where not a number, is-number mask)."""
    match = _NUMBER[decimal].fullmatch
    ok = np.fromiter((match(text) is not None for text in texts), dtype=bool, count=len(texts))
    values = np.full(len(texts), np.nan)
    good = texts[ok]
    if decimal == ",":
        good = np.array([text.replace(",", ".") for text in good], dtype=object)
    values[ok] = good.astype(np.float64) if len(good) else []
    return values, ok


def _shown(text):
    """A value for a message: quoted, escaped, and shortened when long."""
    if len(text) > _SHOWN_CHARS:
        return repr(text[:_SHOWN_CHARS]) + "…"
    return repr(text)


# -- fields of one line ----------------------------------------------------------------------


class _QuoteError(Exception):
    """A line whose quotes do not follow the rules; `field` is 1-based, `unclosed` tells which
    rule."""

    def __init__(self, field_number, unclosed):
        super().__init__(field_number)
        self.field_number, self.unclosed = field_number, unclosed


_QUOTED = r'"([^"]*(?:""[^"]*)*)"'


def _field_regex(separator):
    if separator == WHITESPACE:
        return re.compile(rf'(?:{_QUOTED}|([^" \t]+))([ \t]+|$)')
    sep, space = re.escape(separator), "[ ]" if separator == "\t" else "[ \t]"
    return re.compile(rf'(?:{space}*{_QUOTED}{space}*|([^"{sep}]*))({sep}|$)')


_FIELD = {separator: _field_regex(separator) for separator in SEPARATORS}
_OPENING_QUOTE = re.compile(r'[ \t]*"')
_CLOSED_QUOTE = re.compile(r'[ \t]*' + _QUOTED)
_WS_TOKEN = re.compile(r"[^ \t]+")


def _tokenize(line, separator):
    """Fields of one line as (text, quoted) pairs, text without surrounding spaces.

    Raises
    ------
    _QuoteError
        If a quote opens a field and does not close on the line, or stands inside a field.
    """
    if separator == WHITESPACE:
        line = line.strip(" \t")
        if not line:
            return []
    regex, fields, pos = _FIELD[separator], [], 0
    while True:
        match = regex.match(line, pos)
        if match is None:
            unclosed = bool(_OPENING_QUOTE.match(line, pos)) and not _CLOSED_QUOTE.match(line, pos)
            raise _QuoteError(len(fields) + 1, unclosed)
        quoted, plain, end = match.groups()
        if quoted is not None:
            fields.append((quoted.replace('""', '"').strip(" \t"), True))
        else:
            fields.append((plain.strip(" \t"), False))
        pos = match.end()
        if not end:
            return fields


def _count_fields(line, separator):
    """Number of fields of one line (quick when the line has no quote)."""
    if '"' in line:
        return len(_tokenize(line, separator))
    if separator == WHITESPACE:
        return len(_WS_TOKEN.findall(line))
    return line.count(separator) + 1


# -- bytes, text and lines -------------------------------------------------------------------


def _read_bytes(path):
    try:
        if path.exists() and not path.is_file():
            raise TableError(f"{path}: not a regular file; choose a CSV file")
        return path.read_bytes()
    except FileNotFoundError:
        raise TableError(f"{path}: no such file; check the name and the folder") from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise TableError(f"{path}: cannot be read ({reason}); check the file and its "
                         "permissions") from None


def _guess_encoding(data):
    """Codec name for raw bytes: byte-order marks, then zero bytes (UTF-16), then UTF-8, then
    Windows-1252, then Latin-1 (which decodes anything)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    if b"\x00" in head and len(head) >= 2:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > 0.3 * len(head) / 2 and even == 0:
            return "utf-16-le"
        if even > 0.3 * len(head) / 2 and odd == 0:
            return "utf-16-be"
    for encoding in ("utf-8", "cp1252"):
        try:
            data.decode(encoding)
            return encoding
        except UnicodeDecodeError:
            pass
    return "latin-1"


def _normalize(text):
    """Text with a leading BOM removed and every line end written as ``\\n``."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _decode(data, encoding, path):
    try:
        text = _normalize(data.decode(encoding))
    except UnicodeDecodeError as error:
        before = _normalize(data[:error.start].decode(encoding, errors="replace"))
        guess = _guess_encoding(data)
        fix = (f"choose the encoding {ENCODINGS[guess]}" if guess != encoding
               else "save the file as UTF-8")
        raise TableError(f"{path}, line {before.count(chr(10)) + 1}: byte "
                         f"0x{data[error.start]:02x} is not valid {ENCODINGS[encoding]}; "
                         f"{fix}") from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise TableError(f"{path}, line {line}: a NUL character, so this is not a text table "
                         "in this encoding; choose a CSV file or another encoding")
    return text


def _skip_regex(comment):
    starts = f"(?:{re.escape(comment)}[^\\n]*)?" if comment else ""
    return re.compile(rf"^[ \t]*{starts}\n", re.MULTILINE)


_COMMENT_LINE = re.compile(r"^[ \t]*#", re.MULTILINE)


def _may_skip(body, comment):
    """Cheap test: could `body` have blank or comment lines?"""
    starts = ("\n", " ", "\t") + ((comment,) if comment else ())
    return (body.startswith(starts) or "\n\n" in body or "\n " in body or "\n\t" in body
            or (comment is not None and "\n" + comment in body))


def _records(text, comment):
    """(the text without blank and comment lines, ending with a line end; the 1-based line
    number of each of its lines)."""
    body = text if text.endswith("\n") or not text else text + "\n"
    n_lines = body.count("\n")
    if not _may_skip(body, comment):
        return body, np.arange(1, n_lines + 1)
    regex = _skip_regex(comment)
    keep, line, pos = np.ones(n_lines, dtype=bool), 1, 0
    for match in regex.finditer(body):
        line += body.count("\n", pos, match.start())
        pos = match.start()
        keep[line - 1] = False
    return regex.sub("", body), np.flatnonzero(keep) + 1


# -- sniffing --------------------------------------------------------------------------------


def sniff(path):
    """Guess how a table file is written.

    Parameters
    ----------
    path : str or pathlib.Path
        A delimited text file, or an .xlsx/.xlsm workbook (only `header` is guessed then).

    Returns
    -------
    TableFormat
        The separator with the most consistent column count and the most numbers among the first
        lines; the decimal mark that makes more fields numbers; the encoding from the byte-order
        mark, else UTF-8 if it decodes, else Windows-1252, else Latin-1; a header when the first
        row has text where the rows below have numbers (or nothing but text); ``'#'`` comments
        when some line starts with ``#``.

    Raises
    ------
    TableError
        If the file is missing or cannot be read.
    """
    path = Path(path)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        text = _excel_text(path)
        return TableFormat(header=_guess_header(_sample(text, None), ",", "."), comment=None)
    return _sniff_bytes(_read_bytes(path))


def _sniff_bytes(data):
    encoding = _guess_encoding(data)
    text = _normalize(data.decode(encoding, errors="replace"))
    comment = "#" if "#" in text and _COMMENT_LINE.search(text) else None
    lines = _sample(text, comment)
    separator, decimal = _guess_separator(lines)
    header = _guess_header(lines, separator, decimal)
    return TableFormat(separator, decimal, encoding, header, comment)


def _sample(text, comment):
    """The first lines that are neither blank nor comments."""
    head = text[:_SAMPLE_CHARS]
    lines = head.split("\n")
    if len(head) < len(text):
        lines = lines[:-1]  # cut in the middle
    return [line for line in lines if line.strip(" \t")
            and not (comment and line.lstrip(" \t").startswith(comment))][:_SAMPLE_LINES]


def _tokenized(lines, separator):
    """Fields of each line, or None for a line whose quotes break the rules."""
    result = []
    for line in lines:
        try:
            result.append(_tokenize(line, separator))
        except _QuoteError:
            result.append(None)
    return result


def _guess_separator(lines):
    best = None
    for separator in SEPARATORS:  # in order of preference on ties
        rows = _tokenized(lines, separator)
        counts = {len(row) if row is not None else -1 for row in rows}
        consistent = len(counts) == 1 and min(counts) >= 2
        scores = {mark: sum(_NUMBER[mark].fullmatch(text) is not None
                            for row in rows if row for text, quoted in row)
                  for mark in DECIMALS}
        decimal = "," if separator != "," and scores[","] > scores["."] else "."
        width = max((len(row) for row in rows if row), default=0)
        score = (consistent, scores[decimal], width)
        if best is None or score > best[0]:
            best = (score, separator, decimal)
    return best[1], best[2]


def _guess_header(lines, separator, decimal):
    rows = [row for row in _tokenized(lines[:21], separator) if row]
    if not rows:
        return True
    first, rest = rows[0], rows[1:]
    number = _NUMBER[decimal].fullmatch
    for column, (text, quoted) in enumerate(first):
        below = [row[column] for row in rest if column < len(row)]
        if not below or 2 * sum(number(t) is not None for t, _ in below) < len(below):
            continue
        quoting_differs = quoted and not any(q for _, q in below)
        if number(text) is None or quoting_differs:
            return True  # text (or a quoted number) above numbers
    return not any(number(text) is not None and not quoted for text, quoted in first)


# -- the table -------------------------------------------------------------------------------


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
                column = _read_frame(self._source, usecols=[index], dtype=str).iloc[:, 0]
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
        frame = _read_frame(self._source, nrows=n_rows, dtype=str)
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
        text = _excel_text(path)
        header = _guess_header(_sample(text, None), ",", ".") if fmt is None else fmt.header
        return _table_from_text(path, text, TableFormat(header=header, comment=None), "row")
    data = _read_bytes(path)
    fmt = _sniff_bytes(data) if fmt is None else fmt
    return _table_from_text(path, _decode(data, fmt.encoding, path), fmt, "line")


def _table_from_text(path, text, fmt, unit):
    clean, numbers = _records(text, fmt.comment)
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
        frame = _read_frame(source)
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
            count = _count_fields(line, fmt.separator)
        except _QuoteError as error:
            raise TableError(_quote_message(path, unit, number, error)) from None
        if width is None:
            width = count
        elif count != width:
            raise TableError(f"{path}, {unit} {number}: expected {width} columns (as on {unit} "
                             f"{numbers[0]}), found {count}; fix that row, or choose another "
                             f"separator (now {SEPARATORS[fmt.separator]})")
    return width


def _quote_message(path, unit, line, error):
    if error.unclosed:
        return (f"{path}, {unit} {line}: a quote '\"' opens field {error.field_number} and does "
                "not close on this line; remove the stray quote or close the field")
    return (f"{path}, {unit} {line}: field {error.field_number} has a quote '\"' that is not at "
            "its start, or text after its closing quote; remove that quote, or quote the whole "
            'field and double the quotes inside ("")')


def _column_names(clean, fmt, n_columns):
    if not fmt.header:
        return [f"column {i + 1}" for i in range(n_columns)]
    fields = _tokenize(clean[:clean.index("\n")], fmt.separator)
    return [text or f"column {i + 1}" for i, (text, _) in enumerate(fields)]


def _frame_source(clean, fmt, n_columns, skip):
    """What :func:`_read_frame` needs to (re)read the data rows with pandas."""
    whitespace = fmt.separator == WHITESPACE
    options = dict(sep=r"\s+" if whitespace else fmt.separator, header=None,
                   names=list(range(n_columns)), skiprows=skip, na_filter=False, engine="c",
                   quotechar='"', doublequote=True, skipinitialspace=not whitespace,
                   skip_blank_lines=False, on_bad_lines="error", low_memory=False,
                   decimal="," if fmt.decimal == "," and fmt.separator != "," else ".")
    if _PANDAS_2:
        options["float_precision"] = "round_trip"  # pandas 3 rounds correctly by default
    return {"text": clean, "options": options}


def _read_frame(source, **changes):
    return pd.read_csv(io.StringIO(source["text"]), **{**source["options"], **changes})


def _is_number_column(column):
    """Whether pandas parsed every cell of a column as a number (booleans are not)."""
    return (pd.api.types.is_numeric_dtype(column.dtype)
            and not pd.api.types.is_bool_dtype(column.dtype))


def _tidy_column(column):
    """Numbers and booleans as pandas parsed them; anything else as stripped text."""
    if pd.api.types.is_numeric_dtype(column.dtype):  # booleans included
        return column
    return column.astype(str).str.strip(" \t")


# -- workbooks -------------------------------------------------------------------------------


def _excel_text(path):
    """The first sheet of a workbook as comma-separated text, one line per sheet row."""
    try:
        import openpyxl  # noqa: F401  (pandas needs it; checked here for a clear message)
    except ImportError:
        raise TableError(f"{path}: reading {path.suffix} workbooks needs the optional package "
                         "openpyxl; install it (pip install 'logreg-gui[excel]') or save the "
                         "sheet as CSV") from None
    if path.exists() and not path.is_file():
        raise TableError(f"{path}: not a regular file; choose a CSV file or a workbook")
    if not path.exists():
        raise TableError(f"{path}: no such file; check the name and the folder")
    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it ignores (styles, data validation).
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            sheet = pd.read_excel(path, header=None, dtype=object, engine="openpyxl",
                                  na_filter=False)
    except Exception as error:  # noqa: BLE001  (openpyxl raises many types on damaged files)
        raise TableError(f"{path}: cannot be read as an Excel workbook ({type(error).__name__}); "
                         "open it in a spreadsheet program and save it again, or as CSV") from None
    out = io.StringIO()
    for row in sheet.itertuples(index=False):
        cells = [_excel_cell(value) for value in row]
        out.write((",".join(cells) if any(cells) else "") + "\n")  # an empty row: a blank line
    return out.getvalue()


def _excel_cell(value):
    """One sheet cell as a CSV field."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, (float, np.floating)):
        text = repr(float(value))
    else:
        text = str(value)
    text = " ".join(text.splitlines()).strip(" \t")
    if any(char in text for char in ',"#') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


# -- from a table to a dataset ---------------------------------------------------------------


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


def _looks_numeric(table, index, sample=1000):
    """Whether at least half of a column's first non-empty cells are numbers."""
    if _is_number_column(table.frame.iloc[:, index]):
        return True
    texts = [text for text in table.text_column(index)[:sample] if text]
    hits = sum(_NUMBER[table.format.decimal].fullmatch(text) is not None for text in texts)
    return bool(texts) and 2 * hits >= len(texts)


def _check_width(table):
    n = len(table.columns)
    if n < 3:
        raise TableError(f"{table.path}: {n} column{'s' if n != 1 else ''}; expected two feature "
                         "columns and a label column, like x1,x2,label (or check the separator, "
                         f"now {SEPARATORS[table.format.separator]})")


def _numeric_first(table):
    """All column indices, mostly-numeric columns first, each group in file order."""
    indices = range(len(table.columns))
    numeric = [i for i in indices if _looks_numeric(table, i)]
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
    return _columns(table, None, None, None)


def _columns(table, x_column, y_column, label_column):
    _check_width(table)
    last = len(table.columns) - 1
    label = last if label_column is None else resolve_column(table, label_column, "label_column")
    x = None if x_column is None else resolve_column(table, x_column, "x_column")
    y = None if y_column is None else resolve_column(table, y_column, "y_column")
    if x is None or y is None:
        free = [i for i in _numeric_first(table) if i not in (label, x, y)]
        x = free.pop(0) if x is None else x
        y = free.pop(0) if y is None else y
    chosen = {"x_column": x, "y_column": y, "label_column": label}
    for a, b in (("x_column", "y_column"), ("x_column", "label_column"),
                 ("y_column", "label_column")):
        if chosen[a] == chosen[b]:
            raise TableError(f"{table.path}: {a} and {b} are both column {chosen[a]} "
                             f"({table.columns[chosen[a]]!r}); choose three different columns")
    return x, y, label


def _features(table, index):
    """(values, bad) of a feature column: float64 values, True where the row must be dropped."""
    column = table.frame.iloc[:, index]
    if _is_number_column(column):
        values = column.to_numpy(dtype=np.float64)
    else:
        values, _ = _parse_numbers(table.text_column(index), table.format.decimal)
    with np.errstate(invalid="ignore"):
        bad = ~(np.abs(values) <= MAX_MAGNITUDE)
    return values, bad


def _feature_reason(table, index, row):
    name, text = table.columns[index], table.text_column(index)[row]
    place = f"{table.unit} {table.lines[row]}: feature {name!r}"
    if not text:
        return f"{place} is empty; fill it in or remove that row"
    if _NON_FINITE.fullmatch(text):
        return f"{place} is {_shown(text)}; only finite numbers are allowed, fix or remove that row"
    if parse_number(text, table.format.decimal) is None:
        return f"{place} is {_shown(text)}, not a number; fix or remove that row"
    return (f"{place} is {_shown(text)}, beyond ±{MAX_MAGNITUDE:g}; rescale that column "
            "(e.g. other units)")


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
            reasons.append(_feature_reason(table, x[2] if bad_x[row] else y[2], row))
        else:
            reasons.append(f"{table.unit} {table.lines[row]}: the label ({_ordinal(label + 1)} "
                           "column) is empty; give every row a class label")
    return DroppedRows(table.lines[bad], tuple(reasons)), ~bad


class _Labels:
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
            keep &= ~_features(table, resolve_column(table, feature, argument))[1]
    if not keep.any():
        return []
    labels = _Labels(texts[keep], table.format.decimal)
    return [labels.names[key] for key in labels.order]


def _label_sort_key(names):
    """Sort key making the order of class names the one :func:`to_dataset` gives when reading
    them back (numerically when both are numbers)."""
    numbers = [parse_number(name) for name in names]
    if all(number is not None and np.isfinite(number) for number in numbers):
        return dict(zip(names, numbers, strict=True)).__getitem__
    return str


def _choose_classes(table, labels, kept_lines, classes):
    """(y for kept rows with −1 for other classes, class names) from the `classes` choice."""
    groups = labels.group_of_rows()
    names = [labels.names[key] for key in labels.order]
    listed = ", ".join(map(repr, names[:6])) + (", …" if len(names) > 6 else "")
    if classes is None:
        if len(names) == 1:
            raise TableError(f"{table.path}: every row has label {names[0]!r}; logistic "
                             "regression needs two classes, add rows of a second class")
        if len(names) > 2:
            line = kept_lines[np.flatnonzero(groups == 2)[0]]
            raise TableError(f"{table.where(line)}: a third label {names[2]!r} (labels found: "
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
    if sorted(named, key=_label_sort_key(named)) != named:  # class 0 first, as when reading back
        named, member = named[::-1], member[::-1]
    y = np.where(member[0], 0, np.where(member[1], 1, -1))
    return y, tuple(named)


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
        written in the file.
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
    x, y, label = _columns(table, x_column, y_column, label_column)
    labels_text = table.text_column(label)
    features = [(*_features(table, index), index) for index in (x, y)]
    dropped, kept = _dropped(table, features[0], features[1], label, labels_text)
    if strict and len(dropped):
        raise TableError(f"{table.path}, {dropped.reasons[0]}")
    if not kept.any():
        first = f" (first: {dropped.reasons[0]})" if dropped.reasons else ""
        raise TableError(f"{table.path}: no usable rows; all {table.n_rows:,} rows have a "
                         f"missing or invalid value{first}")
    labels = _Labels(labels_text[kept], table.format.decimal)
    targets, class_names = _choose_classes(table, labels, table.lines[kept], classes)
    chosen = targets >= 0
    X = np.column_stack([features[0][0][kept], features[1][0][kept]])[chosen]
    names = ((table.columns[x], table.columns[y]) if table.format.header else ("x1", "x2"))
    dataset = Dataset(X, targets[chosen].astype(np.int64), names, class_names)
    if len(np.unique(dataset.y)) < 2:
        raise TableError(f"{table.path}: only class {class_names[int(dataset.y[0])]!r} has "
                         "usable rows; logistic regression needs two classes")
    return dataset, DroppedRows(dropped.lines, dropped.reasons, int((~chosen).sum()))


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
