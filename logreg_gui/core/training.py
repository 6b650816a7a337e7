"""Batch gradient descent on the mean log-loss, advanced a few iterations at a time."""

from dataclasses import dataclass

import numpy as np

from .loss import objective
from .model import LogisticModel
from .scaling import Standardizer

READY, CONVERGED, DIVERGED, EMPTY = "ready", "converged", "diverged", "empty"


@dataclass(frozen=True)
class TrainingState:
    """What the trainer reports after an advance.

    Parameters
    ----------
    iteration : int
        Parameter updates done since the last reset.
    loss : float
        Mean log-loss (nats) at the current parameters; NaN without data.
    accuracy : float
        Fraction correct at threshold 0.5, in [0, 1]; NaN without data.
    gradient_norm : float
        Euclidean norm of ∂J/∂(w, b) in the trained (standardized) units.
    status : str
        ``"ready"``, ``"converged"`` (gradient norm below ``tol``), ``"diverged"`` (an update made
        the loss or a parameter non-finite; the last finite parameters are kept) or ``"empty"``.
    coef_ : ndarray of float64, shape (n_features,)
        Weights in original feature units.
    intercept_ : float
        Bias in original units.
    n_samples : int
        Number of points trained on.
    """

    iteration: int
    loss: float
    accuracy: float
    gradient_norm: float
    status: str
    coef_: np.ndarray
    intercept_: float
    n_samples: int


class Trainer:
    """Batch gradient descent θ ← θ − η·∇J(θ) on J = mean log-loss, θ = (w, b).

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, n_features)
        Features in original units.
    y : ndarray of int, shape (n_samples,)
        Labels in {0, 1}.
    learning_rate : float > 0
        Step size η.
    standardize : bool
        Train on standardized features (coefficients are still reported in original units).
    tol : float
        Convergence threshold on the gradient norm.

    Raises
    ------
    ValueError
        If ``learning_rate`` is not a positive finite number.
    """

    def __init__(self, X, y, learning_rate=0.1, standardize=True, tol=1e-6):
        self.learning_rate = learning_rate
        self.tol = tol
        n_features = np.asarray(X).shape[1]
        self._theta = np.zeros(n_features + 1)
        self.iteration = 0
        self._scaler = None
        self.set_data(X, y, standardize)

    @property
    def learning_rate(self):
        """Step size η (float > 0); setting it clears a 'diverged' status."""
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value):
        if not (np.isfinite(value) and value > 0):
            raise ValueError(f"learning_rate must be a positive number, got {value}")
        self._learning_rate = float(value)
        if getattr(self, "_status", None) == DIVERGED:
            self._status = READY

    @property
    def standardize(self):
        """Whether training runs on standardized features (bool)."""
        return self._standardize

    def set_data(self, X, y, standardize=None):
        """Replace the data, keeping the model (in original units) and the iteration count.

        Parameters
        ----------
        X : ndarray of float64, shape (n_samples, n_features)
        y : ndarray of int, shape (n_samples,)
        standardize : bool or None
            None keeps the current setting.
        """
        coef, intercept = self._original_parameters() if self._scaler else (None, None)
        if standardize is not None:
            self._standardize = bool(standardize)
        X = np.asarray(X, dtype=np.float64)
        self._y = np.asarray(y, dtype=np.int64)
        self._scaler = Standardizer.fit(X, self._standardize)
        self._X = self._scaler.transform(X)
        if coef is not None:
            coef_std, intercept_std = self._scaler.from_original(coef, intercept)
            self._theta = np.append(coef_std, intercept_std)
        self._status = READY
        self._evaluate()

    def reset(self):
        """Set w = 0, b = 0 and the iteration count to 0."""
        self._theta = np.zeros_like(self._theta)
        self.iteration = 0
        self._status = READY
        self._evaluate()

    def advance(self, n_iterations):
        """Perform up to `n_iterations` updates; stop early on convergence or divergence.

        A converged trainer still performs the updates asked for (and converges again at once);
        a diverged or empty one performs none.

        Parameters
        ----------
        n_iterations : int ≥ 0

        Returns
        -------
        ndarray of float64, shape (k,)
            The loss after each of the k ≤ n_iterations updates performed.
        """
        if self._status == CONVERGED:
            self._status = READY  # asked for more: take the steps, then check again
        losses = np.empty(n_iterations)
        done = 0
        while done < n_iterations and self._status == READY:
            previous = self._theta
            self._theta = previous - self._learning_rate * self._gradient
            if not self._evaluate():
                self._theta = previous
                self._evaluate()
                self._status = DIVERGED
                break
            self.iteration += 1
            losses[done] = self._loss
            done += 1
            if self.gradient_norm < self.tol:
                self._status = CONVERGED
        return losses[:done]

    @property
    def status(self):
        """``"ready"``, ``"converged"``, ``"diverged"`` or ``"empty"`` (see :class:`TrainingState`)."""
        return self._status

    @property
    def gradient_norm(self):
        """‖∇J‖ at the current parameters (float, trained units)."""
        return float(np.linalg.norm(self._gradient))

    @property
    def model(self):
        """The current model in original units (:class:`LogisticModel`)."""
        return LogisticModel(*self._original_parameters())

    def state(self):
        """The current :class:`TrainingState`."""
        # The logits, hence the predictions, are the same in trained and original units.
        accuracy = LogisticModel(self._theta[:-1], self._theta[-1]).accuracy(self._X, self._y)
        model = self.model
        return TrainingState(self.iteration, self._loss, accuracy, self.gradient_norm,
                             self._status, model.coef_, model.intercept_, len(self._y))

    def _original_parameters(self):
        return self._scaler.to_original(self._theta[:-1], self._theta[-1])

    def _evaluate(self):
        """Cache loss and gradient at θ; False if anything is non-finite."""
        if len(self._y) == 0:
            self._loss, self._gradient = np.nan, np.zeros_like(self._theta)
            self._status = EMPTY
            return True
        self._loss, self._gradient = objective(self._theta, self._X, self._y)
        return bool(np.isfinite(self._loss) and np.all(np.isfinite(self._gradient))
                    and np.all(np.isfinite(self._theta)))


@dataclass(frozen=True)
class Snapshot:
    """One frame of training for the views: the state plus the losses since the previous frame.

    Parameters
    ----------
    state : TrainingState
    running : bool
        Whether training continues after this frame.
    losses : ndarray of float64, shape (k,)
        The losses of iterations ``state.iteration − k + 1 … state.iteration`` not yet sent.
    new_history : bool
        True when the loss history starts afresh with these losses (at start and after a reset,
        when they begin with the loss before any update).
    learning_rate : float
    """

    state: TrainingState
    running: bool
    losses: np.ndarray
    new_history: bool
    learning_rate: float

    @property
    def status(self):
        """What the user sees: idle, running, paused, converged, diverged or empty."""
        if self.state.status != READY:
            return self.state.status
        if self.running:
            return "running"
        return "idle" if self.state.iteration == 0 else "paused"
