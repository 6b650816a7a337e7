"""The update at θ taken apart in the loss landscape: −η∇J, the momentum term β·v, the last and
the next step, and Adam's moments, as arrows in the (w1, w2) plane."""

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from logreg_gui.core.update_parts import recorded_step, update_parts

HEAD = 0.035  # arrow-head length, as a fraction of the view's width
LONGEST = 0.3  # the longest arrow of a group is drawn at most this fraction of the view's width
DASH = Qt.PenStyle.DashLine
# name → (legend text, colour, pen style, group): one scale per group.
ITEMS = {
    "last_step": ("last step", "#F0E442", Qt.PenStyle.SolidLine, "steps"),
    "momentum": ("β·v", "#CC79A7", Qt.PenStyle.SolidLine, "steps"),
    "gradient_step": ("−η∇J", "#56B4E9", Qt.PenStyle.SolidLine, "steps"),
    "next_step": ("next step", "#F0E442", DASH, "steps"),
    "adam_m": ("−η·m̂", "#009E73", Qt.PenStyle.SolidLine, "moments"),
    "adam_box": ("±η·√v̂", "#E69F00", DASH, "moments"),
}


class StepArrows:
    """Arrows of one update at θ in a landscape plot (trained units, the (w1, w2) plane).

    Steps are drawn head to tail: the last step arrives at θ; from θ, momentum's β·v and then
    −η∇J, which ends where the next step (dashed) does. Adam's −η·m̂ and the box ±η·√v̂ show
    how it divides each coordinate by √v̂. Lengths are true θ lengths times one power of ten
    per group (steps; Adam's moments), written in the legend (×10 …), chosen so the longest
    arrow is at most 30 % of the view's width. Clicking a legend entry hides or shows it.
    """

    def __init__(self, plot):
        self._plot = plot
        self._legend = plot.addLegend(offset=(6, -6), labelTextSize="8pt", labelTextColor="k",
                                      brush=pg.mkBrush(255, 255, 255, 170), verSpacing=-8,
                                      colCount=2)
        self.items = {}
        for name, (_, color, style, _) in ITEMS.items():
            item = pg.PlotDataItem(pen=pg.mkPen(color, width=2.2, style=style), connect="finite")
            item.setZValue(5)
            self.items[name] = plot.add_named(f"step_{name}", item)
        self.vectors = {}  # name → vector of shape (2,), trained units (unscaled)
        self._theta = np.zeros(2)
        self.scales = {}  # group → the magnification drawn
        self._listed = []  # the names in the legend, in order

    def show_frame(self, frame):
        """Take apart the update at a :class:`~logreg_gui.core.frame.Frame`'s θ (the
        optimizer's state is known for the live state only)."""
        theta, options = frame.entry.theta, frame.options
        state = frame.snapshot.state.optimizer_state if frame.live else None
        self._theta = np.asarray(theta[:2], dtype=np.float64)
        self.vectors = {}
        last = recorded_step(frame.timeline, frame.entry.iteration)
        self._add("last_step", last[1] if last is not None
                  else _last_from_state(theta, options, state))
        parts = (update_parts(theta, frame.gradient, options, state)
                 if options.optimizer != "newton" else None)
        if parts is not None:
            self._add("momentum", parts.decayed_velocity)
            self._add("gradient_step", parts.gradient_step)
            if state is not None and options.optimizer in ("momentum", "adam"):
                self._add("next_step", parts.step)
            if state is not None and parts.m_hat is not None:
                self._add("adam_m", -options.learning_rate * parts.m_hat)
                self._add("adam_box", options.learning_rate * np.sqrt(parts.v_hat))
        self.draw()

    def legend_covers(self, scene_pos):
        """Whether the legend (whose entries toggle the arrows) is under `scene_pos`."""
        return self._legend.isVisible() and self._legend.sceneBoundingRect().contains(scene_pos)

    def clear(self):
        """Draw nothing (no 2-D landscape)."""
        self.vectors = {}
        self.draw()

    def _add(self, name, vector):
        if vector is None:
            return
        vector = np.asarray(vector[:2], dtype=np.float64)
        if np.all(np.isfinite(vector)) and np.any(vector != 0):
            self.vectors[name] = vector

    def draw(self):
        """Draw the arrows for the plot's current range (the plot calls it when its range
        changes: a plain object's bound method connected to the view box outlived the view
        box, and the interpreter's exit printed or crashed on it)."""
        (x0, x1), _ = self._plot.viewRange()
        width = x1 - x0
        self.scales = {group: _magnification(self._extent(group), width)
                       for group in ("steps", "moments")}
        shown = [name for name in ITEMS if name in self.vectors and width > 0]
        for name, item in self.items.items():
            item.setData(*(self._outline(name, self.scales[ITEMS[name][3]], HEAD * width)
                           if name in shown else ([], [])))
        self._list(shown)

    def _extent(self, group):
        """The longest drawn length of a group (the box: its half-diagonal), unscaled."""
        lengths = [np.hypot(*vector) for name, vector in self.vectors.items()
                   if ITEMS[name][3] == group]
        return max(lengths, default=0.0)

    def origin(self, name, scale):
        """Where arrow `name` starts when drawn `scale` times its length (shape (2,)): the
        last step arrives at θ, −η∇J follows β·v head to tail, the rest start at θ."""
        if name == "last_step":
            return self._theta - scale * self.vectors[name]
        if name == "gradient_step" and "momentum" in self.vectors:
            return self._theta + scale * self.vectors["momentum"]
        return self._theta

    def _outline(self, name, scale, head):
        """x and y of the item's polyline (NaN between pieces)."""
        vector = scale * self.vectors[name]
        if name == "adam_box":
            corners = self._theta + vector * np.array([[-1, -1], [1, -1], [1, 1], [-1, 1],
                                                       [-1, -1]])
            return corners[:, 0], corners[:, 1]
        return _arrow(self.origin(name, scale), vector, head)

    def _list(self, shown):
        """The legend lists the items drawn, in a fixed order, each with its scale."""
        texts = [f"{ITEMS[name][0]}{_times(self.scales[ITEMS[name][3]])}" for name in shown]
        if shown != self._listed:
            self._legend.clear()
            for name, text in zip(shown, texts, strict=True):
                self._legend.addItem(self.items[name], text)
            self._listed = shown
        for name, text in zip(shown, texts, strict=True):
            label = self._legend.getLabel(self.items[name])
            if label.text != text:
                label.setText(text)


def _last_from_state(theta, options, state):
    """θ_t − θ_(t−1) from the optimizer's state when it holds the last step exactly (momentum's
    velocity, Newton's step, Adam's moments), else None."""
    step = None
    if not state:
        return None
    if options.optimizer == "momentum":
        step = state.get("velocity")
    elif options.optimizer == "newton":
        step = state.get("step")
    elif options.optimizer == "adam" and state.get("m_hat") is not None:
        step = -options.learning_rate * state["m_hat"] / (np.sqrt(state["v_hat"])
                                                           + state["epsilon"])
    if step is None or np.shape(step) != np.shape(theta):
        return None
    return np.asarray(step, dtype=np.float64)


def _magnification(length, width):
    """The power of ten that draws `length` at most LONGEST·width long (1 when nothing is)."""
    if not length > 0 or not width > 0 or not math.isfinite(length):
        return 1.0
    return 10.0 ** math.floor(math.log10(LONGEST * width / length))


def _times(scale):
    """' ×10' (nothing for true length)."""
    return "" if scale == 1 else f" ×{scale:g}"


def _arrow(origin, vector, head):
    """x, y of a shaft from `origin` along `vector` and a two-stroke head at its tip."""
    tip = origin + vector
    length = np.hypot(*vector)
    size = min(head, 0.4 * length)
    back = -vector / length * size
    strokes = [origin, tip, [np.nan, np.nan]]
    for angle in (0.45, -0.45):
        cos, sin = math.cos(angle), math.sin(angle)
        strokes += [tip + [cos * back[0] - sin * back[1], sin * back[0] + cos * back[1]], tip,
                    [np.nan, np.nan]]
    points = np.array(strokes)
    return points[:, 0], points[:, 1]
