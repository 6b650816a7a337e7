"""The records that training passes around: options, state and snapshots."""

from dataclasses import dataclass

import numpy as np

from .features import MAX_DEGREE
from .loss import OBJECTIVES
from .optimizers import NAMES

READY, CONVERGED, DIVERGED, EMPTY = "ready", "converged", "diverged", "empty"
NO_OPTIMUM = "no finite optimum"


@dataclass(frozen=True)
class TrainingOptions:
    """Everything that defines how the model is trained.

    Parameters
    ----------
    learning_rate : float > 0
        Step size η (not used by ``newton``).
    standardize : bool
        Train on standardized features (population std of the training rows; constant columns
        are left unscaled). Coefficients are always reported in original units.
    l2 : float ≥ 0
        λ in J = mean log-loss + λ/(2n)·‖w‖² (w in the trained units; b is not penalised).
    degree : int, 1 … 6
        Degree of the polynomial feature map φ.
    optimizer : str
        ``gd``, ``sgd``, ``momentum``, ``adam`` or ``newton``.
    batch_size : int ≥ 1
        Mini-batch size of ``sgd`` (capped at the number of training points).
    momentum : float in [0, 1)
        β of ``momentum``.
    random_state : int
        Seed of the ``sgd`` shuffling.
    tol : float > 0
        Convergence threshold on ‖∇J‖.
    loss : str
        ``cross_entropy`` (the mean log-loss, default) or ``mse`` (½·mean((σ(z) − y)²), for
        comparison; not with ``newton``).
    """

    learning_rate: float = 0.1
    standardize: bool = True
    l2: float = 0.0
    degree: int = 1
    optimizer: str = "gd"
    batch_size: int = 32
    momentum: float = 0.9
    random_state: int = 0
    tol: float = 1e-6
    loss: str = "cross_entropy"

    def validated(self):
        """Return self, or raise ValueError naming the first invalid option and its value."""
        checks = [
            ("learning_rate", np.isfinite(self.learning_rate) and self.learning_rate > 0,
             "a positive number"),
            ("l2", np.isfinite(self.l2) and self.l2 >= 0, "a non-negative number"),
            ("degree", int(self.degree) == self.degree and 1 <= self.degree <= MAX_DEGREE,
             f"a whole number from 1 to {MAX_DEGREE}"),
            ("optimizer", self.optimizer in NAMES, f"one of {', '.join(NAMES)}"),
            ("batch_size", int(self.batch_size) == self.batch_size and self.batch_size >= 1,
             "a whole number ≥ 1"),
            ("momentum", 0 <= self.momentum < 1, "in [0, 1)"),
            ("tol", self.tol > 0, "positive"),
            ("loss", self.loss in OBJECTIVES, f"one of {', '.join(OBJECTIVES)}"),
            ("optimizer", self.optimizer != "newton" or self.loss == "cross_entropy",
             "not newton with the mse loss (its Hessian is not positive definite)"),
        ]
        for name, ok, wanted in checks:
            if not ok:
                raise ValueError(f"{name} must be {wanted}, got {getattr(self, name)!r}")
        return self


@dataclass(frozen=True)
class TrainingState:
    """What the trainer reports after an advance.

    Parameters
    ----------
    iteration : int
        Parameter updates done since the last reset.
    epoch : int
        Completed passes over the training points (equals `iteration` for full-batch methods).
    loss : float
        The objective J (mean log-loss, or ½·mean squared error with ``loss="mse"``, plus the
        penalty) on the training points; NaN without data.
    log_loss : float
        The mean log-loss alone on the training points.
    accuracy : float
        Fraction of training points correct at threshold 0.5; NaN without data.
    test_loss, test_accuracy : float
        The same on the test points; NaN without a test set.
    gradient_norm : float
        ‖∂J/∂(w, b)‖ in the trained (standardized) units.
    status : str
        ``"ready"``; ``"converged"`` (‖∇J‖ < tol, or no update lowers J); ``"diverged"`` (an
        update made J or θ non-finite: the last finite θ is kept); ``"no finite optimum"``
        (Newton with λ = 0 has separated the classes); ``"empty"`` (no training points).
    coef_ : ndarray of float64, shape (n_features,)
        Weights of the mapped features φ(x) in original units.
    intercept_ : float
    n_samples : int
        Training points.
    theta : ndarray of float64, shape (n_features + 1,)
        (w, b) in the trained (standardized) units.
    gradient : ndarray of float64, shape (n_features + 1,)
        ∇J at `theta`, trained units.
    """

    iteration: int
    epoch: int
    loss: float
    log_loss: float
    accuracy: float
    test_loss: float
    test_accuracy: float
    gradient_norm: float
    status: str
    coef_: np.ndarray
    intercept_: float
    n_samples: int
    theta: np.ndarray
    gradient: np.ndarray


@dataclass(frozen=True)
class Snapshot:
    """One frame of training for the views: the state plus the losses since the previous frame.

    Parameters
    ----------
    state : TrainingState
    running : bool
        Whether training continues after this frame.
    losses : ndarray of float64, shape (k, 3)
        Training J, test log-loss and the side-by-side run's J (the other loss; NaN when off) of
        iterations ``state.iteration − k + 1 … state.iteration`` not yet sent.
    new_history : bool
        True when the loss history starts afresh with these losses (at start, after a reset or
        a new degree, when they begin with the loss before any update).
    options : TrainingOptions
    optimum : logreg_gui.core.optimum.Optimum or None
        J* for the current data and options, when known.
    """

    state: TrainingState
    running: bool
    losses: np.ndarray
    new_history: bool
    options: TrainingOptions
    optimum: object = None

    @property
    def learning_rate(self):
        """The learning rate in use (float)."""
        return self.options.learning_rate

    @property
    def status(self):
        """What the user sees: idle, running, paused, converged, diverged, no finite optimum or
        empty."""
        if self.state.status != READY:
            return self.state.status
        if self.running:
            return "running"
        return "idle" if self.state.iteration == 0 else "paused"
