"""Accuracy, precision, recall, specificity and F1 of the training points as functions of τ."""

import pyqtgraph as pg
from PySide6.QtCore import Qt

from logreg_gui.qt.plots.roc import TAU_COLOR, YOUDEN_COLOR
from logreg_gui.qt.plots.style import StyledPlot

CURVES = (("accuracy", "accuracy", "#222222"), ("precision", "precision", "#0072B2"),
          ("recall", "recall (TPR)", "#E69F00"), ("specificity", "specificity (TNR)", "#009E73"),
          ("f1", "F1", "#CC79A7"))


class ThresholdPlot(StyledPlot):
    """Each metric at every τ (rule: class 1 when P > τ), a solid line at the current τ and a
    dashed one at the Youden-optimal τ."""

    def __init__(self, parent=None):
        super().__init__("threshold_plot", "threshold τ", "metric of the training points",
                         parent)
        self.setRange(xRange=(0, 1), yRange=(0, 1), padding=0.03)
        self.setMouseEnabled(x=False, y=False)
        legend = self.add_key(offset=(-10, -10), brush=pg.mkBrush(255, 255, 255, 170),
                              labelTextColor="k", labelTextSize="8pt", verSpacing=-6)
        self.curves = {}
        for name, text, color in CURVES:
            curve = pg.PlotCurveItem(pen=pg.mkPen(color, width=2), connect="finite")
            self.curves[name] = self.add_named(name, curve)
            legend.addItem(curve, text)
        self.tau = self.add_named("tau", pg.InfiniteLine(
            angle=90, pen=pg.mkPen(TAU_COLOR, width=2), label="τ = {value:.2f}",
            labelOpts={"position": 0.08, "color": TAU_COLOR}))
        self.youden = self.add_named("youden", pg.InfiniteLine(
            angle=90, pen=pg.mkPen(YOUDEN_COLOR, width=2, style=Qt.PenStyle.DashLine),
            label="Youden {value:.3f}", labelOpts={"position": 0.2, "color": YOUDEN_COLOR}))
        self.youden.setVisible(False)
        self.setTitle("class 1 when P > τ")

    def show_tau(self, frame):
        """Move the τ line to the frame's threshold."""
        self.tau.setValue(frame.view.threshold)

    def show_evaluation(self, evaluation):
        """Draw the curves of an Evaluation (a str: why there are none)."""
        if isinstance(evaluation, str):
            for curve in self.curves.values():
                curve.setData([], [])
            self.youden.setVisible(False)
            self.show_readout(evaluation)
            return
        self.show_readout("")
        curves = evaluation.curves
        for name, curve in self.curves.items():
            curve.setData(curves.thresholds, getattr(curves, name))
        youden = evaluation.roc.youden_threshold
        self.youden.setVisible(youden is not None)
        if youden is not None:
            self.youden.setValue(youden)
