"""A timeline slider over the recorded snapshots, to look back without touching training."""

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget


class HistoryBar(QWidget):
    """Slider over the history entries; the right end is 'live'.

    Signals
    -------
    scrubbed(int)
        The entry index chosen by the user (the last index means live).
    """

    scrubbed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("history_bar")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip("Drag to see the model as it was at an earlier iteration; "
                               "training is not affected")
        self.label = QLabel("live")
        self.label.setMinimumWidth(230)
        self.live_button = QPushButton("Live")
        self.live_button.setToolTip("Back to the current iteration")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(QLabel("History"))
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        layout.addWidget(self.live_button)
        self.slider.valueChanged.connect(self.scrubbed)
        self.live_button.clicked.connect(self.go_live)

    @property
    def is_live(self):
        """Whether the slider is at the newest entry (bool)."""
        return self.slider.value() == self.slider.maximum()

    def set_length(self, length):
        """Track `length` entries; a live slider stays at the end (no signal)."""
        live = self.is_live
        with QSignalBlocker(self.slider):
            self.slider.setMaximum(max(length - 1, 0))
            if live:
                self.slider.setValue(self.slider.maximum())

    def show_position(self, iteration, live_iteration):
        """Describe what the views show."""
        self.label.setText("live" if iteration == live_iteration else
                           f"showing iteration {iteration:,} (live: {live_iteration:,})")

    def show_index(self, index):
        """Put the slider on entry `index` without a signal (the history was thinned)."""
        with QSignalBlocker(self.slider):
            self.slider.setValue(index)

    def go_live(self):
        """Jump to the newest entry."""
        self.slider.setValue(self.slider.maximum())

    def step_back(self):
        """Move one entry back."""
        self.slider.setValue(max(self.slider.value() - 1, 0))
