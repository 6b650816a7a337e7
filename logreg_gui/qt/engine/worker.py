"""The training worker: the Qt side of the training process."""

import multiprocessing
import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from logreg_gui.core.runner import serve, share_dataset
from logreg_gui.core.session import merged
from logreg_gui.qt.engine.gate import FrameGate

JOIN_SECONDS = 0.4  # then the training process is ended without waiting any longer
GATE_RETRY_MS = 50


class TrainingWorker(QObject):
    """Starts the training process and relays commands to it and snapshots from it.

    Create it without a parent, move it to a QThread and talk to it through queued signals.
    The process trains at full speed (it never waits for the window); its snapshots come in at
    most 60 times a second and go out to the window one at a time: while a frame is not yet
    painted, newer snapshots of the running session are merged into one (every loss kept), so
    a slow window never gets a queue; the answers to commands (a step, a pause) go out at once.

    Parameters
    ----------
    dataset : logreg_gui.core.data.Dataset
    options : logreg_gui.core.state.TrainingOptions
    """

    snapshot_ready = Signal(object)
    training_failed = Signal(str)
    landscape_ready = Signal(object)
    message_received = Signal(object)  # from the reading thread to this object's thread

    def __init__(self, dataset, options):
        super().__init__()
        self._start_with = (dataset, options)
        self._process = self._connection = self._reader = None
        self._shared = {}  # name → SharedMemory not yet copied by the process
        self._pending = None
        self._stopping = False
        self._gate = FrameGate()
        self._retry = QTimer(self)  # a child, so it moves to the worker's thread with us
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._emit_pending)
        self.message_received.connect(self._on_message_received,
                                      Qt.ConnectionType.QueuedConnection)

    @Slot()
    def publish(self):
        """Start the training process; its first snapshot is the state before any update."""
        context = multiprocessing.get_context("spawn")  # no fork of a process running Qt
        self._connection, child = context.Pipe()
        self._process = context.Process(target=serve, args=(child, *self._start_with),
                                        name="logreg-gui training", daemon=True)
        self._process.start()
        child.close()
        self._reader = threading.Thread(target=self._read, name="training messages",
                                        daemon=True)
        self._reader.start()

    @Slot()
    def play(self):
        """Start (or continue) training."""
        self._send("play")

    @Slot()
    def pause(self):
        """Stop training after the current chunk."""
        self._send("pause")

    @Slot()
    def toggle(self):
        """Pause when running, play otherwise (the process knows which)."""
        self._send("toggle")

    @Slot(int)
    def step(self, n_iterations=1):
        """Pause, then perform exactly `n_iterations` updates (fewer if training stops)."""
        self._send("step", n_iterations)

    @Slot()
    def reset(self):
        """Pause, then θ = 0, iteration 0 and a new loss history."""
        self._send("reset")

    @Slot(object)
    def configure(self, options):
        """Train with new :class:`TrainingOptions` from the next update on."""
        self._send("configure", options)

    @Slot(object, object)
    def start_from(self, theta, iteration):
        """Pause, then continue from θ (trained units) and, unless None, that iteration."""
        self._send("start_from", theta, iteration)

    @Slot(bool)
    def set_side_by_side(self, enabled):
        """Also train a copy with the other loss, both from θ = 0."""
        self._send("side_by_side", enabled)

    @Slot(object)
    def set_runs(self, runs):
        """Race these comparison runs (a sequence of :class:`Run`) beside the main one."""
        self._send("runs", tuple(runs))

    @Slot(object)
    def set_data(self, dataset):
        """Train on new points (and test split) from the next update on."""
        shared, meta = share_dataset(dataset)
        self._shared[shared.name] = shared
        self._send("data", meta)

    @Slot(object)
    def set_speed(self, iterations_per_second):
        """Pace training at this many iterations per second (None or 0: as fast as possible)."""
        self._send("speed", iterations_per_second)

    @Slot(object)
    def compute_landscape(self, request):
        """Compute J over a LandscapeRequest's grid; emits ``landscape_ready((request, grid))``."""
        self._send("landscape", request)

    @Slot()
    def frame_shown(self):
        """The window painted the last snapshot: the next one may go."""
        self._gate.confirmed()
        self._emit_pending()

    @Slot()
    def stop(self):
        """End the training process (waiting briefly for it) before the thread quits."""
        self._stopping = True
        self._send("stop")
        if self._process is not None:
            self._process.join(JOIN_SECONDS)
            if self._process.is_alive():  # a long computation did not see the stop in time
                self._process.kill()
                self._process.join()
            self._reader.join()  # it ends when the process's end of the pipe closes
            self._connection.close()
        for shared in self._shared.values():
            shared.close()
            shared.unlink()
        self._shared.clear()

    def _send(self, *command):
        try:
            self._connection.send(command)
        except (OSError, AttributeError):
            pass  # not started yet, or already stopped: nothing to command

    def _read(self):
        """In a thread of its own: hand every message from the process to this object."""
        while True:
            try:
                message = self._connection.recv()
            except (EOFError, OSError):
                if not self._stopping:
                    self.message_received.emit(("failed", "The training process ended "
                                                "unexpectedly; open or generate data to "
                                                "start again."))
                return
            self.message_received.emit(message)

    @Slot(object)
    def _on_message_received(self, message):
        kind, content = message
        if kind == "snapshot":
            self._pending = merged(self._pending, content)
            # The answers to commands (step, pause, new options) all go out: only the stream
            # of a running session is thinned to what the window can paint.
            self._emit_pending(at_once=not content.running)
        elif kind == "landscape":
            self.landscape_ready.emit(content)
        elif kind == "failed":
            self.training_failed.emit(content)
        elif kind == "released" and content in self._shared:
            shared = self._shared.pop(content)
            shared.close()
            shared.unlink()

    @Slot()
    def _emit_pending(self, at_once=False):
        if self._pending is None:
            return
        if not (at_once or self._gate.open()):
            if not self._retry.isActive():
                self._retry.start(GATE_RETRY_MS)
            return
        snapshot, self._pending = self._pending, None
        self._gate.sent()
        self.snapshot_ready.emit(snapshot)
