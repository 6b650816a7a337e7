"""Everything the statistics views need about one problem (data, degree, λ, scaling, loss),
computed once: the coefficient table, each point's influence and the linear probability model."""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core._math import expit
from logreg_gui.core.features import polynomial_features
from logreg_gui.core.influence import Influence, influence
from logreg_gui.core.likelihood import maximum_likelihood
from logreg_gui.core.linear_probability import LinearProbabilityFit, linear_probability_fit
from logreg_gui.core.scaling import Standardizer
from logreg_gui.core.statistics import (NOT_LOG_LOSS, PENALISED, FitStatistics,
                                        coefficient_names, table_of)

STALE_TOL = 1e-4
"""A J* minimiser whose mean score on the data (standardized units) exceeds this belongs to
other data: the window's points changed before the training process answered."""


@dataclass(frozen=True)
class Diagnostics:
    """The coefficient table, influence and least-squares fit of one problem.

    Parameters
    ----------
    statistics : logreg_gui.core.statistics.FitStatistics
        Defined for λ = 0, the cross-entropy and a finite optimum; else its reason says why.
    influence : logreg_gui.core.influence.Influence
        Of the training points (in their order), or undefined with the table's reason.
    leverage, cooks_distance : ndarray of float64, shape (n_samples,)
        h_i and D_i of every point of the dataset; NaN for test points (not in the fit) and
        everywhere when the table is undefined.
    linear_probability : logreg_gui.core.linear_probability.LinearProbabilityFit
        Least squares of the training labels on [1, x1, x2] (whatever the degree).
    """

    statistics: FitStatistics
    influence: Influence
    leverage: np.ndarray
    cooks_distance: np.ndarray
    linear_probability: LinearProbabilityFit


def _start(X, y, options, optimum):
    """J*'s minimiser in original units when it is a stationary point of the likelihood of
    (X, y); None when it belongs to other data (stale)."""
    mapped = polynomial_features(X, options.degree)
    if len(optimum.theta) != mapped.shape[1] + 1:
        return None
    trained = Standardizer.fit(mapped, options.standardize)
    coef, intercept = trained.to_original(optimum.theta[:-1], optimum.theta[-1])
    scaled = Standardizer.fit(mapped)  # the score is judged in standardized units
    w, b = scaled.from_original(coef, intercept)
    with np.errstate(over="ignore", invalid="ignore"):
        residual = y - expit(scaled.transform(mapped) @ w + b)
        score = np.append(scaled.transform(mapped).T @ residual, residual.sum()) / len(y)
    return (coef, intercept) if np.linalg.norm(score) < STALE_TOL else None


def _table(X, y, options, names, optimum):
    """The FitStatistics of the problem, or None when `optimum` is stale."""
    if options.l2 > 0:
        return FitStatistics(names, n_samples=len(y), reason=PENALISED.format(options.l2))
    if not options.criterion.convex:
        return FitStatistics(names, n_samples=len(y), reason=NOT_LOG_LOSS)
    start = None
    if optimum.theta is not None:
        start = _start(X, y, options, optimum)
        if start is None:
            return None
    # Without a finite J* the fit finds (and names) the separation itself, from θ = 0.
    return table_of(maximum_likelihood(X, y, options.degree, start), names)


def _per_point(values, train):
    """Values of the training points spread over the whole dataset, NaN elsewhere."""
    spread = np.full(len(train), np.nan)
    if values is not None:
        spread[train] = values
    return spread


def diagnose(dataset, options, optimum):
    """The :class:`Diagnostics` of training `options` on `dataset`.

    Parameters
    ----------
    dataset : logreg_gui.core.data.Dataset
        Its training points (outside ``test_mask``) are fitted.
    options : logreg_gui.core.state.TrainingOptions
        Degree, λ, standardize and loss are used.
    optimum : logreg_gui.core.optimum.Optimum
        The trainer's J* of this problem (trained units): its minimiser starts the
        maximum-likelihood fit, so the fit costs a Newton step or two.

    Returns
    -------
    Diagnostics or None
        None when `optimum` belongs to other data (its minimiser is not stationary here):
        wait for the J* of these data.
    """
    train = ~dataset.test_mask
    X, y = dataset.X[train], dataset.y[train]
    names = tuple(coefficient_names(dataset.feature_names, options.degree))
    table = _table(X, y, options, names, optimum)
    if table is None:
        return None
    found = influence(table.fit) if table.fit is not None else Influence(None, None, None,
                                                                          table.reason)
    return Diagnostics(table, found, _per_point(found.leverage, train),
                       _per_point(found.cooks_distance, train), linear_probability_fit(X, y))


def undiagnosed(dataset, options, reason):
    """:class:`Diagnostics` saying only why nothing could be computed (e.g. an error)."""
    names = tuple(coefficient_names(dataset.feature_names, options.degree))
    train = ~dataset.test_mask
    nothing = np.full(dataset.n_samples, np.nan)
    return Diagnostics(FitStatistics(names, n_samples=int(train.sum()), reason=reason),
                       Influence(None, None, None, reason), nothing, nothing.copy(),
                       LinearProbabilityFit(None, None, reason))
