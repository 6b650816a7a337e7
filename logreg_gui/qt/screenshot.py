"""Render the main window (or one panel) to a PNG without a user (works with
QT_QPA_PLATFORM=offscreen)."""

import time
from dataclasses import replace

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from .gui import application

SETTLE_SECONDS = 3.0


def render_window(path, dataset, options, snapshots, source, panel="window", view=None):
    """Build the window on `dataset`, show `snapshots` in order and save a grab of it (or of one
    panel: ``data``, ``sigmoid``, ``loss``, ``landscape``, ``formulas``, ``metrics``,
    ``controls``) to `path`.

    Parameters
    ----------
    view : dict, optional
        ``threshold`` (τ) and ``show`` (names of data-plot overlays to switch on).

    Raises
    ------
    OSError
        If the image cannot be written.
    """
    application()
    from .main_window import MainWindow

    view = view or {}
    window = MainWindow(dataset, options, source, remember=False)  # reproducible
    try:
        window.show()
        _process_until(lambda: window.latest_snapshot is not None)  # the worker's first frame
        window.controls.threshold.setValue(view.get("threshold", 0.5))
        for name in view.get("show", ()):
            window.controls.view_boxes[name].setChecked(True)
        for snapshot in snapshots:
            window.show_snapshot(snapshot)
        landscape = window.teaching.landscape
        if options.degree == 1:  # a fresh grid at the final b (requests are rate-limited)
            landscape.forget_grid()
            window.show_snapshot(replace(snapshots[-1], losses=snapshots[-1].losses[:0],
                                         new_history=False))
            _process_until(lambda: landscape.grid is not None)
        if not window.panel_widget(panel).grab().save(str(path)):
            raise OSError(0, "the image could not be saved", str(path))
    finally:
        window.close()


def _process_until(condition):
    """Handle events until `condition()` holds (or SETTLE_SECONDS pass), then repaint."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    QApplication.processEvents()
