"""After each update: does training go on, or has it converged, started diverging, or shown
that there is no finite optimum?"""

import math

import numpy as np

from logreg_gui.core.divergence import DivergenceMonitor
from logreg_gui.core.optimum import separates
from logreg_gui.core.state import CONVERGED, DIVERGING, NO_OPTIMUM, READY
from logreg_gui.core.stopping import (COEFFICIENT_RTOL, NEWTON_TOL, column_scale, converged,
                                      distance_to_optimum)

DISTANCE_CHECK_EVERY = 100  # iterations between Newton checks of the distance to θ*


def safe_norm(vector):
    """‖vector‖ (float): inf when an entry is not finite, and no overflow when the entries are
    finite but huge (raw features near 1e200). Call it under
    ``np.errstate(over="ignore", invalid="ignore")``."""
    square = float(vector @ vector)
    if math.isfinite(square):
        return math.sqrt(square)
    return math.hypot(*vector) if np.isfinite(vector).all() else math.inf


class Judge:
    """The trainer's status after each update, for one problem (data and options).

    * diverging: :class:`~logreg_gui.core.divergence.DivergenceMonitor` says so;
    * no finite optimum: λ = 0 and the classes are separated (Newton's iterate separates them,
      or J*'s computation found complete or quasi-complete separation) once the gradient is
      small;
    * converged (see :mod:`logreg_gui.core.stopping`): the scale-free gradient test at `tol`;
      then for Newton ‖∇J‖ ≤ min(tol, 1e-10)·max(1, J) or a stationary step, and for
      first-order methods a Newton estimate of the distance to θ* ≤ 0.1 %.

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, n_output_features)
        The trained features.
    y : ndarray of int, shape (n_samples,)
    options : logreg_gui.core.state.TrainingOptions

    Attributes
    ----------
    options : logreg_gui.core.state.TrainingOptions
        The options judged by (the optimizer and tol may change without new data).
    """

    def __init__(self, X, y, options):
        self._X, self._y, self.options = X, y, options
        self._scale = column_scale(X)
        self._inverse_scale = 1 / self._scale
        self._monitor = None
        self._checked_at = -DISTANCE_CHECK_EVERY

    def watch(self, loss):
        """Judge afresh from a state whose objective is `loss` (NaN: nothing to watch)."""
        self._monitor = DivergenceMonitor(loss) if math.isfinite(loss) else None
        self._checked_at = -DISTANCE_CHECK_EVERY

    def verdict(self, theta, loss, gradient, iteration, newton_update, optimum):
        """The status after an update to θ (trained units) with J = `loss` and ∇J = `gradient`;
        `newton_update`: Newton's last :class:`~logreg_gui.core.newton.NewtonUpdate` (None for
        other optimizers); `optimum`: J* when known (or None)."""
        if self._monitor is not None and self._monitor.update(loss):
            return DIVERGING
        newton = self.options.optimizer == "newton"
        if newton and self.options.l2 == 0 and separates(theta, self._X, self._y):
            return NO_OPTIMUM  # complete separation, seen on the iterate itself
        norm = safe_norm(gradient * self._inverse_scale)
        if not norm <= self.options.tol * max(1.0, abs(loss)):  # stopping.converged, inlined
            return READY
        if optimum is not None and optimum.loss is None and optimum.separation is not None:
            return NO_OPTIMUM
        if newton:
            return CONVERGED if _newton_done(newton_update, norm, loss, self.options.tol) \
                else READY
        return CONVERGED if self._near_optimum(theta, gradient, iteration) else READY

    def _near_optimum(self, theta, gradient, iteration):
        """Whether θ is within 0.1 % of θ* (at most one Newton estimate every 100 iterations):
        a small gradient alone can sit far from θ* along weakly curved directions."""
        if iteration - self._checked_at < DISTANCE_CHECK_EVERY:
            return False
        self._checked_at = iteration
        distance = distance_to_optimum(theta, self._X, self._y, self.options.l2, gradient,
                                       self._scale)
        return distance <= COEFFICIENT_RTOL


def _newton_done(update, gradient_norm, loss, tol):
    """Newton has converged: it cannot move any more, or its gradient is within the tight
    tolerance and the predicted J − J* (half the Newton decrement) is below 1e-12 of J, so that
    tiny optima (J* near 1e-8 on nearly separable data) are still reached to 1e-6 of J*."""
    if update.kind == "stationary":
        return True
    tight = converged(gradient_norm, loss, min(tol, NEWTON_TOL))
    decrement = update.decrement if math.isfinite(update.decrement) else math.inf
    return tight and abs(decrement) / 2 <= 1e-12 * abs(loss)
