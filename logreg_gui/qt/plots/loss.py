"""The loss curves against iteration, decimated so that a frame costs the same however long the
run."""

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from logreg_gui.core.timeline import LossCurve
from logreg_gui.qt.plots.style import StyledPlot, nice_ceiling


RUN_COLORS = ("#56B4E9", "#CC79A7", "#7F7F7F")  # comparison runs (Okabe–Ito, and grey)


class LossPlot(StyledPlot):
    """The objective J (training) and the test log-loss against iteration, with the optimum J*
    as a dotted line; or, in 'gap' view, J − J* on a log axis.

    While following (until the user pans or zooms, and again after a reset) the axes step
    through round limits, so they are redrawn a few times per run rather than every frame.
    """

    def __init__(self, parent=None):
        super().__init__("loss_plot", "iteration", "loss J (nats)", parent)
        self.history = LossCurve()  # the curve shown (the frame's timeline owns it)
        self._shown = None
        self._length = 0
        self._legend = self.add_key(offset=(-10, 10), labelTextColor="k",
                                    brush=pg.mkBrush(255, 255, 255, 220))
        self._curve = self.plot(pen=pg.mkPen("#D55E00", width=2), name="training J",
                                connect="finite")
        self._test_curve = self.plot(pen=pg.mkPen("#009E73", width=2, style=Qt.PenStyle.DashLine),
                                     connect="finite")
        self._run_curves = [self.plot(pen=pg.mkPen(color, width=2), connect="finite")
                            for color in RUN_COLORS]
        self._kept_curve = self.plot(pen=pg.mkPen(150, 150, 150, 160, width=2,
                                                  style=Qt.PenStyle.DashLine), connect="finite")
        for curve in (self._curve, self._test_curve, *self._run_curves, self._kept_curve):
            curve.setClipToView(True)
            curve.setDownsampling(auto=True, method="peak")
        self._optimum_line = pg.InfiniteLine(angle=0, movable=False,
                                             pen=pg.mkPen("#555555", style=Qt.PenStyle.DotLine))
        self.add_named("optimum", self._optimum_line)
        note = pg.TextItem(color="#444444", anchor=(0, 0))
        note.setParentItem(self.getViewBox())  # fixed in the corner, whatever the range
        note.setPos(4, 4)
        self._named["note"] = note
        for name, curve in (("training", self._curve), ("test", self._test_curve),
                            ("twin", self._run_curves[0]), ("kept", self._kept_curve),
                            *((f"run_{i}", c) for i, c in enumerate(self._run_curves))):
            self._named[name] = curve
        self._optimum_sample = pg.PlotDataItem(pen=self._optimum_line.pen)
        self._runs = ()  # RunState of the comparison runs shown
        self._loss_name = "cross_entropy"
        self._kept = None  # (iterations, losses, legend) of a run kept for comparison
        self.optimal_loss = None
        self._log_scale = False
        self._gap = False
        self._unit = "nats"
        self._following = True
        self.getViewBox().sigRangeChangedManually.connect(self._on_view_box_range_changed_manually)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def show_frame(self, frame):
        """Show a :class:`~logreg_gui.core.frame.Frame`'s loss curve, J* and view (log scale,
        gap to optimum); nothing is redrawn when none of them changed."""
        timeline, view = frame.timeline, frame.view
        optimum = frame.optimum.loss if frame.optimum is not None else None
        key = (timeline.version, view.log_scale, view.gap, optimum, frame.options.criterion.unit)
        self._loss_name = frame.options.loss
        if key == self._shown:
            return
        if len(timeline.losses) < self._length:
            self._following = True  # a new history (reset, new degree)
        self.history, self._length = timeline.losses, len(timeline.losses)
        self._runs = frame.snapshot.runs
        axes_changed = (self._log_scale, self._gap, self.optimal_loss, self._unit) != key[1:]
        self._log_scale, self._gap, self.optimal_loss, self._unit = key[1:]
        self._shown = key
        if axes_changed:
            self._apply_axes()
        else:
            self._redraw()

    def _apply_axes(self):
        gap = self._gap and self.optimal_loss is not None
        self.setLogMode(y=self._log_scale or gap)
        unit = f" ({self._unit})" if self._unit else ""
        self.setLabel("left", f"J − J*{unit}" if gap else f"loss J{unit}")
        self.named_items["note"].setText("no J* here, so no gap view" if self._gap and not gap
                                         else "")
        self._legend.getLabel(self._curve).setText("J − J*" if gap else "training J")
        self._following = True
        self._redraw(force=True)

    def _redraw(self, force=False):
        """Show the whole history (decimated to the view by pyqtgraph)."""
        iterations, losses = self.history.iterations, self.history.losses
        test = self.history.test_losses
        gap = self._gap and self.optimal_loss is not None
        if gap:
            # J* comes from Newton at ‖∇J‖ < 1e-10: J − J* can round to ≤ 0 near the end.
            losses = np.maximum(losses - self.optimal_loss, 1e-16)
            test = test[:0]
        if self._log_scale or gap:  # an exact 0 has no logarithm: leave it out of the curve
            losses = np.where(losses > 0, losses, np.nan)
        self._curve.setData(iterations, losses)
        has_test = np.isfinite(test).any()
        self._test_curve.setData(iterations[:len(test)] if has_test else [],
                                 test if has_test else [])
        shown_runs = self._draw_runs(iterations, gap)
        self._draw_kept(gap)
        self._optimum_line.setVisible(self.optimal_loss is not None and not gap)
        self._show_in_legend(self._test_curve, "test log-loss", has_test)
        self._show_in_legend(self._optimum_sample, "optimum J*", self._optimum_line.isVisible())
        if self.optimal_loss is not None:
            self._optimum_line.setValue(math.log10(self.optimal_loss) if self._log_scale
                                        else self.optimal_loss)
        extra = np.concatenate([test if has_test else losses[:0], *shown_runs])
        self._follow(losses, extra, force, self._log_scale or gap)

    def _draw_runs(self, iterations, gap):
        """Each comparison run's J (or J − J* in the gap view, for runs of the same loss)."""
        shown = []
        for index, curve in enumerate(self._run_curves):
            run = self._runs[index] if index < len(self._runs) else None
            values = self.history.run_losses[index]
            same_loss = run is not None and run.options.loss == self._loss_name
            if run is None or not np.isfinite(values).any() or (gap and not same_loss):
                curve.setData([], [])
                self._show_in_legend(curve, "", False)
                continue
            if gap:
                values = np.maximum(values - self.optimal_loss, 1e-16)
            if self._log_scale or gap:
                values = np.where(values > 0, values, np.nan)
            curve.setData(iterations, values)
            self._show_in_legend(curve, run.name, True)
            shown.append(values)
        return shown

    def keep(self, frame):
        """Freeze this run's loss curve as a faint reference for the next run."""
        losses = frame.timeline.losses
        metrics = frame.metrics
        self._kept = (losses.iterations.copy(), losses.losses.copy(),
                      f"kept: {frame.options.summary}, J = {frame.entry.loss:.4g}, "
                      f"accuracy {metrics.accuracy:.1%}")
        self._redraw(force=True)

    def _draw_kept(self, gap):
        if self._kept is None or gap:
            self._kept_curve.setData([], [])
            self._show_in_legend(self._kept_curve, "", False)
            return
        iterations, losses, text = self._kept
        if self._log_scale:
            losses = np.where(losses > 0, losses, np.nan)
        self._kept_curve.setData(iterations, losses)
        self._show_in_legend(self._kept_curve, text, True)

    def _show_in_legend(self, item, name, shown):
        """List `item` in the legend only while it is drawn."""
        listed = self._legend.getLabel(item) is not None
        if shown and not listed:
            self._legend.addItem(item, name)
        elif listed and not shown:
            self._legend.removeItem(item)
        elif listed and self._legend.getLabel(item).text != name:
            self._legend.getLabel(item).setText(name)

    def _on_view_box_range_changed_manually(self, *_):
        self._following = False

    def _on_scene_mouse_moved(self, scene_pos):
        iterations = self.history.iterations
        if len(iterations) == 0 or not self.getViewBox().sceneBoundingRect().contains(scene_pos):
            self.show_readout("")
            return
        x = self.getViewBox().mapSceneToView(scene_pos).x()
        index = int(np.clip(np.searchsorted(iterations, x), 0, len(iterations) - 1))
        if index and abs(iterations[index - 1] - x) < abs(iterations[index] - x):
            index -= 1
        text = f"iteration {int(iterations[index]):,}: J = {self.history.losses[index]:.8g}"
        if np.isfinite(self.history.test_losses[index]):
            text += f", test log-loss = {self.history.test_losses[index]:.8g}"
        self.show_readout(text)

    def _follow(self, losses, test, force, log):
        if not self._following or len(losses) == 0:
            return
        (_, x_high), (y_low, y_high) = self.getViewBox().viewRange()
        wanted_x = nice_ceiling(max(10.0, self.history.iterations[-1] * 1.05))
        if force or wanted_x != x_high:
            self.setXRange(0, wanted_x, padding=0)
        values = np.concatenate([losses, test])
        values = values[np.isfinite(values)]
        if len(values) == 0:
            return
        wanted_y = self._y_limits(values, log)
        if force or not np.allclose(wanted_y, (y_low, y_high)):
            self.setYRange(*wanted_y, padding=0)

    @staticmethod
    def _y_limits(values, log):
        """Round y limits that contain every value (in log10 units on a log axis, fitted to
        the positive values: a loss can underflow to exactly 0)."""
        positive = values[values > 0]
        smallest = float(positive.min()) if len(positive) else 1e-3
        top = nice_ceiling(max(float(values.max()) * 1.05, smallest, 1e-300))
        if not log:
            return 0.0, top
        return math.floor(math.log10(smallest)), math.log10(top)
