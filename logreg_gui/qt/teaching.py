"""The teaching panels that follow the snapshots: history and scrubbing, the loss landscape,
the formulas and the threshold metrics."""

import numpy as np
from PySide6.QtCore import QObject, Signal

from ..core.history import ParameterHistory
from ..core.model import LogisticModel
from .formulas_panel import FormulasPanel
from .history_bar import HistoryBar
from .metrics_panel import MetricsPanel
from .plots.landscape_plot import LandscapePlot

HISTORY_CAPACITY = 4096


class TeachingPanels(QObject):
    """Keeps every snapshot's parameters (bounded) and drives the panels from them.

    Scrubbing the history bar shows an earlier model in every view without touching training;
    :attr:`model_shown` tells the window which model to draw.

    Signals
    -------
    scrubbed()
        The user moved through the history (redraw with :attr:`model_shown`).
    """

    scrubbed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.history = ParameterHistory(HISTORY_CAPACITY)
        self.landscape = LandscapePlot()
        self.formulas = FormulasPanel()
        self.metrics = MetricsPanel()
        self.history_bar = HistoryBar()
        self.history_bar.scrubbed.connect(self._on_history_bar_scrubbed)
        self._latest = None
        self._live_model = None

    @property
    def is_live(self):
        """Whether the views show the current model (not a past one)."""
        return self.history_bar.is_live

    def record(self, snapshot):
        """Remember the snapshot's parameters (restarting after a reset or a new degree)."""
        state = snapshot.state
        if snapshot.new_history:
            self.history.clear()
            self.landscape.forget_grid()
        pinned = None if self.is_live or snapshot.new_history else self._shown_iteration()
        self._latest = snapshot
        self._live_model = LogisticModel(state.coef_, state.intercept_, snapshot.options.degree)
        self.history.record(state.iteration, np.concatenate(
            [state.coef_, [state.intercept_], state.theta]))
        self.history_bar.set_length(len(self.history))
        if pinned is not None:  # thinning moves entries: stay on the same iteration
            index = np.searchsorted(self.history.iterations, pinned, side="right") - 1
            self.history_bar.show_index(max(int(index), 0))

    @property
    def model_shown(self):
        """The :class:`LogisticModel` the views should draw (live or scrubbed), or None."""
        if self._latest is None:
            return None
        if self.is_live:
            return self._live_model
        _, coef, intercept, _ = self._entry(self.history_bar.slider.value())
        return LogisticModel(coef, intercept, self._latest.options.degree)

    def show(self, dataset, threshold):
        """Refresh the panels for the model shown, the data and the threshold τ."""
        if self._latest is None:
            return
        iteration, _, _, theta = self._entry(self.history_bar.slider.value())
        self.history_bar.show_position(iteration, self._latest.state.iteration)
        self.formulas.show_snapshot(self._latest)
        self.metrics.show_model(self.model_shown, dataset, threshold)
        thetas = self.history.thetas
        p = len(self._latest.state.coef_)
        path = thetas[:, p + 1:p + 3] if len(theta) == 3 else np.empty((0, 2))
        shown = np.searchsorted(self.history.iterations, iteration, side="right")
        gradient = self._latest.state.gradient if self.is_live else np.zeros_like(theta)
        optimum = self._latest.optimum
        target = optimum.theta if optimum is not None and optimum.theta is not None else None
        self.landscape.show_state(path[:shown], theta, gradient, target)

    def step_back(self):
        """Show the previous recorded snapshot."""
        self.history_bar.step_back()

    def _shown_iteration(self):
        return int(self.history.iterations[min(self.history_bar.slider.value(),
                                               len(self.history) - 1)])

    def _entry(self, index):
        """(iteration, coef, intercept, θ in trained units) of history entry `index`."""
        index = min(index, len(self.history) - 1)
        iteration = int(self.history.iterations[index])
        vector = self.history.thetas[index]
        p = len(self._latest.state.coef_)
        return iteration, vector[:p], float(vector[p]), vector[p + 1:]

    def _on_history_bar_scrubbed(self, _index):
        self.scrubbed.emit()
