"""When the running worker may send the next snapshot (pure Python, no Qt)."""

import time

FRAME_INTERVAL = 1 / 60  # s of training between snapshots while running
UNCONFIRMED_LIMIT = 2.0  # s: send the next snapshot anyway (a frame that never got painted)


class FrameGate:
    """A snapshot is due after a frame's worth of training, once the window has painted the
    previous one.

    Python threads share one interpreter lock, and painting takes the GUI thread milliseconds of
    Python (pyqtgraph). So after each snapshot sent while running the worker waits until the
    window confirms the paint (or a timeout), then trains again: the window draws at full speed
    and stays responsive however fast training runs. Without a confirmation training resumes
    after the timeout, but the next snapshot still waits (up to ``UNCONFIRMED_LIMIT``), so a
    slow window never gets a queue of snapshots.

    Parameters
    ----------
    clock : callable () → float, optional
        Seconds (default ``time.perf_counter``).
    """

    def __init__(self, clock=time.perf_counter):
        self._clock = clock
        self.waiting = False
        self._unconfirmed = False
        self._unconfirmed_since = 0.0
        self.resume()

    def resume(self):
        """Training goes on (after a paint, a timeout or a new start)."""
        self.waiting = False
        self._resumed = self._clock()

    def sent(self):
        """A snapshot went out: wait for its paint."""
        self.waiting = self._unconfirmed = True
        self._unconfirmed_since = self._clock()

    def confirmed(self):
        """The window painted the last snapshot."""
        self._unconfirmed = False

    def due(self):
        """Whether the next snapshot may go out now (bool)."""
        now = self._clock()
        if self._unconfirmed and now - self._unconfirmed_since < UNCONFIRMED_LIMIT:
            return False
        return now - self._resumed >= FRAME_INTERVAL
