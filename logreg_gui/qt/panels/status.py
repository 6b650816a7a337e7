"""The status read-out: state, iteration, losses, accuracies, parameters and gradient norm."""

import math

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from logreg_gui.core.features import polynomial_feature_names
from logreg_gui.qt.plots.style import label_text

STATE_COLORS = {"running": "#009E73", "converged": "#0072B2", "diverged": "#D55E00",
                "diverging": "#D55E00", "no finite optimum": "#CC79A7"}
MESSAGES = {
    "diverged": "Training diverged: the loss or a parameter became infinite. "
                "Lower the learning rate, then press Play.",
    "diverging": "Diverging: J rose far above where it started (or stays far above its best). "
                 "The learning rate η is too large for these features: lower it (or "
                 "standardize them), then press Play. Play as it is to watch it go on.",
    "converged": "Converged: the gradient is below the tolerance and the weights are within "
                 "0.1 % of the optimum (Newton: to 1e-10).",
    "no finite optimum": "No finite optimum: with λ = 0 the classes are separated in the "
                         "feature space, so J only creeps towards its lowest value as the "
                         "weights grow. Add an L2 penalty for a finite optimum.",
    "empty": "No training points: click in the data plot to add some, or open a CSV file.",
}
# (key, label) of each read-out row.
FIELDS = (("state", "state"), ("iteration", "iteration"), ("epoch", "epoch"),
          ("loss", "loss J"), ("accuracy", "accuracy"), ("test_loss", "test log-loss"),
          ("test_accuracy", "test accuracy"), ("optimum", "optimum J*"),
          ("gradient_norm", "‖∇J‖"), ("b", "b (original units)"), ("w", "w (original units)"))
LINE_FIELDS = {"state": "{}", "iteration": "iteration {}", "loss": "J = {}",
               "optimum": "J* = {}", "gradient_norm": "‖∇J‖ = {}"}


def number_text(value, digits=5):
    """`value` with `digits` significant digits, or '—' when it is not finite."""
    return f"{value:.{digits}g}" if value is not None and math.isfinite(value) else "—"


def percent_text(fraction):
    """'91.0 %' for 0.91, or '—' when it is not finite."""
    return f"{fraction * 100:.1f} %" if math.isfinite(fraction) else "—"


def optimum_text(optimum):
    """J* as a number, 'computing…', or in a few words why there is none."""
    if optimum is None:
        return "computing…"
    if optimum.loss is not None:
        return number_text(optimum.loss, 6)
    reason = optimum.reason or ""
    if optimum.separation is not None:
        return f"none ({optimum.separation} separation)"
    if "convex" in reason:
        return "not computed (loss not convex)"
    return "none (see the tooltip)"


def state_text(frame):
    """The state word (coloured), or that a past iteration is shown."""
    snapshot = frame.snapshot
    color = STATE_COLORS.get(snapshot.status, "#000000")
    text = f"<b style='color:{color}'>{snapshot.status}</b>"
    if not frame.live:
        text = f"history · live: {text} at {snapshot.state.iteration:,}"
    return text


def status_texts(frame):
    """{field: rich text} of a :class:`~logreg_gui.core.frame.Frame`: what it shows (live or
    scrubbed), accuracies at its τ, coefficients in original units."""
    entry, snapshot, tau = frame.entry, frame.snapshot, frame.view.threshold
    test = frame.test_metrics
    test_loss = frame.timeline.losses.at(entry.iteration)[1]
    return {
        "state": state_text(frame),
        "iteration": f"{entry.iteration:,}",
        "epoch": f"{snapshot.state.epoch:,}" if frame.live else "—",
        "loss": number_text(entry.loss, 6),
        "accuracy": f"{percent_text(frame.metrics.accuracy)} at τ = {tau:.2f}",
        "test_loss": number_text(test_loss, 6),
        "test_accuracy": (f"{percent_text(test.accuracy)} at τ = {tau:.2f}" if test is not None
                          else "—"),
        "optimum": optimum_text(frame.optimum),
        "gradient_norm": number_text(math.hypot(*entry.gradient), 3),
        "b": number_text(entry.intercept_),
        "w": _weights_text(entry.coef_, frame.dataset.feature_names, frame.options.degree),
    }


def _weights_text(coef, feature_names, degree):
    names = polynomial_feature_names(feature_names, degree)
    return "<br>".join(f"{number_text(value)} <small>({label_text(name)})</small>"
                       for name, value in zip(names, coef, strict=True))


class StatusPanel(QWidget):
    """Read-only labels following the frames; ``values[key]`` is the label of a row."""

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.values = {}
        for key, label in FIELDS:
            self.values[key] = QLabel("—")
            self.values[key].setObjectName(f"status_{key}")
            self.values[key].setWordWrap(True)
            form.addRow(label, self.values[key])
        self.message = QLabel()
        self.message.setObjectName("status_message")
        self.message.setWordWrap(True)
        form.addRow(self.message)

    def show_frame(self, frame):
        """Fill the labels from a :class:`~logreg_gui.core.frame.Frame`."""
        for key, text in status_texts(frame).items():
            self.values[key].setText(text)
        optimum = frame.optimum
        self.values["optimum"].setToolTip(optimum.reason if optimum and optimum.reason else "")
        status = frame.snapshot.status
        message = MESSAGES.get(status, "")
        if status == "no finite optimum" and optimum is not None and optimum.reason:
            message = f"No finite optimum: {optimum.reason}."
        self.message.setText(message)
        self.message.setStyleSheet(f"color: {STATE_COLORS.get(status, '#000000')}")


class StatusLine(QWidget):
    """The state, iteration, J, J* and ‖∇J‖ in one line for the window's status bar, so they
    are readable at any window size."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("status_line")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.values = {}
        for key in LINE_FIELDS:
            label = QLabel("—")
            label.setObjectName(f"status_line_{key}")
            self.values[key] = label
            layout.addWidget(label)

    def show_frame(self, frame):
        """Show a :class:`~logreg_gui.core.frame.Frame`'s state in one line."""
        texts = status_texts(frame)
        # The reason ("complete separation" …) is in the tooltip and the Status panel: a narrow
        # window's status bar would cut it, and the fields after it, off.
        texts["optimum"] = texts["optimum"].split(" (")[0]
        for key, template in LINE_FIELDS.items():
            self.values[key].setText(template.format(texts[key]))
        optimum = frame.optimum
        self.values["optimum"].setToolTip(optimum.reason if optimum and optimum.reason else "")


class AccuracyLine(QLabel):
    """One line above the loss plot: the accuracy at the threshold τ (training and test)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("accuracy_label")

    def show_frame(self, frame):
        """Show a :class:`~logreg_gui.core.frame.Frame`'s accuracies at its τ."""
        text = (f"accuracy at τ = {frame.view.threshold:.2f}: training "
                f"{percent_text(frame.metrics.accuracy)}")
        if frame.test_metrics is not None:
            text += f", test {percent_text(frame.test_metrics.accuracy)}"
        self.setText(text)
