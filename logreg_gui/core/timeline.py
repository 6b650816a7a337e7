"""What a run went through: every iteration's losses, and past parameters (bounded) for scrubbing
back in time."""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core.state import LOSS_COLUMNS, MAX_RUNS


@dataclass(frozen=True)
class TimelineEntry:
    """The parameters recorded at one iteration.

    Parameters
    ----------
    iteration : int
    coef_ : ndarray of float64, shape (n_output_features,)
        Weights in original units.
    intercept_ : float
        Intercept in original units.
    theta : ndarray of float64, shape (n_output_features + 1,)
        (w, b) in the trained (standardized) units.
    gradient : ndarray of float64, shape (n_output_features + 1,)
        ∇J at θ, trained units.
    loss : float
        J at θ (training points).
    """

    iteration: int
    coef_: np.ndarray
    intercept_: float
    theta: np.ndarray
    gradient: np.ndarray
    loss: float

    @classmethod
    def of(cls, state):
        """The entry of a :class:`~logreg_gui.core.state.TrainingState`."""
        return cls(state.iteration, state.coef_, state.intercept_, state.theta, state.gradient,
                   state.loss)


class ParameterTimeline:
    """(iteration, vector) pairs spread evenly over the run; at most `capacity` of them.

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
        self._vectors = None
        self.clear()

    def __len__(self):
        return self._size

    def clear(self):
        """Forget every entry (also the parameter count, which may change)."""
        self._size = 0
        self._vectors = None
        self.stride = 1

    def record(self, iteration, vector):
        """Keep a vector (shape (k,), copied) as it was at `iteration` (non-decreasing)."""
        vector = np.asarray(vector, dtype=np.float64)
        if self._vectors is None or self._vectors.shape[1] != len(vector):
            self._vectors = np.empty((self.capacity, len(vector)))
            self._size = 0
        size = self._size
        newest_is_provisional = (size >= 2 and
                                 iteration - self._iterations[size - 2] < self.stride)
        if size and (iteration == self._iterations[size - 1] or newest_is_provisional):
            size -= 1  # replace the newest entry
        elif size == self.capacity:
            size = self._thin()
        self._iterations[size] = iteration
        self._vectors[size] = vector
        self._size = size + 1

    def _thin(self):
        """Drop every other entry (keeping the first and the newest); returns the new size."""
        keep = np.arange(0, self._size, 2)
        if keep[-1] != self._size - 1:
            keep = np.append(keep, self._size - 1)
        self._iterations[:len(keep)] = self._iterations[keep]
        self._vectors[:len(keep)] = self._vectors[keep]
        self.stride *= 2
        return len(keep)

    @property
    def iterations(self):
        """ndarray of int64, shape (len,): the recorded iterations, increasing."""
        return self._iterations[:self._size]

    @property
    def vectors(self):
        """ndarray of float64, shape (len, n_parameters)."""
        return self._vectors[:self._size] if self._vectors is not None else np.empty((0, 0))

    def index_at(self, iteration):
        """Index of the latest entry at or before `iteration` (0 when it precedes them all).

        Raises
        ------
        IndexError
            If the history is empty.
        """
        if not self._size:
            raise IndexError("the history is empty")
        return max(0, int(np.searchsorted(self.iterations, iteration, side="right")) - 1)

    def at(self, iteration):
        """(recorded iteration, vector) of the latest entry at or before `iteration`.

        Raises
        ------
        IndexError
            If the history is empty.
        """
        index = self.index_at(iteration)
        return int(self._iterations[index]), self._vectors[index].copy()


class LossCurve:
    """(iteration, training J, test log-loss, each comparison run's J) rows, every iteration's until
    `capacity` rows are held; then every other row is dropped and only every `stride`-th
    iteration is kept from there on (the stride doubles each time), so memory and drawing cost
    stay bounded however long training runs.

    Parameters
    ----------
    capacity : int ≥ 2

    Attributes
    ----------
    iterations, losses, test_losses : ndarray of float64, shape (n,)
        Test losses are NaN without a test set.
    run_losses : ndarray of float64, shape (MAX_RUNS, n)
        Each comparison run's J (NaN where there is no such run); ``twin_losses`` is the first.
    stride : int
        1 while every iteration is held.
    """

    def __init__(self, capacity=1 << 15):
        self.capacity = capacity
        self._data = np.empty((1 + LOSS_COLUMNS, min(capacity, 1024)))
        self.clear()

    def __len__(self):
        return self._size

    def clear(self):
        """Forget every entry."""
        self._size = 0
        self.stride = 1

    def append(self, first_iteration, losses):
        """Add `losses` (shape (k, LOSS_COLUMNS): J, test log-loss, each run's J) for
        iterations first_iteration … first_iteration + k − 1."""
        rows = np.column_stack([np.arange(first_iteration, first_iteration + len(losses)),
                                np.asarray(losses, dtype=np.float64).reshape(-1, LOSS_COLUMNS)]).T
        rows = rows[:, rows[0] % self.stride == 0]
        while self._size + rows.shape[1] > self.capacity:
            self._thin()
            rows = rows[:, rows[0] % self.stride == 0]
        while self._size + rows.shape[1] > self._data.shape[1]:
            self._data = np.concatenate([self._data, np.empty_like(self._data)], axis=1)
        self._data[:, self._size:self._size + rows.shape[1]] = rows
        self._size += rows.shape[1]

    def _thin(self):
        self.stride *= 2
        keep = self._data[0, :self._size] % self.stride == 0
        kept = self._data[:, :self._size][:, keep]
        self._data[:, :kept.shape[1]] = kept
        self._size = kept.shape[1]

    def restore(self, iterations, losses):
        """Replace every entry by a saved curve: J at `iterations` (array_like, shape (n,),
        increasing, evenly spaced as this curve keeps them), with no test or run losses."""
        self.clear()
        iterations = np.asarray(iterations, dtype=np.float64)[-self.capacity:]
        losses = np.asarray(losses, dtype=np.float64)[-self.capacity:]
        while self._data.shape[1] < len(iterations):
            self._data = np.concatenate([self._data, np.empty_like(self._data)], axis=1)
        self._data[:, :len(iterations)] = np.nan
        self._data[0, :len(iterations)] = iterations
        self._data[1, :len(iterations)] = losses
        self._size = len(iterations)
        self.stride = int(iterations[1] - iterations[0]) if len(iterations) > 1 else 1

    def at(self, iteration):
        """(J, test log-loss, each run's J) at `iteration` (NaN where not held)."""
        index = int(np.searchsorted(self.iterations, iteration))
        if index == self._size or self._data[0, index] != iteration:
            return (np.nan,) * LOSS_COLUMNS
        return tuple(float(value) for value in self._data[1:, index])

    @property
    def iterations(self):
        return self._data[0, :self._size]

    @property
    def losses(self):
        return self._data[1, :self._size]

    @property
    def test_losses(self):
        return self._data[2, :self._size]

    @property
    def run_losses(self):
        return self._data[3:, :self._size]

    @property
    def twin_losses(self):
        return self._data[3, :self._size]


class Timeline:
    """A run's loss curve and its bounded parameter history, fed snapshot by snapshot.

    Parameters
    ----------
    capacity : int ≥ 4
        Parameter entries kept at most (see :class:`ParameterTimeline`).

    Attributes
    ----------
    losses : LossCurve
    parameters : ParameterTimeline
        Vectors (coef_, intercept_, θ, ∇J, J) as :meth:`entry` splits them.
    version : int
        Grows with every recorded snapshot (views redraw the curve only when it changed).
    """

    def __init__(self, capacity=4096):
        self.losses = LossCurve()
        self.parameters = ParameterTimeline(capacity)
        self.version = 0
        self._n_coef = 0

    def record(self, snapshot):
        """Append a :class:`~logreg_gui.core.state.Snapshot`'s losses and parameters (starting
        afresh when it begins a new history).

        Returns
        -------
        bool
            False for a snapshot older than the last one recorded in this history (nothing is
            recorded: it is stale, e.g. a live engine's beside a replayed run).
        """
        state = snapshot.state
        iterations = self.parameters.iterations
        if not snapshot.new_history and len(iterations) and state.iteration < iterations[-1]:
            return False
        if snapshot.new_history:
            self.losses.clear()
            self.parameters.clear()
        self.losses.append(state.iteration - len(snapshot.losses) + 1, snapshot.losses)
        self._n_coef = len(state.coef_)
        runs = np.full((MAX_RUNS, len(state.theta)), np.nan)
        for index, run in enumerate(snapshot.runs):
            runs[index] = run.theta
        self.parameters.record(state.iteration, np.concatenate(
            [state.coef_, [state.intercept_], state.theta, state.gradient, [state.loss],
             runs.ravel()]))
        self.version += 1
        return True

    def entry(self, iteration):
        """The :class:`TimelineEntry` recorded at or before `iteration`.

        Raises
        ------
        IndexError
            If nothing is recorded.
        """
        recorded, vector = self.parameters.at(iteration)
        p = self._n_coef
        return TimelineEntry(recorded, vector[:p], float(vector[p]), vector[p + 1:2 * p + 2],
                             vector[2 * p + 2:3 * p + 3], float(vector[3 * p + 3]))

    def path(self, iteration, run=None):
        """θ (trained units) of every entry up to `iteration`, shape (k, n_parameters): of the
        main run, or of comparison run number `run` (NaN where it did not exist)."""
        p = self._n_coef
        shown = np.searchsorted(self.parameters.iterations, iteration, side="right")
        start = p + 1 if run is None else 3 * p + 4 + run * (p + 1)
        return self.parameters.vectors[:shown, start:start + p + 1]
