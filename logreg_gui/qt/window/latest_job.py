"""One computation at a time in a pool thread, the newest request waiting its turn."""

from functools import partial

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot


class LatestJob(QObject):
    """Runs ``function()`` of the newest request in a pool thread, one at a time.

    A request made while one runs waits (a newer one replaces it: only the latest matters),
    and starts `interval_ms` after the running one finished, so a stream of requests (one per
    frame) costs at most one computation per interval. numpy releases the interpreter lock in
    the heavy parts, so the window paints meanwhile.

    Parameters
    ----------
    interval_ms : int
        Least pause between a result and the next start.
    parent : QObject, optional

    Signals
    -------
    finished(object, object)
        The request's key and ``function()``'s result.
    failed(object, str)
        The request's key and the error's message when ``function()`` raised.
    """

    finished = Signal(object, object)
    failed = Signal(object, str)
    _done = Signal(object, object, object)  # key, result, error: from the pool thread (queued)

    def __init__(self, interval_ms=0, parent=None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._waiting = None
        self._running = False
        self._stopped = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(interval_ms)
        self._pause.timeout.connect(self._start_waiting)
        self._done.connect(self._on_done)

    @property
    def busy(self):
        """Whether a computation runs or waits (bool)."""
        return self._running or self._waiting is not None

    def request(self, key, function):
        """Compute ``function()`` (in a pool thread) as soon as it is this request's turn; after
        :meth:`stop`, nothing."""
        if self._stopped:
            return  # a frame shown while the window closes: its job would outlive the window
        self._waiting = (key, function)
        self._start_waiting()

    def stop(self):
        """Drop the waiting request, refuse new ones and wait for the running one (at
        shutdown)."""
        self._stopped = True
        self._waiting = None
        self._pause.stop()
        self._pool.waitForDone()

    @Slot()
    def _start_waiting(self):
        if self._running or self._pause.isActive() or self._waiting is None:
            return
        (key, function), self._waiting = self._waiting, None
        self._running = True
        self._pool.start(partial(self._run, key, function))

    def _run(self, key, function):
        try:
            result, error = function(), None
        except Exception as exception:  # reported as a signal: a job never takes the app down
            result, error = None, f"{type(exception).__name__}: {exception}"
        self._done.emit(key, result, error)

    @Slot(object, object, object)
    def _on_done(self, key, result, error):
        self._running = False
        if error is None:
            self.finished.emit(key, result)
        else:
            self.failed.emit(key, error)
        if self._waiting is not None:
            self._pause.start()
