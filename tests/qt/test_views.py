"""What the views draw: boundary, sigmoid, hover read-outs, threshold, overlays, landscape,
side-by-side losses and formulas."""

from types import SimpleNamespace

import numpy as np
import pyqtgraph as pg
import pytest

from logreg_gui.core.generators import generate
from logreg_gui.core.landscape import SAMPLE_LIMIT, LandscapeRequest
from logreg_gui.core.metrics import logit, threshold_metrics
from logreg_gui.core.training import Trainer
from logreg_gui.qt.plots import landscape as landscape_module
from logreg_gui.qt.plots.sigmoid import MIN_Z_LIMIT
from logreg_gui.qt.plots.style import move_points
from tests.qt.conftest import edit, latest, pixel_of, status, step


def test_views_follow_the_model(qtbot, window):
    step(qtbot, window, 20)
    coef, intercept = window.current_parameters()
    x, y = window.views.data_plot.named_items["boundary"].getData()
    np.testing.assert_allclose(coef[0] * x + coef[1] * y + intercept, 0, atol=1e-9)
    X, labels = window.current_data()
    z_drawn, y_drawn = window.views.sigmoid_plot.named_items["class_1"].getData()
    np.testing.assert_allclose(np.sort(z_drawn), np.sort(X[labels == 1] @ coef + intercept))
    assert np.all(y_drawn == 1)


def test_hovering_a_point_shows_its_values(qtbot, window):
    step(qtbot, window, 3)
    X, y = window.current_data()
    coef, intercept = window.current_parameters()
    index = int(np.argmin(np.abs(X[:, 0]) + np.abs(X[:, 1])))  # a point near the centre
    plot = window.views.data_plot
    qtbot.mouseMove(plot.viewport(), pixel_of(plot, *X[index]))
    qtbot.waitUntil(lambda: plot.hover_text != "", timeout=3000)
    text = plot.hover_text
    z = X[index] @ coef + intercept
    p = 1 / (1 + np.exp(-z))
    assert f"z = w·φ(x) + b = {z:.4g}" in text
    assert f"ŷ = σ(z) = {p:.4f}" in text and f"err = ŷ − y = {p - y[index]:+.4f}" in text
    assert f"class y = {y[index]}" in text
    loss = -np.log(p) if y[index] == 1 else -np.log(1 - p)
    assert f"= {loss:.4g}" in text


def test_hovering_the_loss_curve_shows_the_iteration_and_loss(qtbot, window):
    step(qtbot, window, 10)
    losses = window.timeline.losses.losses
    plot = window.views.loss_plot
    qtbot.mouseMove(plot.viewport(), pixel_of(plot, 4, losses[4]))
    qtbot.waitUntil(lambda: plot.hover_text != "", timeout=3000)
    assert plot.hover_text == f"iteration 4: J = {losses[4]:.8g}"


def test_threshold_moves_the_boundary_and_updates_the_confusion_matrix(qtbot, window):
    step(qtbot, window, 20)
    window.controls.fields["threshold"].slider.setValue(80)
    assert window.controls.value("threshold") == pytest.approx(0.8)
    coef, intercept = window.current_parameters()
    x, y_line = window.views.data_plot.named_items["boundary"].getData()
    np.testing.assert_allclose(coef[0] * x + coef[1] * y_line + intercept, logit(0.8),
                               atol=1e-9)
    X, y = window.current_data()
    p = 1 / (1 + np.exp(-(X @ coef + intercept)))
    expected = threshold_metrics(y, p, 0.8)
    assert window.frame.metrics == expected
    text = window.views.metrics_panel.text()
    assert f"<td style='padding:2px 8px; border:1px solid #999'>{expected.tp}</td>" in text
    assert "accuracy at τ = 0.80" in window.views.accuracy_line.text()


def test_overlays_contours_trail_weight_vector_and_point_styles(qtbot, window):
    for name in ("contours", "trail", "fill_by_prediction", "size_by_loss"):
        edit(window, name, True)
    step(qtbot, window, 8)
    plot = window.views.data_plot
    for item in plot.contours.items:
        item.generatePath()
    assert all(item.isVisible() for item in plot.contours.items)
    assert sum(item.path.elementCount() > 0 for item in plot.contours.items) >= 4
    trail = [item.getData()[0] for item in plot.trail.items]
    assert sum(data is not None and len(data) == 2 for data in trail) >= 5
    tip = plot.weight_arrow.tip
    coef, intercept = window.current_parameters()
    assert tip @ coef + intercept > 0  # w points towards class 1
    sizes = plot.named_items["class_1"].data["size"]
    assert np.ptp(sizes) > 0  # sized by their loss
    X, y = window.current_data()
    wrong = ((X @ coef + intercept) > 0).astype(int) != y
    assert len(plot.named_items["rings"].data) == wrong.sum()


def test_landscape_matches_the_objective_and_follows_the_path(qtbot, window):
    window.views.landscape_dock.raise_()
    step(qtbot, window, 15)
    state = latest(window).state
    w1, w2, b = state.theta
    with qtbot.waitSignal(window.controller.landscape_ready, timeout=5000,
                          check_params_cb=lambda result: result[0].token == -1) as blocker:
        window.controller.landscape_requested.emit(
            LandscapeRequest(np.array([w1]), np.array([w2]), b, token=-1))
    _, grid = blocker.args[0]
    assert grid[0, 0] == pytest.approx(state.loss, rel=1e-12)
    landscape = window.views.landscape_plot
    qtbot.waitUntil(lambda: landscape.grid is not None, timeout=5000)
    path_x, _ = landscape.named_items["path"].getData()
    assert len(path_x) == 16
    edit(window, "degree", 2)
    qtbot.waitUntil(lambda: latest(window).options.degree == 2, timeout=5000)
    assert "needs degree 1" in landscape.named_items["note"].toPlainText()


def test_a_landscape_over_many_points_says_it_averages_a_sample(qtbot, make_window):
    window = make_window(generate("blobs", SAMPLE_LIMIT + 5000, random_state=2))
    landscape = window.views.landscape_plot
    with qtbot.waitSignal(landscape.landscape_requested, timeout=10_000) as asked:
        window.views.landscape_dock.raise_()
        step(qtbot, window, 1)
    request = asked.args[0]
    # The view takes the grid's extent (widened to equal scales) when asking, not when the
    # grid arrives.
    assert landscape.grid is None
    (x0, x1), (y0, y1) = landscape.viewRange()
    w1, w2, tiny = request.w1_values, request.w2_values, 1e-9
    assert x0 <= w1[0] + tiny and w1[-1] - tiny <= x1 and y0 <= w2[0] + tiny
    assert w2[-1] - tiny <= y1
    assert min(x1 - x0, y1 - y0) == pytest.approx(w1[-1] - w1[0])
    qtbot.waitUntil(lambda: landscape.grid is not None, timeout=30_000)
    note = landscape.named_items["note"].toPlainText()
    assert f"J over a random {SAMPLE_LIMIT:,} of the {SAMPLE_LIMIT + 5000:,} training" in note


def test_slow_landscape_grids_are_refreshed_less_often(qtbot, window, monkeypatch):
    landscape = window.views.landscape_plot
    window.views.landscape_dock.raise_()
    step(qtbot, window, 1)
    # No request in flight (a loaded machine may still be computing a newer grid).
    qtbot.waitUntil(lambda: landscape.grid is not None and not landscape._in_flight,
                    timeout=10_000)
    path, theta = landscape._last_state
    moved = theta.copy()
    moved[2] += 10.0  # b far from the grid's
    for took, later, expected in ((0.05, 1.5, True), (2.0, 1.5, False), (2.0, 21.0, True)):
        landscape._requested_at, landscape._grid_seconds = 100.0, took
        monkeypatch.setattr(landscape_module, "time", SimpleNamespace(monotonic=lambda t=100.0
                                                                      + later: t))
        # A grid that took 2 s waits 2 / GRID_SHARE = 20 s, one of 50 ms the usual second.
        assert bool(landscape._needs_grid(path, moved)) is expected
        landscape._refresh_timer.stop()


def test_side_by_side_runs_both_losses_from_the_same_start(qtbot, window):
    edit(window, "side_by_side", True)
    losses = window.timeline.losses
    qtbot.waitUntil(lambda: np.isfinite(losses.twin_losses).any(), timeout=5000)
    step(qtbot, window, 30)
    assert losses.twin_losses[0] == pytest.approx(0.125)  # ½·(0.5 − y)² at w = 0
    X, y = window.current_data()
    reference = Trainer(X, y, loss="mse")
    progress = reference.advance(30)
    np.testing.assert_allclose(losses.twin_losses[1:], progress[:, 0], rtol=1e-12)
    _, twin_curve = window.views.loss_plot.named_items["twin"].getData()
    assert len(twin_curve) == 31


def test_formulas_show_the_current_numbers(qtbot, window):
    step(qtbot, window, 4)
    state = latest(window).state
    text = window.views.formulas_panel.text()
    assert f"<b>{state.loss:.4g}</b>" in text
    assert f"= {state.gradient[-1]:.4g}" in text
    assert "J = −mean[y·log ŷ + (1 − y)·log(1 − ŷ)]" in text


def test_moving_scatter_points_in_place_updates_data_and_bounds(qtbot):
    # move_points writes into pyqtgraph's point records (pinned to pyqtgraph < 0.15).
    scatter = pg.ScatterPlotItem(x=[0.0, 1.0, 2.0], y=[0.0, 0.0, 0.0])
    move_points(scatter, np.array([5.0, 6.0, 7.0]), np.array([1.0, 2.0, 3.0]))
    x, y = scatter.getData()
    np.testing.assert_array_equal(x, [5, 6, 7])
    np.testing.assert_array_equal(y, [1, 2, 3])
    assert scatter.dataBounds(0) == (5.0, 7.0) and scatter.dataBounds(1) == (1.0, 3.0)
    assert [point.pos().x() for point in scatter.points()] == [5.0, 6.0, 7.0]
    move_points(scatter, np.array([1.0]), np.array([1.0]))  # another count: rebuilt
    assert len(scatter.getData()[0]) == 1


def test_the_hover_read_out_follows_the_training(qtbot, window):
    X, _ = window.current_data()
    plot = window.views.data_plot
    qtbot.mouseMove(plot.viewport(), pixel_of(plot, *X[0]))
    qtbot.waitUntil(lambda: plot.hover_text != "", timeout=3000)
    before = plot.hover_text
    step(qtbot, window, 5)
    coef, intercept = window.current_parameters()
    assert plot.hover_text != before
    assert f"z = w·φ(x) + b = {X[0] @ coef + intercept:.4g}" in plot.hover_text


def test_the_loss_axis_has_the_unit_of_the_loss(qtbot, window):
    axis = window.views.loss_plot.getPlotItem().getAxis("left")
    assert axis.labelText == "loss J (nats)"
    edit(window, "loss", "mse")
    qtbot.waitUntil(lambda: latest(window).options.loss == "mse", timeout=5000)
    assert axis.labelText == "loss J"


def _is_round(value):
    """Of the form {1, 2, 5}·10^k (or 0)."""
    if value == 0:
        return True
    mantissa = abs(value) / 10 ** np.floor(np.log10(abs(value)))
    return any(np.isclose(mantissa, m) for m in (1, 2, 5, 10))


def test_traces_and_sigmoid_axes_step_through_round_limits(qtbot, window):
    """Axes re-laid out every frame cost more than the rest of a frame: the traces and the
    sigmoid keep round limits that contain everything and change only in steps."""
    window.views.loss_dock.raise_()
    step(qtbot, window, 30)
    traces = window.views.traces_plot
    (x_low, x_high), (y_low, y_high) = traces.getViewBox().viewRange()
    path = window.timeline.path(30)
    assert x_low == 0 and _is_round(x_high) and x_high >= 30
    assert _is_round(y_low) and _is_round(y_high)
    assert y_low <= path[:, [0, 1, -1]].min() and path[:, [0, 1, -1]].max() <= y_high
    step(qtbot, window, 1)
    assert traces.getViewBox().viewRange()[0][1] == x_high  # 31 iterations: the same axis
    coef, intercept = window.current_parameters()
    z = window.current_data()[0] @ coef + intercept
    limit = window.views.sigmoid_plot.named_items["curve"].getData()[0].max()
    assert (limit == MIN_Z_LIMIT or _is_round(limit)) and np.abs(z).max() <= limit


def test_the_status_bar_says_none_for_j_star_and_leaves_the_reason_to_its_tooltip(
        qtbot, make_window):
    """At 1280 × 720 'J* = none (complete separation)' cut the fields after it off."""
    from logreg_gui.core.generators import generate

    window = make_window(generate("separable"), remember=False)
    line = window.views.status_line.values["optimum"]
    qtbot.waitUntil(lambda: "separation" in line.toolTip(), timeout=20_000)
    assert line.text() == "J* = none"
    assert "separation" in status(window, "optimum")  # the Status panel says it in full
