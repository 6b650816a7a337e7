"""The window's file dialogs and messages."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox


def file_to_open(parent, folder):
    """The CSV file the user picks (str), or '' when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, "Open points", str(folder),
                                          "CSV files (*.csv);;All files (*)")
    return path


def file_to_save(parent):
    """The file name the user gives for the points (str), or '' when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, "Save points", "points.csv",
                                          "CSV files (*.csv)")
    return path


def show_error(parent, title, text):
    """A window-modal error message that does not block (training and tests carry on)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("error_box")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
