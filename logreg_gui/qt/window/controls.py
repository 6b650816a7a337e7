"""The control panel: one field per parameter, generated from the parameter table."""

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QVBoxLayout, QWidget

from logreg_gui.core.loss import LOSSES
from logreg_gui.core.parameters import PARAMETERS
from logreg_gui.qt.window.widgets import CheckField, ChoiceField, NumberField, number_text

BOXES = (("Training", ("training", "run")), ("Data", ("data",)), ("View", ("view",)))


def make_field(parameter):
    """The field that edits `parameter` (NumberField, ChoiceField or CheckField), with its
    object name and a tooltip giving the help and the range."""
    if parameter.kind is bool:
        field = CheckField(parameter)
    elif parameter.choices:
        field = ChoiceField(parameter, slider=parameter.kind is int)
    else:
        field = NumberField(parameter)
    field.setObjectName(parameter.name)
    tip = parameter.help[0].upper() + parameter.help[1:]
    if parameter.kind in (int, float) and not parameter.choices:
        tip += f" ({parameter.wanted()}, default {number_text(parameter.default)})"
    field.setToolTip(tip)
    return field


class ControlPanel(QWidget):
    """Every setting the user can change, in boxes Training, Data and View.

    Parameters
    ----------
    values : dict, optional
        {parameter name: value} to show first (others show their defaults).

    Attributes
    ----------
    fields : dict
        {parameter name: field}; each field has ``value()``, ``set_value(v)`` and ``edit(v)``.

    Signals
    -------
    parameter_changed(str, object)
        The user changed one parameter: its name and new value (no other value changes).
    value_refused(str)
        A sentence saying which typed value was refused and why.
    """

    parameter_changed = Signal(str, object)
    value_refused = Signal(str)

    def __init__(self, values=None, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.fields = {}
        for title, groups in BOXES:
            box = QGroupBox(title)
            form = QFormLayout(box)
            for parameter in PARAMETERS.values():
                if parameter.group in groups and parameter.control:
                    self._add_field(form, parameter)
            layout.addWidget(box)
        self.show_values(values or {})

    def _add_field(self, form, parameter):
        field = make_field(parameter)
        if isinstance(field, CheckField):
            form.addRow(field)
        else:
            form.addRow(parameter.label, field)
        field.value_changed.connect(partial(self._on_field_value_changed, parameter.name))
        if isinstance(field, NumberField):
            field.value_refused.connect(partial(self._on_field_value_refused, parameter))
        self.fields[parameter.name] = field

    def value(self, name):
        """The value a field shows."""
        return self.fields[name].value()

    def show_values(self, values):
        """Show {name: value} (names without a field are ignored) without emitting."""
        for name, value in values.items():
            if name in self.fields:
                self.fields[name].set_value(value)
        self._enable_settings()

    def set_running(self, running):
        """The optimizer can only be changed while paused."""
        self.fields["optimizer"].setEnabled(not running)

    def _enable_settings(self):
        """Grey out what the chosen optimizer does not use."""
        optimizer = self.value("optimizer")
        newton = optimizer == "newton"
        self.fields["batch_size"].setEnabled(optimizer == "sgd")
        self.fields["momentum"].setEnabled(optimizer == "momentum")
        for name in ("learning_rate", "loss", "side_by_side"):
            self.fields[name].setEnabled(not newton)
        # Newton needs a convex loss: it cannot run (or be compared) on the squared error.
        self.fields["optimizer"].enable_choice("newton", LOSSES[self.value("loss")].convex)

    def _on_field_value_refused(self, parameter, text):
        kept = number_text(self.value(parameter.name), parameter.kind is int)
        self.value_refused.emit(f"{parameter.label} {text} refused: it must be "
                                f"{parameter.wanted()}; it stays {kept}.")

    def _on_field_value_changed(self, name, value):
        self._enable_settings()
        self.parameter_changed.emit(name, value)
