"""Editing points with the mouse: a view box whose left drags move points or draw a selection
rectangle, and the rings that mark the selected points."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt

SELECTION_PEN = pg.mkPen("#CC79A7", width=2.5)  # Okabe–Ito reddish purple: apart from both classes
MODIFIERS = Qt.KeyboardModifier


class EditingViewBox(pg.ViewBox):
    """A ViewBox that offers each left drag to its owner first.

    A drag that starts on a point (``grab(scene_pos)`` returns True) moves it: every step calls
    ``moved(dx, dy, finished)`` with the offset in data units since the previous step. A drag
    with Ctrl held draws a rectangle and calls ``boxed(rect, extend)`` with the rectangle in data
    units when released (`extend`: Shift was held too). Other drags pan, as in any ViewBox.

    Parameters
    ----------
    grab, moved, boxed : callable
        The owner's handlers (see above).
    """

    def __init__(self, grab, moved, boxed):
        super().__init__()
        self._grab, self._moved, self._boxed = grab, moved, boxed
        self._mode = None  # "move", "box" or None (pan) during a drag
        self._last = None

    def mouseDragEvent(self, ev, axis=None):  # noqa: N802  (pyqtgraph's name)
        """Move points, draw a selection rectangle, or pan."""
        if ev.button() != Qt.MouseButton.LeftButton or axis is not None:
            super().mouseDragEvent(ev, axis)
            return
        if ev.isStart():
            self._mode = self._start_mode(ev)
        if self._mode is None:
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        if self._mode == "move":
            self._drag_points(ev)
        else:
            self._drag_box(ev)
        if ev.isFinish():
            self._mode = None

    def _start_mode(self, ev):
        if ev.modifiers() & MODIFIERS.ControlModifier:
            return "box"
        if self._grab(ev.buttonDownScenePos()):
            self._last = self.mapSceneToView(ev.buttonDownScenePos())
            return "move"
        return None

    def _drag_points(self, ev):
        position = self.mapSceneToView(ev.scenePos())
        offset = position - self._last
        self._last = position
        self._moved(offset.x(), offset.y(), ev.isFinish())

    def _drag_box(self, ev):
        if not ev.isFinish():
            self.updateScaleBox(ev.buttonDownPos(), ev.pos())  # the zoom rectangle, reused
            return
        self.rbScaleBox.hide()
        rect = QRectF(ev.buttonDownPos(), ev.pos()).normalized()
        extend = bool(ev.modifiers() & MODIFIERS.ShiftModifier)
        self._boxed(self.childGroup.mapRectFromParent(rect), extend)


def inside(X, rect):
    """Indices of the rows of `X` (shape (n, 2)) inside a QRectF in data units (int64)."""
    return np.flatnonzero((X[:, 0] >= rect.left()) & (X[:, 0] <= rect.right())
                          & (X[:, 1] >= rect.top()) & (X[:, 1] <= rect.bottom()))


def selection_style():
    """Keyword arguments of the scatter of rings around the selected points."""
    return {"symbol": "s", "size": 17, "brush": None, "pen": SELECTION_PEN}
