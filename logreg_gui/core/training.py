"""The trainer: feature map, standardization and an optimizer, advanced a few iterations at a
time."""

import math
from dataclasses import fields, replace

import numpy as np

from logreg_gui.core.features import polynomial_features
from logreg_gui.core.loss import log_loss
from logreg_gui.core.model import LogisticModel
from logreg_gui.core.optimizers import make_optimizer
from logreg_gui.core.jstar import OptimumCache
from logreg_gui.core.judge import Judge, safe_norm
from logreg_gui.core.scaling import Standardizer
from logreg_gui.core.state import (CONVERGED, DIVERGED, DIVERGING, EMPTY, NO_OPTIMUM, READY,
                                   TrainingOptions, TrainingState)

RESUMABLE = {CONVERGED, DIVERGING, NO_OPTIMUM}  # Play goes on from these

# Which options require what when they change (everything else, e.g. η or tol, is only stored).
_NEW_OPTIMIZER = {"optimizer", "batch_size", "momentum", "random_state", "loss", "degree"}
_NEW_FEATURES = {"degree", "standardize"}
_NEW_OPTIMUM = {"degree", "standardize", "l2", "loss"}
_NEW_OBJECTIVE = {"l2", "loss"}


class Trainer:
    """Minimises J(θ) = mean loss + λ/(2n)·‖w‖² over θ = (w, b), a few updates at a time.

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
        self._theta = None
        self.optima = OptimumCache()  # J* of the current problem, when known
        self.set_data(X, y, test_mask)

    @property
    def options(self):
        """The current :class:`TrainingOptions`."""
        return self._options

    @property
    def features(self):
        """(X, y) as trained on: X of shape (n_train, n_output_features), mapped and scaled;
        y of shape (n_train,). Read-only arrays."""
        return self._X, self._y

    def configure(self, options=None, **changes):
        """Train with `options` (default: the current ones) with `changes` applied, doing only
        what the changed fields require.

        A new η or tol is only stored; a new optimizer, batch size, β, seed or loss restarts the
        optimizer's state; a new degree maps the features again and restarts from θ = 0 (and
        iteration 0); standardizing on or off rescales the features and keeps the model in
        original units. A stopped state (converged, diverged, no finite optimum) is cleared.

        Parameters
        ----------
        options : TrainingOptions, optional
        **changes
            Fields of :class:`TrainingOptions`.

        Raises
        ------
        ValueError
            If an option is invalid; nothing changes then.
        """
        new = replace(options or self._options, **changes).validated()
        changed = {field.name for field in fields(new)
                   if getattr(new, field.name) != getattr(self._options, field.name)}
        self._options = new
        if not changed:
            return
        if changed & _NEW_OPTIMIZER:
            self._optimizer = self._new_optimizer()
        self._optimizer.learning_rate = new.learning_rate
        if "degree" in changed:
            self._theta = None
            self.iteration = 0
        if changed & _NEW_FEATURES:
            self._map_features()
        elif changed & _NEW_OBJECTIVE:
            self._prepare_objective()
        self._judge.options = new  # the optimizer and tol decide what counts as done
        if changed & _NEW_OPTIMUM:
            self.optima.forget()
        self._status = READY
        self._refresh()

    def set_data(self, X, y, test_mask=None):
        """Replace the data, keeping the model (in original units) and the iteration count.

        Parameters
        ----------
        X : ndarray of float64, shape (n_samples, 2)
        y : ndarray of int, shape (n_samples,)
        test_mask : ndarray of bool, shape (n_samples,), optional
        """
        self._X_raw = np.asarray(X, dtype=np.float64)
        self._y_raw = np.asarray(y, dtype=np.int64)
        self._test_mask = (np.zeros(len(self._y_raw), dtype=bool) if test_mask is None
                           else np.asarray(test_mask, dtype=bool))
        self._map_features()
        self.optima.forget()
        self._status = READY
        self._refresh()

    def _map_features(self):
        """φ(X) of the training and test points, scaled; θ carried over in original units."""
        original = self._original_parameters() if self._theta is not None else None
        mapped = polynomial_features(self._X_raw, self._options.degree)
        train = ~self._test_mask
        self._scaler = Standardizer.fit(mapped[train], self._options.standardize)
        self._X, self._y = self._scaler.transform(mapped[train]), self._y_raw[train]
        self._X_test = self._scaler.transform(mapped[~train])
        self._y_test = self._y_raw[~train]
        for array in (self._X, self._y):
            array.flags.writeable = False
        self._prepare_objective()
        if original is None:
            self._theta = np.zeros(mapped.shape[1] + 1)
        else:
            self._theta = np.append(*self._scaler.from_original(*original))

    def start_from(self, theta, iteration=None):
        """Continue from θ = (w, b) in the trained units, restarting the optimizer's state.

        Parameters
        ----------
        theta : array_like of float64, shape (n_output_features + 1,)
        iteration : int ≥ 0, optional
            The iteration count from here on (default: unchanged).

        Raises
        ------
        ValueError
            If `theta` has the wrong shape or a value that is not finite.
        """
        theta = np.array(theta, dtype=np.float64)
        if theta.shape != self._theta.shape or not np.all(np.isfinite(theta)):
            raise ValueError(f"theta must be {len(self._theta)} finite numbers, got {theta}")
        self._theta = theta
        self.iteration = self.iteration if iteration is None else int(iteration)
        self._optimizer.reset()
        self._status = READY
        self._refresh()

    def reset(self):
        """Set w = 0, b = 0, the iteration count to 0 and restart the optimizer."""
        self.start_from(np.zeros_like(self._theta), 0)

    def advance(self, n_iterations):
        """Perform up to `n_iterations` updates; stop early on convergence or divergence.

        A converged, diverging or 'no finite optimum' trainer goes on as asked (judged afresh
        from here); a diverged or empty one performs none.

        Parameters
        ----------
        n_iterations : int ≥ 0

        Returns
        -------
        ndarray of float64, shape (k, 2)
            For each of the k ≤ n_iterations updates performed: J on the training points, and
            the mean log-loss on the test points (NaN without a test set).
        """
        if self._status in RESUMABLE:
            self._status = READY
            self._watch()  # a diverging run the user continues is judged from here on
        losses = np.full((n_iterations, 2), np.nan)
        done = 0
        # Overflow means the parameters diverged: it is reported from the values, not warned.
        with np.errstate(over="ignore", invalid="ignore"):
            while done < n_iterations and self._status == READY:
                previous = self._theta
                self._theta = self._optimizer.step(previous, self._X, self._y,
                                                   self._options.l2, self._gradient)
                if not self._evaluate():
                    self._theta = previous
                    self._evaluate()
                    self._status = DIVERGED
                    break
                self.iteration += 1
                losses[done, 0] = self._loss
                if self._has_test:
                    losses[done, 1] = self._test_log_loss()
                done += 1
                update = getattr(self._optimizer, "last_update", None)  # Newton's
                self._status = self._judge.verdict(self._theta, self._loss, self._gradient,
                                                   self.iteration, update, self.optima.known)
        return losses[:done]

    def _watch(self):
        """Judge divergence and convergence afresh from the current state."""
        self._judge.watch(self._loss if len(self._y) else math.nan)

    def optimum(self):
        """J* and its minimiser for the current data and options, a
        :class:`~logreg_gui.core.optimum.Optimum` (computed once per change)."""
        return self.optima.get(self._X, self._y, self._options)

    def optimum_job(self):
        """(key, job) computing J* of the current problem on another thread; see
        :meth:`~logreg_gui.core.jstar.OptimumCache.job`."""
        return self.optima.job(self._X, self._y, self._options)

    @property
    def status(self):
        """See :class:`TrainingState`."""
        return self._status

    @property
    def gradient_norm(self):
        """‖∇J‖ at the current parameters (float, trained units; inf when it overflows)."""
        return self._gradient_norm

    @property
    def model(self):
        """The current model in original units (:class:`LogisticModel`)."""
        return LogisticModel(*self._original_parameters(), self._options.degree)

    def state(self, statistics=True):
        """The current :class:`TrainingState`; without `statistics` its log-loss and accuracy
        (training and test) are NaN: they cost a pass over every point, as much as an update
        of full-batch gradient descent."""
        model = self.model
        epoch = getattr(self._optimizer, "epochs_completed", self.iteration)
        fits = ((*self._fit(self._X, self._y), *self._fit(self._X_test, self._y_test))
                if statistics else (math.nan,) * 4)
        return TrainingState(
            self.iteration, epoch, self._loss, *fits, self.gradient_norm, self._status,
            model.coef_, model.intercept_, len(self._y), self._theta.copy(),
            self._gradient.copy(), self._optimizer.state())

    def _new_optimizer(self):
        o = self._options
        return make_optimizer(o.optimizer, o.learning_rate, o.batch_size, o.momentum,
                              o.random_state, o.criterion.objective)

    def _original_parameters(self):
        return self._scaler.to_original(self._theta[:-1], self._theta[-1])

    def _logits(self, X):
        with np.errstate(over="ignore", invalid="ignore"):
            return X @ self._theta[:-1] + self._theta[-1]

    def _fit(self, X, y):
        """Log-loss and accuracy (class 1 where z > 0, as ``LogisticModel.predict``) of θ on
        (X, y), from one product: a snapshot of a million points pays one pass, not four."""
        z = self._logits(X)
        return (log_loss(z, y), float(np.mean((z > 0) == y))) if len(y) else (math.nan,) * 2

    def _test_log_loss(self):
        return log_loss(self._logits(self._X_test), self._y_test)

    def _prepare_objective(self):
        options = self._options
        self._objective = options.criterion.evaluator(self._X, self._y, options.l2)
        self._judge = Judge(self._X, self._y, options)
        self._has_test = len(self._y_test) > 0

    def _refresh(self):
        """J and ∇J at θ after a change, and divergence and convergence judged afresh."""
        with np.errstate(over="ignore", invalid="ignore"):
            self._evaluate()
        self._watch()

    def _evaluate(self):
        """Cache J, ∇J and ‖∇J‖ at θ; False if any is non-finite. Call it under
        ``np.errstate(over="ignore", invalid="ignore")``: overflow is reported, not warned."""
        if len(self._y) == 0:
            self._loss, self._gradient = np.nan, np.zeros_like(self._theta)
            self._gradient_norm = 0.0
            self._status = EMPTY
            return True
        self._loss, self._gradient = self._objective(self._theta)
        self._gradient_norm = safe_norm(self._gradient)
        # An infinite θ can still give a finite J (σ saturates): check θ itself (one sum).
        return (math.isfinite(self._loss) and math.isfinite(self._gradient_norm)
                and math.isfinite(float(self._theta.sum())))
