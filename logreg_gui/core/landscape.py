"""The objective over a grid of (w1, w2) with the intercept held fixed (degree 1 only)."""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core.loss import CROSS_ENTROPY

CHUNK_CELLS = 200_000  # samples × grid cells at once: 1.6 MB blocks stay in cache (fastest)
SAMPLE_LIMIT = 20_000  # grids over more training points average over a sample of this many


@dataclass(frozen=True)
class LandscapeRequest:
    """Which grid to evaluate: J(w1, w2, b = intercept), trained units.

    Parameters
    ----------
    w1_values : ndarray of float64, shape (columns,)
    w2_values : ndarray of float64, shape (rows,)
    intercept : float
    token : int
        Tells the answer to this request from answers to others (it comes back as a copy).
    """

    w1_values: np.ndarray
    w2_values: np.ndarray
    intercept: float
    token: int = 0


def landscape_points(X, y, limit=SAMPLE_LIMIT):
    """The points a landscape grid averages over: all of them, or above `limit` a uniform
    random sample of `limit` (always the same one for the same data).

    A grid costs n × 1 681 evaluations of the loss: over a million points, 17 s of the
    training process's time. The grid is a picture (shading and contours); the mean over
    20 000 random points is within about 1 % of J, which the picture cannot show.

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, 2)
    y : ndarray of int, shape (n_samples,)
    limit : int

    Returns
    -------
    X, y : ndarrays of shapes (m, 2) and (m,), m = min(n_samples, limit)
    """
    n = len(y)
    if n <= limit:
        return X, y
    rows = np.sort(np.random.default_rng(0).choice(n, limit, replace=False))
    return X[rows], y[rows]


def loss_landscape(X, y, intercept, w1_values, w2_values, loss=CROSS_ENTROPY, l2=0.0,
                   should_stop=None, n_samples=None):
    """J(w1, w2, b = intercept) on every grid point, vectorised in bounded chunks.

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, 2)
        Training features as trained on (standardized when that option is on).
    y : ndarray of int, shape (n_samples,)
    intercept : float
        b, held fixed.
    w1_values : ndarray of float64, shape (columns,)
    w2_values : ndarray of float64, shape (rows,)
    loss : logreg_gui.core.loss.Loss
        The mean of its sample losses, plus λ/(2n)·‖w‖².
    l2 : float ≥ 0
    should_stop : callable () → bool, optional
        Checked between chunks; when it returns True the rest of the grid is left NaN.
    n_samples : int, optional
        The n of the penalty λ/(2n)·‖w‖² (default ``len(y)``; the full count when `X` and `y`
        are a :func:`landscape_points` sample).

    Returns
    -------
    ndarray of float64, shape (rows, columns)
        Row i, column j holds J(w1_values[j], w2_values[i]); NaN without samples.
    """
    n = len(y)
    W1, W2 = np.meshgrid(w1_values, w2_values)
    weights = np.column_stack([W1.ravel(), W2.ravel()])
    if n == 0:
        return np.full(W1.shape, np.nan)
    labels = np.asarray(y)[:, None]
    values = np.full(len(weights), np.nan)
    step = max(1, CHUNK_CELLS // n)
    for start in range(0, len(weights), step):
        if should_stop is not None and should_stop():
            break
        block = weights[start:start + step]
        with np.errstate(over="ignore", invalid="ignore"):
            z = X @ block.T + intercept  # (n_samples, cells)
            values[start:start + step] = np.mean(loss.sample_losses(z, labels), axis=0)
    penalty = l2 / (2 * (n_samples or n)) * np.sum(weights * weights, axis=1)
    return (values + penalty).reshape(W1.shape)
