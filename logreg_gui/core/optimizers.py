"""Update rules θ → θ′ for the objective J of :func:`logreg_gui.core.loss.objective`.

Every optimizer has ``learning_rate`` (η), ``reset()`` (forget its internal state),
``state()`` (that state as plain data, for the formulas panel) and
``step(theta, X, y, l2, gradient)``: θ of shape (n_features + 1,), the training data X of shape
(n_samples, n_features) and y of shape (n_samples,), the penalty λ, and the full-batch ∇J(θ) that
the trainer has already computed. It returns the new θ.
"""

import numpy as np

from logreg_gui.core.loss import objective
from logreg_gui.core.newton import newton_update

NAMES = ("gd", "sgd", "momentum", "adam", "newton")


class GradientDescent:
    """Batch gradient descent θ ← θ − η·∇J(θ) (Cauchy 1847; the tutorial's update)."""

    name = "gd"

    def __init__(self, learning_rate):
        self.learning_rate = learning_rate

    def reset(self):
        """Nothing to forget."""

    def state(self):
        """The internal state after the last update (dict of plain values; none for gd)."""
        return {}

    def step(self, theta, X, y, l2, gradient):
        """One update; returns the new θ, shape (n_features + 1,)."""
        return theta - self.learning_rate * gradient


class MiniBatchSGD(GradientDescent):
    """Mini-batch stochastic gradient descent θ ← θ − η·∇J_B(θ).

    Each epoch visits every training sample once, in an order reshuffled by
    ``np.random.default_rng(random_state)``; J_B is the mean loss over the batch B plus the full
    penalty λ/(2n)·‖w‖², so that E[∇J_B] = ∇J (Robbins & Monro 1951; Bottou 2010).

    Parameters
    ----------
    learning_rate : float > 0
    batch_size : int ≥ 1
        |B|; capped at n (the last batch of an epoch may be smaller).
    random_state : int
    objective : callable, default :func:`~logreg_gui.core.loss.objective`
        (θ, X, y, λ) → (J, ∇J), e.g. :func:`~logreg_gui.core.loss.mse_objective`.
    """

    name = "sgd"

    def __init__(self, learning_rate, batch_size=32, random_state=0, objective=objective):
        super().__init__(learning_rate)
        self.batch_size = batch_size
        self.random_state = random_state
        self.objective = objective
        self.reset()

    def reset(self):
        """Restart the shuffling sequence from the seed."""
        self._rng = np.random.default_rng(self.random_state)
        self._order = np.empty(0, dtype=np.int64)
        self._position = 0
        self._batch = np.empty(0, dtype=np.int64)
        self.epochs_completed = 0

    def state(self):
        """``batch``: the training-point indices of the last batch (int64 array), ``position``:
        points of the current epoch visited, ``n``: training points, ``next_batch``: the
        indices the next update will use (None before the first update: the first epoch's order
        is drawn then)."""
        upcoming = self._order[self._position:self._position + self.batch_size]
        return {"batch": self._batch.copy(), "position": self._position, "n": len(self._order),
                "next_batch": upcoming.copy() if len(self._order) else None}

    def step(self, theta, X, y, l2, gradient):
        """One mini-batch update; returns the new θ."""
        n = len(y)
        if len(self._order) != n:  # the first epoch, or new data
            self._new_epoch(n)
        rows = self._order[self._position:self._position + self.batch_size]
        self._position += len(rows)
        self._batch = rows
        if self._position >= n:
            self.epochs_completed += 1
            self._new_epoch(n)  # drawn now, so that the next batch is known (state())
        _, gradient = self.objective(theta, X[rows], y[rows], l2 * len(rows) / n)
        return theta - self.learning_rate * gradient

    def _new_epoch(self, n):
        """Reshuffle: the order of the next n points (one permutation from the seeded stream)."""
        self._order = self._rng.permutation(n)
        self._position = 0


class Momentum(GradientDescent):
    """Heavy-ball momentum: v ← β·v − η·∇J(θ), θ ← θ + v (Polyak 1964).

    Parameters
    ----------
    learning_rate : float > 0
    momentum : float in [0, 1)
        β; 0 gives plain gradient descent.
    """

    name = "momentum"

    def __init__(self, learning_rate, momentum=0.9):
        super().__init__(learning_rate)
        self.momentum = momentum
        self.reset()

    def reset(self):
        """Zero the velocity."""
        self._velocity = None

    def state(self):
        """``beta``: β; ``velocity``: v after the last update (None before the first)."""
        velocity = None if self._velocity is None else self._velocity.copy()
        return {"beta": self.momentum, "velocity": velocity}

    def step(self, theta, X, y, l2, gradient):
        """One update; returns the new θ."""
        if self._velocity is None or self._velocity.shape != theta.shape:
            self._velocity = np.zeros_like(theta)
        self._velocity = self.momentum * self._velocity - self.learning_rate * gradient
        return theta + self._velocity


class Adam(GradientDescent):
    """Adam with bias correction (Kingma & Ba, 2015, Algorithm 1).

    m ← β1·m + (1 − β1)·g,  v ← β2·v + (1 − β2)·g²,  m̂ = m/(1 − β1^t),  v̂ = v/(1 − β2^t),
    θ ← θ − η·m̂/(√v̂ + ε), with β1 = 0.9, β2 = 0.999, ε = 1e-8.
    """

    name = "adam"
    beta1, beta2, epsilon = 0.9, 0.999, 1e-8

    def __init__(self, learning_rate):
        super().__init__(learning_rate)
        self.reset()

    def reset(self):
        """Zero both moment estimates and the step count t."""
        self._m = self._v = None
        self._t = 0

    def state(self):
        """``t``, the moments ``m``, ``v`` and their bias-corrected ``m_hat``, ``v_hat`` after
        the last update (None before the first), and ``beta1``, ``beta2``, ``epsilon``."""
        state = {"t": self._t, "beta1": self.beta1, "beta2": self.beta2,
                 "epsilon": self.epsilon, "m": None, "v": None, "m_hat": None, "v_hat": None}
        if self._t:
            state.update(m=self._m.copy(), v=self._v.copy(),
                         m_hat=self._m / (1 - self.beta1 ** self._t),
                         v_hat=self._v / (1 - self.beta2 ** self._t))
        return state

    def step(self, theta, X, y, l2, gradient):
        """One update; returns the new θ."""
        g = gradient
        if self._m is None or self._m.shape != theta.shape:
            self._m, self._v, self._t = np.zeros_like(theta), np.zeros_like(theta), 0
        self._t += 1
        self._m = self.beta1 * self._m + (1 - self.beta1) * g
        self._v = self.beta2 * self._v + (1 - self.beta2) * g * g
        m_hat = self._m / (1 - self.beta1 ** self._t)
        v_hat = self._v / (1 - self.beta2 ** self._t)
        return theta - self.learning_rate * m_hat / (np.sqrt(v_hat) + self.epsilon)


class Newton(GradientDescent):
    """Damped Newton's method (IRLS) with a line search; see
    :func:`logreg_gui.core.newton.newton_update`.

    The learning rate is not used. After each :meth:`step`, ``last_update`` holds the full
    :class:`~logreg_gui.core.newton.NewtonUpdate` (how the step was taken, the Newton
    decrement, whether it moved; ``kind == "stationary"`` means θ is optimal to working
    precision).

    References
    ----------
    ESL §4.4.1; Nocedal & Wright, *Numerical Optimization*, 2nd ed., §3.1 and §3.4.
    """

    name = "newton"

    def __init__(self, learning_rate):
        super().__init__(learning_rate)
        self.reset()

    def reset(self):
        """Forget the last update."""
        self.last_update = None
        self._step = None

    def state(self):
        """``step``: the last update θ′ − θ = −t·H⁻¹∇J and ``step_size`` t (None before the
        first)."""
        if self._step is None:
            return {"step": None, "step_size": None}
        return {"step": self._step.copy(), "step_size": self.last_update.step_size}

    def step(self, theta, X, y, l2, gradient):
        """One damped Newton update; returns the new θ (θ itself only when no step can lower J
        or its gradient measurably: θ is then the optimum to working precision)."""
        self.last_update = newton_update(theta, X, y, l2)
        self._step = self.last_update.theta - theta
        return self.last_update.theta


def newton_step(theta, X, y, l2, gradient=None, should_stop=None):
    """θ after one :func:`logreg_gui.core.newton.newton_update` (for callers that only need
    the new θ).

    Parameters
    ----------
    theta : ndarray of float64, shape (n_features + 1,)
    X : ndarray of float64, shape (n_samples, n_features)
    y : ndarray of int, shape (n_samples,)
    l2 : float ≥ 0 or ndarray of float64 of shape (n_features,)
    gradient : ndarray of float64, shape (n_features + 1,), optional
        Ignored (recomputed with J); accepted for the optimizer interface.
    should_stop : callable () → bool, optional

    Returns
    -------
    ndarray of float64, shape (n_features + 1,)
    """
    return newton_update(theta, X, y, l2, should_stop).theta


def make_optimizer(name, learning_rate, batch_size=32, momentum=0.9, random_state=0,
                   objective=objective):
    """The optimizer called `name` (one of :data:`NAMES`); `objective` is what ``sgd`` takes
    mini-batch gradients of (Newton always uses the log-loss).

    Raises
    ------
    ValueError
        If `name` is not one of ``gd, sgd, momentum, adam, newton``.
    """
    if name == "gd":
        return GradientDescent(learning_rate)
    if name == "sgd":
        return MiniBatchSGD(learning_rate, batch_size, random_state, objective)
    if name == "momentum":
        return Momentum(learning_rate, momentum)
    if name == "adam":
        return Adam(learning_rate)
    if name == "newton":
        return Newton(learning_rate)
    raise ValueError(f"optimizer must be one of {', '.join(NAMES)}, got {name!r}")
