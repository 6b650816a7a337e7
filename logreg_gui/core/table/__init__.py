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

Modules, one job each: :mod:`.format` (TableFormat, the choices, TableError), :mod:`.grammar`
(numbers), :mod:`.text` (bytes to lines), :mod:`.fields` (one line's fields and quotes),
:mod:`.sniffing`, :mod:`.reading` (Table, with pandas), :mod:`.workbook`, :mod:`.columns`,
:mod:`.labels` (classes) and :mod:`.conversion` (to a Dataset).
"""

from logreg_gui.core.table.columns import default_columns, resolve_column
from logreg_gui.core.table.conversion import (MAX_MESSAGES, DroppedRows, dataset_from_file,
                                              to_dataset)
from logreg_gui.core.table.format import (DECIMALS, ENCODINGS, EXCEL_SUFFIXES, REST, REST_TOKEN,
                                          SEPARATORS, WHITESPACE, TableError, TableFormat)
from logreg_gui.core.table.grammar import parse_number
from logreg_gui.core.table.labels import label_values, parse_classes
from logreg_gui.core.table.reading import Table, read_table
from logreg_gui.core.table.sniffing import sniff

__all__ = ["DECIMALS", "ENCODINGS", "EXCEL_SUFFIXES", "MAX_MESSAGES", "REST", "REST_TOKEN",
           "SEPARATORS", "WHITESPACE", "DroppedRows", "Table", "TableError", "TableFormat",
           "dataset_from_file", "default_columns", "label_values", "parse_classes",
           "parse_number", "read_table", "resolve_column", "sniff", "to_dataset"]
