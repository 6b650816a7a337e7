"""The curvature of J at θ: the Hessian's eigenvalues, the condition number and the largest
learning rate for which gradient descent is stable, with a sentence saying why."""

import math
from dataclasses import dataclass

import numpy as np

from logreg_gui.core._math import expit

FLAT = 1e-12  # λ_min ≤ FLAT·λ_max counts as a flat direction (κ = ∞)


def second_derivatives(z, y, loss):
    """d²ℓ/dz² of each sample's loss term at its logit.

    Parameters
    ----------
    z : ndarray of float64, shape (n,)
    y : ndarray of int, shape (n,)
    loss : str
        ``cross_entropy``: σ'(z) = σ(1 − σ); ``mse`` (½(σ − y)²): σ'² + (σ − y)·σ'·(1 − 2σ),
        negative where the squared error is concave.

    Returns
    -------
    ndarray of float64, shape (n,)
    """
    p = expit(z)
    slope = p * (1.0 - p)
    if loss == "mse":
        return slope * slope + (p - y) * slope * (1.0 - 2.0 * p)
    return slope


def hessian_of_chunks(theta, chunks, options):
    """∇²J at θ, summed over blocks of training rows (bounded memory at any n).

    H = Aᵀ·diag(d²ℓ/dz²)·A/n + diag(λ/n, …, λ/n, 0) with A = [X, 1], n the training rows in
    all blocks; the intercept is not penalised (as :func:`logreg_gui.core.loss.objective`).

    Parameters
    ----------
    theta : ndarray of float64, shape (n_features + 1,)
        Trained units.
    chunks : iterable of (X, y)
        X of shape (k, n_features) in the trained units, y of shape (k,).
    options : logreg_gui.core.state.TrainingOptions
        ``loss`` and ``l2`` λ.

    Returns
    -------
    ndarray of float64, shape (n_features + 1, n_features + 1)
        Symmetric; non-finite when θ or the data overflow. Zeros without rows.

    References
    ----------
    ESL §4.4.1 (the log-loss Hessian, IRLS).
    """
    size = len(theta)
    total, n = np.zeros((size, size)), 0
    with np.errstate(over="ignore", invalid="ignore"):
        for X, y in chunks:
            A = np.column_stack([X, np.ones(len(y))])
            weights = second_derivatives(A @ theta, np.asarray(y), options.loss)
            total += (A.T * weights) @ A
            n += len(y)
        if n:
            total /= n
            total[np.arange(size - 1), np.arange(size - 1)] += options.l2 / n
    return total


def hessian_at(theta, X, y, options):
    """∇²J at θ on training features X (shape (n, n_features)) and labels y (shape (n,));
    see :func:`hessian_of_chunks`."""
    return hessian_of_chunks(theta, [(X, y)], options)


@dataclass(frozen=True)
class Curvature:
    """The spectrum of ∇²J at θ and what it means for the learning rate η.

    Parameters
    ----------
    eigenvalues : ndarray of float64, shape (n_parameters,)
        Ascending; in 1/(trained unit)² (J per θ²).
    options : logreg_gui.core.state.TrainingOptions
        The optimizer, η and β they are judged for.
    """

    eigenvalues: np.ndarray
    options: object

    @property
    def largest(self):
        """λ_max (float)."""
        return float(self.eigenvalues[-1])

    @property
    def smallest(self):
        """λ_min (float; negative where J is not convex, e.g. the squared error)."""
        return float(self.eigenvalues[0])

    @property
    def condition(self):
        """κ = λ_max/λ_min (float; inf for a flat or downward-curving direction)."""
        if not self.largest > 0 or self.smallest <= FLAT * self.largest:
            return math.inf
        return self.largest / self.smallest

    @property
    def stable_rate(self):
        """2/λ_max: above it gradient descent overshoots more each step along the steepest
        direction of the local quadratic (float; inf when λ_max ≤ 0)."""
        return 2.0 / self.largest if self.largest > 0 else math.inf

    @property
    def bound(self):
        """(the largest stable η for the optimizer, its formula), or None when η has no such
        bound (Adam: it divides by √v̂; Newton: it uses H itself). Heavy-ball momentum on a
        quadratic is stable for η·λ < 2(1 + β) (Polyak 1964)."""
        optimizer = self.options.optimizer
        if optimizer in ("gd", "sgd"):
            return self.stable_rate, "2/λ_max"
        if optimizer == "momentum":
            return (1.0 + self.options.momentum) * self.stable_rate, "2(1 + β)/λ_max"
        return None

    def verdict(self):
        """One plain sentence on η against the curvature (str)."""
        eta = self.options.learning_rate
        if not np.all(np.isfinite(self.eigenvalues)):
            return "The curvature is not finite here: θ or the data overflow."
        if self.options.optimizer == "newton":
            return ("Newton divides by H itself, so the curvature sets its steps: it needs no "
                    "η, and a large condition number does not slow it.")
        if self.bound is None:
            return (f"Adam divides each coordinate's step by √v̂, so no fixed bound on η "
                    f"applies; plain gradient descent would need η < 2/λ_max = "
                    f"{self.stable_rate:.3g}.")
        limit, formula = self.bound
        if eta > limit:
            return (f"η = {eta:g} is above {formula} = {limit:.3g}: gradient descent will "
                    "overshoot along the steepest direction, each step farther than the last.")
        if self.options.optimizer == "momentum":
            return (f"η = {eta:g} is below {formula} = {limit:.3g}: the heavy ball is stable "
                    "along every direction (it may swing past the minimum and back, each swing "
                    "damped by β).")
        if eta > limit / 2:
            return (f"η = {eta:g} is between half of {formula} and {formula} = {limit:.3g}: "
                    "the steps overshoot along the steepest direction and zig-zag, but the "
                    "zig-zag shrinks.")
        text = f"η = {eta:g} is below half of {formula} = {limit:.3g}: no direction is overshot"
        if self.smallest > 0:
            text += (f"; along the flattest one each step closes only η·λ_min = "
                     f"{eta * self.smallest:.2g} of the gap")
        return text + "."


def curvature(hessian, options):
    """The :class:`Curvature` of a Hessian (shape (k, k), symmetric) under `options`; NaN
    eigenvalues when it is not finite."""
    hessian = np.asarray(hessian, dtype=np.float64)
    if not np.all(np.isfinite(hessian)):
        return Curvature(np.full(len(hessian), np.nan), options)
    return Curvature(np.linalg.eigvalsh(hessian), options)
