"""Grabbing the decision boundary in the data plot: drag it to move it, or turn it about its
midpoint (degree 1)."""

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QPainterPath, QPolygonF

from logreg_gui.core.geometry import boundary_segment, shifted_boundary, turned_boundary
from logreg_gui.core.metrics import logit

BAND_PX = 8  # a press this close to the line grabs it
HANDLE_AT = 0.6  # turn handles sit this fraction of the half-segment from the midpoint
HANDLE_PX = 11
TURN_MIN_PX = 12  # a turn needs the pointer this far from the pivot
MODIFIERS = Qt.KeyboardModifier


class BoundaryHandle(pg.GraphicsObject):
    """An invisible band along the boundary w·x + b = logit(τ) of a data plot that takes left
    drags: along the line it moves the line (parallel); from one of the two round handles, or
    with Shift held, it turns the line about its midpoint (the square), keeping ‖w‖. Hovering
    the line shows the handles. A press on a point, or with Ctrl, is left to the plot (drag the
    point, select a rectangle); clicks are never taken (a click on the line still adds a point).

    Parameters
    ----------
    plot : logreg_gui.qt.plots.data.DataPlot
        Needs ``point_at(scene_pos) → bool``.

    Signals
    -------
    boundary_requested(object, float)
        The model (coef of shape (2,), intercept; original units) whose τ-line lies where the
        user has dragged it, at every move of a drag.
    """

    boundary_requested = Signal(object, float)

    def __init__(self, plot):
        super().__init__()
        self._plot = plot
        self._model = self._segment = self._drag = None
        self._offset = 0.0
        self._band = QPainterPath()
        self._handles = pg.ScatterPlotItem(size=HANDLE_PX, brush=pg.mkBrush(255, 255, 255, 230),
                                           pen=pg.mkPen("#222222", width=1.5))
        self._handles.setZValue(21)
        self._handles.setVisible(False)
        self.setZValue(20)
        plot.addItem(self)
        plot.add_named("boundary_handles", self._handles)
        plot.getViewBox().sigRangeChanged.connect(self._place)
        plot.getViewBox().sigResized.connect(self._place)

    def show_frame(self, frame):
        """Follow a :class:`~logreg_gui.core.frame.Frame`'s boundary at its threshold τ."""
        model = frame.model
        self._model = ((np.array(model.coef_, dtype=np.float64), float(model.intercept_))
                       if model.is_planar else None)
        self._offset = logit(frame.view.threshold)
        self._place()

    @property
    def handles(self):
        """Data coordinates of the pivot and the two turn handles, shape (3, 2), or None
        without a boundary in view."""
        if self._segment is None:
            return None
        middle = self._segment.mean(axis=0)
        half = (self._segment[1] - self._segment[0]) / 2
        return np.array([middle, middle - HANDLE_AT * half, middle + HANDLE_AT * half])

    def _place(self, *_):
        """The band and handles along the boundary's visible segment."""
        self.prepareGeometryChange()
        self._band = QPainterPath()
        self._segment = None
        if self._model is not None:
            (x0, x1), (y0, y1) = self._plot.viewRange()
            coef, intercept = self._model
            self._segment = boundary_segment(coef, intercept - self._offset, (x0, x1), (y0, y1))
        if self._segment is not None:
            self._band.addPolygon(self._band_polygon())
            # While turning, only the pivot (fixed for the drag) is marked.
            handles = self.handles if self._drag is None else self._drag[3][np.newaxis]
            self._handles.setData(handles[:, 0], handles[:, 1],
                                  symbol=["s", "o", "o"][:len(handles)])
        self._handles.setVisible(self._handles.isVisible() and self._segment is not None)
        self.update()

    def _band_polygon(self):
        """The segment widened by BAND_PX pixels on each side, in item coordinates."""
        start, end = (self._to_scene(point) for point in self._segment)
        along = end - start
        length = math.hypot(along.x(), along.y()) or 1.0
        normal = QPointF(-along.y(), along.x()) * (BAND_PX / length)
        corners = [start + normal, end + normal, end - normal, start - normal]
        view_box = self._plot.getViewBox()
        return QPolygonF([view_box.mapSceneToView(corner) for corner in corners])

    def _to_scene(self, point):
        return self._plot.getViewBox().mapViewToScene(QPointF(*point))

    def boundingRect(self):  # noqa: N802  (Qt's name)
        """The band's bounds (item coordinates)."""
        return self._band.boundingRect()

    def shape(self):
        """The band: only presses and hovers near the line reach this item."""
        return self._band

    def paint(self, painter, *args):
        """Nothing: the plot draws the boundary itself."""

    def hoverEvent(self, ev):  # noqa: N802  (pyqtgraph's name)
        """Show the handles and a cursor saying what a drag would do."""
        if self._drag is not None:
            return
        if ev.isExit() or self._segment is None:
            self._handles.setVisible(False)
            self.unsetCursor()
            return
        self._handles.setVisible(True)
        turning = self._on_handle(ev.scenePos()) or ev.modifiers() & MODIFIERS.ShiftModifier
        self.setCursor(Qt.CursorShape.CrossCursor if turning else Qt.CursorShape.SizeAllCursor)

    def _on_handle(self, scene_pos):
        handles = self.handles
        for handle in handles[1:] if handles is not None else []:
            offset = self._to_scene(handle) - scene_pos
            if math.hypot(offset.x(), offset.y()) <= HANDLE_PX:
                return True
        return False

    def mouseDragEvent(self, ev):  # noqa: N802  (pyqtgraph's name)
        """Move or turn the boundary, asking for each new model."""
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            self._drag = self._start(ev)
        if self._drag is None:
            ev.ignore()
            return
        ev.accept()
        requested = self._dragged_model(self._view(ev.scenePos()))
        if requested is not None:
            self.boundary_requested.emit(*requested)
        if ev.isFinish():
            self._drag = None
            self._place()

    def _start(self, ev):
        """(coef, intercept, press, pivot, turning) of a new drag, or None to leave it."""
        press = ev.buttonDownScenePos()
        if (self._segment is None or ev.modifiers() & MODIFIERS.ControlModifier
                or self._plot.point_at(press)):
            return None
        coef, intercept = self._model
        turning = bool(self._on_handle(press) or ev.modifiers() & MODIFIERS.ShiftModifier)
        return coef, intercept, self._view(press), self.handles[0], turning

    def _view(self, scene_pos):
        point = self._plot.getViewBox().mapSceneToView(scene_pos)
        return np.array([point.x(), point.y()])

    def _dragged_model(self, pointer):
        """The requested (coef, intercept), or None while the pointer sits on the pivot."""
        coef, intercept, press, pivot, turning = self._drag
        if not turning:
            return shifted_boundary(coef, intercept, pointer - press)
        if math.hypot(*(self._to_scene(pointer) - self._to_scene(pivot)).toTuple()) \
                < TURN_MIN_PX:
            return None
        wanted = pointer - pivot  # the line through the pivot and the pointer
        angle = math.atan2(wanted[1], wanted[0]) - math.atan2(coef[0], -coef[1])
        angle = (angle + math.pi / 2) % math.pi - math.pi / 2  # w keeps pointing the same way
        return turned_boundary(coef, intercept, pivot, angle)
