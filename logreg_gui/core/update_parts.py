"""One update of a first-order optimizer taken apart: the gradient step, the momentum term,
Adam's moments and the step itself, from the optimizer's state and a gradient (no data needed).

The formulas are those of :mod:`logreg_gui.core.optimizers`, evaluated in the same order, so
``parts.theta_next`` is bit for bit the θ the optimizer's next :meth:`step` returns.
"""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core.optimizers import Adam

FIRST_ORDER = ("gd", "sgd", "momentum", "adam")


@dataclass(frozen=True)
class UpdateParts:
    """The pieces of θ ← θ + step for one optimizer; unused pieces are None.

    All arrays have the shape of θ, (n_parameters,), in the trained units.

    Parameters
    ----------
    gradient_step : ndarray
        −η·g, the plain gradient-descent step (g: the gradient the update uses).
    theta_next : ndarray
        θ after the update, exactly as the optimizer computes it.
    step : ndarray
        θ_next − θ.
    decayed_velocity : ndarray or None
        Momentum: β·v, what is left of the previous velocity v.
    velocity : ndarray or None
        Momentum: the new velocity β·v − η·g (equal to `step`).
    m, v : ndarray or None
        Adam: the new first and second moments β1·m + (1 − β1)·g, β2·v + (1 − β2)·g².
    m_hat, v_hat : ndarray or None
        Adam: the bias-corrected moments m/(1 − β1^t), v/(1 − β2^t).
    t : int
        Adam: the new step count (0 for the others).

    References
    ----------
    Polyak (1964) for momentum; Kingma & Ba (2015), Algorithm 1, for Adam.
    """

    gradient_step: np.ndarray
    theta_next: np.ndarray
    step: np.ndarray
    decayed_velocity: np.ndarray = None
    velocity: np.ndarray = None
    m: np.ndarray = None
    v: np.ndarray = None
    m_hat: np.ndarray = None
    v_hat: np.ndarray = None
    t: int = 0


def update_parts(theta, gradient, options, optimizer_state):
    """The next update of a first-order optimizer, taken apart.

    Parameters
    ----------
    theta : ndarray of float64, shape (n_parameters,)
        θ now (trained units).
    gradient : ndarray of float64, shape (n_parameters,)
        The gradient the update uses: ∇J(θ) (for ``sgd``: of the next mini-batch).
    options : logreg_gui.core.state.TrainingOptions
        ``optimizer`` (gd, sgd, momentum or adam), ``learning_rate`` η and ``momentum`` β.
    optimizer_state : dict
        The optimizer's ``state()`` after the last update (momentum: ``velocity``; Adam:
        ``t``, ``m``, ``v``); empty or None values mean a fresh optimizer.

    Returns
    -------
    UpdateParts or None
        None for ``newton`` (its step needs the data: see :mod:`logreg_gui.core.explain`).
    """
    state = optimizer_state or {}
    eta = options.learning_rate
    gradient_step = -eta * gradient
    if options.optimizer in ("gd", "sgd"):
        return _parts(theta, gradient_step, theta - eta * gradient)
    if options.optimizer == "momentum":
        return _momentum(theta, gradient, eta, state.get("beta", options.momentum),
                         _same_shape(state.get("velocity"), theta))
    if options.optimizer == "adam":
        return _adam(theta, gradient, eta, state)
    return None


def _parts(theta, gradient_step, theta_next, **pieces):
    return UpdateParts(gradient_step, theta_next, theta_next - theta, **pieces)


def _same_shape(array, theta):
    """`array` when it is the optimizer's state for this θ, else zeros (a fresh optimizer, as
    the optimizers themselves restart on a new shape)."""
    if array is None or np.shape(array) != theta.shape:
        return np.zeros_like(theta)
    return np.asarray(array, dtype=np.float64)


def _momentum(theta, gradient, eta, beta, velocity):
    decayed = beta * velocity
    new_velocity = decayed - eta * gradient
    return _parts(theta, -eta * gradient, theta + new_velocity, decayed_velocity=decayed,
                  velocity=new_velocity)


def _adam(theta, gradient, eta, state):
    beta1, beta2 = state.get("beta1", Adam.beta1), state.get("beta2", Adam.beta2)
    epsilon = state.get("epsilon", Adam.epsilon)
    fresh = state.get("m") is None or np.shape(state["m"]) != theta.shape
    m, v = _same_shape(state.get("m"), theta), _same_shape(state.get("v"), theta)
    t = 1 if fresh else int(state.get("t", 0)) + 1
    g = gradient
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    new_theta = theta - eta * m_hat / (np.sqrt(v_hat) + epsilon)
    return _parts(theta, -eta * g, new_theta, m=m, v=v, m_hat=m_hat, v_hat=v_hat, t=t)


def recorded_step(timeline, iteration):
    """θ_t − θ_(t−1) at `iteration` t from a timeline that recorded both, else None.

    Parameters
    ----------
    timeline : logreg_gui.core.timeline.Timeline
    iteration : int

    Returns
    -------
    (ndarray of float64, ndarray of float64) or None
        (θ_(t−1), θ_t − θ_(t−1)), each of shape (n_parameters,), trained units; None when the
        timeline skipped t − 1 (fast training records one entry per frame) or t is 0.
    """
    iterations = timeline.parameters.iterations
    shown = int(np.searchsorted(iterations, iteration, side="right"))
    if shown < 2 or iterations[shown - 1] != iteration or iterations[shown - 2] != iteration - 1:
        return None
    path = timeline.path(iteration)
    return path[-2].copy(), path[-1] - path[-2]
