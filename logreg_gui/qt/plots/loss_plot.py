"""The loss curve against iteration, decimated so that frames cost the same however long it grows."""

import numpy as np
import pyqtgraph as pg


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


class LossPlot(pg.PlotWidget):
    """Mean binary cross-entropy against iteration, with an optional log-scale y axis."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("loss_plot")
        self.setBackground("w")
        self.setLabel("bottom", "iteration")
        self.setLabel("left", "loss L (nats)")
        self.showGrid(x=True, y=True, alpha=0.15)
        self.getAxis("left").enableAutoSIPrefix(False)  # "(x0.001)" scaling confuses students
        self.history = LossHistory()
        self._curve = self.plot(pen=pg.mkPen("#D55E00", width=2))
        self._curve.setClipToView(True)
        self._curve.setDownsampling(auto=True, method="peak")

    def set_log_scale(self, enabled):
        """Show the loss on a log10 axis (True) or a linear one."""
        self.setLogMode(y=enabled)

    def append_snapshot(self, snapshot):
        """Append the snapshot's losses (restarting after a reset); :meth:`redraw` shows them."""
        if snapshot.new_history:
            self.history.clear()
        losses = snapshot.losses
        self.history.append(snapshot.state.iteration - len(losses) + 1, losses)

    def redraw(self):
        """Show the whole history (decimated to the view by pyqtgraph)."""
        self._curve.setData(self.history.iterations, self.history.losses)
