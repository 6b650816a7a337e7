"""Issue 13 §1: θ set by hand (landscape click, dragged boundary, sliders), Train from here and
the parameter traces, checked against numbers computed independently."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from logreg_gui.core.generators import generate
from logreg_gui.core.state import TrainingOptions
from logreg_gui.core.training import Trainer
from tests.qt.conftest import click_at, drag_on, latest, pixel_of, step

SHIFT = Qt.KeyboardModifier.ShiftModifier


def standardized(X):
    """The training features by hand: zero mean, unit population variance (numpy only)."""
    return (X - X.mean(axis=0)) / X.std(axis=0)


def loss_by_hand(X, y, theta):
    z = standardized(X) @ theta[:2] + theta[2]
    return float(np.mean(np.logaddexp(0, z) - y * z))


def test_a_click_in_the_landscape_moves_w1_and_w2_and_keeps_b(qtbot, window):
    landscape = window.views.landscape_plot
    window.views.landscape_dock.raise_()
    step(qtbot, window, 5)
    qtbot.waitUntil(lambda: landscape.grid is not None, timeout=10_000)
    b = latest(window).state.theta[2]
    (x0, x1), (y0, y1) = landscape.viewRange()
    target = (x0 + 0.3 * (x1 - x0), y0 + 0.7 * (y1 - y0))
    with qtbot.waitSignal(landscape.theta_requested, timeout=3000) as clicked:
        qtbot.mouseClick(landscape.viewport(), Qt.MouseButton.LeftButton,
                         pos=pixel_of(landscape, *target))
    w1, w2 = clicked.args
    assert (w1, w2) == pytest.approx(target, abs=0.02 * (x1 - x0))
    qtbot.waitUntil(lambda: latest(window).state.theta[0] == w1, timeout=5000)
    state = latest(window).state
    np.testing.assert_array_equal(state.theta, [w1, w2, b])
    assert not latest(window).running and state.iteration == 5
    X, y = window.current_data()
    assert state.loss == pytest.approx(loss_by_hand(X, y, state.theta), rel=1e-12)
    coef, intercept = window.current_parameters()  # every view shows the model set
    z = standardized(X) @ [w1, w2] + b
    np.testing.assert_allclose(X @ coef + intercept, z, rtol=1e-9, atol=1e-9)
    assert window.frame.metrics.accuracy == pytest.approx(np.mean((z > 0) == y))
    window.views.sigmoid_dock.raise_()  # it catches up once in front
    scatter = window.views.sigmoid_plot.named_items["class_1"]
    qtbot.waitUntil(lambda: np.allclose(np.sort(scatter.getData()[0]), np.sort(z[y == 1]),
                                        rtol=1e-9, atol=1e-9), timeout=3000)


def test_a_pan_in_the_landscape_moves_the_view_not_theta(qtbot, window):
    landscape = window.views.landscape_plot
    window.views.landscape_dock.raise_()
    step(qtbot, window, 3)
    qtbot.waitUntil(lambda: landscape.grid is not None, timeout=10_000)
    theta, before = latest(window).state.theta.copy(), landscape.viewRange()
    (x0, x1), (y0, y1) = before
    drag_on(qtbot, landscape, (x0 + 0.4 * (x1 - x0), (y0 + y1) / 2),
            (x0 + 0.6 * (x1 - x0), (y0 + y1) / 2))
    assert landscape.viewRange() != before
    np.testing.assert_array_equal(latest(window).state.theta, theta)


def test_sliders_set_theta_and_train_from_here_continues_from_it(qtbot, window):
    panel = window.views.parameters_panel
    window.views.parameters_dock.raise_()
    step(qtbot, window, 4)
    start = latest(window).state.theta.copy()
    slider = panel.sliders[1]  # w2
    slider.setValue(slider.value() + 150)
    wanted = panel.value_of(1, slider.value())
    qtbot.waitUntil(lambda: latest(window).state.theta[1] == wanted, timeout=5000)
    theta = latest(window).state.theta.copy()
    np.testing.assert_array_equal(theta[[0, 2]], start[[0, 2]])
    X, y = window.current_data()
    assert latest(window).state.loss == pytest.approx(loss_by_hand(X, y, theta), rel=1e-12)
    assert panel.values[1].text() == f"{wanted:.4g}"
    panel.train.click()
    qtbot.waitUntil(lambda: latest(window).state.iteration >= 10, timeout=10_000)
    window.controller.pause()
    qtbot.waitUntil(lambda: not latest(window).running, timeout=5000)
    done = latest(window).state
    reference = Trainer(X, y)
    reference.start_from(theta)
    reference.advance(done.iteration - 4)
    np.testing.assert_allclose(done.theta, reference.state().theta, rtol=1e-10)


def test_for_higher_degrees_only_b_has_a_slider(qtbot, make_window):
    window = make_window(options=TrainingOptions(degree=3))
    panel = window.views.parameters_panel
    assert [s.isEnabled() for s in panel.sliders] == [False, False, True]
    assert "need degree 1" in panel.note.text()
    panel.sliders[2].setValue(700)
    wanted = panel.value_of(2, 700)
    qtbot.waitUntil(lambda: latest(window).state.theta[-1] == wanted, timeout=5000)
    assert np.all(latest(window).state.theta[:-1] == 0)


def boundary_point(window, fraction):
    """A point of the drawn boundary `fraction` of the way along it."""
    x, y = window.views.data_plot.named_items["boundary"].getData()
    return np.array([x[0] + fraction * (x[1] - x[0]), y[0] + fraction * (y[1] - y[0])])


def free_point(window, fractions):
    """A point of the boundary at one of `fractions` with no data point under it."""
    plot = window.views.data_plot
    for fraction in fractions:
        point = boundary_point(window, fraction)
        if not plot.point_at(plot.getViewBox().mapViewToScene(QPointF(*point))):
            return point
    raise AssertionError("no free stretch of the boundary")


def test_dragging_the_boundary_moves_it_parallel(qtbot, window):
    step(qtbot, window, 30)
    coef, intercept = window.current_parameters()
    n, edits = len(window.current_data()[1]), window.undo_stack.count()
    start = free_point(window, (0.4, 0.35, 0.45, 0.3))
    normal = coef / np.hypot(*coef)
    pressed, released = drag_on(qtbot, window.views.data_plot, start, start + 0.8 * normal)
    wanted = intercept - coef @ (released - pressed)
    # Requests go one at a time: the last one (where the drag ended) arrives last.
    qtbot.waitUntil(lambda: window.current_parameters()[1] == pytest.approx(wanted, rel=1e-9),
                    timeout=5000)
    np.testing.assert_allclose(window.current_parameters()[0], coef, rtol=1e-9)
    assert len(window.current_data()[1]) == n and window.undo_stack.count() == edits
    assert not latest(window).running


def test_shift_dragging_the_boundary_turns_it_about_its_midpoint(qtbot, window):
    step(qtbot, window, 30)
    coef, intercept = window.current_parameters()
    pivot = window.views.boundary_handle.handles[0].copy()
    start = free_point(window, (0.7, 0.65, 0.75, 0.6))
    direction = np.array([-coef[1], coef[0]]) / np.hypot(*coef)
    end = start + 0.6 * np.array([coef[0], coef[1]]) / np.hypot(*coef) + 0.2 * direction
    _, released = drag_on(qtbot, window.views.data_plot, start, end, SHIFT)

    def through_the_pointer():
        turned, turned_intercept = window.current_parameters()
        return abs(turned @ released + turned_intercept) < 1e-9

    qtbot.waitUntil(through_the_pointer, timeout=5000)  # the last request arrives last
    turned, turned_intercept = window.current_parameters()
    assert np.hypot(*turned) == pytest.approx(np.hypot(*coef), rel=1e-9)  # steepness kept
    assert turned @ pivot + turned_intercept == pytest.approx(0, abs=1e-9)  # through the pivot
    assert turned @ released + turned_intercept == pytest.approx(0, abs=1e-9)  # and the pointer
    assert turned @ coef > 0  # w still points towards class 1


def test_a_click_on_the_boundary_still_adds_a_point(qtbot, window):
    step(qtbot, window, 30)
    n = len(window.current_data()[1])
    click_at(qtbot, window, *free_point(window, (0.4, 0.35, 0.45)))
    qtbot.waitUntil(lambda: len(window.current_data()[1]) == n + 1, timeout=3000)


def test_a_dragged_boundary_on_raw_features_maps_to_their_theta(qtbot, make_window):
    dataset = generate("blobs", 80, random_state=3)
    window = make_window(dataset, TrainingOptions(standardize=False, learning_rate=0.05))
    step(qtbot, window, 30)
    window.hands_on.set_model(np.array([1.5, -0.5]), 0.25)
    qtbot.waitUntil(lambda: latest(window).state.theta[0] == 1.5, timeout=5000)
    np.testing.assert_array_equal(latest(window).state.theta, [1.5, -0.5, 0.25])


def test_traces_follow_the_history_and_mark_the_iteration_shown(qtbot, window):
    step(qtbot, window, 12)
    traces = window.views.traces_plot
    path = window.timeline.path(12)
    for name, column in (("w1", 0), ("w2", 1), ("b", 2)):
        x, y = traces.named_items[name].getData()
        np.testing.assert_array_equal(x, window.timeline.parameters.iterations)
        np.testing.assert_array_equal(y, path[:, column])
    assert traces.named_items["marker"].value() == 12
    window.show_iteration(5)
    assert traces.named_items["marker"].value() == 5
