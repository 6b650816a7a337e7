"""The prediction calculator: z, P and its confidence interval for one point in original units."""

from dataclasses import dataclass, replace

import numpy as np
from scipy.special import ndtri

from logreg_gui.core._math import expit
from logreg_gui.core.features import polynomial_features

NOT_CONVERGED = ("the model is not (yet) the maximum-likelihood fit the interval belongs to: "
                 "train to convergence with λ = 0")
TOO_FAR = "the point is so far out that its logit's standard error overflows float64"
MAX_OFFSET = 0.1  # the model's logit may differ from the fit's by this many standard errors


@dataclass(frozen=True)
class Prediction:
    """What the model says about one point.

    Parameters
    ----------
    x : ndarray of float64, shape (n_features,)
        The point, original units.
    logit : float
        z = b + φ(x)·w (log-odds of class 1).
    probability : float
        P(y = 1 | x) = σ(z), in [0, 1].
    predicted_class : int
        1 when P > τ, else 0 (the app's rule).
    threshold : float
        τ.
    logit_standard_error : float or None
        SE(ẑ) = √(aᵀ·Cov·a), a = [1, φ(x)], of the maximum-likelihood fit.
    probability_low, probability_high : float or None
        σ(z ∓ q·SE), q the normal quantile of the confidence level: the delta-method interval on
        the logit scale mapped through σ (so it stays inside [0, 1]).
    confidence : float
        Level of the interval.
    interval_reason : str or None
        Why there is no interval (the coefficient table's reason, or a model that is not its fit).

    References
    ----------
    Hosmer, Lemeshow & Sturdivant, *Applied Logistic Regression*, 3rd ed., §1.4 (the interval
    for the logit and for the fitted probability).
    """

    x: np.ndarray
    logit: float
    probability: float
    predicted_class: int
    threshold: float
    logit_standard_error: float | None = None
    probability_low: float | None = None
    probability_high: float | None = None
    confidence: float = 0.95
    interval_reason: str | None = None


def predict_point(x, model, threshold=0.5, statistics=None):
    """z, P, the class at τ and, when the coefficient table is defined, P's confidence interval.

    Parameters
    ----------
    x : array_like of float64, shape (n_features,)
        Feature values in original units (e.g. mean_radius, mean_texture).
    model : logreg_gui.core.model.LogisticModel
        The model to evaluate (e.g. the trainer's current one).
    threshold : float in [0, 1]
        τ.
    statistics : logreg_gui.core.statistics.FitStatistics, optional
        The table of the same problem; its fit gives the interval, which is given only when
        the model's logit at x is within 0.1 standard errors of the fit's (i.e. `model` is that
        fit, trained to convergence).

    Returns
    -------
    Prediction

    Raises
    ------
    ValueError
        If `x` is not finite or has the wrong length, or `threshold` is not in [0, 1].
    """
    x = np.asarray(x, dtype=np.float64).ravel()
    if not np.all(np.isfinite(x)):
        raise ValueError(f"x must be finite numbers, got {x}")
    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold must be between 0 and 1, got {threshold!r}")
    z = float(model.decision_function(x.reshape(1, -1))[0])
    p = float(expit(z))
    found = Prediction(x, z, p, int(p > threshold), float(threshold))
    if statistics is None:
        return found
    return _with_interval(found, statistics)


def _with_interval(found, statistics):
    confidence = statistics.confidence
    if not statistics.defined:
        return replace(found, confidence=confidence,
                       interval_reason=statistics.reason)
    fit, point = statistics.fit, found.x.reshape(1, -1)
    with np.errstate(over="ignore", invalid="ignore"):  # a point so far out that φ(x) overflows
        se = float(np.sqrt(fit.logit_variance(point)[0]))
        fitted = float(fit.theta[0] + polynomial_features(point, fit.degree)[0] @ fit.theta[1:])
    if not (np.isfinite(se) and np.isfinite(found.logit)):
        return replace(found, confidence=confidence, interval_reason=TOO_FAR)
    if not abs(found.logit - fitted) <= MAX_OFFSET * se:
        return replace(found, confidence=confidence,
                       interval_reason=NOT_CONVERGED)
    half = float(ndtri((1 + confidence) / 2)) * se
    return replace(found, logit_standard_error=se, confidence=confidence,
                   probability_low=float(expit(found.logit - half)),
                   probability_high=float(expit(found.logit + half)))
