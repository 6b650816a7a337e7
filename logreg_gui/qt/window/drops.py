"""Files dropped onto the window open: a session at once, a table through the import dialog."""

from PySide6.QtCore import QEvent, QObject


def _local_path(event):
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [url.toLocalFile() for url in urls if url.isLocalFile()]
    return paths[0] if len(paths) == 1 else None


class FileDrops(QObject):
    """Accepts one local file dropped onto `window` and opens it with ``window.open_file``.

    Parameters
    ----------
    window : MainWindow
    """

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802  (Qt's name)
        """Accept a drag of one local file; open it when dropped."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and _local_path(event):
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop and _local_path(event):
            event.acceptProposedAction()
            self._window.open_file(_local_path(event))
            return True
        return super().eventFilter(watched, event)
