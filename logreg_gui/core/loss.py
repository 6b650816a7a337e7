"""The losses training can minimise, as objects with one interface, and their maths from logits.

:data:`CROSS_ENTROPY` (the mean log-loss) and :data:`SQUARED_ERROR` (½·mean((ŷ − y)²), shown for
comparison) each know their name, label, formulas, per-sample loss, objective and convexity, so
no caller needs to compare loss names.
"""

from dataclasses import dataclass
from typing import Callable

import numpy as np

from logreg_gui.core._math import expit, log1pexp


def log_loss(z, y):
    """Mean binary cross-entropy L = −mean[y·log σ(z) + (1−y)·log(1−σ(z))], in nats.

    Parameters
    ----------
    z : ndarray of float64, shape (n_samples,)
        Logits w·x + b.
    y : ndarray of int or float, shape (n_samples,)
        Labels in {0, 1}.

    Returns
    -------
    float
        The mean loss (≥ 0). A confidently wrong point contributes ≈ |z|: large but finite.
        NaN when n_samples is 0.

    References
    ----------
    Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., §4.4.1.

    Notes
    -----
    Each term equals log(1 + e^(s)) with s = z for y = 0 and s = −z for y = 1. Writing it with the
    sign folded in (rather than log1pexp(z) − y·z) avoids cancellation when y = 1 and z is large.
    """
    z = np.asarray(z, dtype=np.float64)
    if z.size == 0:
        return float("nan")
    signed = np.where(np.asarray(y) == 1, -z, z)
    return float(np.mean(log1pexp(signed)))


def objective(theta, X, y, l2=0.0):
    """Objective J(θ) = log_loss + l2/(2·n)·‖w‖² and its gradient, θ = (w_1, …, w_p, b).

    Parameters
    ----------
    theta : ndarray of float64, shape (n_features + 1,)
        Coefficients followed by the intercept (the intercept is never penalised).
    X : ndarray of float64, shape (n_samples, n_features)
    y : ndarray of int, shape (n_samples,)
        Labels in {0, 1}.
    l2 : float or ndarray of float64 of shape (n_features,), default 0
        Penalty strength λ ≥ 0 (equals scikit-learn's ``C = 1/λ``); an array gives each weight
        its own λ_j (used to solve a raw-feature problem in standardized coordinates).

    Returns
    -------
    loss : float
        J(θ); ``inf`` or ``nan`` when the parameters or data overflow (callers check).
    gradient : ndarray of float64, shape (n_features + 1,)
        ∂J/∂w = Xᵀ(σ(z) − y)/n + λ·w/n and ∂J/∂b = mean(σ(z) − y).

    References
    ----------
    ESL §4.4.1 (gradient of the log-likelihood); the tutorial's err = ŷ − y.
    """
    n = X.shape[0]
    w, b = theta[:-1], theta[-1]
    # Overflow here means the parameters diverged: the trainer reports it from the result.
    with np.errstate(over="ignore", invalid="ignore"):
        z = X @ w + b
        err = expit(z) - y
        gradient = np.empty_like(theta)
        gradient[:-1] = (X.T @ err + l2 * w) / n
        gradient[-1] = err.mean()
        loss = log_loss(z, y) + float(np.sum(l2 * w * w)) / (2 * n)
    return loss, gradient


def hessian(theta, X, y, l2=0.0):
    """Hessian of :func:`objective` with respect to θ = (w, b).

    H = Aᵀ·diag(p(1 − p))·A / n + diag(λ/n, …, λ/n, 0), with A = [X, 1] and p = σ(Aθ).

    Parameters
    ----------
    theta : ndarray of float64, shape (n_features + 1,)
    X : ndarray of float64, shape (n_samples, n_features)
    y : ndarray of int, shape (n_samples,)
        Unused (the log-loss Hessian does not depend on the labels); kept for a uniform signature.
    l2 : float, default 0

    Returns
    -------
    ndarray of float64, shape (n_features + 1, n_features + 1)
        Symmetric positive semi-definite; non-finite when the inputs overflow.

    References
    ----------
    ESL §4.4.1 (Newton–Raphson / iteratively reweighted least squares).
    """
    n = X.shape[0]
    A = np.column_stack([X, np.ones(n)])
    with np.errstate(over="ignore", invalid="ignore"):  # huge inputs: H is inf, callers check
        p = expit(A @ theta)
        weights = p * (1.0 - p)
        H = (A.T * weights) @ A / n
    H[np.arange(len(theta) - 1), np.arange(len(theta) - 1)] += l2 / n
    return H


def mse_objective(theta, X, y, l2=0.0):
    """Squared-error objective on the probabilities, J = ½·mean((σ(z) − y)²) + λ/(2n)·‖w‖².

    The ½ makes the gradient the tutorial's (ŷ − y)·ŷ·(1 − ŷ)·x, averaged over samples. Unlike
    the log-loss this J is not convex in θ: it flattens wherever σ saturates.

    Parameters
    ----------
    theta : ndarray of float64, shape (n_features + 1,)
    X : ndarray of float64, shape (n_samples, n_features)
    y : ndarray of int, shape (n_samples,)
    l2 : float, default 0

    Returns
    -------
    loss : float
    gradient : ndarray of float64, shape (n_features + 1,)
        ∂J/∂w = Xᵀ[(ŷ − y)·ŷ·(1 − ŷ)]/n + λ·w/n, ∂J/∂b = mean((ŷ − y)·ŷ·(1 − ŷ)).
    """
    n = X.shape[0]
    w, b = theta[:-1], theta[-1]
    with np.errstate(over="ignore", invalid="ignore"):
        p = expit(X @ w + b)
        err = p - y
        slope = err * p * (1.0 - p)
        gradient = np.empty_like(theta)
        gradient[:-1] = (X.T @ slope + l2 * w) / n
        gradient[-1] = slope.mean()
        loss = 0.5 * float(np.mean(err * err)) + float(np.sum(l2 * w * w)) / (2 * n)
    return loss, gradient


def cross_entropy_terms(z, y):
    """Each sample's log-loss −[y·log σ(z) + (1 − y)·log(1 − σ(z))] = log(1 + e^(∓z)).

    Parameters
    ----------
    z : ndarray of float64, any shape
        Logits.
    y : ndarray of int or float, broadcastable to `z`
        Labels in {0, 1}.

    Returns
    -------
    ndarray of float64, the broadcast shape
        Non-negative, never overflowing.
    """
    t = np.asarray(np.where(np.asarray(y) == 1, -1.0, 1.0) * np.asarray(z, dtype=np.float64))
    return log1pexp(t, out=t)


def squared_error_terms(z, y):
    """Each sample's ½·(σ(z) − y)², shape of the broadcast of `z` and `y`."""
    return 0.5 * (expit(z) - y) ** 2


def cross_entropy_evaluator(X, y, l2=0.0):
    """θ ↦ (J, ∇J) of :func:`objective` for fixed data: the same values, with the work that
    does not depend on θ done once (the training loop's hot path).

    Each sample's log-loss is L_i = log(1 + e^(s_i·z_i)) with s_i = −1 for y = 1 and +1 for
    y = 0; then σ of the correct class is e^(−L_i), so ŷ − y = −s_i·expm1(−L_i): one
    exponential pair for both the loss and the gradient, never overflowing.

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, n_features)
    y : ndarray of int, shape (n_samples,)
    l2 : float ≥ 0, or ndarray of float64 of shape (n_features,)

    Returns
    -------
    callable (θ of shape (n_features + 1,)) → (float, ndarray of shape (n_features + 1,))
        Call it inside ``np.errstate(over="ignore", invalid="ignore")``: huge parameters give
        inf or NaN, which the caller reports.
    """
    n = X.shape[0]
    design = np.column_stack([X, np.ones(n)])  # [X, 1]: z and ∇J in one product each
    sign = np.where(np.asarray(y) == 1, -1.0, 1.0)
    penalized = bool(np.any(np.asarray(l2) != 0))

    def evaluate(theta):
        z = design @ theta
        z *= sign
        losses = log1pexp(z, out=z)
        err = np.expm1(-losses)
        err *= sign
        gradient = err @ design
        gradient *= -1 / n
        loss = losses.sum() / n
        if penalized:
            w = theta[:-1]
            gradient[:-1] += l2 * w / n
            loss += float(np.sum(l2 * w * w)) / (2 * n)
        return loss, gradient

    return evaluate


def squared_error_evaluator(X, y, l2=0.0):
    """θ ↦ (J, ∇J) of :func:`mse_objective` for fixed data (see
    :func:`cross_entropy_evaluator`)."""
    return lambda theta: mse_objective(theta, X, y, l2)


@dataclass(frozen=True)
class Loss:
    """A loss that training can minimise.

    Parameters
    ----------
    name : str
        Its option value (``cross_entropy`` or ``mse``).
    label : str
        Text for legends, with the formula.
    short : str
        A few words for menus.
    unit : str
        The unit of J ('nats' for the log-loss; '' for a dimensionless one).
    formula : str
        The objective J without the penalty, as the tutorial writes it.
    term : str
        One sample's loss term.
    error_term : str
        The factor that multiplies x in the gradient, e.g. '(ŷ − y)'.
    convex : bool
        Whether J is convex in θ (Newton and J* need it).
    objective : callable (θ, X, y, l2) → (J, ∇J)
        See :func:`objective`.
    sample_losses : callable (z, y) → ndarray
        Each sample's loss term from its logit, broadcasting.
    evaluator : callable (X, y, l2) → (θ → (J, ∇J))
        The objective for fixed data, prepared once (training's hot path).
    typical : float
        A loss term of this size is large (scales point sizes in the data plot).
    """

    name: str
    label: str
    short: str
    unit: str
    formula: str
    term: str
    error_term: str
    convex: bool
    objective: Callable
    sample_losses: Callable
    evaluator: Callable
    typical: float

    @property
    def other(self):
        """The loss it is compared with side by side (:class:`Loss`)."""
        return SQUARED_ERROR if self is CROSS_ENTROPY else CROSS_ENTROPY


CROSS_ENTROPY = Loss("cross_entropy", "cross-entropy (log-loss)", "cross-entropy", "nats",
                     "J = −mean[y·log ŷ + (1 − y)·log(1 − ŷ)]", "−[y·log ŷ + (1 − y)·log(1 − ŷ)]",
                     "(ŷ − y)", True, objective, cross_entropy_terms, cross_entropy_evaluator,
                     0.7)
SQUARED_ERROR = Loss("mse", "squared error ½(ŷ − y)²", "squared error", "",
                     "J = ½·mean((ŷ − y)²)", "½·(ŷ − y)²",
                     "(ŷ − y)·ŷ·(1 − ŷ)", False, mse_objective, squared_error_terms,
                     squared_error_evaluator, 0.1)
LOSSES = {loss.name: loss for loss in (CROSS_ENTROPY, SQUARED_ERROR)}
