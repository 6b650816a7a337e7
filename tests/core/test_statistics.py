"""The coefficient table and fit statistics against statsmodels' Logit, and the undefined cases."""

import warnings

import numpy as np
import pytest
import statsmodels.api as sm
from sklearn.preprocessing import PolynomialFeatures
from statsmodels.tools.sm_exceptions import ConvergenceWarning

from logreg_gui.core.data import Dataset, read_csv
from logreg_gui.core.likelihood import MAX_CONDITION, ONE_CLASS, maximum_likelihood
from logreg_gui.core.optimum import NO_FINITE_OPTIMUM
from logreg_gui.core.statistics import (NOT_LOG_LOSS, PENALISED, fit_statistics,
                                        fit_statistics_of)
from logreg_gui.core.training import Trainer
from tests.conftest import BREAST_CANCER, IRIS_OVERLAP, IRIS_SEPARABLE

DATASETS = {"breast": read_csv(BREAST_CANCER), "iris": read_csv(IRIS_OVERLAP)}
CASES = [(name, degree, standardize) for name in DATASETS for degree in (1, 2)
         for standardize in (True, False)]
RTOL = 1e-6


def statsmodels_fit(X, y, degree):
    """statsmodels' Logit on [1, PolynomialFeatures(degree)(X)], Newton to its tightest tol."""
    design = sm.add_constant(PolynomialFeatures(degree, include_bias=False).fit_transform(X))
    with warnings.catch_warnings():
        # statsmodels' own stopping noise (it may report non-convergence at tol=1e-12 after
        # reaching the optimum to rounding); its numbers are still checked below.
        warnings.simplefilter("ignore", ConvergenceWarning)
        return sm.Logit(y, design).fit(disp=0, method="newton", tol=1e-12, maxiter=200)


def trained_table(dataset, degree, standardize):
    trainer = Trainer(dataset.X, dataset.y, optimizer="newton", degree=degree,
                      standardize=standardize, l2=0.0)
    return fit_statistics_of(trainer, dataset)


@pytest.mark.parametrize("name, degree, standardize", CASES, ids=str)
def test_the_table_matches_statsmodels(name, degree, standardize):
    dataset = DATASETS[name]
    table = trained_table(dataset, degree, standardize)
    reference = statsmodels_fit(dataset.X, dataset.y, degree)
    assert table.defined and table.reason is None
    np.testing.assert_allclose(table.estimate, reference.params, rtol=RTOL)
    np.testing.assert_allclose(table.standard_error, reference.bse, rtol=RTOL)
    np.testing.assert_allclose(table.z, reference.tvalues, rtol=RTOL)
    np.testing.assert_allclose(table.p_value, reference.pvalues, rtol=RTOL)
    ci = reference.conf_int(alpha=0.05)
    np.testing.assert_allclose(table.ci_low, ci[:, 0], rtol=RTOL)
    np.testing.assert_allclose(table.ci_high, ci[:, 1], rtol=RTOL)
    np.testing.assert_allclose(table.odds_ratio, np.exp(reference.params), rtol=RTOL)
    np.testing.assert_allclose(table.odds_ratio_low, np.exp(ci[:, 0]), rtol=RTOL)
    np.testing.assert_allclose(table.odds_ratio_high, np.exp(ci[:, 1]), rtol=RTOL)


@pytest.mark.parametrize("name, degree", [(name, degree) for name in DATASETS
                                          for degree in (1, 2)], ids=str)
def test_model_statistics_match_statsmodels(name, degree):
    dataset = DATASETS[name]
    table = fit_statistics(dataset.X, dataset.y, degree, feature_names=dataset.feature_names)
    reference = statsmodels_fit(dataset.X, dataset.y, degree)
    for mine, theirs in [(table.log_likelihood, reference.llf),
                         (table.null_log_likelihood, reference.llnull),
                         (table.deviance, -2 * reference.llf),
                         (table.null_deviance, -2 * reference.llnull),
                         (table.aic, reference.aic), (table.bic, reference.bic),
                         (table.pseudo_r2_mcfadden, reference.prsquared)]:
        assert mine == pytest.approx(theirs, rel=RTOL)
    assert table.n_samples == dataset.n_samples


def test_names_put_the_intercept_first_in_original_feature_names():
    dataset = DATASETS["breast"]
    table = fit_statistics(dataset.X, dataset.y, 2, feature_names=dataset.feature_names)
    assert table.names == ("intercept", "mean_radius", "mean_texture", "mean_radius^2",
                           "mean_radius*mean_texture", "mean_texture^2")
    assert len(table.estimate) == len(table.names)


def test_the_trainer_path_and_the_data_path_agree_with_a_test_split():
    dataset = DATASETS["breast"].with_test_split(0.3, random_state=4)
    trainer = Trainer(dataset.X, dataset.y, dataset.test_mask, degree=2, standardize=False)
    via_trainer = fit_statistics_of(trainer, dataset)
    train = ~dataset.test_mask
    direct = fit_statistics(dataset.X[train], dataset.y[train], 2)
    assert via_trainer.n_samples == int(train.sum()) < dataset.n_samples
    np.testing.assert_allclose(via_trainer.standard_error, direct.standard_error, rtol=1e-9)
    np.testing.assert_allclose(via_trainer.estimate, direct.estimate, rtol=1e-9)


def test_a_small_hand_case():
    # One feature x ∈ {0, 1}: at x = 0 one 1 in 2, at x = 1 three 1s in 4. The model is
    # saturated for this 2×2 table: b = logit(1/2) = 0, b + w = logit(3/4) = log 3, and
    # Var(b) = 1/1 + 1/1 = 2, Var(w) = 2 + 1/3 + 1/1 (Woolf's formula for a log odds ratio).
    X = np.array([[0.0], [0.0], [1.0], [1.0], [1.0], [1.0]])
    y = np.array([0, 1, 0, 1, 1, 1])
    table = fit_statistics(X, y, 1, feature_names=("x",))
    np.testing.assert_allclose(table.estimate, [0.0, np.log(3)], atol=1e-12)
    np.testing.assert_allclose(table.standard_error, np.sqrt([2.0, 2 + 1 / 3 + 1]), rtol=1e-12)
    assert table.odds_ratio[1] == pytest.approx(3.0, rel=1e-12)
    assert table.p_value[0] == pytest.approx(1.0, abs=1e-12)  # β = 0: z = 0


def test_a_penalised_model_has_no_table_and_says_why():
    dataset = DATASETS["iris"]
    trainer = Trainer(dataset.X, dataset.y, l2=0.5)
    table = fit_statistics_of(trainer, dataset)
    assert not table.defined and table.reason == PENALISED.format(0.5)
    assert table.estimate is None and table.standard_error is None and table.aic is None
    assert fit_statistics(dataset.X, dataset.y, 1, l2=0.5).reason == PENALISED.format(0.5)


def test_separable_classes_have_no_finite_optimum():
    dataset = read_csv(IRIS_SEPARABLE)
    table = fit_statistics_of(Trainer(dataset.X, dataset.y), dataset)
    assert table.reason == NO_FINITE_OPTIMUM and table.z is None
    assert fit_statistics(dataset.X, dataset.y).reason == NO_FINITE_OPTIMUM


def test_no_points_and_one_class_are_reported():
    empty = Dataset(np.empty((0, 2)), np.empty(0, dtype=np.int64))
    assert fit_statistics_of(Trainer(empty.X, empty.y), empty).reason is not None
    assert fit_statistics(empty.X, empty.y).reason == "there are no training points"
    X = np.array([[0.0, 1.0], [1.0, 2.0], [2.0, 0.5]])
    assert fit_statistics(X, np.ones(3, dtype=int)).reason == ONE_CLASS


def test_collinear_features_give_a_singular_hessian_not_garbage():
    rng = np.random.default_rng(0)
    x = rng.normal(size=60)
    y = (x + rng.normal(size=60) > 0).astype(int)
    for X in (np.column_stack([x, 2 * x + 1]), np.column_stack([x, np.full(60, 3.0)])):
        table = fit_statistics(X, y)
        assert not table.defined and "singular" in table.reason
        assert table.standard_error is None and table.p_value is None


def test_nearly_separable_data_are_refused_by_the_condition_number():
    # Quasi-complete separation: two tied points at x = 0 of both classes, all others separated.
    X = np.column_stack([np.r_[-3.0, -2, -1, 0, 0, 1, 2, 3], np.zeros(8)])
    X[:, 1] = [0.3, -0.1, 0.2, 0.0, 0.0, 0.1, -0.2, 0.4]
    y = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    fit = maximum_likelihood(X, y)
    assert not fit.defined
    assert fit.condition is None or fit.condition > MAX_CONDITION


def test_the_squared_error_loss_has_no_table():
    dataset = DATASETS["iris"]
    table = fit_statistics_of(Trainer(dataset.X, dataset.y, loss="mse"), dataset)
    assert table.reason == NOT_LOG_LOSS


def test_another_dataset_than_the_trainers_is_refused():
    dataset = DATASETS["iris"]
    with pytest.raises(ValueError, match="training points"):
        fit_statistics_of(Trainer(dataset.X, dataset.y), DATASETS["breast"])


def test_confidence_is_checked_and_changes_the_interval():
    dataset = DATASETS["iris"]
    with pytest.raises(ValueError, match="confidence"):
        fit_statistics(dataset.X, dataset.y, confidence=1.0)
    wide = fit_statistics(dataset.X, dataset.y, confidence=0.99)
    narrow = fit_statistics(dataset.X, dataset.y, confidence=0.9)
    assert np.all(wide.ci_high - wide.ci_low > narrow.ci_high - narrow.ci_low)


@pytest.mark.parametrize("scale, offset", [(1e-300, 0.0), (1e-150, 1e5), (1e-10, 1e100),
                                           (1e100, 0.0), (1e200, 1e100), (1e300, 0.0)],
                         ids=str)
@pytest.mark.parametrize("degree", [1, 2, 6])
def test_extreme_finite_data_give_numbers_or_a_reason_without_warnings(scale, offset, degree):
    # filterwarnings = error: any overflow or division warning fails the test.
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2)) * scale + offset
    y = (rng.random(40) < 0.5).astype(int)
    table = fit_statistics(X, y, degree)
    if table.defined:
        assert np.all(np.isfinite(table.standard_error)) and np.all(table.standard_error > 0)
    else:
        assert isinstance(table.reason, str) and table.reason and table.standard_error is None


def test_a_start_that_is_not_the_optimum_is_not_trusted():
    dataset = DATASETS["breast"]
    right = fit_statistics(dataset.X, dataset.y, 2)
    wrong = fit_statistics(dataset.X, dataset.y, 2, start=(np.zeros(5), 0.0))
    np.testing.assert_allclose(wrong.estimate, right.estimate, rtol=1e-9)
    np.testing.assert_allclose(wrong.standard_error, right.standard_error, rtol=1e-9)
