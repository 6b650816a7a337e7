"""The confusion matrix, precision, recall and accuracy at the decision threshold τ."""

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from logreg_gui.qt.plots.style import label_text


def _percent(fraction):
    return f"{fraction:.1%}" if math.isfinite(fraction) else "—"


class MetricsPanel(QLabel):
    """A 2 × 2 confusion matrix of the training points (and of the test points when there are
    any) at threshold τ, with precision, recall and accuracy."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("metrics_panel")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setMargin(8)

    def show_frame(self, frame):
        """Show the confusion matrices of a :class:`~logreg_gui.core.frame.Frame` at its τ."""
        names = [label_text(name) for name in frame.dataset.class_names]
        parts = [f"<b>Threshold τ = {frame.view.threshold:.2f}</b> (predict {names[1]} when "
                 f"P &gt; τ)", self._table("training points", frame.metrics, names)]
        if frame.test_metrics is not None:
            parts.append(self._table("test points", frame.test_metrics, names))
        self.setText("<br>".join(parts))

    @staticmethod
    def _table(title, m, names):
        cell = "style='padding:2px 8px; border:1px solid #999'"
        return (f"<br><b>{title}</b><table cellspacing=0>"
                f"<tr><td></td><td {cell}>predicted {names[0]}</td>"
                f"<td {cell}>predicted {names[1]}</td></tr>"
                f"<tr><td {cell}>actual {names[0]}</td><td {cell}>{m.tn}</td>"
                f"<td {cell}>{m.fp}</td></tr>"
                f"<tr><td {cell}>actual {names[1]}</td><td {cell}>{m.fn}</td>"
                f"<td {cell}>{m.tp}</td></tr></table>"
                f"precision {_percent(m.precision)} · recall {_percent(m.recall)} · "
                f"accuracy {_percent(m.accuracy)}")
