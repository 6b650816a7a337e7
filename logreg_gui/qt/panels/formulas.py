"""The formulas of the tutorial, written out with the current numbers and the optimizer's real
update rule with its live state."""

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

MAX_LISTED = 8  # batch members listed by index


def _n(value):
    return f"{value:.4g}" if value is not None and math.isfinite(value) else "—"


def _vector(values):
    if values is None:
        return "—"
    return "(" + ", ".join(_n(v) for v in values) + ")"


def gd_rule(options, state):
    """Batch gradient descent (Cauchy 1847)."""
    return [f"θ ← θ − η·∇J, &nbsp;η = {_n(options.learning_rate)}",
            "i.e. w ← w − η·∂J/∂w, &nbsp;b ← b − η·∂J/∂b"]


def sgd_rule(options, state):
    """Mini-batch SGD (Robbins & Monro 1951): the gradient of one batch."""
    lines = [f"θ ← θ − η·∇J<sub>B</sub>, &nbsp;η = {_n(options.learning_rate)}: the gradient of "
             f"a mini-batch B of at most {options.batch_size} points, reshuffled every epoch"]
    if state and len(state["batch"]):
        batch = state["batch"]
        listed = ", ".join(str(i) for i in batch[:MAX_LISTED]) + (", …" if len(batch) > MAX_LISTED
                                                                  else "")
        lines.append(f"last batch |B| = {len(batch)}: training points {listed}; this epoch "
                     f"{state['position']} of {state['n']} visited")
    return lines


def momentum_rule(options, state):
    """Heavy-ball momentum (Polyak 1964)."""
    lines = ["v ← β·v − η·∇J, &nbsp;θ ← θ + v, &nbsp;"
             f"β = {_n(options.momentum)}, η = {_n(options.learning_rate)}"]
    if state:
        lines.append(f"velocity v = {_vector(state['velocity'])}")
    return lines


def adam_rule(options, state):
    """Adam with bias correction (Kingma & Ba 2015, Algorithm 1)."""
    lines = ["g = ∇J; &nbsp;m ← β<sub>1</sub>·m + (1 − β<sub>1</sub>)·g; &nbsp;"
             "v ← β<sub>2</sub>·v + (1 − β<sub>2</sub>)·g²",
             "m̂ = m/(1 − β<sub>1</sub><sup>t</sup>), v̂ = v/(1 − β<sub>2</sub><sup>t</sup>); "
             f"&nbsp;θ ← θ − η·m̂/(√v̂ + ε), &nbsp;η = {_n(options.learning_rate)}, "
             "β<sub>1</sub> = 0.9, β<sub>2</sub> = 0.999, ε = 10<sup>−8</sup>"]
    if state:
        lines += [f"t = {state['t']}, &nbsp;m = {_vector(state['m'])}, "
                  f"&nbsp;v = {_vector(state['v'])}",
                  f"m̂ = {_vector(state['m_hat'])}, &nbsp;v̂ = {_vector(state['v_hat'])}"]
    return lines


def newton_rule(options, state):
    """Newton's method / IRLS with step halving (ESL §4.4.1)."""
    lines = ["θ ← θ − t·H<sup>−1</sup>∇J with H the Hessian of J; t = 1, halved until J "
             "decreases (η is not used)"]
    if state and state["step"] is not None:
        step = state["step"]
        lines.append(f"last step −t·H<sup>−1</sup>∇J = {_vector(step)}, t = "
                     f"{_n(state['step_size'])}, length {_n(math.hypot(*step))}")
    return lines


RULES = {"gd": gd_rule, "sgd": sgd_rule, "momentum": momentum_rule, "adam": adam_rule,
         "newton": newton_rule}


class FormulasPanel(QLabel):
    """σ, the loss, the gradient and the update rule in rich text, following the frames.

    The numbers are in the trained units (standardized features when that option is on), where
    the update happens; the optimizer's internal state is that of the live run.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("formulas_panel")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setMargin(8)

    def show_frame(self, frame):
        """Fill in the numbers of a :class:`~logreg_gui.core.frame.Frame`."""
        entry, options = frame.entry, frame.options
        w, b, gradient = entry.theta[:-1], entry.theta[-1], entry.gradient
        criterion = options.criterion
        penalty = " + λ/(2n)·‖w‖²" if options.l2 else ""
        err = criterion.error_term
        units = ("standardized features" if options.standardize else "raw features")
        state = frame.snapshot.state.optimizer_state if frame.live else None
        lines = [
            f"<small>Trained units ({units}), where the update happens; iteration "
            f"{entry.iteration:,}{'' if frame.live else ' (history)'}.</small>",
            "<b>Model</b>: z = w·φ(x) + b,&nbsp; ŷ = σ(z) = 1 / (1 + e<sup>−z</sup>)",
            f"w = {_vector(w)},&nbsp; b = {_n(b)}",
            f"<b>Loss</b>: {criterion.formula}{penalty} = <b>{_n(entry.loss)}</b>",
            f"<b>Gradient</b>: ∂J/∂w = mean({err}·x){' + λ·w/n' if options.l2 else ''} = "
            f"{_vector(gradient[:-1])}",
            f"∂J/∂b = mean({err}) = {_n(gradient[-1])}, &nbsp;‖∇J‖ = "
            f"{_n(math.hypot(*gradient))}",
            f"<b>Update</b> ({options.optimizer}): " + "<br>".join(RULES[options.optimizer](
                options, state)),
        ]
        if not frame.live:
            lines.append("<small>The optimizer's state is shown for the live run only.</small>")
        self.setText("<br>".join(lines))
