"""Every panel tells the same truth: one τ, labelled units, scrubbing moves every panel, each
optimizer's real update rule, a landscape of the current data, a sane log axis."""

import numpy as np
from PySide6.QtCore import Qt

from logreg_gui.core.metrics import threshold_metrics
from logreg_gui.core.optimizers import Adam, Momentum
from logreg_gui.core.loss import objective
from logreg_gui.core.training import Trainer
from tests.qt.conftest import action, click_at, edit, latest, status, step

SHIFT, NO_KEY = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.NoModifier


def test_every_accuracy_on_screen_uses_the_threshold(qtbot, window):
    edit(window, "test_fraction", 0.3)
    step(qtbot, window, 10)
    edit(window, "threshold", 0.8)
    frame = window.frame
    X, y = window.current_data()
    p = frame.model.predict_proba(X)[:, 1]
    train = ~frame.dataset.test_mask
    expected = threshold_metrics(y[train], p[train], 0.8).accuracy
    assert status(window, "accuracy") == f"{expected * 100:.1f} % at τ = 0.80"
    assert "0.5" not in window.views.accuracy_line.text().replace("0.50", "")
    assert f"{expected * 100:.1f} %" in window.views.accuracy_line.text()
    assert "at τ = 0.80" in status(window, "test_accuracy")


def test_numbers_say_which_units_they_are_in(qtbot, window):
    step(qtbot, window, 2)
    labels = window.views.status_panel.layout()
    texts = [labels.itemAt(i).widget().text() for i in range(labels.count())
             if labels.itemAt(i).widget() is not None]
    assert "w (original units)" in texts and "b (original units)" in texts
    assert "Trained units (standardized features)" in window.views.formulas_panel.text()


def test_scrubbing_moves_the_status_and_the_formulas_too(qtbot, window):
    step(qtbot, window, 6)
    window.views.history_bar.slider.setValue(2)
    entry = window.frame.entry
    assert entry.iteration == 2
    assert status(window, "iteration") == "2"
    assert status(window, "loss") == f"{window.timeline.losses.losses[2]:.6g}"
    assert "history" in status(window, "state")
    assert "iteration 2 (history)" in window.views.formulas_panel.text()
    assert f"{entry.gradient[-1]:.4g}" in window.views.formulas_panel.text()


def test_formulas_show_momentum_with_its_velocity(qtbot, window):
    edit(window, "optimizer", "momentum")
    step(qtbot, window, 3)
    text = window.views.formulas_panel.text()
    assert "v ← β·v − η·∇J" in text and "w ← w − η·∂J/∂w (momentum)" not in text
    X, y = window.current_data()
    features, labels = Trainer(X, y).features
    reference, theta = Momentum(0.1, 0.9), np.zeros(3)
    for _ in range(3):
        theta = reference.step(theta, features, labels, 0.0,
                               objective(theta, features, labels)[1])
    velocity = reference.state()["velocity"]
    assert "velocity v = (" + ", ".join(f"{v:.4g}" for v in velocity) + ")" in text


def test_formulas_show_adam_with_its_bias_corrected_moments(qtbot, window):
    edit(window, "optimizer", "adam")
    step(qtbot, window, 2)
    text = window.views.formulas_panel.text()
    X, y = window.current_data()
    features, labels = Trainer(X, y).features
    reference, theta = Adam(0.1), np.zeros(3)
    for _ in range(2):
        theta = reference.step(theta, features, labels, 0.0,
                               objective(theta, features, labels)[1])
    state = reference.state()
    assert "t = 2" in text and "m̂ = m/(1 − β<sub>1</sub><sup>t</sup>)" in text
    assert "m̂ = (" + ", ".join(f"{v:.4g}" for v in state["m_hat"]) + ")" in text
    assert "v̂ = (" + ", ".join(f"{v:.4g}" for v in state["v_hat"]) + ")" in text


def test_formulas_show_sgds_batch_and_newtons_step(qtbot, window):
    edit(window, "optimizer", "sgd")
    edit(window, "batch_size", 16)
    step(qtbot, window, 1)
    assert "last batch |B| = 16" in window.views.formulas_panel.text()
    edit(window, "optimizer", "newton")
    step(qtbot, window, 1)
    text = window.views.formulas_panel.text()
    assert "θ ← θ − t·H<sup>−1</sup>∇J" in text and "last step −t·H<sup>−1</sup>∇J" in text


def test_the_landscape_follows_new_data_also_while_paused(qtbot, window):
    step(qtbot, window, 3)
    landscape = window.views.landscape_plot
    window.views.landscape_dock.raise_()
    qtbot.waitUntil(lambda: landscape.grid is not None, timeout=10_000)
    old = landscape.grid
    action(window, "clear").trigger()
    assert landscape.grid is None  # the old data's map is gone at once
    for x, modifier in ((-1.0, NO_KEY), (1.0, SHIFT), (0.5, NO_KEY), (-0.5, SHIFT)):
        click_at(qtbot, window, x, x, modifier)
    qtbot.waitUntil(lambda: landscape.grid is not None and landscape.grid is not old,
                    timeout=10_000)


def test_the_landscape_arrow_shrinks_with_the_gradient_and_goes_at_convergence(qtbot, window):
    window.views.landscape_dock.raise_()
    edit(window, "learning_rate", 1.0)
    step(qtbot, window, 1)
    arrow = window.views.landscape_plot.named_items["arrow"]  # the drawn −∇J

    def length():
        x, y = arrow.getData()
        return float(np.hypot(x[1] - x[0], y[1] - y[0])) if x is not None and len(x) else 0.0

    first = length()
    step(qtbot, window, 40)
    assert 0 < length() < first
    action(window, "run_until_converged").trigger()
    qtbot.waitUntil(lambda: latest(window).status == "converged", timeout=60_000)
    assert length() == 0.0


def test_a_log_axis_fits_the_positive_losses_when_one_is_exactly_zero(qtbot, window,
                                                                     tmp_path):
    far_apart = tmp_path / "far.csv"
    far_apart.write_text("a,b,y\n-100,0,0\n-90,1,0\n100,0,1\n90,1,1\n")
    window.open_csv(far_apart)
    edit(window, "standardize", False)
    edit(window, "learning_rate", 1000.0)
    step(qtbot, window, 1)
    losses = window.timeline.losses.losses
    assert losses[-1] == 0.0  # exactly: every margin is millions of nats
    edit(window, "log_scale", True)
    _, (low, high) = window.views.loss_plot.getViewBox().viewRange()
    assert low >= np.floor(np.log10(losses[losses > 0].min())) - 1 and high - low < 10
    _, drawn = window.views.loss_plot.named_items["training"].getData()
    assert np.isfinite(drawn).sum() == 1  # the positive loss is drawn; the exact 0 is left out


def test_fill_by_prediction_keeps_test_points_hollow(qtbot, window):
    edit(window, "test_fraction", 0.3)
    edit(window, "fill_by_prediction", True)
    step(qtbot, window, 3)
    scatter = window.views.data_plot.named_items["test_1"]
    assert all(brush is None or brush.style() == 0 for brush in scatter.data["brush"])


def test_restore_default_view_resets_every_view_option(qtbot, window):
    for name, value in (("threshold", 0.3), ("contours", True), ("gap", True)):
        edit(window, name, value)
    window.window_actions.restore_view.trigger()
    assert window.controls.value("threshold") == 0.5 and not window.controls.value("contours")
    assert window.frame.view.threshold == 0.5 and not window.frame.view.gap


def test_the_status_line_shows_state_iteration_and_losses(qtbot, window):
    step(qtbot, window, 2)
    line = window.views.status_line.values
    assert "paused" in line["state"].text() and line["iteration"].text() == "iteration 2"
    assert line["loss"].text() == f"J = {latest(window).state.loss:.6g}"
    qtbot.waitUntil(lambda: latest(window).optimum is not None, timeout=10_000)
    step(qtbot, window, 1)
    assert line["optimum"].text() == f"J* = {latest(window).optimum.loss:.6g}"


def test_a_diverging_run_pauses_itself_and_says_to_lower_the_learning_rate(qtbot, window):
    from tests.conftest import BREAST_CANCER

    window.open_csv(BREAST_CANCER)
    edit(window, "standardize", False)
    edit(window, "learning_rate", 10.0)
    edit(window, "speed", 0)
    action(window, "play_pause").trigger()
    qtbot.waitUntil(lambda: latest(window).status == "diverging", timeout=10_000)
    assert not latest(window).running
    assert "lower it" in window.views.status_panel.message.text()
    assert "diverging" in window.views.status_line.values["state"].text()
