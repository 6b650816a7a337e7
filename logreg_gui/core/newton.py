"""One damped Newton step on J, robust to ill-conditioning and to the scale of the features.

J(θ) = mean log-loss + Σ_j λ_j·w_j²/(2n) over θ = (w, b) (see :func:`.loss.objective`).
"""

from dataclasses import dataclass, replace

import numpy as np

from logreg_gui.core._math import expit
from logreg_gui.core.loss import objective
from logreg_gui.core.stopping import column_scale


@dataclass(frozen=True)
class NewtonUpdate:
    """The result of :func:`newton_update`.

    Parameters
    ----------
    theta : ndarray of float64, shape (n_features + 1,)
        The new parameters (the old ones when ``kind`` is ``stationary``, ``overflow`` or
        ``cancelled``).
    loss : float
        J at the new θ (λ-inclusive, nats).
    kind : str
        ``newton`` (undamped Newton direction), ``damped`` (Levenberg–Marquardt direction),
        ``stationary`` (no direction lowers J or ‖∇J‖ measurably: θ is optimal to working
        precision), ``overflow`` (J, ∇J or H is not finite at θ) or ``cancelled``.
    decrement : float
        ∇Jᵀ·d for the direction d used: for an undamped step the squared Newton decrement
        ∇JᵀH⁻¹∇J, twice the predicted J − J*. NaN when no direction was computed.
    step_size : float
        The accepted t in θ − t·d (0 when θ did not move).
    damping : float
        μ of the accepted direction (relative to the unit diagonal of the Jacobi-scaled
        Hessian; 0 for a Newton step).
    """

    theta: np.ndarray
    loss: float
    kind: str
    decrement: float = float("nan")
    step_size: float = 0.0
    damping: float = 0.0

    @property
    def moved(self):
        """Whether θ changed (bool)."""
        return self.step_size > 0


# μ tried in turn (unit-diagonal system): pure Newton, then ever more gradient-like directions.
DAMPING_LADDER = (0.0, 1e-14, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1.0, 1e2, 1e4)
# The smallest pivot² accepted in the Cholesky factor of the unit-diagonal Gram matrix (below
# it the QR factorisation is used), and the smallest |R_jj| accepted in the QR factor (relative
# to the largest; below it the system is singular to working precision and is damped instead).
MIN_PIVOT = 1e-12
MIN_R_DIAGONAL = 1e-14
ARMIJO = 1e-4
MAX_HALVINGS = 60


def newton_update(theta, X, y, l2, should_stop=None, scale=None):
    """One damped Newton–Cholesky step with a backtracking (Armijo) line search.

    The system H·d = ∇J is scaled to unit-RMS coordinates and then Jacobi-scaled (unit
    diagonal), and solved by Cholesky; when the Gram matrix is singular to working precision,
    by the QR factorisation of the weighted design matrix instead, whose condition number is
    the square root of the Hessian's (nothing is truncated). The undamped Newton direction is
    tried first; when both factorisations are singular to working precision, or the line
    search finds no acceptable step, the
    Levenberg–Marquardt system (D⁻¹HD⁻¹ + μI) is solved for μ from :data:`DAMPING_LADDER`,
    which turns the direction continuously into the Jacobi-scaled gradient. Every quantity is
    relative, so the iterates do not depend on the units of the features (a column scaled by
    10⁸ gives the same steps, its weight scaled by 10⁻⁸).

    A trial step θ − t·d (t = 1, ½, ¼, …) is accepted when it satisfies the Armijo condition
    J(θ − t·d) ≤ J(θ) − 10⁻⁴·t·∇Jᵀd; once the predicted decrease t·∇Jᵀd is below the rounding
    error of J, a decrease of J is as likely noise as progress, and the step is accepted
    instead when J rises by no more than its rounding error while the gradient (in unit-RMS
    coordinates) shrinks: near the optimum the gradient, not J, still tells better from
    worse. Halving stops there.

    Parameters
    ----------
    theta : ndarray of float64, shape (n_features + 1,)
        θ = (w, b) in the trained units.
    X : ndarray of float64, shape (n_samples, n_features)
    y : ndarray of int, shape (n_samples,)
        Labels in {0, 1}.
    l2 : float ≥ 0 or ndarray of float64 of shape (n_features,)
        λ, or one λ_j per weight.
    should_stop : callable () → bool, optional
        Checked before the Hessian and before every trial step; True ends the update with
        ``kind = "cancelled"`` and θ unchanged.
    scale : ndarray of float64, shape (n_features + 1,), optional
        :func:`~logreg_gui.core.stopping.column_scale` of X (computed when omitted).

    Returns
    -------
    NewtonUpdate
        ``kind = "stationary"`` (θ unchanged) only when no direction on the ladder, the last
        being the scaled gradient, lowers J or ‖∇J‖ beyond rounding error.

    References
    ----------
    ESL §4.4.1 (Newton–Raphson for the log-likelihood); Nocedal & Wright, *Numerical
    Optimization*, 2nd ed., §3.1 (backtracking, Armijo) and §3.4 (Newton with Hessian
    modification); Moré (1978), "The Levenberg–Marquardt algorithm: implementation and
    theory", Lecture Notes in Mathematics 630 (scaled damping).
    """
    scale = column_scale(X) if scale is None else scale
    loss, gradient = objective(theta, X, y, l2)
    if not (np.isfinite(loss) and np.all(np.isfinite(gradient))):
        return NewtonUpdate(theta, loss, "overflow")
    if _cancelled(should_stop):
        return NewtonUpdate(theta, loss, "cancelled")
    system = _NewtonSystem(theta, X, y, l2, scale)
    if not system.finite:
        return NewtonUpdate(theta, loss, "overflow")
    noise = _rounding_error(theta, loss, system.residual, scale)
    search = _LineSearch(theta, X, y, l2, loss, gradient, scale, noise, should_stop)
    for damping in DAMPING_LADDER:
        direction = system.direction(gradient, damping)
        if direction is None:
            continue  # singular to working precision at this μ: damp more
        result = search.along(direction)
        if result is not None:
            kind = "newton" if damping == 0 else "damped"
            return replace(result, kind=kind, damping=damping)
        if search.cancelled:
            return NewtonUpdate(theta, loss, "cancelled")
    return NewtonUpdate(theta, loss, "stationary")


class _NewtonSystem:
    """The Jacobi-scaled Newton system at θ, solved for any damping μ.

    H = BᵀB with B = [A·diag(√(σ(z)σ(−z)/n)); diag(√(λ_j/n))], A = [X, 1]. The columns of B
    are first divided by c (the RMS of the columns of A), then scaled to unit norm (D⁻¹, so
    that the system matrix D⁻¹C⁻¹HC⁻¹D⁻¹ has unit diagonal). The weights σ(z)·σ(−z) are
    p(1 − p) without the cancellation of 1 − p for confident points.

    Two factorisations: Cholesky of B̂ᵀB̂ + μI (fast, n·p² flops for the product), and, when
    that is singular to working precision, the QR factorisation B̂ = QR followed by the QR of
    the (2p × p) stack [R; √μ·I] (Moré 1978). QR works on B̂, whose condition number is the
    square root of the Hessian's, so the undamped Newton step remains available on badly
    conditioned problems (degree-6 features, nearly separated classes) where Cholesky of H
    would have to be damped.
    """

    def __init__(self, theta, X, y, l2, scale):
        n, p = X.shape
        penalty = np.broadcast_to(np.asarray(l2, dtype=np.float64), (p,)) / n
        penalised = np.flatnonzero(penalty > 0)
        with np.errstate(over="ignore", invalid="ignore"):
            z = X @ theta[:-1] + theta[-1]
            root = np.sqrt(expit(z) * expit(-z) / n)
            self.residual = expit(z) - y
            # B in unit-RMS coordinates (columns divided by c first, so that features of any
            # magnitude give entries of order √(p(1 − p)/n), never overflowing or underflowing).
            B = np.zeros((n + len(penalised), p + 1))
            np.multiply(X, 1.0 / scale[:p], out=B[:n, :p])
            B[:n, :p] *= root[:, None]
            B[:n, p] = root
            B[n + np.arange(len(penalised)), penalised] = (np.sqrt(penalty[penalised])
                                                           / scale[penalised])
            gram = B.T @ B  # = C⁻¹HC⁻¹
        self.finite = bool(np.all(np.isfinite(gram)))
        if not self.finite:
            return
        self.jacobi = _jacobi_scale(np.diag(gram))  # in unit-RMS coordinates
        self.gram = gram / np.outer(self.jacobi, self.jacobi)
        self.scale = scale
        self._B = B
        self._R = None

    def direction(self, gradient, damping):
        """d with (H + μ·D²)·d = ∇J, or None when singular to working precision."""
        rhs = gradient / self.scale / self.jacobi
        solution = _cholesky_solve(self.gram + damping * np.eye(len(rhs)), rhs)
        if solution is None:
            solution = self._qr_solve(rhs, damping)
        if solution is None or not np.all(np.isfinite(solution)):
            return None
        return solution / self.jacobi / self.scale

    def _qr_solve(self, rhs, damping):
        if self._R is None:
            self._B /= self.jacobi
            self._R = np.linalg.qr(self._B, mode="r")
        R = self._R
        if damping > 0:
            R = np.linalg.qr(np.vstack([R, np.sqrt(damping) * np.eye(len(rhs))]), mode="r")
        diagonal = np.abs(np.diag(R))
        if not diagonal.min() > MIN_R_DIAGONAL * diagonal.max():
            return None
        return _triangular_solve(R, _triangular_solve(R, rhs, trans="T"))


def _jacobi_scale(curvature):
    """√diag(C⁻¹HC⁻¹), floored at 1e-10 of the largest (curvatures of unit-RMS coordinates).

    A weight whose curvature vanishes (a column whose points all have σ(z) ≈ 0 or 1, or an
    all-zero column) gets the floor, so D stays invertible and the damped system reduces to
    a scaled gradient step along it.
    """
    peak = float(np.max(curvature))
    if not peak > 0:
        return np.ones_like(curvature)  # no curvature at all (every σ saturated)
    return np.sqrt(np.maximum(curvature, 1e-20 * peak))


def _cholesky_solve(matrix, rhs):
    """Solve matrix·x = rhs by Cholesky; None if not positive definite to working precision."""
    try:
        factor = np.linalg.cholesky(matrix)
    except np.linalg.LinAlgError:
        return None
    pivots = np.diag(factor) ** 2
    if not pivots.min() > MIN_PIVOT * pivots.max():
        return None  # rounding in the Gram matrix would dominate the step
    return _triangular_solve(factor, _triangular_solve(factor, rhs, lower=True), lower=True,
                             trans="T")


def _triangular_solve(matrix, rhs, **options):
    """scipy.linalg.solve_triangular, imported on first use: loading SciPy adds about a second
    to the window's start, and only training (in its own process) needs it."""
    from scipy.linalg import solve_triangular

    return solve_triangular(matrix, rhs, **options)


class _LineSearch:
    """Backtracking along θ − t·d from one θ (J, ∇J and J's rounding error computed once)."""

    def __init__(self, theta, X, y, l2, loss, gradient, scale, noise, should_stop):
        self.theta, self.X, self.y, self.l2 = theta, X, y, l2
        self.loss, self.gradient, self.scale = loss, gradient, scale
        self.noise, self.should_stop = noise, should_stop
        self.cancelled = False
        self.gradient_norm = _norm(gradient / scale)

    def along(self, direction):
        """The first acceptable NewtonUpdate θ − t·d, or None (see :func:`newton_update`)."""
        with np.errstate(over="ignore", invalid="ignore"):
            slope = float(self.gradient @ direction)
        if not (np.isfinite(slope) and slope > 0):
            return None  # not a descent direction (rounding in a singular system)
        step = 1.0
        for _ in range(MAX_HALVINGS):
            if _cancelled(self.should_stop):
                self.cancelled = True
                return None
            candidate = self.theta - step * direction
            loss, gradient = objective(candidate, self.X, self.y, self.l2)
            if self._acceptable(loss, gradient, step * slope):
                return NewtonUpdate(candidate, loss, "newton", slope, step)
            if step * slope < self.noise:
                return None  # smaller steps cannot lower J measurably
            step /= 2
        return None

    def _acceptable(self, loss, gradient, predicted):
        if not (np.isfinite(loss) and np.all(np.isfinite(gradient))):
            return False
        if predicted > self.noise:
            return loss <= self.loss - ARMIJO * predicted
        # J flat to rounding (a decrease is as likely noise as progress): accept if J did not
        # measurably rise and the gradient shrank.
        return (loss <= self.loss + self.noise
                and _norm(gradient / self.scale) < self.gradient_norm)


def _rounding_error(theta, loss, residual, scale):
    """A bound on the rounding error of J(θ), in nats.

    Each loss term errs by about |∂ℓ/∂z|·|δz| = |σ(z) − y|·|δz|, and z = X·w + b errs by up to
    ε·(|X|·|w| + |b|), which is large when monomials of raw features cancel. By Cauchy–Schwarz
    the mean of the products is at most RMS(σ(z) − y)·(Σ_j c_j·|w_j| + |b|), c_j the RMS of
    column j: 8·ε·(J + that) without another pass over X.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        spread = float(np.sqrt(np.mean(residual * residual))) * float(np.abs(theta) @ scale)
        bound = 8 * np.finfo(np.float64).eps * (abs(loss) + spread)
    return bound if np.isfinite(bound) else float("inf")


def _cancelled(should_stop):
    return should_stop is not None and bool(should_stop())


def _norm(vector):
    """‖vector‖; inf (without a warning) when it overflows."""
    with np.errstate(over="ignore", invalid="ignore"):
        value = float(np.linalg.norm(vector))
    return value if np.isfinite(value) else float("inf")
