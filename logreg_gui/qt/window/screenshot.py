"""Render the main window (or one panel) to a PNG or an animation without a user (works with
QT_QPA_PLATFORM=offscreen)."""

import os
import time
from contextlib import contextmanager
from dataclasses import replace

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from logreg_gui.qt.window.application import application, display_problem
from logreg_gui.qt.window.exports import export_animation

SETTLE_SECONDS = 3.0
SIZE = (1600, 1000)
FLOATED_SIZE = (640, 440)  # the ROC dock's plots share a tab group: pictured floating, this big


@contextmanager
def _rendered(dataset, options, snapshots, source, view):
    """A window on `dataset` (offscreen-safe) that has shown `snapshots` in order with the view
    options `view` ({view parameter name: value}); closed afterwards."""
    if display_problem() is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display is needed to render
    application()
    from logreg_gui.qt.window.main_window import MainWindow

    window = MainWindow(dataset, options, source, remember=False)  # reproducible
    try:
        window.resize(*SIZE)  # the same picture whatever the screen
        window.show()
        _process_until(lambda: window.latest_snapshot is not None)  # the worker's first frame
        # From here on only the replayed run is shown: a late frame of the window's own (idle)
        # run would start a new history at iteration 0 (the worker still computes landscapes).
        window.controller.snapshot_ready.disconnect(window._on_controller_snapshot_ready)
        for name, value in (view or {}).items():
            window.controls.fields[name].edit(value)
        for snapshot in snapshots:
            window.show_snapshot(snapshot)
        landscape = window.views.landscape_plot
        if window.frame.model.is_planar:  # a fresh grid at the final b (requests wait)
            landscape.forget_grid()
            window.show_snapshot(replace(snapshots[-1], losses=snapshots[-1].losses[:0],
                                         new_history=False))
            _process_until(lambda: landscape.grid is not None)
        # The statistics and the ROC panel's curves come from pool threads.
        _process_until(lambda: window.frame.statistics is not None)
        window.views.evaluation_tabs.show_frame(window.frame)  # asked even when not on screen
        _process_until(lambda: not window.statistics.busy)
        yield window
    finally:
        window.close()


def render_window(path, dataset, options, snapshots, source, panel="window", view=None):
    """Build the window on `dataset`, show `snapshots` in order and save a grab of it (or of one
    panel: ``data``, ``sigmoid``, ``loss``, ``landscape``, ``formulas``, ``metrics``,
    ``controls``, ``status``, ``parameters``, ``traces``, ``explain``) to `path`.

    Parameters
    ----------
    view : dict, optional
        {view parameter name: value}, e.g. ``{"threshold": 0.3, "contours": True}``.

    Raises
    ------
    OSError
        If the image cannot be written.
    """
    with _rendered(dataset, options, snapshots, source, view) as window:
        _bring_forward(window, panel)
        if not window.panel_widget(panel).grab().save(str(path)):
            raise OSError(0, "the image could not be saved", str(path))


def render_animation(path, dataset, options, snapshots, source, panel="window", view=None):
    """Like :func:`render_window`, but write an animation (GIF, or MP4 with the optional video
    packages) of the run: one frame per snapshot, as the history slider shows them.

    Raises
    ------
    ValueError
        For a suffix other than .gif or .mp4 (or .mp4 without its packages).
    OSError
        If the file cannot be written.
    """
    with _rendered(dataset, options, snapshots, source, view) as window:
        export_animation(window, window.panel_widget(panel), path)


def _bring_forward(window, panel):
    """Put the panel's dock in front of its tab group (a panel behind a tab skips frames and
    catches up when shown); for ``explain``, tell the next update to its last sub-step."""
    widget = window.panel_widget(panel)
    dock = next((dock for dock in window.views.docks if dock.isAncestorOf(widget)), None)
    if dock is window.views.roc_dock:
        dock.setFloating(True)
        dock.resize(*FLOATED_SIZE)
    if dock is not None:
        dock.raise_()
        _process_until(lambda: window.views.on_screen(widget))
    if panel == "explain":
        story = window.views.explain_panel
        story.start()
        story.go(len(story.steps))
    _process_until(lambda: False, 0.2)  # the views catch up, then they are laid out
    _process_until(lambda: widget.height() >= widget.heightForWidth(widget.width()))


def _process_until(condition, seconds=SETTLE_SECONDS):
    """Handle events until `condition()` holds (or `seconds` pass), then repaint."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    QApplication.processEvents()
