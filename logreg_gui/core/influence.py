"""How much each training point steers the maximum-likelihood fit: leverage and Cook's distance."""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Influence:
    """Leverage and Cook's distance of every training point, or None with the reason.

    Parameters
    ----------
    leverage : ndarray of float64, shape (n_samples,), or None
        h_i, the diagonal of the hat matrix H = W^½·A·(AᵀWA)⁻¹·AᵀW^½; in [0, 1], summing to the
        number of coefficients k.
    cooks_distance : ndarray of float64, shape (n_samples,), or None
        D_i = r_i²·h_i / (k·(1 − h_i)²), with r_i the Pearson residual; ≥ 0, ``inf`` where
        h_i rounds to 1.
    pearson_residuals : ndarray of float64, shape (n_samples,), or None
        r_i = (y_i − p̂_i) / √(p̂_i(1 − p̂_i)).
    reason : str or None
        Why the numbers are None.

    References
    ----------
    Pregibon (1981), "Logistic regression diagnostics", *Annals of Statistics* 9(4), 705–724;
    Hosmer, Lemeshow & Sturdivant, *Applied Logistic Regression*, 3rd ed., §5.3; Cook (1977).
    """

    leverage: np.ndarray | None
    cooks_distance: np.ndarray | None
    pearson_residuals: np.ndarray | None
    reason: str | None


def influence(fit):
    """Leverage and Cook's distance of the training points of a maximum-likelihood fit.

    Parameters
    ----------
    fit : logreg_gui.core.likelihood.MaximumLikelihood

    Returns
    -------
    Influence
        Undefined, with the fit's reason, when the fit is.

    Notes
    -----
    h_i = w_i·Var(ẑ_i) with w_i = p̂_i(1 − p̂_i), which is the hat diagonal written with the
    covariance the fit already holds. The squared Pearson residual is computed as e^(−m_i) with
    the margin m_i = (2y_i − 1)·ẑ_i (for y = 1, (1 − p)²/(p(1 − p)) = (1 − p)/p = e^(−z)), which
    keeps full relative precision where p̂ rounds to 0 or 1 and subtracting y − p̂ would not.
    """
    if not fit.defined:
        return Influence(None, None, None, fit.reason)
    margins = (2 * fit.y - 1) * fit.logits
    leverage = fit.weights * fit.logit_variance(fit.X)
    # e^(−m) beyond float64, or h = 1: inf (honest limits, not errors).
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        squared = np.exp(-margins)
        cooks = squared * leverage / (len(fit.theta) * (1 - leverage) ** 2)
        pearson = (2 * fit.y - 1) * np.sqrt(squared)  # y − p̂ has the sign of 2y − 1
    return Influence(leverage, cooks, pearson, None)
