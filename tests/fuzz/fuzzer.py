"""The fuzzer: runs actions, checks after each, answers dialogs, closes windows."""

import faulthandler
import time
from collections import deque
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

import numpy as np

from tests import harness
from tests.fuzz.common import (SETTLE_MS, TRACE_LENGTH, WEIGHTS, FuzzFailure, FuzzReport,
                               open_window)
from tests.fuzz.data_actions import DataActions
from tests.fuzz.files import write_files
from tests.fuzz.invariants import caught_up, invariants, loss_problems
from tests.fuzz.pointer_actions import PointerActions
from tests.fuzz.training_actions import TrainingActions
from tests.fuzz.window_actions import WindowActions


class ActionFuzzer(TrainingActions, PointerActions, DataActions, WindowActions):
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

