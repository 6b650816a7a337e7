"""The issue-3 options in the window: degree, optimizer, L2, test split, J*, data generators."""

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from logreg_gui.core.generators import generate
from logreg_gui.core.training import Trainer
from tests.qt.gui_helpers import action, click_at, iteration


def latest(window):
    return window._latest


def step(qtbot, window, times=1):
    target = iteration(window) + times
    for _ in range(times):
        action(window, "step").trigger()
    qtbot.waitUntil(lambda: iteration(window) == target, timeout=5000)


def test_higher_degree_draws_the_boundary_as_a_curve(qtbot, window):
    step(qtbot, window, 3)
    assert len(window.data_plot._boundary.getData()[0]) == 2
    window.controls.degree.setValue(3)
    qtbot.waitUntil(lambda: latest(window).options.degree == 3, timeout=5000)
    assert iteration(window) == 0  # a new feature space starts from w = 0
    step(qtbot, window, 5)
    assert len(window.current_parameters()[0]) == 9
    assert window.data_plot._boundary.getData()[0] is None or \
        len(window.data_plot._boundary.getData()[0]) == 0
    contour = window.data_plot._contour
    contour.generatePath()  # pyqtgraph builds the path lazily, at the next paint
    assert contour.isVisible() and contour.path.elementCount() > 10
    assert "x1^2*x2" in window.status_panel.values["w"].text()


def test_changing_the_optimizer_while_paused_steps_with_the_new_rule(qtbot, window):
    step(qtbot, window, 2)
    window.controls.optimizer.setCurrentIndex(window.controls.optimizer.findData("newton"))
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
    assert not window.controls.optimizer.isEnabled()
    action(window, "play_pause").trigger()
    qtbot.waitUntil(lambda: not latest(window).running, timeout=5000)
    assert window.controls.optimizer.isEnabled()


def test_l2_enters_the_objective(qtbot, window):
    step(qtbot, window, 5)
    window.controls.l2.spin.setValue(3.0)
    qtbot.waitUntil(lambda: latest(window).options.l2 == 3.0, timeout=5000)
    X, y = window.current_data()
    reference = Trainer(X, y, l2=3.0)
    reference.configure()  # same data; the window kept its 5-step model: compare J formula
    state = latest(window).state
    assert state.loss > state.log_loss  # the penalty is included in J
    assert state.loss - state.log_loss == pytest.approx(
        3.0 / (2 * len(y)) * float(np.sum(np.square(
            window.controller._worker._trainer._theta[:-1]))), rel=1e-9)


def test_test_split_shows_hollow_points_and_two_loss_curves(qtbot, window):
    window.controls.test_fraction.setValue(0.3)
    qtbot.waitUntil(lambda: latest(window).state.n_samples == 70, timeout=5000)
    assert len(window.data_plot._test_scatters[0].data) + len(
        window.data_plot._test_scatters[1].data) == 30
    step(qtbot, window, 4)
    _, test_curve = window.loss_plot._test_curve.getData()
    # Iteration 0 came before the split: no test loss there; then one per update.
    assert len(test_curve) == 5 and np.isnan(test_curve[0]) and np.all(np.isfinite(test_curve[1:]))
    assert "test" in window.accuracy_label.text()
    assert window.status_panel.values["test_accuracy"].text().endswith("%")
    click_at(qtbot, window, 0.0, 0.0)
    qtbot.waitUntil(lambda: latest(window).state.n_samples == 71, timeout=5000)


def test_optimum_line_and_gap_view(qtbot, window):
    step(qtbot, window, 3)
    optimum = latest(window).optimum.loss
    assert optimum is not None and window.loss_plot._optimum_line.isVisible()
    assert window.loss_plot._optimum_line.value() == pytest.approx(optimum)
    window.controls.gap_box.setChecked(True)
    _, gap = window.loss_plot._curve.getData()
    assert window.loss_plot.getPlotItem().ctrl.logYCheck.isChecked()  # a log axis
    np.testing.assert_allclose(10 ** gap, window.loss_plot.history.losses - optimum, rtol=1e-9)
    assert not window.loss_plot._optimum_line.isVisible()


def test_generating_data_asks_before_replacing_hand_placed_points(qtbot, window, monkeypatch):
    click_at(qtbot, window, 0.5, 0.5)
    before = window.current_data()[0]
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: next(answers))
    assert not window.generate_data("moons")
    np.testing.assert_array_equal(window.current_data()[0], before)
    assert window.generate_data("moons")
    np.testing.assert_array_equal(window.current_data()[0], generate("moons", 100).X)
    assert window.windowTitle().endswith("moons")
    assert window.generate_data("xor")  # no hand-placed points now: no question
