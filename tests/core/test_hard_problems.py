"""Hard problems for the numerical core: exact J*, Newton on raw features of any scale, the
existence of the optimum (separation), scale-relative thresholds, divergence and stopping.

Truth comes from outside the package: the expected values of ``/work/shared/cases`` (copied to
``tests/core/cases``), hand values (ln 2 / 2), and scikit-learn refined by an independent
Newton method (:mod:`tests.core.reference`).
"""

import math
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from logreg_gui.core.data import read_csv
from logreg_gui.core.divergence import DivergenceMonitor
from logreg_gui.core.features import polynomial_features
from logreg_gui.core.generators import generate
from logreg_gui.core.loss import objective
from logreg_gui.core.optimizers import NAMES, Newton, newton_step
from logreg_gui.core.newton import newton_update
from logreg_gui.core.optimum import find_optimum
from logreg_gui.core.scaling import Standardizer
from logreg_gui.core.separation import detect_separation
from logreg_gui.core.stopping import (column_scale, converged, distance_to_optimum,
                                      scaled_gradient_norm)
from logreg_gui.core.training import Trainer
from tests.conftest import BREAST_CANCER, DATASETS, IRIS_OVERLAP, IRIS_SEPARABLE
from tests.core.reference import reference_fit, relative_distance, trained_features

CASES = Path(__file__).parent / "cases"
SHIPPED = {"breast": BREAST_CANCER, "iris-overlap": IRIS_OVERLAP,
           "iris-separable": IRIS_SEPARABLE}
RAW_1E8_COEF = np.array([1.42452258e-08, 1.16697452e-08])
RAW_1E8_INTERCEPT = -1.25692972
RAW_1E8_LOSS = 0.48514156


@cache
def dataset(name):
    return read_csv(SHIPPED[name] if name in SHIPPED else CASES / f"{name}.csv")


def standardized(X, degree):
    mapped = polynomial_features(X, degree)
    return Standardizer.fit(mapped).transform(mapped)


# -- the cases ---------------------------------------------------------------------------------

def test_breast_cancer_degree_6_optimum_is_the_true_minimum():
    data = dataset("breast")
    found = find_optimum(standardized(data.X, 6), data.y, 0.0)
    assert found.reason is None and found.separation is None
    assert found.loss == pytest.approx(0.2040121, rel=1e-6)
    assert found.loss < 0.2040126  # scikit-learn's newton-cg stops above it
    assert found.gradient_norm <= 1e-10


@pytest.mark.parametrize("standardize", [True, False])
def test_quasi_separation_has_no_finite_optimum_and_its_infimum_is_ln2_over_2(standardize):
    data = dataset("quasi_separation")
    found = Trainer(data.X, data.y, standardize=standardize).optimum()
    assert found.theta is None and found.loss is None
    assert found.separation == "quasi-complete"
    assert "quasi-complete separation" in found.reason and "L2 penalty" in found.reason
    assert found.infimum == pytest.approx(math.log(2) / 2, rel=1e-9)


def test_quasi_separation_direction_raises_only_the_separated_margins():
    data = dataset("quasi_separation")
    found = find_optimum(data.X, data.y, 0.0)
    margins = (2 * data.y - 1) * (data.X @ found.direction[:-1] + found.direction[-1])
    on_the_line = data.X[:, 0] == 0  # the four points of both classes at x1 = 0
    np.testing.assert_allclose(margins[on_the_line], 0.0, atol=1e-12)
    assert np.all(margins[~on_the_line] > 0)


def test_quasi_separation_with_a_penalty_has_a_finite_optimum_above_the_infimum():
    data = dataset("quasi_separation")
    found = find_optimum(data.X, data.y, 1e-3)
    assert found.reason is None and found.loss > math.log(2) / 2
    reference = reference_fit(data.X, data.y, 1e-3)
    assert found.loss == pytest.approx(reference.loss, rel=1e-9)


@pytest.mark.parametrize("standardize", [True, False])
def test_tiny_units_fit_like_unit_scale(standardize):
    data = dataset("tiny_units")
    assert np.all(Standardizer.fit(data.X).scale_ != 1.0)  # not taken as constant
    trainer = Trainer(data.X, data.y, optimizer="newton", standardize=standardize)
    trainer.advance(50)
    state = trainer.state()
    np.testing.assert_allclose(state.coef_, [1.902e15, 4.047e14], rtol=1e-3)
    assert state.intercept_ == pytest.approx(-13.046, rel=1e-4)
    assert state.loss == pytest.approx(0.551629, rel=1e-6)
    assert state.accuracy == 0.75
    unit = Trainer(data.X * 1e15, data.y, optimizer="newton")
    unit.advance(50)
    np.testing.assert_allclose(state.coef_ * 1e-15, unit.state().coef_, rtol=1e-8)
    assert trainer.optimum().loss == pytest.approx(unit.optimum().loss, rel=1e-12)


@pytest.mark.parametrize("factor", [1.0, 1e-12, 1e-20, 1e8])
def test_newton_on_raw_features_of_any_scale_reaches_the_optimum(factor):
    """raw_scale_1e8 as given (features ~1e8), and rescaled to ~1e-4, ~1e-12 and ~1e16."""
    data = dataset("raw_scale_1e8")
    trainer = Trainer(data.X * factor, data.y, optimizer="newton", standardize=False)
    trainer.advance(100)
    state = trainer.state()
    assert state.loss == pytest.approx(RAW_1E8_LOSS, rel=1e-8)
    np.testing.assert_allclose(state.coef_ * factor, RAW_1E8_COEF, rtol=1e-6)
    assert state.intercept_ == pytest.approx(RAW_1E8_INTERCEPT, rel=1e-6)


@pytest.mark.parametrize("factor", [1e-200, 1e200])
def test_extreme_units_give_the_same_optimum_without_warnings(factor):
    data = dataset("iris-overlap")
    expected = find_optimum(data.X, data.y, 0.0).loss
    assert find_optimum(data.X * factor, data.y, 0.0).loss == pytest.approx(expected, rel=1e-9)
    trainer = Trainer(data.X * factor, data.y, optimizer="newton", standardize=False)
    trainer.advance(50)
    assert trainer.state().loss == pytest.approx(expected, rel=1e-9)
    scaler = Standardizer.fit(data.X * factor)
    np.testing.assert_allclose(scaler.transform(data.X * factor),
                               Standardizer.fit(data.X).transform(data.X), atol=1e-12)
    assert np.all(scaler.standardized_penalty(0.0) == 0)
    assert np.all(np.isfinite(scaler.standardized_penalty(1.0)))


def test_overflowing_features_give_a_reason_not_an_error():
    X = np.array([[1.0, np.inf], [2.0, 1.0], [0.0, 3.0]])
    found = find_optimum(X, np.array([0, 1, 1]), 0.0)
    assert found.theta is None and "not all finite" in found.reason


@pytest.mark.parametrize("name, degree", [("breast", 2), ("breast", 3), ("iris-overlap", 3),
                                          ("raw_scale_1e8", 2)])
def test_newton_on_raw_polynomial_features_reaches_the_optimum(name, degree):
    data = dataset(name)
    trainer = Trainer(data.X, data.y, optimizer="newton", standardize=False, degree=degree)
    trainer.advance(100)
    reference = reference_fit(trained_features(data.X, degree, True), data.y, 0.0)
    assert trainer.state().loss == pytest.approx(reference.loss, rel=1e-8)


def test_newton_never_stalls_while_the_gradient_is_large():
    """From saturated, badly scaled starts (σ(z) = 0 or 1 for most points, so the Hessian
    vanishes), every update still lowers J; it stops only at the optimum."""
    data = dataset("breast")
    X = polynomial_features(data.X, 2)  # raw: columns from ~10 to ~1000
    scale = column_scale(X)
    rng = np.random.default_rng(3)
    for _ in range(5):
        theta = rng.normal(scale=30, size=X.shape[1] + 1) / scale
        loss, gradient = objective(theta, X, data.y)
        for _ in range(200):
            if scaled_gradient_norm(gradient, scale) <= 1e-10:
                break
            update = newton_update(theta, X, data.y, 0.0)
            assert update.kind in ("newton", "damped") and update.loss <= loss
            theta = update.theta
            loss, gradient = objective(theta, X, data.y)
        assert scaled_gradient_norm(gradient, scale) <= 1e-10


def test_newton_step_keeps_its_interface():
    data = dataset("iris-overlap")
    theta = np.zeros(3)
    _, gradient = objective(theta, data.X, data.y)
    stepped = newton_step(theta, data.X, data.y, 0.0, gradient)
    optimizer = Newton(learning_rate=0.1)
    assert np.array_equal(optimizer.step(theta, data.X, data.y, 0.0, gradient), stepped)
    assert optimizer.last_update.kind == "newton" and optimizer.last_update.moved
    assert objective(stepped, data.X, data.y)[0] < math.log(2)


# -- existence: separation by linear programming ------------------------------------------------

@pytest.mark.parametrize("factor", [1.0, 1e-15, 1e15])
def test_separation_kind_does_not_depend_on_units(factor):
    separable, overlap, quasi = (dataset("iris-separable"), dataset("iris-overlap"),
                                 dataset("quasi_separation"))
    for degree in (1, 3):
        assert detect_separation(polynomial_features(separable.X * factor, degree),
                                 separable.y).kind == "complete"
    assert detect_separation(overlap.X * factor, overlap.y).kind is None
    assert detect_separation(quasi.X * factor, quasi.y).kind == "quasi-complete"


def test_complete_separation_direction_separates_every_point():
    data = dataset("iris-separable")
    found = find_optimum(standardized(data.X, 2), data.y, 0.0)
    assert found.separation == "complete" and found.infimum == 0.0
    assert "complete separation" in found.reason and "L2 penalty" in found.reason
    X = standardized(data.X, 2)
    assert np.all((2 * data.y - 1) * (X @ found.direction[:-1] + found.direction[-1]) > 0)


def test_single_class_has_no_optimum_even_with_a_penalty():
    X = np.array([[0.0, 1.0], [1.0, 2.0], [2.0, 0.5]])
    found = find_optimum(X, np.ones(3, dtype=np.int64), 1.0)
    assert found.theta is None and found.infimum == 0.0 and "one class" in found.reason


def _stopper(after):
    """should_stop saying yes at its `after`-th call; its calls are counted in ``.calls``."""
    def should_stop():
        should_stop.calls += 1
        return should_stop.calls >= after
    should_stop.calls = 0
    return should_stop


def test_cancelled_optimum_returns_at_the_first_check_after_the_request():
    # How long a check takes is a benchmark figure (benchmarks/bench_optimum.py); here: that
    # the search keeps asking, and returns as soon as the answer is yes.
    data = generate("overlap", 20_000)
    X = standardized(data.X, 6)
    never = _stopper(math.inf)
    assert find_optimum(X, data.y, 0.0, should_stop=never).theta is not None
    assert never.calls >= 5  # separation, then every Newton step and line-search trial
    for after in (1, 2, never.calls // 2, never.calls):
        should_stop = _stopper(after)
        found = find_optimum(X, data.y, 0.0, should_stop=should_stop)
        assert found.reason == "cancelled" and found.theta is None
        assert should_stop.calls == after


# -- the reduced accuracy grid ------------------------------------------------------------------

GRID = [(name, degree, l2, standardize) for name in SHIPPED for degree in (1, 2, 6)
        for l2 in (0.0, 1.0) for standardize in (True, False)]


@cache
def reference_loss(name, degree, l2, standardize):
    """Independent J*; λ = 0 does not depend on the scaling, so it is solved standardized."""
    data = dataset(name)
    X = trained_features(data.X, degree, standardize or l2 == 0)
    return reference_fit(X, data.y, l2).loss


@pytest.mark.parametrize("name, degree, l2, standardize", GRID, ids=str)
def test_newton_and_optimum_match_the_reference(name, degree, l2, standardize):
    data = dataset(name)
    trainer = Trainer(data.X, data.y, optimizer="newton", degree=degree, l2=l2,
                      standardize=standardize, tol=1e-10)
    found = trainer.optimum()
    if name == "iris-separable" and l2 == 0:
        assert found.loss is None and found.separation == "complete"
        return
    expected = reference_loss(name, degree, l2, standardize)
    assert found.reason is None
    assert found.loss == pytest.approx(expected, rel=1e-6)
    trainer.advance(200)
    assert trainer.state().loss == pytest.approx(expected, rel=1e-6)


# -- divergence --------------------------------------------------------------------------------

def run_with_monitor(trainer, iterations):
    """The iteration at which the monitor first says 'diverging', or None."""
    monitor = DivergenceMonitor(trainer.state().loss)
    for i, loss in enumerate(trainer.advance(iterations)[:, 0]):
        if monitor.update(loss):
            return i
    return None


def test_oscillating_gradient_descent_is_flagged_within_a_few_dozen_iterations():
    data = dataset("breast")
    trainer = Trainer(data.X, data.y, standardize=False, learning_rate=10.0)
    assert run_with_monitor(trainer, 100) <= 30


def test_exploding_polynomial_training_is_flagged_at_once():
    rng = np.random.default_rng(0)
    X = rng.uniform(30, 100, size=(100, 2))  # exam scores
    y = (X.sum(axis=1) + rng.normal(0, 10, 100) > 130).astype(np.int64)
    trainer = Trainer(X, y, standardize=False, degree=6, learning_rate=1e-6)
    assert run_with_monitor(trainer, 10) == 0


def test_slowly_stuck_oscillation_is_flagged():
    data = dataset("iris-overlap")  # J oscillates between 1.6 and 4.1 nats for ever
    trainer = Trainer(data.X, data.y, standardize=False, learning_rate=0.5)
    assert run_with_monitor(trainer, 1000) is not None


CONVERGING = ([(optimizer, True, eta) for optimizer in NAMES for eta in (0.1, 1.0, 10.0)]
              + [(optimizer, False, eta) for optimizer, eta in
                 [("gd", 0.01), ("sgd", 0.01), ("momentum", 0.01), ("adam", 0.1),
                  ("adam", 1.0), ("newton", 1.0)]])


@pytest.mark.parametrize("optimizer, standardize, eta", CONVERGING, ids=str)
def test_normal_runs_are_never_flagged(optimizer, standardize, eta):
    for path in sorted(DATASETS.glob("*.csv")):
        data = read_csv(path)
        trainer = Trainer(data.X, data.y, optimizer=optimizer, learning_rate=eta,
                          standardize=standardize, batch_size=16)
        assert run_with_monitor(trainer, 1500) is None, path.name


def test_monitor_reports_nan_and_resets():
    monitor = DivergenceMonitor(math.log(2))
    assert not monitor.update(0.5)
    assert monitor.update(float("nan"))
    assert monitor.update(0.1)  # stays diverging until reset
    monitor.reset(0.3)
    assert not monitor.update(0.2)
    with pytest.raises(ValueError, match="initial_loss"):
        monitor.reset(float("inf"))


# -- stopping ----------------------------------------------------------------------------------

def test_converged_is_relative_above_one_nat_and_absolute_below():
    assert converged(0.9e-6, 0.5, 1e-6) and not converged(1.1e-6, 0.5, 1e-6)
    assert converged(9e-6, 10.0, 1e-6) and not converged(1.1e-5, 10.0, 1e-6)
    assert not converged(float("nan"), 0.5, 1e-6)


def test_scaled_gradient_norm_does_not_depend_on_units():
    data = dataset("iris-overlap")
    theta = np.array([0.3, -0.2, 0.1])
    _, gradient = objective(theta, data.X, data.y)
    factor = np.array([1e8, 1e-6])
    _, scaled = objective(np.append(theta[:2] / factor, theta[2]), data.X * factor, data.y)
    assert scaled_gradient_norm(scaled, column_scale(data.X * factor)) == pytest.approx(
        scaled_gradient_norm(gradient, column_scale(data.X)), rel=1e-9)


def test_distance_to_optimum_sees_what_a_small_gradient_hides():
    """Gradient descent on degree-2 features: ‖∇J‖ ≈ 1e-3 while θ is still 80 % away from θ*;
    the Newton estimate says so (it errs on the far side, never claiming convergence)."""
    data = dataset("breast")
    X = standardized(data.X, 2)
    reference = reference_fit(X, data.y, 0.0)
    trainer = Trainer(data.X, data.y, degree=2, learning_rate=1.0)
    trainer.advance(2000)
    state = trainer.state()
    true_distance = relative_distance(state.theta, reference.theta, X)
    estimate = distance_to_optimum(state.theta, X, data.y, 0.0, state.gradient)
    assert state.gradient_norm < 2e-3 and true_distance > 0.5
    assert estimate >= true_distance


def test_distance_to_optimum_is_accurate_near_the_optimum():
    data = dataset("breast")
    X = standardized(data.X, 6)
    reference = reference_fit(X, data.y, 0.1)
    offset = np.random.default_rng(5).normal(size=len(reference.theta))
    theta = reference.theta + 1e-3 * offset / np.linalg.norm(offset) * np.linalg.norm(
        reference.theta * column_scale(X)) / column_scale(X)
    _, gradient = objective(theta, X, data.y, 0.1)
    true_distance = relative_distance(theta, reference.theta, X)
    assert distance_to_optimum(theta, X, data.y, 0.1, gradient) == pytest.approx(
        true_distance, rel=0.05)
