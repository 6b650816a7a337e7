"""The linear probability model: least squares of the 0/1 labels on [1, x1, x2].

Shown beside the logistic fit to teach why a straight line is a poor probability model: a point
far from the boundary, even one that is classified correctly, has a huge squared residual and
drags the P = 0.5 line towards itself, while the logistic likelihood barely notices it.
"""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core.geometry import boundary_segment

SINGULAR = ("the least-squares problem is singular: fewer than three points, or the points lie "
            "on one line, so the linear probability model is not unique")


@dataclass(frozen=True)
class LinearProbabilityFit:
    """P̂(y=1|x) = b + w·x, fitted by ordinary least squares to the labels (degree 1).

    Parameters
    ----------
    coef : ndarray of float64, shape (n_features,), or None
        w, probability per unit of each feature.
    intercept : float or None
        b.
    reason : str or None
        Why there is no fit (None when there is one).

    References
    ----------
    Hosmer, Lemeshow & Sturdivant, *Applied Logistic Regression*, 3rd ed., §1.1 (why E(y|x) is
    not linear in x for a binary outcome); Hastie, Tibshirani & Friedman, *The Elements of
    Statistical Learning*, §4.2 (linear regression of an indicator matrix).
    """

    coef: np.ndarray | None
    intercept: float | None
    reason: str | None = None

    def predict(self, X):
        """b + X·w, not confined to [0, 1] (ndarray of float64, shape (n_samples,))."""
        return np.asarray(X, dtype=np.float64) @ self.coef + self.intercept

    def boundary(self):
        """The line where P̂ = 0.5, as (w, c) with w·x + c = 0, c = b − 0.5.

        Returns
        -------
        tuple (ndarray of float64 of shape (n_features,), float), or None
            None when there is no fit or w = 0 (P̂ is the same everywhere).
        """
        if self.reason is not None or not np.any(self.coef):
            return None
        return self.coef, self.intercept - 0.5

    def boundary_segment(self, x_range, y_range):
        """The part of the P̂ = 0.5 line inside a view, as
        :func:`~logreg_gui.core.geometry.boundary_segment` (shape (2, 2) or None)."""
        line = self.boundary()
        return None if line is None else boundary_segment(line[0], line[1], x_range, y_range)


def linear_probability_fit(X, y):
    """Least squares of y on [1, X].

    Parameters
    ----------
    X : array_like of float64, shape (n_samples, n_features)
        Points in original units.
    y : array_like of int, shape (n_samples,)
        Labels in {0, 1}.

    Returns
    -------
    LinearProbabilityFit
        Undefined when [1, X] does not have full column rank (fewer points than coefficients,
        a constant feature, or points on one line).

    Notes
    -----
    Solved on centred columns (the intercept then follows from the means), which keeps the
    problem well conditioned whatever the features' offsets.
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if len(y) <= X.shape[1]:
        return LinearProbabilityFit(None, None, SINGULAR)
    mean_x, mean_y = X.mean(axis=0), y.mean()
    centred = X - mean_x
    coef, _, rank, _ = np.linalg.lstsq(centred, y - mean_y, rcond=None)
    if rank < X.shape[1]:
        return LinearProbabilityFit(None, None, SINGULAR)
    return LinearProbabilityFit(coef, float(mean_y - mean_x @ coef))
