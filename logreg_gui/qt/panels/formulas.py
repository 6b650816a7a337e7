"""The formulas of the tutorial, written out with the current numbers."""

import math

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def _n(value):
    return f"{value:.4g}" if math.isfinite(value) else "—"


def _vector(values):
    return "(" + ", ".join(_n(v) for v in values) + ")"


class FormulasPanel(QLabel):
    """σ, the loss, the gradient and the update rule in rich text, refreshed from each snapshot.

    The numbers are in the trained (standardized) units, where the update happens.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("formulas_panel")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setMargin(8)

    def show_frame(self, frame):
        """Fill in the numbers of a :class:`~logreg_gui.core.frame.Frame`'s latest snapshot."""
        state, options = frame.snapshot.state, frame.options
        theta, gradient = state.theta, state.gradient
        w, b = theta[:-1], theta[-1]
        criterion = options.criterion
        loss_formula = criterion.formula
        if options.l2:
            loss_formula += " + λ/(2n)·‖w‖²"
        err_term = criterion.error_term
        penalty = " + λ·w/n" if options.l2 else ""
        update = ("w ← w − t·H⁻¹·∂J/∂w (Newton)" if options.optimizer == "newton"
                  else f"w ← w − η·∂J/∂w, η = {_n(options.learning_rate)} ({options.optimizer})")
        lines = [
            "<b>Model</b>: z = w·φ(x) + b,&nbsp; ŷ = σ(z) = 1 / (1 + e<sup>−z</sup>)",
            f"w = {_vector(w)},&nbsp; b = {_n(b)}",
            f"<b>Loss</b>: {loss_formula} = <b>{_n(state.loss)}</b>",
            f"<b>Gradient</b>: ∂J/∂w = mean({err_term}·x){penalty} = {_vector(gradient[:-1])}",
            f"∂J/∂b = mean({err_term}) = {_n(gradient[-1])}",
            f"‖∇J‖ = {_n(float(np.linalg.norm(gradient)))}",
            f"<b>Update</b>: {update}",
            f"<small>Iteration {state.iteration:,}; numbers in trained units"
            f"{' (standardized features)' if options.standardize else ''}.</small>",
        ]
        self.setText("<br>".join(lines))
