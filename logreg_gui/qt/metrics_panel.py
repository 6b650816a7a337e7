"""The confusion matrix, precision, recall and accuracy at the decision threshold τ."""

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ..core.metrics import threshold_metrics
from .plots.style import label_text


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
        self.metrics = None

    def show_model(self, model, dataset, threshold):
        """Recompute the metrics of `model` on `dataset` at `threshold` and show them.

        Returns
        -------
        logreg_gui.core.metrics.ThresholdMetrics
            The training points' metrics.
        """
        p = model.predict_proba(dataset.X)[:, 1]
        train = ~dataset.test_mask
        self.metrics = threshold_metrics(dataset.y[train], p[train], threshold)
        names = [label_text(name) for name in dataset.class_names]
        parts = [f"<b>Threshold τ = {threshold:.2f}</b> (predict {names[1]} when P &gt; τ)",
                 self._table("training points", self.metrics, names)]
        if dataset.test_mask.any():
            test = threshold_metrics(dataset.y[~train], p[~train], threshold)
            parts.append(self._table("test points", test, names))
        self.setText("<br>".join(parts))
        return self.metrics

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
