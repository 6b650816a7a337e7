"""Every view of the window: the data plot in the centre and the docks around it."""

from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QDockWidget, QScrollArea, QToolBar, QVBoxLayout, QWidget)

from logreg_gui.qt.panels.curvature import CurvaturePanel
from logreg_gui.qt.panels.explain import ExplainPanel
from logreg_gui.qt.panels.formulas import FormulasPanel
from logreg_gui.qt.panels.history_bar import HistoryBar
from logreg_gui.qt.panels.metrics import MetricsPanel
from logreg_gui.qt.panels.parameters import ParametersPanel
from logreg_gui.qt.panels.statistics import StatisticsPanel
from logreg_gui.qt.panels.status import AccuracyLine, StatusLine, StatusPanel
from logreg_gui.qt.plots.boundary_handle import BoundaryHandle
from logreg_gui.qt.plots.data import DataPlot
from logreg_gui.qt.plots.evaluation import EvaluationTabs
from logreg_gui.qt.plots.landscape import LandscapePlot
from logreg_gui.qt.plots.loss import LossPlot
from logreg_gui.qt.plots.sigmoid import SigmoidPlot
from logreg_gui.qt.plots.traces import TracesPlot
from logreg_gui.qt.window.compare import ComparePanel
from logreg_gui.qt.window.prediction import PredictionPanel

AREA = Qt.DockWidgetArea
WIDE = (1600, 900)  # smaller windows get the compact layout
EVALUATION_PAGES = ("roc", "thresholds", "calibration")  # the ROC dock's tabs, by panel name


class Views:
    """Creates the plots and panels once, places them in `window` (a QMainWindow) and shows
    each frame in all of them.

    Attributes
    ----------
    data_plot, sigmoid_plot, loss_plot, landscape_plot : plots
    status_panel, status_line, accuracy_line, formulas_panel, metrics_panel, history_bar :
    panels
    compare_panel : ComparePanel
    statistics_panel, prediction_panel, evaluation_tabs : the statistician's panels
    parameters_panel, curvature_panel, explain_panel : panels (θ by hand, curvature at θ,
    Explain step in the Formulas dock)
    traces_plot, boundary_handle : the parameter traces (under the loss) and the grip on the
    data plot's boundary
    controls_dock, status_dock, compare_dock, sigmoid_dock, loss_dock, landscape_dock,
    formulas_dock, metrics_dock, statistics_dock, roc_dock, parameters_dock : QDockWidget
    (each can be closed, moved, tabbed, floated)
    """

    def __init__(self, window, controls):
        self._window = window
        self._frame, self._stale = None, set()
        self._showing = {}  # dock → whether its tab is in front (Qt's visibilityChanged)
        self.data_plot = DataPlot()
        window.setCentralWidget(self.data_plot)
        self.sigmoid_plot = SigmoidPlot()
        self.loss_plot = LossPlot()
        self.landscape_plot = LandscapePlot()
        self.status_panel = StatusPanel()
        self.status_line = StatusLine()
        self.accuracy_line = AccuracyLine()
        self.formulas_panel = FormulasPanel()
        self.metrics_panel = MetricsPanel()
        self.history_bar = HistoryBar()
        self.compare_panel = ComparePanel()
        self.statistics_panel = StatisticsPanel()
        self.prediction_panel = PredictionPanel()
        self.evaluation_tabs = EvaluationTabs()
        window.statusBar().addPermanentWidget(self.status_line)
        self.controls_dock = self._dock("Controls", _scrolled(controls, fixed=True))
        self.status_dock = self._dock("Status", _scrolled(self.status_panel))
        self.sigmoid_dock = self._dock("Sigmoid", self.sigmoid_plot)
        self.loss_dock = self._dock("Loss", _stacked(self.accuracy_line, self.loss_plot))
        self.landscape_dock = self._dock("Landscape", self.landscape_plot)
        self.formulas_dock = self._dock("Formulas", _scrolled(self.formulas_panel))
        self.metrics_dock = self._dock("Metrics", _scrolled(self.metrics_panel))
        self.compare_dock = self._dock("Compare", _scrolled(self.compare_panel, fixed=True))
        self.statistics_dock = self._dock("Statistics", _scrolled(
            _stacked(self.statistics_panel, self.prediction_panel)))
        self.roc_dock = self._dock("ROC", self.evaluation_tabs)
        self._add_hands_on()
        history = QToolBar("History")
        history.setObjectName("history_toolbar")
        history.addWidget(self.history_bar)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, history)

    def _add_hands_on(self):
        """Issue 13's views: θ by hand and its curvature (a dock), the parameter traces under
        the loss, Explain step atop the formulas, the grip on the boundary."""
        self.parameters_panel = ParametersPanel()
        self.curvature_panel = CurvaturePanel()
        self.parameters_dock = self._dock("Parameters", _scrolled(
            _stacked(self.parameters_panel, self.curvature_panel)))
        self.traces_plot = TracesPlot()
        loss_layout = self.loss_dock.widget().layout()
        loss_layout.addWidget(self.traces_plot)
        loss_layout.setStretchFactor(self.loss_plot, 5)
        loss_layout.setStretchFactor(self.traces_plot, 2)
        self.explain_panel = ExplainPanel()
        self.formulas_dock.widget().widget().layout().insertWidget(0, self.explain_panel)
        self.boundary_handle = BoundaryHandle(self.data_plot)

    def _dock(self, title, widget):
        dock = QDockWidget(title, self._window)
        dock.setObjectName(title.split()[0].lower() + "_dock")  # the key of saveState()
        dock.setWidget(widget)
        dock.visibilityChanged.connect(partial(self._on_dock_visibility_changed, dock))
        return dock

    def arrange(self):
        """The default layout for the window's size: everything visible and docked, the data
        plot about half the width (at least 45 %). Below 1600 × 900 the panels on the right
        share tabs."""
        window = self._window
        width, height = window.width(), window.height()
        for dock in self.docks:
            dock.setFloating(False)
            window.removeDockWidget(dock)
        window.addDockWidget(AREA.LeftDockWidgetArea, self.controls_dock)
        window.addDockWidget(AREA.RightDockWidgetArea, self.loss_dock)
        if width < WIDE[0] or height < WIDE[1]:
            window.addDockWidget(AREA.RightDockWidgetArea, self.sigmoid_dock)
            for first, other in ((self.controls_dock, self.status_dock),
                                 (self.controls_dock, self.compare_dock),
                                 (self.loss_dock, self.parameters_dock),
                                 (self.loss_dock, self.metrics_dock),
                                 (self.sigmoid_dock, self.landscape_dock),
                                 (self.sigmoid_dock, self.formulas_dock),
                                 (self.loss_dock, self.statistics_dock),
                                 (self.sigmoid_dock, self.roc_dock)):
                window.tabifyDockWidget(first, other)
            right = (self.loss_dock, self.sigmoid_dock)
        else:
            window.splitDockWidget(self.controls_dock, self.status_dock, Qt.Orientation.Vertical)
            window.tabifyDockWidget(self.status_dock, self.compare_dock)
            window.tabifyDockWidget(self.status_dock, self.parameters_dock)
            window.splitDockWidget(self.loss_dock, self.sigmoid_dock, Qt.Orientation.Vertical)
            window.splitDockWidget(self.sigmoid_dock, self.landscape_dock,
                                   Qt.Orientation.Vertical)
            window.addDockWidget(AREA.BottomDockWidgetArea, self.formulas_dock)
            window.splitDockWidget(self.formulas_dock, self.metrics_dock,
                                   Qt.Orientation.Horizontal)
            window.splitDockWidget(self.metrics_dock, self.statistics_dock,
                                   Qt.Orientation.Horizontal)
            window.tabifyDockWidget(self.landscape_dock, self.roc_dock)
            window.resizeDocks([self.formulas_dock, self.metrics_dock, self.statistics_dock],
                               [width, width, width], Qt.Orientation.Horizontal)
            window.resizeDocks([self.formulas_dock], [int(0.25 * height)], Qt.Orientation.Vertical)
            window.resizeDocks([self.controls_dock, self.status_dock],
                               [int(0.6 * height), int(0.4 * height)], Qt.Orientation.Vertical)
            right = (self.loss_dock, self.sigmoid_dock, self.landscape_dock)
        for dock in self.docks:
            dock.show()
        for dock in (self.status_dock, self.controls_dock, self.loss_dock, self.sigmoid_dock,
                     *right):  # in front of their tabs (the landscape of the wide layout too)
            dock.raise_()
        window.resizeDocks([self.controls_dock, self.loss_dock],
                           [int(0.22 * width), int(0.28 * width)], Qt.Orientation.Horizontal)
        window.resizeDocks(list(right), [height] * len(right), Qt.Orientation.Vertical)
        if len(right) == 3:  # the loss dock holds the parameter traces too
            window.resizeDocks(list(right), [4, 3, 3], Qt.Orientation.Vertical)

    @property
    def docks(self):
        """Every dock, in layout order (list of QDockWidget)."""
        return [self.controls_dock, self.status_dock, self.compare_dock, self.sigmoid_dock,
                self.loss_dock, self.landscape_dock, self.formulas_dock, self.metrics_dock,
                self.statistics_dock, self.roc_dock, self.parameters_dock]

    @property
    def plots(self):
        """The plots: data, sigmoid, loss, landscape (list of pyqtgraph PlotWidget)."""
        return [self.data_plot, self.sigmoid_plot, self.loss_plot, self.landscape_plot]

    @property
    def painted(self):
        """The widgets whose paint completes a frame (the plots' viewports)."""
        return [plot.viewport() for plot in self.plots]

    def show_frame(self, frame):
        """Show a :class:`~logreg_gui.core.frame.Frame` in every view; a plot that is not on
        screen (closed, or in a tab behind another) catches up when it shows again."""
        self._frame = frame
        for view in (self.data_plot, self.status_panel, self.status_line, self.accuracy_line,
                     self.formulas_panel, self.metrics_panel, self.history_bar,
                     self.statistics_panel, self.prediction_panel):
            view.show_frame(frame)
        self._stale = set()
        for plot in (self.sigmoid_plot, self.loss_plot, self.landscape_plot,
                     self.evaluation_tabs):
            if self.on_screen(plot):
                plot.show_frame(frame)
            else:
                self._stale.add(plot)
        for view in (self.boundary_handle, self.parameters_panel, self.explain_panel):
            view.show_frame(frame)
        for view in (self.traces_plot, self.curvature_panel):  # cost grows with the data
            if self.on_screen(view):
                view.show_frame(frame)
            else:
                self._stale.add(view)

    def on_screen(self, widget):
        """Whether `widget` (a plot or its viewport) can be seen: shown, and its dock neither
        closed nor in a tab behind another (bool)."""
        dock = next((dock for dock in self.docks if dock.isAncestorOf(widget)), None)
        return widget.isVisible() and self._showing.get(dock, True)

    def _on_dock_visibility_changed(self, dock, visible):
        self._showing[dock] = visible
        if visible and self._stale:
            QTimer.singleShot(0, self._window, self._catch_up)  # once it is laid out

    def _catch_up(self):
        for plot in [plot for plot in self._stale if self.on_screen(plot)]:
            plot.show_frame(self._frame)
            self._stale.discard(plot)

    def widget(self, name):
        """A panel's widget by name: data, sigmoid, loss, landscape, formulas, metrics,
        controls, status, statistics, roc, thresholds, calibration, parameters, traces or
        explain (for screenshots).

        Raises
        ------
        KeyError
            For another name.
        """
        if name in EVALUATION_PAGES:
            self.roc_dock.raise_()  # in front of its dock tabs, so that it is laid out
            return self.evaluation_tabs.page(name)
        return {"data": self.data_plot, "sigmoid": self.sigmoid_plot,
                "loss": self.loss_dock.widget(), "landscape": self.landscape_plot,
                "formulas": self.formulas_panel, "metrics": self.metrics_panel,
                "controls": self.controls_dock.widget().widget(),
                "status": self.status_panel,
                "statistics": self.statistics_dock.widget().widget(),
                "parameters": self.parameters_dock.widget().widget(),
                "traces": self.traces_plot,
                "explain": self.formulas_dock.widget().widget()}[name]


def _scrolled(widget, fixed=False):
    """`widget` in a scrolling area. A `fixed` one (content that does not change, the
    controls) scrolls only vertically and is never narrower than its content; the others
    scroll sideways when their text is wider than the panel."""
    inner = _stacked(widget, margins=True)
    inner.layout().addStretch(1)
    scroll = QScrollArea()
    scroll.setWidget(inner)
    scroll.setWidgetResizable(True)
    if fixed:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scrollbar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(inner.minimumSizeHint().width() + scrollbar
                               + 2 * scroll.frameWidth())
    return scroll


def _stacked(*widgets, margins=False):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    if not margins:
        layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return holder
