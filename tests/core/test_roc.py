"""ROC curve, AUC, Youden threshold, threshold curves, Brier score and reliability diagram against
scikit-learn and hand values."""

import numpy as np
import pytest
from sklearn.calibration import calibration_curve
from sklearn.metrics import (accuracy_score, brier_score_loss, f1_score, precision_score,
                             recall_score, roc_auc_score)
from sklearn.metrics import roc_curve as sklearn_roc_curve

from logreg_gui.core.calibration import NO_POINTS, brier_score, reliability_diagram
from logreg_gui.core.data import read_csv
from logreg_gui.core.metrics import threshold_metrics
from logreg_gui.core.roc import roc_curve
from logreg_gui.core.threshold_curves import GRID, threshold_curves
from logreg_gui.core.training import Trainer
from tests.conftest import BREAST_CANCER


def _scores(kind, n=300, seed=0):
    """(y, probabilities): continuous, heavily tied (rounded to 0.1), or from a trained model."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    p = 1 / (1 + np.exp(-(1.5 * y - 0.75 + rng.normal(size=n))))
    if kind == "tied":
        p = np.round(p, 1)
    if kind == "model":
        data = read_csv(BREAST_CANCER)
        trainer = Trainer(data.X, data.y, optimizer="newton")
        trainer.advance(50)
        y, p = data.y, trainer.model.predict_proba(data.X)[:, 1]
    return y, p


KINDS = ["continuous", "tied", "model"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_roc_curve_and_auc_match_scikit_learn(kind):
    y, p = _scores(kind)
    curve = roc_curve(y, p)
    fpr, tpr, thresholds = sklearn_roc_curve(y, p, drop_intermediate=False)
    np.testing.assert_allclose(curve.fpr, fpr, rtol=1e-12)
    np.testing.assert_allclose(curve.tpr, tpr, rtol=1e-12)
    np.testing.assert_array_equal(curve.thresholds[1:], thresholds[1:])
    assert curve.thresholds[0] == np.inf and curve.reason is None
    assert curve.auc == pytest.approx(roc_auc_score(y, p), rel=1e-12)


@pytest.mark.parametrize("kind", KINDS)
def test_the_youden_threshold_reaches_the_best_roc_point_with_the_apps_rule(kind):
    y, p = _scores(kind)
    curve = roc_curve(y, p)
    fpr, tpr, _ = sklearn_roc_curve(y, p, drop_intermediate=False)
    best = np.max(tpr - fpr)
    assert curve.youden_index == pytest.approx(best, rel=1e-12)
    at = threshold_metrics(y, p, curve.youden_threshold)  # the app's rule: P > τ
    assert at.recall - at.fp / (at.fp + at.tn) == pytest.approx(best, rel=1e-12)
    assert (curve.youden_fpr, curve.youden_tpr) == (at.fp / (at.fp + at.tn), at.recall)


def test_roc_by_hand_with_a_tie():
    # Scores 0.9 (1), 0.6 (1 and 0: tied), 0.3 (0): the tie enters as one diagonal step.
    curve = roc_curve([1, 1, 0, 0], [0.9, 0.6, 0.6, 0.3])
    np.testing.assert_array_equal(curve.tpr, [0, 0.5, 1, 1])
    np.testing.assert_array_equal(curve.fpr, [0, 0, 0.5, 1])
    assert curve.auc == pytest.approx(0.875)  # 3.5 of 4 pairs ordered, the tie counting ½
    # J: 0.5 at 0.9, 0.5 at 0.6 (first maximum wins): τ midway between 0.9 and 0.6.
    assert curve.youden_threshold == pytest.approx(0.75) and curve.youden_index == 0.5


def test_roc_edge_thresholds():
    all_positive = roc_curve([0, 1, 1], [0.2, 0.2, 0.2])  # one tied score: only chance
    assert all_positive.youden_index == 0 and all_positive.youden_threshold == 0.2
    best_at_the_bottom = roc_curve([1, 1, 0], [0.8, 0.4, 0.6])
    assert best_at_the_bottom.auc == 0.5


def test_one_class_or_no_points_leave_the_roc_undefined():
    for y, p in (([1, 1], [0.2, 0.7]), ([0, 0, 0], [0.1, 0.5, 0.9]), ([], [])):
        curve = roc_curve(y, p)
        assert curve.reason and curve.auc is None and curve.fpr is None
        assert curve.youden_threshold is None
    assert "class 1" in roc_curve([1, 1], [0.2, 0.7]).reason


def test_bad_inputs_are_refused_with_the_value():
    with pytest.raises(ValueError, match="probabilities.*1.5"):
        roc_curve([0, 1], [0.2, 1.5])
    with pytest.raises(ValueError, match="probabilities.*nan"):
        threshold_curves([0, 1], [0.2, np.nan])
    with pytest.raises(ValueError, match="y must hold labels 0 and 1, got 2"):
        brier_score([0, 2], [0.2, 0.5])
    with pytest.raises(ValueError, match="one length"):
        roc_curve([0, 1, 1], [0.2, 0.5])
    with pytest.raises(ValueError, match="thresholds"):
        threshold_curves([0, 1], [0.2, 0.5], [np.nan])


@pytest.mark.parametrize("kind", KINDS)
def test_threshold_curves_match_scikit_learn_at_every_tau(kind):
    y, p = _scores(kind)
    # Part of the grid, and τ exactly at probabilities (where the strict P > τ matters).
    taus = np.unique(np.r_[GRID[::5], p[:12]])
    curves = threshold_curves(y, p, taus)
    for i, tau in enumerate(taus):
        predicted = (p > tau).astype(int)
        nan = dict(zero_division=np.nan)
        expected = [accuracy_score(y, predicted), precision_score(y, predicted, **nan),
                    recall_score(y, predicted, **nan),
                    recall_score(y, predicted, pos_label=0, **nan), f1_score(y, predicted, **nan)]
        found = [curves.accuracy[i], curves.precision[i], curves.recall[i],
                 curves.specificity[i], curves.f1[i]]
        np.testing.assert_allclose(found, expected, rtol=1e-12, equal_nan=True)


def test_threshold_curves_agree_with_the_apps_metrics_and_by_hand():
    y, p = np.array([0, 0, 1, 1, 1]), np.array([0.1, 0.6, 0.4, 0.8, 0.9])
    curves = threshold_curves(y, p, [0.5, 0.95, 0.0])
    assert (curves.tp.tolist(), curves.fp.tolist()) == ([2, 0, 3], [1, 0, 2])
    app = threshold_metrics(y, p, 0.5)
    assert (curves.precision[0], curves.recall[0], curves.accuracy[0]) == \
        (app.precision, app.recall, app.accuracy) == (2 / 3, 2 / 3, 0.6)
    assert curves.specificity[0] == 0.5 and curves.f1[0] == pytest.approx(2 / 3)
    assert np.isnan(curves.precision[1]) and curves.f1[1] == 0  # nothing predicted positive
    single = threshold_curves(y, p, 0.5)
    assert single.accuracy.shape == (1,) and single.accuracy[0] == 0.6


def test_threshold_curves_without_points_or_with_one_class():
    empty = threshold_curves([], [], [0.5])
    assert np.isnan(empty.accuracy[0]) and empty.tp[0] == 0
    one = threshold_curves([1, 1], [0.3, 0.7], [0.5])
    assert one.recall[0] == 0.5 and np.isnan(one.specificity[0])


@pytest.mark.parametrize("kind", KINDS)
def test_brier_score_matches_scikit_learn(kind):
    y, p = _scores(kind)
    assert brier_score(y, p) == pytest.approx(brier_score_loss(y, p), rel=1e-12)


def test_brier_by_hand_and_empty():
    assert brier_score([1, 0], [0.8, 0.5]) == pytest.approx((0.04 + 0.25) / 2)
    assert brier_score([], []) is None


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("n_bins", [5, 10, 17])
def test_the_reliability_diagram_matches_calibration_curve(kind, n_bins):
    y, p = _scores(kind)
    found = reliability_diagram(y, p, n_bins)
    observed, predicted = calibration_curve(y, p, n_bins=n_bins)
    np.testing.assert_allclose(found.observed_frequency, observed, rtol=1e-12)
    np.testing.assert_allclose(found.mean_predicted, predicted, rtol=1e-12)
    assert found.count.sum() == len(y) and np.all(found.count > 0)
    slack = 1e-12  # a mean of equal values may round one ulp past them
    assert np.all(found.bin_low - slack <= found.mean_predicted)
    assert np.all(found.mean_predicted <= found.bin_high + slack)


def test_reliability_by_hand_and_edge_cases():
    found = reliability_diagram([0, 1, 1, 0], [0.1, 0.5, 0.95, 0.4], n_bins=2)
    np.testing.assert_array_equal(found.count, [3, 1])  # 0.5 lies on the edge: lower bin
    np.testing.assert_allclose(found.observed_frequency, [1 / 3, 1])
    np.testing.assert_allclose(found.bin_low, [0, 0.5])
    assert reliability_diagram([], []).reason == NO_POINTS
    with pytest.raises(ValueError, match="n_bins"):
        reliability_diagram([0], [0.5], n_bins=0)
