"""The training worker: runs the core trainer in short chunks inside its own QThread."""

import threading
import time
from functools import partial

import numpy as np
from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal, Slot

from ..core.optimum import Optimum
from ..core.state import READY, Snapshot
from ..core.training import Trainer

FRAME_INTERVAL = 1 / 60  # s of training between snapshots while running
CHUNK_BUDGET = 0.005  # s of work per chunk, so that queued commands are handled promptly
FRAME_TIMEOUT_MS = 100  # carry on training if the GUI does not confirm a frame within this
UNCONFIRMED_LIMIT = 2.0  # s: send the next snapshot anyway (a frame that never got painted)


class TrainingWorker(QObject):
    """Runs gradient descent between event-loop turns and emits throttled snapshots.

    Create it without a parent, move it to a QThread, and talk to it only through queued
    signals. Commands (play, pause, step, new data, new learning rate) take effect between
    chunks, so no locks are needed.

    Python threads share one interpreter lock, and drawing a frame takes the GUI thread
    milliseconds of Python (pyqtgraph). So after each snapshot sent while running, the worker
    idles until :meth:`frame_shown` (or ``FRAME_TIMEOUT_MS``): the GUI draws at full speed,
    then training resumes, and the window stays responsive however fast training runs.

    Parameters
    ----------
    dataset : logreg_gui.core.data.Dataset
    options : logreg_gui.core.training.TrainingOptions
    """

    snapshot_ready = Signal(object)
    training_failed = Signal(str)
    landscape_ready = Signal(object)

    def __init__(self, dataset, options):
        super().__init__()
        self._trainer = Trainer(dataset.X, dataset.y, dataset.test_mask, **vars(options))
        self._twin = None  # the same run with the other loss, for side-by-side comparison
        # J* (Newton to 1e-10) can take seconds on big data: it runs in a pool thread so that
        # training and commands carry on; numpy releases the interpreter lock for the heavy parts.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # J* and a landscape grid at the same time
        self._relay = _Relay(self)  # pool threads emit through it; handled in this thread
        self._relay.finished.connect(self._on_relay_finished)
        self._stopping = threading.Event()
        self._optimum_key = None
        self._timer = QTimer(self)  # a child, so it moves to the worker's thread with us
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._speed = None  # iterations per second; None means as fast as possible
        self._running = False
        self._awaiting_frame = self._unconfirmed = False
        self._unconfirmed_since = 0.0
        self._pending = []
        self._new_history = False

    @Slot()
    def play(self):
        """Start (or continue) training."""
        self._running = True
        self._pace_start, self._pace_done = time.perf_counter(), 0
        self._resume()
        self._emit()
        self._timer.start(0)

    @Slot()
    def pause(self):
        """Stop training after the current chunk."""
        self._running = False
        self._timer.stop()
        self._emit()

    @Slot(int)
    def step(self, n_iterations=1):
        """Pause, then perform exactly `n_iterations` updates (fewer if training stops)."""
        self._running = False
        self._timer.stop()
        self._guarded(self._advance, n_iterations)
        self._emit()

    @Slot()
    def reset(self):
        """Pause, then w = 0, b = 0, iteration 0 and a new loss history."""
        self._running = False
        self._timer.stop()
        self._restart()

    @Slot(bool)
    def set_side_by_side(self, enabled):
        """Also train a copy with the other loss (cross-entropy ↔ MSE) from the same start."""
        self._twin = None
        if enabled:
            self._guarded(self._make_twin)
        self._restart()

    def _restart(self):
        """Every trainer back to w = 0, b = 0, with a new loss history."""
        for trainer in self._trainers():
            trainer.reset()
        self._start_history()
        self._emit()

    @Slot(object)
    def compute_landscape(self, request):
        """Compute J over ``request.w1_values × request.w2_values`` at ``request.intercept``
        (trained units) in a pool thread; emits ``landscape_ready((request, grid))``."""
        try:
            job = self._trainer.landscape_job(request.w1_values, request.w2_values,
                                              request.intercept)
        except ValueError:
            return  # degree changed since the request: nothing to draw
        shape = (len(request.w2_values), len(request.w1_values))
        self._start("landscape", lambda should_stop: (request, job(should_stop=should_stop)),
                    lambda error: (request, np.full(shape, np.nan)))  # an empty grid: no map

    def _start(self, kind, job, on_error):
        """Run ``job(should_stop)`` in the pool; its result (or ``on_error(exception)``) comes
        back to :meth:`_on_relay_finished` in this thread."""
        self._pool.start(partial(self._run_in_pool, kind, job, on_error))

    def _run_in_pool(self, kind, job, on_error):
        try:
            result = job(self._stopping.is_set)
        except Exception as error:  # Qt would only print it: report it as the result instead
            result = on_error(error)
        self._relay.finished.emit(kind, result)

    @Slot(str, object)
    def _on_relay_finished(self, kind, result):
        if kind == "landscape":
            self.landscape_ready.emit(result)
        else:
            self._on_optimum_found(result)

    def _trainers(self):
        return [self._trainer] + ([self._twin] if self._twin is not None else [])

    def _make_twin(self):
        self._twin = self._trainer.with_options(loss=_other_loss(self._trainer.options.loss))

    @Slot()
    def publish(self):
        """Emit the first snapshot: the state before any update, starting the loss history."""
        self._start_history()
        self._emit()

    def _start_history(self):
        state = self._trainer.state()
        twin = self._twin.state().loss if self._twin is not None else np.nan
        self._pending = [np.array([[state.loss, state.test_loss, twin]])] if state.n_samples else []
        self._new_history = True

    @Slot(object)
    def set_options(self, options):
        """Train with new :class:`TrainingOptions` from the next update on (a new degree also
        restarts from θ = 0 with a new loss history)."""
        old = self._trainer.options
        changes = {name: value for name, value in vars(options).items()
                   if getattr(old, name) != value}
        if changes:
            self._guarded(self._trainer.configure, **changes)
            if self._twin is not None:
                if "loss" in changes:
                    changes["loss"] = _other_loss(changes["loss"])
                try:
                    self._twin.configure(**changes)
                except ValueError:  # e.g. Newton, which cannot run the squared error: stop it
                    self._twin = None
            if "degree" in changes:
                self._start_history()
        self._emit()

    @Slot(object)
    def set_speed(self, iterations_per_second):
        """Pace training at this many iterations per second (None: as fast as possible)."""
        self._speed = iterations_per_second
        self._pace_start, self._pace_done = time.perf_counter(), 0

    @Slot(object)
    def set_data(self, dataset):
        """Train on new points (and test split) from the next update on."""
        for trainer in self._trainers():
            self._guarded(trainer.set_data, dataset.X, dataset.y, dataset.test_mask)
        self._emit()

    @Slot()
    def stop(self):
        """Stop for good before the thread quits (used at shutdown); cancels J*."""
        self._running = False
        self._timer.stop()
        self._stopping.set()
        self._pool.waitForDone()

    def _request_optimum(self):
        """Start computing J* in the pool unless it is known or already being computed."""
        trainer = self._trainer
        key, job = trainer.optimum_job()
        if trainer.known_optimum() is not None or key == self._optimum_key:
            return
        self._optimum_key = key
        self._start("optimum", lambda should_stop: (key, job(should_stop)),
                    lambda error: (key, Optimum(None, None, f"J* could not be computed ({error})")))

    def _on_optimum_found(self, result):
        key, optimum = result
        if self._trainer.store_optimum(key, optimum):
            self._emit()

    @Slot()
    def frame_shown(self):
        """The GUI has drawn the last snapshot: resume training at once."""
        self._unconfirmed = False
        if self._awaiting_frame:
            self._resume()
            self._on_timer_timeout()

    def _resume(self):
        self._awaiting_frame = False
        self._resumed = time.perf_counter()

    def _frame_due(self):
        """Time for a snapshot: a frame's worth of training done, and the last snapshot shown.

        After FRAME_TIMEOUT_MS without confirmation training resumes, but the next snapshot
        waits for the confirmation (or UNCONFIRMED_LIMIT), so a slow window never gets a queue.
        """
        now = time.perf_counter()
        if self._unconfirmed and now - self._unconfirmed_since < UNCONFIRMED_LIMIT:
            return False
        return now - self._resumed >= FRAME_INTERVAL

    def _on_timer_timeout(self):
        if self._awaiting_frame:
            self._resume()
        if not self._running:
            return
        self._guarded(self._run_chunk)
        if self._trainer.status != READY:
            self._running = False
        if not self._running:
            self._emit()
        elif self._pending and self._frame_due():
            self._emit()
            self._awaiting_frame = self._unconfirmed = True
            self._unconfirmed_since = time.perf_counter()
            self._timer.start(FRAME_TIMEOUT_MS)
        else:
            self._timer.start(self._next_delay_ms())

    def _run_chunk(self):
        """Advance by as many iterations as the speed allows, within the time budget.

        Iterations run in batches of 1, 2, 4, … until the budget is spent, so a chunk never
        overshoots by more than its last batch, however slow one iteration is (big data, high
        degree): queued commands such as Pause are then handled within a fraction of a second.
        """
        start = time.perf_counter()
        limit = 1 << 30
        if self._speed is not None:
            due = int((start - self._pace_start) * self._speed) + 1 - self._pace_done
            limit = max(0, due)
        done, batch = 0, 1
        while done < limit and time.perf_counter() - start < CHUNK_BUDGET:
            advanced = self._advance(min(batch, limit - done))
            if not advanced:
                break
            done += advanced
            batch *= 2
        self._pace_done += done

    def _advance(self, n_iterations):
        """Run the trainer; keep the losses for the next snapshot. Returns the updates done."""
        losses = self._trainer.advance(n_iterations)
        twin = np.full(len(losses), np.nan)
        if self._twin is not None:
            twin_losses = self._twin.advance(len(losses))[:, 0]
            twin[:len(twin_losses)] = twin_losses
        if len(losses):
            self._pending.append(np.column_stack([losses, twin]))
        return len(losses)

    def _next_delay_ms(self):
        if self._speed is None:
            return 0
        return int(min(1000 / self._speed, 10))

    def _guarded(self, function, *args, **kwargs):
        try:
            function(*args, **kwargs)
        except Exception as error:  # the worker must stay usable whatever fails
            self._running = False
            self._timer.stop()
            self.training_failed.emit(f"{type(error).__name__}: {error}")

    def _emit(self):
        losses = np.concatenate(self._pending) if self._pending else np.empty((0, 3))
        self._pending.clear()
        self.snapshot_ready.emit(Snapshot(self._trainer.state(), self._running, losses,
                                          self._new_history, self._trainer.options,
                                          self._trainer.known_optimum()))
        self._new_history = False
        self._request_optimum()


def _other_loss(loss):
    return "mse" if loss == "cross_entropy" else "cross_entropy"


class _Relay(QObject):
    """Carries results from pool threads to the worker's thread (a queued signal)."""

    finished = Signal(str, object)  # kind ("optimum" or "landscape"), result
