"""The reliability diagram of the training points and their Brier score."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from logreg_gui.qt.plots.style import StyledPlot

COLOR = "#D55E00"


class CalibrationPlot(StyledPlot):
    """Per bin of predicted probability (ten of width 0.1), the observed share of class 1
    against the mean prediction; a calibrated model sits on the diagonal. Markers grow with
    the number of points in their bin."""

    def __init__(self, parent=None):
        super().__init__("calibration_plot", "mean predicted P(y = 1 | x) in the bin",
                         "observed share of class 1", parent)
        self.setRange(xRange=(0, 1), yRange=(0, 1), padding=0.03)
        self.setMouseEnabled(x=False, y=False)
        self.add_named("diagonal", pg.PlotCurveItem(
            [0, 1], [0, 1], pen=pg.mkPen("#999999", width=1, style=Qt.PenStyle.DashLine)))
        self.line = self.add_named("line", pg.PlotCurveItem(pen=pg.mkPen(COLOR, width=2)))
        self.bins = self.add_named("bins", pg.ScatterPlotItem(
            symbol="o", brush=pg.mkBrush(COLOR), pen=pg.mkPen("w")))
        self.setTitle("Reliability diagram")

    def show_tau(self, frame):
        """Nothing here depends on τ."""

    def show_evaluation(self, evaluation):
        """Draw the reliability diagram and Brier score of an Evaluation (a str: why none)."""
        reliability = None if isinstance(evaluation, str) else evaluation.reliability
        if reliability is None or reliability.reason is not None:
            self.line.setData([], [])
            self.bins.setData([], [])
            why = evaluation if reliability is None else reliability.reason
            self.setTitle("No reliability diagram")
            self.show_readout(why)
            return
        self.show_readout("")
        share = reliability.count / reliability.count.sum()
        self.line.setData(reliability.mean_predicted, reliability.observed_frequency)
        self.bins.setData(reliability.mean_predicted, reliability.observed_frequency,
                          size=8 + 4 * np.round(4 * np.sqrt(share)))
        self.setTitle(f"Brier score = {evaluation.brier:.4f}")
