"""The ROC panel: the ROC curve, the metrics over τ and the reliability diagram, as tabs."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget

from logreg_gui.qt.plots.calibration import CalibrationPlot
from logreg_gui.qt.plots.roc import RocPlot
from logreg_gui.qt.plots.threshold_plot import ThresholdPlot


class EvaluationTabs(QTabWidget):
    """Tabs ROC, Metrics over τ and Calibration of the training points under the model shown.

    The curves need the probabilities sorted (heavy for many points), so the panel asks for
    them (:attr:`evaluation_requested`) whenever the model or the data changed, and draws
    what :meth:`set_evaluation` brings, a few times a second at most; the τ marks follow
    every frame.

    Attributes
    ----------
    pages : dict
        {"roc": RocPlot, "thresholds": ThresholdPlot, "calibration": CalibrationPlot}.
    evaluation : logreg_gui.core.evaluation.Evaluation, str or None
        What is drawn (a str says why there are no curves; None before the first).

    Signals
    -------
    evaluation_requested(object)
        (y, probabilities) of the training points, each of shape (n_train,).
    """

    evaluation_requested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("evaluation_tabs")
        self.setDocumentMode(True)
        self.pages = {"roc": RocPlot(), "thresholds": ThresholdPlot(),
                      "calibration": CalibrationPlot()}
        for name, title in (("roc", "ROC"), ("thresholds", "Metrics over τ"),
                            ("calibration", "Calibration")):
            self.addTab(self.pages[name], title)
        self.evaluation = None
        self._asked = None  # (dataset, coef, intercept) of the last request

    def show_frame(self, frame):
        """Mark the frame's τ and ask for the curves of its model if they are not current."""
        for page in self.pages.values():
            page.show_tau(frame)
        model = frame.model
        key = (frame.dataset, model.coef_.tobytes(), float(model.intercept_))
        if self._asked is None or key[0] is not self._asked[0] or key[1:] != self._asked[1:]:
            self._asked = key
            train = ~frame.dataset.test_mask
            self.evaluation_requested.emit((frame.dataset.y[train],
                                            frame.probabilities[train]))

    def set_evaluation(self, evaluation):
        """Draw an Evaluation (or a str saying why there is none) on every tab."""
        self.evaluation = evaluation
        for page in self.pages.values():
            page.show_evaluation(evaluation)

    def page(self, name):
        """The plot of a tab by name, brought to the front (for screenshots)."""
        self.setCurrentWidget(self.pages[name])
        return self.pages[name]
