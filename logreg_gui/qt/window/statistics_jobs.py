"""The statistics of the window's problem and the ROC panel's curves, computed off the GUI
thread and kept while they are current."""

from functools import partial

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from logreg_gui.core.diagnostics import diagnose, undiagnosed
from logreg_gui.core.evaluation import evaluate
from logreg_gui.qt.window.latest_job import LatestJob

EVALUATION_INTERVAL_MS = 250  # the ROC panel's curves: at most four times a second


def _problem(snapshot, dataset):
    """What the statistics depend on: the points and the options that change the fit."""
    o = snapshot.options
    return (id(dataset), o.degree, o.l2, o.standardize, o.loss)


def _token(optimum):
    """What identifies a J* (each snapshot brings its own copy of the same one)."""
    if optimum is None:
        return None
    return (None if optimum.theta is None else optimum.theta.tobytes(), optimum.reason)


class StatisticsJobs(QObject):
    """Computes :class:`~logreg_gui.core.diagnostics.Diagnostics` once per problem (data,
    degree, λ, scaling, loss), from the training process's J*, and the ROC panel's
    :class:`~logreg_gui.core.evaluation.Evaluation` on request, both in pool threads. A result
    for a problem that has changed meanwhile is dropped.

    Signals
    -------
    statistics_computed()
        New diagnostics of the current problem: redraw.
    evaluation_computed(object)
        An Evaluation (or a str saying why there is none) for the ROC panel.
    """

    statistics_computed = Signal()
    evaluation_computed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._problem = self._dataset = self._result = self._asked = None
        self._statistics = LatestJob(0, self)
        self._statistics.finished.connect(self._on_statistics_finished)
        self._statistics.failed.connect(self._on_statistics_failed)
        self._evaluation = LatestJob(EVALUATION_INTERVAL_MS, self)
        self._evaluation.finished.connect(lambda _, result: self.evaluation_computed.emit(result))
        self._evaluation.failed.connect(lambda _, error: self.evaluation_computed.emit(error))

    def of(self, snapshot, dataset):
        """The diagnostics of `dataset` under the snapshot's options, or None while they are
        computed (the computation starts here when J* is known)."""
        problem = _problem(snapshot, dataset)
        if problem != self._problem:
            self._problem, self._dataset, self._result, self._asked = problem, dataset, None, None
        if self._result is not None:
            return self._result
        options, optimum = snapshot.options, snapshot.optimum
        needs_optimum = options.l2 == 0 and options.criterion.convex
        if needs_optimum and (optimum is None or optimum.reason == "cancelled"):
            return None  # the training process is computing J*
        token = _token(optimum) if needs_optimum else None
        if self._asked != (problem, token):
            self._asked = (problem, token)
            self._statistics.request((problem, dataset, options),
                                     partial(diagnose, dataset, options, optimum))
        return None

    @property
    def busy(self):
        """Whether a computation runs or waits (bool)."""
        return self._statistics.busy or self._evaluation.busy

    @Slot(object)
    def evaluate(self, request):
        """Compute the Evaluation of ``(y, probabilities)`` (the newest request wins)."""
        y, probabilities = request
        self._evaluation.request(None, partial(_evaluation, y, probabilities))

    def stop(self):
        """Wait for what runs (at shutdown)."""
        self._statistics.stop()
        self._evaluation.stop()

    def _current(self, key):
        """Whether a job's key is the current problem's (the same dataset object, not just an
        equal id)."""
        return key[0] == self._problem and key[1] is self._dataset

    def _on_statistics_finished(self, key, result):
        if self._current(key) and result is not None:  # None: J* of other data
            self._result = result
            self.statistics_computed.emit()

    def _on_statistics_failed(self, key, error):
        _, dataset, options = key
        if self._current(key):
            self._result = undiagnosed(dataset, options, f"could not be computed ({error})")
            self.statistics_computed.emit()


def _evaluation(y, probabilities):
    if not np.all(np.isfinite(probabilities)):
        return "the model has diverged: its probabilities are not numbers"
    return evaluate(y, probabilities)
