"""File > Open's import dialog: preview a table, check how it is read, choose columns and classes.

Standalone: imports only PySide6 and :mod:`logreg_gui.core`.
"""

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget)

from logreg_gui.core.table import (DECIMALS, ENCODINGS, EXCEL_SUFFIXES, REST, SEPARATORS,
                                   TableError, TableFormat, default_columns, label_values,
                                   read_table, sniff, to_dataset)
from logreg_gui.qt.window.import_widgets import (PreviewModel, buddy_label, message_label,
                                              named_combo, select_data)

PREVIEW_ROWS = 50
MAX_LISTED_LABELS = 100  # more distinct values: not a column of class labels
SEPARATOR_TEXT = {",": "comma  ,", ";": "semicolon  ;", "\t": "tab", " ": "spaces"}
DECIMAL_TEXT = {".": "point  1.5", ",": "comma  1,5"}
REST_TEXT = "all other labels (one against the rest)"


class ImportDialog(QDialog):
    """Open a table file as a dataset: format guesses, preview, columns, classes, dropped rows.

    The guesses of :func:`~logreg_gui.core.table.sniff` are shown and can be changed (the file
    is read again); columns start at the command line's defaults; when the label column has more
    than two values, two classes (or one against the rest) are chosen. A line tells how many rows
    will be dropped and which; an error (what, where, fix) disables OK.

    Parameters
    ----------
    path : str or pathlib.Path
    parent : QWidget, optional

    Examples
    --------
    >>> dialog = ImportDialog("data.csv", window)          # doctest: +SKIP
    >>> if dialog.exec() == QDialog.DialogCode.Accepted:   # doctest: +SKIP
    ...     dataset = dialog.dataset()
    """

    def __init__(self, path, parent=None):
        super().__init__(parent)
        self._path = Path(path)
        self._table = None
        self._dataset = None
        self._dropped = None
        self.setWindowTitle(f"Open {self._path.name}")
        self._build()
        try:
            fmt = sniff(self._path)
        except TableError:
            fmt = TableFormat()  # read_table below reports the problem
        self._show_format(fmt)
        self._load()

    # -- results --------------------------------------------------------------------------

    def dataset(self):
        """The :class:`~logreg_gui.core.data.Dataset` of the current choice (the accepted one
        after ``accept()``), or None when the choice cannot make one."""
        return self._dataset

    def table_format(self):
        """The :class:`~logreg_gui.core.table.TableFormat` the file is read with."""
        return TableFormat(self.separator.currentData(), self.decimal.currentData(),
                           self.encoding.currentData(), self.header.currentData(),
                           self._comment)

    # -- building -------------------------------------------------------------------------

    def _build(self):
        layout = QVBoxLayout(self)
        layout.addWidget(self._format_box())
        self.preview = QTableView()
        self.preview.setObjectName("preview")
        self.preview.setToolTip(f"The first {PREVIEW_ROWS} rows; row headers are line numbers")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setModel(PreviewModel(self.preview))
        self.preview.setMinimumHeight(120)
        layout.addWidget(self.preview, stretch=1)
        layout.addWidget(self._columns_box())
        self.dropped_label = message_label("dropped_label", "")
        self.error_label = message_label("error_label", "color: #b00020;")
        layout.addWidget(self.dropped_label)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("ok")
        self.ok_button.setDefault(True)
        layout.addWidget(self.buttons)
        self.resize(960, 620)

    def _format_box(self):
        box = QGroupBox("How the file is read (guessed; change if the preview looks wrong)")
        row = QHBoxLayout(box)
        self.separator = named_combo("separator", [(SEPARATOR_TEXT[s], s) for s in SEPARATORS],
                                "Character between the fields of a row")
        self.decimal = named_combo("decimal", [(DECIMAL_TEXT[d], d) for d in DECIMALS],
                              "Decimal mark of the numbers")
        self.encoding = named_combo("encoding", [(text, code) for code, text in ENCODINGS.items()],
                               "Text encoding of the file")
        self.header = named_combo("header", [("first row", True), ("none", False)],
                             "Whether the first row holds the column names")
        for label, combo in (("Separator", self.separator), ("Decimal mark", self.decimal),
                             ("Encoding", self.encoding), ("Header", self.header)):
            row.addWidget(buddy_label(label, combo))
            row.addWidget(combo)
            combo.currentIndexChanged.connect(self._on_format_changed)
        row.addStretch(1)
        return box

    def _columns_box(self):
        box = QGroupBox("Columns and classes")
        form = QFormLayout(box)
        self.x_column = named_combo("x_column", [], "Feature on the horizontal axis (x1)")
        self.y_column = named_combo("y_column", [], "Feature on the vertical axis (x2)")
        self.label_column = named_combo("label_column", [], "Column of class labels")
        self.class_a = named_combo("class_a", [], "One class")
        self.class_b = named_combo("class_b", [], "The other class, or all other labels")
        for label, combo in (("&x (feature 1)", self.x_column), ("&y (feature 2)", self.y_column),
                             ("&Label", self.label_column)):
            form.addRow(buddy_label(label, combo), combo)
            combo.currentIndexChanged.connect(self._on_columns_changed)
        self.classes_row = QWidget()
        classes = QHBoxLayout(self.classes_row)
        classes.setContentsMargins(0, 0, 0, 0)
        classes.addWidget(self.class_a)
        classes.addWidget(QLabel("against"))
        classes.addWidget(self.class_b)
        self.classes_caption = buddy_label("&Classes", self.class_a)
        form.addRow(self.classes_caption, self.classes_row)
        for combo in (self.class_a, self.class_b):
            combo.currentIndexChanged.connect(self._evaluate)
        self._form = form
        return box

    # -- format ---------------------------------------------------------------------------

    def _show_format(self, fmt):
        self._comment = fmt.comment
        for combo, value in ((self.separator, fmt.separator), (self.decimal, fmt.decimal),
                             (self.encoding, fmt.encoding), (self.header, fmt.header)):
            select_data(combo, value)
        text_only = self._path.suffix.lower() not in EXCEL_SUFFIXES
        for combo in (self.separator, self.decimal, self.encoding):
            combo.setEnabled(text_only)

    def _on_format_changed(self, *_):
        self._load()

    def _load(self):
        """Read the file with the chosen format; keep the chosen columns where names match."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._table = read_table(self._path, self.table_format())
        except TableError as error:
            self._table = None
            self.preview.model().set_preview(None)
            self._fill_columns()
            self._fail(error)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.preview.model().set_preview(self._table.preview(PREVIEW_ROWS),
                                         self._table.lines[:PREVIEW_ROWS])
        self._fill_columns()
        self._on_columns_changed()

    # -- columns and classes --------------------------------------------------------------

    def _fill_columns(self):
        chosen = [combo.currentText().split(": ", 1)[-1]
                  for combo in (self.x_column, self.y_column, self.label_column)]
        columns = self._table.columns if self._table is not None else ()
        try:
            defaults = default_columns(self._table) if self._table is not None else None
        except TableError:
            defaults = (0, min(1, len(columns) - 1), len(columns) - 1)
        for combo, name, default in zip((self.x_column, self.y_column, self.label_column),
                                        chosen, defaults or (None,) * 3, strict=True):
            with QSignalBlocker(combo):
                combo.clear()
                for index, column in enumerate(columns):
                    combo.addItem(f"{index}: {column}", index)
                keep = [i for i, column in enumerate(columns) if column == name]
                combo.setCurrentIndex(keep[0] if keep else (default if default is not None
                                                            else -1))

    def _on_columns_changed(self, *_):
        self._fill_classes()
        self._evaluate()

    def _fill_classes(self):
        labels = self._labels()
        many = labels is not None and 2 < len(labels) <= MAX_LISTED_LABELS
        previous = (self.class_a.currentData(), self.class_b.currentData())
        for combo, extra in ((self.class_a, []), (self.class_b, [(REST_TEXT, REST)])):
            with QSignalBlocker(combo):
                combo.clear()
                if many:
                    for text, data in [(label, label) for label in labels] + extra:
                        combo.addItem(text, data)
        if many:
            if not select_data(self.class_a, previous[0]):
                select_data(self.class_a, labels[0])
            first = self.class_a.currentData()
            if previous[1] == first or not select_data(self.class_b, previous[1]):
                select_data(self.class_b, next(label for label in labels if label != first))
        self.classes_row.setVisible(many)
        self.classes_caption.setVisible(many)

    def _labels(self):
        """Distinct labels of the chosen label column, or None."""
        columns = [box.currentData() for box in (self.label_column, self.x_column, self.y_column)]
        if self._table is None or None in columns:
            return None
        return label_values(self._table, *columns)

    def chosen_classes(self):
        """The two classes chosen (a tuple for ``dataset_from_file``), or None when the label
        column has just two."""
        return self._classes()

    def _classes(self):
        if not self.classes_row.isVisibleTo(self):
            return None
        return (self.class_a.currentData(), self.class_b.currentData())

    # -- the result -----------------------------------------------------------------------

    def _evaluate(self, *_):
        """Make the dataset of the current choice, or show why it cannot be made."""
        if self._table is None:
            return
        labels = self._labels()
        if labels is not None and len(labels) > MAX_LISTED_LABELS:
            name = self._table.columns[self.label_column.currentData()]
            self._fail(f"the label column {name!r} has {len(labels):,} different values; "
                       "choose the column that holds the class labels")
            return
        try:
            self._dataset, self._dropped = to_dataset(
                self._table, self.x_column.currentData(), self.y_column.currentData(),
                self.label_column.currentData(), self._classes())
        except TableError as error:
            self._fail(error)
            return
        self.error_label.clear()
        self.error_label.hide()
        self.dropped_label.setText(self._dropped_text())
        self.dropped_label.show()
        self.ok_button.setEnabled(True)

    def _dropped_text(self):
        dataset, dropped = self._dataset, self._dropped
        counts = [int((dataset.y == label).sum()) for label in (0, 1)]
        parts = [f"{dataset.n_samples:,} points: {counts[0]:,} {dataset.class_names[0]!r}, "
                 f"{counts[1]:,} {dataset.class_names[1]!r}."]
        if len(dropped):
            parts.append(self._short(dropped.summary()) + ".")
        if dropped.n_other_classes:
            parts.append(f"{dropped.n_other_classes:,} rows of other classes left out.")
        return " ".join(parts)

    def _short(self, message):
        """A message with the file's full path shortened to its name."""
        return str(message).replace(str(self._path), self._path.name)

    def _fail(self, error):
        self._dataset = self._dropped = None
        self.dropped_label.clear()
        self.dropped_label.hide()
        self.error_label.setText(self._short(error))
        self.error_label.show()
        self.ok_button.setEnabled(False)

    def accept(self):
        """Close with the dataset, unless the current choice cannot make one."""
        if self._dataset is not None:
            super().accept()
