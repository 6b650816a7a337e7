"""Parameters set by hand: a click in the landscape, a dragged boundary, the sliders; sent to
the engine one at a time, and Train from here."""

import numpy as np
from PySide6.QtCore import QObject, QTimer

from logreg_gui.core.trained_units import TrainedUnits

GIVE_UP_MS = 500  # a request not answered by then (e.g. refused) no longer holds the next


class HandsOn(QObject):
    """Turns the views' requests into ``controller.start_from(θ)`` (which pauses; trained
    units) and Train from here into Play.

    Requests come at the pointer's pace; one is sent at a time, and while it is on its way
    only the newest waits (a drag at 100 000 points sends as fast as the worker answers and
    never queues stale θ). The dragged boundary comes in original units and is mapped with
    the training features' scaling (:class:`~logreg_gui.core.trained_units.TrainedUnits`).

    Parameters
    ----------
    window : logreg_gui.qt.window.main_window.MainWindow
    """

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self._sent = self._waiting = None
        self._units_of, self._units = (None, None), None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._release)
        views = window.views
        views.landscape_plot.theta_requested.connect(self._on_landscape_plot_theta_requested)
        views.boundary_handle.boundary_requested.connect(
            self._on_boundary_handle_boundary_requested)
        views.parameters_panel.theta_requested.connect(self.set_theta)
        views.parameters_panel.train_requested.connect(self._on_parameters_panel_train_requested)
        window.controller.snapshot_ready.connect(self._on_controller_snapshot_ready)

    def set_theta(self, theta):
        """Continue from θ (trained units, shape (n_parameters,)), paused, shown live."""
        theta = np.array(theta, dtype=np.float64)
        latest = self._window.latest_snapshot
        if (not np.all(np.isfinite(theta))
                or latest is not None and theta.shape != latest.state.theta.shape):
            return  # e.g. asked for under the degree before the one just chosen
        if self._sent is not None:
            self._waiting = theta
            return
        self._send(theta)

    def set_model(self, coef, intercept):
        """Continue from a model given in original units (coef of shape (n_output_features,),
        intercept)."""
        window = self._window
        dataset, options = window.points.dataset, window.training_options()
        fitted = (options.degree, options.standardize)
        if dataset is not self._units_of[0] or fitted != self._units_of[1]:
            self._units_of, self._units = (dataset, fitted), TrainedUnits.of(dataset, options)
        try:
            self.set_theta(self._units.to_trained(coef, intercept))
        except ValueError:
            return  # a model of another degree (the options changed meanwhile)

    def _send(self, theta):
        self._sent = theta
        self._leave_history()
        self._window.controller.start_from(theta)
        self._timer.start(GIVE_UP_MS)

    def _release(self):
        self._timer.stop()
        self._sent, waiting, self._waiting = None, self._waiting, None
        if waiting is not None:
            self._send(waiting)

    def _on_controller_snapshot_ready(self, snapshot):
        if self._sent is not None and np.array_equal(snapshot.state.theta, self._sent):
            self._release()

    def _on_landscape_plot_theta_requested(self, w1, w2):
        frame = self._window.frame
        if frame is not None and frame.model.is_planar:
            theta = frame.entry.theta.copy()
            theta[:2] = w1, w2
            self.set_theta(theta)

    def _on_boundary_handle_boundary_requested(self, coef, intercept):
        self.set_model(coef, intercept)

    def _on_parameters_panel_train_requested(self):
        self._leave_history()
        self._window.controller.play()

    def _leave_history(self):
        if self._window.shown_iteration is not None:
            self._window.show_iteration(None)
