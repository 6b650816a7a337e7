"""The control panel: learning rate, speed and view options."""

import math

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QDoubleSpinBox, QFormLayout,
                               QHBoxLayout, QLabel, QSlider, QWidget)

LEARNING_RATE_RANGE = (1e-4, 10.0)
LEARNING_RATE_TICKS_PER_DECADE = 10
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, None)  # None: max


def speed_text(speed):
    """'as fast as possible' for None, else 'N it/s'."""
    return "max (as fast as possible)" if speed is None else f"{speed:,} it/s"


class ControlPanel(QWidget):
    """Learning rate (log scale), iterations per second and display options.

    Signals
    -------
    learning_rate_changed(float)
    speed_changed(object)
        Iterations per second (int) or None for as fast as possible.
    standardize_toggled(bool), step_function_toggled(bool), log_scale_toggled(bool)
    """

    learning_rate_changed = Signal(float)
    speed_changed = Signal(object)
    standardize_toggled = Signal(bool)
    step_function_toggled = Signal(bool)
    log_scale_toggled = Signal(bool)

    def __init__(self, learning_rate, standardize, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.addRow("Learning rate η", self._build_learning_rate(learning_rate))
        form.addRow("Speed", self._build_speed())
        self.standardize_box = self._checkbox(
            "Standardize features", standardize, self.standardize_toggled,
            "Train on zero-mean, unit-variance features; coefficients are still shown in the "
            "original units.")
        self.step_box = self._checkbox("Show step function", True, self.step_function_toggled,
                                       "Dashed overlay of the hard threshold the sigmoid replaces.")
        self.log_box = self._checkbox("Log-scale loss", False, self.log_scale_toggled,
                                      "Plot the loss on a logarithmic axis.")
        for box in (self.standardize_box, self.step_box, self.log_box):
            form.addRow(box)

    def _checkbox(self, text, checked, signal, tip):
        box = QCheckBox(text)
        box.setChecked(checked)
        box.setToolTip(tip)
        box.toggled.connect(signal)
        return box

    def _build_learning_rate(self, learning_rate):
        low, high = (round(math.log10(v) * LEARNING_RATE_TICKS_PER_DECADE)
                     for v in LEARNING_RATE_RANGE)
        self.learning_rate_slider = QSlider(Qt.Orientation.Horizontal)
        self.learning_rate_slider.setRange(low, high)
        self.learning_rate_slider.setToolTip("Log scale from 0.0001 to 10")
        self.learning_rate_spin = QDoubleSpinBox()
        self.learning_rate_spin.setDecimals(4)
        self.learning_rate_spin.setRange(*LEARNING_RATE_RANGE)
        self.learning_rate_spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.learning_rate_spin.setKeyboardTracking(False)
        self.set_learning_rate(learning_rate)
        self.learning_rate_slider.valueChanged.connect(self._on_learning_rate_slider_moved)
        self.learning_rate_spin.valueChanged.connect(self._on_learning_rate_spin_changed)
        row = QHBoxLayout()
        row.addWidget(self.learning_rate_slider, 1)
        row.addWidget(self.learning_rate_spin)
        return row

    def _build_speed(self):
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setRange(0, len(SPEEDS) - 1)
        self.speed_slider.setValue(len(SPEEDS) - 1)
        self.speed_slider.setToolTip("Iterations per second: 1 to watch each update, up to max")
        self.speed_label = QLabel(speed_text(None))
        self.speed_label.setMinimumWidth(self.speed_label.sizeHint().width())
        self.speed_slider.valueChanged.connect(self._on_speed_slider_moved)
        row = QHBoxLayout()
        row.addWidget(self.speed_slider, 1)
        row.addWidget(self.speed_label)
        return row

    @property
    def speed(self):
        """Iterations per second (int), or None for as fast as possible."""
        return SPEEDS[self.speed_slider.value()]

    def set_learning_rate(self, learning_rate):
        """Show `learning_rate` (clamped to the control's range) without emitting a change."""
        with QSignalBlocker(self.learning_rate_spin), QSignalBlocker(self.learning_rate_slider):
            self.learning_rate_spin.setValue(learning_rate)
            self.learning_rate_slider.setValue(
                round(math.log10(self.learning_rate_spin.value()) * LEARNING_RATE_TICKS_PER_DECADE))

    def _on_learning_rate_slider_moved(self, position):
        value = 10 ** (position / LEARNING_RATE_TICKS_PER_DECADE)
        with QSignalBlocker(self.learning_rate_spin):
            self.learning_rate_spin.setValue(float(f"{value:.4g}"))
        self.learning_rate_changed.emit(self.learning_rate_spin.value())

    def _on_learning_rate_spin_changed(self, value):
        with QSignalBlocker(self.learning_rate_slider):
            self.learning_rate_slider.setValue(round(math.log10(value) * LEARNING_RATE_TICKS_PER_DECADE))
        self.learning_rate_changed.emit(value)

    def _on_speed_slider_moved(self, position):
        self.speed_label.setText(speed_text(SPEEDS[position]))
        self.speed_changed.emit(SPEEDS[position])
