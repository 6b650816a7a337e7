"""Parameter traces: w1, w2 and b (trained units) against the iteration, with the iteration shown
marked."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from logreg_gui.qt.plots.style import StyledPlot, nice_ceiling

COLORS = ("#0072B2", "#E69F00", "#555555")  # w1, w2 (the class colours), b
NAMES = ("w1", "w2", "b")


class TracesPlot(StyledPlot):
    """w1, w2 and b in the trained units against the iteration, from the run's bounded parameter
    history (at most 4 096 entries, see :class:`~logreg_gui.core.timeline.ParameterTimeline`),
    and a vertical line at the iteration shown (live or scrubbed). For degree > 1, w1 and w2
    are the weights of x1 and x2 (the first two of φ).

    Like the loss plot, the axes step through round limits while following (until the user
    pans or zooms; again when a new history starts): re-laying out the axes every frame cost
    more than the rest of the window's frame.
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
        self._following = True
        self.getViewBox().disableAutoRange()
        self.getViewBox().sigRangeChangedManually.connect(self._on_range_changed_manually)

    def show_frame(self, frame):
        """Draw a :class:`~logreg_gui.core.frame.Frame`'s traces (only when the history grew)
        and mark its iteration."""
        timeline = frame.timeline
        if timeline.version != self._version:
            self._version = timeline.version
            iterations = timeline.parameters.iterations
            path = (timeline.path(iterations[-1]) if len(iterations)
                    else np.empty((0, 3)))
            columns = path[:, [0, 1, -1]]
            for curve, values in zip(self._curves, columns.T, strict=True):
                curve.setData(iterations, values)
            self._follow(iterations, columns)
        self._marker.setValue(frame.entry.iteration)

    def _on_range_changed_manually(self, *_):
        self._following = False

    def _follow(self, iterations, values):
        if len(iterations) <= 1:
            self._following = True  # a new history
        values = values[np.isfinite(values)]
        if not self._following or len(values) == 0:
            return
        (_, x_high), y_range = self.getViewBox().viewRange()
        wanted_x = nice_ceiling(max(10.0, iterations[-1] * 1.05))
        if wanted_x != x_high:
            self.setXRange(0, wanted_x, padding=0)
        wanted_y = (_round_limit(values.min(), up=False), _round_limit(values.max(), up=True))
        if wanted_y[0] == wanted_y[1]:
            wanted_y = (wanted_y[0] - 1, wanted_y[1] + 1)
        if not np.allclose(wanted_y, y_range):
            self.setYRange(*wanted_y, padding=0)


def _round_limit(value, up):
    """A round axis limit beyond `value` ({1, 2, 5}·10^k with 5 % room, or 0)."""
    if value == 0 or (value > 0) != up:
        return 0.0
    magnitude = nice_ceiling(abs(float(value)) * 1.05)
    return magnitude if up else -magnitude
