"""One problem's table, influence and least-squares fit (statsmodels, scikit-learn), and the
ROC panel's evaluation (scikit-learn)."""

import warnings

import numpy as np
import pytest
import statsmodels.api as sm
from sklearn.linear_model import LinearRegression
from sklearn.metrics import brier_score_loss, f1_score, roc_auc_score
from statsmodels.tools.sm_exceptions import ConvergenceWarning

from logreg_gui.core.data import read_csv
from logreg_gui.core.diagnostics import diagnose
from logreg_gui.core.evaluation import THRESHOLDS, evaluate
from logreg_gui.core.generators import generate
from logreg_gui.core.state import TrainingOptions
from logreg_gui.core.training import Trainer
from tests.conftest import BREAST_CANCER, IRIS_SEPARABLE


def optimum_of(dataset, options):
    return Trainer(dataset.X, dataset.y, dataset.test_mask, **vars(options)).optimum()


def statsmodels_fit(X, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return sm.Logit(y, sm.add_constant(X)).fit(disp=0, method="newton", tol=1e-12)


@pytest.mark.parametrize("standardize", [True, False])
def test_table_and_influence_of_the_training_points_match_statsmodels(standardize):
    dataset = read_csv(BREAST_CANCER).with_test_split(0.2, random_state=1)
    options = TrainingOptions(standardize=standardize)
    found = diagnose(dataset, options, optimum_of(dataset, options))
    train = ~dataset.test_mask
    reference = statsmodels_fit(dataset.X[train], dataset.y[train])
    np.testing.assert_allclose(found.statistics.estimate, reference.params, rtol=1e-6)
    np.testing.assert_allclose(found.statistics.standard_error, reference.bse, rtol=1e-5)
    influence = reference.get_influence()
    np.testing.assert_allclose(found.leverage[train], influence.hat_matrix_diag, rtol=1e-5)
    cooks = influence.cooks_distance[0]
    np.testing.assert_allclose(found.cooks_distance[train], cooks, rtol=1e-5,
                               atol=1e-12 * cooks.max())
    assert np.isnan(found.leverage[~train]).all() and np.isnan(found.cooks_distance[~train]).all()
    lpm = LinearRegression().fit(dataset.X[train], dataset.y[train])
    np.testing.assert_allclose(found.linear_probability.coef, lpm.coef_, rtol=1e-9)


def test_a_penalised_problem_has_a_reason_and_still_a_least_squares_fit():
    dataset = generate("blobs")
    options = TrainingOptions(l2=0.5)
    found = diagnose(dataset, options, optimum_of(dataset, options))
    assert not found.statistics.defined and "λ = 0.5" in found.statistics.reason
    assert np.isnan(found.cooks_distance).all()
    lpm = LinearRegression().fit(dataset.X, dataset.y)
    assert found.linear_probability.intercept == pytest.approx(lpm.intercept_, rel=1e-9)


def test_separated_classes_say_so():
    dataset = read_csv(IRIS_SEPARABLE)
    options = TrainingOptions()
    found = diagnose(dataset, options, optimum_of(dataset, options))
    assert "separation" in found.statistics.reason and found.influence.leverage is None


def test_the_optimum_of_other_data_is_recognised_as_stale():
    dataset = read_csv(BREAST_CANCER)
    other = generate("blobs")
    options = TrainingOptions()
    assert diagnose(dataset, options, optimum_of(other, options)) is None
    assert diagnose(dataset, TrainingOptions(degree=2), optimum_of(dataset, options)) is None


def test_evaluation_matches_scikit_learn():
    dataset = read_csv(BREAST_CANCER)
    rng = np.random.default_rng(0)
    p = rng.uniform(size=dataset.n_samples)
    found = evaluate(dataset.y, p)
    assert found.roc.auc == pytest.approx(roc_auc_score(dataset.y, p), rel=1e-12)
    assert found.brier == pytest.approx(brier_score_loss(dataset.y, p), rel=1e-12)
    index = int(np.argmin(np.abs(THRESHOLDS - 0.3)))
    assert found.curves.f1[index] == pytest.approx(f1_score(dataset.y, p > 0.3), rel=1e-12)
    assert found.n_samples == dataset.n_samples
