"""The training worker: drives a TrainingSession in short chunks inside its own QThread."""

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from logreg_gui.core.optimum import Optimum
from logreg_gui.core.session import Pacer, TrainingSession
from logreg_gui.core.state import READY
from logreg_gui.qt.engine.gate import FrameGate
from logreg_gui.qt.engine.jobs import BackgroundJobs

CHUNK_BUDGET = 0.005  # s of training per chunk, so that queued commands are handled promptly
FRAME_TIMEOUT_MS = 100  # carry on training if the window does not confirm a frame by then


class TrainingWorker(QObject):
    """Trains between event-loop turns and emits throttled snapshots.

    Create it without a parent, move it to a QThread and talk to it only through queued signals.
    Commands (play, pause, step, options, data) take effect between chunks, so no locks are
    needed; the worker alone knows whether it is running, and says so in every snapshot.

    Parameters
    ----------
    dataset : logreg_gui.core.data.Dataset
    options : logreg_gui.core.state.TrainingOptions
    """

    snapshot_ready = Signal(object)
    training_failed = Signal(str)
    landscape_ready = Signal(object)

    def __init__(self, dataset, options):
        super().__init__()
        self._session = TrainingSession(dataset, options)
        self._jobs = BackgroundJobs(self)
        self._jobs.job_finished.connect(self._on_jobs_job_finished)
        self._timer = QTimer(self)  # a child, so it moves to the worker's thread with us
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._pacer = Pacer()  # as fast as possible until told a pace
        self._gate = FrameGate()
        self._running = False
        self._optimum_key = None

    @Slot()
    def publish(self):
        """Emit the first snapshot: the state before any update, starting the loss history."""
        self._emit()

    @Slot()
    def play(self):
        """Start (or continue) training."""
        self._running = True
        self._pacer.restart(self._pacer.speed)
        self._gate.resume()
        self._emit()
        self._timer.start(0)

    @Slot()
    def pause(self):
        """Stop training after the current chunk."""
        self._stop_running()
        self._emit()

    @Slot()
    def toggle(self):
        """Pause when running, play otherwise."""
        self.pause() if self._running else self.play()

    @Slot(int)
    def step(self, n_iterations=1):
        """Pause, then perform exactly `n_iterations` updates (fewer if training stops)."""
        self._stop_running()
        self._command(self._session.advance, n_iterations)

    @Slot()
    def reset(self):
        """Pause, then θ = 0, iteration 0 and a new loss history."""
        self._stop_running()
        self._command(self._session.reset)

    @Slot(object)
    def configure(self, options):
        """Train with new :class:`TrainingOptions` from the next update on."""
        self._command(self._session.configure, options)

    @Slot(bool)
    def set_side_by_side(self, enabled):
        """Also train a copy with the other loss, both from θ = 0."""
        self._command(self._session.set_side_by_side, enabled)

    @Slot(object)
    def set_data(self, dataset):
        """Train on new points (and test split) from the next update on."""
        self._command(self._session.set_data, dataset)

    @Slot(object)
    def set_speed(self, iterations_per_second):
        """Pace training at this many iterations per second (None or 0: as fast as possible)."""
        self._pacer.restart(iterations_per_second)

    @Slot(object)
    def compute_landscape(self, request):
        """Compute J over a LandscapeRequest's grid in a pool thread; emits
        ``landscape_ready((request, grid))``."""
        try:
            job = self._session.landscape_job(request)
        except ValueError:
            return  # the degree changed since the request: nothing to draw
        empty = np.full((len(request.w2_values), len(request.w1_values)), np.nan)
        self._jobs.start("landscape", lambda should_stop: (request, job(should_stop=should_stop)),
                         lambda error: (request, empty))  # no map, but the plot stops waiting

    @Slot()
    def frame_shown(self):
        """The window painted the last snapshot: resume training at once."""
        self._gate.confirmed()
        if self._gate.waiting:
            self._gate.resume()
            self._on_timer_timeout()

    @Slot()
    def stop(self):
        """Stop for good before the thread quits (at shutdown); cancels background jobs."""
        self._stop_running()
        self._jobs.stop()

    def _stop_running(self):
        self._running = False
        self._timer.stop()

    def _guarded(self, function, *args):
        """function(*args), or None after reporting what it raised (the worker stays usable)."""
        try:
            return function(*args)
        except Exception as error:
            self._stop_running()
            self.training_failed.emit(f"{type(error).__name__}: {error}")
            return None

    def _command(self, function, *args):
        self._guarded(function, *args)
        self._emit()

    def _on_timer_timeout(self):
        if self._gate.waiting:
            self._gate.resume()
        if not self._running:
            return
        done = self._guarded(self._session.advance_for, CHUNK_BUDGET, self._pacer.allowance())
        self._pacer.record(done or 0)
        if self._session.status != READY:
            self._running = False
        if not self._running:
            self._emit()
        elif self._session.has_pending and self._gate.due():
            self._emit()
            self._gate.sent()
            self._timer.start(FRAME_TIMEOUT_MS)
        else:
            self._timer.start(self._pacer.delay_ms())

    def _emit(self):
        self.snapshot_ready.emit(self._session.snapshot(self._running))
        self._request_optimum()

    def _request_optimum(self):
        """Compute J* in the pool unless it is known or already being computed."""
        trainer = self._session.trainer
        key, job = trainer.optimum_job()
        if trainer.optima.known is not None or key == self._optimum_key:
            return
        self._optimum_key = key
        self._jobs.start("optimum", lambda should_stop: (key, job(should_stop)),
                         lambda error: (key, Optimum(None, None,
                                                     f"J* could not be computed ({error})")))

    @Slot(str, object)
    def _on_jobs_job_finished(self, kind, result):
        if kind == "landscape":
            self.landscape_ready.emit(result)
        elif self._session.trainer.optima.store(*result):
            self._emit()
