"""How a table file is written (separator, decimal mark, encoding, header, comments), the
error every reader raises, and the names of the choices for people."""

import enum
from dataclasses import dataclass

from logreg_gui.core.data import DataError

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
