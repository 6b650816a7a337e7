import numpy as np
import pytest

from logreg_gui.core.loss import objective
from tests.conftest import central_differences


@pytest.mark.parametrize("l2", [0.0, 0.7])
def test_gradient_equals_finite_differences(l2):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2)) * [1.0, 3.0] + [0.5, -1.0]
    y = rng.integers(0, 2, size=40)
    theta = rng.normal(size=3)
    _, gradient = objective(theta, X, y, l2)
    numeric = central_differences(lambda t: objective(t, X, y, l2)[0], theta)
    np.testing.assert_allclose(gradient, numeric, rtol=1e-6, atol=1e-9)


def test_penalty_leaves_the_intercept_alone():
    X = np.array([[1.0, 2.0], [-1.0, 0.5]])
    y = np.array([0, 1])
    theta = np.array([0.3, -0.2, 5.0])
    loss0, grad0 = objective(theta, X, y, 0.0)
    loss1, grad1 = objective(theta, X, y, 2.0)
    assert loss1 - loss0 == pytest.approx(2.0 / (2 * 2) * (0.3**2 + 0.2**2))
    assert grad1[-1] == grad0[-1]
    np.testing.assert_allclose(grad1[:2] - grad0[:2], 2.0 * theta[:2] / 2)


def test_overflowing_parameters_give_non_finite_values_without_warnings():
    X = np.array([[1e200, 1e200]])
    loss, gradient = objective(np.array([1e200, 1e200, 0.0]), X, np.array([0]))
    assert not np.isfinite(loss)
