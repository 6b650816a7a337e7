"""The coefficient table and the fit statistics of the unpenalised logistic model.

Estimates, standard errors, Wald z and p-values, confidence intervals and odds ratios for every
coefficient (intercept first, original units), and the model's log-likelihood, deviance, null
deviance, AIC, BIC and McFadden's pseudo-R². They exist only for the maximum-likelihood fit
(λ = 0 with a finite, well-conditioned optimum); otherwise every number is None and `reason`
says why in one sentence.
"""

from dataclasses import dataclass

import numpy as np
# The standard normal from scipy.special: ndtr(x) = norm.cdf(x), ndtri(q) = norm.ppf(q), without
# the second of import time that scipy.stats costs.
from scipy.special import ndtr, ndtri

from logreg_gui.core.features import polynomial_feature_names, polynomial_features
from logreg_gui.core.likelihood import MaximumLikelihood, maximum_likelihood
from logreg_gui.core.scaling import Standardizer

INTERCEPT = "intercept"
PENALISED = ("the L2 penalty (λ = {:g}) biases the estimates and makes the likelihood theory "
             "behind standard errors and p-values invalid: they are shown for λ = 0 only")
NOT_LOG_LOSS = ("the model is trained on the squared error, which is not a likelihood: "
                "standard errors and p-values are shown for the cross-entropy only")


@dataclass(frozen=True)
class FitStatistics:
    """The coefficient table and model statistics of one fit; every number None when undefined.

    Per-coefficient arrays have shape (n_output_features + 1,), float64, in the order of `names`:
    the intercept first, then the weights of φ(x) in ``PolynomialFeatures`` order, all in
    original units.

    Parameters
    ----------
    names : tuple of str
        ``'intercept'``, then the mapped features' names (e.g. ``'mean_radius^2'``).
    estimate : ndarray or None
        β̂ (logit units per unit of the feature).
    standard_error : ndarray or None
        √diag((Aᵀ·W·A)⁻¹).
    z : ndarray or None
        Wald statistic β̂ / SE.
    p_value : ndarray or None
        Two-sided 2·(1 − Φ(|z|)), in [0, 1].
    ci_low, ci_high : ndarray or None
        β̂ ∓ z_{(1+c)/2}·SE, the Wald interval at `confidence`.
    odds_ratio, odds_ratio_low, odds_ratio_high : ndarray or None
        exp of the estimate and of its interval's ends (``inf`` beyond float64, without a warning).
    log_likelihood : float or None
        ℓ(β̂) = Σ [y·log p̂ + (1 − y)·log(1 − p̂)], nats.
    null_log_likelihood : float or None
        ℓ₀ of the intercept-only model: n₁·log(n₁/n) + n₀·log(n₀/n), nats.
    deviance, null_deviance : float or None
        −2ℓ and −2ℓ₀ (the saturated model of 0/1 data has ℓ = 0).
    aic, bic : float or None
        −2ℓ + 2k and −2ℓ + k·log n, with k = n_output_features + 1 parameters.
    pseudo_r2_mcfadden : float or None
        1 − ℓ/ℓ₀, in [0, 1).
    n_samples : int
        Training points used.
    confidence : float
        Level of the intervals (0.95).
    reason : str or None
        Why the numbers are None (one sentence), else None.
    fit : logreg_gui.core.likelihood.MaximumLikelihood or None
        The fit behind the table (for prediction intervals and influence); None when λ > 0.

    References
    ----------
    Hosmer, Lemeshow & Sturdivant, *Applied Logistic Regression*, 3rd ed., §1.3–1.4 (Wald tests
    and intervals), §1.4 and §4.2 (deviance, AIC); Schwarz (1978) for BIC; McFadden (1974),
    "Conditional logit analysis of qualitative choice behavior", for the pseudo-R².
    """

    names: tuple
    estimate: np.ndarray | None = None
    standard_error: np.ndarray | None = None
    z: np.ndarray | None = None
    p_value: np.ndarray | None = None
    ci_low: np.ndarray | None = None
    ci_high: np.ndarray | None = None
    odds_ratio: np.ndarray | None = None
    odds_ratio_low: np.ndarray | None = None
    odds_ratio_high: np.ndarray | None = None
    log_likelihood: float | None = None
    null_log_likelihood: float | None = None
    deviance: float | None = None
    null_deviance: float | None = None
    aic: float | None = None
    bic: float | None = None
    pseudo_r2_mcfadden: float | None = None
    n_samples: int = 0
    confidence: float = 0.95
    reason: str | None = None
    fit: MaximumLikelihood | None = None

    @property
    def defined(self):
        """Whether the table has numbers (bool)."""
        return self.reason is None


def _exp(values):
    with np.errstate(over="ignore"):  # exp(β) beyond float64 is honestly inf
        return np.exp(values)


def _null_log_likelihood(y):
    n, n1 = len(y), int(np.sum(y))
    return n1 * np.log(n1 / n) + (n - n1) * np.log((n - n1) / n)  # both classes are present


def table_of(fit, names, confidence=0.95):
    """The :class:`FitStatistics` of a maximum-likelihood fit.

    Parameters
    ----------
    fit : logreg_gui.core.likelihood.MaximumLikelihood
    names : sequence of str
        Names of the coefficients, the intercept first.
    confidence : float in (0, 1)

    Returns
    -------
    FitStatistics
        Undefined with the fit's reason when the fit is.

    Raises
    ------
    ValueError
        If `confidence` is not in (0, 1).
    """
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence!r}")
    names, n = tuple(names), len(fit.y)
    if not fit.defined:
        return FitStatistics(names, n_samples=n, confidence=confidence, reason=fit.reason,
                             fit=fit)
    estimate = fit.theta
    se = np.sqrt(np.diag(fit.covariance))
    z = estimate / se
    half = float(ndtri((1 + confidence) / 2)) * se
    ll, ll0, k = fit.log_likelihood, float(_null_log_likelihood(fit.y)), len(estimate)
    return FitStatistics(
        names, estimate, se, z, 2 * ndtr(-np.abs(z)), estimate - half, estimate + half,
        _exp(estimate), _exp(estimate - half), _exp(estimate + half), ll, ll0, -2 * ll,
        -2 * ll0, -2 * ll + 2 * k, -2 * ll + k * float(np.log(n)), 1 - ll / ll0, n, confidence,
        None, fit)


def coefficient_names(feature_names, degree):
    """``['intercept', *mapped feature names]`` (list of str) for a degree-`degree` map."""
    return [INTERCEPT, *polynomial_feature_names(list(feature_names), degree)]


def fit_statistics(X, y, degree=1, l2=0.0, feature_names=("x1", "x2"), start=None,
                   confidence=0.95):
    """Coefficient table and fit statistics of the logistic model on training data.

    Parameters
    ----------
    X : array_like of float64, shape (n_samples, n_features)
        Training points in original units.
    y : array_like of int, shape (n_samples,)
        Labels in {0, 1}.
    degree : int, 1 … 6
    l2 : float ≥ 0
        The penalty λ the model is trained with; the table is defined for λ = 0 only.
    feature_names : sequence of str, length n_features
    start : tuple (coef, intercept), optional
        A known optimum in original units (see
        :func:`~logreg_gui.core.likelihood.maximum_likelihood`).
    confidence : float in (0, 1)

    Returns
    -------
    FitStatistics

    Raises
    ------
    ValueError
        If `degree` is not 1 … 6 or `confidence` not in (0, 1).
    """
    names = coefficient_names(feature_names, degree)
    if l2 > 0:
        return FitStatistics(tuple(names), n_samples=len(y), confidence=confidence,
                             reason=PENALISED.format(l2))
    return table_of(maximum_likelihood(X, y, degree, start), names, confidence)


def fit_statistics_of(trainer, dataset, confidence=0.95):
    """:func:`fit_statistics` of what a trainer trains on, reusing its J* minimiser.

    Parameters
    ----------
    trainer : logreg_gui.core.training.Trainer
    dataset : logreg_gui.core.data.Dataset
        The data the trainer was given (its training points are those outside ``test_mask``).
    confidence : float in (0, 1)

    Returns
    -------
    FitStatistics
        Undefined when λ > 0, the loss is not the cross-entropy, or the trainer's J* has no
        minimiser (its reason is passed on), besides the cases of :func:`fit_statistics`.

    Raises
    ------
    ValueError
        If the dataset's training labels are not the trainer's (another dataset was passed).
    """
    options = trainer.options
    train = ~dataset.test_mask
    X, y = dataset.X[train], dataset.y[train]
    if not np.array_equal(trainer.features[1], y):
        raise ValueError(f"dataset has {len(y)} training points that are not the trainer's "
                         f"{len(trainer.features[1])}; pass the dataset the trainer was given")
    names = tuple(coefficient_names(dataset.feature_names, options.degree))
    if options.l2 > 0:
        return FitStatistics(names, n_samples=len(y), confidence=confidence,
                             reason=PENALISED.format(options.l2))
    if not options.criterion.convex:
        return FitStatistics(names, n_samples=len(y), confidence=confidence, reason=NOT_LOG_LOSS)
    optimum = trainer.optimum()
    if optimum.theta is None:
        return FitStatistics(names, n_samples=len(y), confidence=confidence,
                             reason=optimum.reason)
    # J*'s minimiser is in the trained units: undo the trainer's own scaling (refit identically).
    scaler = Standardizer.fit(polynomial_features(X, options.degree), options.standardize)
    start = scaler.to_original(optimum.theta[:-1], optimum.theta[-1])
    return table_of(maximum_likelihood(X, y, options.degree, start), names, confidence)
