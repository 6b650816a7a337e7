"""The unpenalised maximum-likelihood fit of the logistic model and the covariance of its estimates.

Everything is solved in standardized coordinates (mapped features centred and scaled, where the
Fisher information is well conditioned) and mapped to original units only at the end, with the
Jacobian of :meth:`~logreg_gui.core.scaling.Standardizer.to_original`. Coefficients here are
ordered **intercept first**, θ = (b, w_1, …, w_p), as in a statistics table, unlike the trainer's
(w, b).
"""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core._math import expit
from logreg_gui.core.features import polynomial_features
from logreg_gui.core.loss import cross_entropy_terms
from logreg_gui.core.optimum import find_optimum
from logreg_gui.core.scaling import Standardizer

# Well-posed tables have condition numbers below ~1e5 (shipped and generated data up to degree
# 6); quasi-complete separation drives it up like e^|z| as Newton chases an infinite optimum
# (1e12 and more), and beyond 1e8 the inverse keeps fewer than 8 of float64's 16 digits.
MAX_CONDITION = 1e8
NO_POINTS = "there are no training points"
ONE_CLASS = ("all training points are of one class, so the likelihood keeps rising as the "
             "intercept grows: there is no finite maximum-likelihood estimate")
OVERFLOW = "the mapped features overflow float64, so the likelihood cannot be evaluated"


def singular_reason(condition):
    """The one-sentence reason for an (almost) singular information matrix (str)."""
    shown = "infinite" if not np.isfinite(condition) else f"{condition:.1e}"
    return (f"the Hessian of the log-likelihood is (nearly) singular (condition number {shown} "
            "in standardized units): features are (nearly) collinear or the classes (nearly) "
            "separable, so standard errors are not defined")


@dataclass(frozen=True)
class MaximumLikelihood:
    """The maximum-likelihood estimate θ̂ of P(y=1|x) = σ(b + φ(x)·w) and its covariance.

    Every array field is None when the estimate is not defined; `reason` then says why.

    Parameters
    ----------
    theta : ndarray of float64, shape (n_output_features + 1,), or None
        θ̂ = (b, w_1, …, w_p) in original units, intercept first.
    covariance : ndarray of float64, shape (n_output_features + 1,) * 2, or None
        (Aᵀ·W·A)⁻¹ with A = [1, φ(X)] and W = diag(p̂(1 − p̂)): the inverse of the Hessian of the
        negative log-likelihood (a sum over points, not a mean), in original units.
    log_likelihood : float or None
        Σ [y·log p̂ + (1 − y)·log(1 − p̂)], in nats (≤ 0).
    X : ndarray of float64, shape (n_samples, n_features)
        The training points, original units (unmapped).
    y : ndarray of int64, shape (n_samples,)
    logits : ndarray of float64, shape (n_samples,), or None
        ẑ_i = b̂ + φ(x_i)·ŵ.
    degree : int
    condition : float or None
        Condition number of the information matrix in standardized units, scaled to a unit
        diagonal (large means nearly singular; above :data:`MAX_CONDITION` it is refused).
    reason : str or None
        Why there is no estimate (None when there is one).

    References
    ----------
    Hosmer, Lemeshow & Sturdivant, *Applied Logistic Regression*, 3rd ed., §1.3 and §2.3
    (the information matrix and the variances of the estimates).
    """

    theta: np.ndarray | None
    covariance: np.ndarray | None
    log_likelihood: float | None
    X: np.ndarray
    y: np.ndarray
    logits: np.ndarray | None
    degree: int
    condition: float | None
    reason: str | None
    _scaler: Standardizer | None = None
    _root: np.ndarray | None = None  # M with covariance = M·Mᵀ in standardized units

    @property
    def defined(self):
        """Whether the estimate exists (bool)."""
        return self.reason is None

    @property
    def probabilities(self):
        """p̂_i = σ(ẑ_i), ndarray of float64 of shape (n_samples,), or None."""
        return None if self.logits is None else expit(self.logits)

    @property
    def weights(self):
        """p̂_i·(1 − p̂_i), the diagonal of W, computed as σ(ẑ)·σ(−ẑ) (no cancellation)."""
        return None if self.logits is None else expit(self.logits) * expit(-self.logits)

    def logit_variance(self, X):
        """Var(ẑ(x)) = aᵀ·Cov·a with a = [1, φ(x)]: the delta method on the logit scale.

        Parameters
        ----------
        X : ndarray of float64, shape (n_points, n_features)
            Points in original units.

        Returns
        -------
        ndarray of float64, shape (n_points,)
            Non-negative (summed squares in standardized units, so rounding cannot make them
            negative).

        Raises
        ------
        ValueError
            If the estimate is not defined (the message gives the reason).
        """
        if not self.defined:
            raise ValueError(f"the maximum-likelihood estimate is not defined: {self.reason}")
        rows = _design(self._scaler.transform(polynomial_features(X, self.degree))) @ self._root
        return np.einsum("ij,ij->i", rows, rows)


def _design(standardized):
    """A = [1, features] (the intercept column first)."""
    return np.column_stack([np.ones(len(standardized)), standardized])


def _undefined(X, y, degree, reason, condition=None):
    return MaximumLikelihood(None, None, None, X, y, None, degree, condition, reason)


def _log_likelihood(A, y, theta):
    return -float(np.sum(cross_entropy_terms(A @ theta, y)))


def _information_root(A, theta):
    """(M, condition): M·Mᵀ = (Aᵀ·W·A)⁻¹, from an eigendecomposition of the information with
    its diagonal scaled to 1 (Jacobi scaling makes the condition number scale-free)."""
    z = A @ theta
    information = (A.T * (expit(z) * expit(-z))) @ A
    diagonal = np.sqrt(np.diag(information))
    if not np.all(diagonal > 0):
        return None, np.inf  # a feature that is constant (or has zero weight everywhere)
    values, vectors = np.linalg.eigh(information / np.outer(diagonal, diagonal))
    if values[0] <= values[-1] / MAX_CONDITION:
        return None, (values[-1] / values[0] if values[0] > 0 else np.inf)
    return vectors / np.sqrt(values) / diagonal[:, None], float(values[-1] / values[0])


def _polish(A, y, theta):
    """One Newton step from a near-optimum θ, kept if it does not lower the likelihood.

    Newton converges quadratically, so one step turns an estimate good to ~1e-6 (the optimum
    search's stopping rule) into one good to rounding."""
    root, _ = _information_root(A, theta)
    if root is None:
        return theta
    score = A.T @ (y - expit(A @ theta))
    candidate = theta + root @ (root.T @ score)
    before, after = _log_likelihood(A, y, theta), _log_likelihood(A, y, candidate)
    return candidate if after >= before - 1e-12 * abs(before) else theta


def _stationary(A, y, theta, tol=1e-8):
    """Whether the mean score ‖Aᵀ(y − p̂)‖/n is below `tol` (standardized units)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return bool(np.linalg.norm(A.T @ (y - expit(A @ theta))) / len(y) < tol)


def maximum_likelihood(X, y, degree=1, start=None):
    """The maximum-likelihood estimate of the unpenalised logistic model on the mapped features.

    Parameters
    ----------
    X : array_like of float64, shape (n_samples, n_features)
        Training points in original units (before the feature map).
    y : array_like of int, shape (n_samples,)
        Labels in {0, 1}.
    degree : int, 1 … 6
        Degree of the polynomial feature map φ.
    start : tuple (coef, intercept), optional
        A known optimum in original units (e.g. the trainer's J* minimiser at λ = 0), refined by
        Newton steps (solved from θ = 0 instead if that does not make the score vanish);
        default: found here by Newton's method from θ = 0.

    Returns
    -------
    MaximumLikelihood
        Undefined (arrays None, `reason` set) when there are no points, one class only, the
        classes are separable in the feature space (no finite optimum), Newton's method fails,
        or the information matrix is singular or has a condition number above
        :data:`MAX_CONDITION` (collinear features, or nearly separable classes).

    Raises
    ------
    ValueError
        If `degree` is not a whole number from 1 to 6.

    References
    ----------
    Hosmer, Lemeshow & Sturdivant, *Applied Logistic Regression*, 3rd ed., §1.2–1.3; Albert &
    Anderson (1984), *Biometrika* 71(1), on the non-existence of the estimate under separation.
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    mapped = polynomial_features(X, degree)
    if len(y) == 0:
        return _undefined(X, y, degree, NO_POINTS)
    if np.all(y == y[0]):
        return _undefined(X, y, degree, ONE_CLASS)
    if not np.all(np.isfinite(mapped)):
        return _undefined(X, y, degree, OVERFLOW)
    scaler = Standardizer.fit(mapped)
    A = _design(scaler.transform(mapped))
    if start is None:
        found = find_optimum(A[:, 1:], y, 0.0)
        if found.theta is None:
            return _undefined(X, y, degree, found.reason)
        theta = np.roll(found.theta, 1)  # the optimum search's (w, b) → (b, w)
    else:
        coef, intercept = scaler.from_original(np.asarray(start[0], dtype=np.float64), start[1])
        theta = _polish(A, y, np.append(intercept, coef))
        if not _stationary(A, y, theta):  # not an optimum after all: solve from scratch
            return maximum_likelihood(X, y, degree)
    theta = _polish(A, y, theta)
    root, condition = _information_root(A, theta)
    if root is None:
        return _undefined(X, y, degree, singular_reason(condition), condition)
    # θ_original = T·θ_standardized (the Jacobian of to_original), so Cov = T·M·(T·M)ᵀ.
    T = np.eye(len(theta))
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        T[0, 1:] = -scaler.mean_ / scaler.scale_
        T[1:, 1:] /= scaler.scale_
        original_root = T @ root
        covariance = original_root @ original_root.T
    if not (np.all(np.isfinite(covariance)) and np.all(np.isfinite(T @ theta))
            and np.all(np.diag(covariance) > 0)):
        return _undefined(X, y, degree, "in these units the standard errors overflow or "
                          "underflow: rescale the features (e.g. other units) for the table",
                          condition)
    return MaximumLikelihood(T @ theta, covariance,
                             _log_likelihood(A, y, theta), X, y, A @ theta, degree, condition,
                             None, scaler, root)
