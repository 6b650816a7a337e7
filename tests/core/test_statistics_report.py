"""The report fields of issue 13: exact keys, JSON-ready, and the same numbers as their sources."""

import json

import numpy as np
import pytest
from sklearn.metrics import brier_score_loss, roc_auc_score

from logreg_gui.core.data import Dataset, read_csv
from logreg_gui.core.optimum import NO_FINITE_OPTIMUM
from logreg_gui.core.statistics import PENALISED, fit_statistics
from logreg_gui.core.statistics_report import statistics_report
from logreg_gui.core.training import Trainer
from tests.conftest import BREAST_CANCER, IRIS_SEPARABLE

KEYS = ["roc_auc", "brier_score", "youden_threshold", "coef_se", "coef_z", "coef_p", "coef_ci",
        "odds_ratios", "deviance", "null_deviance", "aic", "bic", "pseudo_r2_mcfadden",
        "statistics_reason"]
TABLE = KEYS[3:-1]


def trained(dataset, **options):
    trainer = Trainer(dataset.X, dataset.y, dataset.test_mask, optimizer="newton", **options)
    trainer.advance(100)
    return trainer


def test_the_fields_of_a_finite_unpenalised_fit():
    dataset = read_csv(BREAST_CANCER).with_test_split(0.2, random_state=1)
    trainer = trained(dataset, degree=2)
    report = statistics_report(trainer, dataset)
    assert list(report) == KEYS
    json.dumps(report, allow_nan=False)  # JSON-ready: no NaN or inf
    train = ~dataset.test_mask
    X, y = dataset.X[train], dataset.y[train]
    table = fit_statistics(X, y, 2)
    # Per coefficient: [intercept, w1, …, w5], 6 entries.
    assert [len(report[key]) for key in ("coef_se", "coef_z", "coef_p", "coef_ci",
                                         "odds_ratios")] == [6] * 5
    np.testing.assert_allclose(report["coef_se"], table.standard_error, rtol=1e-9)
    np.testing.assert_allclose(report["coef_z"], table.z, rtol=1e-9)
    np.testing.assert_allclose(report["coef_p"], table.p_value, rtol=1e-9)
    np.testing.assert_allclose(np.array(report["coef_ci"]),
                               np.column_stack([table.ci_low, table.ci_high]), rtol=1e-9)
    np.testing.assert_allclose(report["odds_ratios"], table.odds_ratio, rtol=1e-9)
    for key in ("deviance", "null_deviance", "aic", "bic", "pseudo_r2_mcfadden"):
        assert report[key] == pytest.approx(getattr(table, key), rel=1e-9)
    assert report["statistics_reason"] is None
    probabilities = trainer.model.predict_proba(X)[:, 1]
    assert report["roc_auc"] == pytest.approx(roc_auc_score(y, probabilities), rel=1e-12)
    assert report["brier_score"] == pytest.approx(brier_score_loss(y, probabilities), rel=1e-12)
    assert 0 < report["youden_threshold"] < 1


def test_a_penalised_fit_keeps_roc_and_brier_and_explains_the_table():
    dataset = read_csv(BREAST_CANCER)
    report = statistics_report(trained(dataset, l2=2.0), dataset)
    assert list(report) == KEYS
    assert all(report[key] is None for key in TABLE)
    assert report["statistics_reason"] == PENALISED.format(2.0)
    assert 0.5 < report["roc_auc"] <= 1 and report["brier_score"] > 0


def test_separable_data_report_the_missing_optimum():
    dataset = read_csv(IRIS_SEPARABLE)
    report = statistics_report(Trainer(dataset.X, dataset.y), dataset)
    assert report["statistics_reason"] == NO_FINITE_OPTIMUM
    assert all(report[key] is None for key in TABLE)
    assert report["roc_auc"] is not None  # θ = 0: every P is ½, AUC ½
    assert report["roc_auc"] == 0.5 and report["brier_score"] == 0.25


def test_no_training_points():
    empty = Dataset(np.empty((0, 2)), np.empty(0, dtype=np.int64))
    report = statistics_report(Trainer(empty.X, empty.y), empty)
    assert list(report) == KEYS and report["statistics_reason"]
    assert all(report[key] is None for key in KEYS[:-1])
    json.dumps(report, allow_nan=False)
