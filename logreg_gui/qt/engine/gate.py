"""When the next snapshot may go out to the window (pure Python, no Qt)."""

import time

FRAME_TIMEOUT = 0.5  # s: send the next snapshot anyway (a frame that never got painted)


class FrameGate:
    """One snapshot at a time: the next goes out once the window has painted the previous one,
    or after ``FRAME_TIMEOUT`` (a paint that never came must not stop the pictures).

    Parameters
    ----------
    clock : callable () → float, optional
        Seconds (default ``time.perf_counter``).
    """

    def __init__(self, clock=time.perf_counter):
        self._clock = clock
        self._waiting_since = None

    def sent(self):
        """A snapshot went out: wait for its paint."""
        self._waiting_since = self._clock()

    def confirmed(self):
        """The window painted the last snapshot."""
        self._waiting_since = None

    def open(self):
        """Whether the next snapshot may go out now (bool)."""
        return (self._waiting_since is None
                or self._clock() - self._waiting_since >= FRAME_TIMEOUT)
