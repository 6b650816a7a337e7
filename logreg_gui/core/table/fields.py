"""Splitting one line into fields, with the quoting rules that let a bad quote be reported on
its own line."""

import re

from logreg_gui.core.table.format import SEPARATORS, WHITESPACE


class QuoteError(Exception):
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


def tokenize(line, separator):
    """Fields of one line as (text, quoted) pairs, text without surrounding spaces.

    Raises
    ------
    QuoteError
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
            raise QuoteError(len(fields) + 1, unclosed)
        quoted, plain, end = match.groups()
        if quoted is not None:
            fields.append((quoted.replace('""', '"').strip(" \t"), True))
        else:
            fields.append((plain.strip(" \t"), False))
        pos = match.end()
        if not end:
            return fields


def count_fields(line, separator):
    """Number of fields of one line (quick when the line has no quote)."""
    if '"' in line:
        return len(tokenize(line, separator))
    if separator == WHITESPACE:
        return len(_WS_TOKEN.findall(line))
    return line.count(separator) + 1


def tokenized(lines, separator):
    """Fields of each line, or None for a line whose quotes break the rules."""
    result = []
    for line in lines:
        try:
            result.append(tokenize(line, separator))
        except QuoteError:
            result.append(None)
    return result

