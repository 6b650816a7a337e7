"""The fitted model, with scikit-learn's names."""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core._math import expit
from logreg_gui.core.features import polynomial_features


@dataclass(frozen=True)
class LogisticModel:
    """A binary logistic-regression model P(y=1 | x) = σ(φ(x)·coef_ + intercept_).

    Parameters
    ----------
    coef_ : ndarray of float64, shape (n_output_features,)
        Weights w of the mapped features φ(x), in original units.
    intercept_ : float
        Bias b.
    degree : int, 1 … 6
        Degree of the polynomial feature map φ (1: φ(x) = x).
    """

    coef_: np.ndarray
    intercept_: float
    degree: int = 1
    classes_ = np.array([0, 1])

    @property
    def is_planar(self):
        """Whether the model has exactly two raw weights (degree 1 on two features): a straight
        boundary, a weight vector and a 2-D loss landscape (bool)."""
        return self.degree == 1 and len(self.coef_) == 2

    def decision_function(self, X):
        """Logits z = φ(X)·w + b.

        Parameters
        ----------
        X : ndarray of float64, shape (n_samples, n_features)

        Returns
        -------
        ndarray of float64, shape (n_samples,)
            May be ±inf (without a warning) when parameters or inputs are astronomically large.
        """
        with np.errstate(over="ignore", invalid="ignore"):
            return polynomial_features(X, self.degree) @ self.coef_ + self.intercept_

    def predict_proba(self, X):
        """Class probabilities [P(y=0|x), P(y=1|x)].

        Parameters
        ----------
        X : ndarray of float64, shape (n_samples, n_features)

        Returns
        -------
        ndarray of float64, shape (n_samples, 2)
            Rows sum to 1.
        """
        p = expit(self.decision_function(X))
        return np.column_stack([1.0 - p, p])

    def predict(self, X):
        """Predicted class at threshold 0.5 (z > 0 → class 1, as scikit-learn).

        Parameters
        ----------
        X : ndarray of float64, shape (n_samples, n_features)

        Returns
        -------
        ndarray of int64, shape (n_samples,)
        """
        return (self.decision_function(X) > 0).astype(np.int64)

    def accuracy(self, X, y):
        """Fraction of correctly predicted samples, in [0, 1]; NaN when there are none.

        Parameters
        ----------
        X : ndarray of float64, shape (n_samples, n_features)
        y : ndarray of int, shape (n_samples,)
        """
        if len(y) == 0:
            return float("nan")
        return float(np.mean(self.predict(X) == y))
