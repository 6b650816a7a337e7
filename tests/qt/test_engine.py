import numpy as np
import pytest

from logreg_gui.core.data import Dataset
from logreg_gui.core.generators import generate
from logreg_gui.core.state import LOSS_COLUMNS, TrainingOptions
from logreg_gui.core.training import Trainer
from logreg_gui.core.session import TrainingSession, merged
from logreg_gui.qt.engine.gate import FRAME_TIMEOUT, FrameGate
from tests.qt.conftest import wait_for_snapshot


def first_snapshot(qtbot, controller):
    return wait_for_snapshot(qtbot, controller)


def test_first_snapshot_is_the_untrained_state(qtbot, make_controller):
    with qtbot.waitSignal(make_controller().snapshot_ready, timeout=5000) as blocker:
        pass
    snapshot = blocker.args[0]
    assert snapshot.status == "idle" and snapshot.new_history
    assert snapshot.state.loss == pytest.approx(np.log(2))
    assert snapshot.losses.shape == (1, LOSS_COLUMNS)
    assert snapshot.losses[0, 0] == snapshot.state.loss
    assert np.isnan(snapshot.losses[0, 2])  # no side-by-side run


def test_play_emits_throttled_snapshots_that_carry_every_loss(qtbot, make_controller):
    controller = make_controller()
    received = []
    controller.snapshot_ready.connect(received.append)
    qtbot.waitUntil(lambda: len(received) > 0, timeout=5000)
    controller.play()
    qtbot.waitUntil(lambda: received[-1].state.iteration > 3000, timeout=20_000)
    controller.pause()
    qtbot.waitUntil(lambda: not received[-1].running, timeout=5000)
    last = received[-1].state.iteration
    # Many iterations per snapshot: never one signal per iteration.
    assert len(received) < last / 10
    losses = np.concatenate([s.losses for s in received])[:, 0]
    assert len(losses) == last + 1  # the initial loss, then one per iteration, none lost
    assert np.all(np.diff(losses) <= 1e-15)  # batch gradient descent with a small step


def test_step_advances_exactly_one_iteration_with_the_textbook_update(qtbot, make_controller):
    dataset = generate("blobs", 30, random_state=2)
    controller = make_controller(dataset, learning_rate=0.3)
    first_snapshot(qtbot, controller)
    for expected in (1, 2):
        controller.step()
        snapshot = wait_for_snapshot(qtbot, controller,
                                     lambda s, expected=expected: s.state.iteration == expected)
        assert not snapshot.running
        assert len(snapshot.losses) == 1
    reference = Trainer(dataset.X, dataset.y, learning_rate=0.3)
    reference.advance(2)
    np.testing.assert_allclose(snapshot.state.coef_, reference.state().coef_, rtol=1e-15)


def test_pause_really_stops(qtbot, make_controller):
    controller = make_controller()
    first_snapshot(qtbot, controller)
    controller.play()
    wait_for_snapshot(qtbot, controller, lambda s: s.state.iteration > 100)
    controller.pause()
    paused = wait_for_snapshot(qtbot, controller, lambda s: not s.running)
    later = []  # J* may still arrive (a snapshot of the same state): no training may
    controller.snapshot_ready.connect(later.append)
    qtbot.wait(500)
    assert all(s.state.iteration == paused.state.iteration and not s.running for s in later)
    controller.step()
    wait_for_snapshot(qtbot, controller, lambda s: s.state.iteration == paused.state.iteration + 1)


def test_convergence_auto_pauses(qtbot, make_controller):
    controller = make_controller(generate("blobs", 40, noise=3.0), learning_rate=1.0)
    first_snapshot(qtbot, controller)
    controller.play()
    snapshot = wait_for_snapshot(qtbot, controller, lambda s: not s.running and s.state.iteration)
    assert snapshot.status == "converged" and snapshot.state.gradient_norm < 1e-6


def test_divergence_auto_pauses_and_a_smaller_step_clears_it(qtbot, make_controller):
    dataset = Dataset(np.full((4, 2), 1e308), np.ones(4, dtype=np.int64))
    controller = make_controller(dataset, learning_rate=10.0, standardize=False)
    first_snapshot(qtbot, controller)
    controller.play()
    snapshot = wait_for_snapshot(qtbot, controller, lambda s: s.status == "diverged")
    assert not snapshot.running
    assert np.all(np.isfinite(snapshot.state.coef_))
    controller.configure(TrainingOptions(learning_rate=1e-4, standardize=False))
    snapshot = wait_for_snapshot(qtbot, controller, lambda s: s.learning_rate == 1e-4)
    assert snapshot.status != "diverged"


def test_new_data_while_running_is_used_at_the_next_update(qtbot, make_controller):
    controller = make_controller()
    first_snapshot(qtbot, controller)
    controller.play()
    wait_for_snapshot(qtbot, controller, lambda s: s.state.iteration > 10)
    controller.set_data(generate("blobs", 250, random_state=9))
    snapshot = wait_for_snapshot(qtbot, controller, lambda s: s.state.n_samples == 250)
    later = wait_for_snapshot(qtbot, controller,
                              lambda s: s.state.iteration > snapshot.state.iteration)
    # Training went on with the new points; at full speed it may even reach the
    # optimum between two snapshots, which stops it.
    assert later.state.n_samples == 250
    assert later.running or later.status == "converged"
    controller.pause()


def test_speed_limit_paces_updates(qtbot, make_controller):
    controller = make_controller()
    first_snapshot(qtbot, controller)
    controller.speed_change_requested.emit(2)
    controller.play()
    qtbot.wait(1200)
    controller.pause()
    snapshot = wait_for_snapshot(qtbot, controller, lambda s: not s.running)
    assert 1 <= snapshot.state.iteration <= 4  # 2 it/s for ~1.2 s (a busy machine may lag)


def test_reset_starts_a_new_history_at_zero(qtbot, make_controller):
    controller = make_controller()
    first_snapshot(qtbot, controller)
    controller.step()
    wait_for_snapshot(qtbot, controller)
    controller.reset()
    snapshot = wait_for_snapshot(qtbot, controller, lambda s: s.new_history)
    assert snapshot.state.iteration == 0
    assert np.all(snapshot.state.coef_ == 0) and snapshot.state.intercept_ == 0


def test_shutdown_is_idempotent_and_joins_the_thread(qtbot, make_controller):
    controller = make_controller()
    first_snapshot(qtbot, controller)
    controller.play()
    wait_for_snapshot(qtbot, controller, lambda s: s.state.iteration > 0)
    controller.shutdown()
    controller.shutdown()
    assert not controller.is_alive


def test_running_worker_waits_for_each_frame_to_be_shown(qtbot, make_controller):
    controller = make_controller(learning_rate=1e-4)  # far from converging in the test
    first_snapshot(qtbot, controller)
    received = []
    controller.snapshot_ready.connect(received.append)
    controller.play()
    qtbot.wait(1000)  # nobody confirms frames: training goes on, snapshots do not pile up
    unconfirmed = len(received)
    assert 1 <= unconfirmed <= 3
    controller.frame_shown.emit()
    controller.snapshot_ready.connect(controller.frame_shown)  # now confirm each one at once
    qtbot.wait(1000)
    controller.pause()
    assert len(received) - unconfirmed > 5
    # Training never waited for the paints: far more iterations than snapshots, and every
    # loss arrived in order.
    assert received[unconfirmed - 1].state.iteration > 100 * unconfirmed
    losses = np.concatenate([s.losses for s in received])[:, 0]
    assert len(losses) == received[-1].state.iteration - received[0].state.iteration + \
        len(received[0].losses)


def test_optimum_arrives_in_a_later_snapshot_without_blocking_training(qtbot, make_controller):
    controller = make_controller(generate("overlap", 300))
    snapshot = wait_for_snapshot(qtbot, controller, lambda s: s.optimum is not None)
    assert snapshot.optimum.loss is not None and snapshot.optimum.loss < snapshot.state.loss
    controller.configure(TrainingOptions(learning_rate=0.5))
    again = wait_for_snapshot(qtbot, controller, lambda s: s.learning_rate == 0.5)
    assert again.optimum.loss == snapshot.optimum.loss  # η does not change J*: not recomputed
    controller.configure(TrainingOptions(learning_rate=0.5, l2=1.0))
    penalised = wait_for_snapshot(qtbot, controller,
                                  lambda s: s.options.l2 == 1.0 and s.optimum is not None)
    assert penalised.optimum.loss > snapshot.optimum.loss


def test_the_frame_gate_waits_for_a_paint_but_never_for_ever():
    now = [0.0]
    gate = FrameGate(clock=lambda: now[0])
    assert gate.open()
    gate.sent()
    now[0] = 0.3
    assert not gate.open()  # the window has not painted it yet
    gate.confirmed()
    assert gate.open()
    gate.sent()
    now[0] = 0.3 + FRAME_TIMEOUT
    assert gate.open()  # a frame that never got painted does not stop the pictures


def test_merged_snapshots_keep_every_loss_in_order():
    session = TrainingSession(generate("blobs", 50), TrainingOptions())
    first = session.snapshot(False)
    session.advance(3)
    second = session.snapshot(True)
    session.advance(2)
    third = session.snapshot(True)
    both = merged(merged(first, second), third)
    assert both.new_history and both.state.iteration == 5 and both.running
    np.testing.assert_array_equal(both.losses, np.concatenate([first.losses, second.losses,
                                                                third.losses]))
    session.reset()
    restart = session.snapshot(False)
    assert merged(both, restart) is restart  # a new history drops what came before


def test_training_continues_from_a_given_theta_and_iteration(qtbot, make_controller):
    dataset = generate("blobs", 60, random_state=4)
    controller = make_controller(dataset)
    first_snapshot(qtbot, controller)
    controller.start_from(np.array([0.4, -0.2, 0.1]), 250)
    snapshot = wait_for_snapshot(qtbot, controller, lambda s: s.state.iteration == 250)
    np.testing.assert_array_equal(snapshot.state.theta, [0.4, -0.2, 0.1])
    controller.step()
    stepped = wait_for_snapshot(qtbot, controller, lambda s: s.state.iteration == 251)
    reference = Trainer(dataset.X, dataset.y)
    reference.start_from([0.4, -0.2, 0.1])
    reference.advance(1)
    np.testing.assert_allclose(stepped.state.theta, reference.state().theta, rtol=1e-13)
