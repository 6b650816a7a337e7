"""A bounded record of past parameters, thinned as it grows, for scrubbing back in time."""

import numpy as np


class ParameterHistory:
    """(iteration, θ) pairs spread evenly over the run; at most `capacity` of them.

    An entry is kept only once it is at least `stride` iterations after the one before it (the
    newest state is always held in the last slot). When full, every other entry is dropped and
    the stride doubles, so memory is O(capacity · n_parameters) however long training runs.

    Parameters
    ----------
    capacity : int ≥ 4
    """

    def __init__(self, capacity=4096):
        self.capacity = capacity
        self._iterations = np.empty(capacity, dtype=np.int64)
        self._thetas = None
        self.clear()

    def __len__(self):
        return self._size

    def clear(self):
        """Forget every entry (also the parameter count, which may change)."""
        self._size = 0
        self._thetas = None
        self.stride = 1

    def record(self, iteration, theta):
        """Keep θ (shape (n_parameters,), copied) as it was at `iteration` (non-decreasing)."""
        theta = np.asarray(theta, dtype=np.float64)
        if self._thetas is None or self._thetas.shape[1] != len(theta):
            self._thetas = np.empty((self.capacity, len(theta)))
            self._size = 0
        size = self._size
        newest_is_provisional = (size >= 2 and
                                 iteration - self._iterations[size - 2] < self.stride)
        if size and (iteration == self._iterations[size - 1] or newest_is_provisional):
            size -= 1  # replace the newest entry
        elif size == self.capacity:
            size = self._thin()
        self._iterations[size] = iteration
        self._thetas[size] = theta
        self._size = size + 1

    def _thin(self):
        """Drop every other entry (keeping the first and the newest); returns the new size."""
        keep = np.arange(0, self._size, 2)
        if keep[-1] != self._size - 1:
            keep = np.append(keep, self._size - 1)
        self._iterations[:len(keep)] = self._iterations[keep]
        self._thetas[:len(keep)] = self._thetas[keep]
        self.stride *= 2
        return len(keep)

    @property
    def iterations(self):
        """ndarray of int64, shape (len,): the recorded iterations, increasing."""
        return self._iterations[:self._size]

    @property
    def thetas(self):
        """ndarray of float64, shape (len, n_parameters)."""
        return self._thetas[:self._size] if self._thetas is not None else np.empty((0, 0))

    def at(self, iteration):
        """(recorded iteration, θ) of the latest entry at or before `iteration`.

        Raises
        ------
        IndexError
            If the history is empty.
        """
        if not self._size:
            raise IndexError("the history is empty")
        index = max(0, int(np.searchsorted(self.iterations, iteration, side="right")) - 1)
        return int(self._iterations[index]), self._thetas[index].copy()
