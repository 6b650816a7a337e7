"""What every part of the fuzzer shares: limits, action weights, keys, the failure type,
opening a window and the run's report."""

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from tests import harness

DATASETS = Path(__file__).resolve().parents[2] / "resources" / "datasets"
MAX_DRAWN = 4000  # the data plot draws at most this many points (a sample beyond)
SETTLE_MS = 60_000  # a hang, not slowness: nothing depends on how soon things settle
TRACE_LENGTH = 25
# Play goes on from converged, diverging and no finite optimum: the answer to Play still carries
# that state (until the first update); nothing else may run.
STATUSES_WHILE_RUNNING = ("running", "converged", "diverging", "no finite optimum")
STATUSES_WHILE_PAUSED = ("idle", "paused", "converged", "diverging", "no finite optimum",
                         "diverged", "empty")

WEIGHTS = {
    "play_pause": 6, "pause": 3, "step": 6, "step_10": 3, "step_100": 3, "until_converged": 3,
    "step_back": 4, "scrub": 4, "live": 1, "reset": 3, "clear": 1, "click": 8,
    "shift_click": 4, "click_anywhere": 4, "hover": 2, "key": 8, "type_number": 3,
    "option": 16, "slider": 4, "generate": 3, "open_good": 2, "open_bad": 2, "open_dialog": 1,
    "save": 1, "zoom": 2, "pan": 1, "auto_range": 1, "resize": 2, "window_state": 1,
    "dock": 2, "reset_layout": 1, "restore_view": 1, "wait": 5, "settle": 3, "close_reopen": 1,
    "undo": 4, "redo": 2,
}

KEYS = [("Space", ""), ("R", ""), ("S", ""), ("C", ""), ("0", ""), ("1", ""), ("Left", ""),
        ("Right", ""), ("Right", "Shift"), ("Right", "Control"), ("Delete", "Control"),
        ("Escape", ""), ("Return", ""), ("Tab", ""), ("Tab", "Shift"), ("Up", ""), ("Down", ""),
        ("PageUp", ""), ("PageDown", ""), ("Home", ""), ("End", ""), ("O", "Control"),
        ("S", "Control"), ("Z", "Control"), ("Y", "Control"), ("A", ""), ("Backspace", ""),
        ("Minus", ""), ("Period", ""), ("E", "")]
TYPED = list("0123456789") * 3 + list(".-+eE,") + ["x", " ", "_"]


def pixels_to_nearest(view_box, X, target):
    """Distance in pixels from `target` (a QPointF in data units) to the nearest row of X of
    shape (n, 2) (inf when there is none)."""
    if len(X) == 0:
        return math.inf
    dx, dy = view_box.viewPixelSize()
    return float(np.min(np.hypot((X[:, 0] - target.x()) / dx, (X[:, 1] - target.y()) / dy)))


class FuzzFailure(AssertionError):
    """An invariant broke: the message names the seed, the action index and how to replay."""


def open_window(dataset=None, options=None, source="blobs"):
    """A shown MainWindow with its first snapshot (what the fuzzer reopens)."""
    from PySide6.QtTest import QTest

    from logreg_gui import MainWindow

    window = MainWindow(dataset, options, source)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    if not harness.wait_until(lambda: window.latest_snapshot is not None, SETTLE_MS):
        raise FuzzFailure("a new window got no first snapshot")
    return window


@dataclass


class FuzzReport:
    """What a run did: actions per name, event-loop latencies (s) and the slowest actions."""

    seed: object = None
    actions: Counter = field(default_factory=Counter)
    latencies: list = field(default_factory=list)
    slowest: list = field(default_factory=list)  # (seconds, index, name)
    worst_latency: dict = field(default_factory=dict)  # name → (seconds, index)

    def record(self, index, name, seconds, latency):
        """Count one action that took `seconds`, after which the loop answered in `latency`."""
        self.actions[name] += 1
        self.latencies.append(latency)
        self.worst_latency[name] = max(self.worst_latency.get(name, (0.0, -1)), (latency, index))
        self.slowest = sorted(self.slowest + [(seconds, index, name)], reverse=True)[:5]

    def slowest_text(self):
        """The slowest actions, e.g. '#443 close_reopen 4.30 s' (str)."""
        return ", ".join(f"#{i} {n} {s:.2f} s" for s, i, n in self.slowest)

    def summary(self):
        """Several lines of figures (str)."""
        lat = np.array(self.latencies) * 1000
        over, long = int(np.sum(lat > 100)), int(np.sum(lat > 1000))
        lines = [f"seed {self.seed}: {sum(self.actions.values())} actions",
                 f"  event loop answered in p50 {harness.percentile(lat, 50):.1f} ms, "
                 f"p99 {harness.percentile(lat, 99):.1f} ms, max "
                 f"{lat.max() if len(lat) else math.nan:.1f} ms; {over} over 100 ms, "
                 f"{long} over 1 s",
                 "  slowest actions: " + self.slowest_text(),
                 "  slowest answers after: " + ", ".join(
                     f"{n} {1000 * t:.0f} ms (#{i})" for n, (t, i) in sorted(
                         self.worst_latency.items(), key=lambda item: -item[1][0])[:6]),
                 "  " + ", ".join(f"{n} {c}" for n, c in sorted(self.actions.items()))]
        return "\n".join(lines)


