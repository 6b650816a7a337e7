"""Parameter traces: w1, w2 and b (trained units) against the iteration, with the iteration shown
marked."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from logreg_gui.qt.plots.style import StyledPlot

COLORS = ("#0072B2", "#E69F00", "#555555")  # w1, w2 (the class colours), b
NAMES = ("w1", "w2", "b")


class TracesPlot(StyledPlot):
    """w1, w2 and b in the trained units against the iteration, from the run's bounded parameter
    history (at most 4 096 entries, see :class:`~logreg_gui.core.timeline.ParameterTimeline`),
    and a vertical line at the iteration shown (live or scrubbed). For degree > 1, w1 and w2
    are the weights of x1 and x2 (the first two of φ).
    """

    def __init__(self, parent=None):
        # The axis label is the legend (coloured names): nothing covers the curves.
        legend = " ".join(f"<span style='color:{color}'>{name}</span>"
                          for color, name in zip(COLORS, NAMES, strict=True))
        super().__init__("traces_plot", "iteration", legend, parent)
        self.setMinimumHeight(90)
        self._curves = [self.plot(pen=pg.mkPen(color, width=2)) for color in COLORS]
        for name, curve in zip(NAMES, self._curves, strict=True):
            self._named[name] = curve
        self._marker = self.add_named("marker", pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen("#D55E00", width=1.5,
                                                  style=Qt.PenStyle.DashLine)))
        self._version = None

    def show_frame(self, frame):
        """Draw a :class:`~logreg_gui.core.frame.Frame`'s traces (only when the history grew)
        and mark its iteration."""
        timeline = frame.timeline
        if timeline.version != self._version:
            self._version = timeline.version
            iterations = timeline.parameters.iterations
            path = (timeline.path(iterations[-1]) if len(iterations)
                    else np.empty((0, 3)))
            for curve, column in zip(self._curves, (0, 1, -1), strict=True):
                curve.setData(iterations, path[:, column])
        self._marker.setValue(frame.entry.iteration)
