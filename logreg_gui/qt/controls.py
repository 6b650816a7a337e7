"""The control panel: training options, speed, data generation settings and view options."""

import math

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QSlider, QSpinBox, QVBoxLayout,
                               QWidget)

from ..core.features import MAX_DEGREE
from ..core.state import TrainingOptions

TICKS_PER_DECADE = 10
SPIN_DECIMALS = 6
LEARNING_RATE_RANGE = (1e-4, 10.0)  # the slider; the box takes 1e-6 … 1000
L2_RANGE = (1e-4, 100.0)  # the slider's first position is λ = 0; the box takes up to 1e6
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, None)  # None: max
LOSSES = (("cross_entropy", "cross-entropy (log-loss)"), ("mse", "squared error ½(ŷ − y)²"))
VIEW_OPTIONS = (("weight_vector", "Weight vector w", True,
                 "Arrow from the boundary along w, the boundary's normal, towards class 1 "
                 "(degree 1)"),
                ("contours", "Probability contours 0.1 … 0.9", False,
                 "Dashed lines where P(y=1|x) = 0.1, 0.2, …, 0.9 (0.5 solid and thicker)"),
                ("trail", "Trail of past boundaries", False,
                 "The last few boundary lines, fading with age (degree 1)"),
                ("fill_by_prediction", "Fill points by predicted class", False,
                 "Fill colour = predicted class, outline = actual class"),
                ("size_by_loss", "Size points by their loss", False,
                 "Bigger = larger loss term; misclassified points get a red ring"))
OPTIMIZERS = (("gd", "gradient descent"), ("sgd", "mini-batch SGD"),
              ("momentum", "momentum (heavy ball)"), ("adam", "Adam"),
              ("newton", "Newton (IRLS)"))


def speed_text(speed):
    """'max (as fast as possible)' for None, else 'N it/s'."""
    return "max (as fast as possible)" if speed is None else f"{speed:,} it/s"


class LogSlider(QWidget):
    """A log-scale slider beside a spin box, kept in step; optionally with an explicit 0 as the
    slider's first position.

    Signals
    -------
    value_changed(float)
    """

    value_changed = Signal(float)

    def __init__(self, value, value_range, spin_range, with_zero=False, parent=None):
        super().__init__(parent)
        low, high = (round(math.log10(v) * TICKS_PER_DECADE) for v in value_range)
        self._low = low
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(low - int(with_zero), high)
        self.spin = QDoubleSpinBox()
        # Enough decimals to show any value typed or given on the command line as it is used.
        self.spin.setDecimals(SPIN_DECIMALS)
        self.spin.setRange(0.0 if with_zero else spin_range[0], spin_range[1])
        self.spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.spin.setKeyboardTracking(False)
        self.set_value(value)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.spin.valueChanged.connect(self._on_spin_value_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)

    def value(self):
        """The current value (float)."""
        return self.spin.value()

    def set_value(self, value):
        """Show `value` (clamped to the range) without emitting a change."""
        with QSignalBlocker(self.spin), QSignalBlocker(self.slider):
            self.spin.setValue(value)
            self.slider.setValue(self._position(self.spin.value()))

    def _position(self, value):
        if value <= 0:
            return self.slider.minimum()
        return max(self._low, round(math.log10(value) * TICKS_PER_DECADE))

    def _on_slider_value_changed(self, position):
        value = 0.0 if position < self._low else 10 ** (position / TICKS_PER_DECADE)
        with QSignalBlocker(self.spin):
            self.spin.setValue(float(f"{value:.3g}"))
        self.value_changed.emit(self.spin.value())

    def _on_spin_value_changed(self, value):
        with QSignalBlocker(self.slider):
            self.slider.setValue(self._position(value))
        self.value_changed.emit(value)


class ControlPanel(QWidget):
    """Every setting the user can change, grouped as Training, Data and View.

    Parameters
    ----------
    options : TrainingOptions
        The values to show first.

    Signals
    -------
    options_changed(object)
        The full new :class:`TrainingOptions` after any training setting changed.
    speed_changed(object)
        Iterations per second (int) or None for as fast as possible.
    test_fraction_changed(float), threshold_changed(float)
    step_function_toggled(bool), log_scale_toggled(bool), gap_view_toggled(bool),
    side_by_side_toggled(bool)
    view_option_toggled(str, bool)
        The name of a data-plot overlay (see VIEW_OPTIONS) and whether it is shown.
    """

    options_changed = Signal(object)
    speed_changed = Signal(object)
    test_fraction_changed = Signal(float)
    step_function_toggled = Signal(bool)
    log_scale_toggled = Signal(bool)
    gap_view_toggled = Signal(bool)
    side_by_side_toggled = Signal(bool)
    threshold_changed = Signal(float)
    view_option_toggled = Signal(str, bool)

    def __init__(self, options, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_training(options))
        layout.addWidget(self._build_data(options))
        layout.addWidget(self._build_view())
        self.set_options(options)
        for signal in (self.learning_rate.value_changed, self.l2.value_changed,
                       self.degree.valueChanged, self.optimizer.currentIndexChanged,
                       self.batch_size.valueChanged, self.momentum.valueChanged,
                       self.standardize_box.toggled, self.seed.valueChanged,
                       self.loss.currentIndexChanged):
            signal.connect(self._on_any_option_changed)

    def _build_training(self, options):
        group = QGroupBox("Training")
        form = QFormLayout(group)
        self.learning_rate = LogSlider(options.learning_rate, LEARNING_RATE_RANGE, (1e-6, 1e3))
        self.learning_rate.setToolTip("Step size η, log scale from 0.0001 to 10")
        form.addRow("Learning rate η", self.learning_rate)
        self.optimizer = QComboBox()
        for name, text in OPTIMIZERS:
            self.optimizer.addItem(f"{name}: {text}", name)
        self.optimizer.setToolTip("Update rule; can be changed while paused")
        form.addRow("Optimizer", self.optimizer)
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, 1_000_000)
        self.batch_size.setToolTip("Mini-batch size B of SGD (1 ≤ B ≤ number of training points)")
        form.addRow("Batch size", self.batch_size)
        self.momentum = QDoubleSpinBox()
        self.momentum.setRange(0.0, 0.99)
        self.momentum.setSingleStep(0.05)
        self.momentum.setToolTip("β of heavy-ball momentum")
        form.addRow("Momentum β", self.momentum)
        self.loss = QComboBox()
        for name, text in LOSSES:
            self.loss.addItem(text, name)
        self.loss.setToolTip("What gradient descent minimises; MSE is here to show why "
                             "cross-entropy is used")
        form.addRow("Loss", self.loss)
        self.side_by_side_box = QCheckBox("Side by side with the other loss")
        self.side_by_side_box.setToolTip("Also train with the other loss from the same start; "
                                         "both curves appear in the loss plot")
        self.side_by_side_box.toggled.connect(self.side_by_side_toggled)
        form.addRow(self.side_by_side_box)
        self.l2 = LogSlider(options.l2, L2_RANGE, (0.0, 1e6), with_zero=True)
        self.l2.setToolTip("L2 penalty λ/(2n)·‖w‖² (first slider position: λ = 0)")
        form.addRow("L2 penalty λ", self.l2)
        self.degree = QSpinBox()
        self.degree.setRange(1, MAX_DEGREE)
        self.degree.setToolTip("Polynomial features x1^i·x2^j, 1 ≤ i + j ≤ degree "
                               "(changing it restarts from w = 0)")
        form.addRow("Degree", self.degree)
        self.standardize_box = QCheckBox("Standardize features")
        self.standardize_box.setToolTip("Train on zero-mean, unit-variance features; "
                                        "coefficients are still shown in the original units.")
        form.addRow(self.standardize_box)
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setRange(0, len(SPEEDS) - 1)
        self.speed_slider.setValue(len(SPEEDS) - 1)
        self.speed_slider.setToolTip("Iterations per second: 1 to watch each update, up to max")
        self.speed_label = QLabel(speed_text(None))
        self.speed_slider.valueChanged.connect(self._on_speed_slider_value_changed)
        speed = QHBoxLayout()
        speed.addWidget(self.speed_slider, 1)
        speed.addWidget(self.speed_label)
        form.addRow("Speed", speed)
        return group

    def _build_data(self, options):
        group = QGroupBox("Data")
        form = QFormLayout(group)
        self.test_fraction = QDoubleSpinBox()
        self.test_fraction.setRange(0.0, 0.5)
        self.test_fraction.setSingleStep(0.05)
        self.test_fraction.setToolTip("Share of each class held out as hollow test points")
        self.test_fraction.valueChanged.connect(self.test_fraction_changed)
        form.addRow("Test fraction", self.test_fraction)
        self.n_samples = QSpinBox()
        self.n_samples.setRange(2, 100_000)
        self.n_samples.setValue(100)
        form.addRow("Points (Data menu)", self.n_samples)
        self.noise = QDoubleSpinBox()
        self.noise.setRange(0.0, 5.0)
        self.noise.setSingleStep(0.1)
        self.noise.setValue(1.0)
        form.addRow("Noise (Data menu)", self.noise)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(options.random_state)
        self.seed.setToolTip("Seed of generated data, the test split and SGD's shuffling")
        form.addRow("Seed", self.seed)
        return group

    def _build_view(self):
        group = QGroupBox("View")
        layout = QVBoxLayout(group)
        self.step_box = self._checkbox("Show step function", True, self.step_function_toggled,
                                       "Dashed overlay of the hard threshold the sigmoid replaces")
        self.log_box = self._checkbox("Log-scale loss", False, self.log_scale_toggled,
                                      "Plot the loss on a logarithmic axis")
        self.gap_box = self._checkbox("Gap to optimum J − J*", False, self.gap_view_toggled,
                                      "Plot J − J* on a log axis (when an optimum exists)")
        for box in (self.step_box, self.log_box, self.gap_box):
            layout.addWidget(box)
        self.view_boxes = {}
        for name, text, checked, tip in VIEW_OPTIONS:
            box = QCheckBox(text)
            box.setChecked(checked)
            box.setToolTip(tip)
            box.toggled.connect(lambda on, name=name: self.view_option_toggled.emit(name, on))
            layout.addWidget(box)
            self.view_boxes[name] = box
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.01, 0.99)
        self.threshold.setSingleStep(0.01)
        self.threshold.setValue(0.5)
        self.threshold_slider = QSlider(Qt.Orientation.Horizontal)
        self.threshold_slider.setRange(1, 99)
        self.threshold_slider.setValue(50)
        for widget in (self.threshold, self.threshold_slider):
            widget.setToolTip("Decision threshold τ: predict class 1 when P(y=1|x) > τ; "
                              "the boundary moves to z = log(τ/(1 − τ))")
        self.threshold_slider.valueChanged.connect(
            lambda position: self.threshold.setValue(position / 100))
        self.threshold.valueChanged.connect(self._on_threshold_value_changed)
        row = QHBoxLayout()
        row.addWidget(QLabel("Threshold τ"))
        row.addWidget(self.threshold_slider, 1)
        row.addWidget(self.threshold)
        layout.addLayout(row)
        return group

    def _on_threshold_value_changed(self, value):
        with QSignalBlocker(self.threshold_slider):
            self.threshold_slider.setValue(round(value * 100))
        self.threshold_changed.emit(value)

    def _checkbox(self, text, checked, signal, tip):
        box = QCheckBox(text)
        box.setChecked(checked)
        box.setToolTip(tip)
        box.toggled.connect(signal)
        return box

    @property
    def speed(self):
        """Iterations per second (int), or None for as fast as possible."""
        return SPEEDS[self.speed_slider.value()]

    def options(self):
        """The :class:`TrainingOptions` the widgets show."""
        return TrainingOptions(
            learning_rate=self.learning_rate.value(), standardize=self.standardize_box.isChecked(),
            l2=self.l2.value(), degree=self.degree.value(),
            optimizer=self.optimizer.currentData(), batch_size=self.batch_size.value(),
            momentum=self.momentum.value(), random_state=self.seed.value(),
            loss=self.loss.currentData())

    def set_options(self, options):
        """Show `options` without emitting changes."""
        widgets = (self.degree, self.optimizer, self.batch_size, self.momentum,
                   self.standardize_box, self.seed, self.loss)
        blockers = [QSignalBlocker(widget) for widget in widgets]
        self.learning_rate.set_value(options.learning_rate)
        self.l2.set_value(options.l2)
        self.degree.setValue(options.degree)
        self.optimizer.setCurrentIndex(self.optimizer.findData(options.optimizer))
        self.batch_size.setValue(options.batch_size)
        self.momentum.setValue(options.momentum)
        self.standardize_box.setChecked(options.standardize)
        self.seed.setValue(options.random_state)
        self.loss.setCurrentIndex(self.loss.findData(options.loss))
        del blockers
        self._enable_optimizer_settings()

    def show_test_fraction(self, fraction):
        """Show the test fraction of data split elsewhere (rounded to 0.01), without emitting."""
        with QSignalBlocker(self.test_fraction):
            self.test_fraction.setValue(round(float(fraction), 2))

    def set_training_size(self, n_train):
        """Limit the batch size to the number of training points (at least 1)."""
        self.batch_size.setMaximum(max(1, n_train))

    def set_running(self, running):
        """The optimizer can only be changed while paused."""
        self.optimizer.setEnabled(not running)

    def _enable_optimizer_settings(self):
        name = self.optimizer.currentData()
        self.batch_size.setEnabled(name == "sgd")
        self.momentum.setEnabled(name == "momentum")
        self.learning_rate.setEnabled(name != "newton")
        # Newton needs the convex log-loss: it cannot run (or be compared) on the squared error.
        self.loss.setEnabled(name != "newton")
        self.side_by_side_box.setEnabled(name != "newton")
        if name == "newton":  # the worker drops the side-by-side run for Newton
            with QSignalBlocker(self.side_by_side_box):
                self.side_by_side_box.setChecked(False)
        newton = self.optimizer.findData("newton")
        self.optimizer.model().item(newton).setEnabled(self.loss.currentData() != "mse")

    def _on_any_option_changed(self, *_):
        self._enable_optimizer_settings()
        self.options_changed.emit(self.options())

    def _on_speed_slider_value_changed(self, position):
        self.speed_label.setText(speed_text(SPEEDS[position]))
        self.speed_changed.emit(SPEEDS[position])
