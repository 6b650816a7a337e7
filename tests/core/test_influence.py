"""Leverage and Cook's distance against statsmodels; the linear probability model against lstsq."""

import warnings

import numpy as np
import pytest
import statsmodels.api as sm
from sklearn.preprocessing import PolynomialFeatures
from statsmodels.tools.sm_exceptions import ConvergenceWarning

from logreg_gui.core.data import read_csv
from logreg_gui.core.influence import influence
from logreg_gui.core.likelihood import maximum_likelihood
from logreg_gui.core.linear_probability import SINGULAR, linear_probability_fit
from tests.conftest import BREAST_CANCER, IRIS_OVERLAP, IRIS_SEPARABLE

DATASETS = {"breast": read_csv(BREAST_CANCER), "iris": read_csv(IRIS_OVERLAP)}


def statsmodels_influence(X, y, degree):
    design = sm.add_constant(PolynomialFeatures(degree, include_bias=False).fit_transform(X))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # statsmodels' stopping noise
        return sm.Logit(y, design).fit(disp=0, method="newton", tol=1e-12,
                                       maxiter=200).get_influence()


@pytest.mark.parametrize("name, degree", [(n, d) for n in DATASETS for d in (1, 2)], ids=str)
def test_leverage_and_cooks_distance_match_statsmodels(name, degree):
    dataset = DATASETS[name]
    found = influence(maximum_likelihood(dataset.X, dataset.y, degree))
    reference = statsmodels_influence(dataset.X, dataset.y, degree)
    np.testing.assert_allclose(found.leverage, reference.hat_matrix_diag, rtol=1e-6)
    cooks = reference.cooks_distance[0]
    # statsmodels forms y − p̂ by subtraction, which keeps only ~1e-15 absolute precision where
    # p̂ rounds near 0 or 1 (its Cook's distances there are ~1e-25 and off by their own size);
    # ours are exact there (see the next test), so those points are compared in absolute terms.
    np.testing.assert_allclose(found.cooks_distance, cooks, rtol=1e-6, atol=1e-12 * cooks.max())
    assert np.sum(cooks > 1e-12 * cooks.max()) > 0.9 * len(cooks)  # most compared relatively


def test_influence_by_hand_on_a_saturated_table():
    # x ∈ {0, 1} with one free parameter per group: every point's leverage is 1/(group size)
    # and, with p̂ = group mean, Pearson residuals are (y − p̂)/√(p̂(1 − p̂)).
    X = np.array([[0.0], [0.0], [1.0], [1.0], [1.0], [1.0]])
    y = np.array([0, 1, 0, 1, 1, 1])
    found = influence(maximum_likelihood(X, y))
    np.testing.assert_allclose(found.leverage, [1 / 2] * 2 + [1 / 4] * 4, rtol=1e-12)
    p = np.array([0.5, 0.5, 0.75, 0.75, 0.75, 0.75])
    pearson = (y - p) / np.sqrt(p * (1 - p))
    np.testing.assert_allclose(found.pearson_residuals, pearson, rtol=1e-12)
    h = found.leverage
    np.testing.assert_allclose(found.cooks_distance, pearson ** 2 * h / (2 * (1 - h) ** 2),
                               rtol=1e-12)


def test_leverages_sum_to_the_number_of_coefficients():
    dataset = DATASETS["breast"]
    assert influence(maximum_likelihood(dataset.X, dataset.y, 2)).leverage.sum() == \
        pytest.approx(6, rel=1e-10)


def test_confident_points_keep_full_relative_precision():
    # Far along the boundary normal p̂ is within 1e-14 of the label; e^(−margin) is exact there.
    dataset = DATASETS["breast"]
    fit = maximum_likelihood(dataset.X, dataset.y, 2)
    found = influence(fit)
    margins = (2 * dataset.y - 1) * fit.logits
    confident = margins > 25
    assert confident.any()
    np.testing.assert_allclose(found.pearson_residuals[confident] ** 2,
                               np.exp(-margins[confident]), rtol=1e-12)
    assert np.all(found.cooks_distance[confident] > 0)


def test_undefined_fits_have_no_influence():
    dataset = read_csv(IRIS_SEPARABLE)
    found = influence(maximum_likelihood(dataset.X, dataset.y))
    assert found.leverage is None and found.cooks_distance is None and found.reason


def test_the_linear_probability_model_is_least_squares():
    dataset = DATASETS["breast"]
    fit = linear_probability_fit(dataset.X, dataset.y)
    design = np.column_stack([np.ones(dataset.n_samples), dataset.X])
    expected = np.linalg.lstsq(design, dataset.y.astype(float), rcond=None)[0]
    np.testing.assert_allclose([fit.intercept, *fit.coef], expected, rtol=1e-10)
    np.testing.assert_allclose(fit.predict(dataset.X), design @ expected, rtol=1e-10, atol=1e-12)
    normal, offset = fit.boundary()
    on_line = np.array([0.0, -offset / normal[1]])
    assert fit.predict(on_line.reshape(1, 2))[0] == pytest.approx(0.5, abs=1e-12)


def test_one_far_point_drags_the_linear_boundary_but_not_the_logistic_one():
    x1 = np.array([0, 1, 2, 3, 4, 2, 3, 4, 5, 6.0])
    x2 = np.array([0.1, -0.2, 0.3, 0.0, -0.1, 0.2, -0.3, 0.1, 0.0, -0.2])
    X, y = np.column_stack([x1, x2]), np.array([0] * 5 + [1] * 5)
    far_X, far_y = np.vstack([X, [30.0, 0.0]]), np.append(y, 1)  # correctly classified, far

    def crossings(X, y):
        """Where each boundary crosses x2 = 0 (x1 of P = 0.5)."""
        b, w1, _ = maximum_likelihood(X, y).theta
        line = linear_probability_fit(X, y)
        return -b / w1, (0.5 - line.intercept) / line.coef[0]

    (logistic, linear), (logistic_far, linear_far) = crossings(X, y), crossings(far_X, far_y)
    assert abs(linear_far - linear) > 0.5  # the line moves by about 0.75
    assert abs(logistic_far - logistic) < 1e-6  # the logistic boundary does not move visibly


def test_the_linear_boundary_segment_and_degenerate_fits():
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    fit = linear_probability_fit(X, np.array([0, 1, 0, 1]))  # P̂ = x1: boundary x1 = 0.5
    np.testing.assert_allclose(fit.boundary_segment((0, 1), (0, 1))[:, 0], [0.5, 0.5],
                               atol=1e-12)
    assert linear_probability_fit(X, np.zeros(4)).boundary() is None  # flat: no line
    assert linear_probability_fit(X[:2], np.array([0, 1])).reason == SINGULAR
    on_a_line = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
    collinear = linear_probability_fit(on_a_line, np.array([0, 0, 1, 1]))
    assert collinear.reason == SINGULAR and collinear.boundary_segment((0, 1), (0, 1)) is None
