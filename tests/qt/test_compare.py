"""Optimizers racing from the same start, and a kept run to compare the next one with."""

import numpy as np

from logreg_gui.core.training import Trainer
from tests.qt.conftest import latest, step


def race(window, preset):
    panel = window.views.compare_panel
    panel.preset.setCurrentText(preset)
    panel.preset.activated.emit(panel.preset.currentIndex())
    panel.race.click()


def test_a_preset_races_gd_momentum_and_adam_from_the_same_start(qtbot, window):
    window.views.landscape_dock.raise_()
    step(qtbot, window, 3)
    race(window, "gd, momentum and Adam")
    qtbot.waitUntil(lambda: len(latest(window).runs) == 3 and latest(window).state.iteration == 0,
                    timeout=5000)
    names = [run.name for run in latest(window).runs]
    assert names[1].startswith("run 3: momentum, η = 0.1, β = 0.9")
    step(qtbot, window, 20)
    X, y = window.current_data()
    for run in latest(window).runs:
        reference = Trainer(X, y, **vars(run.options))
        reference.advance(20)
        np.testing.assert_allclose(run.theta, reference.state().theta, rtol=1e-10)
    losses = window.timeline.losses.run_losses
    assert np.all(np.isfinite(losses[:3, -21:]))  # every run's J at every iteration
    legend = window.views.loss_plot.named_items
    assert all(len(legend[f"run_{i}"].getData()[0]) == 21 for i in range(3))
    paths = window.views.landscape_plot.named_items
    assert all(len(paths[f"run_{i}"].getData()[0]) >= 2 for i in range(3))


def test_keeping_a_run_draws_its_curve_for_the_next(qtbot, window):
    step(qtbot, window, 10)
    kept = window.timeline.losses.losses.copy()
    window.views.compare_panel.keep.click()
    window.window_actions.reset.trigger()
    qtbot.waitUntil(lambda: latest(window).state.iteration == 0, timeout=5000)
    _, drawn = window.views.loss_plot.named_items["kept"].getData()
    np.testing.assert_array_equal(drawn, kept)


def test_an_invalid_race_says_why(qtbot, window):
    panel = window.views.compare_panel
    panel.set_runs([{"optimizer": "newton", "loss": "mse"}])
    panel.race.click()
    assert "Cannot race" in window.statusBar().currentMessage()
    assert latest(window).runs == ()
