"""Owns the training thread and worker; the window's only way to command training."""

import atexit
import weakref
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication

from logreg_gui.qt.engine.worker import TrainingWorker


class TrainingController(QObject):
    """Starts a :class:`TrainingWorker` in its own QThread and passes commands to it.

    Every command is a queued signal to the worker; its results come back as signals handled by
    this object, which lives in the GUI thread. Whether training runs is known from the
    snapshots alone.

    Parameters
    ----------
    dataset : logreg_gui.core.data.Dataset
    options : logreg_gui.core.state.TrainingOptions
    parent : QObject, optional
    """

    snapshot_ready = Signal(object)
    training_failed = Signal(str)
    landscape_ready = Signal(object)

    play_requested = Signal()
    pause_requested = Signal()
    toggle_requested = Signal()
    step_requested = Signal(int)
    reset_requested = Signal()
    stop_requested = Signal()
    options_change_requested = Signal(object)
    speed_change_requested = Signal(object)
    data_change_requested = Signal(object)
    side_by_side_requested = Signal(bool)
    start_from_requested = Signal(object, object)
    runs_requested = Signal(object)
    landscape_requested = Signal(object)
    frame_shown = Signal()

    def __init__(self, dataset, options, parent=None):
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("training")
        self._worker = TrainingWorker(dataset, options)
        self._worker.moveToThread(self._thread)
        self._connect_worker()
        self._thread.started.connect(self._worker.publish)
        self._thread.finished.connect(self._worker.deleteLater)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        # A window deleted without closing (or garbage-collected) takes us with it: join the
        # thread then too, or Qt aborts with 'QThread: Destroyed while thread is still running'.
        self.destroyed.connect(partial(_join, self._thread))
        _THREADS.add(self._thread)
        self._thread.start()

    def _connect_worker(self):
        worker = self._worker
        # Shutdown waits until the worker has stopped: a stop queued behind quit() may never run.
        self.stop_requested.connect(worker.stop, Qt.ConnectionType.BlockingQueuedConnection)
        for request, slot in [(self.play_requested, worker.play),
                              (self.pause_requested, worker.pause),
                              (self.toggle_requested, worker.toggle),
                              (self.step_requested, worker.step),
                              (self.reset_requested, worker.reset),
                              (self.options_change_requested, worker.configure),
                              (self.speed_change_requested, worker.set_speed),
                              (self.data_change_requested, worker.set_data),
                              (self.side_by_side_requested, worker.set_side_by_side),
                              (self.start_from_requested, worker.start_from),
                              (self.runs_requested, worker.set_runs),
                              (self.landscape_requested, worker.compute_landscape),
                              (self.frame_shown, worker.frame_shown)]:
            request.connect(slot)
        queued = Qt.ConnectionType.QueuedConnection  # delivered in the GUI thread
        worker.snapshot_ready.connect(self.snapshot_ready, queued)
        worker.training_failed.connect(self.training_failed, queued)
        worker.landscape_ready.connect(self.landscape_ready, queued)

    def play(self):
        """Start or continue training."""
        self.play_requested.emit()

    def pause(self):
        """Pause training."""
        self.pause_requested.emit()

    def toggle(self):
        """Play when paused, pause when running (decided by the worker, so that every press
        counts even between snapshots)."""
        self.toggle_requested.emit()

    def step(self, n_iterations=1):
        """Pause, then perform exactly `n_iterations` updates (fewer if training stops)."""
        self.step_requested.emit(n_iterations)

    def reset(self):
        """Pause, then set w = 0, b = 0 and start a new loss history."""
        self.reset_requested.emit()

    def configure(self, options):
        """Train with these :class:`TrainingOptions` from the next update on."""
        self.options_change_requested.emit(options)

    def set_data(self, dataset):
        """Send new points (with their test split) to the worker."""
        self.data_change_requested.emit(dataset)

    def set_runs(self, runs):
        """Race comparison runs (a sequence of :class:`~logreg_gui.core.state.Run`, at most
        three) beside the main one, all from θ = 0."""
        self.runs_requested.emit(tuple(runs))

    def start_from(self, theta, iteration=None):
        """Pause, then continue from θ (trained units, shape (n_output_features + 1,)) and,
        when given, that iteration count."""
        self.start_from_requested.emit(theta, iteration)

    @property
    def is_alive(self):
        """Whether the training thread is still running (bool)."""
        return self._thread.isRunning()

    @Slot()
    def shutdown(self):
        """Stop the worker and join its thread; safe to call more than once."""
        if self._thread.isRunning():
            self.stop_requested.emit()
            _join(self._thread)


_THREADS = weakref.WeakSet()  # every training thread, for the exit handler below


@atexit.register
def _join_all_at_exit():
    """A script that ends with a window still open (never closed nor deleted) would otherwise
    let Python free the thread while it runs, and Qt aborts."""
    for thread in list(_THREADS):
        _join(thread)


def _join(thread):
    """Quit a thread's event loop and wait for it to finish (never terminate())."""
    if shiboken6.isValid(thread) and thread.isRunning():  # at exit Python may free it first
        thread.quit()
        thread.wait()
