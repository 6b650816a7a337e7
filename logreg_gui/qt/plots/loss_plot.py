"""The loss curve against iteration, decimated so that frames cost the same however long it grows."""

import math

import numpy as np
import pyqtgraph as pg

from .style import StyledPlot


class LossHistory:
    """Growable (iteration, loss) arrays with amortised O(1) appends.

    Attributes
    ----------
    iterations : ndarray of float64, shape (n,)
    losses : ndarray of float64, shape (n,)
    """

    def __init__(self):
        self._data = np.empty((2, 1024))
        self._size = 0

    def clear(self):
        """Forget every entry."""
        self._size = 0

    def append(self, first_iteration, losses):
        """Add `losses` (shape (k,)) for iterations first_iteration … first_iteration + k − 1."""
        k = len(losses)
        while self._size + k > self._data.shape[1]:
            self._data = np.concatenate([self._data, np.empty_like(self._data)], axis=1)
        end = self._size + k
        self._data[0, self._size:end] = np.arange(first_iteration, first_iteration + k)
        self._data[1, self._size:end] = losses
        self._size = end

    @property
    def iterations(self):
        return self._data[0, :self._size]

    @property
    def losses(self):
        return self._data[1, :self._size]


def nice_ceiling(value):
    """The smallest number of the form {1, 2, 5}·10^k that is ≥ value (value > 0)."""
    decade = 10.0 ** math.floor(math.log10(value))
    return next(step * decade for step in (1, 2, 5, 10) if step * decade >= value)


class LossPlot(StyledPlot):
    """Mean binary cross-entropy against iteration, with an optional log-scale y axis.

    While following (until the user pans or zooms, and again after a reset) the axes step
    through round limits, so they are redrawn a few times per run rather than every frame.
    """

    def __init__(self, parent=None):
        super().__init__("loss_plot", "iteration", "loss L (nats)", parent)
        self.getAxis("left").enableAutoSIPrefix(False)  # "(x0.001)" scaling confuses students
        self.history = LossHistory()
        self._curve = self.plot(pen=pg.mkPen("#D55E00", width=2))
        self._curve.setClipToView(True)
        self._curve.setDownsampling(auto=True, method="peak")
        self._log_scale = False
        self._following = True
        self.getViewBox().sigRangeChangedManually.connect(self._on_view_box_range_changed_manually)

    def set_log_scale(self, enabled):
        """Show the loss on a log10 axis (True) or a linear one."""
        self._log_scale = enabled
        self.setLogMode(y=enabled)
        self._following = True
        self._follow(force=True)

    def append_snapshot(self, snapshot):
        """Append the snapshot's losses (restarting after a reset); :meth:`redraw` shows them."""
        if snapshot.new_history:
            self.history.clear()
            self._following = True
        losses = snapshot.losses
        self.history.append(snapshot.state.iteration - len(losses) + 1, losses)

    def redraw(self):
        """Show the whole history (decimated to the view by pyqtgraph)."""
        self._curve.setData(self.history.iterations, self.history.losses)
        self._follow(force=False)

    def _on_view_box_range_changed_manually(self, *_):
        self._following = False

    def _follow(self, force):
        losses = self.history.losses
        if not self._following or len(losses) == 0:
            return
        (_, x_high), (y_low, y_high) = self.getViewBox().viewRange()
        wanted_x = nice_ceiling(max(10.0, self.history.iterations[-1] * 1.05))
        if force or wanted_x != x_high:
            self.setXRange(0, wanted_x, padding=0)
        wanted_y = self._y_limits(losses)
        if force or not np.allclose(wanted_y, (y_low, y_high)):
            self.setYRange(*wanted_y, padding=0)

    def _y_limits(self, losses):
        """Round y limits that contain every loss (in log10 units on a log axis)."""
        smallest = max(float(losses.min()), 1e-300)  # a loss can underflow to exactly 0
        top = nice_ceiling(max(float(losses.max()) * 1.05, smallest))
        if not self._log_scale:
            return 0.0, top
        return math.floor(math.log10(smallest)), math.log10(top)
