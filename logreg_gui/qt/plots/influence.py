"""Influence overlays on the data plot: rings sized by Cook's distance, the least-squares (linear
probability model) boundary, and each point's leverage and Cook's distance for the read-out."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from logreg_gui.core.geometry import boundary_segment
from logreg_gui.qt.plots.style import drawn_subset

RING_COLOR = "#7B3294"
LPM_COLOR = "#009E73"
SMALLEST_RING, RING_STEP, RING_STEPS = 10, 5, 6  # px; few sizes keep pyqtgraph fast


def ring_sizes(cooks):
    """Marker sizes (px) growing with √(D / max D) in a few steps; 0 (no ring) for the points
    of negligible influence (D below 1/144 of the largest) and those not in the fit (NaN)."""
    cooks = np.asarray(cooks, dtype=np.float64)
    finite = np.isfinite(cooks)
    largest = cooks[finite].max() if finite.any() else 0.0
    share = np.ones_like(cooks)  # D = inf (leverage 1): as influential as it gets
    share[finite] = cooks[finite] / largest if largest > 0 else 0.0
    steps = np.round(RING_STEPS * np.sqrt(share))
    return np.where(np.isnan(cooks) | (steps == 0), 0.0, SMALLEST_RING + RING_STEP * steps)


class InfluenceOverlay:
    """What the data plot draws from a frame's :class:`~logreg_gui.core.diagnostics.Diagnostics`.

    With the view option ``size_by_influence``, a ring around every training point, bigger for
    a larger Cook's distance (the most influential one labelled); with ``linear_probability``,
    the dashed line where the least-squares fit of the 0/1 labels equals τ.

    Parameters
    ----------
    plot : pyqtgraph.PlotWidget
        The data plot (its view range changes redraw the line).
    """

    def __init__(self, plot):
        self._plot = plot
        self.rings = plot.add_named("influence_rings", pg.ScatterPlotItem(
            symbol="o", brush=None, pen=pg.mkPen(RING_COLOR, width=1.6)))
        self.rings.setZValue(-1)  # under the points, over the shading
        self.most = plot.add_named("influence_label", pg.TextItem(color=RING_COLOR,
                                                                  anchor=(-0.15, 1.0)))
        self.line = plot.add_named("linear_probability", pg.PlotCurveItem(
            pen=pg.mkPen(LPM_COLOR, width=2.5, style=Qt.PenStyle.DashLine)))
        self.line_label = plot.add_named("linear_probability_label", pg.TextItem(
            "least squares", color=LPM_COLOR, anchor=(-0.05, 1.0)))
        self._frame = None
        self._rings_of = None  # (diagnostics, dataset, shown) the rings were drawn for
        plot.getViewBox().sigRangeChanged.connect(self._draw_line)

    def show_frame(self, frame):
        """Draw the overlays that a :class:`~logreg_gui.core.frame.Frame` asks for."""
        self._frame = frame
        self._draw_rings()
        self._draw_line()

    def _draw_rings(self):
        frame = self._frame
        diagnostics = frame.statistics
        shown = frame.view.size_by_influence and diagnostics is not None \
            and diagnostics.statistics.defined
        drawn_for = (diagnostics, frame.dataset, shown)
        if self._rings_of is not None and all(
                a is b for a, b in zip(drawn_for, self._rings_of, strict=True)):
            return  # the rings change with the problem, not with every frame
        self._rings_of = drawn_for
        if not shown:
            self.rings.setData([], [])
            self.most.setVisible(False)
            return
        drawn = drawn_subset(frame.dataset.n_samples)
        sizes = ring_sizes(diagnostics.cooks_distance[drawn])
        inside = sizes > 0
        X = frame.dataset.X[drawn][inside]
        self.rings.setData(X[:, 0], X[:, 1], size=sizes[inside])
        cooks = diagnostics.cooks_distance
        in_fit = np.flatnonzero(~np.isnan(cooks))
        top = int(in_fit[np.argmax(cooks[in_fit])])
        self.most.setText(f"largest Cook's D = {diagnostics.cooks_distance[top]:.3g}")
        self.most.setPos(*frame.dataset.X[top])
        self.most.setVisible(True)

    def _draw_line(self, *_):
        frame = self._frame
        fit = None if frame is None or frame.statistics is None else \
            frame.statistics.linear_probability
        segment = None
        if frame is not None and frame.view.linear_probability and fit is not None \
                and fit.reason is None:
            (x0, x1), (y0, y1) = self._plot.getViewBox().viewRange()
            segment = boundary_segment(fit.coef, fit.intercept - frame.view.threshold,
                                       (x0, x1), (y0, y1))
        self.line.setData(*(segment.T if segment is not None else ([], [])))
        self.line_label.setVisible(segment is not None)
        if segment is not None:
            self.line_label.setPos(*segment[np.argmin(segment[:, 1])])  # clear of the legend

    def describe(self, index):
        """A line for the read-out of point `index`: its leverage and Cook's distance ('' when
        the table is not defined)."""
        diagnostics = None if self._frame is None else self._frame.statistics
        if diagnostics is None or not diagnostics.statistics.defined \
                or index >= len(diagnostics.leverage):
            return ""
        leverage = diagnostics.leverage[index]
        if not np.isfinite(leverage):
            return "<br>not in the fit (a test point): no leverage"
        return (f"<br>leverage h = {leverage:.4g}, Cook's distance D = "
                f"{diagnostics.cooks_distance[index]:.4g}")
