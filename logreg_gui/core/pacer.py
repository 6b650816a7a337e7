"""How many iterations may run now to keep a chosen pace (pure Python, no Qt)."""

import time

MAX_BATCH = 1 << 30  # "as many as you like"


class Pacer:
    """How many iterations may run now to keep a pace of `speed` iterations per second.

    Parameters
    ----------
    speed : int or None
        Iterations per second; None (or 0) means as fast as possible.
    clock : callable () → float, optional
        Seconds (default ``time.perf_counter``).
    """

    def __init__(self, speed=None, clock=time.perf_counter):
        self._clock = clock
        self.restart(speed)

    def restart(self, speed=None):
        """Start counting afresh at a (new) pace."""
        self.speed = speed or None
        self._start, self._done = self._clock(), 0

    def allowance(self):
        """Iterations due now (int ≥ 0): the first is due at once, then one per 1/speed s."""
        if self.speed is None:
            return MAX_BATCH
        return max(0, int((self._clock() - self._start) * self.speed) + 1 - self._done)

    def record(self, done):
        """Count `done` iterations against the pace."""
        self._done += done

    def delay_ms(self):
        """How long to wait before the next chunk (int ms; 0 at full speed)."""
        return 0 if self.speed is None else int(min(1000 / self.speed, 10))
