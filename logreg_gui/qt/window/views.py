"""Every view of the window: the data plot in the centre and the docks around it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDockWidget, QScrollArea, QToolBar, QVBoxLayout, QWidget)

from logreg_gui.qt.panels.formulas import FormulasPanel
from logreg_gui.qt.panels.history_bar import HistoryBar
from logreg_gui.qt.panels.metrics import MetricsPanel
from logreg_gui.qt.panels.status import AccuracyLine, StatusPanel
from logreg_gui.qt.plots.data import DataPlot
from logreg_gui.qt.plots.landscape import LandscapePlot
from logreg_gui.qt.plots.loss import LossPlot
from logreg_gui.qt.plots.sigmoid import SigmoidPlot

AREA = Qt.DockWidgetArea


class Views:
    """Creates the plots and panels once, places them in `window` (a QMainWindow) and shows
    each frame in all of them.

    Attributes
    ----------
    data_plot, sigmoid_plot, loss_plot, landscape_plot : plots
    status_panel, accuracy_line, formulas_panel, metrics_panel, history_bar : panels
    controls_dock, sigmoid_dock, loss_dock, landscape_dock, formulas_dock, metrics_dock :
    QDockWidget
    """

    def __init__(self, window, controls):
        self.data_plot = DataPlot()
        window.setCentralWidget(self.data_plot)
        self.sigmoid_plot = SigmoidPlot()
        self.loss_plot = LossPlot()
        self.landscape_plot = LandscapePlot()
        self.status_panel = StatusPanel()
        self.accuracy_line = AccuracyLine()
        self.formulas_panel = FormulasPanel()
        self.metrics_panel = MetricsPanel()
        self.history_bar = HistoryBar()
        self._window = window
        self.controls_dock = self._dock("Controls and status",
                                        _scrolled(controls, self.status_panel),
                                        AREA.LeftDockWidgetArea)
        self.sigmoid_dock = self._dock("Sigmoid σ(z)", self.sigmoid_plot, AREA.RightDockWidgetArea)
        self.loss_dock = self._dock("Loss", _stacked(self.accuracy_line, self.loss_plot),
                                    AREA.RightDockWidgetArea)
        self.landscape_dock = self._dock("Landscape J(w1, w2)", self.landscape_plot,
                                         AREA.RightDockWidgetArea)
        self.formulas_dock = self._dock("Formulas", self.formulas_panel, AREA.BottomDockWidgetArea)
        self.metrics_dock = self._dock("Metrics at threshold τ", self.metrics_panel,
                                       AREA.BottomDockWidgetArea)
        window.splitDockWidget(self.formulas_dock, self.metrics_dock, Qt.Orientation.Horizontal)
        history = QToolBar("History")
        history.setObjectName("history_toolbar")
        history.addWidget(self.history_bar)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, history)
        window.resizeDocks([self.controls_dock, self.sigmoid_dock], [400, 500],
                           Qt.Orientation.Horizontal)
        window.resizeDocks([self.formulas_dock], [220], Qt.Orientation.Vertical)

    def _dock(self, title, widget, area):
        dock = QDockWidget(title, self._window)
        dock.setObjectName(title.split()[0].lower() + "_dock")  # the key of saveState()
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self._window.addDockWidget(area, dock)
        return dock

    @property
    def docks(self):
        """Every dock, in layout order (list of QDockWidget)."""
        return [self.controls_dock, self.sigmoid_dock, self.loss_dock, self.landscape_dock,
                self.formulas_dock, self.metrics_dock]

    @property
    def painted(self):
        """The widgets whose paint completes a frame (the plots' viewports)."""
        return [plot.viewport() for plot in (self.data_plot, self.sigmoid_plot, self.loss_plot,
                                             self.landscape_plot)]

    def show_frame(self, frame):
        """Show a :class:`~logreg_gui.core.frame.Frame` in every view."""
        for view in (self.data_plot, self.sigmoid_plot, self.loss_plot, self.landscape_plot,
                     self.status_panel, self.accuracy_line, self.formulas_panel,
                     self.metrics_panel, self.history_bar):
            view.show_frame(frame)

    def widget(self, name):
        """A panel's widget by name: data, sigmoid, loss, landscape, formulas, metrics or
        controls (for screenshots).

        Raises
        ------
        KeyError
            For another name.
        """
        return {"data": self.data_plot, "sigmoid": self.sigmoid_plot,
                "loss": self.loss_dock.widget(), "landscape": self.landscape_plot,
                "formulas": self.formulas_panel, "metrics": self.metrics_panel,
                "controls": self.controls_dock.widget().widget()}[name]


def _scrolled(*widgets):
    """The widgets stacked in a vertically scrolling area."""
    inner = _stacked(*widgets, margins=True)
    inner.layout().addStretch(1)
    scroll = QScrollArea()
    scroll.setWidget(inner)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


def _stacked(*widgets, margins=False):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    if not margins:
        layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return holder
