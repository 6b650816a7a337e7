import math

import numpy as np
import pytest

from logreg_gui.core._math import expit, log1pexp
from logreg_gui.core.loss import log_loss

EXTREME = np.array([-1e4, -800.0, -40.0, -1.0, 0.0, 1.0, 40.0, 800.0, 1e4])


def test_expit_matches_the_textbook_formula_where_it_is_safe():
    z = np.linspace(-30, 30, 61)
    np.testing.assert_allclose(expit(z), 1.0 / (1.0 + np.exp(-z)), rtol=1e-15, atol=0)


def test_expit_is_finite_and_bounded_at_extreme_logits():
    p = expit(EXTREME)  # RuntimeWarnings are errors in this test run
    assert np.all(np.isfinite(p))
    assert p[0] == 0.0 and p[-1] == 1.0 and p[4] == 0.5
    assert 0 < p[2] < 1e-17  # small values keep their relative precision
    assert p[2] == pytest.approx(math.exp(-40) / (1 + math.exp(-40)), rel=1e-14)


def test_expit_is_symmetric():
    z = np.linspace(-50, 50, 101)
    np.testing.assert_allclose(expit(z) + expit(-z), 1.0, rtol=1e-15)


def test_log1pexp_is_stable():
    values = log1pexp(EXTREME)
    assert values[0] == 0.0 and values[-1] == 1e4
    assert values[4] == pytest.approx(math.log(2))


def test_loss_at_zero_logits_is_log_two():
    assert log_loss(np.zeros(4), np.array([0, 1, 0, 1])) == pytest.approx(math.log(2), rel=1e-15)


@pytest.mark.parametrize("z", [1e4, 800.0, 50.0])
def test_confidently_wrong_point_costs_about_its_logit(z):
    assert log_loss(np.array([z]), np.array([0])) == pytest.approx(z, rel=1e-12)
    assert log_loss(np.array([-z]), np.array([1])) == pytest.approx(z, rel=1e-12)


def test_confidently_right_point_costs_almost_nothing_but_stays_exact():
    # −log σ(40) = log(1 + e^−40) ≈ e^−40: no cancellation to 0.
    assert log_loss(np.array([40.0]), np.array([1])) == pytest.approx(math.exp(-40), rel=1e-12)


def test_loss_matches_the_cross_entropy_formula():
    rng = np.random.default_rng(3)
    z = rng.normal(scale=3, size=50)
    y = rng.integers(0, 2, size=50)
    p = 1 / (1 + np.exp(-z))
    expected = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert log_loss(z, y) == pytest.approx(expected, rel=1e-12)
