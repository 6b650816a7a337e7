"""The minimum J* of the objective, by Newton's method, or the reason there is none."""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core.loss import objective
from logreg_gui.core.optimizers import newton_step

NO_FINITE_OPTIMUM = ("the classes are linearly separable in the feature space, so J keeps "
                     "falling towards 0 as ‖w‖ grows: there is no finite optimum (add an L2 "
                     "penalty to get one)")


@dataclass(frozen=True)
class Optimum:
    """The result of :func:`find_optimum`.

    Parameters
    ----------
    theta : ndarray of float64, shape (n_features + 1,), or None
        The minimiser (w, b) in the trained units; None when there is none.
    loss : float or None
        J* = J(theta).
    reason : str or None
        Why there is no optimum (None when there is one).
    """

    theta: np.ndarray | None
    loss: float | None
    reason: str | None


def separates(theta, X, y):
    """Whether θ classifies every sample strictly correctly (all margins (2y − 1)·z > 0).

    If one θ does, J(c·θ) → 0 as c → ∞ while J > 0 everywhere: the unpenalised objective then
    has no minimiser.

    Parameters
    ----------
    theta : ndarray of float64, shape (n_features + 1,)
    X : ndarray of float64, shape (n_samples, n_features)
    y : ndarray of int, shape (n_samples,)
    """
    with np.errstate(over="ignore", invalid="ignore"):
        margins = (2 * y - 1) * (X @ theta[:-1] + theta[-1])
    return bool(len(y) and np.all(margins > 0))


def find_optimum(X, y, l2, tol=1e-10, max_iterations=100, should_stop=None):
    """Minimise J with safeguarded Newton steps from θ = 0.

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, n_features)
        Training features, best standardized (the minimum does not depend on the scaling when
        the penalty is carried over, see :meth:`Trainer.optimum`).
    y : ndarray of int, shape (n_samples,)
    l2 : float ≥ 0, or ndarray of float64 of shape (n_features,)
        λ, or one λ_j per weight.
    tol : float
        Stop when ‖∇J‖ < tol and the Newton decrement ∇J·H⁻¹∇J/2 (an estimate of J − J*) is
        below 1e-12·J, so that tiny optima (λ → 0 on separable data) are still found exactly.
    max_iterations : int
    should_stop : callable () → bool, optional
        Checked before each iteration; when it returns True the search ends with
        ``reason = "cancelled"`` (used to stop a background computation at shutdown).

    Returns
    -------
    Optimum
        With ``reason`` set when λ = 0 and an iterate separates the classes, when there are no
        samples, or when Newton's method runs out of iterations with ‖∇J‖ ≥ 1e-6. A Newton step
        that can no longer lower J (rounding) with ‖∇J‖ < 1e-6 counts as the optimum.

    References
    ----------
    ESL §4.4.1; Boyd & Vandenberghe, *Convex Optimization*, §9.5.1 (the Newton decrement);
    Albert & Anderson (1984) on the non-existence of the maximum-likelihood estimate under
    complete separation.
    """
    if len(y) == 0:
        return Optimum(None, None, "there are no training points")
    theta = np.zeros(X.shape[1] + 1)
    unpenalised = not np.any(np.asarray(l2) > 0)
    for _ in range(max_iterations):
        if should_stop is not None and should_stop():
            return Optimum(None, None, "cancelled")
        loss, gradient = objective(theta, X, y, l2)
        if unpenalised and separates(theta, X, y):
            return Optimum(None, None, NO_FINITE_OPTIMUM)
        following = newton_step(theta, X, y, l2, gradient, should_stop)
        with np.errstate(over="ignore", invalid="ignore"):
            decrement = float(gradient @ (theta - following)) / 2  # g·H⁻¹g/2 for a full step
            small = _norm(gradient) < tol and decrement <= 1e-12 * loss
        if should_stop is not None and should_stop():
            return Optimum(None, None, "cancelled")
        if small or np.array_equal(following, theta):
            break
        theta = following
    loss, gradient = objective(theta, X, y, l2)
    if _norm(gradient) < 1e-6:
        return Optimum(theta, float(loss), None)
    return Optimum(None, None, f"Newton's method did not reach ‖∇J‖ < 1e-6 in "
                               f"{max_iterations} iterations (nearly separable classes?)")


def _norm(vector):
    """‖vector‖, inf (without a warning) when it overflows."""
    with np.errstate(over="ignore", invalid="ignore"):
        return float(np.linalg.norm(vector))
