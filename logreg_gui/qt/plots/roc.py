"""The ROC curve of the training points with its AUC, the current τ and the Youden-optimal τ."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from logreg_gui.qt.plots.style import CLASS_COLORS, StyledPlot

MAX_CURVE_POINTS = 2000  # drawn vertices of the curve; the AUC uses them all
TAU_COLOR = "#222222"
YOUDEN_COLOR = "#009E73"


def decimated(x, y, limit=MAX_CURVE_POINTS):
    """At most `limit` vertices of a curve, evenly spread, first and last kept."""
    if len(x) <= limit:
        return x, y
    keep = np.unique(np.linspace(0, len(x) - 1, limit).round().astype(np.int64))
    return x[keep], y[keep]


def rates_at(metrics):
    """(false-positive rate, true-positive rate) of a ThresholdMetrics, NaN when undefined."""
    negatives, positives = metrics.fp + metrics.tn, metrics.tp + metrics.fn
    return (metrics.fp / negatives if negatives else np.nan,
            metrics.tp / positives if positives else np.nan)


class RocPlot(StyledPlot):
    """True-positive rate against false-positive rate as τ falls from 1 to 0, over the chance
    diagonal; the point of the current τ (moving with it) and of the Youden-optimal τ."""

    def __init__(self, parent=None):
        super().__init__("roc_plot", "false-positive rate (1 − specificity)",
                         "true-positive rate (recall)", parent)
        self.setRange(xRange=(0, 1), yRange=(0, 1), padding=0.03)
        self.setMouseEnabled(x=False, y=False)
        chance = pg.PlotCurveItem([0, 1], [0, 1], pen=pg.mkPen("#999999", width=1,
                                                                 style=Qt.PenStyle.DashLine))
        self.add_named("chance", chance)
        self.curve = self.add_named("curve", pg.PlotCurveItem(
            pen=pg.mkPen(CLASS_COLORS[0], width=2.5), fillLevel=0,
            brush=pg.mkBrush(0, 114, 178, 35)))
        self.youden = self.add_named("youden", pg.ScatterPlotItem(
            symbol="d", size=14, brush=pg.mkBrush(YOUDEN_COLOR), pen=pg.mkPen("w")))
        self.tau = self.add_named("tau", pg.ScatterPlotItem(
            symbol="o", size=12, brush=pg.mkBrush(TAU_COLOR), pen=pg.mkPen("w")))
        # The marks are explained in the empty corner under the curve (labels beside the points
        # collided whenever τ came near Youden's τ).
        self.key = self.add_named("key", pg.TextItem(anchor=(1, 1), fill=pg.mkBrush(
            255, 255, 255, 220)))
        self.key.setPos(0.99, 0.02)
        self._tau_text = self._youden_text = ""
        self.setTitle("ROC curve")

    def show_tau(self, frame):
        """Mark the ROC point of the frame's τ (its confusion matrix on the training points)."""
        fpr, tpr = rates_at(frame.metrics)
        shown = bool(np.isfinite(fpr) and np.isfinite(tpr))
        self.tau.setData([fpr] if shown else [], [tpr] if shown else [])
        self._tau_text = (f"<span style='color:{TAU_COLOR}'>● τ = {frame.view.threshold:.2f}"
                          "</span>" if shown else "")
        self._show_key()

    def _show_key(self):
        self.key.setHtml("<br>".join(text for text in (self._tau_text, self._youden_text)
                                     if text))

    def show_evaluation(self, evaluation):
        """Draw the curve, its AUC and the Youden point of an Evaluation (a str: why none)."""
        roc = None if isinstance(evaluation, str) else evaluation.roc
        if roc is None or roc.reason is not None:
            self.curve.setData([], [])
            self.youden.setData([], [])
            self._youden_text = ""
            self._show_key()
            self.setTitle("No ROC curve")
            self.show_readout(evaluation if roc is None else roc.reason)
            return
        self.show_readout("")
        self.curve.setData(*decimated(roc.fpr, roc.tpr))
        self.youden.setData([roc.youden_fpr], [roc.youden_tpr])
        self._youden_text = (f"<span style='color:{YOUDEN_COLOR}'>◆ Youden τ = "
                             f"{roc.youden_threshold:.3f}</span>")  # short: docks are narrow
        self._show_key()
        # Short: a plot is never narrower than its title.
        self.setTitle(f"AUC = {roc.auc:.4f}")
