"""The import dialog's parts: the preview table's model and combo-box helpers."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QLabel


class PreviewModel(QAbstractTableModel):
    """Read-only model of a table's first rows: cells as written, the file's line numbers as
    row headers."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows, self._columns, self._lines = [], [], []

    def set_preview(self, frame=None, lines=()):
        """Show `frame` (pandas DataFrame of str, its columns the names) with `lines` (int
        sequence, one per row) as row headers; None: nothing."""
        self.beginResetModel()
        if frame is None:
            self._rows, self._columns, self._lines = [], [], []
        else:
            self._rows = frame.to_numpy(dtype=object).tolist()
            self._columns, self._lines = list(frame.columns), list(lines)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802  (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self._rows[index.row()][index.column()]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return f"{section}: {self._columns[section]}"
        return str(self._lines[section])


def named_combo(name, items, tip):
    """A QComboBox named `name` with (text, data) items."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setToolTip(tip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def select_data(combo, data):
    """Select the item whose data is `data` (signals blocked); False if there is none."""
    index = combo.findData(data)
    if index < 0:
        return False
    with QSignalBlocker(combo):
        combo.setCurrentIndex(index)
    return True


def buddy_label(text, widget):
    """A label for `widget` ('Text:' unless `text` has a mnemonic '&')."""
    label = QLabel(text if "&" in text else f"{text}:")
    label.setBuddy(widget)
    return label


def message_label(name, style):
    """A selectable, word-wrapped QLabel named `name` with a style sheet."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
