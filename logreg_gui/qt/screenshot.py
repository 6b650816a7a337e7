"""Render the main window to a PNG without an event loop (works with QT_QPA_PLATFORM=offscreen)."""

from PySide6.QtWidgets import QApplication

from .gui import application


def render_window(path, dataset, trainer, snapshot, source):
    """Build the window on `dataset`, show `snapshot` and save a grab of it to `path`.

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
        QApplication.processEvents()
        window.show_snapshot(snapshot)
        QApplication.processEvents()
        if not window.grab().save(str(path)):
            raise OSError(0, "the image could not be saved", str(path))
    finally:
        window.close()
