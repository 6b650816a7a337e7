"""Issue 4's Qt-free parts: MSE, the loss landscape, the bounded history, threshold metrics."""


import numpy as np
import pytest

from logreg_gui.core.data import read_csv
from logreg_gui.core.generators import generate
from logreg_gui.core.landscape import landscape_points, loss_landscape
from logreg_gui.core.loss import LOSSES, mse_objective
from logreg_gui.core.metrics import logit, threshold_metrics
from logreg_gui.core.timeline import ParameterTimeline
from logreg_gui.core.training import Trainer
from tests.conftest import BREAST_CANCER, central_differences


def test_mse_gradient_equals_finite_differences_and_the_tutorials_formula():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(30, 2))
    y = rng.integers(0, 2, size=30)
    theta = rng.normal(size=3)
    loss, gradient = mse_objective(theta, X, y, l2=0.3)
    numeric = central_differences(lambda t: mse_objective(t, X, y, 0.3)[0], theta)
    np.testing.assert_allclose(gradient, numeric, rtol=1e-6, atol=1e-10)
    p = 1 / (1 + np.exp(-(X @ theta[:2] + theta[2])))
    tutorial = ((p - y) * p * (1 - p)) @ np.column_stack([X, np.ones(30)]) / 30
    np.testing.assert_allclose(gradient[:2] - 0.3 * theta[:2] / 30, tutorial[:2], rtol=1e-12)
    assert loss == pytest.approx(0.5 * np.mean((p - y) ** 2) + 0.3 / 60 * theta[:2] @ theta[:2])


def iterations_to_accuracy(loss, dataset, target=0.9, limit=20_000):
    # A start far out on the wrong side: the sigmoid saturates for most points.
    trainer = Trainer(dataset.X, dataset.y, learning_rate=1.0, loss=loss)
    trainer.start_from([-6.0, -6.0, 0.0])  # same start for both losses
    for done in range(0, limit, 10):
        if trainer.state().accuracy >= target:
            return done
        trainer.advance(10)
    return limit


def test_mse_is_slower_than_cross_entropy_from_a_saturated_start():
    dataset = generate("blobs", 200, random_state=1)
    cross_entropy = iterations_to_accuracy("cross_entropy", dataset)
    mse = iterations_to_accuracy("mse", dataset)
    assert cross_entropy <= 20  # the log-loss gradient does not vanish when σ saturates
    assert mse > 5 * cross_entropy


def test_landscape_equals_the_objective_at_the_current_parameters():
    dataset = read_csv(BREAST_CANCER)
    for loss in ("cross_entropy", "mse"):
        trainer = Trainer(dataset.X, dataset.y, l2=0.7, loss=loss, learning_rate=0.5)
        trainer.advance(30)
        state = trainer.state()
        w1, w2, b = state.theta
        grid = loss_landscape(*trainer.features, b, np.array([w1, w1 + 1]),
                              np.array([w2]), LOSSES[loss], l2=0.7)
        assert grid[0, 0] == pytest.approx(state.loss, rel=1e-12)


def test_landscape_minimum_is_within_one_cell_of_newtons_optimum():
    dataset = read_csv(BREAST_CANCER)
    trainer = Trainer(dataset.X, dataset.y, optimizer="newton", tol=1e-10)
    trainer.advance(50)
    w1, w2, b = trainer.state().theta
    w1_values = np.linspace(w1 - 3, w1 + 3, 61)
    w2_values = np.linspace(w2 - 2, w2 + 2, 41)
    grid = loss_landscape(*trainer.features, b, w1_values, w2_values)
    row, column = np.unravel_index(np.argmin(grid), grid.shape)
    assert abs(w1_values[column] - w1) <= w1_values[1] - w1_values[0]
    assert abs(w2_values[row] - w2) <= w2_values[1] - w2_values[0]


def test_landscape_over_many_points_averages_a_fixed_sample_close_to_the_full_grid():
    dataset = generate("overlap", 60_000, random_state=3)
    X, y = dataset.X, dataset.y
    sample_X, sample_y = landscape_points(X, y, limit=20_000)
    assert sample_X.shape == (20_000, 2) and len(sample_y) == 20_000
    rows = np.flatnonzero(np.isin(X[:, 0], sample_X[:, 0]))
    assert len(rows) == 20_000
    np.testing.assert_array_equal(X[rows], sample_X)  # rows of the data, in their order
    np.testing.assert_array_equal(y[rows], sample_y)
    np.testing.assert_array_equal(landscape_points(X, y, limit=20_000)[0], sample_X)
    small_X, small_y = landscape_points(X[:500], y[:500])
    np.testing.assert_array_equal(small_X, X[:500])
    w = np.linspace(-2, 2, 9)
    full = loss_landscape(X, y, 0.3, w, w, l2=50.0)
    sampled = loss_landscape(sample_X, sample_y, 0.3, w, w, l2=50.0, n_samples=len(y))
    np.testing.assert_allclose(sampled, full, rtol=0.03)
    # The penalty is λ/(2n)·‖w‖² with the full n: the difference of two grids with and
    # without λ is the same over the sample as over every point.
    bare = loss_landscape(sample_X, sample_y, 0.3, w, w, n_samples=len(y))
    W1, W2 = np.meshgrid(w, w)
    np.testing.assert_allclose(sampled - bare, 50.0 / (2 * len(y)) * (W1**2 + W2**2),
                               rtol=1e-9)


def test_history_stays_bounded_over_a_million_iterations_and_scrubs_exactly():
    history = ParameterTimeline(capacity=1000)
    for iteration in range(0, 1_000_001, 7):
        history.record(iteration, [iteration, -iteration, 0.5])
    assert len(history) <= 1000
    assert history.vectors.nbytes + history.iterations.nbytes <= 1000 * 4 * 8
    recorded, theta = history.at(999_999)
    assert recorded == 999_999 and theta[0] == 999_999  # the newest entry is always kept
    assert history.iterations[0] == 0  # the start is kept
    spacing = np.diff(history.iterations).max()
    assert spacing <= 10 * 1_000_000 / 1000  # thinned over the whole run, not just the start
    assert len(history) >= 400
    recorded, theta = history.at(123_456)
    assert 0 <= 123_456 - recorded <= spacing and theta[0] == recorded
    assert np.all(np.diff(history.iterations) > 0)


def test_threshold_metrics_and_the_boundary_logit():
    y = np.array([0, 0, 1, 1, 1])
    p = np.array([0.1, 0.6, 0.4, 0.8, 0.9])
    m = threshold_metrics(y, p, 0.5)
    assert (m.tn, m.fp, m.fn, m.tp) == (1, 1, 1, 2)
    assert m.precision == pytest.approx(2 / 3) and m.recall == pytest.approx(2 / 3)
    assert m.accuracy == pytest.approx(3 / 5)
    strict = threshold_metrics(y, p, 0.85)
    assert (strict.tp, strict.fp) == (1, 0) and strict.precision == 1.0
    assert logit(0.5) == 0.0 and logit(0.9) == pytest.approx(np.log(9))
    assert np.isnan(threshold_metrics(y, p, 0.95).precision)
