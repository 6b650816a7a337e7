"""The window's file dialogs and messages."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from logreg_gui.core.data import write_csv
from logreg_gui.core.io import SESSION_SUFFIX

OPEN_FILTERS = ("Tables and sessions (*.csv *.tsv *.txt *.dat *.xlsx *.xlsm *.logreg.json);;"
                "Tables (*.csv *.tsv *.txt *.dat *.xlsx *.xlsm);;"
                f"Sessions (*{SESSION_SUFFIX});;All files (*)")


def file_to_open(parent, folder, title="Open", filters=OPEN_FILTERS):
    """The file the user picks (str), or '' when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
    return path


def file_to_save(parent, title="Save points", name="points.csv", filters="CSV files (*.csv)"):
    """The file name the user gives (str), or '' when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, name, filters)
    return path


def with_suffix(path, suffix):
    """`path` (str) with `suffix` added when it has none (a session's is '.logreg.json')."""
    if suffix == SESSION_SUFFIX:
        return path if path.endswith(SESSION_SUFFIX) else f"{path}{SESSION_SUFFIX}"
    return path if Path(path).suffix else f"{path}{suffix}"


def show_error(parent, title, text):
    """A window-modal error message that does not block (training and tests carry on)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("error_box")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def open_any(window, folder):
    """Ask for a table or a session file and open it in `window` (a MainWindow)."""
    path = file_to_open(window, folder)
    if path:
        window.open_file(path)


def open_session(window):
    """Ask for a session file and open it in `window`."""
    path = file_to_open(window, "", "Open session", f"Sessions (*{SESSION_SUFFIX})")
    if path:
        window.open_session(path)


def save_session(window):
    """Ask for a file name (".logreg.json" added when missing) and save the session there."""
    path = file_to_save(window, "Save session", f"lesson{SESSION_SUFFIX}",
                        f"Sessions (*{SESSION_SUFFIX})")
    if not path:
        return
    path = with_suffix(path, SESSION_SUFFIX)
    try:
        window.save_session(path)
    except OSError as error:
        show_error(window, "Cannot save the session", f"{path}: {error.strerror or error}")


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
    path = with_suffix(path, ".csv")
    try:
        write_csv(path, dataset)
    except OSError as error:
        show_error(window, "Cannot save points", f"{path}: {error.strerror or error}")
        return
    window.points.saved(path)
