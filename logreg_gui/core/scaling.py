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
        Population standard deviations (ddof = 0); 1 for (near-)constant columns, which are
        therefore left unscaled.
    """

    mean_: np.ndarray
    scale_: np.ndarray

    @classmethod
    def fit(cls, X, enabled=True):
        """Fit to data; with ``enabled=False``, no samples, or values so large that their mean or
        spread overflows, return the identity map.

        Parameters
        ----------
        X : ndarray of float64, shape (n_samples, n_features)
        enabled : bool
        """
        n_features = X.shape[1]
        if not enabled or X.shape[0] == 0:
            return cls(np.zeros(n_features), np.ones(n_features))
        with np.errstate(over="ignore", invalid="ignore"):
            mean = X.mean(axis=0)
            std = X.std(axis=0)
        if not (np.all(np.isfinite(mean)) and np.all(np.isfinite(std))):
            return cls(np.zeros(n_features), np.ones(n_features))  # overflowing data: leave it
        # Rounding leaves a tiny spread in constant columns; treat it as zero like scikit-learn.
        constant = std <= 10 * np.finfo(np.float64).eps * np.maximum(np.abs(mean), 1.0)
        return cls(mean, np.where(constant, 1.0, std))

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
