"""The data plane: points, decision boundary and P(y=1|x) shading with a colour bar."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsItem

from ...core.geometry import boundary_segment, probability_grid
from ...core.model import LogisticModel
from .style import (BOUNDARY_PEN, StyledPlot, class_style, drawn_subset, label_text,
                    probability_colormap)

GRID_SHAPE = (120, 120)


class DataPlot(StyledPlot):
    """Points of both classes over the probability map, with the boundary P(y=1|x) = 0.5: the line
    w·x + b = 0 for degree 1, the 0.5 contour over the visible view for higher degrees. Test
    points are hollow.

    Signals
    -------
    point_requested(float, float, bool)
        A left click at data coordinates (x1, x2); the flag is True when Shift was held.
    """

    point_requested = Signal(float, float, bool)

    def __init__(self, parent=None):
        super().__init__("data_plot", "x1", "x2", parent)
        self._model = LogisticModel(np.zeros(2), 0.0)
        self._image = pg.ImageItem(levels=(0, 1))
        self._image.setZValue(-10)
        self.addItem(self._image)
        self._colorbar = pg.ColorBarItem(values=(0, 1), colorMap=probability_colormap(),
                                         label="P(y = 1 | x)", interactive=False, width=14)
        self._colorbar.setImageItem(self._image, insert_in=self.getPlotItem())
        self._colorbar.axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.getPlotItem().layout.setContentsMargins(4, 12, 4, 4)  # room for the bar's "1.0"
        self._boundary = pg.PlotCurveItem(pen=BOUNDARY_PEN)
        self._contour = pg.IsocurveItem(level=0.5, pen=BOUNDARY_PEN)
        self._legend = self.addLegend(offset=(10, 10), brush=pg.mkBrush(255, 255, 255, 220),
                                      labelTextColor="k", labelTextSize="10pt")
        self._scatters = [pg.ScatterPlotItem(**class_style(label)) for label in (0, 1)]
        self._test_scatters = [pg.ScatterPlotItem(**class_style(label, hollow=True))
                               for label in (0, 1)]
        for item in [self._boundary, self._contour, *self._scatters, *self._test_scatters]:
            self.addItem(item)
        self.getViewBox().sigRangeChanged.connect(self._redraw_model)
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def set_points(self, dataset):
        """Draw the points of `dataset` (a bounded sample when there are very many)."""
        shown = drawn_subset(dataset.n_samples)
        X, y, test = dataset.X[shown], dataset.y[shown], dataset.test_mask[shown]
        self._legend.clear()
        for label in (0, 1):
            for scatter, in_set in ((self._scatters[label], ~test),
                                    (self._test_scatters[label], test)):
                mine = X[(y == label) & in_set]
                scatter.setData(mine[:, 0], mine[:, 1])
            self._legend.addItem(self._scatters[label],
                                 f"class {label}: {label_text(dataset.class_names[label])}")
        if test.any():
            self._legend.addItem(self._test_scatters[0], "hollow: test points")
        self.setLabel("bottom", label_text(dataset.feature_names[0]))
        self.setLabel("left", label_text(dataset.feature_names[1]))
        sampled = len(shown) < dataset.n_samples
        self.setTitle(f"showing {len(shown):,} of {dataset.n_samples:,} points" if sampled else None)

    def fit_view(self, dataset):
        """Range the view to the points with a margin (a unit square around 0 when there are none)."""
        if dataset.n_samples == 0:
            low, high = np.array([-3.0, -3.0]), np.array([3.0, 3.0])
        else:
            low, high = dataset.X.min(axis=0), dataset.X.max(axis=0)
        margin = np.maximum((high - low) * 0.1, 0.5)
        self.setRange(xRange=(low[0] - margin[0], high[0] + margin[0]),
                      yRange=(low[1] - margin[1], high[1] + margin[1]), padding=0)

    def set_model(self, model):
        """Show a :class:`LogisticModel` (original units) as shading and boundary."""
        self._model = model
        self._redraw_model()

    def _redraw_model(self):
        (x0, x1), (y0, y1) = self.getViewBox().viewRange()
        grid = probability_grid(self._model, (x0, x1), (y0, y1), GRID_SHAPE)
        self._image.setImage(grid, levels=(0, 1), autoLevels=False)
        self._image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        if self._model.degree == 1:
            self._contour.setData(None)
            segment = boundary_segment(self._model.coef_, self._model.intercept_,
                                       (x0, x1), (y0, y1))
            self._boundary.setData(*(segment.T if segment is not None else ([], [])))
        else:
            self._boundary.setData([], [])
            rows, columns = GRID_SHAPE
            dx, dy = (x1 - x0) / columns, (y1 - y0) / rows
            # The contour comes in grid indices; cell (0, 0) is centred at (x0 + dx/2, y0 + dy/2).
            self._contour.setTransform(QTransform(dx, 0, 0, dy, x0 + dx / 2, y0 + dy / 2))
            self._contour.setData(grid, level=0.5)

    def _on_scene_clicked(self, event):
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        view_box = self.getViewBox()
        if not view_box.sceneBoundingRect().contains(event.scenePos()):
            return
        point = view_box.mapSceneToView(event.scenePos())
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.point_requested.emit(point.x(), point.y(), shift)
