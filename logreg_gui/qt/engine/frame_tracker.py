"""Tells when every visible plot has painted the latest frame."""

from PySide6.QtCore import QEvent, QObject, QTimer, Signal


class FrameTracker(QObject):
    """Watches widgets' paint events; after :meth:`expect_frame`, emits :attr:`frame_painted`
    once each of them that is visible has painted (right after the last paint returns).

    Parameters
    ----------
    widgets : list of QWidget
        The widgets that show a frame (the plots' viewports).
    parent : QObject, optional
    on_screen : callable (QWidget) → bool, optional
        Whether a widget can be seen now (default: it is visible). A plot in a dock tab behind
        another is "visible" to Qt but never paints: the window tells.
    """

    frame_painted = Signal()

    def __init__(self, widgets, parent=None, on_screen=None):
        super().__init__(parent)
        self._on_screen = on_screen or (lambda widget: widget.isVisible())
        self._widgets = list(widgets)
        self._waiting = set()
        self._frame = 0  # so a confirmation scheduled for an older frame is ignored
        for widget in self._widgets:
            widget.installEventFilter(self)

    def expect_frame(self):
        """Start waiting for the visible widgets to paint (emits at once if none is visible)."""
        self._frame += 1
        self._waiting = {widget for widget in self._widgets if self._on_screen(widget)}
        if not self._waiting:
            self.frame_painted.emit()

    def eventFilter(self, watched, event):
        """Note paints of watched widgets; never consumes the event."""
        if event.type() == QEvent.Type.Paint and watched in self._waiting:
            self._waiting.discard(watched)
            if not self._waiting:
                frame = self._frame
                # After this paint finishes; dropped if the tracker is deleted meanwhile.
                QTimer.singleShot(0, self, lambda: self._confirm(frame))
        return False

    def _confirm(self, frame):
        if frame == self._frame:
            self.frame_painted.emit()
