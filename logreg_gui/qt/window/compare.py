"""The Compare panel: race up to three other runs beside the main one, from the same start."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QPushButton,
                               QVBoxLayout, QWidget)

from logreg_gui.core.parameters import PARAMETERS
from logreg_gui.core.state import MAX_RUNS
from logreg_gui.qt.window.controls import make_field

FIELDS = ("optimizer", "learning_rate", "momentum", "loss")
PRESETS = {
    "gd, momentum and Adam": [{"optimizer": "gd"}, {"optimizer": "momentum"},
                              {"optimizer": "adam", "learning_rate": 0.01}],
    "η ÷ 10 and η × 10": "learning rates",
    "the other loss (side by side)": "other loss",
    "Newton": [{"optimizer": "newton"}],
}


class ComparePanel(QWidget):
    """Up to three runs, each a checkable box of optimizer, η, β and loss; Race starts every
    checked one and the main run again from θ = 0; Keep this run freezes the loss curve.

    Signals
    -------
    runs_requested(object)
        A list of {TrainingOptions field: value} changes, one per run to race (may be empty).
    keep_requested()
    """

    runs_requested = Signal(object)
    keep_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("compare_panel")
        layout = QVBoxLayout(self)
        self.preset = QComboBox()
        self.preset.setObjectName("compare_preset")
        self.preset.addItem("Preset…")
        self.preset.addItems(list(PRESETS))
        self.preset.setToolTip("Fill the runs below with a usual comparison")
        layout.addWidget(self.preset)
        self.boxes, self.fields = [], []
        for index in range(MAX_RUNS):
            box, fields = self._run_box(index)
            layout.addWidget(box)
            self.boxes.append(box)
            self.fields.append(fields)
        buttons = QHBoxLayout()
        self.race = self._button("Race", "Train the checked runs and the main one from θ = 0, "
                                 "side by side", self._on_race_clicked)
        self.keep = self._button("Keep this run", "Keep the loss curve so far as a faint "
                                 "reference for the next run", self.keep_requested.emit)
        buttons.addWidget(self.race)
        buttons.addWidget(self.keep)
        layout.addLayout(buttons)
        self._main = None
        self.preset.activated.connect(self._on_preset_activated)

    def _run_box(self, index):
        box = QGroupBox(f"Run {index + 2}")
        box.setObjectName(f"run_{index}")
        box.setCheckable(True)
        box.setChecked(False)
        form = QFormLayout(box)
        fields = {}
        for name in FIELDS:
            fields[name] = make_field(PARAMETERS[name])
            fields[name].setObjectName(f"run_{index}_{name}")
            form.addRow(PARAMETERS[name].label, fields[name])
        return box, fields

    def _button(self, text, tip, slot):
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def show_main(self, options):
        """Start the runs' fields from the main run's options (before a preset)."""
        self._main = options

    def set_runs(self, changes):
        """Check and fill the first boxes with `changes` (a list of dicts), uncheck the rest."""
        for index, (box, fields) in enumerate(zip(self.boxes, self.fields, strict=True)):
            box.setChecked(index < len(changes))
            values = {**(vars(self._main) if self._main else {}),
                      **(changes[index] if index < len(changes) else {})}
            for name, field in fields.items():
                if name in values:
                    field.set_value(values[name])

    def changes(self):
        """The checked runs' changes relative to the main run (list of dicts)."""
        result = []
        for box, fields in zip(self.boxes, self.fields, strict=True):
            if box.isChecked():
                values = {name: field.value() for name, field in fields.items()}
                result.append({name: value for name, value in values.items()
                               if self._main is None or getattr(self._main, name) != value})
        return result

    def _on_race_clicked(self):
        self.runs_requested.emit(self.changes())

    def _on_preset_activated(self, index):
        if index == 0 or self._main is None:
            return
        preset = PRESETS[self.preset.itemText(index)]
        eta = self._main.learning_rate
        if preset == "learning rates":
            preset = [{"learning_rate": max(eta / 10, 1e-6)},
                      {"learning_rate": min(eta * 10, 1000.0)}]
        elif preset == "other loss":
            preset = [{"loss": self._main.criterion.other.name}]
        self.set_runs(preset)
        self.preset.setCurrentIndex(0)
