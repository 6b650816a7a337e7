"""One update of training told as a story: its sub-steps, each with one plain sentence and the
live numbers, ending exactly at the θ the trainer's next step gives."""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core._math import expit
from logreg_gui.core.curvature import hessian_at
from logreg_gui.core.newton import newton_update
from logreg_gui.core.update_parts import update_parts

PREVIEW_POINTS = 3  # per-point numbers (z, ŷ, err) shown for the first few points


@dataclass(frozen=True)
class SubStep:
    """One sub-step of an update.

    Parameters
    ----------
    name : str
        What it computes: ``batch``, ``logits``, ``probabilities``, ``errors``, ``gradient``,
        ``scale``, ``decay``, ``add``, ``moments``, ``correction``, ``hessian``, ``direction``,
        ``line search``, ``move`` or ``empty``.
    title : str
        A few words with its formula, e.g. 'errors err = ŷ − y'.
    sentence : str
        One plain sentence with the numbers that matter.
    numbers : tuple of (str, float or ndarray)
        Labelled values (arrays of shape (n_parameters,) or of the first points), trained units.
    theta : ndarray of float64, shape (n_parameters,)
        θ after this sub-step: the old θ until the last one (``move``), the new θ there.
    """

    name: str
    title: str
    sentence: str
    numbers: tuple
    theta: np.ndarray


def explain_step(X, y, theta, options, optimizer_state):
    """The sub-steps of the update the trainer will make next from θ.

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, n_features)
        The training features as trained on (see
        :meth:`~logreg_gui.core.trained_units.TrainedUnits.training_set`).
    y : ndarray of int, shape (n_samples,)
        Labels in {0, 1}.
    theta : ndarray of float64, shape (n_features + 1,)
        θ = (w, b) now, trained units.
    options : logreg_gui.core.state.TrainingOptions
    optimizer_state : dict
        The optimizer's state after the last update (``TrainingState.optimizer_state``).

    Returns
    -------
    list of SubStep
        The last one's θ equals what ``Trainer.advance(1)`` gives from this state (the same
        operations in the same order: bit for bit for gd, momentum, Adam and Newton; SGD uses
        the batch in ``optimizer_state['next_batch']``). One ``empty`` sub-step without
        training points.

    References
    ----------
    ESL §4.4.1 (gradient and Hessian of the log-loss); Polyak (1964); Kingma & Ba (2015).
    """
    theta = np.asarray(theta, dtype=np.float64)
    state = optimizer_state or {}
    X_full, y_full = X, y
    if len(y) == 0:
        return [SubStep("empty", "no training points", "There are no training points, so "
                        "there is nothing to learn from: add points first.", (), theta)]
    steps, n = [], len(y)
    if options.optimizer == "sgd":
        rows = _next_batch(state, n)
        steps.append(_batch_step(rows, n, theta))
        X, y = X[rows], y[rows]
    steps += _forward(X, y, theta, options)
    if options.optimizer == "newton":
        return steps + _newton(X, y, theta, options)
    gradient = _gradient(X, y, theta, options, n)
    steps.append(_gradient_step(gradient, len(y), theta, options))
    parts = update_parts(theta, gradient, options, state)
    steps += RULES[options.optimizer](parts, options, theta)
    return steps + [_move(X_full, y_full, theta, parts.theta_next, options)]


def _next_batch(state, n):
    """The indices of SGD's next mini-batch, shape (k,) int64.

    Raises
    ------
    ValueError
        Before the first step (no order drawn yet) or when the training points changed since
        (the next step reshuffles them).
    """
    batch = state.get("next_batch")
    if batch is None or len(batch) == 0 or state.get("n") != n:
        raise ValueError("the next mini-batch of sgd is drawn at the next step (none yet, or "
                         "the points changed): take one step, then explain")
    return np.asarray(batch, dtype=np.int64)


def _batch_step(rows, n, theta):
    listed = ", ".join(str(i) for i in rows[:8]) + (", …" if len(rows) > 8 else "")
    return SubStep("batch", f"mini-batch B of {len(rows)}",
                   f"SGD looks at only {len(rows)} of the {n} training points this time: the "
                   f"next ones of this epoch's shuffled order (points {listed}).",
                   (("batch", rows[:PREVIEW_POINTS * 3]),), theta)


def _forward(X, y, theta, options):
    """z, ŷ and the error of every point (the numbers of the first few)."""
    k = min(PREVIEW_POINTS, len(y))
    with np.errstate(over="ignore", invalid="ignore"):
        z = X @ theta[:-1] + theta[-1]
        p = expit(z)
        err = p - y
    which = f"points 1–{k} of {len(y)}" if k > 1 else f"point 1 of {len(y)}"
    steps = [
        SubStep("logits", "logits z = w·x + b",
                "Every point gets a score z = w·x + b: positive on class 1's side of the "
                "boundary, negative on class 0's, larger the farther it lies.",
                ((f"z ({which})", z[:k]),), theta),
        SubStep("probabilities", "probabilities ŷ = σ(z)",
                "The sigmoid squashes each score into ŷ = σ(z), the model's probability that "
                "the point is class 1.", ((f"ŷ ({which})", p[:k]), (f"y ({which})", y[:k])),
                theta)]
    if options.loss == "mse":
        slope = err * p * (1 - p)
        steps.append(SubStep("errors", "error terms (ŷ − y)·ŷ·(1 − ŷ)",
                             "Each point's error ŷ − y times the sigmoid's slope ŷ·(1 − ŷ): "
                             "the squared error's push, which fades where σ is flat.",
                             ((f"(ŷ − y)·ŷ·(1 − ŷ) ({which})", slope[:k]),), theta))
    else:
        steps.append(SubStep("errors", "errors err = ŷ − y",
                             "Each point's error err = ŷ − y: positive when the model leans "
                             "too far towards class 1, negative when too far towards class 0.",
                             ((f"err ({which})", err[:k]),), theta))
    return steps


def _gradient(X, y, theta, options, n):
    """∇J exactly as the trainer computes it: with its evaluator, or for SGD on the batch
    (X, y) with the penalty scaled by |B|/n, as :class:`~logreg_gui.core.optimizers.MiniBatchSGD`
    does."""
    criterion = options.criterion
    with np.errstate(over="ignore", invalid="ignore"):
        if options.optimizer == "sgd":
            return criterion.objective(theta, X, y, options.l2 * len(y) / n)[1]
        return criterion.evaluator(X, y, options.l2)(theta)[1]


def _gradient_step(gradient, n, theta, options):
    penalty = " plus λ·w/n for the penalty" if options.l2 else ""
    return SubStep("gradient", "gradient ∇J = mean(err·x)",
                   f"Averaging err·x over the {n} points{penalty} gives the gradient ∇J: the "
                   "direction in which J rises fastest, and how steeply.",
                   (("∂J/∂w", gradient[:-1]), ("∂J/∂b", gradient[-1]),
                    ("‖∇J‖", float(np.linalg.norm(gradient)))), theta)


def _scale(parts, options, theta):
    return SubStep("scale", "scale by η: −η·∇J",
                   f"Multiplying by the learning rate η = {options.learning_rate:g} and turning "
                   "it round gives the plain gradient step −η·∇J, downhill.",
                   (("−η·∇J", parts.gradient_step),), theta)


def _gd_rule(parts, options, theta):
    return [_scale(parts, options, theta)]


def _momentum_rule(parts, options, theta):
    beta = options.momentum
    return [
        SubStep("decay", "momentum decays: β·v",
                f"The velocity v of the previous steps decays to β·v: with β = {beta:g} the "
                f"ball keeps {beta:.0%} of its speed.", (("β·v", parts.decayed_velocity),),
                theta),
        _scale(parts, options, theta),
        SubStep("add", "add the gradient: v ← β·v − η·∇J",
                "Adding the gradient step to what is left of the velocity gives the new "
                "velocity, the step θ will take.", (("v", parts.velocity),), theta)]


def _adam_rule(parts, options, theta):
    return [
        SubStep("moments", "moments m and v take in g",
                "The running mean of gradients m and of squared gradients v take in this "
                "gradient g: m ← 0.9·m + 0.1·g, v ← 0.999·v + 0.001·g².",
                (("m", parts.m), ("v", parts.v)), theta),
        SubStep("correction", "bias correction m̂, v̂",
                f"Both started at 0, so they are too small early on; dividing by 1 − β^t (step "
                f"t = {parts.t}) corrects that.", (("m̂", parts.m_hat), ("v̂", parts.v_hat)),
                theta),
        SubStep("scale", "per-coordinate step −η·m̂/(√v̂ + ε)",
                f"Each coordinate moves by −η·m̂/(√v̂ + ε) with η = {options.learning_rate:g}: "
                "about η where the gradient is steady, less where it keeps changing sign, "
                "whatever its scale.", (("step", parts.step),), theta)]


def _move(X, y, theta, new_theta, options):
    objective = options.criterion.evaluator(X, y, options.l2)
    with np.errstate(over="ignore", invalid="ignore"):
        before, after = objective(theta)[0], objective(new_theta)[0]
    change = "falls" if after < before else "rises" if after > before else "stays"
    return SubStep("move", "move θ ← θ + step",
                   f"θ takes the step: J {change} from {before:.6g} to {after:.6g}. Press Step "
                   "to see the trainer land exactly here.",
                   (("θ before", theta), ("θ after", new_theta), ("J before", before),
                    ("J after", after)), new_theta)


def _newton(X, y, theta, options):
    update = newton_update(theta, X, y, options.l2)
    with np.errstate(over="ignore", invalid="ignore"):
        gradient = options.criterion.evaluator(X, y, options.l2)(theta)[1]
    steps = [_gradient_step(gradient, len(y), theta, options),
             SubStep("hessian", "Hessian H = Aᵀ·diag(ŷ(1 − ŷ))·A/n",
                     "Newton also measures how the slope itself changes: the Hessian H, "
                     "weighted by ŷ·(1 − ŷ), the sigmoid's slope at every point.",
                     (("λ of H (smallest, largest)", _extreme_eigenvalues(X, y, theta, options)),),
                     theta)]
    if not update.moved:
        return steps + [SubStep("move", "no step", "No step lowers J measurably: θ is the "
                                "optimum to working precision, so it stays.",
                                (("θ", theta),), theta)]
    direction = (theta - update.theta) / update.step_size
    damped = (f" (damped with μ = {update.damping:g}, as H alone gave no good direction)"
              if update.kind == "damped" else "")
    steps += [SubStep("direction", "direction d: H·d = ∇J",
                      f"Solving H·d = ∇J gives the step to the bottom of the local bowl"
                      f"{damped}.", (("d", direction),), theta),
              SubStep("line search", f"line search: t = {update.step_size:g}",
                      "It tries t = 1, ½, ¼, … and takes the first that lowers J enough; "
                      f"here t = {update.step_size:g}.", (("t", update.step_size),), theta)]
    return steps + [_move(X, y, theta, update.theta, options)]


def _extreme_eigenvalues(X, y, theta, options):
    values = np.linalg.eigvalsh(hessian_at(theta, X, y, options))
    return np.array([values[0], values[-1]])


RULES = {"gd": _gd_rule, "sgd": _gd_rule, "momentum": _momentum_rule, "adam": _adam_rule}
