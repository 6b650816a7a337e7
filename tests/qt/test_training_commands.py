"""Play, pause, step, reset, run until converged and close, from keys and actions."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from logreg_gui.core.data import read_csv
from logreg_gui.core.training import Trainer
from tests.conftest import IRIS_OVERLAP
from tests.qt.conftest import action, edit, iteration, latest, loss, status


def test_play_then_pause_lowers_the_loss(qtbot, window):
    start = loss(window)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: iteration(window) > 20, timeout=10_000)
    assert status(window, "state").endswith("running</b>")
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "paused" in status(window, "state"), timeout=5000)
    assert loss(window) < start
    coef, _ = window.current_parameters()
    assert np.all(coef != 0)
    assert len(window.timeline.losses) == iteration(window) + 1


def test_step_key_performs_one_textbook_update(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: iteration(window) == 1, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: iteration(window) == 2, timeout=5000)
    X, y = window.current_data()
    reference = Trainer(X, y, learning_rate=0.1)
    reference.advance(2)
    coef, intercept = window.current_parameters()
    np.testing.assert_allclose(coef, reference.state().coef_, rtol=1e-14)
    assert intercept == pytest.approx(reference.state().intercept_, rel=1e-12, abs=1e-15)


def test_reset_key_zeroes_the_model_and_clears_the_loss(qtbot, window):
    action(window, "step").trigger()
    action(window, "step").trigger()
    qtbot.waitUntil(lambda: iteration(window) == 2, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: iteration(window) == 0, timeout=5000)
    coef, intercept = window.current_parameters()
    assert np.all(coef == 0) and intercept == 0
    assert list(window.timeline.losses.losses) == [pytest.approx(np.log(2))]


def test_standardize_off_trains_on_raw_features(qtbot, window):
    window.open_csv(IRIS_OVERLAP)
    edit(window, "standardize", False)
    action(window, "step").trigger()
    qtbot.waitUntil(lambda: iteration(window) == 1 and not latest(window).options.standardize,
                    timeout=5000)
    dataset = read_csv(IRIS_OVERLAP)
    reference = Trainer(dataset.X, dataset.y, learning_rate=0.1, standardize=False)
    reference.advance(1)
    np.testing.assert_allclose(window.current_parameters()[0], reference.state().coef_, rtol=1e-14)


def test_closing_while_training_stops_and_joins_the_thread(qtbot, window):
    action(window, "play_pause").trigger()
    qtbot.waitUntil(lambda: iteration(window) > 0, timeout=5000)
    window.close()
    assert not window.controller.is_alive


def test_every_play_pause_press_toggles_even_between_snapshots(qtbot, window):
    edit(window, "speed", 2)  # 2 it/s: it cannot converge (and stop) meanwhile
    play = action(window, "play_pause")
    for _ in range(41):
        play.trigger()
        qtbot.wait(1)  # let snapshots of earlier presses arrive in between
    qtbot.waitUntil(lambda: latest(window).running, timeout=5000)  # odd count: running
    qtbot.wait(200)
    assert latest(window).running
    play.trigger()
    qtbot.waitUntil(lambda: not latest(window).running, timeout=5000)


def test_step_ten_and_a_hundred_and_run_until_converged(qtbot, window):
    action(window, "step_10").trigger()
    qtbot.waitUntil(lambda: iteration(window) == 10, timeout=5000)
    action(window, "step_100").trigger()
    qtbot.waitUntil(lambda: iteration(window) == 110, timeout=5000)
    edit(window, "learning_rate", 1.0)  # converges in a few thousand updates
    action(window, "run_until_converged").trigger()
    qtbot.waitUntil(lambda: "converged" in status(window, "state"), timeout=60_000)
    assert latest(window).state.gradient_norm < 1e-6
