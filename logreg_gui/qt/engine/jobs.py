"""Background jobs of the worker: J* and loss-landscape grids in a small thread pool."""

import threading
from functools import partial

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot


class BackgroundJobs(QObject):
    """Runs ``job(should_stop)`` functions in pool threads; their results come back as
    :attr:`job_finished` in the thread this object lives in.

    numpy releases the interpreter lock for the heavy parts, so training and commands carry on
    meanwhile. :meth:`stop` cancels what runs (jobs check ``should_stop``) and waits for it.

    Signals
    -------
    job_finished(str, object)
        The job's kind and its result (or ``on_error(exception)`` when it raised).
    """

    job_finished = Signal(str, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # J* and a landscape grid at the same time
        self._relay = _Relay(self)  # emitted from pool threads, received in ours (queued)
        self._relay.finished.connect(self._on_relay_finished)
        self._stopping = threading.Event()

    def start(self, kind, job, on_error):
        """Run ``job(should_stop)`` in the pool; ``on_error(exception)`` gives the result to
        report when it raises."""
        self._pool.start(partial(self._run, kind, job, on_error))

    def stop(self):
        """Ask every job to stop and wait until they have (used at shutdown)."""
        self._stopping.set()
        self._pool.waitForDone()

    def _run(self, kind, job, on_error):
        try:
            result = job(self._stopping.is_set)
        except Exception as error:  # Qt would only print it: report it as the result instead
            result = on_error(error)
        self._relay.finished.emit(kind, result)

    @Slot(str, object)
    def _on_relay_finished(self, kind, result):
        self.job_finished.emit(kind, result)


class _Relay(QObject):
    """Carries results from pool threads to the owner's thread (a queued signal)."""

    finished = Signal(str, object)
