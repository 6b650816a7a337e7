"""Training options in the window: every control applies exactly the value the user gave."""

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from logreg_gui.core.parameters import PARAMETERS
from logreg_gui.core.state import TrainingOptions
from logreg_gui.core.training import Trainer
from tests.qt.conftest import action, click_at, edit, iteration, latest, status, step


def test_learning_rate_control_applies_immediately(qtbot, window):
    edit(window, "learning_rate", 2.5)
    qtbot.waitUntil(lambda: latest(window).learning_rate == 2.5, timeout=5000)
    window.controls.fields["learning_rate"].slider.setValue(-30)  # log10 scale: 1e-3
    qtbot.waitUntil(lambda: latest(window).learning_rate == pytest.approx(1e-3), timeout=5000)
    assert window.controls.value("learning_rate") == pytest.approx(1e-3)
    assert window.training_options().learning_rate == pytest.approx(1e-3)


@pytest.mark.parametrize("name, value", [("momentum", 0.875), ("momentum", 0.995),
                                         ("learning_rate", 1.5e-6),
                                         ("learning_rate", 0.00012345), ("l2", 1.23456789e-5)])
def test_a_control_keeps_the_exact_value_it_was_given(qtbot, make_window, name, value):
    options = TrainingOptions(optimizer="momentum", **{name: value})
    window = make_window(options=options, remember=False)
    assert window.controls.value(name) == value
    edit(window, "l2" if name != "l2" else "degree", 0.5 if name != "l2" else 2)
    qtbot.waitUntil(lambda: latest(window).options != options, timeout=5000)
    assert getattr(latest(window).options, name) == value  # untouched by the other change
    assert getattr(window.training_options(), name) == value


def test_typed_values_are_shown_with_all_their_digits(qtbot, window):
    box = window.controls.fields["learning_rate"].box
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "0.00012345")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.text() == "0.00012345"
    assert window.training_options().learning_rate == 0.00012345
    qtbot.waitUntil(lambda: latest(window).learning_rate == 0.00012345, timeout=5000)


def test_a_seed_beyond_32_bit_signed_integers_is_shown_and_used(make_window):
    options = TrainingOptions(random_state=3_000_000_000)
    window = make_window(options=options, remember=False)
    assert window.controls.value("random_state") == 3_000_000_000
    assert window.controls.fields["random_state"].box.text() == "3000000000"
    assert latest(window).options.random_state == 3_000_000_000


def test_higher_degree_draws_the_boundary_as_a_curve(qtbot, window):
    step(qtbot, window, 3)
    boundary = window.views.data_plot.named_items["boundary"]
    assert len(boundary.getData()[0]) == 2
    edit(window, "degree", 3)
    qtbot.waitUntil(lambda: latest(window).options.degree == 3, timeout=5000)
    assert iteration(window) == 0  # a new feature space starts from w = 0
    step(qtbot, window, 5)
    assert len(window.current_parameters()[0]) == 9
    assert boundary.getData()[0] is None or len(boundary.getData()[0]) == 0
    contour = window.views.data_plot.named_items["contour"]
    contour.generatePath()  # pyqtgraph builds the path lazily, at the next paint
    assert contour.isVisible() and contour.path.elementCount() > 10
    assert "x1^2*x2" in status(window, "w")


def test_changing_the_optimizer_while_paused_steps_with_the_new_rule(qtbot, window):
    step(qtbot, window, 2)
    edit(window, "optimizer", "newton")
    qtbot.waitUntil(lambda: latest(window).options.optimizer == "newton", timeout=5000)
    step(qtbot, window)
    X, y = window.current_data()
    reference = Trainer(X, y)
    reference.advance(2)
    reference.configure(optimizer="newton")
    reference.advance(1)
    np.testing.assert_allclose(window.current_parameters()[0], reference.state().coef_,
                               rtol=1e-12)


def test_optimizer_choice_is_locked_while_running(qtbot, window):
    action(window, "play_pause").trigger()
    qtbot.waitUntil(lambda: latest(window).running, timeout=5000)
    assert not window.controls.fields["optimizer"].isEnabled()
    action(window, "play_pause").trigger()
    qtbot.waitUntil(lambda: not latest(window).running, timeout=5000)
    assert window.controls.fields["optimizer"].isEnabled()


def test_l2_enters_the_objective(qtbot, window):
    step(qtbot, window, 5)
    edit(window, "l2", 3.0)
    qtbot.waitUntil(lambda: latest(window).options.l2 == 3.0, timeout=5000)
    state = latest(window).state
    X, y = window.current_data()
    z = X @ state.coef_ + state.intercept_  # degree 1: the same logits as in trained units
    data_loss = np.mean(np.logaddexp(0.0, np.where(y == 1, -z, z)))
    w = state.theta[:-1]
    assert state.loss > data_loss  # the penalty is included in J
    assert state.loss - data_loss == pytest.approx(3.0 / (2 * len(y)) * float(w @ w), rel=1e-7)


def test_test_split_shows_hollow_points_and_two_loss_curves(qtbot, window):
    edit(window, "test_fraction", 0.3)
    qtbot.waitUntil(lambda: latest(window).state.n_samples == 70, timeout=5000)
    named = window.views.data_plot.named_items
    assert len(named["test_0"].data) + len(named["test_1"].data) == 30
    step(qtbot, window, 4)
    _, test_curve = window.views.loss_plot.named_items["test"].getData()
    # Iteration 0 came before the split: no test loss there; then one per update.
    assert len(test_curve) == 5 and np.isnan(test_curve[0]) and np.all(np.isfinite(test_curve[1:]))
    assert "test" in window.views.accuracy_line.text()
    assert status(window, "test_accuracy").endswith("% at τ = 0.50")
    click_at(qtbot, window, 0.0, 3.6)  # empty space: a click on a point selects it
    qtbot.waitUntil(lambda: latest(window).state.n_samples == 71, timeout=5000)


def test_optimum_line_and_gap_view(qtbot, window):
    step(qtbot, window, 3)
    qtbot.waitUntil(lambda: latest(window).optimum is not None, timeout=5000)
    optimum = latest(window).optimum.loss
    named = window.views.loss_plot.named_items
    assert optimum is not None and named["optimum"].isVisible()
    assert named["optimum"].value() == pytest.approx(optimum)
    edit(window, "gap", True)
    _, gap = named["training"].getData()
    assert window.views.loss_plot.getPlotItem().ctrl.logYCheck.isChecked()  # a log axis
    np.testing.assert_allclose(10 ** gap, window.timeline.losses.losses - optimum, rtol=1e-9)
    assert not named["optimum"].isVisible()


def test_choosing_newton_drops_the_side_by_side_run_quietly(qtbot, window):
    edit(window, "side_by_side", True)
    qtbot.waitUntil(lambda: np.isfinite(window.timeline.losses.twin_losses).any(),
                    timeout=5000)
    edit(window, "optimizer", "newton")
    step(qtbot, window, 2)
    assert not window.controls.value("side_by_side")
    assert window.findChild(QMessageBox, "error_box") is None
    assert np.isnan(window.timeline.losses.twin_losses[-1])


def test_training_options_are_what_the_worker_trains_with(qtbot, window):
    edit(window, "optimizer", "adam")
    edit(window, "learning_rate", 0.03)
    expected = replace(TrainingOptions(), optimizer="adam", learning_rate=0.03)
    assert window.training_options() == expected
    qtbot.waitUntil(lambda: latest(window).options == expected, timeout=5000)


def test_controls_accept_exactly_what_the_command_line_accepts(window):
    for name, field in window.controls.fields.items():
        parameter = PARAMETERS[name]
        if not hasattr(field, "box"):
            continue
        box = field.box
        assert box.minimum() == parameter.low
        high = parameter.high if not parameter.high_open else np.nextafter(parameter.high, 0)
        assert box.maximum() == high, name


def test_newton_refuses_side_by_side_with_a_message(qtbot, window):
    edit(window, "optimizer", "newton")
    edit(window, "side_by_side", True)
    assert not window.controls.value("side_by_side")
    assert "Newton cannot minimise the squared error" in window.statusBar().currentMessage()
    step(qtbot, window, 1)
    assert window.findChild(QMessageBox, "error_box") is None


def test_a_typed_value_out_of_range_is_refused_with_a_message(qtbot, window):
    box = window.controls.fields["learning_rate"].box
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "5000")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    message = window.statusBar().currentMessage()
    assert "Learning rate η 5000 refused: it must be ≥ 1e-06 and ≤ 1000; it stays 0.1" in message
    assert window.training_options().learning_rate == 0.1
