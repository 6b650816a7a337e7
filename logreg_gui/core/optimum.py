"""The minimum J* of the objective, by a damped Newton–Cholesky method, or the reason there is
none (separated classes, decided by linear programming in :mod:`.separation`).

J(θ) = mean log-loss + Σ_j λ_j·w_j²/(2n) over θ = (w, b) (see :func:`.loss.objective`).
"""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core.loss import objective
from logreg_gui.core.separation import COMPLETE, Cancelled, detect_separation, has_single_class
from logreg_gui.core.newton import newton_update
from logreg_gui.core.stopping import NEWTON_TOL, column_scale, converged, scaled_gradient_norm

ACCEPTABLE_TOL = 1e-6
"""A Newton iterate that can no longer move is still reported as the optimum when its relative
gradient norm is below this (rounding on badly conditioned data); otherwise J* is refused."""

_PENALTY_HINT = "an L2 penalty (λ > 0) gives a finite optimum"
COMPLETE_SEPARATION = ("complete separation: the classes are linearly separable in the feature "
                       "space, so J keeps falling towards 0 as ‖w‖ grows and there is no finite "
                       f"optimum; {_PENALTY_HINT}")
QUASI_COMPLETE_SEPARATION = (
    "quasi-complete separation: the classes are separable except for points on the separating "
    "boundary, so J keeps falling towards {infimum:.6g} (the loss of those points) as ‖w‖ "
    f"grows and there is no finite optimum; {_PENALTY_HINT}")
SINGLE_CLASS = ("all training points are in one class, so J falls towards 0 as the intercept "
                "b → ±∞ (b is never penalised): there is no finite optimum")
NOT_FINITE = ("the features are not all finite numbers (raw polynomial features of large "
              "values overflow float64): J* cannot be computed")
NO_FINITE_OPTIMUM = COMPLETE_SEPARATION  # the former name


@dataclass(frozen=True)
class Optimum:
    """The result of :func:`find_optimum`.

    Parameters
    ----------
    theta : ndarray of float64, shape (n_features + 1,), or None
        The minimiser (w, b) in the trained units; None when there is none.
    loss : float or None
        J* = J(theta), nats.
    reason : str or None
        Why there is no optimum (None when there is one): names "complete separation",
        "quasi-complete separation" or "one class", or says the search was "cancelled" or
        did not converge.
    gradient_norm : float
        ‖∇J ⊘ c‖ at theta in unit-RMS coordinates (equal to ‖∇J‖ on standardized features, see
        :func:`.stopping.scaled_gradient_norm`): how exact J* is. NaN without theta.
    iterations : int
        Newton iterations used.
    separation : str or None
        ``"complete"``, ``"quasi-complete"`` or None.
    infimum : float or None
        inf J (nats) when there is no finite optimum: 0 under complete separation (or a
        single class), the overlap points' limiting loss under quasi-complete separation.
    direction : ndarray of float64, shape (n_features + 1,), or None
        Under separation, a direction (w, b) in the units of X along which J falls to its
        infimum (every margin (2y − 1)·(X·w + b) ≥ 0); None otherwise. It transforms between
        units like (coef, intercept), e.g. with :meth:`Standardizer.to_original`.
    """

    theta: np.ndarray | None
    loss: float | None
    reason: str | None
    gradient_norm: float = float("nan")
    iterations: int = 0
    separation: str | None = None
    infimum: float | None = None
    direction: np.ndarray | None = None


def separates(theta, X, y):
    """Whether θ classifies every sample strictly correctly (all margins (2y − 1)·z > 0).

    If one θ does, J(c·θ) → 0 as c → ∞ while J > 0 everywhere: the unpenalised objective then
    has no minimiser. Cheap (one matrix–vector product): the trainer may call it every
    iteration. It cannot see quasi-complete separation; :func:`existence` can.

    Parameters
    ----------
    theta : ndarray of float64, shape (n_features + 1,)
    X : ndarray of float64, shape (n_samples, n_features)
    y : ndarray of int, shape (n_samples,)

    Returns
    -------
    bool
    """
    with np.errstate(over="ignore", invalid="ignore"):
        margins = (2 * y - 1) * (X @ theta[:-1] + theta[-1])
    return bool(len(y) and np.all(margins > 0))


def existence(X, y, l2, should_stop=None):
    """None when J has a finite minimiser, else an :class:`Optimum` saying why not.

    Exact (linear programming, :func:`.separation.detect_separation`) and cheap enough to run
    once per change of data or options (about 0.1 s at 100 000 × 27); only the weights with
    λ_j = 0 can grow without bound, so only their columns enter the LP.

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, n_features)
        Trained features (any scaling).
    y : ndarray of int, shape (n_samples,)
    l2 : float ≥ 0 or ndarray of float64 of shape (n_features,)
    should_stop : callable () → bool, optional

    Returns
    -------
    Optimum or None
        ``theta = loss = None``, ``reason`` naming the kind of separation and saying that an L2
        penalty gives a finite optimum, ``separation`` and ``infimum`` set; ``reason =
        "cancelled"`` if `should_stop` said so; a reason (and no separation) when X holds
        inf or NaN.

    References
    ----------
    Albert & Anderson (1984); Konis (2007).
    """
    if not np.all(np.isfinite(X)):
        return Optimum(None, None, NOT_FINITE)
    if has_single_class(y):
        direction = np.zeros(X.shape[1] + 1)
        direction[-1] = 1.0 if y[0] == 1 else -1.0
        return Optimum(None, None, SINGLE_CLASS, separation=COMPLETE, infimum=0.0,
                       direction=direction)
    free = np.broadcast_to(np.asarray(l2, dtype=np.float64), (X.shape[1],)) == 0
    if not free.any():
        return None  # every weight penalised and both classes present: J is coercive
    try:
        found = detect_separation(X[:, free], y, should_stop)
        if not found.separated:
            return None
        direction = np.zeros(X.shape[1] + 1)
        direction[np.append(free, True)] = found.direction
        if found.kind == COMPLETE:
            return Optimum(None, None, COMPLETE_SEPARATION, separation=COMPLETE, infimum=0.0,
                           direction=direction)
        infimum = _overlap_infimum(X, y, l2, found.overlap, should_stop)
    except Cancelled:
        return Optimum(None, None, "cancelled")
    if infimum is None:
        return Optimum(None, None, "cancelled")
    return Optimum(None, None, QUASI_COMPLETE_SEPARATION.format(infimum=infimum),
                   separation=found.kind, infimum=infimum, direction=direction)


def _overlap_infimum(X, y, l2, overlap, should_stop):
    """inf J = (|O|/n)·min J_O: along the recession direction the other points' loss → 0.

    J_O (mean over O, penalty divided by |O|) times |O|/n is Σ_O ℓ_i/n + Σ λ_j w_j²/(2n). The
    overlap points are not separated (by construction), so J_O has a minimum; its Hessian may
    be singular (O lies on a hyperplane), which the damped Newton step handles.
    """
    rows = np.flatnonzero(overlap)
    result = _minimize(X[rows], y[rows], l2, NEWTON_TOL, 100, should_stop)
    if result.status == "cancelled":
        return None
    return float(result.loss * len(rows) / len(y))


def find_optimum(X, y, l2, tol=NEWTON_TOL, max_iterations=100, should_stop=None):
    """J* = min J and its minimiser, by damped Newton steps from θ = 0, or why there is none.

    Existence is decided first and exactly (:func:`existence`); then :func:`newton_update` is
    iterated until the relative gradient test of :func:`.stopping.converged` holds:
    ‖∇J ⊘ c‖ ≤ tol·max(1, J), c_j the RMS of column j of [X, 1] (c = 1 on standardized
    features, where this is ‖∇J‖ ≤ 1e-10·max(1, J) by default). The step is Newton's
    wherever the Hessian is numerically positive definite, so convergence is quadratic and
    J* is exact to rounding (breast cancer, degree 6, λ = 0: 0.204012106… in 12 iterations).

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, n_features)
        Training features, best standardized (the minimum does not depend on the scaling when
        the penalty is carried over, see :meth:`Trainer.optimum`).
    y : ndarray of int, shape (n_samples,)
    l2 : float ≥ 0, or ndarray of float64 of shape (n_features,)
        λ, or one λ_j per weight.
    tol : float > 0
        Relative gradient tolerance (see above).
    max_iterations : int
    should_stop : callable () → bool, optional
        Checked between LPs, before each iteration and before every trial step of the line
        search (so that a cancel takes effect within one objective evaluation, a few ms at
        100 000 × 27); True ends the search with ``reason = "cancelled"``.

    Returns
    -------
    Optimum
        With ``reason`` set when there is no finite optimum (see :func:`existence`), when
        there are no samples, when cancelled, or when the iterations run out (or stall)
        above a relative gradient of 1e-6. A stalled iterate below that is returned as the
        optimum, its ``gradient_norm`` telling how exact it is.

    References
    ----------
    ESL §4.4.1; Nocedal & Wright, *Numerical Optimization*, 2nd ed., §3.4; Albert & Anderson
    (1984) and Konis (2007) on the existence of the maximum-likelihood estimate.
    """
    if len(y) == 0:
        return Optimum(None, None, "there are no training points")
    missing = existence(X, y, l2, should_stop)
    if missing is not None:
        return missing
    result = _minimize(X, y, l2, tol, max_iterations, should_stop)
    if result.status == "cancelled":
        return Optimum(None, None, "cancelled", iterations=result.iterations)
    if result.status == "converged" or converged(result.gradient_norm, result.loss,
                                                 ACCEPTABLE_TOL):
        return Optimum(result.theta, float(result.loss), None, result.gradient_norm,
                       result.iterations)
    return Optimum(None, None, f"Newton's method stopped at a relative gradient of "
                               f"{result.gradient_norm:.2g} after {result.iterations} "
                               f"iterations (above {ACCEPTABLE_TOL:g})",
                   gradient_norm=result.gradient_norm, iterations=result.iterations)


@dataclass(frozen=True)
class _Minimum:
    theta: np.ndarray
    loss: float
    gradient_norm: float
    iterations: int
    status: str  # converged, stationary, max_iterations, overflow or cancelled


def _minimize(X, y, l2, tol, max_iterations, should_stop):
    """Iterate :func:`newton_update` from θ = 0 until the relative gradient test holds."""
    theta = np.zeros(X.shape[1] + 1)
    scale = column_scale(X)
    status = "max_iterations"
    iterations = 0
    for iterations in range(max_iterations + 1):
        loss, gradient = objective(theta, X, y, l2)
        if converged(scaled_gradient_norm(gradient, scale), loss, tol):
            status = "converged"
            break
        if iterations == max_iterations:
            break
        update = newton_update(theta, X, y, l2, should_stop, scale)
        if update.kind in ("cancelled", "stationary", "overflow"):
            status = update.kind
            break
        theta = update.theta
    loss, gradient = objective(theta, X, y, l2)
    return _Minimum(theta, loss, scaled_gradient_norm(gradient, scale), iterations, status)
