"""Looking back in time with the history bar, without touching training."""

import numpy as np

from logreg_gui.core.training import Trainer
from tests.qt.conftest import action, edit, iteration, step


def test_scrubbing_shows_recorded_parameters_without_touching_training(qtbot, window):
    step(qtbot, window, 5)
    X, y = window.current_data()
    bar = window.views.history_bar
    bar.slider.setValue(2)  # entries: iterations 0, 1, 2, …
    reference = Trainer(X, y)
    reference.advance(2)
    np.testing.assert_allclose(window.current_parameters()[0], reference.state().coef_,
                               rtol=1e-14)
    assert "showing iteration 2 (live: 5)" in bar.label.text()
    assert iteration(window) == 5  # training state untouched
    x, z_line = window.views.data_plot.named_items["boundary"].getData()
    coef, intercept = reference.state().coef_, reference.state().intercept_
    np.testing.assert_allclose(coef[0] * x + coef[1] * z_line + intercept, 0, atol=1e-9)
    action(window, "step_back").trigger()
    assert "showing iteration 1" in bar.label.text()
    bar.go_live()
    reference.advance(3)
    np.testing.assert_allclose(window.current_parameters()[0], reference.state().coef_,
                               rtol=1e-14)


def test_a_scrubbed_view_stays_on_its_iteration_while_the_history_thins(qtbot, make_window,
                                                                        monkeypatch):
    monkeypatch.setattr("logreg_gui.qt.window.main_window.HISTORY_CAPACITY", 8)
    window = make_window()
    step(qtbot, window, 3)
    bar = window.views.history_bar
    bar.slider.setValue(2)
    assert "showing iteration 2" in bar.label.text()
    edit(window, "speed", 50)
    window.controller.play()
    parameters = window.timeline.parameters
    qtbot.waitUntil(lambda: parameters.stride >= 4, timeout=20_000)  # thinned twice
    window.controller.pause()
    shown = int(parameters.iterations[bar.slider.value()])
    assert shown <= 2  # the same iteration, or the nearest earlier one still kept
    assert f"showing iteration {shown} " in bar.label.text()
