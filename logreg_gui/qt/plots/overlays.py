"""Teaching overlays on the data plot: probability contours, the weight vector, a trail of past
boundaries, misclassification rings and per-point hover read-outs."""

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QTransform

from logreg_gui.core._math import expit
from logreg_gui.core.geometry import boundary_segment
from logreg_gui.qt.plots.style import CLASS_COLORS, label_text

CONTOUR_LEVELS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
TRAIL_LENGTH = 6
HOVER_RADIUS_PX = 10
PICK_RADIUS_PX = 6  # a click this close to a point (of size 9 px) selects it


class ProbabilityContours:
    """P = 0.1 … 0.9 contour lines, 0.5 thicker (it stays visible when τ moves the boundary)."""

    def __init__(self, plot):
        thin = pg.mkPen(60, 60, 60, 160, width=1, style=Qt.PenStyle.DashLine)
        thick = pg.mkPen(60, 60, 60, 200, width=2.2)
        self.items = [pg.IsocurveItem(level=level, pen=thick if level == 0.5 else thin)
                       for level in CONTOUR_LEVELS]
        for item in self.items:
            plot.addItem(item)
        self.visible = False

    def update(self, grid, x_range, y_range):
        """Contour a probability grid (row 0 at y_range[0]) that covers the view."""
        for item in self.items:
            item.setVisible(self.visible)
        if not self.visible:
            return
        rows, columns = grid.shape
        dx = (x_range[1] - x_range[0]) / columns
        dy = (y_range[1] - y_range[0]) / rows
        transform = QTransform(dx, 0, 0, dy, x_range[0] + dx / 2, y_range[0] + dy / 2)
        for item, level in zip(self.items, CONTOUR_LEVELS, strict=True):
            item.setTransform(transform)
            item.setData(grid, level=level)


class WeightArrow:
    """An arrow from the boundary's middle along w (degree 1): w points towards class 1."""

    def __init__(self, plot):
        self._line = pg.PlotCurveItem(pen=pg.mkPen("#CC79A7", width=2.5))
        self._head = pg.ArrowItem(headLen=14, brush="#CC79A7", pen=None)
        self._label = pg.TextItem("w", color="#CC79A7", anchor=(0, 1))
        for item in (self._line, self._head, self._label):
            plot.addItem(item)
        self.visible = True
        self.tip = None

    def update(self, segment, coef, x_range):
        """Draw from the middle of `segment` (shape (2, 2)) along coef (shape (2,))."""
        shown = self.visible and segment is not None and np.hypot(*coef) > 0
        for item in (self._line, self._head, self._label):
            item.setVisible(bool(shown))
        if not shown:
            self.tip = None
            return
        start = segment.mean(axis=0)
        direction = np.asarray(coef, dtype=np.float64) / np.hypot(*coef)
        self.tip = start + direction * 0.15 * (x_range[1] - x_range[0])
        self._line.setData([start[0], self.tip[0]], [start[1], self.tip[1]])
        self._head.setPos(*self.tip)
        self._head.setStyle(angle=180 - np.degrees(np.arctan2(direction[1], direction[0])))
        self._label.setPos(*self.tip)


class BoundaryTrail:
    """The last few boundary lines, fading with age, so motion shows in a still picture."""

    def __init__(self, plot):
        self.items = []
        for age in range(TRAIL_LENGTH):
            alpha = int(150 * (1 - (age + 1) / (TRAIL_LENGTH + 1)))
            item = pg.PlotCurveItem(pen=pg.mkPen(40, 40, 40, alpha, width=1.5))
            plot.addItem(item)
            self.items.append(item)
        self._models = []
        self.visible = False

    def push(self, coef, intercept):
        """Remember a model (degree 1) when it differs from the newest remembered one."""
        model = (np.array(coef, dtype=np.float64), float(intercept))
        if self._models and np.array_equal(self._models[0][0], model[0]) \
                and self._models[0][1] == model[1]:
            return
        self._models = [model] + self._models[:TRAIL_LENGTH]

    def clear(self):
        """Forget the remembered boundaries."""
        self._models = []

    def update(self, offset, x_range, y_range):
        """Draw the remembered boundaries (older first fading), each at logit offset `offset`."""
        for age, item in enumerate(self.items):
            model = self._models[age + 1] if age + 1 < len(self._models) else None
            segment = (boundary_segment(model[0], model[1] - offset, x_range, y_range)
                       if self.visible and model is not None else None)
            item.setData(*(segment.T if segment is not None else ([], [])))


def point_description(x, label, names, z, loss, test=False, name=None):
    """Rich text for the hover read-out of one point: coordinates, class, z, ŷ, err, loss term.

    Parameters
    ----------
    x : ndarray of float64, shape (2,)
    label : int
    names : tuple of (feature names, class names), each a sequence of 2 str
    z : float
        The model's logit at x.
    loss : logreg_gui.core.loss.Loss
        The loss being minimised.
    test : bool
        Whether the point is held out (not trained on).
    name : str, optional
        The point's own name (e.g. 'line 12' of the file it came from).
    """
    feature_names, class_names = names
    p = float(expit(z))
    term = float(loss.sample_losses(np.array([z]), label)[0])
    features = [label_text(name) for name in feature_names]
    kind = " — a test point (not trained on)" if test else ""
    title = f"<b>{html.escape(name)}</b><br>" if name else ""
    return (f"{title}{features[0]} = {x[0]:.4g}, {features[1]} = {x[1]:.4g}{kind}<br>"
            f"class y = {label} ({html.escape(str(class_names[label]))})<br>"
            f"z = w·φ(x) + b = {z:.4g}<br>ŷ = σ(z) = {p:.4f}<br>err = ŷ − y = {p - label:+.4f}"
            f"<br>loss term {loss.term} = {term:.4g}")


def misclassified_ring_style():
    """Keyword arguments for the scatter of rings around misclassified points."""
    return {"symbol": "o", "size": 20, "brush": None,
            "pen": pg.mkPen("#D55E00", width=2)}


def predicted_brushes(predicted):
    """Brushes filling points by predicted class (array of 0/1)."""
    brushes = [pg.mkBrush(color) for color in CLASS_COLORS]
    return [brushes[int(k)] for k in predicted]


def nearest_drawn(drawn, position, pixel_size, radius):
    """The drawn point nearest to `position` (a QPointF in data units) within `radius` pixels.

    Parameters
    ----------
    drawn : iterable of (X of shape (m, 2), label, test?, indices of shape (m,))
        The points of each scatter.
    pixel_size : (float, float)
        Data units per pixel along x and y.

    Returns
    -------
    (x of shape (2,), label, test?, index) or None
    """
    best, best_distance = None, radius
    for X, label, test, indices in drawn:
        if len(X) == 0:
            continue
        distance = np.hypot((X[:, 0] - position.x()) / pixel_size[0],
                            (X[:, 1] - position.y()) / pixel_size[1])
        index = int(np.argmin(distance))
        if distance[index] < best_distance:
            best, best_distance = (X[index], label, test, int(indices[index])), distance[index]
    return best
