"""Explain step: the next update told one sub-step at a time, in the formulas panel."""

import html
import math

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from logreg_gui.core.explain import explain_step
from logreg_gui.core.trained_units import TrainedUnits

SECONDS_PER_STEP = 3.0  # the narration's pace; Next and Back take over at once
LISTED = 6


def _number(value, digits=4):
    return f"{value:.{digits}g}" if math.isfinite(value) else "—"


def _value(value):
    """A float, or a short vector '(a, b, …)', as text."""
    array = np.atleast_1d(np.asarray(value, dtype=np.float64))
    if np.ndim(value) == 0:
        return _number(float(array[0]), 6)
    shown = ", ".join(_number(v) for v in array[:LISTED])
    return f"({shown}{', …' if len(array) > LISTED else ''})"


class ExplainPanel(QWidget):
    """An 'Explain step' button that splits the next update at the shown θ into its sub-steps
    (:func:`~logreg_gui.core.explain.explain_step`) and tells them one after another, every
    few seconds, with Back and Next. Training is not touched: the story ends where the next
    Step lands, and once that step is taken the panel says whether it landed exactly there.
    Explaining needs the live state, paused (the optimizer's state is that of the live run).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("explain_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.explain = self._button("Explain step", "Take the next update apart, sub-step by "
                                    "sub-step, with the live numbers", self.start)
        self.back = self._button("◀ Back", "The previous sub-step", lambda: self.go(-1))
        self.next = self._button("Next ▶", "The next sub-step", lambda: self.go(1))
        self.position = QLabel()
        for widget in (self.explain, self.back, self.next, self.position):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.story = QLabel()
        self.story.setObjectName("explain_story")
        self.story.setTextFormat(Qt.TextFormat.RichText)
        self.story.setWordWrap(True)
        layout.addWidget(self.story)
        self._timer = QTimer(self)
        self._timer.setInterval(int(SECONDS_PER_STEP * 1000))
        self._timer.timeout.connect(lambda: self.go(1, stop=False))
        self._frame = None
        self.steps, self.index, self.outcome = [], 0, ""
        self._from = None  # (iteration, θ) the story starts from
        self._render()

    def _button(self, text, tip, slot):
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def show_frame(self, frame):
        """Follow a :class:`~logreg_gui.core.frame.Frame`: Explain is offered on the live,
        paused state; a story whose state has changed ends, saying where the step landed."""
        self._frame = frame
        ready = frame.live and not frame.snapshot.running
        self.explain.setEnabled(ready)
        self.explain.setToolTip("Take the next update apart, sub-step by sub-step, with the "
                                "live numbers" if ready else
                                "Pause on the live run (not a past iteration) to explain")
        if self._from is not None and self._moved(frame):
            self._finish(frame)

    def _moved(self, frame):
        iteration, theta = self._from
        return frame.entry.iteration != iteration or not np.array_equal(frame.entry.theta,
                                                                         theta)

    def start(self):
        """Explain the next update from the frame shown (live and paused)."""
        frame = self._frame
        if frame is None or not frame.live:
            return
        X, y = TrainedUnits.of(frame.dataset, frame.options).training_set(frame.dataset)
        try:
            self.steps = explain_step(X, y, frame.entry.theta, frame.options,
                                      frame.snapshot.state.optimizer_state)
        except ValueError as error:
            self.steps = []
            self.outcome = html.escape(str(error))
            self._render()
            return
        self._from = (frame.entry.iteration, frame.entry.theta.copy())
        self.index, self.outcome = 0, ""
        self._timer.start()
        self._render()

    def go(self, offset, stop=True):
        """Show the sub-step `offset` away (Back: −1, Next: +1); the narration stops when asked
        or at the end."""
        if stop:
            self._timer.stop()
        self.index = min(max(self.index + offset, 0), max(len(self.steps) - 1, 0))
        if self.index == len(self.steps) - 1:
            self._timer.stop()
        self._render()

    def _finish(self, frame):
        """The state moved on: say whether it landed where the story ended."""
        self._timer.stop()
        iteration, _ = self._from
        self._from = None
        if not self.steps:
            return
        self.index = len(self.steps) - 1
        landed = (frame.entry.iteration == iteration + 1
                  and np.array_equal(frame.entry.theta, self.steps[-1].theta))
        self.outcome = ("✓ The step was taken: θ is now exactly the θ explained." if landed else
                        "The state changed: press Explain step to explain the next update.")
        self._render()

    def _render(self):
        telling = bool(self.steps)
        self.back.setEnabled(telling and self.index > 0)
        self.next.setEnabled(telling and self.index < len(self.steps) - 1)
        self.position.setText(f"{self.index + 1} / {len(self.steps)}" if telling else "")
        lines = [f"<i>{self.outcome}</i>"] if self.outcome else []
        for number, step in enumerate(self.steps[:self.index + 1], start=1):
            if number <= self.index:
                lines.append(f"<span style='color:#777777'>{number}. "
                             f"{html.escape(step.title)}</span>")
                continue
            lines.append(f"<b>{number}. {html.escape(step.title)}</b><br>"
                         f"{html.escape(step.sentence)}")
            lines += [f"&nbsp;&nbsp;{label} = {_value(value)}" for label, value in step.numbers]
        self.story.setText("<br>".join(lines))
        self.story.setVisible(bool(lines))
