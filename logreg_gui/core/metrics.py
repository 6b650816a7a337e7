"""Classification at a decision threshold: confusion matrix, precision, recall, accuracy."""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ThresholdMetrics:
    """Counts and rates at threshold τ (predict class 1 when P(y=1|x) > τ, as scikit-learn at 0.5).

    Parameters
    ----------
    tn, fp, fn, tp : int
        True negatives, false positives, false negatives, true positives.
    precision, recall, accuracy : float
        tp/(tp + fp), tp/(tp + fn) and (tp + tn)/n, in [0, 1]; NaN when undefined (0/0).
    """

    tn: int
    fp: int
    fn: int
    tp: int
    precision: float
    recall: float
    accuracy: float


def _ratio(numerator, denominator):
    return numerator / denominator if denominator else float("nan")


def logit(threshold):
    """z at which σ(z) = τ: log(τ / (1 − τ)), for τ in (0, 1)."""
    return float(np.log(threshold) - np.log1p(-threshold))


def threshold_metrics(y, probabilities, threshold=0.5):
    """Confusion matrix and rates of the predictions ``probabilities > threshold``.

    Parameters
    ----------
    y : ndarray of int, shape (n_samples,)
        Labels in {0, 1}.
    probabilities : ndarray of float64, shape (n_samples,)
        P(y = 1 | x).
    threshold : float in (0, 1)

    Returns
    -------
    ThresholdMetrics
    """
    return metrics_from_counts(*np.bincount(confusion_codes(y, probabilities, threshold),
                                            minlength=4))


def confusion_codes(y, probabilities, threshold):
    """Each point's cell of the confusion matrix at τ: 0 tn, 1 fp, 2 fn, 3 tp.

    Parameters
    ----------
    y : ndarray of int, shape (n_samples,)
        Labels in {0, 1}.
    probabilities : ndarray of float64, shape (n_samples,)
        P(y = 1 | x); class 1 is predicted where it is above `threshold`.
    threshold : float in (0, 1)

    Returns
    -------
    ndarray of uint8, shape (n_samples,)
    """
    actual = (np.asarray(y) == 1).view(np.uint8)
    predicted = (np.asarray(probabilities) > threshold).view(np.uint8)
    return (actual << 1) | predicted


def metrics_from_counts(tn, fp, fn, tp):
    """:class:`ThresholdMetrics` of a confusion matrix (counts, int)."""
    tn, fp, fn, tp = (int(count) for count in (tn, fp, fn, tp))
    return ThresholdMetrics(tn, fp, fn, tp, _ratio(tp, tp + fp), _ratio(tp, tp + fn),
                            _ratio(tp + tn, tn + fp + fn + tp))
