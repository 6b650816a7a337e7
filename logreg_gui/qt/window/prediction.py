"""The prediction calculator: type a point's feature values, read z, P (with its 95 % interval)
and the class at τ; and the fitted equation written out with its numbers."""

import html
from functools import partial

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout

from logreg_gui.core.equation import equation_html, format_number
from logreg_gui.core.parameters import Parameter
from logreg_gui.core.prediction import predict_point
from logreg_gui.qt.plots.style import class_text, label_text
from logreg_gui.qt.window.widgets import NumberField

LIMIT = 1e300  # any finite feature value a float64 holds comfortably


def _feature(index):
    return Parameter(f"predict_x{index + 1}", f"x{index + 1}", float, 0.0, "view",
                     f"value of feature {index + 1} (original units)", -LIMIT, LIMIT)


def _label(text=""):
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PredictionPanel(QGroupBox):
    """Two number boxes (the features, original units) and what the model shown says about
    that point: z = b + w·φ(x), P(y = 1 | x) = σ(z) with its 95 % interval (delta method on
    the logit, when the model shown is the maximum-likelihood fit of a defined coefficient
    table) and the class at τ; below, the fitted equation with its numbers.

    It follows the model on screen: the live one, or the past one while the history is
    scrubbed (the panel says which). Until a value is typed the boxes hold the training
    points' means.

    Attributes
    ----------
    fields : list of NumberField
        The two feature boxes (``edit(value)`` types a value).
    prediction : logreg_gui.core.prediction.Prediction or None
        What is shown.
    """

    def __init__(self, parent=None):
        super().__init__("Predict a point", parent)
        self.setObjectName("prediction_panel")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields = [NumberField(_feature(i)) for i in (0, 1)]
        self._captions = [QLabel("x1"), QLabel("x2")]
        for index, (caption, field) in enumerate(zip(self._captions, self.fields, strict=True)):
            field.setObjectName(f"predict_x{index + 1}")
            field.setToolTip("A feature value in original units; Enter applies it")
            field.value_changed.connect(partial(self._on_field_value_changed, index))
            form.addRow(caption, field)
        layout.addLayout(form)
        self.result = _label()
        self.result.setObjectName("prediction_result")
        self.equation = _label()
        self.equation.setObjectName("equation")
        for widget in (self.result, self.equation):
            widget.setWordWrap(True)
            layout.addWidget(widget)
        self.prediction = None
        self._frame = self._dataset = None
        self._typed = False

    def show_frame(self, frame):
        """Evaluate the point under a :class:`~logreg_gui.core.frame.Frame`'s model at its τ."""
        self._frame = frame
        if frame.dataset is not self._dataset:
            self._dataset = frame.dataset
            self._follow_data(frame.dataset)
        self._show()

    def _follow_data(self, dataset):
        for caption, name in zip(self._captions, dataset.feature_names, strict=True):
            caption.setText(label_text(name))
        train = ~dataset.test_mask
        if not self._typed and train.any():
            means = dataset.X[train].mean(axis=0)
            for field, mean in zip(self.fields, means, strict=True):
                field.set_value(float(f"{mean:.4g}"))

    def _on_field_value_changed(self, _index, _value):
        self._typed = True
        if self._frame is not None:
            self._show()

    def _show(self):
        frame = self._frame
        x = np.array([field.value() for field in self.fields])
        statistics = None if frame.statistics is None else frame.statistics.statistics
        with np.errstate(over="ignore", invalid="ignore"):
            self.prediction = predict_point(x, frame.model, frame.view.threshold, statistics)
        self.result.setText(self._result_html(frame, self.prediction))
        names = frame.dataset.feature_names
        self.equation.setText(equation_html(frame.model, names, frame.dataset.class_names[1]))

    @staticmethod
    def _result_html(frame, p):
        classes = frame.dataset.class_names
        which = (f"live model, iteration {frame.entry.iteration:,}" if frame.live
                 else f"model of the history at iteration {frame.entry.iteration:,}")
        if p.probability_low is not None:
            interval = (f"95 % interval [{format_number(p.probability_low, 3)}, "
                        f"{format_number(p.probability_high, 3)}]")
        else:
            reason = p.interval_reason or "the coefficient table is being computed"
            interval = f"<span style='color:#555'>no interval: {html.escape(reason)}</span>"
        predicted = html.escape(class_text(p.predicted_class, classes[p.predicted_class]))
        return (f"<span style='color:#555'>{which}</span><br>"
                f"z = b + w·φ(x) = {format_number(p.logit)}<br>"
                f"P({label_text(classes[1])} | x) = σ(z) = {format_number(p.probability)}<br>"
                f"{interval}<br>"
                f"at τ = {p.threshold:.2f}: <b>{predicted}</b>")
