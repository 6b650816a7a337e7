"""How well the predicted probabilities match observed frequencies: Brier score and reliability."""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core.roc import checked

NO_POINTS = "there are no points to compare predictions with"


def brier_score(y, probabilities):
    """Mean squared difference between probability and outcome, mean((P − y)²).

    Parameters
    ----------
    y : array_like of int, shape (n_samples,)
        Labels in {0, 1}.
    probabilities : array_like of float64, shape (n_samples,)
        P(y = 1 | x), in [0, 1].

    Returns
    -------
    float or None
        In [0, 1] (0 is perfect, 0.25 is always saying ½); None without points.

    Raises
    ------
    ValueError
        See :func:`~logreg_gui.core.roc.checked`.

    References
    ----------
    Brier (1950), "Verification of forecasts expressed in terms of probability", *Monthly
    Weather Review* 78(1), 1–3.
    """
    y, probabilities = checked(y, probabilities)
    if len(y) == 0:
        return None
    return float(np.mean((probabilities - y) ** 2))


@dataclass(frozen=True)
class Reliability:
    """A reliability diagram: per bin of predicted probability, the observed frequency of class 1.

    Only bins holding points are listed (as scikit-learn's ``calibration_curve``).

    Parameters
    ----------
    bin_low, bin_high : ndarray of float64, shape (n_bins_used,), or None
        Edges of each bin: a probability belongs to (low, high], the first bin being [0, high].
    mean_predicted : ndarray of float64, shape (n_bins_used,), or None
        Mean P in the bin.
    observed_frequency : ndarray of float64, shape (n_bins_used,), or None
        Fraction of the bin's points that are class 1. A calibrated model has it ≈ mean_predicted.
    count : ndarray of int64, shape (n_bins_used,), or None
        Points in the bin (≥ 1).
    reason : str or None
        Why there is no diagram (no points).

    References
    ----------
    Murphy & Winkler (1977), "Reliability of subjective probability forecasts", *Applied
    Statistics* 26(1); Niculescu-Mizil & Caruana (2005), "Predicting good probabilities with
    supervised learning", ICML.
    """

    bin_low: np.ndarray | None
    bin_high: np.ndarray | None
    mean_predicted: np.ndarray | None
    observed_frequency: np.ndarray | None
    count: np.ndarray | None
    reason: str | None = None


def reliability_diagram(y, probabilities, n_bins=10):
    """Bin the probabilities into `n_bins` equal-width bins of [0, 1] and compare.

    Parameters
    ----------
    y : array_like of int, shape (n_samples,)
    probabilities : array_like of float64, shape (n_samples,)
        In [0, 1].
    n_bins : int ≥ 1

    Returns
    -------
    Reliability

    Raises
    ------
    ValueError
        If `n_bins` is not a whole number ≥ 1, or see :func:`~logreg_gui.core.roc.checked`.
    """
    if not (isinstance(n_bins, (int, np.integer)) and n_bins >= 1):
        raise ValueError(f"n_bins must be a whole number of at least 1, got {n_bins!r}")
    y, probabilities = checked(y, probabilities)
    if len(y) == 0:
        return Reliability(None, None, None, None, None, NO_POINTS)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    bins = np.searchsorted(edges[1:-1], probabilities)  # a point on an edge joins the lower bin
    count = np.bincount(bins, minlength=n_bins)
    used = count > 0
    total = np.bincount(bins, weights=probabilities, minlength=n_bins)[used]
    ones = np.bincount(bins, weights=y, minlength=n_bins)[used]
    return Reliability(edges[:-1][used], edges[1:][used], total / count[used],
                       ones / count[used], count[used])
