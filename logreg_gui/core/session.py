"""A training session: the trainer, its side-by-side twin and the losses not yet shown.

One Qt-free object that both the command line and the window's worker drive, so that both produce
the same numbers. Its inputs and outputs are plain data (datasets, options, snapshots).
"""

import time
from dataclasses import replace
from functools import partial

import numpy as np

from logreg_gui.core.landscape import loss_landscape
from logreg_gui.core.state import READY, Snapshot
from logreg_gui.core.training import Trainer

MAX_BATCH = 1 << 30
HEADLESS_CHUNK = 10_000  # iterations per call: bounded memory for the loss arrays


class TrainingSession:
    """Trains on a dataset, optionally side by side with the other loss, and hands out
    :class:`~logreg_gui.core.state.Snapshot` s carrying every loss since the previous one.

    Parameters
    ----------
    dataset : logreg_gui.core.data.Dataset
    options : logreg_gui.core.state.TrainingOptions

    Raises
    ------
    ValueError
        If an option is invalid.
    """

    def __init__(self, dataset, options):
        self._dataset = dataset
        self.trainer = Trainer(dataset.X, dataset.y, dataset.test_mask, **vars(options))
        self._twin = None  # the same run with the other loss, for comparison
        self._pending = []
        self._new_history = False
        self.start_history()

    @property
    def options(self):
        """The :class:`TrainingOptions` in use."""
        return self.trainer.options

    @property
    def status(self):
        """The trainer's status (``ready``, ``converged``, …)."""
        return self.trainer.status

    @property
    def has_pending(self):
        """Whether losses wait for the next snapshot (bool)."""
        return bool(self._pending)

    @property
    def side_by_side(self):
        """Whether a twin trains with the other loss (bool)."""
        return self._twin is not None

    def configure(self, options):
        """Train with new options from the next update on (a new degree also restarts the loss
        history); the twin follows with the other loss, and stops where it cannot (Newton).

        Raises
        ------
        ValueError
            If an option is invalid; nothing changes then.
        """
        new_degree = options.degree != self.options.degree
        self.trainer.configure(options)
        if self._twin is not None:
            try:
                self._twin.configure(options, loss=options.criterion.other.name)
            except ValueError:  # Newton cannot minimise the squared error
                self._twin = None
        if new_degree:
            self.start_history()

    def set_data(self, dataset):
        """Train on new points (and test split) from the next update on."""
        self._dataset = dataset
        for trainer in self._trainers():
            trainer.set_data(dataset.X, dataset.y, dataset.test_mask)

    def set_side_by_side(self, enabled):
        """Also train a copy with the other loss, both from θ = 0 (a new loss history).

        Raises
        ------
        ValueError
            If the optimizer cannot minimise the other loss (Newton); no twin then.
        """
        self._twin = None
        if enabled:
            options = replace(self.options, loss=self.options.criterion.other.name)
            self._twin = Trainer(self._dataset.X, self._dataset.y, self._dataset.test_mask,
                                 **vars(options))
        self.reset()

    def reset(self):
        """Every trainer back to θ = 0 and iteration 0, with a new loss history."""
        for trainer in self._trainers():
            trainer.reset()
        self.start_history()

    def start_from(self, theta, iteration=None):
        """Every trainer continues from θ (trained units, shape (n_output_features + 1,)) and,
        when given, that iteration count; the loss history goes on (a jump shows as one).

        Raises
        ------
        ValueError
            If θ has the wrong shape or a value that is not finite.
        """
        for trainer in self._trainers():
            trainer.start_from(theta, iteration)

    def start_history(self):
        """The next snapshot starts the loss history afresh with the current losses."""
        state = self.trainer.state()
        twin = self._twin.state().loss if self._twin is not None else np.nan
        self._pending = [np.array([[state.loss, state.test_loss, twin]])] if state.n_samples else []
        self._new_history = True

    def advance(self, n_iterations):
        """Perform up to `n_iterations` updates (fewer if training stops); returns how many."""
        losses = self.trainer.advance(n_iterations)
        twin = np.full(len(losses), np.nan)
        if self._twin is not None:
            twin_losses = self._twin.advance(len(losses))[:, 0]
            twin[:len(twin_losses)] = twin_losses
        if len(losses):
            self._pending.append(np.column_stack([losses, twin]))
        return len(losses)

    def advance_for(self, seconds, limit=MAX_BATCH, clock=time.perf_counter):
        """Advance for about `seconds`, at most `limit` iterations; returns how many were done.

        Iterations run in batches of 1, 2, 4, … until the time is spent, so a call never
        overshoots by more than its last batch however slow one iteration is (big data, high
        degree): whoever drives the session gets control back within a fraction of a second.
        """
        start = clock()
        done, batch = 0, 1
        while done < limit and clock() - start < seconds and self.status == READY:
            advanced = self.advance(min(batch, limit - done))
            if not advanced:
                break
            done += advanced
            batch *= 2
        return done

    def snapshot(self, running):
        """The current state with the losses since the previous snapshot (which it takes).

        Parameters
        ----------
        running : bool
            Whether training goes on after this snapshot.

        Returns
        -------
        Snapshot
        """
        losses = np.concatenate(self._pending) if self._pending else np.empty((0, 3))
        self._pending = []
        snapshot = Snapshot(self.trainer.state(), running, losses, self._new_history,
                            self.options, self.trainer.optima.known)
        self._new_history = False
        return snapshot

    def landscape_job(self, request):
        """A function of ``should_stop`` computing J over a
        :class:`~logreg_gui.core.landscape.LandscapeRequest` from its own references (for
        another thread); returns an ndarray of shape (rows, columns).

        Raises
        ------
        ValueError
            If the model is not planar (degree 1, two features).
        """
        X, y = self.trainer.features
        if X.shape[1] != 2:
            raise ValueError(f"the landscape needs degree 1, got {self.options.degree}")
        options = self.options
        return partial(loss_landscape, X, y, request.intercept, request.w1_values,
                       request.w2_values, options.criterion, options.l2)

    def _trainers(self):
        return [self.trainer] + ([self._twin] if self._twin is not None else [])


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


def merged(older, newer):
    """One snapshot standing for `older` then `newer` (either may be None): the newer state
    with every loss of both, unless the newer starts a new history (then only its own).

    Returns
    -------
    Snapshot or None
    """
    if older is None or newer is None or newer.new_history:
        return newer if newer is not None else older
    return replace(newer, losses=np.concatenate([older.losses, newer.losses]),
                   new_history=older.new_history)


def train(session, steps):
    """Advance `session` up to `steps` iterations, stopping when training stops by itself.

    J* is computed first (synchronously), so every snapshot carries it.

    Returns
    -------
    list of Snapshot
        At iterations 0, 1, 2, 4, 8, … and the last one, each with the losses since the one
        before (a window fed them in order shows the whole run: loss curve, history, landscape
        path and boundary trail).
    """
    session.trainer.optimum()
    snapshots = [session.snapshot(False)]
    checkpoint = 1
    while session.trainer.iteration < steps and session.status == READY:
        target = min(checkpoint, steps)
        while session.trainer.iteration < target and session.status == READY:
            session.advance(min(HEADLESS_CHUNK, target - session.trainer.iteration))
        snapshots.append(session.snapshot(False))
        checkpoint *= 2
    return snapshots
