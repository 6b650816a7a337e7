"""Mean binary cross-entropy (log-loss) from logits, its gradient and the L2-penalised objective."""

import numpy as np

from ._math import expit, log1pexp


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


OBJECTIVES = {"cross_entropy": objective, "mse": mse_objective}
