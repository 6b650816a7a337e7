"""The sigmoid σ(z) with every point at (z_i, y_i), and the step function it replaces."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from logreg_gui.core._math import expit
from logreg_gui.qt.plots.style import (StyledPlot, class_style, drawn_subset, move_points,
                                        nice_ceiling)

MIN_Z_LIMIT = 6.0
CURVE_SAMPLES = 401


class SigmoidPlot(StyledPlot):
    """σ(z) = 1/(1 + e^(−z)); each point sits at (z_i, y_i) in its class style, and a small grey
    ring marks its prediction (z_i, σ(z_i)) on the curve."""

    def __init__(self, parent=None):
        super().__init__("sigmoid_plot", "z = w·φ(x) + b", "σ(z) and label y", parent)
        self.setYRange(-0.08, 1.08, padding=0)
        self.setMouseEnabled(x=False, y=False)
        self._curve = pg.PlotCurveItem(pen=pg.mkPen("#222222", width=2))
        self._step = pg.PlotCurveItem(pen=pg.mkPen("#CC79A7", width=2, style=Qt.PenStyle.DashLine))
        self._labels = [pg.ScatterPlotItem(**class_style(label, size=8)) for label in (0, 1)]
        self._predictions = pg.ScatterPlotItem(symbol="o", size=5, pen=pg.mkPen("#555555"),
                                               brush=None)
        for name, item in [("step", self._step), ("curve", self._curve),
                           ("predictions", self._predictions), ("class_0", self._labels[0]),
                           ("class_1", self._labels[1])]:
            self.add_named(name, item)
        self._dataset = None
        self._X = np.empty((0, 2))
        self._y = np.empty(0, dtype=np.int64)
        self._z_limit = None
        self._set_z_limit(MIN_Z_LIMIT)

    def show_frame(self, frame):
        """Place every point of a :class:`~logreg_gui.core.frame.Frame` at its logit
        z = w·φ(x) + b under the shown model (a bounded sample when there are very many)."""
        if frame.dataset is not self._dataset:
            self._dataset = frame.dataset
            shown = drawn_subset(frame.dataset.n_samples)
            self._X, self._y = frame.dataset.X[shown], frame.dataset.y[shown]
        self._step.setVisible(frame.view.step_function)
        z = frame.model.decision_function(self._X)
        finite = np.isfinite(z)  # astronomically large weights: leave those points out
        for label in (0, 1):
            mine = finite & (self._y == label)
            move_points(self._labels[label], z[mine], np.full(mine.sum(), float(label)))
        move_points(self._predictions, z[finite], expit(z[finite]))
        largest = np.abs(z[finite]).max() * 1.1 if finite.any() else 0.0
        wanted = max(MIN_Z_LIMIT, largest)
        if wanted > self._z_limit or wanted < self._z_limit / 4:
            self._set_z_limit(nice_ceiling(wanted))  # round steps: no re-layout every frame

    def _set_z_limit(self, limit):
        self._z_limit = limit
        z = np.linspace(-limit, limit, CURVE_SAMPLES)
        self._curve.setData(z, expit(z))
        self._step.setData([-limit, 0, 0, limit], [0, 0, 1, 1])
        self.setXRange(-limit, limit, padding=0.02)
