"""Guessing how a table file is written: :func:`sniff`."""

from pathlib import Path

from logreg_gui.core.table.fields import tokenized
from logreg_gui.core.table.format import DECIMALS, EXCEL_SUFFIXES, SEPARATORS, TableFormat
from logreg_gui.core.table.grammar import NUMBER
from logreg_gui.core.table.text import COMMENT_LINE, guess_encoding, normalize, read_bytes
from logreg_gui.core.table.workbook import excel_text

_SAMPLE_CHARS = 65_536  # sniffing looks at the first lines up to this many characters
_SAMPLE_LINES = 100


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
        text = excel_text(path)
        return TableFormat(header=guess_header(sample_lines(text, None), ",", "."), comment=None)
    return sniff_bytes(read_bytes(path))


def sniff_bytes(data):
    encoding = guess_encoding(data)
    text = normalize(data.decode(encoding, errors="replace"))
    comment = "#" if "#" in text and COMMENT_LINE.search(text) else None
    lines = sample_lines(text, comment)
    separator, decimal = _guess_separator(lines)
    header = guess_header(lines, separator, decimal)
    return TableFormat(separator, decimal, encoding, header, comment)


def sample_lines(text, comment):
    """The first lines that are neither blank nor comments."""
    head = text[:_SAMPLE_CHARS]
    lines = head.split("\n")
    if len(head) < len(text):
        lines = lines[:-1]  # cut in the middle
    return [line for line in lines if line.strip(" \t")
            and not (comment and line.lstrip(" \t").startswith(comment))][:_SAMPLE_LINES]


def _guess_separator(lines):
    best = None
    for separator in SEPARATORS:  # in order of preference on ties
        rows = tokenized(lines, separator)
        counts = {len(row) if row is not None else -1 for row in rows}
        consistent = len(counts) == 1 and min(counts) >= 2
        scores = {mark: sum(NUMBER[mark].fullmatch(text) is not None
                            for row in rows if row for text, quoted in row)
                  for mark in DECIMALS}
        decimal = "," if separator != "," and scores[","] > scores["."] else "."
        width = max((len(row) for row in rows if row), default=0)
        score = (consistent, scores[decimal], width)
        if best is None or score > best[0]:
            best = (score, separator, decimal)
    return best[1], best[2]


def guess_header(lines, separator, decimal):
    rows = [row for row in tokenized(lines[:21], separator) if row]
    if not rows:
        return True
    first, rest = rows[0], rows[1:]
    number = NUMBER[decimal].fullmatch
    for column, (text, quoted) in enumerate(first):
        below = [row[column] for row in rest if column < len(row)]
        if not below or 2 * sum(number(t) is not None for t, _ in below) < len(below):
            continue
        quoting_differs = quoted and not any(q for _, q in below)
        if number(text) is None or quoting_differs:
            return True  # text (or a quoted number) above numbers
    if any(_names_two_labels(text, [row[column][0] for row in rest if column < len(row)],
                             number) for column, (text, _) in enumerate(first)):
        return True
    return not any(number(text) is not None and not quoted for text, quoted in first)


def _names_two_labels(text, below, number):
    """Whether `text` is a column's name above two text labels (``label`` above yes/no): it
    occurs nowhere below, and below are at most two distinct texts, none a number, each seen
    at least twice (so a third label in the first row is not taken for a name)."""
    values = set(below)
    return (number(text) is None and text not in values and len(values) <= 2
            and all(below.count(value) >= 2 for value in values)
            and not any(number(value) for value in values))
