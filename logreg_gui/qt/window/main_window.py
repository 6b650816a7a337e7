"""The main window: owns the points, the options and the run's timeline, and shows one frame per
redraw in every view."""

from dataclasses import fields, replace
from functools import partial

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

from logreg_gui.core.frame import ViewOptions, build_frame
from logreg_gui.core.generators import generate
from logreg_gui.core.parameters import PARAMETERS, defaults, group
from logreg_gui.core.state import Run, TrainingOptions
from logreg_gui.core.timeline import Timeline
from logreg_gui.qt.engine.controller import TrainingController
from logreg_gui.qt.engine.frame_tracker import FrameTracker
from logreg_gui.qt.window import dialogs
from logreg_gui.qt.window.actions import WindowActions
from logreg_gui.qt.window.autosave import Autosave
from logreg_gui.qt.window.controls import ControlPanel
from logreg_gui.qt.window.data_commands import DataCommands
from logreg_gui.qt.window.drops import FileDrops
from logreg_gui.qt.window.hands_on import HandsOn
from logreg_gui.qt.window.pace import UntilConverged
from logreg_gui.qt.window.points import PointsEditor
from logreg_gui.qt.window.presentation import Presentation
from logreg_gui.qt.window.settings import Settings
from logreg_gui.qt.window.statistics_jobs import StatisticsJobs
from logreg_gui.qt.window.views import Views
from logreg_gui.qt.window.window_state import place_window, save_window

HISTORY_CAPACITY = 4096
MESSAGE_MS = 6000
TRAINING_FIELDS = {field.name for field in fields(TrainingOptions)}


class MainWindow(DataCommands, QMainWindow):
    """The logistic-regression trainer: data plot, sigmoid, loss, landscape, formulas, metrics,
    controls and status.

    Parameters
    ----------
    dataset : logreg_gui.core.data.Dataset, optional
        The points to start with; default: two Gaussian clouds (100 points, seed 0).
    options : logreg_gui.core.state.TrainingOptions, optional
        How to train; default: gradient descent, η = 0.1, standardized, λ = 0, degree 1.
    source : str
        What the data are, for the title bar (a file name or a generator's name).
    remember : bool
        Restore the dock layout and view options of the last run, and save them on close;
        autosave the session to the config folder.
    values : dict, optional
        {parameter name: value} given on the command line (data and view parameters); they
        win over remembered ones.
    """

    def __init__(self, dataset=None, options=None, source="blobs", remember=True, values=None):
        super().__init__()
        self._settings = Settings() if remember else None
        values = {**(self._settings.values() if self._settings is not None else {}),
                  **(values or {})}
        self._options = (options or TrainingOptions()).validated()
        self._view = ViewOptions(**{p.name: values.get(p.name, p.default)
                                    for p in group("view")})
        dataset = dataset if dataset is not None else generate("blobs")
        self.points = PointsEditor(dataset, source, self)
        self._timeline = Timeline(HISTORY_CAPACITY)
        self._latest = self._frame = self._shown_iteration = None
        self._history_to_restore = None  # (iteration, loss curve) of an opened session
        self.controller = TrainingController(dataset, self._options, self)
        self.statistics = StatisticsJobs(self)
        self.controls = ControlPanel({**values, **vars(self._options), **vars(self._view),
                                      "test_fraction": dataset.test_fraction})
        self.views = Views(self, self.controls)
        self.presentation = Presentation(self)
        self.window_actions = WindowActions(self)
        self._until_converged = UntilConverged(self.controls.fields["speed"])
        self._frame_tracker = FrameTracker(self.views.painted, self, self.views.on_screen)
        self._connect()
        self.hands_on = HandsOn(self)  # θ set by hand (landscape, boundary, sliders)
        self.views.data_plot.fit_view(dataset)
        self._show_points()
        self._layout_pending = not place_window(self, self._settings)
        FileDrops(self)
        self.autosave = None if self._settings is None else Autosave(self, self._settings.folder)
        if self.autosave is not None:
            self.autosave.start()

    def _connect(self):
        controller, views = self.controller, self.views
        self._frame_tracker.frame_painted.connect(controller.frame_shown)
        controller.snapshot_ready.connect(self._on_controller_snapshot_ready)
        controller.training_failed.connect(partial(dialogs.show_error, self, "Training stopped"))
        controller.landscape_ready.connect(views.landscape_plot.set_landscape)
        controller.speed_change_requested.emit(self.controls.value("speed"))
        views.landscape_plot.landscape_requested.connect(controller.landscape_requested)
        views.history_bar.scrubbed.connect(self.show_iteration)
        self.statistics.statistics_computed.connect(self._redraw)
        views.evaluation_tabs.evaluation_requested.connect(self.statistics.evaluate)
        self.statistics.evaluation_computed.connect(views.evaluation_tabs.set_evaluation)
        views.data_plot.point_requested.connect(self._on_data_plot_point_requested)
        views.data_plot.selection_requested.connect(self.points.select)
        views.data_plot.move_requested.connect(self.points.move)
        self.controls.parameter_changed.connect(self._on_controls_parameter_changed)
        self.controls.value_refused.connect(self._say)
        views.compare_panel.show_main(self._options)
        views.compare_panel.set_runs([])
        views.compare_panel.runs_requested.connect(self._on_compare_panel_runs_requested)
        views.compare_panel.keep_requested.connect(lambda: views.loss_plot.keep(self._frame))
        self.points.points_changed.connect(self._on_points_points_changed)
        self.points.selection_changed.connect(self._redraw)
        self.points.source_changed.connect(self._show_points)

    # -- public API used by tests and scripts -------------------------------------------------

    def current_data(self):
        """The points on screen: X of shape (n, 2) float64 and y of shape (n,) int64 in {0, 1}."""
        return self.points.dataset.X.copy(), self.points.dataset.y.copy()

    def current_parameters(self):
        """(coef, intercept) in original units, as shown (live or scrubbed); coef has shape (2,)
        for degree 1 and one entry per polynomial feature otherwise."""
        if self._frame is None:
            return np.zeros(2), 0.0
        return self._frame.model.coef_.copy(), self._frame.model.intercept_

    def training_options(self):
        """The :class:`TrainingOptions` the worker trains with now."""
        return self._options

    @property
    def latest_snapshot(self):
        """The last :class:`~logreg_gui.core.state.Snapshot` received (None before any)."""
        return self._latest

    @property
    def frame(self):
        """The :class:`~logreg_gui.core.frame.Frame` on screen (None before the first)."""
        return self._frame

    @property
    def timeline(self):
        """The run's :class:`~logreg_gui.core.timeline.Timeline` (losses and parameters)."""
        return self._timeline

    @property
    def undo_stack(self):
        """The QUndoStack of every change of the data (Edit > Undo, Redo, History)."""
        return self.points.undo_stack

    @property
    def selected_class(self):
        """The class (0 or 1) that a plain click adds."""
        return 0 if self.window_actions.classes[0].isChecked() else 1

    @property
    def shown_iteration(self):
        """The past iteration shown, or None when the live state is shown."""
        return self._shown_iteration

    def show_iteration(self, iteration):
        """Show the state recorded at `iteration` in every view (None: live), as the history
        slider does."""
        self._shown_iteration = iteration
        self._redraw()

    def show_snapshot(self, snapshot):
        """Display a snapshot at once (used for renders without a running worker)."""
        self._on_controller_snapshot_ready(snapshot)

    def panel_widget(self, name):
        """The widget of a panel by name: window, data, sigmoid, loss, landscape, formulas,
        metrics, controls or status (for screenshots).

        Raises
        ------
        KeyError
            For another name.
        """
        return self if name == "window" else self.views.widget(name)

    # -- commands from the actions ------------------------------------------------------------

    def step(self, n_iterations):
        """Perform `n_iterations` updates, from the live state (leaving the history view)."""
        if self._shown_iteration is not None:
            self._say(f"Back to the live run: stepping on from iteration "
                      f"{self._latest.state.iteration:,}")
        self._shown_iteration = None
        self.controller.step(n_iterations)

    def run_until_converged(self):
        """Train at full speed until training stops by itself (or is paused); then the speed
        returns to the pace chosen before."""
        self._until_converged.start(self._latest.state.iteration)
        self._shown_iteration = None
        self.controller.play()

    def step_back(self):
        """Show the previous recorded state (while paused)."""
        if self._latest is not None and not self._latest.running:
            self.views.history_bar.step_back()

    def restore_default_view(self):
        """Every view option (threshold, overlays, loss axes) back to its default."""
        self.controls.show_values(defaults("view"))
        self._view = ViewOptions()
        self._redraw()

    # -- parameters ---------------------------------------------------------------------------

    def _on_controls_parameter_changed(self, name, value):
        if name in TRAINING_FIELDS:
            self._configure(replace(self._options, **{name: value}))
        if PARAMETERS[name].group == "view":
            self._view = replace(self._view, **{name: value})
            self._redraw()
        elif name == "test_fraction":
            self.points.resplit(self._split(self.points.dataset), value)
        elif name == "speed":
            self._until_converged.cancel()  # the user's own choice wins
            self.controller.speed_change_requested.emit(value)
        elif name == "side_by_side":
            if value and self._options.optimizer == "newton":
                self.controls.show_values({"side_by_side": False})
                self._say("Newton cannot minimise the squared error: choose another optimizer "
                          "to train side by side.")
                return
            self.controller.side_by_side_requested.emit(value)

    def _on_compare_panel_runs_requested(self, changes):
        try:
            runs = [Run(f"run {index}: {Run('', change).options(self._options).summary}",
                        change) for index, change in enumerate(changes, start=2)]
        except ValueError as error:
            self._say(f"Cannot race: {error}")
            return
        self.controls.show_values({"side_by_side": False})
        self._shown_iteration = None
        self.controller.set_runs(runs)

    def _configure(self, options):
        self._options = options.validated()
        if options.optimizer == "newton":  # the worker drops the side-by-side run for Newton
            self.controls.show_values({"side_by_side": False})
        self.controller.configure(self._options)
        self.views.compare_panel.show_main(self._options)

    # -- frames -------------------------------------------------------------------------------

    def _on_controller_snapshot_ready(self, snapshot):
        if not self._timeline.record(snapshot):
            return  # older than what is shown
        if self._history_to_restore is not None:
            self._restore_history(snapshot)
        self._latest = snapshot
        self._until_converged.snapshot_arrived(snapshot)
        # While running the worker waits for each frame, so snapshots never pile up here.
        self._redraw()

    def _redraw(self):
        if self._latest is None:
            return
        self._frame = build_frame(self._latest, self.points.dataset, self._timeline,
                                  self._view, self._shown_iteration, self.points.selection,
                                  self.statistics.of(self._latest, self.points.dataset))
        self.views.show_frame(self._frame)
        self.controls.set_running(self._latest.running)
        self.window_actions.show_running(self._latest.running)
        self._frame_tracker.expect_frame()

    def _say(self, text):
        """A message in the status bar for a few seconds."""
        self.statusBar().showMessage(text, MESSAGE_MS)

    def showEvent(self, event):
        """The default layout's dock sizes, once the window has its size on screen."""
        super().showEvent(event)
        if self._layout_pending:
            self._layout_pending = False
            QTimer.singleShot(0, self, self.views.arrange)

    def closeEvent(self, event):
        """Save the session (autosave), stop training, join its thread and remember the layout
        and view options."""
        if self.autosave is not None:
            self.autosave.stop()
        self.presentation.set_active(False)  # remember the layout of before
        self.controller.shutdown()
        self.statistics.stop()
        if self._settings is not None:
            save_window(self, self._settings)
        super().closeEvent(event)
