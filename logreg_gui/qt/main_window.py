"""The main window: composes the plots, controls and status; owns the actions and menus."""

import html
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox,
                               QScrollArea, QStyle, QToolBar, QVBoxLayout, QWidget)

from ..core.data import DataError, read_csv, write_csv
from ..core.generators import generate
from ..core.model import LogisticModel
from ..core.state import TrainingOptions
from .controller import TrainingController
from .controls import ControlPanel
from .frame_tracker import FrameTracker
from .plots.data_plot import DataPlot
from .plots.loss_plot import LossPlot
from .plots.sigmoid_plot import SigmoidPlot
from .plots.style import label_text
from .settings import Settings
from .status_panel import StatusPanel, percent_text
from .teaching import TeachingPanels
from .window_actions import EXAMPLES_DIR, WindowActions
from .window_state import restore_window, save_window



class MainWindow(WindowActions, QMainWindow):
    """The logistic-regression trainer: data plot, sigmoid plot, loss plot and controls.

    Parameters
    ----------
    dataset : logreg_gui.core.data.Dataset, optional
        The points to start with; default: two Gaussian clouds (100 points, seed 0).
    options : logreg_gui.core.training.TrainingOptions, optional
        How to train; default: gradient descent, η = 0.1, standardized, λ = 0, degree 1.
    source : str
        What the data are, for the title bar (a file name or a generator's name).
    remember : bool
        Restore the dock layout and view options of the last run, and save them on close.
    """

    def __init__(self, dataset=None, options=None, source="blobs", remember=True):
        super().__init__()
        self._dataset = dataset if dataset is not None else generate("blobs")
        options = options if options is not None else TrainingOptions()
        self._model = LogisticModel(np.zeros(2), 0.0)
        self._latest = None
        self._edited_by_hand = False
        self._settings = Settings() if remember else None
        self.controller = TrainingController(self._dataset, options, self)
        self.teaching = TeachingPanels(self)
        self._build_views(options)
        self._build_actions()
        self._build_menus_and_toolbar()
        plots = (self.data_plot, self.sigmoid_plot, self.loss_plot, self.teaching.landscape)
        self._frame_tracker = FrameTracker([plot.viewport() for plot in plots], self)
        self._frame_tracker.frame_painted.connect(self.controller.frame_shown)
        self.controller.snapshot_ready.connect(self._on_controller_snapshot_ready)
        self.controller.training_failed.connect(self._on_controller_training_failed)
        self.controller.landscape_ready.connect(self._on_controller_landscape_ready)
        self.teaching.landscape.landscape_requested.connect(self.controller.landscape_requested)
        self.teaching.scrubbed.connect(self._redraw)
        self.controls.show_test_fraction(self._dataset.test_mask.mean() if self._dataset.n_samples
                                         else 0.0)
        self._show_points(fit_view=True)
        self._set_source(source)
        self.resize(1600, 1000)
        self.resizeDocks(self.docks[:2], [400, 500], Qt.Orientation.Horizontal)
        self.resizeDocks(self.docks[4:5], [220], Qt.Orientation.Vertical)
        if self._settings is not None:
            restore_window(self, self._settings)

    # -- public API used by tests and scripts -------------------------------------------------

    def current_data(self):
        """The points on screen: X of shape (n, 2) float64 and y of shape (n,) int64 in {0, 1}."""
        return self._dataset.X.copy(), self._dataset.y.copy()

    def current_parameters(self):
        """(coef, intercept) in original units, as last displayed; coef has shape (2,) for
        degree 1 and one entry per polynomial feature otherwise."""
        return self._model.coef_.copy(), self._model.intercept_

    def open_csv(self, path):
        """Load a CSV file; on bad input show a message and keep the current points.

        Returns
        -------
        bool
            True when the file was loaded.
        """
        try:
            dataset = read_csv(path)
        except DataError as error:
            self._show_error("Cannot open file", str(error))
            return False
        self.set_dataset(dataset, Path(path).name)
        return True

    def set_dataset(self, dataset, source):
        """Replace the points (split as the test fraction says), reset training and fit the
        view to them."""
        self._dataset = self._split(dataset)
        self._edited_by_hand = False
        self.controller.set_data(self._dataset)
        self.controller.reset()
        self._show_points(fit_view=True)
        self._set_source(source)

    def show_snapshot(self, snapshot):
        """Display a snapshot at once (used for renders without a running worker)."""
        self._on_controller_snapshot_ready(snapshot)

    @property
    def latest_snapshot(self):
        """The last :class:`~logreg_gui.core.training.Snapshot` received (None before any)."""
        return self._latest

    def panel_widget(self, name):
        """The widget of a panel by name: window, data, sigmoid, loss, landscape, formulas,
        metrics or controls (for screenshots).

        Raises
        ------
        KeyError
            For another name.
        """
        return {"window": self, "data": self.data_plot, "sigmoid": self.sigmoid_plot,
                "loss": self.docks[2].widget(), "landscape": self.teaching.landscape,
                "formulas": self.teaching.formulas, "metrics": self.teaching.metrics,
                "controls": self.docks[0].widget().widget()}[name]

    # -- construction -------------------------------------------------------------------------

    def _build_views(self, options):
        self.data_plot = DataPlot()
        self.data_plot.point_requested.connect(self._on_data_plot_point_requested)
        self.setCentralWidget(self.data_plot)
        self.sigmoid_plot = SigmoidPlot()
        self.loss_plot = LossPlot()
        self.accuracy_label = QLabel()
        self.accuracy_label.setObjectName("accuracy_label")
        loss_panel = QWidget()
        loss_layout = QVBoxLayout(loss_panel)
        loss_layout.setContentsMargins(0, 0, 0, 0)
        loss_layout.addWidget(self.accuracy_label)
        loss_layout.addWidget(self.loss_plot)
        self.controls = ControlPanel(options)
        self.status_panel = StatusPanel()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.controls)
        side_layout.addWidget(self.status_panel)
        side_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area = Qt.DockWidgetArea
        self.docks = [
            self._add_dock("Controls and status", scroll, area.LeftDockWidgetArea),
            self._add_dock("Sigmoid σ(z)", self.sigmoid_plot, area.RightDockWidgetArea),
            self._add_dock("Loss", loss_panel, area.RightDockWidgetArea),
            self._add_dock("Landscape J(w1, w2)", self.teaching.landscape,
                           area.RightDockWidgetArea),
            self._add_dock("Formulas", self.teaching.formulas, area.BottomDockWidgetArea),
            self._add_dock("Metrics at threshold τ", self.teaching.metrics,
                           area.BottomDockWidgetArea)]
        self.splitDockWidget(self.docks[4], self.docks[5], Qt.Orientation.Horizontal)
        history = QToolBar("History")
        history.setObjectName("history_toolbar")
        history.addWidget(self.teaching.history_bar)
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, history)
        self.controls.side_by_side_toggled.connect(self.controller.side_by_side_requested)
        self.controls.threshold_changed.connect(self._on_controls_threshold_changed)
        self.controls.view_option_toggled.connect(self._on_controls_view_option_toggled)
        self.controls.options_changed.connect(self.controller.options_change_requested)
        self.controls.speed_changed.connect(self.controller.speed_change_requested)
        self.controls.test_fraction_changed.connect(self._on_controls_test_fraction_changed)
        self.controls.step_function_toggled.connect(self.sigmoid_plot.set_show_step)
        self.controls.log_scale_toggled.connect(self.loss_plot.set_log_scale)
        self.controls.gap_view_toggled.connect(self.loss_plot.set_gap_view)

    def _add_dock(self, title, widget, area):
        dock = QDockWidget(title, self)
        dock.setObjectName(title.split()[0].lower() + "_dock")  # the key of saveState()
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    # -- data ---------------------------------------------------------------------------------

    @property
    def selected_class(self):
        """The class (0 or 1) that a plain click adds."""
        return 0 if self.class_actions[0].isChecked() else 1

    def _show_points(self, fit_view=False):
        self.controls.set_training_size(int((~self._dataset.test_mask).sum()))
        self.data_plot.set_points(self._dataset)
        self.sigmoid_plot.set_points(self._dataset)
        if fit_view:
            self.data_plot.fit_view(self._dataset)
        for label, action in enumerate(self.class_actions):
            name = html.unescape(label_text(self._dataset.class_names[label]))
            action.setText(f"{label}: {name}".replace("&", "&&"))  # '&' marks a mnemonic
        self._redraw()

    def _set_source(self, source):
        self.setWindowTitle(f"logreg-gui — {source}")

    def generate_data(self, name):
        """Replace the points by generated ones (asks first if points were placed by hand).

        Returns
        -------
        bool
            True when the points were replaced.
        """
        if self._edited_by_hand:
            answer = QMessageBox.question(
                self, "Replace your points?",
                f"Generating '{name}' data replaces the points you placed by hand. Continue?")
            if answer != QMessageBox.StandardButton.Yes:
                return False
        controls = self.controls
        self.set_dataset(generate(name, controls.n_samples.value(), controls.noise.value(),
                                  controls.seed.value()), name)
        return True

    def _split(self, dataset):
        fraction = self.controls.test_fraction.value()
        return dataset.with_test_split(fraction, self.controls.seed.value())

    def _replace_points(self, dataset):
        self._dataset = dataset
        self.controller.set_data(dataset)
        self._show_points()

    def _on_data_plot_point_requested(self, x1, x2, shift):
        self._edited_by_hand = True
        self._replace_points(self._dataset.with_point((x1, x2), self.selected_class ^ int(shift)))

    def _clear_points(self):
        self._replace_points(self._dataset.cleared())

    def _on_controls_test_fraction_changed(self, _fraction):
        self._replace_points(self._split(self._dataset))

    def _on_open_triggered(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open points", str(EXAMPLES_DIR),
                                              "CSV files (*.csv);;All files (*)")
        if path:
            self.open_csv(path)

    def _on_save_triggered(self):
        path, _ = QFileDialog.getSaveFileName(self, "Save points", "points.csv",
                                              "CSV files (*.csv)")
        if not path:
            return
        if len(set(self._dataset.y.tolist())) < 2:
            self._show_error("Cannot save points", "Add points of both classes first: a file "
                             "with one class cannot be opened again.")
            return
        try:
            write_csv(path, self._dataset)
        except OSError as error:
            self._show_error("Cannot save points", f"{path}: {error.strerror or error}")

    def _show_error(self, title, text):
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.setObjectName("error_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal but not blocking: training and tests carry on

    # -- training results ---------------------------------------------------------------------

    def _on_controller_snapshot_ready(self, snapshot):
        self.loss_plot.append_snapshot(snapshot)
        self.teaching.record(snapshot)
        self._latest = snapshot
        # While running the worker waits for each frame, so snapshots never pile up here.
        self._redraw()

    def _on_controller_landscape_ready(self, result):
        self.teaching.landscape.set_landscape(*result)

    def _on_controller_training_failed(self, message):
        self._show_error("Training stopped", message)

    def _redraw(self):
        self._model = self.teaching.model_shown or self._model
        loss = self._latest.options.loss if self._latest is not None else "cross_entropy"
        self.data_plot.set_model(self._model, loss)
        self.sigmoid_plot.set_model(self._model)
        snapshot = self._latest
        if snapshot is None:
            return
        self.loss_plot.redraw()
        self.status_panel.show_snapshot(snapshot, self._dataset.feature_names)
        threshold = self.data_plot.threshold
        self.teaching.show(self._dataset, threshold)
        text = (f"accuracy at τ = {threshold:.2f}: training "
                f"{percent_text(self.teaching.metrics.metrics.accuracy)}")
        if np.isfinite(snapshot.state.test_accuracy):
            text += f" (at τ = 0.5, test {percent_text(snapshot.state.test_accuracy)})"
        self.accuracy_label.setText(text)
        self.controls.set_running(snapshot.running)
        self._show_running(snapshot.running)
        self._frame_tracker.expect_frame()

    def _show_running(self, running):
        text = "Pause" if running else "Play"
        if self.play_action.text() == text:
            return
        pixmap = QStyle.StandardPixmap
        pixmap = pixmap.SP_MediaPause if running else pixmap.SP_MediaPlay
        self.play_action.setText(text)
        self.play_action.setIcon(self.style().standardIcon(pixmap))

    def _step(self, n_iterations):
        self.teaching.history_bar.go_live()
        self.controller.step(n_iterations)

    def _run_until_converged(self):
        self.controls.speed_slider.setValue(self.controls.speed_slider.maximum())
        self.teaching.history_bar.go_live()
        self.controller.play()

    def _step_back(self):
        if not self.controller.running:
            self.teaching.step_back()

    def _on_controls_threshold_changed(self, threshold):
        self.data_plot.threshold = threshold
        self.data_plot.refresh()
        self._redraw()

    def _on_controls_view_option_toggled(self, name, shown):
        overlays = {"weight_vector": self.data_plot.weight_arrow,
                    "contours": self.data_plot.contours, "trail": self.data_plot.trail}
        if name in overlays:
            overlays[name].visible = shown
        else:
            setattr(self.data_plot, name, shown)
        self.data_plot.refresh()

    def closeEvent(self, event):
        """Stop training, join its thread and remember the layout and view options."""
        self.controller.shutdown()
        if self._settings is not None:
            save_window(self, self._settings)
        super().closeEvent(event)
