"""Render the main window (or one panel) to a PNG without a user (works with
QT_QPA_PLATFORM=offscreen)."""

import time

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from .gui import application

SETTLE_SECONDS = 3.0


def render_window(path, dataset, trainer, snapshot, source, panel="window"):
    """Build the window on `dataset`, show `snapshot` and save a grab of it (or of one panel:
    ``data``, ``sigmoid``, ``loss``, ``landscape``, ``formulas``, ``metrics``, ``controls``) to
    `path`.

    Raises
    ------
    OSError
        If the image cannot be written.
    """
    application()
    from .main_window import MainWindow

    window = MainWindow(dataset, trainer.options, source, remember=False)  # reproducible
    try:
        window.show()
        _process_until(lambda: window.latest_snapshot is not None)  # the worker's first frame
        window.show_snapshot(snapshot)
        landscape = window.teaching.landscape
        _process_until(lambda: landscape.grid is not None or snapshot.options.degree != 1)
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
