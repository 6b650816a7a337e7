"""The status read-out: iteration, loss, accuracy, parameters, gradient norm and state."""

import math

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

STATE_COLORS = {"running": "#009E73", "converged": "#0072B2", "diverged": "#D55E00"}
MESSAGES = {
    "diverged": "Training diverged: the loss or a parameter became infinite. "
                "Lower the learning rate, then press Play.",
    "converged": "Converged: the gradient norm fell below 1e-6.",
    "empty": "No points: click in the data plot to add some, or open a CSV file.",
}


def number_text(value, digits=5):
    """`value` with `digits` significant digits, or '—' when it is not finite."""
    return f"{value:.{digits}g}" if math.isfinite(value) else "—"


class StatusPanel(QWidget):
    """Read-only labels updated from each snapshot."""

    FIELDS = ("state", "iteration", "loss", "accuracy", "w1", "w2", "b", "‖∇J‖")

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.values = {}
        for name in self.FIELDS:
            self.values[name] = QLabel("—")
            self.values[name].setObjectName(f"status_{name}")
            form.addRow(name, self.values[name])
        self.message = QLabel()
        self.message.setObjectName("status_message")
        self.message.setWordWrap(True)
        form.addRow(self.message)

    def show_snapshot(self, snapshot, feature_names):
        """Fill the labels from a :class:`~logreg_gui.core.training.Snapshot`."""
        state, status = snapshot.state, snapshot.status
        color = STATE_COLORS.get(status, "#000000")
        self.values["state"].setText(f"<b style='color:{color}'>{status}</b>")
        self.values["iteration"].setText(f"{state.iteration:,}")
        self.values["loss"].setText(number_text(state.loss, 6))
        accuracy = state.accuracy * 100
        self.values["accuracy"].setText(f"{accuracy:.1f} %" if math.isfinite(accuracy) else "—")
        for name, feature, value in zip(("w1", "w2"), feature_names, state.coef_):
            self.values[name].setText(f"{number_text(value)}  <small>({feature})</small>")
        self.values["b"].setText(number_text(state.intercept_))
        self.values["‖∇J‖"].setText(f"{state.gradient_norm:.3g}")
        self.message.setText(MESSAGES.get(status, ""))
        self.message.setStyleSheet(f"color: {color}")
