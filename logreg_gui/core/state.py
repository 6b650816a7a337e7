"""The records that training passes around: options, state and snapshots."""

from dataclasses import dataclass, field, fields, replace

import numpy as np

from logreg_gui.core.loss import LOSSES
from logreg_gui.core.parameters import PARAMETERS

READY, CONVERGED, DIVERGED, EMPTY = "ready", "converged", "diverged", "empty"
DIVERGING = "diverging"
MAX_RUNS = 3  # comparison runs beside the main one: four at most
LOSS_COLUMNS = 2 + MAX_RUNS  # J, test log-loss, then each comparison run's J
RUN_FIELDS = {"optimizer", "learning_rate", "momentum", "batch_size", "loss", "random_state"}
NO_OPTIMUM = "no finite optimum"


def _default(name):
    return PARAMETERS[name].default


@dataclass(frozen=True)
class TrainingOptions:
    """Everything that defines how the model is trained (limits and defaults: see
    :data:`~logreg_gui.core.parameters.PARAMETERS`).

    Parameters
    ----------
    learning_rate : float, 1e-6 … 1000
        Step size η (not used by ``newton``).
    standardize : bool
        Train on standardized features (population std of the training rows; constant columns
        are left unscaled). Coefficients are always reported in original units.
    l2 : float, 0 … 1e6
        λ in J = mean loss + λ/(2n)·‖w‖² (w in the trained units; b is not penalised).
    degree : int, 1 … 6
        Degree of the polynomial feature map φ.
    optimizer : str
        ``gd``, ``sgd``, ``momentum``, ``adam`` or ``newton``.
    batch_size : int ≥ 1
        Mini-batch size of ``sgd`` (capped at the number of training points).
    momentum : float in [0, 1)
        β of ``momentum``.
    random_state : int, 0 … 2³² − 1
        Seed of the ``sgd`` shuffling.
    tol : float > 0
        Convergence threshold on ‖∇J‖.
    loss : str
        ``cross_entropy`` (the mean log-loss, default) or ``mse`` (½·mean((σ(z) − y)²), for
        comparison; not with ``newton``).
    """

    learning_rate: float = _default("learning_rate")
    standardize: bool = _default("standardize")
    l2: float = _default("l2")
    degree: int = _default("degree")
    optimizer: str = _default("optimizer")
    batch_size: int = _default("batch_size")
    momentum: float = _default("momentum")
    random_state: int = _default("random_state")
    tol: float = _default("tol")
    loss: str = _default("loss")

    @property
    def summary(self):
        """How it trains in a few words, e.g. 'momentum, η = 0.1, β = 0.9' (str)."""
        text = f"{self.optimizer}, η = {self.learning_rate:g}"
        if self.optimizer == "newton":
            text = "newton"
        elif self.optimizer == "momentum":
            text += f", β = {self.momentum:g}"
        elif self.optimizer == "sgd":
            text += f", B = {self.batch_size}"
        return text if self.loss == "cross_entropy" else f"{text}, {self.criterion.short}"

    @property
    def criterion(self):
        """The :class:`~logreg_gui.core.loss.Loss` minimised."""
        return LOSSES[self.loss]

    def validated(self):
        """Self with every value converted to its parameter's type.

        Raises
        ------
        ValueError
            Naming the first invalid option, what it must be and its value.
        """
        values = {field.name: PARAMETERS[field.name].check(getattr(self, field.name))
                  for field in fields(self)}
        if values["optimizer"] == "newton" and not LOSSES[values["loss"]].convex:
            raise ValueError(f"optimizer newton needs a convex loss (its Hessian must be "
                             f"positive definite), got loss {values['loss']!r}")
        return TrainingOptions(**values)


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

        These four are NaN in a state taken without statistics (``Trainer.state(False)``:
        the window's snapshots, whose views compute their metrics at τ themselves).
    gradient_norm : float
        ‖∂J/∂(w, b)‖ in the trained (standardized) units.
    status : str
        ``"ready"``; ``"converged"`` (see :mod:`logreg_gui.core.stopping`: a scale-free
        gradient test, and for first-order methods the coefficients within 0.1 % of θ*);
        ``"diverging"`` (J far above its start, or stuck far above its best: see
        :mod:`logreg_gui.core.divergence`; training may go on); ``"diverged"`` (an update made
        J or θ non-finite: the last finite θ is kept); ``"no finite optimum"`` (λ = 0 and the
        classes are separated in the feature space: J only creeps towards its infimum);
        ``"empty"`` (no training points).
    coef_ : ndarray of float64, shape (n_features,)
        Weights of the mapped features φ(x) in original units.
    intercept_ : float
    n_samples : int
        Training points.
    theta : ndarray of float64, shape (n_features + 1,)
        (w, b) in the trained (standardized) units.
    gradient : ndarray of float64, shape (n_features + 1,)
        ∇J at `theta`, trained units.
    optimizer_state : dict
        The optimizer's internal state after the last update (see its ``state()``): the
        velocity of momentum, Adam's moments, SGD's last batch, Newton's last step.
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
    optimizer_state: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Run:
    """A comparison run: the main run's options with some changed (only how it is trained:
    the data, degree, scaling and λ are the main run's, so every run shares one landscape).

    Parameters
    ----------
    name : str
        Its legend, e.g. 'momentum, η = 0.1, β = 0.9'.
    changes : dict
        {TrainingOptions field: value}, fields of :data:`RUN_FIELDS` only.

    Raises
    ------
    ValueError
        For a field outside :data:`RUN_FIELDS`.
    """

    name: str
    changes: dict

    def __post_init__(self):
        unknown = set(self.changes) - RUN_FIELDS
        if unknown:
            raise ValueError(f"a run may change {', '.join(sorted(RUN_FIELDS))} only, got "
                             f"{', '.join(sorted(unknown))}")

    def options(self, main):
        """Its :class:`TrainingOptions` beside the main run's `main`.

        Raises
        ------
        ValueError
            If the combination is invalid.
        """
        return replace(main, **self.changes).validated()


@dataclass(frozen=True)
class RunState:
    """Where a comparison run is: its name, options, θ (trained units) and status."""

    name: str
    options: TrainingOptions
    theta: np.ndarray
    status: str


@dataclass(frozen=True)
class Snapshot:
    """One frame of training for the views: the state plus the losses since the previous frame.

    Parameters
    ----------
    state : TrainingState
    running : bool
        Whether training continues after this frame.
    losses : ndarray of float64, shape (k, LOSS_COLUMNS)
        Training J, test log-loss and each comparison run's J (NaN where there is none) of
        iterations ``state.iteration − k + 1 … state.iteration`` not yet sent.
    new_history : bool
        True when the loss history starts afresh with these losses (at start, after a reset or
        a new degree, when they begin with the loss before any update).
    options : TrainingOptions
    optimum : logreg_gui.core.optimum.Optimum or None
        J* for the current data and options, when known.
    runs : tuple of RunState
        The comparison runs.
    """

    state: TrainingState
    running: bool
    losses: np.ndarray
    new_history: bool
    options: TrainingOptions
    optimum: object = None
    runs: tuple = ()

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
