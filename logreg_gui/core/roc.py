"""The ROC curve, its area (AUC) and the Youden-optimal threshold."""

from dataclasses import dataclass

import numpy as np

NO_POINTS = "there are no points, so there is no ROC curve"
ONE_CLASS = ("all points are of class {}: the ROC curve needs points of both classes (the "
             "{} rate is 0/0)")


@dataclass(frozen=True)
class RocCurve:
    """The ROC curve of probabilities against labels; all None with a reason when undefined.

    The curve has one point per distinct probability s (predict class 1 when P ≥ s), from
    (0, 0) at threshold +inf to (1, 1) at the lowest probability, as scikit-learn's
    ``roc_curve(drop_intermediate=False)``.

    Parameters
    ----------
    fpr, tpr : ndarray of float64, shape (n_distinct + 1,), or None
        False- and true-positive rates, non-decreasing, in [0, 1].
    thresholds : ndarray of float64, shape (n_distinct + 1,), or None
        +inf, then the distinct probabilities in decreasing order.
    auc : float or None
        Area under the curve by the trapezoid rule, in [0, 1]: the probability that a random
        class-1 point gets a higher P than a random class-0 point, ties counting ½.
    youden_threshold : float or None
        A τ in [0, 1] whose rule "class 1 when P > τ" (the app's) reaches the point of maximal
        J = TPR − FPR: midway between the lowest probability counted positive there and the next
        lower one (half the lowest when all points are positive; the highest probability when
        the best is to predict none). The first maximum (highest threshold) wins ties.
    youden_index : float or None
        max J, in [0, 1].
    youden_fpr, youden_tpr : float or None
        The ROC point of maximal J.
    reason : str or None
        Why the curve is undefined (no points, or one class only).

    References
    ----------
    Fawcett (2006), "An introduction to ROC analysis", *Pattern Recognition Letters* 27,
    861–874; Youden (1950), "Index for rating diagnostic tests", *Cancer* 3, 32–35; Hanley &
    McNeil (1982) for the AUC as a Mann–Whitney probability.
    """

    fpr: np.ndarray | None = None
    tpr: np.ndarray | None = None
    thresholds: np.ndarray | None = None
    auc: float | None = None
    youden_threshold: float | None = None
    youden_index: float | None = None
    youden_fpr: float | None = None
    youden_tpr: float | None = None
    reason: str | None = None


def checked(y, probabilities):
    """(y, probabilities) as int64 and float64 arrays of one length, probabilities in [0, 1].

    Raises
    ------
    ValueError
        If the lengths differ, a label is not 0 or 1, or a probability is not in [0, 1]
        (NaN included); the message names the argument and the first bad value.
    """
    y = np.asarray(y)
    probabilities = np.asarray(probabilities, dtype=np.float64)
    if y.shape != probabilities.shape or y.ndim != 1:
        raise ValueError(f"y and probabilities must be 1-D of one length, got shapes {y.shape} "
                         f"and {probabilities.shape}")
    bad = ~np.isin(y, (0, 1))
    if bad.any():
        raise ValueError(f"y must hold labels 0 and 1, got {np.asarray(y[bad][0]).item()!r}")
    bad = ~((probabilities >= 0) & (probabilities <= 1))
    if bad.any():
        raise ValueError(f"probabilities must be in [0, 1], got {probabilities[bad][0].item()!r}")
    return y.astype(np.int64), probabilities


def roc_curve(y, probabilities):
    """ROC curve, AUC and Youden-optimal threshold of predicted probabilities.

    Parameters
    ----------
    y : array_like of int, shape (n_samples,)
        Labels in {0, 1}.
    probabilities : array_like of float64, shape (n_samples,)
        P(y = 1 | x), in [0, 1].

    Returns
    -------
    RocCurve
        Undefined (reason set) with no points or one class only.

    Raises
    ------
    ValueError
        See :func:`checked`.
    """
    y, scores = checked(y, probabilities)
    if len(y) == 0:
        return RocCurve(reason=NO_POINTS)
    n_positive = int(y.sum())
    if n_positive in (0, len(y)):
        return RocCurve(reason=ONE_CLASS.format(*((1, "false-positive") if n_positive
                                                  else (0, "true-positive"))))
    order = np.argsort(-scores, kind="stable")
    scores, y = scores[order], y[order]
    # The last index of each run of equal scores: tied points enter the curve together.
    ends = np.append(np.flatnonzero(np.diff(scores)), len(y) - 1)
    tp = np.cumsum(y)[ends]
    tpr = np.append(0, tp) / n_positive
    fpr = np.append(0, ends + 1 - tp) / (len(y) - n_positive)
    thresholds = np.append(np.inf, scores[ends])
    auc = float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1])) / 2)
    best = int(np.argmax(tpr - fpr))
    return RocCurve(fpr, tpr, thresholds, auc, _youden_tau(thresholds, best),
                    float(tpr[best] - fpr[best]), float(fpr[best]), float(tpr[best]))


def _youden_tau(thresholds, best):
    """τ for the rule P > τ that counts exactly the scores ≥ thresholds[best] as positive."""
    if best == 0:
        return float(thresholds[1])  # predict none: P > the highest probability never holds
    lower = thresholds[best + 1] if best + 1 < len(thresholds) else 0.0
    return float((thresholds[best] + lower) / 2)
