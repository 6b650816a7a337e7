"""A timeline slider over the recorded snapshots, to look back without touching training."""

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from logreg_gui.qt.panels.sliders import KeySlider


class HistoryBar(QWidget):
    """Slider over the recorded parameter entries; the right end is 'live'.

    Signals
    -------
    scrubbed(object)
        The iteration chosen by the user (int), or None for live.
    """

    scrubbed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("history_bar")
        self.slider = KeySlider()
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
        self._iterations = ()
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.live_button.clicked.connect(self.go_live)

    def show_frame(self, frame):
        """Put the slider on the entry a :class:`~logreg_gui.core.frame.Frame` shows."""
        parameters = frame.timeline.parameters
        self._iterations = parameters.iterations
        last = max(len(parameters) - 1, 0)
        index = last if frame.live else parameters.index_at(frame.entry.iteration)
        with QSignalBlocker(self.slider):
            self.slider.setMaximum(last)
            self.slider.setValue(index)
        live = frame.snapshot.state.iteration
        self.label.setText("live" if frame.live else
                           f"showing iteration {frame.entry.iteration:,} (live: {live:,})")

    def go_live(self):
        """Show the newest state."""
        self.scrubbed.emit(None)

    def step_back(self):
        """Show the entry before the one shown."""
        self.slider.setValue(max(self.slider.value() - 1, 0))

    def _on_slider_value_changed(self, index):
        live = index >= len(self._iterations) - 1
        self.scrubbed.emit(None if live else int(self._iterations[index]))
