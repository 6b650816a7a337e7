"""The curvature of J at θ beside the learning rate: why a step size diverges."""

import math
import time

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from logreg_gui.core.curvature import curvature, hessian_of_chunks
from logreg_gui.core.trained_units import TrainedUnits

CHEAP = 50_000  # n·p² up to this is computed every frame (about a millisecond)
MIN_SECONDS = 1.0  # larger problems: at most once a second while training runs
LISTED = 6


def _n(value, digits=4):
    return f"{value:.{digits}g}" if math.isfinite(value) else "∞" if value > 0 else "—"


class CurvaturePanel(QLabel):
    """The eigenvalues of the Hessian ∇²J at the shown θ (trained units), the condition number
    κ = λ_max/λ_min and the largest stable learning rate 2/λ_max beside η, with one sentence
    on what η does here.

    The Hessian costs n·p² (p parameters); it is computed when θ or the problem changes, and
    for large problems at most once a second while training runs (always when paused). The
    window shows this panel frames only while it is on screen.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("curvature_panel")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._units_of = (None, None)  # (dataset, (degree, standardize)) → TrainedUnits
        self._units = None
        self._key, self._computed_at = None, -math.inf
        self.curvature = None

    def show_frame(self, frame):
        """Compute and show the curvature at a :class:`~logreg_gui.core.frame.Frame`'s θ."""
        options, theta = frame.options, frame.entry.theta
        key = (theta.tobytes(), options, frame.dataset)
        if self._key is not None and _same(key, self._key):
            return
        size = frame.dataset.n_samples * len(theta) ** 2
        if (frame.snapshot.running and size > CHEAP
                and time.monotonic() - self._computed_at < MIN_SECONDS):
            return
        self._key, self._computed_at = key, time.monotonic()
        if frame.dataset.n_samples == 0 or not np.any(~frame.dataset.test_mask):
            self.curvature = None
            self.setText("<b>Curvature at θ</b><br>No training points: J has no curvature.")
            return
        units = self._units_for(frame.dataset, options)
        hessian = hessian_of_chunks(theta, units.chunks(frame.dataset), options)
        self.curvature = curvature(hessian, options)
        self.setText(self._describe(frame))

    def _units_for(self, dataset, options):
        fitted = (options.degree, options.standardize)
        if dataset is not self._units_of[0] or fitted != self._units_of[1]:
            self._units_of, self._units = (dataset, fitted), TrainedUnits.of(dataset, options)
        return self._units

    def _describe(self, frame):
        c, options = self.curvature, frame.options
        values = c.eigenvalues
        listed = ", ".join(_n(v) for v in values) if len(values) <= LISTED else \
            f"{_n(values[0])} … {_n(values[-1])} ({len(values)} of them)"
        lines = [f"<b>Curvature at θ</b> <small>(the Hessian ∇²J, {len(values)} × "
                 f"{len(values)}, trained units; iteration {frame.entry.iteration:,})</small>",
                 f"eigenvalues λ: {listed}",
                 f"condition number κ = λ<sub>max</sub>/λ<sub>min</sub> = {_n(c.condition)}",
                 f"largest stable step of gradient descent 2/λ<sub>max</sub> = "
                 f"<b>{_n(c.stable_rate)}</b> &nbsp;· &nbsp;η = <b>{options.learning_rate:g}</b>"]
        if c.bound is not None and options.optimizer == "momentum":
            lines.append(f"with momentum β = {options.momentum:g}: 2(1 + β)/λ<sub>max</sub> = "
                         f"{_n(c.bound[0])}")
        if np.isfinite(c.smallest) and c.smallest < 0:
            lines.append("λ<sub>min</sub> < 0: J curves downwards here (not convex).")
        lines.append(c.verdict())
        return "<br>".join(lines)


def _same(key, other):
    """Whether two (θ bytes, options, dataset) keys are equal (the dataset by identity)."""
    return key[0] == other[0] and key[1] == other[1] and key[2] is other[2]
