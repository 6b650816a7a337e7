"""The loss landscape: J over (w1, w2) with b held, the trajectory, and the step −∇J."""

import itertools
import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QTransform

from logreg_gui.core.landscape import SAMPLE_LIMIT, LandscapeRequest
from logreg_gui.qt.plots.loss import RUN_COLORS
from logreg_gui.qt.plots.step_arrows import StepArrows
from logreg_gui.qt.plots.style import StyledPlot

GRID_POINTS = 41
_TOKENS = itertools.count(1)
CONTOUR_LEVELS = 12
MIN_HALF_WIDTH = 1.0
REFRESH_SECONDS = 1.0
GRID_SHARE = 0.1  # while b drifts, grids take at most this share of the training process's time


class LandscapePlot(StyledPlot):
    """Heat map and contours of J(w1, w2) at the current b, with the path of (w1, w2) so far,
    the current point and an arrow along −∇J (degree 1; trained units).

    The grid is computed by the worker (it holds the training data) when asked through
    :attr:`landscape_requested`: when the path leaves the grid, or b has moved since the grid
    was made (at most one request at a time).

    A left click (not a pan) asks to move θ there (:attr:`theta_requested`); the update at θ
    is taken apart by :class:`~logreg_gui.qt.plots.step_arrows.StepArrows` (:attr:`steps`).

    Signals
    -------
    landscape_requested(object)
        A :class:`LandscapeRequest`.
    theta_requested(float, float)
        (w1, w2) clicked, trained units (b stays).
    """

    landscape_requested = Signal(object)
    theta_requested = Signal(float, float)

    def __init__(self, parent=None):
        super().__init__("landscape_plot", "w1 (trained units)", "w2 (trained units)", parent)
        self._image = pg.ImageItem()
        self._image.setColorMap(pg.colormap.get("viridis"))
        self._image.setZValue(-10)
        self.addItem(self._image)
        self._contours = [pg.IsocurveItem(pen=pg.mkPen(255, 255, 255, 110))
                          for _ in range(CONTOUR_LEVELS)]
        self._path = pg.PlotCurveItem(pen=pg.mkPen("#D55E00", width=2))
        self._run_paths = [self.add_named(f"run_{index}", pg.PlotCurveItem(
            pen=pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine)))
            for index, color in enumerate(RUN_COLORS)]
        self._point = pg.ScatterPlotItem(size=11, brush=pg.mkBrush("#D55E00"),
                                         pen=pg.mkPen("w", width=1.5))
        self._arrow_line = pg.PlotCurveItem(pen=pg.mkPen("w", width=2))
        self._arrow_head = pg.ArrowItem(angle=0, headLen=12, brush="w", pen=None)
        for item in [*self._contours, self._arrow_head]:
            self.addItem(item)
        self.add_named("arrow", self._arrow_line)
        self.add_named("path", self._path)
        self.add_named("point", self._point)
        self._note = self.add_named("note", pg.TextItem(color="k", anchor=(0, 0),
                                                        fill=pg.mkBrush(255, 255, 255, 190)))
        self.getViewBox().sigResized.connect(self._place_note)
        # Equal scales, so that −∇J is seen at right angles to the contours.
        self.setAspectLocked(True)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self._last_state = None
        self._grid_request = self._pending = None
        self._in_flight = False
        self._requested_at = -math.inf
        self._grid_seconds = 0.0  # how long the last grid took to arrive
        self._shown = None
        self._dataset = self._problem = None
        self._n_train = 0
        self._largest_gradient = 0.0  # the arrow's length is ‖∇J‖ relative to this
        self._stopped = False
        self.grid = None
        self.steps = StepArrows(self)
        self.getViewBox().sigRangeChanged.connect(self._on_range_changed)
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.setToolTip("Click to move θ there (b stays); drag to pan, wheel to zoom")

    def show_frame(self, frame):
        """Draw a :class:`~logreg_gui.core.frame.Frame`'s (w1, w2) path, its point θ and −∇J
        (scaled to ‖∇J‖, hidden once converged); ask for a new grid when needed (new data or
        objective, the path left the grid, b moved), wide enough to include the optimum θ*."""
        if not frame.model.is_planar:  # more than two weights: no 2-D landscape
            self._show_unavailable()
            return
        options = frame.options
        problem = (options.l2, options.loss, options.standardize)
        if frame.dataset is not self._dataset or problem != self._problem:
            self.forget_grid()  # J over the old data or objective would mislead
            self._n_train = int(np.count_nonzero(~frame.dataset.test_mask))
        if len(frame.path) < 2:
            self._largest_gradient = 0.0  # a new run
        self._dataset, self._problem = frame.dataset, problem
        self._stopped = frame.live and frame.snapshot.status == "converged"
        optimum = frame.optimum
        target = optimum.theta if optimum is not None and optimum.theta is not None else None
        runs = self._show_runs(frame)
        self._show_state(frame.path[:, :2], frame.entry.theta, frame.gradient, target, runs)
        self.steps.show_frame(frame)

    def _show_runs(self, frame):
        """Draw the comparison runs' paths (same start, their colours); returns their points,
        shape (k, 2), which the grid must cover too."""
        points = [np.empty((0, 2))]
        for index, curve in enumerate(self._run_paths):
            path = (frame.timeline.path(frame.entry.iteration, run=index)[:, :2]
                    if index < len(frame.snapshot.runs) else np.empty((0, 2)))
            path = path[np.isfinite(path).all(axis=1)]
            curve.setData(path[:, 0], path[:, 1])
            points.append(path)
        return np.vstack(points)

    def _show_state(self, path, theta, gradient, optimum, runs):
        self._path.setData(path[:, 0], path[:, 1])
        self._point.setData([theta[0]], [theta[1]])
        self._shown = (theta, gradient)
        self._draw_arrow(theta, gradient)
        path = np.vstack([path, runs] + ([optimum[None, :2]] if optimum is not None else []))
        self._last_state = (path, theta)
        if self._needs_grid(path, theta):
            self._request(path, theta)

    def forget_grid(self):
        """Drop the grid and its picture: the next frame asks for a fresh one."""
        self._grid_request = self.grid = None
        self._in_flight = False
        self._image.clear()
        for contour in self._contours:
            contour.setData(None)
        self._show_note("computing the landscape…")

    def set_landscape(self, result):
        """Show a computed (request, grid of shape (rows, columns)) if this plot asked for it."""
        request, grid = result
        if self._pending is None or request.token != self._pending.token:
            return  # an answer to someone else's request, or to one made before a reset
        self._in_flight = False
        self._grid_seconds = time.monotonic() - self._requested_at
        self._grid_request, self.grid = request, grid
        if self._last_state is not None and self._needs_grid(*self._last_state):
            self._refresh_timer.start(0)  # the state moved on meanwhile: catch up
        w1, w2 = request.w1_values, request.w2_values
        dx, dy = w1[1] - w1[0], w2[1] - w2[0]
        finite = grid[np.isfinite(grid)]
        if finite.size == 0:
            self._show_note("no landscape: no training points")
            return
        # Log-spaced shading and contours: the interesting valley floor is flat in linear terms.
        shade = np.log(grid - finite.min() + 1e-4 * (np.ptp(finite) + 1e-300))
        self._image.setImage(shade, autoLevels=True)
        self._image.setRect(QRectF(w1[0] - dx / 2, w2[0] - dy / 2, dx * len(w1), dy * len(w2)))
        levels = np.quantile(shade[np.isfinite(shade)], np.linspace(0.05, 0.95, CONTOUR_LEVELS))
        transform = QTransform(dx, 0, 0, dy, w1[0], w2[0])
        for contour, level in zip(self._contours, levels, strict=True):
            contour.setTransform(transform)
            contour.setData(shade, level=level)
        self.setRange(xRange=(w1[0], w1[-1]), yRange=(w2[0], w2[-1]), padding=0)
        sample = (f"; J over a random {SAMPLE_LIMIT:,} of the {self._n_train:,} training "
                  "points" if self._n_train > SAMPLE_LIMIT else "")
        self._show_note(f"b = {request.intercept:.4g} held fixed; arrow: −∇J, length ∝ ‖∇J‖"
                        f"{sample}")
        if self._shown is not None:
            self._draw_arrow(*self._shown)  # its length follows the new range

    def _show_unavailable(self):
        self._last_state = None
        self._path.setData([], [])
        for curve in self._run_paths:
            curve.setData([], [])
        self._point.setData([], [])
        self._hide_arrow()
        self.steps.clear()
        self.forget_grid()
        self._dataset = None
        self._show_note("The landscape needs degree 1: with more than two weights J has no "
                        "2-D picture.")

    def _show_note(self, text):
        self._note.setText(text)
        self._place_note()

    def _on_range_changed(self, *_):
        self._place_note()
        self.steps.draw()

    def _place_note(self, *_):
        """The note in the top left corner, wrapped to the plot's width."""
        (x0, _), (_, y1) = self.viewRange()
        self._note.setTextWidth(max(120.0, self.getViewBox().width() - 8))
        self._note.setPos(x0, y1)

    def _hide_arrow(self):
        self._arrow_line.setData([], [])
        self._arrow_head.setVisible(False)

    def _draw_arrow(self, theta, gradient):
        step = -np.asarray(gradient[:2], dtype=np.float64)
        norm = np.hypot(*step)
        if not np.isfinite(norm) or norm == 0 or self._stopped:
            self._hide_arrow()
            return
        self._largest_gradient = max(self._largest_gradient, norm)
        (x0, x1), _ = self.viewRange()
        length = 0.25 * (x1 - x0) * norm / self._largest_gradient
        tip = theta[:2] + step / norm * length
        self._arrow_line.setData([theta[0], tip[0]], [theta[1], tip[1]])
        self._arrow_head.setVisible(True)
        self._arrow_head.setPos(*tip)
        self._arrow_head.setStyle(angle=180 - np.degrees(np.arctan2(step[1], step[0])))

    def _on_scene_clicked(self, event):
        view_box = self.getViewBox()
        if (event.button() != Qt.MouseButton.LeftButton or event.double() or event.isAccepted()
                or self._last_state is None or self.steps.legend_covers(event.scenePos())
                or not view_box.sceneBoundingRect().contains(event.scenePos())):
            return  # not a plain click on the map (a legend entry toggles its arrow)
        point = view_box.mapSceneToView(event.scenePos())
        self.theta_requested.emit(point.x(), point.y())

    def _needs_grid(self, path, theta):
        if self._in_flight or not self.isVisible():
            return False
        request = self._grid_request
        if request is None:
            return True
        w1, w2 = request.w1_values, request.w2_values
        inside = (w1[0] <= path[:, 0].min() and path[:, 0].max() <= w1[-1]
                  and w2[0] <= path[:, 1].min() and path[:, 1].max() <= w2[-1])
        b_moved = abs(theta[2] - request.intercept) > 0.02 * (abs(request.intercept) + 0.5)
        # While b drifts, refresh at most once a second, and less often when grids are slow
        # (a grid costs n × 1681 evaluations: 100 000 points and more would keep the training
        # process busy with grids); a timer gives the last state its grid once training stops.
        interval = max(REFRESH_SECONDS, self._grid_seconds / GRID_SHARE)
        wait = interval - (time.monotonic() - self._requested_at)
        if b_moved and inside and wait > 0:
            if not self._refresh_timer.isActive():
                self._refresh_timer.start(int(wait * 1000) + 1)
            return False
        return not inside or b_moved

    def _on_refresh_timer_timeout(self):
        if self._last_state is not None and self._needs_grid(*self._last_state):
            self._request(*self._last_state)

    def _request(self, path, theta):
        points = np.vstack([path, theta[:2]])
        centre = (points.min(axis=0) + points.max(axis=0)) / 2
        half = max(MIN_HALF_WIDTH, 0.75 * float(np.max(points.max(axis=0) - points.min(axis=0))))
        values = np.linspace(-half, half, GRID_POINTS)
        self._in_flight = True
        self._requested_at = time.monotonic()
        self._pending = LandscapeRequest(centre[0] + values, centre[1] + values, float(theta[2]),
                                         next(_TOKENS))
        # The view takes the grid's extent now rather than following the path every frame
        # while the grid is computed: axes re-laid out per frame cost more than the frame.
        self.setRange(xRange=(centre[0] - half, centre[0] + half),
                      yRange=(centre[1] - half, centre[1] + half), padding=0)
        self.landscape_requested.emit(self._pending)
