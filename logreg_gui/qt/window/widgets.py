"""One control per parameter, generated from its declaration: a number box (with a slider when
declared), a choice (combo box, or a slider over stops) or a check box.

Every field has ``value()``, ``set_value(value)`` (shows it without emitting), ``edit(value)`` (as
if the user set it: emits) and the signal ``value_changed(object)``.
"""

import math

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox,
                               QHBoxLayout, QLabel, QWidget)

from logreg_gui.qt.panels.sliders import KeySlider

TICKS_PER_DECADE = 10
MAX_DECIMALS = 323  # Qt's limit: the box then rounds nothing a double can hold
TYPING = {"", "-", "+", ".", "-.", "+."}


def number_text(value, integer=False):
    """`value` with every digit it has and no more: '0.875', '1.5e-06', '3000000000'."""
    if integer:
        return str(int(value))
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


class NumberBox(QDoubleSpinBox):
    """A spin box that keeps exactly the value it is given and shows all of its digits.

    Qt's own box rounds to a fixed number of decimals, so showing 0.875 with two decimals and
    reading it back trained with 0.88. Enter commits the text, Escape restores the value; both
    give the keyboard back to the window (so that training shortcuts work again).

    Signals
    -------
    refused(str)
        A number outside the range was typed (the box keeps its value).
    """

    refused = Signal(str)

    def __init__(self, parameter, parent=None):
        super().__init__(parent)
        self._integer = parameter.kind is int
        self.setDecimals(0 if self._integer else MAX_DECIMALS)
        high = math.inf if parameter.high is None else parameter.high
        if parameter.high_open:
            high = math.nextafter(high, -math.inf)
        self.setRange(parameter.low, min(high, 1e300))
        if parameter.step is not None or self._integer:
            self.setSingleStep(parameter.step or 1)
        else:
            self.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.setKeyboardTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel edits it only when focused
        self.setAccelerated(True)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0.000000") + 24)

    def focusOutEvent(self, event):
        """Leaving the box commits like Enter (and says when the number was refused)."""
        self._check_typed()
        super().focusOutEvent(event)

    def _check_typed(self):
        refused = _number_out_of_range(self)
        if refused:
            self.refused.emit(refused)

    def textFromValue(self, value):
        """All the digits of `value` (Qt calls this to display it)."""
        return number_text(value, self._integer)

    def valueFromText(self, text):
        """The number typed (Qt calls this after :meth:`validate` accepted it)."""
        return float(text)

    def validate(self, text, position):
        """Acceptable: a number in range; Intermediate: on the way to one; else Invalid."""
        text = text.strip()
        if text in TYPING or text.lower().endswith(("e", "e-", "e+")):
            return QValidator.State.Intermediate
        try:
            value = int(text) if self._integer else float(text)
        except ValueError:
            return QValidator.State.Invalid
        if not math.isfinite(value):
            return QValidator.State.Invalid
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable
        return QValidator.State.Intermediate

    def keyPressEvent(self, event):
        """Enter commits, Escape cancels; then the window has the keyboard again."""
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.lineEdit().setText(self.textFromValue(self.value()))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._check_typed()
        super().keyPressEvent(event)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            give_keyboard_back(self)


def _number_out_of_range(box):
    """The text of `box` when it is a number the box refuses (out of range), else ''."""
    text = box.lineEdit().text().strip()
    try:
        float(text)
    except ValueError:
        return ""
    return text if box.validate(text, 0) != QValidator.State.Acceptable else ""


def give_keyboard_back(widget):
    """Move the keyboard focus to the window's central view (the data plot), so that the
    training shortcuts (Space, R, S, arrows, 0, 1) work again."""
    central = widget.window().centralWidget() if hasattr(widget.window(), "centralWidget") \
        else None
    if central is not None:
        central.setFocus(Qt.FocusReason.ShortcutFocusReason)
    else:
        widget.clearFocus()


class NumberField(QWidget):
    """A :class:`NumberBox`, with a slider beside it when the parameter declares one (log scale
    for ranges over decades, with an explicit 0 as first stop when declared)."""

    value_changed = Signal(object)
    value_refused = Signal(str)

    def __init__(self, parameter, parent=None):
        super().__init__(parent)
        self._parameter = parameter
        self.box = NumberBox(parameter)
        self.box.refused.connect(self.value_refused)
        self.slider = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if parameter.slider is not None:
            self.slider = KeySlider()
            low, high = (self._position_of(v) for v in parameter.slider)
            self.slider.setRange(low - int(parameter.zero_stop), high)
            self._low = low
            self.slider.valueChanged.connect(self._on_slider_value_changed)
            layout.addWidget(self.slider, 1)
        layout.addWidget(self.box, 0 if self.slider is not None else 1)
        self.box.valueChanged.connect(self._on_box_value_changed)
        self.set_value(parameter.default)

    def value(self):
        """The value shown (int or float, as declared)."""
        return self._parameter.kind(self.box.value())

    def set_value(self, value):
        """Show `value` exactly, without emitting."""
        with QSignalBlocker(self.box):
            self.box.setValue(value)
        self._move_slider()

    def edit(self, value):
        """Set `value` as if typed (emits when it changes)."""
        self.box.setValue(value)

    def _position_of(self, value):
        if self._parameter.linear_slider:
            return round(value / self._parameter.step)
        return round(math.log10(value) * TICKS_PER_DECADE)

    def _value_at(self, position):
        if position < self._low:
            return 0.0
        if self._parameter.linear_slider:
            return float(f"{position * self._parameter.step:.10g}")
        return float(f"{10 ** (position / TICKS_PER_DECADE):.3g}")

    def _move_slider(self):
        if self.slider is None:
            return
        value = self.box.value()
        position = (self.slider.minimum() if value <= 0 and not self._parameter.linear_slider
                    else max(self._low, self._position_of(value)))
        with QSignalBlocker(self.slider):
            self.slider.setValue(position)

    def _on_slider_value_changed(self, position):
        with QSignalBlocker(self.box):
            self.box.setValue(self._value_at(position))
        self.value_changed.emit(self.value())

    def _on_box_value_changed(self, _value):
        self._move_slider()
        self.value_changed.emit(self.value())


class ChoiceField(QWidget):
    """A combo box over a parameter's choices, or a slider over them with a label (``speed``)."""

    value_changed = Signal(object)

    def __init__(self, parameter, slider=False, parent=None):
        super().__init__(parent)
        self._values = parameter.values
        self._texts = [text for _, text in parameter.choices]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = self.slider = None
        if slider:
            self.slider = KeySlider()
            self.slider.setRange(0, len(self._values) - 1)
            self.label = QLabel()
            # As wide as the widest stop: the panel never re-lays out while dragging.
            self.label.setMinimumWidth(max(self.label.fontMetrics().horizontalAdvance(text)
                                           for text in self._texts))
            self.slider.valueChanged.connect(self._on_index_changed)
            layout.addWidget(self.slider, 1)
            layout.addWidget(self.label)
        else:
            self.combo = QComboBox()
            # Narrow when the panel is: the full text is in the list and the tooltip.
            self.combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.combo.setMinimumContentsLength(8)
            for value, text in parameter.choices:
                self.combo.addItem(text, value)
            self.combo.currentIndexChanged.connect(self._on_index_changed)
            layout.addWidget(self.combo, 1)
        self.set_value(parameter.default)

    @property
    def _index_widget(self):
        return self.slider if self.slider is not None else self.combo

    def value(self):
        """The chosen value."""
        index = (self.slider.value() if self.slider is not None else self.combo.currentIndex())
        return self._values[index]

    def set_value(self, value):
        """Show `value` without emitting."""
        with QSignalBlocker(self._index_widget):
            self._set_index(self._values.index(value))
        self._show_label()

    def edit(self, value):
        """Choose `value` as a user would (emits when it changes)."""
        self._set_index(self._values.index(value))

    def enable_choice(self, value, enabled):
        """Offer or grey out one choice of the combo box."""
        self.combo.model().item(self._values.index(value)).setEnabled(enabled)

    def _set_index(self, index):
        if self.slider is not None:
            self.slider.setValue(index)
        else:
            self.combo.setCurrentIndex(index)

    def _show_label(self):
        if self.slider is not None:
            self.label.setText(self._texts[self.slider.value()])

    def _on_index_changed(self, _index):
        self._show_label()
        self.value_changed.emit(self.value())


class CheckField(QCheckBox):
    """A check box for a boolean parameter."""

    value_changed = Signal(object)

    def __init__(self, parameter, parent=None):
        super().__init__(parameter.label, parent)
        self.setChecked(parameter.default)
        self.toggled.connect(self._on_toggled)

    def value(self):
        """Whether it is checked (bool)."""
        return self.isChecked()

    def set_value(self, value):
        """Show `value` without emitting."""
        with QSignalBlocker(self):
            self.setChecked(value)

    def edit(self, value):
        """Check or uncheck as a user would (emits when it changes)."""
        self.setChecked(value)

    def _on_toggled(self, checked):
        self.value_changed.emit(checked)
