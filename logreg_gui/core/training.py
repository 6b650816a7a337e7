"""The trainer: feature map, standardization and an optimizer, advanced a few iterations at a
time."""

from dataclasses import replace
from functools import partial

import numpy as np

from .features import polynomial_features
from .landscape import loss_landscape
from .loss import OBJECTIVES, log_loss
from .model import LogisticModel
from .optimizers import make_optimizer
from .optimum import Optimum, find_optimum, separates
from .scaling import Standardizer
from .state import (CONVERGED, DIVERGED, EMPTY, NO_OPTIMUM, READY, TrainingOptions,
                    TrainingState)


class Trainer:
    """Minimises J(θ) = mean log-loss + λ/(2n)·‖w‖² over θ = (w, b), a few updates at a time.

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, 2)
        Features in original units.
    y : ndarray of int, shape (n_samples,)
        Labels in {0, 1}.
    test_mask : ndarray of bool, shape (n_samples,), optional
        Points held out from training (their loss and accuracy are reported separately).
    **options
        Fields of :class:`TrainingOptions`.

    Raises
    ------
    ValueError
        If an option is invalid (the message names it).
    """

    def __init__(self, X, y, test_mask=None, **options):
        self._options = TrainingOptions(**options).validated()
        self._optimizer = self._new_optimizer()
        self.iteration = 0
        self._scaler = None
        self._theta = None
        self.set_data(X, y, test_mask)

    # -- configuration ------------------------------------------------------------------------

    @property
    def options(self):
        """The current :class:`TrainingOptions`."""
        return self._options

    @property
    def learning_rate(self):
        """Step size η (float)."""
        return self._options.learning_rate

    @property
    def standardize(self):
        """Whether training runs on standardized features (bool)."""
        return self._options.standardize

    def configure(self, **changes):
        """Change options. A new degree resets θ (and the iteration count) to 0; a new optimizer
        or its settings restart its internal state; everything else keeps θ in original units.

        Raises
        ------
        ValueError
            If a changed option is invalid; nothing changes then.
        """
        new = replace(self._options, **changes).validated()
        old, self._options = self._options, new

        def changed(*names):
            return any(getattr(new, name) != getattr(old, name) for name in names)

        if changed("degree"):
            self._theta = None
            self.iteration = 0
        if changed("optimizer", "batch_size", "momentum", "random_state", "loss", "degree"):
            self._optimizer = self._new_optimizer()
        self._optimizer.learning_rate = new.learning_rate
        if self._status in (DIVERGED, NO_OPTIMUM, CONVERGED):
            self._status = READY
        optimum, key = self._optimum, self._optimum_key
        self.set_data(self._X_raw, self._y_raw, self._test_mask)
        if not changed("degree", "standardize", "l2", "loss"):
            self._optimum, self._optimum_key = optimum, key  # J* depends on these only

    def with_options(self, **changes):
        """A new, untrained Trainer on the same data with some options changed.

        Raises
        ------
        ValueError
            If a changed option is invalid.
        """
        options = vars(replace(self._options, **changes))
        return Trainer(self._X_raw, self._y_raw, self._test_mask, **options)

    def set_data(self, X, y, test_mask=None):
        """Replace the data, keeping the model (in original units) and the iteration count.

        Parameters
        ----------
        X : ndarray of float64, shape (n_samples, 2)
        y : ndarray of int, shape (n_samples,)
        test_mask : ndarray of bool, shape (n_samples,), optional
        """
        original = self._original_parameters() if self._theta is not None else None
        self._X_raw = np.asarray(X, dtype=np.float64)
        self._y_raw = np.asarray(y, dtype=np.int64)
        self._test_mask = (np.zeros(len(self._y_raw), dtype=bool) if test_mask is None
                           else np.asarray(test_mask, dtype=bool))
        mapped = polynomial_features(self._X_raw, self._options.degree)
        train = ~self._test_mask
        self._scaler = Standardizer.fit(mapped[train], self._options.standardize)
        self._X, self._y = self._scaler.transform(mapped[train]), self._y_raw[train]
        self._X_test = self._scaler.transform(mapped[~train])
        self._y_test = self._y_raw[~train]
        if original is None:
            self._theta = np.zeros(mapped.shape[1] + 1)
        else:
            self._theta = np.append(*self._scaler.from_original(*original))
        self._optimum = None
        self._optimum_key = getattr(self, "_optimum_key", 0) + 1
        self._status = READY
        self._evaluate()

    def reset(self):
        """Set w = 0, b = 0, the iteration count to 0 and restart the optimizer."""
        self._theta = np.zeros_like(self._theta)
        self.iteration = 0
        self._optimizer.reset()
        self._status = READY
        self._evaluate()

    # -- training -----------------------------------------------------------------------------

    def advance(self, n_iterations):
        """Perform up to `n_iterations` updates; stop early on convergence or divergence.

        A converged trainer still performs the updates asked for (and converges again at once);
        a diverged, empty or 'no finite optimum' one performs none.

        Parameters
        ----------
        n_iterations : int ≥ 0

        Returns
        -------
        ndarray of float64, shape (k, 2)
            For each of the k ≤ n_iterations updates performed: J on the training points, and
            the mean log-loss on the test points (NaN without a test set).
        """
        if self._status == CONVERGED:
            self._status = READY
        losses = np.empty((n_iterations, 2))
        done = 0
        while done < n_iterations and self._status == READY:
            previous = self._theta
            self._theta = self._optimizer.step(previous, self._X, self._y, self._options.l2,
                                               self._gradient)
            if not self._evaluate():
                self._theta = previous
                self._evaluate()
                self._status = DIVERGED
                break
            self.iteration += 1
            losses[done] = self._loss, self._test_log_loss()
            done += 1
            self._status = self._status_after(previous)
        return losses[:done]

    def _status_after(self, previous):
        if self.gradient_norm < self._options.tol:
            return CONVERGED
        if self._options.optimizer != "newton":
            return READY  # (an SGD batch can give a zero step far from the optimum)
        if np.array_equal(self._theta, previous):
            return CONVERGED  # no Newton step lowers J any more
        if self._options.l2 == 0 and separates(self._theta, self._X, self._y):
            return NO_OPTIMUM
        return READY

    def optimum(self):
        """J* and its minimiser for the current data and options (computed once per change).

        Returns
        -------
        logreg_gui.core.optimum.Optimum
        """
        if self._optimum is None:
            self._optimum = self._find_optimum()
        return self._optimum

    def known_optimum(self):
        """J* if already computed for the current data and options, else None (no work)."""
        return self._optimum

    def optimum_job(self):
        """(key, job): ``job(should_stop)`` computes J* for the current data and options from
        its own references, so it can run on another thread while training goes on; give the
        result to :meth:`store_optimum` with the key."""
        return self._optimum_key, partial(_compute_optimum, self._X, self._y, self._options)

    def store_optimum(self, key, optimum):
        """Keep a J* computed by an :meth:`optimum_job`, unless data or options changed since.

        Returns
        -------
        bool
            Whether it was kept.
        """
        if key != self._optimum_key or optimum.reason == "cancelled":
            return False
        self._optimum = optimum
        return True

    def _find_optimum(self):
        return _compute_optimum(self._X, self._y, self._options)

    def landscape(self, w1_values, w2_values, intercept):
        """The objective over a (w1, w2) grid in trained units, b fixed (degree 1 only).

        Parameters
        ----------
        w1_values : ndarray of float64, shape (columns,)
        w2_values : ndarray of float64, shape (rows,)
        intercept : float

        Returns
        -------
        ndarray of float64, shape (rows, columns)

        Raises
        ------
        ValueError
            If the degree is not 1 (then there are more than two weights).
        """
        return self.landscape_job(w1_values, w2_values, intercept)()

    def landscape_job(self, w1_values, w2_values, intercept):
        """A function computing :meth:`landscape` from its own references (for another thread).

        Raises
        ------
        ValueError
            If the degree is not 1.
        """
        if self._options.degree != 1:
            raise ValueError(f"the landscape needs degree 1, got {self._options.degree}")
        return partial(loss_landscape, self._X, self._y, intercept, w1_values, w2_values,
                       self._options.loss, self._options.l2)

    # -- reporting ----------------------------------------------------------------------------

    @property
    def status(self):
        """See :class:`TrainingState`."""
        return self._status

    @property
    def gradient_norm(self):
        """‖∇J‖ at the current parameters (float, trained units; inf when it overflows)."""
        with np.errstate(over="ignore"):
            return float(np.linalg.norm(self._gradient))

    @property
    def model(self):
        """The current model in original units (:class:`LogisticModel`)."""
        coef, intercept = self._original_parameters()
        return LogisticModel(coef, intercept, self._options.degree)

    def state(self):
        """The current :class:`TrainingState`."""
        trained = LogisticModel(self._theta[:-1], self._theta[-1])  # same logits as the model
        model = self.model
        epoch = getattr(self._optimizer, "epochs_completed", self.iteration)
        return TrainingState(
            self.iteration, epoch, self._loss, self._log_loss(self._X, self._y),
            trained.accuracy(self._X, self._y), self._test_log_loss(),
            trained.accuracy(self._X_test, self._y_test), self.gradient_norm, self._status,
            model.coef_, model.intercept_, len(self._y), self._theta.copy(),
            self._gradient.copy())

    def _new_optimizer(self):
        o = self._options
        return make_optimizer(o.optimizer, o.learning_rate, o.batch_size, o.momentum,
                              o.random_state, OBJECTIVES[o.loss])

    def _original_parameters(self):
        return self._scaler.to_original(self._theta[:-1], self._theta[-1])

    def _log_loss(self, X, y):
        with np.errstate(over="ignore", invalid="ignore"):
            return log_loss(X @ self._theta[:-1] + self._theta[-1], y)

    def _test_log_loss(self):
        return self._log_loss(self._X_test, self._y_test)

    def _evaluate(self):
        """Cache J and ∇J at θ; False if anything is non-finite."""
        if len(self._y) == 0:
            self._loss, self._gradient = np.nan, np.zeros_like(self._theta)
            self._status = EMPTY
            return True
        objective = OBJECTIVES[self._options.loss]
        self._loss, self._gradient = objective(self._theta, self._X, self._y, self._options.l2)
        return bool(np.isfinite(self._loss) and np.all(np.isfinite(self._gradient))
                    and np.all(np.isfinite(self._theta)))


def _compute_optimum(X, y, options, should_stop=None):
    """J* of the objective on trained features X (shape (n, p)) under `options`."""
    if options.loss != "cross_entropy":
        return Optimum(None, None, "J* is computed for the cross-entropy only (the squared "
                                   "error is not convex)")
    # Newton is solved in standardized coordinates even for raw training (raw polynomial
    # features are too badly conditioned); the penalty on raw weights w_j = v_j / s_j becomes
    # λ/s_j² on the standardized ones, so J* is the same.
    scaler = Standardizer.fit(X)
    found = find_optimum(scaler.transform(X), y, options.l2 / scaler.scale_ ** 2,
                         should_stop=should_stop)
    if found.theta is None:
        return found
    return Optimum(np.append(*scaler.to_original(found.theta[:-1], found.theta[-1])),
                   found.loss, None)
