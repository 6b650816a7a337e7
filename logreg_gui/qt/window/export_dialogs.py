"""File > Export: ask where, write, and say what went wrong; a progress bar for animations."""

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from logreg_gui.core.io.animation_file import mp4_available
from logreg_gui.core.io.python_file import write_python_script
from logreg_gui.qt.window import exports
from logreg_gui.qt.window.dialogs import file_to_save, show_error, with_suffix

PICTURES = "PNG picture (*.png);;SVG drawing (*.svg)"


def _write(window, title, name, filters, write):
    """Ask for a file name (the first filter's suffix added when it has none), then
    ``write(path)``; errors become a message."""
    path = file_to_save(window, title, name, filters)
    if not path:
        return None
    path = with_suffix(path, filters.split("*", 1)[1].split(")", 1)[0])
    try:
        write(path)
    except (OSError, ValueError) as error:
        show_error(window, f"Cannot {title[0].lower()}{title[1:]}",
                   f"{path}: {getattr(error, 'strerror', None) or error}")
        return None
    window.statusBar().showMessage(f"Wrote {path}", 6000)
    return path


def export_picture(window, name):
    """Ask for a PNG or SVG file and picture a panel there (`name` as in ``panel_widget``)."""
    widget = window.panel_widget(name)
    return _write(window, f"Export the {name} as a picture", f"{name}.png", PICTURES,
                  partial(exports.export_picture, widget))


def export_history(window):
    """Ask for a CSV file and write the loss history there."""
    return _write(window, "Export the loss history", "history.csv", "CSV files (*.csv)",
                  partial(exports.export_history, window))


def export_model(window):
    """Ask for a JSON file and write the model shown there (for scikit-learn)."""
    return _write(window, "Export the model", "model.json", "JSON files (*.json)",
                  partial(exports.export_model, window))


def export_python(window):
    """Ask for a .py file and write there a scikit-learn script fitting the model to the
    points (their file when it still gives exactly them, else a CSV written beside)."""
    written = []

    def write(path):
        written.extend(write_python_script(
            path, window.points.dataset, window.training_options(), window.data_file,
            window.points.test_fraction, window.controls.value("random_state")))

    path = _write(window, "Export a Python script", "fit_logreg.py", "Python script (*.py)",
                  write)
    if len(written) > 1:
        window.statusBar().showMessage(f"Wrote {written[0]} and the training points to "
                                       f"{written[1]}", 6000)
    return path


def export_animation(window, name="data"):
    """Ask for a GIF (or MP4) file and write an animation of the run of a panel there, with a
    progress bar that can cancel it."""
    filters = "Animated GIF (*.gif)" + (";;MP4 video (*.mp4)" if mp4_available() else "")
    progress = QProgressDialog("Drawing the frames…", "Cancel", 0, 1, window)
    progress.setObjectName("animation_progress")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)

    def report(done, total):
        progress.setMaximum(total)
        progress.setValue(done)
        return not progress.wasCanceled()

    def write(path):
        if not exports.export_animation(window, window.panel_widget(name), path, report):
            raise ValueError("cancelled; nothing was written")

    try:
        return _write(window, "Export an animation of the run", f"{name}.gif", filters, write)
    finally:
        progress.close()
        progress.deleteLater()


def picture_menu_actions(window, menu, name):
    """Add 'Export as picture…' to a plot's own context menu (`name`: its panel name)."""
    action = menu.addAction("Export as picture (PNG, SVG)…")
    action.triggered.connect(lambda: export_picture(window, name))
    return action
