"""Standardization of features and the mapping of coefficients between scaled and original units."""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Standardizer:
    """Affine map x ↦ (x − mean_) / scale_, as scikit-learn's ``StandardScaler``.

    Parameters
    ----------
    mean_ : ndarray of float64, shape (n_features,)
    scale_ : ndarray of float64, shape (n_features,)
        Population standard deviations (ddof = 0); 1 for constant columns (see :meth:`fit`),
        which are therefore left unscaled.
    """

    mean_: np.ndarray
    scale_: np.ndarray

    CONSTANT_RTOL = 1e-12
    """A column is constant when its std is at most this fraction of its largest magnitude."""

    @classmethod
    def fit(cls, X, enabled=True):
        """Fit to data; with ``enabled=False``, no samples, or non-finite values, return the
        identity map.

        Parameters
        ----------
        X : ndarray of float64, shape (n_samples, n_features)
            Any finite values, in any units: 1e-300 and 1e300 are standardized alike.
        enabled : bool

        Returns
        -------
        Standardizer

        Notes
        -----
        A column counts as constant, and keeps scale 1, when std ≤ 1e-12 · max|x| (this covers
        all-equal columns, whose computed std is rounding of order 1e-16 · |x|, and all-zero
        columns). The threshold is relative to the column's own magnitude, never absolute, so
        that features in tiny units (e.g. 1e-15 tesla) are standardized like any other.
        Mean and std are computed on the column divided by its largest magnitude, so they
        neither overflow nor underflow for any finite input.
        """
        n_features = X.shape[1]
        identity = cls(np.zeros(n_features), np.ones(n_features))
        if not enabled or X.shape[0] == 0:
            return identity
        peak = np.max(np.abs(X), axis=0)
        if not np.all(np.isfinite(peak)):
            return identity  # inf or NaN in the data: nothing meaningful to fit
        unit = np.where(peak > 0, peak, 1.0)
        unit_free = X / unit  # in [−1, 1]: its mean and std cannot overflow
        mean = unit_free.mean(axis=0) * unit
        std = unit_free.std(axis=0) * unit
        constant = std <= cls.CONSTANT_RTOL * peak
        return cls(mean, np.where(constant, 1.0, std))

    def standardized_penalty(self, l2):
        """λ_j = λ/s_j²: the penalty on standardized weights v_j = w_j·s_j that equals λ·‖w‖².

        Parameters
        ----------
        l2 : float ≥ 0
            λ on the weights in original units.

        Returns
        -------
        ndarray of float64, shape (n_features,)
            All zeros when λ = 0 (whatever the scales, without 0/0); capped at 1e300 when s_j
            is so small that λ/s_j² overflows (the weight is then held at 0).
        """
        if l2 == 0:
            return np.zeros_like(self.scale_)
        with np.errstate(over="ignore", divide="ignore"):  # s_j² may underflow to 0
            return np.minimum(l2 / self.scale_**2, 1e300)

    def transform(self, X):
        """Standardized copy of X, shape (n_samples, n_features), float64."""
        return (np.asarray(X, dtype=np.float64) - self.mean_) / self.scale_

    def to_original(self, coef, intercept):
        """Map (w, b) fitted on standardized features to original units.

        z = w·(x − μ)/s + b = (w/s)·x + (b − Σ w·μ/s).

        Parameters
        ----------
        coef : ndarray of float64, shape (n_features,)
        intercept : float

        Returns
        -------
        coef : ndarray of float64, shape (n_features,)
        intercept : float
        """
        original = coef / self.scale_
        return original, float(intercept - original @ self.mean_)

    def from_original(self, coef, intercept):
        """Inverse of :meth:`to_original`: (w, b) in original units → standardized units."""
        return coef * self.scale_, float(intercept + coef @ self.mean_)
