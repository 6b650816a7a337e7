"""Setting θ by hand: w1, w2 and b sliders in the trained units, and Train from here."""

import math
from functools import partial

import numpy as np
from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from logreg_gui.qt.panels.sliders import KeySlider
from logreg_gui.qt.plots.style import nice_ceiling

SLIDER_STEPS = 1000  # positions of each slider over [−R, R]
NAMES = ("w1", "w2", "b")


class ParametersPanel(QWidget):
    """Sliders for w1, w2 and b in the trained units, following the frames and live while
    paused: moving one asks for θ with that parameter changed (the others as shown). Each
    slider spans [−R, R], R a round number at least twice the parameter and its optimum (the
    range only grows while the problem stays the same, so a slider never jumps under the
    pointer). For degree > 1 only b has a slider (w has more than two weights).

    Signals
    -------
    theta_requested(object)
        θ of shape (n_parameters,), trained units.
    train_requested()
        Train from here (play from the θ set).
    """

    theta_requested = Signal(object)
    train_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("parameters_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        self.sliders, self.values, self._ranges = [], [], [1.0] * 3
        for row, name in enumerate(NAMES):
            slider = KeySlider()
            slider.setObjectName(f"{name}_slider")
            slider.setRange(0, SLIDER_STEPS)
            slider.setToolTip(f"{name} in the trained units: drag to set it (training pauses)")
            slider.valueChanged.connect(partial(self._on_slider_value_changed, row))
            value = QLabel("—")
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("−0.0000e+00"))
            grid.addWidget(QLabel(name), row, 0)
            grid.addWidget(slider, row, 1)
            grid.addWidget(value, row, 2)
            self.sliders.append(slider)
            self.values.append(value)
        layout.addLayout(grid)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.train = QPushButton("Train from here")
        self.train.setObjectName("train_from_here")
        self.train.setToolTip("Continue gradient descent from the θ set here")
        self.train.clicked.connect(self.train_requested.emit)
        layout.addWidget(self.train)
        self._theta = self._dataset = self._problem = None

    def show_frame(self, frame):
        """Follow a :class:`~logreg_gui.core.frame.Frame`'s θ (trained units)."""
        theta = np.asarray(frame.entry.theta, dtype=np.float64)
        options = frame.options
        problem = (options.degree, options.standardize, options.l2, options.loss)
        if frame.dataset is not self._dataset or problem != self._problem:
            self._dataset, self._problem, self._ranges = frame.dataset, problem, [0.0] * 3
        self._theta = theta.copy()
        planar = frame.model.is_planar
        optimum = frame.optimum.theta if frame.optimum is not None else None
        for row, index in enumerate((0, 1, len(theta) - 1)):
            slider, enabled = self.sliders[row], planar or row == 2
            slider.setEnabled(enabled)
            value = theta[index] if enabled else math.nan
            self.values[row].setText(f"{value:.4g}" if math.isfinite(value) else "—")
            if not enabled or slider.isSliderDown() or not math.isfinite(value):
                continue
            target = optimum[index] if optimum is not None and enabled else 0.0
            self._fit_range(row, value, target)
            with QSignalBlocker(slider):
                slider.setValue(self._position(row, value))
        units = "standardized features" if options.standardize else "raw features"
        self.note.setText(f"θ in the trained units ({units}). " + (
            "" if planar else f"w1, w2 by hand need degree 1 (this model has {len(theta) - 1} "
            "weights): b only."))

    def _fit_range(self, row, value, target):
        """Grow R when the value (or the optimum) nears the end of the slider."""
        needed = max(abs(value), abs(target) if math.isfinite(target) else 0.0, 0.5)
        if needed > 0.9 * self._ranges[row]:
            self._ranges[row] = nice_ceiling(2 * needed)

    def _position(self, row, value):
        reach = self._ranges[row]
        return int(round((min(max(value, -reach), reach) / reach + 1) / 2 * SLIDER_STEPS))

    def value_of(self, row, position):
        """The parameter value of slider `row` at `position` (float, trained units)."""
        return self._ranges[row] * (2 * position / SLIDER_STEPS - 1)

    def _on_slider_value_changed(self, row, position):
        if self._theta is None:
            return
        theta = self._theta.copy()
        theta[(0, 1, len(theta) - 1)[row]] = self.value_of(row, position)
        self.theta_requested.emit(theta)
