"""The status read-out: state, iteration, losses, accuracies, parameters and gradient norm."""

import math

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from logreg_gui.core.features import polynomial_feature_names
from logreg_gui.qt.plots.style import label_text

STATE_COLORS = {"running": "#009E73", "converged": "#0072B2", "diverged": "#D55E00",
                "no finite optimum": "#CC79A7"}
MESSAGES = {
    "diverged": "Training diverged: the loss or a parameter became infinite. "
                "Lower the learning rate, then press Play.",
    "converged": "Converged: the gradient norm fell below the tolerance, or no step lowers J.",
    "no finite optimum": "Newton stopped: with λ = 0 these classes are separable, so J can be "
                         "pushed towards 0 forever. Add an L2 penalty for a finite optimum.",
    "empty": "No training points: click in the data plot to add some, or open a CSV file.",
}
# (key, label) of each read-out row.
FIELDS = (("state", "state"), ("iteration", "iteration"), ("epoch", "epoch"),
          ("loss", "loss J"), ("accuracy", "accuracy"), ("test_loss", "test log-loss"),
          ("test_accuracy", "test accuracy"), ("optimum", "optimum J*"),
          ("gradient_norm", "‖∇J‖"), ("b", "b"), ("w", "w"))


def number_text(value, digits=5):
    """`value` with `digits` significant digits, or '—' when it is not finite."""
    return f"{value:.{digits}g}" if math.isfinite(value) else "—"


def percent_text(fraction):
    """'91.0 %' for 0.91, or '—' when it is not finite."""
    return f"{fraction * 100:.1f} %" if math.isfinite(fraction) else "—"


class StatusPanel(QWidget):
    """Read-only labels updated from each snapshot; ``values[key]`` is the label of a row."""

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
        """Fill the labels from a :class:`~logreg_gui.core.frame.Frame`'s latest snapshot."""
        snapshot, feature_names = frame.snapshot, frame.dataset.feature_names
        state, status = snapshot.state, snapshot.status
        color = STATE_COLORS.get(status, "#000000")
        optimum = snapshot.optimum
        texts = {
            "state": f"<b style='color:{color}'>{status}</b>",
            "iteration": f"{state.iteration:,}",
            "epoch": f"{state.epoch:,}",
            "loss": number_text(state.loss, 6),
            "accuracy": percent_text(state.accuracy),
            "test_loss": number_text(state.test_loss, 6),
            "test_accuracy": percent_text(state.test_accuracy),
            "optimum": ("…" if optimum is None else number_text(optimum.loss, 6)
                        if optimum.loss is not None else "none (see tooltip)"),
            "gradient_norm": f"{state.gradient_norm:.3g}",
            "b": number_text(state.intercept_),
            "w": self._weights_text(state.coef_, feature_names, snapshot.options.degree),
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self.values["optimum"].setToolTip(optimum.reason if optimum and optimum.reason else "")
        self.message.setText(MESSAGES.get(status, ""))
        self.message.setStyleSheet(f"color: {color}")

    @staticmethod
    def _weights_text(coef, feature_names, degree):
        names = polynomial_feature_names(feature_names, degree)
        return "<br>".join(f"{number_text(value)} <small>({label_text(name)})</small>"
                           for name, value in zip(names, coef, strict=True))


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
