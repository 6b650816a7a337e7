"""Issue 13 §3: the step taken apart in a window: arrows in the landscape, Explain step in the
formulas dock, the curvature at θ; checked against a reference trainer and numpy."""

import math

import numpy as np
from PySide6.QtCore import Qt

from logreg_gui.core.state import TrainingOptions
from logreg_gui.core.training import Trainer
from tests.qt.conftest import edit, latest, step


def reference_run(window, steps, **options):
    """θ and ∇J of a fresh trainer on the window's data after each of `steps` updates."""
    X, y = window.current_data()
    trainer = Trainer(X, y, **options)
    thetas, gradients = [trainer.state().theta], [trainer.state().gradient]
    for _ in range(steps):
        trainer.advance(1)
        thetas.append(trainer.state().theta)
        gradients.append(trainer.state().gradient)
    return np.array(thetas), np.array(gradients)


def drawn_vector(steps, name):
    """tip − origin of a drawn arrow (its first two points)."""
    x, y = steps.items[name].getData()
    return np.array([x[1] - x[0], y[1] - y[0]]), np.array([x[0], y[0]])


def test_momentum_arrows_are_the_last_step_beta_v_minus_eta_gradient_and_the_next(qtbot,
                                                                                 make_window):
    window = make_window(options=TrainingOptions(optimizer="momentum", momentum=0.8))
    window.views.landscape_dock.raise_()
    step(qtbot, window, 5)
    thetas, gradients = reference_run(window, 6, optimizer="momentum", momentum=0.8)
    steps = window.views.landscape_plot.steps
    qtbot.waitUntil(lambda: "next_step" in steps.vectors, timeout=3000)
    last = thetas[5] - thetas[4]
    np.testing.assert_allclose(steps.vectors["last_step"], last[:2], rtol=1e-10)
    np.testing.assert_allclose(steps.vectors["momentum"], 0.8 * last[:2], rtol=1e-10)
    np.testing.assert_allclose(steps.vectors["gradient_step"], -0.1 * gradients[5][:2],
                               rtol=1e-10)
    np.testing.assert_allclose(steps.vectors["next_step"], (thetas[6] - thetas[5])[:2],
                               rtol=1e-10)
    scale = steps.scales["steps"]
    assert math.log10(scale) == round(math.log10(scale))  # a power of ten
    (x0, x1), _ = window.views.landscape_plot.viewRange()
    for name, vector in steps.vectors.items():
        drawn, origin = drawn_vector(steps, name)
        np.testing.assert_allclose(drawn, scale * vector, rtol=1e-9)
        assert np.hypot(*drawn) <= 0.3 * (x1 - x0) + 1e-12
    _, gradient_origin = drawn_vector(steps, "gradient_step")  # head to tail after β·v
    np.testing.assert_allclose(gradient_origin, thetas[5][:2] + scale * 0.8 * last[:2],
                               rtol=1e-9)
    label = steps._legend.getLabel(steps.items["momentum"]).text
    assert label == f"β·v ×{scale:g}" or (scale == 1 and label == "β·v")


def test_adam_draws_its_moments_as_an_arrow_and_a_box(qtbot, make_window):
    window = make_window(options=TrainingOptions(optimizer="adam", learning_rate=0.05))
    window.views.landscape_dock.raise_()
    step(qtbot, window, 4)
    _, gradients = reference_run(window, 4, optimizer="adam", learning_rate=0.05)
    m, v = np.zeros(3), np.zeros(3)
    for g in gradients:  # the next step (t = 5) takes in the 5th gradient too
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
    m_hat, v_hat = m / (1 - 0.9 ** 5), v / (1 - 0.999 ** 5)
    steps = window.views.landscape_plot.steps
    qtbot.waitUntil(lambda: "adam_box" in steps.vectors, timeout=3000)
    np.testing.assert_allclose(steps.vectors["adam_m"], -0.05 * m_hat[:2], rtol=1e-9)
    np.testing.assert_allclose(steps.vectors["adam_box"], 0.05 * np.sqrt(v_hat[:2]), rtol=1e-9)
    np.testing.assert_allclose(steps.vectors["next_step"],
                               -0.05 * m_hat[:2] / (np.sqrt(v_hat[:2]) + 1e-8), rtol=1e-9)
    x, y = steps.items["adam_box"].getData()
    half = steps.scales["moments"] * 0.05 * np.sqrt(v_hat[:2])
    theta = latest(window).state.theta
    np.testing.assert_allclose([x.min(), x.max()], theta[0] + np.array([-1, 1]) * half[0])
    np.testing.assert_allclose([y.min(), y.max()], theta[1] + np.array([-1, 1]) * half[1])


def test_explain_step_tells_the_update_and_the_step_lands_exactly_there(qtbot, make_window):
    window = make_window(options=TrainingOptions(optimizer="momentum"))
    step(qtbot, window, 3)
    panel = window.views.explain_panel
    window.views.formulas_dock.raise_()
    assert panel.explain.isEnabled()
    panel.explain.click()
    assert [s.name for s in panel.steps] == ["logits", "probabilities", "errors", "gradient",
                                             "decay", "scale", "add", "move"]
    assert panel.index == 0 and "1. logits z = w·x + b" in panel.story.text()
    panel.next.click()
    panel.next.click()
    assert panel.index == 2 and "err (points 1–3 of 100)" in panel.story.text()
    panel.back.click()
    assert panel.index == 1
    thetas, gradients = reference_run(window, 4, optimizer="momentum")
    np.testing.assert_allclose(dict(panel.steps[3].numbers)["∂J/∂w"], gradients[3][:2],
                               rtol=1e-12)
    assert latest(window).state.iteration == 3  # explaining did not touch training
    step(qtbot, window, 1)
    np.testing.assert_array_equal(latest(window).state.theta, panel.steps[-1].theta)
    assert panel.outcome.startswith("✓ The step was taken")
    np.testing.assert_allclose(panel.steps[-1].theta, thetas[4], rtol=1e-12)


def test_explain_waits_for_a_pause(qtbot, window):
    window.controller.play()
    qtbot.waitUntil(lambda: latest(window).running, timeout=5000)
    assert not window.views.explain_panel.explain.isEnabled()
    window.controller.pause()
    qtbot.waitUntil(lambda: window.views.explain_panel.explain.isEnabled(), timeout=5000)


def test_the_curvature_panel_matches_numpy_and_says_when_eta_is_too_large(qtbot, window):
    window.views.parameters_dock.raise_()
    step(qtbot, window, 6)
    panel = window.views.curvature_panel
    theta = latest(window).state.theta
    X, y = window.current_data()
    A = np.column_stack([(X - X.mean(axis=0)) / X.std(axis=0), np.ones(len(y))])
    p = 1 / (1 + np.exp(-A @ theta))
    expected = np.linalg.eigvals(A.T @ (A * (p * (1 - p))[:, None]) / len(y)).real
    qtbot.waitUntil(lambda: panel.curvature is not None, timeout=3000)
    np.testing.assert_allclose(panel.curvature.eigenvalues, np.sort(expected), rtol=1e-10)
    stable = 2 / expected.max()
    assert f"<b>{stable:.4g}</b>" in panel.text() and "η = <b>0.1</b>" in panel.text()
    edit(window, "learning_rate", round(1.5 * stable, 2))
    qtbot.waitUntil(lambda: "is above 2/λ_max" in panel.text(), timeout=5000)


def test_a_legend_entry_hides_its_arrow_without_moving_theta(qtbot, make_window):
    window = make_window(options=TrainingOptions(optimizer="momentum"))
    window.views.landscape_dock.raise_()
    step(qtbot, window, 3)
    landscape = window.views.landscape_plot
    qtbot.waitUntil(lambda: landscape.grid is not None, timeout=10_000)
    steps = landscape.steps
    sample, label = next((sample, label) for sample, label in steps._legend.items
                         if sample.item is steps.items["momentum"])
    centre = sample.mapToScene(sample.boundingRect().center())
    with qtbot.assertNotEmitted(landscape.theta_requested):  # clicks on the legend only
        qtbot.mouseClick(landscape.viewport(), Qt.MouseButton.LeftButton,
                         pos=landscape.mapFromScene(centre))
        assert not steps.items["momentum"].isVisible()
        text = label.mapToScene(label.boundingRect().center())
        qtbot.mouseClick(landscape.viewport(), Qt.MouseButton.LeftButton,
                         pos=landscape.mapFromScene(text))
    assert not steps.items["momentum"].isVisible()  # a click on the text does not toggle
