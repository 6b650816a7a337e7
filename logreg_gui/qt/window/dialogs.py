"""The window's file dialogs and messages."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from logreg_gui.core.data import write_csv


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


def open_points(window, folder):
    """Ask for a CSV file and open it in `window` (a MainWindow)."""
    path = file_to_open(window, folder)
    if path:
        window.open_csv(path)


def save_points(window, dataset):
    """Ask for a file name (".csv" added when it has no suffix) and save the points there; say
    why when they cannot be saved."""
    path = file_to_save(window)
    if not path:
        return
    if len(set(dataset.y.tolist())) < 2:
        show_error(window, "Cannot save points", "Add points of both classes first: a file with "
                   "one class cannot be opened again.")
        return
    path = path if Path(path).suffix else f"{path}.csv"
    try:
        write_csv(path, dataset)
    except OSError as error:
        show_error(window, "Cannot save points", f"{path}: {error.strerror or error}")
        return
    window.points.saved(path)
