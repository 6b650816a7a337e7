"""Issue 13 §3: the curvature at θ against numpy and finite differences, and the claim that
gradient descent diverges above 2/λ_max."""

import math

import numpy as np
import pytest

from logreg_gui.core.curvature import curvature, hessian_at, hessian_of_chunks
from logreg_gui.core.generators import generate
from logreg_gui.core.loss import hessian, mse_objective
from logreg_gui.core.state import TrainingOptions
from logreg_gui.core.training import Trainer
from tests.conftest import central_differences

X = np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0], [-1.0, 0.5]])
Y = np.array([1, 0, 1, 0])
THETA = np.array([0.5, -0.25, 0.1])


def test_eigenvalues_condition_and_stable_rate_of_a_tiny_set_match_numpy():
    options = TrainingOptions(l2=0.3)
    H = hessian_at(THETA, X, Y, options)
    np.testing.assert_allclose(H, hessian(THETA, X, Y, 0.3), rtol=1e-14)
    A = np.column_stack([X, np.ones(4)])
    p = 1 / (1 + np.exp(-A @ THETA))
    by_hand = sum(pi * (1 - pi) * np.outer(a, a) for pi, a in zip(p, A, strict=True)) / 4
    by_hand += np.diag([0.3 / 4, 0.3 / 4, 0.0])
    np.testing.assert_allclose(H, by_hand, rtol=1e-13)
    result = curvature(H, options)
    expected = np.linalg.eigvals(by_hand).real  # a general solver, not eigvalsh
    np.testing.assert_allclose(result.eigenvalues, np.sort(expected), rtol=1e-12)
    assert result.condition == pytest.approx(expected.max() / expected.min(), rel=1e-12)
    assert result.stable_rate == pytest.approx(2 / expected.max(), rel=1e-12)
    assert result.bound == (result.stable_rate, "2/λ_max")


def test_the_squared_error_hessian_matches_finite_differences():
    options = TrainingOptions(loss="mse", l2=0.2)
    H = hessian_at(THETA, X, Y, options)
    for i in range(3):
        def derivative(theta, i=i):
            return mse_objective(theta, X, Y, 0.2)[1][i]
        np.testing.assert_allclose(H[i], central_differences(derivative, THETA), atol=1e-8)


def test_chunks_add_up_to_the_whole():
    dataset = generate("moons", 50, random_state=1)
    options = TrainingOptions()
    theta = np.array([1.0, -2.0, 0.3])
    whole = hessian_at(theta, dataset.X, dataset.y, options)
    parts = [(dataset.X[i:i + 7], dataset.y[i:i + 7]) for i in range(0, 50, 7)]
    np.testing.assert_allclose(hessian_of_chunks(theta, parts, options), whole, rtol=1e-12)


def distance_after(eta, steps=60):
    """‖θ − θ*‖ after gradient descent from near the optimum, on a strongly penalised (nearly
    quadratic) problem, and λ_max at θ*."""
    dataset = generate("overlap", 40, random_state=5)
    trainer = Trainer(dataset.X, dataset.y, l2=400.0, learning_rate=1.0)
    optimum = trainer.optimum().theta
    X, y = trainer.features
    top = curvature(hessian_at(optimum, X, y, trainer.options), trainer.options).largest
    trainer.configure(learning_rate=eta * 2 / top)
    start = optimum + 0.01
    trainer.start_from(start)
    trainer.advance(steps)
    return np.linalg.norm(trainer.state().theta - optimum) / np.linalg.norm(start - optimum)


def test_gradient_descent_diverges_above_two_over_lambda_max_and_converges_below():
    assert distance_after(1.1) > 10  # η = 1.1·2/λ_max: each step overshoots more
    assert distance_after(0.9) < 0.1  # η = 0.9·2/λ_max: the zig-zag shrinks


def test_the_verdict_names_the_bound_for_each_optimizer():
    H = np.diag([4.0, 1.0, 0.5])  # λ_max = 4: 2/λ_max = 0.5
    say = lambda **o: curvature(H, TrainingOptions(**o)).verdict()  # noqa: E731
    assert say(learning_rate=0.6).startswith("η = 0.6 is above 2/λ_max = 0.5: gradient descent "
                                             "will overshoot")
    assert "zig-zag shrinks" in say(learning_rate=0.3)
    assert "closes only η·λ_min = 0.05" in say(learning_rate=0.1)
    assert "above 2(1 + β)/λ_max = 0.95" in say(learning_rate=1, optimizer="momentum",
                                                momentum=0.9)
    assert "heavy ball is stable" in say(learning_rate=0.6, optimizer="momentum", momentum=0.9)
    assert "no fixed bound" in say(optimizer="adam")
    assert "needs no η" in say(optimizer="newton")
    flat = curvature(np.diag([1.0, 0.0]), TrainingOptions())
    assert flat.condition == math.inf
    assert "not finite" in curvature(np.full((2, 2), np.nan), TrainingOptions()).verdict()
