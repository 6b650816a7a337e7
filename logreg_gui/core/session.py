"""A training session: the trainer, its side-by-side twin and the losses not yet shown.

One Qt-free object that both the command line and the window's worker drive, so that both produce
the same numbers. Its inputs and outputs are plain data (datasets, options, snapshots).
"""

import time
from dataclasses import replace

import numpy as np

from logreg_gui.core.landscape import landscape_points, loss_landscape
from logreg_gui.core.pacer import MAX_BATCH
from logreg_gui.core.state import LOSS_COLUMNS, MAX_RUNS, READY, Run, RunState, Snapshot
from logreg_gui.core.training import Trainer

HEADLESS_CHUNK = 10_000  # iterations per call: bounded memory for the loss arrays


class TrainingSession:
    """Trains on a dataset, optionally beside comparison runs (other optimizers or settings,
    or the other loss), and hands out :class:`~logreg_gui.core.state.Snapshot` s carrying every
    loss since the previous one.

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
        self._runs = []  # (Run, Trainer) of the comparison runs
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
    def runs(self):
        """The comparison runs (tuple of :class:`~logreg_gui.core.state.Run`)."""
        return tuple(run for run, _ in self._runs)

    @property
    def side_by_side(self):
        """Whether a run trains with the other loss (bool)."""
        return any("loss" in run.changes for run in self.runs)

    def configure(self, options):
        """Train with new options from the next update on (a new degree also restarts the loss
        history); the comparison runs follow with their own changes, and a run that cannot go
        on (Newton on the squared error) stops.

        Raises
        ------
        ValueError
            If an option is invalid; nothing changes then.
        """
        new_degree = options.degree != self.options.degree
        self.trainer.configure(options)
        kept = []
        for run, trainer in self._runs:
            try:
                trainer.configure(run.options(options))
                kept.append((run, trainer))
            except ValueError:  # e.g. Newton, which cannot minimise the squared error
                pass
        self._runs = kept
        if new_degree:
            self.start_history()

    def set_data(self, dataset):
        """Train on new points (and test split) from the next update on."""
        self._dataset = dataset
        for trainer in self._trainers():
            trainer.set_data(dataset.X, dataset.y, dataset.test_mask)

    def set_runs(self, runs):
        """Race these comparison runs beside the main one, every run from θ = 0 (a new loss
        history).

        Parameters
        ----------
        runs : sequence of Run
            At most :data:`~logreg_gui.core.state.MAX_RUNS`.

        Raises
        ------
        ValueError
            Naming the run whose settings are invalid (e.g. Newton on the squared error), or
            when there are too many; the runs are then unchanged.
        """
        if len(runs) > MAX_RUNS:
            raise ValueError(f"at most {MAX_RUNS} comparison runs, got {len(runs)}")
        made = []
        for run in runs:
            try:
                options = run.options(self.options)
            except ValueError as error:
                raise ValueError(f"run '{run.name}': {error}") from None
            data = self._dataset
            made.append((run, Trainer(data.X, data.y, data.test_mask, **vars(options))))
        self._runs = made
        self.reset()

    def set_side_by_side(self, enabled):
        """Race the same run with the other loss (or stop doing so), from θ = 0.

        Raises
        ------
        ValueError
            If the optimizer cannot minimise the other loss (Newton).
        """
        other = self.options.criterion.other
        self.set_runs([Run(f"side by side: {other.label}", {"loss": other.name})]
                      if enabled else [])

    def reset(self):
        """Every trainer back to θ = 0 and iteration 0, with a new loss history."""
        for trainer in self._trainers():
            trainer.reset()
        self.start_history()

    def start_from(self, theta, iteration=None):
        """Every trainer continues from θ (trained units, shape (n_output_features + 1,)) and,
        when given, that iteration count, with a new loss history from there (a session file
        puts its saved curve back; a θ set by hand starts a new run).

        Raises
        ------
        ValueError
            If θ has the wrong shape or a value that is not finite.
        """
        for trainer in self._trainers():
            trainer.start_from(theta, iteration)
        self.start_history()

    def start_history(self):
        """The next snapshot starts the loss history afresh with the current losses."""
        state = self.trainer.state()
        row = np.full((1, LOSS_COLUMNS), np.nan)
        row[0, :2] = state.loss, state.test_loss
        for column, (_, trainer) in enumerate(self._runs, start=2):
            row[0, column] = trainer.state().loss
        self._pending = [row] if state.n_samples else []
        self._new_history = True

    def advance(self, n_iterations):
        """Perform up to `n_iterations` updates (fewer if training stops); returns how many."""
        losses = self.trainer.advance(n_iterations)
        if not len(losses):
            return 0
        rows = np.full((len(losses), LOSS_COLUMNS), np.nan)
        rows[:, :2] = losses
        for column, (_, trainer) in enumerate(self._runs, start=2):
            run_losses = trainer.advance(len(losses))[:, 0]
            rows[:len(run_losses), column] = run_losses
        self._pending.append(rows)
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

    def snapshot(self, running, statistics=True):
        """The current state with the losses since the previous snapshot (which it takes).

        Parameters
        ----------
        running : bool
            Whether training goes on after this snapshot.
        statistics : bool
            Whether the state carries the log-loss and accuracy (see ``Trainer.state``).

        Returns
        -------
        Snapshot
        """
        losses = np.concatenate(self._pending) if self._pending else np.empty((0, LOSS_COLUMNS))
        self._pending = []
        runs = tuple(RunState(run.name, trainer.options, trainer.state(False).theta,
                              trainer.status) for run, trainer in self._runs)
        snapshot = Snapshot(self.trainer.state(statistics), running, losses, self._new_history,
                            self.options, self.trainer.optima.known, runs)
        self._new_history = False
        return snapshot

    def landscape_job(self, request):
        """A function of ``should_stop`` computing J over a
        :class:`~logreg_gui.core.landscape.LandscapeRequest` from its own references (for
        another thread), over at most ``SAMPLE_LIMIT`` training points
        (:func:`~logreg_gui.core.landscape.landscape_points`); returns an ndarray of shape
        (rows, columns).

        Raises
        ------
        ValueError
            If the model is not planar (degree 1, two features).
        """
        X, y = self.trainer.features
        if X.shape[1] != 2:
            raise ValueError(f"the landscape needs degree 1, got {self.options.degree}")
        options = self.options

        def job(should_stop):
            sample_X, sample_y = landscape_points(X, y)  # in the pool: a sample takes time
            return loss_landscape(sample_X, sample_y, request.intercept, request.w1_values,
                                  request.w2_values, options.criterion, options.l2,
                                  should_stop, n_samples=len(y))
        return job

    def _trainers(self):
        return [self.trainer] + [trainer for _, trainer in self._runs]


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
