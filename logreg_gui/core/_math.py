"""Numerically stable logistic functions."""

import numpy as np


def expit(z):
    """Logistic sigmoid σ(z) = 1 / (1 + e^(−z)), without overflow.

    Parameters
    ----------
    z : array_like of float64, any shape
        Logits (dimensionless).

    Returns
    -------
    ndarray of float64, same shape as `z`
        Values in [0, 1]; exactly 0 or 1 only where the true value rounds to it.

    Notes
    -----
    ``exp`` is only evaluated at −|z| ≤ 0, so it can underflow to 0 but never overflow.
    """
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def log1pexp(z):
    """log(1 + e^z), computed as ``logaddexp(0, z)`` so that it never overflows.

    Parameters
    ----------
    z : array_like of float64, any shape

    Returns
    -------
    ndarray of float64, same shape as `z`
        Non-negative values; ≈ z for large z and ≈ e^z for very negative z.
    """
    return np.logaddexp(0.0, np.asarray(z, dtype=np.float64))
