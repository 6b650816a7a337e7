"""A seeded random-action fuzzer for the main window: a restless student, checked after every
action.

Every user action is a method ``do_<name>`` of :class:`ActionFuzzer` with a weight in
:data:`WEIGHTS`: play, pause, step, ×10, ×100, until converged, step back, scrub, live, reset,
clear, clicks and Shift+clicks anywhere (inside and outside the data), hovering, keys, typing in
number boxes, every option set to a random valid value (through its box or its slider), each
data generator, good and bad files (also through Ctrl+O, with the file dialog replaced), saving,
zoom and pan, resizing, minimising and maximising, closing, floating and restoring panels,
restoring the layout and the default view, waiting, undo and redo of the data (an undo that
is redone at once must give back exactly the points it took away), and closing and reopening
the window.

After every action :meth:`ActionFuzzer.check` requires: no exception in a slot or thread, no Qt
warning (except :data:`tests.harness.KNOWN_QT_NOISE`), no error message box that the action did
not expect, the event loop answering a zero-delay timer within `max_latency` seconds (every
latency is recorded; the report gives the p99), and :func:`invariants` (what is drawn equals
``current_data()``, the status agrees with the latest snapshot). Some actions check their own
outcome (a click adds exactly one point of the right class where it was clicked, a refused file
changes nothing, generated or opened data are exactly those of the generator or the file), and
``settle`` pauses and waits until the worker has caught up with every change (points, options)
and the loss shown is the loss of the model on the points. Closing checks that nothing is left
running: no training thread, no pipe reader, no child process.

The action sequence depends only on the seed (each action draws its details from its own
generator), so a failure is replayed with the command it prints; outcomes that depend on timing
(what a snapshot carries when an action lands) may need a few replays.

Run a campaign::

    python -m tests.fuzz --actions 100000 --seed 7 --report
"""

import argparse
import faulthandler
import math
import sys
import tempfile
import time
import warnings
from collections import Counter, deque
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from unittest import mock

import numpy as np

from tests import harness

DATASETS = Path(__file__).resolve().parents[1] / "resources" / "datasets"
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


def _pixels_to_nearest(view_box, X, target):
    """Distance in pixels from `target` (a QPointF in data units) to the nearest row of X of
    shape (n, 2) (inf when there is none)."""
    if len(X) == 0:
        return math.inf
    dx, dy = view_box.viewPixelSize()
    return float(np.min(np.hypot((X[:, 0] - target.x()) / dx, (X[:, 1] - target.y()) / dy)))


class FuzzFailure(AssertionError):
    """An invariant broke: the message names the seed, the action index and how to replay."""


# -- files --------------------------------------------------------------------------------------

BAD_FILES = {
    "bad_number.csv": "x1,x2,label\n1,2,0\n3,abc,1\n",
    "ragged.csv": "x1,x2,label\n1,2,0\n3,4\n5,6,1\n",
    "one_class.csv": "x1,x2,label\n1,2,0\n3,4,0\n5,6,0\n",
    "three_classes.csv": "1,2,a\n3,4,b\n5,6,c\n",
    "empty.csv": "",
    "header_only.csv": "x1,x2,label\n",
    "not_a_number.csv": "x1,x2,label\n1,nan,0\n2,3,1\n",
    "infinite.csv": "x1,x2,label\n1,inf,0\n2,3,1\n",
    "empty_label.csv": "x1,x2,label\n1,2,\n2,3,1\n",
    "stray_quote.csv": 'x1,x2,label\n1,"2,0\n2,3,1\n',
    "huge.csv": "x1,x2,label\n1e300,2,0\n2,3,1\n",
}


def write_files(folder, rng, max_points):
    """Write the good and bad files the fuzzer opens into `folder`.

    Returns
    -------
    good, bad : list of pathlib.Path
        Readable CSV files (the shipped examples and a few made here), and files the reader must
        refuse (bad numbers, ragged rows, one class, empty, binary garbage, a folder, a file that
        is not there).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    bad = []
    for name, text in BAD_FILES.items():
        bad.append(folder / name)
        bad[-1].write_text(text, encoding="utf-8")
    bad.append(folder / "garbage.csv")
    bad[-1].write_bytes(rng.bytes(2000))
    bad += [folder, folder / "not_there.csv"]
    good = sorted(DATASETS.glob("*.csv"))
    two = folder / "two_points.csv"
    two.write_text("a,b,class\n0,0,no\n1,1,yes\n", encoding="utf-8")
    many = folder / "many_points.csv"
    n = min(max_points, 2 * MAX_DRAWN)
    rows = np.column_stack([rng.normal(size=(n, 2)), rng.integers(0, 2, n)])
    rows[:2, 2] = (0, 1)
    many.write_text("u,v,y\n" + "".join(f"{float(a)!r},{float(b)!r},{int(c)}\n"
                                       for a, b, c in rows),
                    encoding="utf-8")
    return good + [two, many], bad


# -- random values -----------------------------------------------------------------------------

def _log_uniform(rng, low, high):
    return float(10 ** rng.uniform(math.log10(low), math.log10(high)))


def _edge(parameter):
    """The value at either limit (the open one nudged inside)."""
    high = parameter.high
    if parameter.high_open:
        high = high - 1 if parameter.kind is int else math.nextafter(high, -math.inf)
    return parameter.low, high


def _random_number(parameter, rng, high):
    low = parameter.low
    if rng.random() < 0.1:
        return _edge(replace(parameter, high=high))[rng.integers(2)]
    if parameter.slider is not None and rng.random() < 0.5:
        low_s, high_s = parameter.slider
        if parameter.zero_stop and rng.random() < 0.3:
            return 0.0
        value = rng.uniform(low_s, high_s) if parameter.linear_slider else _log_uniform(
            rng, low_s, high_s)
    elif low > 0 and high / low >= 1e3:
        value = _log_uniform(rng, low, high)
    elif low == 0 and high >= 1e3:
        value = 0.0 if rng.random() < 0.3 else _log_uniform(rng, 1e-4, high)
    else:
        value = rng.uniform(low, high)
    if parameter.kind is int:
        return int(min(max(round(value), low), high))
    return float(min(value, high))


def random_value(parameter, rng, max_points, allowed=None):
    """A random valid value of `parameter` (a :class:`~logreg_gui.core.parameters.Parameter`):
    its limits and choices, log-scaled over decades, sometimes exactly a limit. Generated data
    sizes stay at most `max_points` (so CI runs stay short); `allowed` filters choices."""
    if parameter.kind is bool:
        return bool(rng.integers(2))
    if parameter.choices:
        values = [v for v in parameter.values if allowed is None or allowed(v)]
        return values[rng.integers(len(values))]
    high = parameter.high
    if parameter.name == "n_samples":
        high = max_points
    elif parameter.name == "batch_size":
        high = min(high, 2 * max_points)
    return _random_number(parameter, rng, high)


def random_options(rng, max_points):
    """Random valid :class:`~logreg_gui.core.state.TrainingOptions` (as on a command line)."""
    from dataclasses import fields

    from logreg_gui.core.parameters import PARAMETERS
    from logreg_gui.core.state import TrainingOptions

    values = {f.name: random_value(PARAMETERS[f.name], rng, max_points)
              for f in fields(TrainingOptions)}
    if values["optimizer"] == "newton":
        values["loss"] = "cross_entropy"
    return TrainingOptions(**values).validated()


def random_text(rng):
    """What a student types into a number box: a number, garbage, or something in between."""
    kind = rng.integers(4)
    if kind == 0:
        return repr(float(10 ** rng.uniform(-8, 8)))
    if kind == 1:
        return str(rng.choice(["1e400", "nan", "inf", "-1", "0", "1e-300", "99999999999999999",
                               "0.1.2", "--3", ""]))
    return "".join(rng.choice(TYPED, size=rng.integers(1, 12)))


# -- invariants ----------------------------------------------------------------------------------

def _sorted_rows(points):
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    return points[np.lexsort((points[:, 1], points[:, 0]))]


def drawn_points(window):
    """{name: points of shape (k, 2)} of the data plot's four scatters (class_0, class_1,
    test_0, test_1), as pyqtgraph holds them."""
    items = window.views.data_plot.named_items
    return {name: np.column_stack(items[name].getData()).reshape(-1, 2)
            for name in ("class_0", "class_1", "test_0", "test_1")}


def drawn_problems(window):
    """What the data plot draws against ``current_data()``: the same points (as sets) up to
    MAX_DRAWN points, a sample of the right points beyond; each class visible; the hint on an
    empty plot only (list of str)."""
    X, y = window.current_data()
    test = window.points.dataset.test_mask
    drawn = drawn_points(window)
    problems = []
    if len(y) <= MAX_DRAWN:
        for label in (0, 1):
            for name, rows in ((f"class_{label}", ~test), (f"test_{label}", test)):
                wanted = _sorted_rows(X[(y == label) & rows])
                if not np.array_equal(_sorted_rows(drawn[name]), wanted):
                    problems.append(f"{name} draws {len(drawn[name])} points, the data have "
                                    f"{len(wanted)} (or others)")
    else:
        problems += _sample_problems(X, y, test, drawn)
    items = window.views.data_plot.named_items
    for label in (0, 1):
        if not items[f"class_{label}"].isVisible():
            problems.append(f"the class {label} points are hidden")
    if items["hint"].isVisible() != (len(y) == 0):
        problems.append(f"the empty-plot hint is {'' if len(y) else 'not '}shown with "
                        f"{len(y)} points")
    return problems


def _sample_problems(X, y, test, drawn):
    total = sum(len(points) for points in drawn.values())
    problems = [] if total == MAX_DRAWN else [f"{total} points drawn of {len(y)}, not a "
                                              f"sample of {MAX_DRAWN}"]
    for label in (0, 1):
        for name, rows in ((f"class_{label}", ~test), (f"test_{label}", test)):
            known = {tuple(row) for row in X[(y == label) & rows]}
            strays = sum(tuple(row) not in known for row in drawn[name])
            if strays:
                problems.append(f"{name} draws {strays} points that are not such data points")
    return problems


def _number_in(text):
    """The number a status text shows (float; NaN for '—')."""
    word = text.split()[-1].replace(",", "")
    return math.nan if word == "—" else float(word)


def _same_number(shown, value):
    if not math.isfinite(value):
        return math.isnan(shown)
    return math.isclose(shown, value, rel_tol=1e-5, abs_tol=1e-300)


def status_problems(window):
    """The status line and panel against the latest snapshot; play/pause and the optimizer's
    box against whether it runs (list of str)."""
    snapshot, frame = window.latest_snapshot, window.frame
    state = snapshot.state
    line = {key: label.text() for key, label in window.views.status_line.values.items()}
    panel = {key: label.text() for key, label in window.views.status_panel.values.items()}
    problems = []
    if frame.live:
        count = f"{state.iteration:,}"
        if line["iteration"] != f"iteration {count}" or panel["iteration"] != count:
            problems.append(f"iteration shown {line['iteration']!r}/{panel['iteration']!r}, "
                            f"latest snapshot {state.iteration}")
        if f">{snapshot.status}<" not in line["state"] or line["state"] != panel["state"]:
            problems.append(f"state shown {line['state']!r}, latest snapshot {snapshot.status!r}")
        if not _same_number(_number_in(line["loss"]), state.loss):
            problems.append(f"loss shown {line['loss']!r}, latest snapshot {state.loss!r}")
    else:
        live = f"at {state.iteration:,}"
        if not line["state"].startswith("history") or live not in line["state"]:
            problems.append(f"scrubbed, but the state says {line['state']!r}")
        if not frame.entry.iteration <= state.iteration:
            problems.append(f"showing iteration {frame.entry.iteration} after the live one")
    if snapshot.status not in (STATUSES_WHILE_RUNNING if snapshot.running
                               else STATUSES_WHILE_PAUSED):
        problems.append(f"running={snapshot.running} with status {snapshot.status!r}")
    play = window.window_actions.play.text()
    if play != ("Pause" if snapshot.running else "Play"):
        problems.append(f"the play button says {play!r} while running={snapshot.running}")
    if window.controls.fields["optimizer"].isEnabled() == snapshot.running:
        problems.append("the optimizer box is enabled while running (or disabled while not)")
    return problems


def frame_problems(window):
    """The frame on screen is built from the latest snapshot and the points on screen; the
    history slider spans the recorded entries (list of str)."""
    frame = window.frame
    problems = []
    if frame.snapshot is not window.latest_snapshot:
        problems.append("the frame on screen is not of the latest snapshot")
    if frame.dataset is not window.points.dataset:
        problems.append("the frame on screen is not of the points on screen")
    slider = window.views.history_bar.slider
    if slider.maximum() != max(len(window.timeline.parameters) - 1, 0):
        problems.append(f"history slider ends at {slider.maximum()}, "
                        f"{len(window.timeline.parameters)} entries recorded")
    if window.points.title not in window.windowTitle():
        problems.append(f"title {window.windowTitle()!r} lacks {window.points.title!r}")
    return problems


def invariants(window):
    """Every invariant of what `window` (a MainWindow) shows now (list of str, empty when all
    hold): :func:`drawn_problems`, :func:`status_problems`, :func:`frame_problems`."""
    if window.latest_snapshot is None or window.frame is None:
        return ["no snapshot shown"]
    return drawn_problems(window) + status_problems(window) + frame_problems(window)


def caught_up(window):
    """Whether the latest snapshot is paused and of the points and options on screen (bool)."""
    snapshot = window.latest_snapshot
    n_train = int((~window.points.dataset.test_mask).sum())
    return (snapshot is not None and not snapshot.running
            and snapshot.state.n_samples == n_train
            and snapshot.options == window.training_options())


def loss_problems(window):
    """With λ = 0 and the cross-entropy, J shown must be the mean log-loss of the shown model on
    the training points, computed here from the data (when the sum is well conditioned)."""
    from logreg_gui.core.features import polynomial_features

    snapshot = window.latest_snapshot
    state, options = snapshot.state, snapshot.options
    if (options.l2 != 0 or options.loss != "cross_entropy" or options.degree > 2
            or state.n_samples == 0 or not math.isfinite(state.loss)):
        return []
    dataset = window.points.dataset
    train = ~dataset.test_mask
    phi = polynomial_features(dataset.X[train], options.degree)
    terms = np.abs(phi) @ np.abs(state.coef_) + abs(state.intercept_)
    if not np.all(np.isfinite(terms)) or terms.max() > 1e4:
        return []  # cancellation could cost digits: nothing to compare exactly
    z = phi @ state.coef_ + state.intercept_
    y = dataset.y[train]
    truth = float(np.mean(np.logaddexp(0.0, z) - y * z))
    if math.isclose(truth, state.loss, rel_tol=1e-7, abs_tol=1e-9):
        return []
    return [f"J = {state.loss!r} shown, the log-loss of the shown model on the points is "
            f"{truth!r}"]


# -- the window ---------------------------------------------------------------------------------

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


# -- the fuzzer --------------------------------------------------------------------------------

class ActionFuzzer:
    """Drives a MainWindow with random user actions and checks it after each one.

    Parameters
    ----------
    window : MainWindow
        Shown, with its first snapshot. The fuzzer may close it and open others
        (:attr:`window` is the current one); :meth:`close` closes the last.
    rng : numpy.random.Generator
        Chooses the actions; each action's details come from a generator seeded by it.
    data_folder : str or pathlib.Path
        Where the good and bad files are written.
    seed : int, optional
        Only named in failure messages (the replay command).
    reopen : callable, optional
        ``reopen(dataset, options, source)`` → a new shown window (default :func:`open_window`).
    max_points : int
        Largest generated data set.
    max_latency : float
        Seconds the event loop may take to answer after an action (a freeze, not slowness).
    max_action_seconds : float
        Seconds an action may take (opening a window, closing one, generating 20 000 points).
    weights : dict, optional
        {action name: weight}, default :data:`WEIGHTS`.
    watchdog : float, optional
        Print every thread's stack (``faulthandler``) when an action has run this many seconds
        (stand-alone runs only: pytest's own ``faulthandler_timeout`` uses the same timer).
    """

    def __init__(self, window, rng, data_folder, seed=None, reopen=open_window,
                 max_points=6000, max_latency=5.0, max_action_seconds=60.0, weights=None,
                 watchdog=None):
        self.window = window
        self._rng = rng
        self._folder = Path(data_folder)
        self._reopen = reopen
        self.max_points = max_points
        self.max_latency = max_latency
        self.max_action_seconds = max_action_seconds
        self._watchdog = watchdog
        weights = WEIGHTS if weights is None else weights
        self._names = [name for name, weight in weights.items() if weight > 0]
        total = sum(weights[name] for name in self._names)
        self._p = [weights[name] / total for name in self._names]
        self.good_files, self.bad_files = write_files(self._folder, rng, max_points)
        self.report = FuzzReport(seed)
        self._action_rng = rng
        self._trace = deque(maxlen=TRACE_LENGTH)
        self._index, self._name = 0, "start"
        self._questions = []  # answers given to "Discard your points?"
        self._expected_boxes = set()

    # -- running -------------------------------------------------------------------------------

    def run(self, n_actions):
        """Perform `n_actions` random actions, checking after each.

        Returns
        -------
        FuzzReport

        Raises
        ------
        FuzzFailure
            At the first broken invariant, naming the seed, the action and the last actions.
        """
        with ExitStack() as stack:
            self._exceptions = stack.enter_context(harness.Exceptions())
            self._messages = stack.enter_context(harness.QtMessages())
            self._patch_dialogs(stack)
            for index in range(n_actions):
                self.perform(index)
            self._index, self._name = n_actions, "settle at the end"
            self._settle()
            self.check()
        return self.report

    def perform(self, index):
        """Choose, perform and check action number `index`."""
        name = self._names[self._rng.choice(len(self._names), p=self._p)]
        self._action_rng = np.random.default_rng(self._rng.integers(2**63))
        self._index, self._name = index, name
        self._expected_boxes = set()
        start = time.perf_counter()
        if self._watchdog:
            faulthandler.dump_traceback_later(self._watchdog)
        description = getattr(self, f"do_{name}")(self._action_rng)
        if self._watchdog:
            faulthandler.cancel_dump_traceback_later()
        seconds = time.perf_counter() - start
        self._trace.append(f"#{index} {name}: {description}")
        if seconds > self.max_action_seconds:
            self.fail(f"the action took {seconds:.1f} s (the window did not answer meanwhile)")
        latency = self.check()
        self.report.record(index, name, seconds, latency)

    def check(self):
        """Every invariant after an action; returns the event loop's latency (s)."""
        latency = harness.event_loop_latency()
        if latency > self.max_latency:
            self.fail(f"the event loop took {latency:.2f} s to answer")
        for caught in self._exceptions.take():
            self.fail(f"exception: {caught}")
        for message in self._messages.take():
            self.fail(f"Qt said {message}")
        self._close_boxes()
        problems = invariants(self.window)
        if problems:
            self.fail("; ".join(problems))
        return latency

    def fail(self, problem):
        """Raise a :class:`FuzzFailure` about the current action."""
        seed = self.report.seed
        raise FuzzFailure(
            f"seed {seed}, action #{self._index} ({self._name}): {problem}\n"
            f"last actions:\n  " + "\n  ".join(self._trace) + "\n"
            f"replay: python -m tests.fuzz --seed {seed} --actions {self._index + 1}")

    def close(self, check=True):
        """Close the current window; with `check`, fail if closing raised, warned or left a
        thread or process running."""
        window, self.window = self.window, None
        if window is None:
            return
        with harness.Exceptions() as exceptions, harness.QtMessages() as messages:
            window.close()
        problems = harness.leftovers(window) + exceptions.take() + messages.take()
        if check and problems:
            self._name = "close"
            self.fail("after close: " + "; ".join(problems))

    def _patch_dialogs(self, stack):
        """Questions answered at random; file dialogs replaced (they would block)."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from logreg_gui.qt.window import dialogs

        stack.enter_context(mock.patch.object(QMessageBox, "question", self._answer))
        stack.enter_context(mock.patch.object(dialogs, "file_to_open", self._file_to_open))
        stack.enter_context(mock.patch.object(dialogs, "file_to_save", self._file_to_save))
        for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
            stack.enter_context(mock.patch.object(QFileDialog, name, self._unexpected_dialog))

    def _answer(self, *args, **kwargs):
        from PySide6.QtWidgets import QMessageBox

        yes = bool(self._action_rng.integers(2))
        self._questions.append(yes)
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    def _file_to_open(self, parent, folder):
        files = self.good_files + self.bad_files + [""]
        path = files[self._action_rng.integers(len(files))]
        self._expected_boxes.add("Cannot open file")
        return str(path)

    def _file_to_save(self, parent):
        self._expected_boxes.add("Cannot save points")
        choices = [self._folder / "saved.csv", self._folder / "saved_no_suffix",
                   self._folder / "missing_folder" / "saved.csv", ""]
        return str(choices[self._action_rng.integers(len(choices))])

    def _unexpected_dialog(self, *args, **kwargs):
        self.fail("a real file dialog was opened")

    def _close_boxes(self):
        """Close the (non-blocking) error boxes; fail on any this action did not expect."""
        from PySide6.QtWidgets import QMessageBox

        for box in self.window.findChildren(QMessageBox, "error_box"):
            if not box.isVisible():
                continue
            title, text = box.windowTitle(), box.text()
            box.close()
            if title not in self._expected_boxes:
                self.fail(f"unexpected message {title!r}: {text}")

    # -- helpers ------------------------------------------------------------------------------

    def _trigger(self, name):
        """Trigger the window's QAction of that object name (toolbar, menu or shortcut)."""
        from PySide6.QtGui import QAction

        self.window.findChild(QAction, name).trigger()
        return name

    def _data(self):
        return self.window.current_data()

    def _settle(self):
        """Pause and wait until the worker has every change; then J is checked."""
        window = self.window
        window.controller.pause()
        if not harness.wait_until(lambda: caught_up(window), SETTLE_MS):
            snapshot = window.latest_snapshot
            self.fail(f"never caught up: running={snapshot.running}, "
                      f"{snapshot.state.n_samples} training points in the snapshot, "
                      f"{int((~window.points.dataset.test_mask).sum())} on screen; options "
                      f"{snapshot.options} vs {window.training_options()}")
        problems = loss_problems(window)
        if problems:
            self.fail("; ".join(problems))

    # -- training actions ----------------------------------------------------------------------

    def do_play_pause(self, rng):
        return self._trigger("play_pause")

    def do_pause(self, rng):
        if self.window.latest_snapshot.running:
            return self._trigger("play_pause")
        return "already paused"

    def do_step(self, rng):
        return self._trigger("step")

    def do_step_10(self, rng):
        return self._trigger("step_10")

    def do_step_100(self, rng):
        return self._trigger("step_100")

    def do_until_converged(self, rng):
        return self._trigger("run_until_converged")

    def do_step_back(self, rng):
        return self._trigger("step_back")

    def do_reset(self, rng):
        return self._trigger("reset")

    def do_scrub(self, rng):
        slider = self.window.views.history_bar.slider
        position = int(rng.integers(slider.minimum(), slider.maximum() + 1))
        slider.setValue(position)
        return f"history slider to {position} of {slider.maximum()}"

    def do_undo(self, rng):
        if not self.window.undo_stack.canUndo():
            self._trigger("undo")  # disabled: nothing happens
            return "nothing to undo"
        x, y = self._data()  # copies
        self._trigger("undo")
        if rng.random() < 0.5:
            return f"undo: {len(y)} → {len(self._data()[1])} points"
        self._trigger("redo")
        x_again, y_again = self._data()
        if not (np.array_equal(x, x_again) and np.array_equal(y, y_again)):
            self.fail(f"undo then redo changed the data: {len(y)} → {len(y_again)} points")
        return f"undo and redo: {len(y)} points again"

    def do_redo(self, rng):
        before = len(self._data()[1])
        self._trigger("redo")
        return f"redo: {before} → {len(self._data()[1])} points"

    def do_live(self, rng):
        self.window.views.history_bar.live_button.click()
        return "live"

    def do_wait(self, rng):
        from PySide6.QtTest import QTest

        ms = int(rng.integers(0, 400))
        QTest.qWait(ms)
        return f"{ms} ms"

    def do_settle(self, rng):
        self._settle()
        snapshot = self.window.latest_snapshot
        return f"caught up at iteration {snapshot.state.iteration} ({snapshot.status})"

    # -- points ---------------------------------------------------------------------------------

    def do_clear(self, rng):
        before = len(self._data()[1])
        asked = len(self._questions)
        self._trigger("clear")
        refused = len(self._questions) > asked and not self._questions[-1]
        after = len(self._data()[1])
        if after != (before if refused else 0):
            self.fail(f"clear {'refused' if refused else 'accepted'}: {before} → {after} points")
        return f"{before} points, {'kept' if refused else 'cleared'}"

    def do_click(self, rng):
        return self._click_in_view(rng, shift=False)

    def do_shift_click(self, rng):
        return self._click_in_view(rng, shift=True)

    def _click_in_view(self, rng, shift):
        """A click at a random place of the visible data range (or a bit beyond it)."""
        view_box = self.window.views.data_plot.getViewBox()
        (x0, x1), (y0, y1) = view_box.viewRange()
        u, v = rng.uniform(-0.1, 1.1, size=2)
        return self._click_at_view(x0 + u * (x1 - x0), y0 + v * (y1 - y0), shift)

    def _click_at_view(self, x, y, shift):
        from PySide6.QtCore import QPointF

        plot = self.window.views.data_plot
        scene = plot.getViewBox().mapViewToScene(QPointF(x, y))
        return self._click_pixel(plot.mapFromScene(scene), shift)

    def do_click_anywhere(self, rng):
        from PySide6.QtCore import QPoint

        viewport = self.window.views.data_plot.viewport()
        pixel = QPoint(int(rng.integers(0, max(viewport.width(), 1))),
                       int(rng.integers(0, max(viewport.height(), 1))))
        return self._click_pixel(pixel, shift=bool(rng.integers(2)))

    def _click_pixel(self, pixel, shift):
        """Click `pixel` of the data plot; a click inside the view adds exactly one point of the
        chosen class there, a click outside none (checked when nothing else takes the click)."""
        from PySide6.QtCore import QPointF, Qt
        from PySide6.QtTest import QTest

        from logreg_gui.qt.plots.overlays import PICK_RADIUS_PX

        window = self.window
        plot = window.views.data_plot
        view_box = plot.getViewBox()
        scene = plot.mapToScene(pixel)
        inside = view_box.sceneBoundingRect().contains(scene)
        wanted = window.selected_class ^ int(shift)
        target = view_box.mapSceneToView(QPointF(scene))
        X, y = self._data()
        near = _pixels_to_nearest(view_box, X, target)
        # A click within the pick radius of a drawn point selects it instead (a sample is
        # drawn above MAX_DRAWN points; a point just at the radius may go either way).
        on_a_point = near < PICK_RADIUS_PX - 1 and len(y) <= MAX_DRAWN
        strict = self._click_is_plain(plot, scene, pixel) and (
            on_a_point or near > PICK_RADIUS_PX + 1)
        if on_a_point:
            inside = False  # nothing is added
        modifier = (Qt.KeyboardModifier.ShiftModifier if shift
                    else Qt.KeyboardModifier.NoModifier)
        QTest.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, modifier, pixel)
        X2, y2 = self._data()
        added = len(y2) - len(y)
        description = (f"pixel ({pixel.x()}, {pixel.y()}) = ({target.x():.4g}, {target.y():.4g})"
                       f"{' shift' if shift else ''}, {'inside' if inside else 'outside'}")
        if strict:
            self._check_click(added, inside, wanted, (X2, y2), target, description)
        elif added not in (0, 1):
            self.fail(f"a click added {added} points")
        return description

    def _click_is_plain(self, plot, scene, pixel):
        """Whether a click there must reach the plot as it is: the window shown and active, no
        dialog or popup open, the pixel on the viewport and off the legend."""
        from PySide6.QtWidgets import QApplication

        window = self.window
        legend = plot.getPlotItem().legend
        return (window.isVisible() and not window.isMinimized() and window.isActiveWindow()
                and QApplication.activeModalWidget() is None
                and QApplication.activePopupWidget() is None
                and plot.viewport().rect().contains(pixel)
                and not (legend is not None and legend.isVisible()
                         and legend.sceneBoundingRect().contains(scene)))

    def _check_click(self, added, inside, wanted, data, target, description):
        X, y = data
        if added != int(inside):
            self.fail(f"click {description} added {added} points")
        if not inside:
            return
        view_box = self.window.views.data_plot.getViewBox()
        (x0, x1), (y0, y1) = view_box.viewRange()
        rect = view_box.sceneBoundingRect()
        dx, dy = (x1 - x0) / rect.width(), (y1 - y0) / rect.height()
        if y[-1] != wanted:
            self.fail(f"click {description} added class {y[-1]}, not {wanted}")
        if abs(X[-1, 0] - target.x()) > 2 * dx or abs(X[-1, 1] - target.y()) > 2 * dy:
            self.fail(f"click {description} added a point at {X[-1]}")

    def do_hover(self, rng):
        from PySide6.QtCore import QPoint
        from PySide6.QtTest import QTest

        viewport = self.window.views.data_plot.viewport()
        pixel = QPoint(int(rng.integers(0, max(viewport.width(), 1))),
                       int(rng.integers(0, max(viewport.height(), 1))))
        QTest.mouseMove(viewport, pixel)
        return f"pointer at ({pixel.x()}, {pixel.y()})"

    # -- keys and typing -------------------------------------------------------------------------

    def do_key(self, rng):
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        key, modifier = KEYS[rng.integers(len(KEYS))]
        target = QApplication.focusWidget() or self.window
        modifiers = getattr(Qt.KeyboardModifier, f"{modifier}Modifier", None) if modifier \
            else Qt.KeyboardModifier.NoModifier
        if (key, modifier) in (("O", "Control"), ("S", "Control")):
            self._expected_boxes |= {"Cannot open file", "Cannot save points"}
        QTest.keyClick(target, getattr(Qt.Key, f"Key_{key}"), modifiers)
        done = f"{modifier + '+' if modifier else ''}{key} to {type(target).__name__}"
        popup = QApplication.activePopupWidget()
        if popup is not None:  # Space opened a list: pick nothing, as Escape would
            popup.close()
            done += f", its {type(popup).__name__} closed"
        return done

    def do_type_number(self, rng):
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from logreg_gui.qt.window.widgets import NumberField

        fields = [(name, f) for name, f in self.window.controls.fields.items()
                  if isinstance(f, NumberField) and f.isEnabled()]
        name, field_ = fields[rng.integers(len(fields))]
        box = field_.box
        box.setFocus()
        box.lineEdit().selectAll()
        text = random_text(rng)
        QTest.keyClicks(box.lineEdit(), text)
        end = [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Tab, None]
        key = end[rng.integers(len(end))]
        if key is not None:
            QTest.keyClick(box.lineEdit(), key)
        return f"typed {text!r} into {name} then {key.name if key else 'nothing'}"

    # -- options ---------------------------------------------------------------------------------

    def _enabled_fields(self):
        return [(name, f) for name, f in self.window.controls.fields.items() if f.isEnabled()]

    def do_option(self, rng):
        from logreg_gui.core.parameters import PARAMETERS
        from logreg_gui.qt.window.widgets import ChoiceField

        name, field_ = self._enabled_fields()[rng.integers(len(self._enabled_fields()))]
        allowed = None
        if isinstance(field_, ChoiceField) and field_.combo is not None:
            model = field_.combo.model()
            values = PARAMETERS[name].values
            allowed = lambda v: model.item(values.index(v)).isEnabled()  # noqa: E731
        value = random_value(PARAMETERS[name], rng, self.max_points, allowed)
        field_.edit(value)
        return f"{name} = {value!r}"

    def do_slider(self, rng):
        sliders = [(name, f.slider) for name, f in self._enabled_fields()
                   if getattr(f, "slider", None) is not None]
        name, slider = sliders[rng.integers(len(sliders))]
        position = int(rng.integers(slider.minimum(), slider.maximum() + 1))
        slider.setValue(position)
        return f"{name} slider to {position}"

    def do_restore_view(self, rng):
        return self._trigger("restore_default_view")

    # -- data sets and files -----------------------------------------------------------------------

    def do_generate(self, rng):
        from logreg_gui.core.generators import GENERATORS, generate

        name = list(GENERATORS)[rng.integers(len(GENERATORS))]
        value = self.window.controls.value
        n, noise, seed = value("n_samples"), value("noise"), value("random_state")
        before = self._data()
        asked = len(self._questions)
        self._trigger(f"generate_{name}")
        self._expect_replaced(before, asked, lambda: generate(name, n, noise, seed))
        return f"{name} n={n} noise={noise} seed={seed}"

    def _expect_replaced(self, before, asked, make_expected):
        """After a replace (generate, open): the expected data unless the user said No."""
        refused = len(self._questions) > asked and not self._questions[-1]
        X, y = self._data()
        expected = before if refused else (make_expected().X, make_expected().y)
        if not (np.array_equal(X, expected[0]) and np.array_equal(y, expected[1])):
            self.fail(f"the points on screen are not the {'old' if refused else 'new'} ones")

    def do_open_good(self, rng):
        from logreg_gui.core.data import DataError, read_csv

        path = self.good_files[rng.integers(len(self.good_files))]
        try:
            read_csv(path)
        except DataError:  # a shipped file this reader does not take as it is
            return self._open_refused(path)
        before, asked = self._data(), len(self._questions)
        self.window.open_csv(path)
        self._expect_replaced(before, asked, lambda: read_csv(path))
        return path.name

    def do_open_bad(self, rng):
        return self._open_refused(self.bad_files[rng.integers(len(self.bad_files))])

    def _open_refused(self, path):
        """Open a file the reader refuses: a message, and the points stay."""
        before = self._data()
        self._expected_boxes.add("Cannot open file")
        if self.window.open_csv(path):
            self.fail(f"{path} was opened")
        X, y = self._data()
        if not (np.array_equal(X, before[0]) and np.array_equal(y, before[1])):
            self.fail(f"refusing {path.name} changed the points")
        return path.name

    def do_open_dialog(self, rng):
        """File > Open, then OK (when the dialog allows it) or Cancel in the import dialog: OK
        gives exactly the dialog's points, Cancel keeps the old ones."""
        from logreg_gui.qt.window.import_dialog import ImportDialog

        before, asked = self._data(), len(self._questions)
        self._trigger("open")
        shown = [d for d in self.window.findChildren(ImportDialog) if d.isVisible()]
        if not shown:
            return "File > Open: no import dialog"
        dialog = shown[-1]
        if dialog.ok_button.isEnabled() and rng.random() < 0.7:
            expected = dialog.dataset()
            dialog.ok_button.click()
            self._expect_replaced(before, asked, lambda: expected)
            return f"File > Open, OK: {len(expected.y)} points"
        dialog.reject()
        if not all(np.array_equal(a, b) for a, b in zip(self._data(), before, strict=True)):
            self.fail("Cancel in the import dialog changed the points")
        return "File > Open, Cancel"

    def do_save(self, rng):
        self._trigger("save_points")
        return "File > Save points"

    # -- the view and the window -------------------------------------------------------------------

    def do_zoom(self, rng):
        factor = float(10 ** rng.uniform(-1.5, 1.5))
        self.window.views.data_plot.getViewBox().scaleBy((factor, factor))
        return f"zoom ×{factor:.3g}"

    def do_pan(self, rng):
        view_box = self.window.views.data_plot.getViewBox()
        (x0, x1), (y0, y1) = view_box.viewRange()
        u, v = rng.uniform(-1, 1, size=2)
        view_box.translateBy(x=u * (x1 - x0), y=v * (y1 - y0))
        return f"pan by ({u:.2f}, {v:.2f}) views"

    def do_auto_range(self, rng):
        self.window.views.data_plot.getViewBox().autoRange()
        return "auto range"

    def do_resize(self, rng):
        width, height = int(rng.integers(300, 2200)), int(rng.integers(250, 1400))
        self.window.resize(width, height)
        return f"{width} × {height}"

    def do_window_state(self, rng):
        window = self.window
        choice = ["showNormal", "showMaximized", "showMinimized", "showFullScreen"][
            rng.integers(4)]
        getattr(window, choice)()
        if choice != "showMinimized":
            window.activateWindow()
        return choice

    def do_dock(self, rng):
        docks = self.window.views.docks
        dock = docks[rng.integers(len(docks))]
        how = ["toggle", "float", "unfloat", "raise"][rng.integers(4)]
        if how == "toggle":
            dock.toggleViewAction().trigger()
        elif how in ("float", "unfloat"):
            dock.setFloating(how == "float")
        else:
            dock.raise_()
        return f"{how} {dock.objectName()}"

    def do_reset_layout(self, rng):
        return self._trigger("reset_layout")

    def do_close_reopen(self, rng):
        from logreg_gui.core.generators import GENERATORS, generate

        old = self.window
        start = time.perf_counter()
        old.close()  # in mid-flight: whatever it was doing
        closing = time.perf_counter() - start
        problems = harness.leftovers(old)
        if problems:
            self.fail("after close: " + "; ".join(problems))
        self.window = None
        name = list(GENERATORS)[rng.integers(len(GENERATORS))]
        n = int(rng.integers(2, self.max_points + 1)) if rng.random() < 0.3 else 100
        options = random_options(rng, self.max_points)
        start = time.perf_counter()
        self.window = self._reopen(generate(name, n, float(rng.uniform(0, 2)),
                                            int(rng.integers(100))), options, name)
        return (f"closed in {closing:.2f} s, reopened in {time.perf_counter() - start:.2f} s on "
                f"{name} n={n} with {options}")


# -- command line --------------------------------------------------------------------------------

def run_seed(seed, n_actions, folder, **limits):
    """Fuzz one fresh window with `seed` for `n_actions` actions; returns the FuzzReport (raises
    FuzzFailure). `limits`: max_points, max_latency, max_action_seconds of ActionFuzzer."""
    fuzzer = ActionFuzzer(open_window(), np.random.default_rng(seed), Path(folder) / str(seed),
                          seed=seed, **limits)
    try:
        fuzzer.run(n_actions)
    except BaseException:
        fuzzer.close(check=False)
        raise
    fuzzer.close()
    return fuzzer.report


def main(argv=None):
    """``python -m tests.fuzz --actions N --seed S [--seeds K] [--report]``: exit 1 on the first
    failure (printed with its replay command), else 0."""
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split(
        "\n\n")[0])
    parser.add_argument("--actions", type=int, default=1000, help="actions per seed")
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--seeds", type=int, default=1, help="how many seeds, from --seed on")
    parser.add_argument("--max-points", type=int, default=20_000,
                        help="largest generated data set")
    parser.add_argument("--max-latency", type=float, default=5.0,
                        help="seconds the event loop may take to answer (a freeze; answers "
                        "over 100 ms and 1 s are counted in the report)")
    parser.add_argument("--max-action-seconds", type=float, default=30.0,
                        help="seconds an action may take")
    parser.add_argument("--watchdog", type=float, default=None,
                        help="print every thread's stack when an action has run this long (s)")
    parser.add_argument("--report", action="store_true", help="print figures of each seed")
    args = parser.parse_args(argv)
    harness.offscreen_application()
    warnings.simplefilter("error")  # as pytest runs (pyproject: filterwarnings = error)
    started, failures = time.perf_counter(), 0
    with tempfile.TemporaryDirectory(prefix="logreg-fuzz-") as folder:
        for seed in range(args.seed, args.seed + args.seeds):
            try:
                report = run_seed(seed, args.actions, folder, max_points=args.max_points,
                                  max_latency=args.max_latency,
                                  max_action_seconds=args.max_action_seconds,
                                  watchdog=args.watchdog)
            except FuzzFailure as failure:
                failures += 1
                print(f"FAILED {failure}", flush=True)
                continue
            print(report.summary() if args.report else f"seed {seed}: {args.actions} actions "
                  "passed", flush=True)
    print(f"{args.seeds} seed(s) × {args.actions} actions, {failures} failed, "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
