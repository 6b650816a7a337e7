"""The Qt-free training session: configure diffs, pacing, snapshots and the headless run."""

import itertools
from dataclasses import replace

import numpy as np
import pytest

from logreg_gui.core import training
from logreg_gui.core.generators import generate
from logreg_gui.core.loss import objective
from logreg_gui.core.optimizers import Momentum
from logreg_gui.core.pacer import Pacer
from logreg_gui.core.session import TrainingSession, train
from logreg_gui.core.state import LOSS_COLUMNS, TrainingOptions
from logreg_gui.core.training import Trainer


def test_changing_the_learning_rate_maps_no_features(monkeypatch):
    dataset = generate("moons", 200)
    trainer = Trainer(dataset.X, dataset.y, degree=3)
    trainer.advance(5)
    calls = []
    original = training.polynomial_features
    monkeypatch.setattr(training, "polynomial_features",
                        lambda *args: calls.append(args) or original(*args))
    trainer.configure(replace(trainer.options, learning_rate=0.7, tol=1e-8))
    assert calls == []
    assert trainer.options.learning_rate == 0.7 and trainer.iteration == 5
    trainer.configure(replace(trainer.options, standardize=False))
    assert len(calls) == 1  # standardizing on or off does rescale


def test_a_new_learning_rate_keeps_the_momentum_velocity():
    dataset = generate("blobs", 50)
    trainer = Trainer(dataset.X, dataset.y, optimizer="momentum", learning_rate=0.1)
    trainer.advance(5)
    trainer.configure(learning_rate=0.3)
    trainer.advance(1)
    X, y = Trainer(dataset.X, dataset.y).features
    reference, theta = Momentum(0.1, 0.9), np.zeros(3)
    for i in range(6):
        if i == 5:
            reference.learning_rate = 0.3
        theta = reference.step(theta, X, y, 0.0, objective(theta, X, y)[1])
    np.testing.assert_allclose(trainer.state().theta, theta, rtol=1e-13)


def test_snapshots_carry_every_loss_once_in_order():
    dataset = generate("blobs", 80)
    session = TrainingSession(dataset, TrainingOptions())
    first = session.snapshot(running=False)
    assert first.new_history and first.losses.shape == (1, LOSS_COLUMNS)
    session.advance(7)
    session.advance(5)
    second = session.snapshot(running=True)
    assert not second.new_history and second.running and second.state.iteration == 12
    trainer = Trainer(dataset.X, dataset.y)
    np.testing.assert_array_equal(second.losses[:, 0], trainer.advance(12)[:, 0])
    assert session.snapshot(False).losses.shape == (0, LOSS_COLUMNS)


def test_advance_for_returns_within_its_time_and_limit():
    session = TrainingSession(generate("blobs", 2000), TrainingOptions(learning_rate=1e-3))
    ticks = itertools.count()  # one second per look at the clock
    assert session.advance_for(3, limit=10_000, clock=lambda: next(ticks)) == 1 + 2
    assert session.advance_for(10.0, limit=3) == 3


def test_the_pacer_allows_one_iteration_per_period():
    now = [0.0]
    pacer = Pacer(10, clock=lambda: now[0])
    assert pacer.allowance() == 1  # the first update at once
    pacer.record(1)
    now[0] = 0.05
    assert pacer.allowance() == 0
    now[0] = 0.35
    assert pacer.allowance() == 3
    pacer.restart(None)
    assert pacer.allowance() > 10**6 and pacer.delay_ms() == 0


def test_side_by_side_twin_trains_the_other_loss_and_newton_drops_it():
    session = TrainingSession(generate("blobs", 60), TrainingOptions())
    session.set_side_by_side(True)
    session.advance(4)
    losses = session.snapshot(False).losses
    assert losses[0, 2] == pytest.approx(0.125) and np.all(np.isfinite(losses[:, 2]))
    session.configure(replace(session.options, optimizer="newton"))
    assert not session.side_by_side


def test_the_headless_run_doubles_its_checkpoints_and_loses_no_loss():
    session = TrainingSession(generate("overlap", 100), TrainingOptions())
    snapshots = train(session, 40)
    assert [s.state.iteration for s in snapshots] == [0, 1, 2, 4, 8, 16, 32, 40]
    assert len(np.concatenate([s.losses for s in snapshots])) == 41
    assert all(s.optimum is not None for s in snapshots)
