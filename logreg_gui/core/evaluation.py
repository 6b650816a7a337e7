"""How well the predicted probabilities of the training points rank and match the labels: the
ROC curve, the metrics over τ and the calibration, in one pass for the ROC panel."""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core.calibration import Reliability, brier_score, reliability_diagram
from logreg_gui.core.roc import RocCurve, roc_curve
from logreg_gui.core.threshold_curves import ThresholdCurves, threshold_curves

THRESHOLDS = np.linspace(0.0, 1.0, 201)
"""τ = 0, 0.005, …, 1: fine enough that the curves look exact at a panel's width."""


@dataclass(frozen=True)
class Evaluation:
    """Discrimination and calibration of one model on the training points.

    Parameters
    ----------
    roc : logreg_gui.core.roc.RocCurve
        With AUC and the Youden-optimal τ (undefined with one class or no points).
    curves : logreg_gui.core.threshold_curves.ThresholdCurves
        Accuracy, precision, recall, specificity and F1 at every τ of :data:`THRESHOLDS`.
    reliability : logreg_gui.core.calibration.Reliability
        Ten equal-width bins of P.
    brier : float or None
        mean((P − y)²), None without points.
    n_samples : int
        Points evaluated.
    """

    roc: RocCurve
    curves: ThresholdCurves
    reliability: Reliability
    brier: float | None
    n_samples: int


def evaluate(y, probabilities):
    """The :class:`Evaluation` of probabilities against labels.

    Parameters
    ----------
    y : array_like of int, shape (n_samples,)
        Labels in {0, 1}.
    probabilities : array_like of float64, shape (n_samples,)
        P(y = 1 | x).

    Returns
    -------
    Evaluation

    Raises
    ------
    ValueError
        If a label is not 0 or 1 or a probability is not in [0, 1] (a diverged model's NaN).

    Notes
    -----
    O(n log n) (three sorts): about 0.3 s at 10⁶ points, so the window runs it off the GUI
    thread, a few times a second at most.
    """
    return Evaluation(roc_curve(y, probabilities), threshold_curves(y, probabilities, THRESHOLDS),
                      reliability_diagram(y, probabilities), brier_score(y, probabilities),
                      len(np.asarray(y)))
