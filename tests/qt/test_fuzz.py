"""The random-action fuzzer in CI (1 000 actions over four seeds), the checks it relies on, and
the regressions it found."""

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from tests import harness
from tests.fuzz import (ActionFuzzer, FuzzFailure, caught_up, drawn_problems, invariants,
                        loss_problems, random_options, random_value, status_problems)
from tests.qt.conftest import click_at, step

SEEDS = (0, 1, 2, 3)
ACTIONS_PER_SEED = 250


@pytest.mark.timeout(600)
@pytest.mark.parametrize("seed", SEEDS)
def test_random_actions_keep_every_invariant(make_window, tmp_path, seed):
    fuzzer = ActionFuzzer(make_window(), np.random.default_rng(seed), tmp_path, seed=seed)
    try:
        report = fuzzer.run(ACTIONS_PER_SEED)
    except BaseException:
        fuzzer.close(check=False)
        raise
    fuzzer.close()
    print(report.summary())
    assert sum(report.actions.values()) == ACTIONS_PER_SEED


# -- the checks can fail -------------------------------------------------------------------------

def test_a_fresh_window_meets_every_invariant(window):
    assert invariants(window) == []


def test_points_drawn_that_are_not_the_data_are_seen(window):
    window.views.data_plot.named_items["class_0"].setData([0.5], [0.5])
    assert any("class_0 draws 1 points" in p for p in drawn_problems(window))


def test_hidden_points_are_seen(window):
    window.views.data_plot.named_items["class_1"].setVisible(False)
    assert drawn_problems(window) == ["the class 1 points are hidden"]


def test_a_status_that_is_not_the_snapshot_is_seen(qtbot, window):
    step(qtbot, window, 2)
    window.views.status_line.values["iteration"].setText("iteration 1")
    assert any("iteration shown" in p for p in status_problems(window))


def test_a_loss_that_is_not_the_loss_of_the_points_is_seen(qtbot, window):
    step(qtbot, window, 3)
    assert loss_problems(window) == []
    snapshot = window.latest_snapshot
    state = replace(snapshot.state, loss=snapshot.state.loss * (1 + 1e-6))
    window.show_snapshot(replace(snapshot, state=state))
    assert loss_problems(window) != []


def test_points_the_worker_has_not_got_are_seen(qtbot, window):
    qtbot.waitUntil(lambda: caught_up(window), timeout=10_000)
    window.points.add_point((0.0, 0.0), 1)
    assert not caught_up(window)  # the worker answers only after the event loop runs
    qtbot.waitUntil(lambda: caught_up(window), timeout=10_000)


def test_qt_warnings_are_recorded_but_known_noise_is_not():
    from PySide6.QtCore import qWarning

    with harness.QtMessages() as messages:
        qWarning("something is wrong")
        qWarning(harness.KNOWN_QT_NOISE[0] + " for this window")
    assert messages.take() == ["QtWarningMsg: something is wrong"]


def test_exceptions_in_slots_are_recorded():
    def fail():
        raise ValueError("in a slot")

    with harness.Exceptions() as exceptions:
        QTimer.singleShot(0, fail)
        harness.event_loop_latency()
    caught = exceptions.take()
    assert len(caught) == 1 and "ValueError: in a slot" in caught[0]


def test_a_training_process_is_seen_until_the_window_closes(make_window):
    window = make_window()
    assert harness.training_processes() != []
    window.close()
    assert harness.leftovers(window) == []


def test_a_failure_names_the_seed_the_action_and_the_replay(window, tmp_path):
    fuzzer = ActionFuzzer(window, np.random.default_rng(5), tmp_path, seed=5)
    fuzzer._index, fuzzer._name = 41, "click"
    with pytest.raises(FuzzFailure, match=r"seed 5, action #41 \(click\): broken(.|\n)*"
                                          r"python -m tests.fuzz --seed 5 --actions 42"):
        fuzzer.fail("broken")


def test_random_values_are_valid_and_reach_the_limits():
    from logreg_gui.core.parameters import PARAMETERS

    rng = np.random.default_rng(0)
    for parameter in PARAMETERS.values():
        values = [random_value(parameter, rng, 6000) for _ in range(200)]
        for value in values:
            assert parameter.check(value) == value
        if parameter.kind in (int, float) and not parameter.choices:
            assert min(values) == parameter.low, parameter.name
    for _ in range(50):
        assert random_options(rng, 6000).validated()


# -- regressions -----------------------------------------------------------------------------

def test_seed_0_a_click_on_the_legend_neither_hides_points_nor_adds_one(qtbot, window):
    """Fuzzer seed 0, action 216: clicking a legend symbol hid that class's points
    (pyqtgraph's legend toggles its item) and put a point under the legend."""
    plot = window.views.data_plot
    n = len(window.current_data()[1])
    for sample, _ in plot.getPlotItem().legend.items:
        centre = sample.mapToScene(sample.boundingRect().center())
        view = plot.getViewBox().mapSceneToView(centre)
        click_at(qtbot, window, view.x(), view.y())
    assert len(window.current_data()[1]) == n
    assert drawn_problems(window) == []


def test_until_converged_with_nothing_to_train_gives_the_speed_back(qtbot, window):
    """Fuzzer seed 0 (its trace: clear, then C): UntilConverged restored the pace only after a
    run that moved on, so when no update could happen (no points, or diverged) the speed control
    stayed at 'max' for good."""
    from tests.qt.conftest import action, latest

    action(window, "clear").trigger()
    qtbot.waitUntil(lambda: latest(window).status == "empty", timeout=10_000)
    action(window, "run_until_converged").trigger()
    with qtbot.waitSignal(window.controller.snapshot_ready, timeout=10_000):
        pass  # the answer to Play: nothing to train
    qtbot.waitUntil(lambda: not latest(window).running, timeout=10_000)
    assert window.controls.value("speed") == 50


def test_a_click_on_any_key_keeps_what_it_stands_for(qtbot, window):
    """The whole kind of seed 0's fault: pyqtgraph's legend hides an item when its symbol is
    clicked; in the loss plot and the metrics over τ a curve would vanish without a word."""
    step(qtbot, window, 3)
    plots = (window.views.loss_plot, window.views.evaluation_tabs.page("thresholds"))
    for plot in plots:
        legend = plot.getPlotItem().legend
        assert len(legend.items) >= 1
        for sample, _ in legend.items:
            sample.mouseClickEvent(_LeftClick())
            assert sample.item.isVisible()


class _LeftClick:
    """The parts of a pyqtgraph MouseClickEvent an ItemSample reads."""

    def button(self):
        from PySide6.QtCore import Qt

        return Qt.MouseButton.LeftButton

    def ignore(self):
        pass

    def accept(self):
        pass
