"""The training process's command loop, driven through a pipe in this process."""

import multiprocessing

import numpy as np

from logreg_gui.core.data import Dataset
from logreg_gui.core.runner import Runner
from logreg_gui.core.state import TrainingOptions


def answers(dataset, *commands, options=None):
    """The snapshots a Runner sends for `commands` (then ``stop``), in order: the first state,
    one answer per command (all are read in one go), then any J* found meanwhile."""
    here, there = multiprocessing.Pipe()
    for command in (*commands, ("stop",)):
        here.send(command)
    Runner(there, dataset, options or TrainingOptions()).run()
    sent = []
    while here.poll(0):
        kind, content = here.recv()
        if kind == "snapshot":
            sent.append(content)
    return sent


def test_seed_0_play_with_nothing_to_train_answers_paused():
    """Fuzzer seed 0, action 354: Play on no points answered 'running' with the status
    'empty' (the window showed Pause and greyed the optimizer) before it stopped again."""
    empty = Dataset(np.empty((0, 2)), np.empty(0, dtype=np.int64))
    played = answers(empty, ("play",))[1]
    assert (played.running, played.status) == (False, "empty")


def test_play_after_divergence_answers_paused_and_a_new_rate_trains_again():
    # The first gradient, a sum of four values near the float64 maximum, overflows.
    dataset = Dataset(np.full((4, 2), 1e308), np.ones(4, dtype=np.int64))
    options = TrainingOptions(learning_rate=10.0, standardize=False)
    diverged = answers(dataset, ("step", 5), ("play",), options=options)
    assert diverged[1].status == "diverged"
    assert (diverged[2].running, diverged[2].status) == (False, "diverged")
    calm = TrainingOptions(learning_rate=1e-4, standardize=False)
    again = answers(dataset, ("step", 5), ("configure", calm), ("play",), options=options)
    assert [(s.running, s.status) for s in again[1:4]] == [(False, "diverged"), (False, "idle"),
                                                          (True, "running")]


def test_play_trains_and_pause_stops():
    dataset = Dataset(np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([0, 1]))
    played, paused = answers(dataset, ("play",), ("pause",))[1:3]
    assert (played.running, played.status) == (True, "running")
    assert (paused.running, paused.status) == (False, "idle")
