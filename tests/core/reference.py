"""Independent reference minima for the accuracy tests and ``benchmarks/accuracy_grid.py``.

scikit-learn (``PolynomialFeatures`` + ``StandardScaler`` + ``LogisticRegression`` with
``newton-cholesky``) gives a first solution; a textbook iteratively reweighted least-squares
Newton method refines it. Neither shares code with ``logreg_gui.core``: the refinement solves
each Newton system as a least-squares problem with ``numpy.linalg.lstsq`` (SVD) on the weighted
design matrix, whose condition number is the square root of the Hessian's.
"""

import warnings
from dataclasses import dataclass

import numpy as np
from scipy.special import expit
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import PolynomialFeatures, StandardScaler


def trained_features(X, degree, standardize):
    """The features the trainer trains on: monomials up to `degree`, standardized or raw."""
    mapped = PolynomialFeatures(degree, include_bias=False).fit_transform(X)
    return StandardScaler().fit_transform(mapped) if standardize else mapped


def objective_value(theta, X, y, l2):
    """J(θ) = mean log(1 + e^(−s·z)) + λ/(2n)·‖w‖², s = 2y − 1, z = X·w + b."""
    z = X @ theta[:-1] + theta[-1]
    signs = 2.0 * y - 1.0
    return float(np.mean(np.logaddexp(0.0, -signs * z))
                 + l2 * float(theta[:-1] @ theta[:-1]) / (2 * len(y)))


def gradient_value(theta, X, y, l2):
    """∇J(θ), shape (n_features + 1,)."""
    z = X @ theta[:-1] + theta[-1]
    residual = expit(z) - y
    n = len(y)
    return np.append(X.T @ residual / n + l2 * theta[:-1] / n, residual.mean())


@dataclass(frozen=True)
class Reference:
    theta: np.ndarray
    loss: float
    gradient_norm: float  # in unit-RMS coordinates (‖∇J‖ on standardized features)
    converged: bool  # whether the refinement reached a relative gradient below 1e-9


def reference_fit(X, y, l2, sklearn_start=True):
    """scikit-learn's minimiser of J refined by :func:`irls_refine` (see the module docstring).

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, n_features)
        The trained features.
    y : ndarray of int, shape (n_samples,)
    l2 : float ≥ 0
    sklearn_start : bool
        Start the refinement from scikit-learn's solution (else from 0).
    """
    theta = np.zeros(X.shape[1] + 1)
    if sklearn_start:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # scikit-learn's own convergence and LAPACK notes
            model = LogisticRegression(C=1 / l2 if l2 else np.inf, solver="newton-cholesky",
                                       tol=1e-12, max_iter=1000).fit(X, y)
        theta = np.append(model.coef_[0], model.intercept_[0])
    return irls_refine(theta, X, y, l2)


def irls_refine(theta, X, y, l2, iterations=200):
    """Newton's method as iteratively reweighted least squares, with step halving."""
    n = len(y)
    scale = np.append(np.sqrt(np.mean(X * X, axis=0)), 1.0)
    scale[scale == 0] = 1.0
    design = np.column_stack([X, np.ones(n)]) / scale  # unit-RMS columns
    ridge = np.append(np.full(X.shape[1], np.sqrt(l2 / n)), 0.0) / scale
    phi = theta * scale
    loss = objective_value(phi / scale, X, y, l2)
    for _ in range(iterations):
        z = design @ phi
        weights = expit(z) * expit(-z)
        root = np.sqrt(weights / n)
        # H = BᵀB and ∇J = Bᵀr with B = [√(w/n)·A; ridge] and r as below.
        B = np.vstack([design * root[:, None], np.diag(ridge)])
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.append(np.where(root > 0, (expit(z) - y) / (n * root), 0.0), ridge * phi)
        step = np.linalg.lstsq(B, r, rcond=None)[0]
        t, improved = 1.0, False
        for _ in range(50):
            trial = phi - t * step
            trial_loss = objective_value(trial / scale, X, y, l2)
            if trial_loss < loss or (trial_loss == loss and t == 1.0):
                phi, improved, loss = trial, True, trial_loss
                break
            t /= 2
        if not improved or np.linalg.norm(t * step) <= 1e-15 * np.linalg.norm(phi):
            break
    theta = phi / scale
    gradient_norm = float(np.linalg.norm(gradient_value(theta, X, y, l2) / scale))
    return Reference(theta, loss, gradient_norm, gradient_norm <= 1e-9 * max(1.0, loss))


def relative_distance(theta, reference, X):
    """‖c ⊙ (θ − θ_ref)‖ / ‖c ⊙ θ_ref‖ with c the RMS of the columns of [X, 1]."""
    scale = np.append(np.sqrt(np.mean(X * X, axis=0)), 1.0)
    scale[scale == 0] = 1.0
    return float(np.linalg.norm((theta - reference) * scale)
                 / np.linalg.norm(reference * scale))
