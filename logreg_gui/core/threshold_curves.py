"""Accuracy, precision, recall, specificity and F1 as functions of the decision threshold τ."""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core.roc import checked

GRID = np.linspace(0.0, 1.0, 101)
"""The default τ grid: 0, 0.01, …, 1."""


@dataclass(frozen=True)
class ThresholdCurves:
    """Counts and rates of the rule "class 1 when P > τ" (the app's) at each τ.

    Rates are NaN where they are 0/0 (e.g. precision where nothing is predicted positive), as in
    :class:`~logreg_gui.core.metrics.ThresholdMetrics`.

    Parameters
    ----------
    thresholds : ndarray of float64, shape (n_thresholds,)
        τ, as given.
    tp, fp, tn, fn : ndarray of int64, shape (n_thresholds,)
        True positives, false positives, true negatives, false negatives.
    accuracy : ndarray of float64, shape (n_thresholds,)
        (tp + tn) / n.
    precision : ndarray of float64, shape (n_thresholds,)
        tp / (tp + fp).
    recall : ndarray of float64, shape (n_thresholds,)
        tp / (tp + fn), the true-positive rate (sensitivity).
    specificity : ndarray of float64, shape (n_thresholds,)
        tn / (tn + fp), the true-negative rate (1 − FPR).
    f1 : ndarray of float64, shape (n_thresholds,)
        2·tp / (2·tp + fp + fn), the harmonic mean of precision and recall.

    References
    ----------
    Fawcett (2006), "An introduction to ROC analysis", *Pattern Recognition Letters* 27, §2
    (the metrics of a confusion matrix); van Rijsbergen (1979), *Information Retrieval*, for F.
    """

    thresholds: np.ndarray
    tp: np.ndarray
    fp: np.ndarray
    tn: np.ndarray
    fn: np.ndarray
    accuracy: np.ndarray
    precision: np.ndarray
    recall: np.ndarray
    specificity: np.ndarray
    f1: np.ndarray


def _ratio(numerator, denominator):
    """numerator / denominator elementwise, NaN (without a warning) where the denominator is 0."""
    result = np.full(np.shape(numerator), np.nan)
    np.divide(numerator, denominator, out=result, where=denominator != 0)
    return result


def _above(sorted_values, thresholds):
    """How many of `sorted_values` exceed each threshold (int64)."""
    return len(sorted_values) - np.searchsorted(sorted_values, thresholds, side="right")


def threshold_curves(y, probabilities, thresholds=GRID):
    """The confusion matrix and its rates at each threshold, exactly (no interpolation).

    Parameters
    ----------
    y : array_like of int, shape (n_samples,)
        Labels in {0, 1}.
    probabilities : array_like of float64, shape (n_samples,)
        P(y = 1 | x), in [0, 1].
    thresholds : array_like of float64, shape (n_thresholds,), default :data:`GRID`
        τ values (any order; a single τ gives the metrics at that τ).

    Returns
    -------
    ThresholdCurves
        With no points every rate is NaN; with one class, those needing the other are NaN.

    Raises
    ------
    ValueError
        If a label is not 0 or 1, a probability not in [0, 1], or a threshold is NaN.

    Notes
    -----
    Sorting once and counting with binary search costs O((n + m)·log n) for n points and m
    thresholds, so a fine grid is cheap even on 100 000 points.
    """
    y, probabilities = checked(y, probabilities)
    thresholds = np.atleast_1d(np.asarray(thresholds, dtype=np.float64))
    if np.isnan(thresholds).any():
        raise ValueError("thresholds must be numbers, got NaN")
    positives = np.sort(probabilities[y == 1])
    negatives = np.sort(probabilities[y == 0])
    tp, fp = _above(positives, thresholds), _above(negatives, thresholds)
    fn, tn = len(positives) - tp, len(negatives) - fp
    n = len(y) * np.ones_like(tp)
    return ThresholdCurves(thresholds, tp, fp, tn, fn, _ratio(tp + tn, n), _ratio(tp, tp + fp),
                           _ratio(tp, tp + fn), _ratio(tn, tn + fp),
                           _ratio(2 * tp, 2 * tp + fp + fn))
