"""J* of a training problem, cached per data and options, computable on another thread."""

from dataclasses import replace
from functools import partial

import numpy as np

from logreg_gui.core.optimum import Optimum, find_optimum
from logreg_gui.core.scaling import Standardizer


def optimum_of(X, y, options, should_stop=None):
    """J* of the objective on the trained features under `options`.

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, n_output_features)
        The features as trained on (mapped; standardized or raw).
    y : ndarray of int, shape (n_samples,)
    options : logreg_gui.core.state.TrainingOptions
    should_stop : callable () → bool, optional
        Cancels the computation (reason ``"cancelled"``).

    Returns
    -------
    logreg_gui.core.optimum.Optimum
        θ* in the same (trained) units as X.
    """
    if not options.criterion.convex:
        return Optimum(None, None, f"J* is computed for convex losses only (the "
                                   f"{options.criterion.label} is not convex)")
    # Solved in standardized coordinates even for raw training (raw polynomial features are too
    # badly conditioned); the penalty on raw weights w_j = v_j / s_j becomes λ/s_j² on the
    # standardized ones, so J* is the same.
    scaler = Standardizer.fit(X)
    found = find_optimum(scaler.transform(X), y, scaler.standardized_penalty(options.l2),
                         should_stop=should_stop)
    return replace(found, theta=_trained_units(scaler, found.theta),
                   direction=_trained_units(scaler, found.direction))


def _trained_units(scaler, vector):
    """(w, b) of the standardized problem in the units of X (None stays None)."""
    if vector is None:
        return None
    return np.append(*scaler.to_original(vector[:-1], vector[-1]))


class OptimumCache:
    """The J* of the current problem, or None until it is known; :meth:`forget` whenever the
    data or an option that J* depends on changes.

    Attributes
    ----------
    known : Optimum or None
    """

    def __init__(self):
        self.known = None
        self._key = 0

    def forget(self):
        """The problem changed: drop J* (and ignore jobs started before)."""
        self.known = None
        self._key += 1

    def get(self, X, y, options):
        """J* of the problem (see :func:`optimum_of`), computed now unless known."""
        if self.known is None:
            self.known = optimum_of(X, y, options)
        return self.known

    def job(self, X, y, options):
        """(key, job): ``job(should_stop)`` computes J* from its own references, so it can run
        on another thread while training goes on; give its result to :meth:`store`."""
        return self._key, partial(optimum_of, X, y, options)

    def store(self, key, optimum):
        """Keep a J* computed by a :meth:`job`, unless the problem changed since.

        Returns
        -------
        bool
            Whether it was kept.
        """
        if key != self._key or optimum.reason == "cancelled":
            return False
        self.known = optimum
        return True
