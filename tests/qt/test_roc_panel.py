"""The ROC dock against scikit-learn: the curve and its AUC, τ moving on it, the Youden τ, the
metrics over τ, the reliability diagram and the Brier score."""

import numpy as np
import pytest
from sklearn.calibration import calibration_curve
from sklearn.metrics import (accuracy_score, brier_score_loss, confusion_matrix, f1_score,
                             roc_auc_score, roc_curve)

from logreg_gui.core.data import read_csv
from tests.conftest import BREAST_CANCER
from tests.qt.conftest import edit, step


@pytest.fixture
def roc_window(qtbot, make_window):
    window = make_window(read_csv(BREAST_CANCER), remember=False)
    step(qtbot, window, 30)
    window.views.roc_dock.raise_()  # on screen: the panel asks for its curves
    return window


def current(qtbot, window):
    """(y, P) of the model on screen once the panel shows its curves."""
    tabs = window.views.evaluation_tabs
    X, y = window.current_data()
    p = window.frame.model.predict_proba(X)[:, 1]

    def drawn():
        evaluation = tabs.evaluation
        return evaluation is not None and not isinstance(evaluation, str) \
            and evaluation.roc.auc == pytest.approx(roc_auc_score(y, p), rel=1e-12)
    qtbot.waitUntil(drawn, timeout=10_000)
    return y, p


def test_the_roc_curve_and_auc_are_scikit_learns(qtbot, roc_window):
    y, p = current(qtbot, roc_window)
    plot = roc_window.views.evaluation_tabs.pages["roc"]
    assert f"AUC = {roc_auc_score(y, p):.4f}" in plot.plotItem.titleLabel.text
    fpr, tpr, _ = roc_curve(y, p, drop_intermediate=False)
    x_drawn, y_drawn = plot.curve.getData()
    np.testing.assert_allclose(x_drawn, fpr, atol=1e-12)  # every vertex (570 < 2000 drawn)
    np.testing.assert_allclose(y_drawn, tpr, atol=1e-12)


def test_the_tau_point_moves_with_the_threshold(qtbot, roc_window):
    y, p = current(qtbot, roc_window)
    tau = roc_window.views.evaluation_tabs.pages["roc"].tau
    for threshold in (0.5, 0.25, 0.8):
        edit(roc_window, "threshold", threshold)
        tn, fp, fn, tp = confusion_matrix(y, p > threshold).ravel()
        expected = (fp / (fp + tn), tp / (tp + fn))
        qtbot.waitUntil(lambda e=expected: np.allclose(
            np.ravel(tau.getData()), e, atol=1e-12), timeout=3000)
    line = roc_window.views.evaluation_tabs.pages["thresholds"].tau
    assert line.value() == pytest.approx(0.8)


def test_the_youden_tau_maximises_tpr_minus_fpr(qtbot, roc_window):
    y, p = current(qtbot, roc_window)
    fpr, tpr, thresholds = roc_curve(y, p, drop_intermediate=False)
    best = int(np.argmax(tpr - fpr))
    roc = roc_window.views.evaluation_tabs.evaluation.roc
    assert roc.youden_index == pytest.approx(tpr[best] - fpr[best], abs=1e-12)
    # The rule P > τ at the marked τ reaches that point of the curve.
    tn, fp, fn, tp = confusion_matrix(y, p > roc.youden_threshold).ravel()
    assert (tp / (tp + fn) - fp / (fp + tn)) == pytest.approx(roc.youden_index, abs=1e-12)
    line = roc_window.views.evaluation_tabs.pages["thresholds"].youden
    assert line.isVisible() and line.value() == pytest.approx(roc.youden_threshold)


def test_metrics_over_tau_are_scikit_learns(qtbot, roc_window):
    y, p = current(qtbot, roc_window)
    curves = roc_window.views.evaluation_tabs.pages["thresholds"].curves
    taus, accuracy = curves["accuracy"].getData()
    _, f1 = curves["f1"].getData()
    for index in (20, 100, 150):
        assert accuracy[index] == pytest.approx(accuracy_score(y, p > taus[index]), abs=1e-12)
        assert f1[index] == pytest.approx(f1_score(y, p > taus[index]), abs=1e-12)


def test_the_reliability_diagram_and_brier_score_are_scikit_learns(qtbot, roc_window):
    y, p = current(qtbot, roc_window)
    plot = roc_window.views.evaluation_tabs.pages["calibration"]
    observed, predicted = calibration_curve(y, p, n_bins=10)
    drawn_x, drawn_y = plot.bins.getData()
    np.testing.assert_allclose(drawn_x, predicted, rtol=1e-12)
    np.testing.assert_allclose(drawn_y, observed, rtol=1e-12)
    assert f"Brier score = {brier_score_loss(y, p):.4f}" in plot.plotItem.titleLabel.text


def test_a_panel_behind_a_tab_asks_for_nothing_until_shown(qtbot, make_window):
    window = make_window(read_csv(BREAST_CANCER), remember=False)
    window.views.sigmoid_dock.raise_()  # the ROC dock shares the sigmoid's tab group
    qtbot.waitUntil(lambda: not window.views.on_screen(window.views.evaluation_tabs),
                    timeout=3000)
    asked = []
    window.views.evaluation_tabs.evaluation_requested.connect(asked.append)
    step(qtbot, window, 5)
    assert asked == []
    window.views.roc_dock.raise_()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=3000)
