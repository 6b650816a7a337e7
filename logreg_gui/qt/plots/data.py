"""The data plane: points, decision boundary and P(y=1|x) shading with a colour bar."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsItem

from logreg_gui.core.geometry import boundary_segment, probability_grid
from logreg_gui.core.loss import CROSS_ENTROPY
from logreg_gui.core.metrics import logit
from logreg_gui.core.model import LogisticModel
from logreg_gui.qt.plots.editing import EditingViewBox, inside, selection_style
from logreg_gui.qt.plots.influence import InfluenceOverlay
from logreg_gui.qt.plots.overlays import (HOVER_RADIUS_PX, PICK_RADIUS_PX, BoundaryTrail,
                                          ProbabilityContours, WeightArrow,
                                          misclassified_ring_style, nearest_drawn,
                                          point_description, predicted_brushes)
from logreg_gui.qt.plots.style import (BOUNDARY_PEN, CLASS_COLORS, StyledPlot, class_style,
                                       class_text, drawn_subset, label_text,
                                       probability_colormap)

GRID_SHAPE = (120, 120)
EMPTY_HINT = "click: class 0 · Shift+click: class 1 · keys 0/1 choose the class"


class DataPlot(StyledPlot):
    """Points of both classes over the probability map, with the decision boundary
    P(y=1|x) = τ: the line w·x + b = logit(τ) for degree 1, the τ contour over the visible view
    for higher degrees. Test points are hollow. Optional overlays: P = 0.1 … 0.9 contours, the
    weight vector, a fading trail of boundaries, fill by predicted class, size by loss with
    rings around misclassified points; hovering a point shows its numbers. Selected points are
    ringed; the plot asks for edits through its signals and draws what the frames say.

    Signals
    -------
    point_requested(float, float, bool)
        A left click on empty space at data coordinates (x1, x2); the flag is True when Shift
        was held.
    selection_requested(object, str)
        Indices of points (ndarray of int64) and how to combine them with the selection:
        ``"replace"`` (a click on a point), ``"toggle"`` (Ctrl+click) or ``"add"``
        (Ctrl+Shift+drag; a Ctrl+drag rectangle replaces).
    move_requested(object, float, float, bool)
        Indices of the points dragged, the offset (data units) since the previous request, and
        whether the drag ended.
    """

    point_requested = Signal(float, float, bool)
    selection_requested = Signal(object, str)
    move_requested = Signal(object, float, float, bool)

    def __init__(self, parent=None):
        view_box = EditingViewBox(self._grab, self._on_view_box_moved, self._on_view_box_boxed)
        super().__init__("data_plot", "x1", "x2", parent, view_box)
        self._model = LogisticModel(np.zeros(2), 0.0)
        self._loss = CROSS_ENTROPY
        self._view = None
        self._image = pg.ImageItem(levels=(0, 1))
        self._image.setZValue(-10)
        self.addItem(self._image)
        self._colorbar = pg.ColorBarItem(values=(0, 1), colorMap=probability_colormap(),
                                         label="P(y = 1 | x)", interactive=False, width=14)
        self._colorbar.setImageItem(self._image, insert_in=self.getPlotItem())
        self._colorbar.axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.getPlotItem().layout.setContentsMargins(4, 12, 4, 4)  # room for the bar's "1.0"
        self.contours = ProbabilityContours(self)
        self.trail = BoundaryTrail(self)
        self._boundary = pg.PlotCurveItem(pen=BOUNDARY_PEN)
        self._contour = pg.IsocurveItem(level=0.5, pen=BOUNDARY_PEN)
        self.weight_arrow = WeightArrow(self)
        self.influence = InfluenceOverlay(self)
        self._legend = self.add_key(offset=(10, 10), brush=pg.mkBrush(255, 255, 255, 220),
                                    labelTextColor="k", labelTextSize="10pt")
        self._scatters = [self.add_named(f"class_{label}",
                                         pg.ScatterPlotItem(**class_style(label)))
                          for label in (0, 1)]
        self._test_scatters = [self.add_named(f"test_{label}", pg.ScatterPlotItem(
            **class_style(label, hollow=True))) for label in (0, 1)]
        self._rings = self.add_named("rings", pg.ScatterPlotItem(**misclassified_ring_style()))
        self._selected = self.add_named("selected", pg.ScatterPlotItem(**selection_style()))
        self._selection = np.empty(0, dtype=np.int64)
        self._moving = None  # indices of the points being dragged
        self.add_named("boundary", self._boundary)
        self.add_named("contour", self._contour)
        self._drawn = {}  # scatter → (X of shape (k, 2), label, test?, dataset indices)
        self._restyled = set()  # scatters drawn with per-point styles
        self._dataset = None
        self._hovered = None  # (x, label, test?, index) of the point under the pointer
        self._hint = self.add_named("hint", pg.TextItem(EMPTY_HINT, color="#444444",
                                                        anchor=(0.5, 0.5)))
        self.getViewBox().sigRangeChanged.connect(self._redraw_model)
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def fit_view(self, dataset):
        """Range the view to the points with a margin (a square around 0 when there are none)."""
        if dataset.n_samples == 0:
            low, high = np.array([-3.0, -3.0]), np.array([3.0, 3.0])
        else:
            low, high = dataset.X.min(axis=0), dataset.X.max(axis=0)
        margin = np.maximum((high - low) * 0.1, 0.5)
        # A wider top margin keeps the legend (top left) clear of the points.
        self.setRange(xRange=(low[0] - margin[0], high[0] + margin[0]),
                      yRange=(low[1] - margin[1], high[1] + 3 * margin[1]), padding=0)

    def show_frame(self, frame):
        """Draw a :class:`~logreg_gui.core.frame.Frame`: its points (when they changed), the
        shown model as shading, boundary and overlays, at its threshold τ."""
        new_points = frame.dataset is not self._dataset
        if new_points:
            self._set_points(frame.dataset)
        if new_points or not np.array_equal(frame.selection, self._selection):
            self._show_selection(frame.selection)  # not every frame: thousands may be selected
        self._model, self._loss, self._view = frame.model, frame.options.criterion, frame.view
        if self._model.is_planar:
            self.trail.push(self._model.coef_, self._model.intercept_)
        else:
            self.trail.clear()
        self.contours.visible = self._view.contours
        self.trail.visible = self._view.trail
        self.weight_arrow.visible = self._view.weight_vector
        self._redraw_model()
        self._restyle_points()
        self.influence.show_frame(frame)
        self._describe_hovered()  # the model moved under a resting pointer

    def _set_points(self, dataset):
        """Draw the points of `dataset` (a bounded sample when there are very many)."""
        self._hovered = None
        self._dataset = dataset
        self._restyled.clear()
        self.show_readout("")  # it may describe a point that moved or is gone
        shown = drawn_subset(dataset.n_samples)
        X, y, test = dataset.X[shown], dataset.y[shown], dataset.test_mask[shown]
        indices = np.arange(dataset.n_samples)[shown]
        self._legend.clear()
        self._drawn = {}
        for label in (0, 1):
            for scatter, in_set in ((self._scatters[label], ~test),
                                    (self._test_scatters[label], test)):
                members = (y == label) & in_set
                mine = X[members]
                scatter.setData(mine[:, 0], mine[:, 1], **self._base_style(scatter, label))
                self._drawn[scatter] = (mine, label, scatter in self._test_scatters,
                                        indices[members])
            self._legend.addItem(self._scatters[label],
                                 label_text(class_text(label, dataset.class_names[label])))
        if test.any():
            self._legend.addItem(self._test_scatters[0], "hollow: test points")
        self.setLabel("bottom", label_text(dataset.feature_names[0]))
        self.setLabel("left", label_text(dataset.feature_names[1]))
        sampled = len(shown) < dataset.n_samples
        self.setTitle(f"showing {len(shown):,} of {dataset.n_samples:,} points"
                      if sampled else None)
        self._restyle_points()

    @property
    def _threshold(self):
        return self._view.threshold if self._view is not None else 0.5

    def _redraw_model(self):
        (x0, x1), (y0, y1) = self.getViewBox().viewRange()
        self._hint.setVisible(self._dataset is not None and self._dataset.n_samples == 0)
        self._hint.setPos((x0 + x1) / 2, (y0 + y1) / 2)
        grid = probability_grid(self._model, (x0, x1), (y0, y1), GRID_SHAPE)
        self._image.setImage(grid, levels=(0, 1), autoLevels=False)
        self._image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self.contours.update(grid, (x0, x1), (y0, y1))
        offset = logit(self._threshold)
        segment = None
        if self._model.is_planar:
            self._contour.setData(None)
            segment = boundary_segment(self._model.coef_, self._model.intercept_ - offset,
                                       (x0, x1), (y0, y1))
            self._boundary.setData(*(segment.T if segment is not None else ([], [])))
        else:
            self._boundary.setData([], [])
            rows, columns = GRID_SHAPE
            dx, dy = (x1 - x0) / columns, (y1 - y0) / rows
            # The contour comes in grid indices; cell (0, 0) is centred at (x0 + dx/2, y0 + dy/2).
            self._contour.setTransform(QTransform(dx, 0, 0, dy, x0 + dx / 2, y0 + dy / 2))
            self._contour.setData(grid, level=self._threshold)
        self.weight_arrow.update(segment, self._model.coef_[:2], (x0, x1))
        self.trail.update(offset, (x0, x1), (y0, y1))

    def _base_style(self, scatter, label):
        hollow = scatter in self._test_scatters
        style = class_style(label, hollow=hollow)
        return {"brush": style["brush"], "pen": style["pen"], "size": style["size"]}

    def _restyle_points(self):
        """Fill by predicted class / size by loss (only when those options are on)."""
        ring_points = []
        fill = self._view is not None and self._view.fill_by_prediction
        size = self._view is not None and self._view.size_by_loss
        for scatter, (X, label, _, _) in self._drawn.items():
            if not (fill or size) or len(X) == 0:
                if scatter in self._restyled:
                    scatter.setData(X[:, 0], X[:, 1], **self._base_style(scatter, label))
                    self._restyled.discard(scatter)
                continue
            z = self._model.decision_function(X)
            predicted = (z > logit(self._threshold)).astype(int)
            style = self._base_style(scatter, label)
            if fill and scatter not in self._test_scatters:  # test points stay hollow
                style["brush"] = predicted_brushes(predicted)
                style["pen"] = pg.mkPen(CLASS_COLORS[label], width=2.2)
            if size:
                loss = self._loss.sample_losses(z, label)
                # Few distinct sizes: pyqtgraph renders each size once (per-point sizes cost
                # ~50 µs a point a frame, which froze the window at a few thousand points).
                style["size"] = 6 + 4 * np.round(np.minimum(loss / self._loss.typical, 3.0))
                ring_points.append(X[predicted != label])
            scatter.setData(X[:, 0], X[:, 1], **style)
            self._restyled.add(scatter)
        rings = np.vstack(ring_points) if ring_points else np.empty((0, 2))
        self._rings.setData(rings[:, 0], rings[:, 1])

    def _show_selection(self, selection):
        self._selection = selection
        shown = selection[:len(drawn_subset(len(selection)))]
        X = self._dataset.X[shown] if len(shown) else np.empty((0, 2))
        self._selected.setData(X[:, 0], X[:, 1])

    def _on_scene_clicked(self, event):
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        view_box = self.getViewBox()
        if (not view_box.sceneBoundingRect().contains(event.scenePos())
                or self._legend.sceneBoundingRect().contains(event.scenePos())):
            return  # the legend covers the view there: a click on it adds nothing
        point = view_box.mapSceneToView(event.scenePos())
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        nearest = self._nearest_point(point, view_box, PICK_RADIUS_PX)
        if nearest is not None:
            mode = "toggle" if control else "replace"
            self.selection_requested.emit(np.array([nearest[3]]), mode)
        elif control:
            self.selection_requested.emit(np.empty(0, dtype=np.int64), "replace")
        else:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.point_requested.emit(point.x(), point.y(), shift)

    def _grab(self, scene_pos):
        """Start dragging the point under `scene_pos` (with the rest of the selection, if it is
        selected); False when there is none."""
        view_box = self.getViewBox()
        nearest = self._nearest_point(view_box.mapSceneToView(scene_pos), view_box,
                                      PICK_RADIUS_PX)
        if nearest is None:
            return False
        index = nearest[3]
        if index not in self._selection:
            self.selection_requested.emit(np.array([index]), "replace")
        self._moving = self._selection if index in self._selection else np.array([index])
        return True

    def point_at(self, scene_pos):
        """Whether a drawn point lies under `scene_pos` (within the pick radius)."""
        view_box = self.getViewBox()
        return self._nearest_point(view_box.mapSceneToView(scene_pos), view_box,
                                   PICK_RADIUS_PX) is not None

    def _on_view_box_moved(self, dx, dy, finished):
        self.move_requested.emit(self._moving, dx, dy, finished)

    def _on_view_box_boxed(self, rect, extend):
        if self._dataset is not None:
            self.selection_requested.emit(inside(self._dataset.X, rect),
                                          "add" if extend else "replace")

    def _on_scene_mouse_moved(self, scene_pos):
        view_box = self.getViewBox()
        nearest = self._nearest_point(view_box.mapSceneToView(scene_pos), view_box)
        self._hovered = nearest if self._dataset is not None else None
        self._describe_hovered()

    def _describe_hovered(self):
        """The read-out of the point under the pointer, under the model shown now."""
        if self._hovered is None:
            self.show_readout("")
            return
        x, label, test, index = self._hovered
        z = float(self._model.decision_function(x[np.newaxis])[0])
        names = (self._dataset.feature_names, self._dataset.class_names)
        point_names = self._dataset.point_names
        name = point_names[index] if point_names is not None else None
        self.show_readout(point_description(x, label, names, z, self._loss, test, name)
                          + self.influence.describe(index))

    def _nearest_point(self, position, view_box, radius=HOVER_RADIUS_PX):
        return nearest_drawn(self._drawn.values(), position, view_box.viewPixelSize(), radius)
