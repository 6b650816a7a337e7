"""Issue 4 in the window: hover read-outs, history scrubbing, threshold, overlays, landscape,
side-by-side losses, formulas and remembered settings."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMessageBox

from logreg_gui import MainWindow
from logreg_gui.core.metrics import logit, threshold_metrics
from logreg_gui.core.training import Trainer
from logreg_gui.qt.plots.landscape_plot import LandscapeRequest
from tests.qt.gui_helpers import action, iteration, status
from tests.qt.test_training_options_gui import latest, step


def pixel_of(plot, x, y):
    return plot.mapFromScene(plot.getViewBox().mapViewToScene(QPointF(x, y)))


def test_hovering_a_point_shows_its_values(qtbot, window):
    step(qtbot, window, 3)
    X, y = window.current_data()
    coef, intercept = window.current_parameters()
    index = int(np.argmin(np.abs(X[:, 0]) + np.abs(X[:, 1])))  # a point near the centre
    qtbot.mouseMove(window.data_plot.viewport(), pixel_of(window.data_plot, *X[index]))
    qtbot.waitUntil(lambda: window.data_plot.hover_text != "", timeout=3000)
    text = window.data_plot.hover_text
    z = X[index] @ coef + intercept
    p = 1 / (1 + np.exp(-z))
    assert f"z = w·φ(x) + b = {z:.4g}" in text
    assert f"ŷ = σ(z) = {p:.4f}" in text and f"err = ŷ − y = {p - y[index]:+.4f}" in text
    assert f"class y = {y[index]}" in text
    loss = -np.log(p) if y[index] == 1 else -np.log(1 - p)
    assert f"= {loss:.4g}" in text


def test_hovering_the_loss_curve_shows_the_iteration_and_loss(qtbot, window):
    step(qtbot, window, 10)
    history = window.loss_plot.history
    qtbot.mouseMove(window.loss_plot.viewport(),
                    pixel_of(window.loss_plot, 4, history.losses[4]))
    qtbot.waitUntil(lambda: window.loss_plot.hover_text != "", timeout=3000)
    assert window.loss_plot.hover_text == f"iteration 4: J = {history.losses[4]:.8g}"


def test_scrubbing_shows_recorded_parameters_without_touching_training(qtbot, window):
    step(qtbot, window, 5)
    X, y = window.current_data()
    bar = window.teaching.history_bar
    bar.slider.setValue(2)  # entries: iterations 0, 1, 2, …
    reference = Trainer(X, y)
    reference.advance(2)
    np.testing.assert_allclose(window.current_parameters()[0], reference.state().coef_,
                               rtol=1e-14)
    assert "showing iteration 2 (live: 5)" in bar.label.text()
    assert iteration(window) == 5  # training state untouched
    x, z_line = window.data_plot._boundary.getData()
    coef, intercept = reference.state().coef_, reference.state().intercept_
    np.testing.assert_allclose(coef[0] * x + coef[1] * z_line + intercept, 0, atol=1e-9)
    action(window, "step_back").trigger()
    assert "showing iteration 1" in bar.label.text()
    bar.go_live()
    reference.advance(3)
    np.testing.assert_allclose(window.current_parameters()[0], reference.state().coef_,
                               rtol=1e-14)


def test_step_ten_and_a_hundred_and_run_until_converged(qtbot, window):
    action(window, "step_10").trigger()
    qtbot.waitUntil(lambda: iteration(window) == 10, timeout=5000)
    action(window, "step_100").trigger()
    qtbot.waitUntil(lambda: iteration(window) == 110, timeout=5000)
    window.controls.learning_rate.spin.setValue(1.0)  # converges in a few thousand updates
    action(window, "run_until_converged").trigger()
    qtbot.waitUntil(lambda: "converged" in status(window, "state"), timeout=60_000)
    assert latest(window).state.gradient_norm < 1e-6


def test_threshold_moves_the_boundary_and_updates_the_confusion_matrix(qtbot, window):
    step(qtbot, window, 20)
    window.controls.threshold_slider.setValue(80)
    assert window.controls.threshold.value() == pytest.approx(0.8)
    coef, intercept = window.current_parameters()
    x, y_line = window.data_plot._boundary.getData()
    np.testing.assert_allclose(coef[0] * x + coef[1] * y_line + intercept, logit(0.8),
                               atol=1e-9)
    X, y = window.current_data()
    p = 1 / (1 + np.exp(-(X @ coef + intercept)))
    expected = threshold_metrics(y, p, 0.8)
    assert window.teaching.metrics.metrics == expected
    text = window.teaching.metrics.text()
    assert f"<td style='padding:2px 8px; border:1px solid #999'>{expected.tp}</td>" in text
    assert "accuracy at τ = 0.80" in window.accuracy_label.text()


def test_overlays_contours_trail_weight_vector_and_point_styles(qtbot, window):
    for name in ("contours", "trail", "fill_by_prediction", "size_by_loss"):
        window.controls.view_boxes[name].setChecked(True)
    step(qtbot, window, 8)
    contours = window.data_plot.contours._items
    for item in contours:
        item.generatePath()
    assert all(item.isVisible() for item in contours)
    assert sum(item.path.elementCount() > 0 for item in contours) >= 4
    trail = [item.getData()[0] for item in window.data_plot.trail._items]
    assert sum(data is not None and len(data) == 2 for data in trail) >= 5
    tip = window.data_plot.weight_arrow.tip
    coef, intercept = window.current_parameters()
    assert tip @ coef + intercept > 0  # w points towards class 1
    sizes = window.data_plot._scatters[1].data["size"]
    assert np.ptp(sizes) > 0  # sized by their loss
    X, y = window.current_data()
    wrong = ((X @ coef + intercept) > 0).astype(int) != y
    assert len(window.data_plot._rings.data) == wrong.sum()


def test_landscape_matches_the_objective_and_follows_the_path(qtbot, window):
    step(qtbot, window, 15)
    state = latest(window).state
    w1, w2, b = state.theta
    with qtbot.waitSignal(window.controller.landscape_ready, timeout=5000) as blocker:
        window.controller.landscape_requested.emit(
            LandscapeRequest(np.array([w1]), np.array([w2]), b))
    _, grid = blocker.args[0]
    assert grid[0, 0] == pytest.approx(state.loss, rel=1e-12)
    landscape = window.teaching.landscape
    qtbot.waitUntil(lambda: landscape.grid is not None, timeout=5000)
    path_x, _ = landscape._path.getData()
    assert len(path_x) == 16
    window.controls.degree.setValue(2)
    qtbot.waitUntil(lambda: latest(window).options.degree == 2, timeout=5000)
    assert "needs degree 1" in landscape._note.toPlainText()


def test_side_by_side_runs_both_losses_from_the_same_start(qtbot, window):
    window.controls.side_by_side_box.setChecked(True)
    qtbot.waitUntil(lambda: np.isfinite(window.loss_plot.history.twin_losses).any(),
                    timeout=5000)
    step(qtbot, window, 30)
    history = window.loss_plot.history
    assert history.twin_losses[0] == pytest.approx(0.125)  # ½·(0.5 − y)² at w = 0
    X, y = window.current_data()
    reference = Trainer(X, y, loss="mse")
    progress = reference.advance(30)
    np.testing.assert_allclose(history.twin_losses[1:], progress[:, 0], rtol=1e-12)
    _, twin_curve = window.loss_plot._twin_curve.getData()
    assert len(twin_curve) == 31


def test_formulas_show_the_current_numbers(qtbot, window):
    step(qtbot, window, 4)
    state = latest(window).state
    text = window.teaching.formulas.text()
    assert f"<b>{state.loss:.4g}</b>" in text
    assert f"= {state.gradient[-1]:.4g}" in text
    assert "J = −mean[y·log ŷ + (1 − y)·log(1 − ŷ)]" in text


def test_layout_loss_and_view_options_are_remembered(qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.controls.view_boxes["contours"].setChecked(True)
    first.controls.view_boxes["weight_vector"].setChecked(False)
    first.controls.threshold.setValue(0.7)
    first.controls.loss.setCurrentIndex(first.controls.loss.findData("mse"))
    first.docks[3].setFloating(True)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.controls.view_boxes["contours"].isChecked()
    assert not second.controls.view_boxes["weight_vector"].isChecked()
    assert second.controls.threshold.value() == pytest.approx(0.7)
    assert second.docks[3].isFloating()
    from logreg_gui.app import _remembered_loss
    assert _remembered_loss() == "mse"
    second.close()


def test_corrupt_settings_fall_back_to_defaults(qtbot):
    from PySide6.QtCore import QSettings

    from logreg_gui.app import _remembered_loss
    from logreg_gui.qt.settings import Settings

    store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "logreg-gui",
                      "logreg-gui")
    for key, value in [("view/threshold", "nan"), ("training/loss", "banana"),
                       ("view/contours", "maybe"), ("view/log_scale", "1")]:
        store.setValue(key, value)
    store.sync()
    settings = Settings()
    assert settings.value("view/threshold") == 0.5
    assert settings.value("view/contours") is False and settings.value("view/log_scale") is True
    assert _remembered_loss() == "cross_entropy"
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.controls.threshold.value() == 0.5
    window.close()


def test_choosing_newton_drops_the_side_by_side_run_quietly(qtbot, window):
    window.controls.side_by_side_box.setChecked(True)
    qtbot.waitUntil(lambda: np.isfinite(window.loss_plot.history.twin_losses).any(),
                    timeout=5000)
    window.controls.optimizer.setCurrentIndex(window.controls.optimizer.findData("newton"))
    step(qtbot, window, 2)
    assert not window.controls.side_by_side_box.isChecked()
    assert window.findChild(QMessageBox, "error_box") is None
    assert np.isnan(window.loss_plot.history.twin_losses[-1])


def test_a_scrubbed_view_stays_on_its_iteration_while_the_history_thins(qtbot, monkeypatch):
    monkeypatch.setattr("logreg_gui.qt.teaching.HISTORY_CAPACITY", 8)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.latest_snapshot is not None, timeout=5000)
    step(qtbot, window, 3)
    teaching = window.teaching
    teaching.history_bar.slider.setValue(2)
    assert "showing iteration 2" in teaching.history_bar.label.text()
    window.controller.speed_change_requested.emit(50)
    window.controller.play()
    qtbot.waitUntil(lambda: teaching.history.stride >= 4, timeout=20_000)  # thinned twice
    window.controller.pause()
    shown = int(teaching.history.iterations[teaching.history_bar.slider.value()])
    assert shown <= 2  # the same iteration, or the nearest earlier one still kept
    assert f"showing iteration {shown} " in teaching.history_bar.label.text()
    window.close()
