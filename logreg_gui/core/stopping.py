"""When to call an iterate "converged": scale-free gradient tests and a Newton check of the
distance to the optimum.

The trainer reports ``converged`` from these functions only:

* **Newton**: ``converged(scaled_gradient_norm(g, scale), J, NEWTON_TOL)``; Newton's method
  reaches it in a few iterations whenever a finite optimum exists.
* **First-order methods** (gd, sgd, momentum, adam): the cheap test
  ``converged(scaled_gradient_norm(g, scale), J, FIRST_ORDER_TOL)`` first, then
  :func:`distance_to_optimum` ≤ :data:`COEFFICIENT_RTOL`, which bounds the error of the
  coefficients themselves (a small gradient alone does not, in weakly curved directions).

Scale: every norm is taken in *unit-RMS coordinates*, i.e. the gradient component of weight j
is divided by c_j, the root-mean-square of feature column j (1 for the intercept). A problem and
its copy with columns multiplied by any constants are then stopped at the same iterate; on
standardized features c_j = 1 and the norm is the ordinary ‖∇J‖.
"""

import numpy as np

from logreg_gui.core._math import expit

NEWTON_TOL = 1e-10
"""Default relative gradient tolerance of Newton's method (and of J*)."""

FIRST_ORDER_TOL = 1e-6
"""Default relative gradient tolerance of gd, sgd, momentum and adam (the cheap first test)."""

COEFFICIENT_RTOL = 1e-3
"""Relative distance to θ* (unit-RMS coordinates) below which a first-order run is converged."""


def column_scale(X):
    """Root-mean-square of each column of [X, 1]: the units in which gradients are compared.

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, n_features)

    Returns
    -------
    ndarray of float64, shape (n_features + 1,)
        c_j = sqrt(mean(x_j²)) (same unit as feature j), and 1 for the intercept. An all-zero
        column, or no samples, gives 1. Computed without overflow or underflow (each column is
        divided by its largest magnitude first).
    """
    X = np.asarray(X, dtype=np.float64)
    if X.shape[0] == 0:
        return np.ones(X.shape[1] + 1)
    peak = np.max(np.abs(X), axis=0)
    unit = np.where((peak > 0) & np.isfinite(peak), peak, 1.0)
    with np.errstate(invalid="ignore", over="ignore"):
        rms = np.sqrt(np.mean((X / unit) ** 2, axis=0)) * unit
    rms = np.where((rms > 0) & np.isfinite(rms), rms, 1.0)
    return np.append(rms, 1.0)


def scaled_gradient_norm(gradient, scale):
    """‖∇J ⊘ c‖: the gradient norm in unit-RMS coordinates (invariant to feature units).

    Parameters
    ----------
    gradient : ndarray of float64, shape (n_features + 1,)
        ∇J with respect to θ = (w, b) in the trained units.
    scale : ndarray of float64, shape (n_features + 1,)
        :func:`column_scale` of the trained features.

    Returns
    -------
    float
        Non-negative, in nats (the unit of J); inf when the gradient overflows or is NaN.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        value = float(np.linalg.norm(np.asarray(gradient) / scale))
    return value if np.isfinite(value) else float("inf")


def converged(gradient_norm, loss, tol):
    """The gradient test ``gradient_norm ≤ tol · max(1, |loss|)``.

    Parameters
    ----------
    gradient_norm : float
        :func:`scaled_gradient_norm` at the iterate (or ‖∇J‖ on standardized features).
    loss : float
        J at the iterate, in nats (λ-inclusive).
    tol : float > 0
        :data:`NEWTON_TOL` for Newton, :data:`FIRST_ORDER_TOL` for first-order methods.

    Returns
    -------
    bool
        False for a NaN or infinite gradient norm or loss.

    Notes
    -----
    max(1, |J|) makes the test relative for large J (raw features at the start of training)
    and absolute below 1 nat, where the log-loss of a useful model lies.
    """
    if not (np.isfinite(gradient_norm) and np.isfinite(loss)):
        return False
    return bool(gradient_norm <= tol * max(1.0, abs(loss)))


def distance_to_optimum(theta, X, y, l2, gradient, scale=None):
    """Relative length of the Newton step, ‖c ⊙ H⁻¹∇J‖ / ‖c ⊙ θ‖: an estimate of
    ‖θ − θ*‖/‖θ*‖ in unit-RMS coordinates.

    Near the optimum J is close to its quadratic model, so θ − θ* ≈ H⁻¹∇J (exactly so for a
    quadratic). A first-order method can have a tiny gradient far from θ* along directions of
    small curvature; this measure sees that distance. It costs one Hessian (n·p² flops) and one
    p × p solve, so the trainer calls it only once the gradient test has passed.

    Parameters
    ----------
    theta : ndarray of float64, shape (n_features + 1,)
    X : ndarray of float64, shape (n_samples, n_features)
        Trained features.
    y : ndarray of int, shape (n_samples,)
    l2 : float ≥ 0 or ndarray of float64 of shape (n_features,)
    gradient : ndarray of float64, shape (n_features + 1,)
        ∇J(θ).
    scale : ndarray of float64, shape (n_features + 1,), optional
        :func:`column_scale` of X (computed when omitted).

    Returns
    -------
    float
        ≥ 0; 0 at an exactly stationary θ; inf at θ = 0 otherwise, and when H is singular
        to working precision in a direction the gradient points along (λ = 0 and nearly
        separable data) or anything overflows.

    References
    ----------
    Nocedal & Wright, *Numerical Optimization*, 2nd ed., §3.3 (Newton's method near the
    solution); Boyd & Vandenberghe, *Convex Optimization*, §9.5.1.
    """
    scale = column_scale(X) if scale is None else scale
    n, p = X.shape
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        # H and ∇J in unit-RMS coordinates: C⁻¹HC⁻¹ and C⁻¹∇J, well scaled for any units.
        z = X @ theta[:-1] + theta[-1]
        weights = expit(z) * expit(-z) / n
        A = np.column_stack([X / scale[:p], np.ones(n)])
        S = (A.T * weights) @ A
        penalty = np.broadcast_to(np.asarray(l2, dtype=np.float64), (p,))
        S[np.arange(p), np.arange(p)] += penalty / n / scale[:p] ** 2
        rhs = np.asarray(gradient) / scale
    if not (np.all(np.isfinite(S)) and np.all(np.isfinite(rhs))):
        return float("inf")
    try:
        step = np.linalg.solve(S, rhs)
    except np.linalg.LinAlgError:
        return float("inf")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        length = float(np.linalg.norm(step))
        if length == 0.0:
            return 0.0  # exactly stationary (θ* = θ, including θ* = 0)
        ratio = length / float(np.linalg.norm(theta * scale))
    return ratio if np.isfinite(ratio) else float("inf")
