"""Runs recorded for an animation: snapshots at evenly spaced iterations, and which recorded
iterations make the frames."""

import numpy as np

from logreg_gui.core.session import HEADLESS_CHUNK
from logreg_gui.core.state import READY

MAX_FRAMES = 60  # a GIF of 60 frames at 640 px stays a few megabytes


def train_in_frames(session, steps, n_frames=MAX_FRAMES):
    """Advance `session` up to `steps` iterations, with a snapshot at iteration 0 and after each
    of `n_frames` equal shares of the run (fewer when training stops by itself).

    J* is computed first (synchronously), so every snapshot carries it.

    Parameters
    ----------
    session : logreg_gui.core.session.TrainingSession
    steps : int ≥ 0
    n_frames : int ≥ 1

    Returns
    -------
    list of Snapshot
        Each with the losses since the one before, so a window fed them in order shows the
        whole run.
    """
    session.trainer.optimum()
    snapshots = [session.snapshot(False)]
    trainer = session.trainer
    for k in range(1, n_frames + 1):
        target = round(k * steps / n_frames)
        while trainer.iteration < target and session.status == READY:
            session.advance(min(HEADLESS_CHUNK, target - trainer.iteration))
        if session.has_pending:
            snapshots.append(session.snapshot(False))
        if session.status != READY:
            break
    return snapshots


def frame_iterations(recorded, n_frames=MAX_FRAMES):
    """At most `n_frames` of the `recorded` iterations, evenly spread, the first and last
    included.

    Parameters
    ----------
    recorded : array_like of int, shape (n,), increasing
    n_frames : int ≥ 2

    Returns
    -------
    ndarray of int64, shape (min(n, n_frames),)
    """
    recorded = np.asarray(recorded, dtype=np.int64)
    if len(recorded) <= n_frames:
        return recorded.copy()
    return recorded[np.unique(np.round(np.linspace(0, len(recorded) - 1, n_frames)).astype(int))]
