"""What the robustness tools share: Qt message and exception recorders, event-loop waits and
latency, and the processes and threads a window leaves behind.

Used by :mod:`tests.fuzz`, :mod:`tests.close_cycles` and :mod:`tests.soak`, in pytest or on their
own (they create their own offscreen ``QApplication`` then).
"""

import math
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

# The offscreen platform says so when asked for what it cannot do (size hints of a floating
# dock, raising a window). Qt prints these for every offscreen window: they are not problems of
# the app. The app's own message handler drops them too (qt/window/application.py).
KNOWN_QT_NOISE = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing",  # a popup list opened offscreen (keyboard, mouse)
)
TRAINING_THREAD_NAMES = ("training messages",)  # the worker's pipe reader (a Python thread)


def offscreen_application():
    """The QApplication of a stand-alone run: offscreen, settings in a throw-away folder, one
    BLAS thread (as tests/conftest.py sets up for pytest). Returns the QApplication."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="logreg-gui-robust-"))
    from logreg_gui.qt.window.application import application

    return application()


def is_noise(message):
    """Whether a Qt message is known offscreen noise (bool)."""
    return any(message.startswith(noise) for noise in KNOWN_QT_NOISE)


class QtMessages:
    """Records Qt's warnings (and worse) while installed, except :data:`KNOWN_QT_NOISE`.

    A context manager: installs a Qt message handler on entry and puts the previous one (for
    example pytest-qt's) back on exit.

    Attributes
    ----------
    unexpected : list of str
        Warning, critical and fatal messages that are not known noise, as "kind: text".
    """

    def __init__(self):
        self.unexpected = []
        self._previous = None

    def __enter__(self):
        from PySide6.QtCore import qInstallMessageHandler

        self._previous = qInstallMessageHandler(self._on_message)
        return self

    def __exit__(self, *exc_info):
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(self._previous)

    def _on_message(self, kind, context, message):
        from PySide6.QtCore import QtMsgType

        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or is_noise(message):
            return
        self.unexpected.append(f"{kind.name}: {message}")

    def take(self):
        """The unexpected messages since the last call (list of str)."""
        taken, self.unexpected = self.unexpected, []
        return taken


class Exceptions:
    """Records exceptions raised in Qt slots and event handlers (``sys.excepthook``) and in
    Python threads (``threading.excepthook``) while installed; a context manager.

    Attributes
    ----------
    caught : list of str
        Each exception with its traceback.
    """

    def __init__(self):
        self.caught = []
        self._previous = None

    def __enter__(self):
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception
        return self

    def __exit__(self, *exc_info):
        sys.excepthook, threading.excepthook = self._previous

    def _on_exception(self, kind, value, traceback):
        import traceback as tb

        self.caught.append("".join(tb.format_exception(kind, value, traceback)))

    def _on_thread_exception(self, args):
        self._on_exception(args.exc_type, args.exc_value, args.exc_traceback)

    def take(self):
        """The exceptions since the last call (list of str)."""
        taken, self.caught = self.caught, []
        return taken


def wait_until(condition, timeout_ms=20_000, poll_ms=5):
    """Process Qt events until `condition()` is true or `timeout_ms` have passed.

    Returns
    -------
    bool
        Whether the condition became true (the timeout only bounds a hang; nothing depends on
        how soon it becomes true).
    """
    from PySide6.QtTest import QTest

    deadline = time.perf_counter() + timeout_ms / 1000
    while not condition():
        if time.perf_counter() > deadline:
            return bool(condition())
        QTest.qWait(poll_ms)
    return True


def event_loop_latency(limit_ms=60_000):
    """Seconds until the event loop runs a zero-delay timer posted now: how long the GUI thread
    takes to answer (everything already queued is handled first). ``inf`` after `limit_ms`."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    answered = []
    start = time.perf_counter()

    def answer():
        answered.append(time.perf_counter())
        loop.quit()

    QTimer.singleShot(0, answer)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(limit_ms)
    loop.exec()
    guard.stop()
    return answered[0] - start if answered else math.inf


def _parent_pid(stat_text):
    """The parent's pid from the text of /proc/PID/stat (the name may contain spaces)."""
    return int(stat_text.rsplit(")", 1)[1].split()[1])


def child_processes(trackers=False):
    """This process's children, without multiprocessing's resource tracker (which lives as long
    as the interpreter by design) unless `trackers`.

    Returns
    -------
    list of (int, str, str)
        (pid, state letter, command line) of each child; zombies (state ``Z``: ended but never
        joined) count.
    """
    proc = Path("/proc")
    if not proc.is_dir():  # not Linux: what multiprocessing knows of
        import multiprocessing

        return [(p.pid, "?", p.name) for p in multiprocessing.active_children()]
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # it ended meanwhile
        if _parent_pid(stat) == os.getpid() and (trackers or "resource_tracker" not in command):
            state = stat.rsplit(")", 1)[1].split()[0]
            found.append((int(entry.name), state, command.strip()))
    return found


def training_processes():
    """The children that are training processes (multiprocessing spawns), see
    :func:`child_processes`."""
    return [child for child in child_processes() if "multiprocessing" in child[2]
            or child[1] == "Z"]


def training_threads():
    """Python threads of training still alive (list of threading.Thread)."""
    return [t for t in threading.enumerate() if t.name in TRAINING_THREAD_NAMES and t.is_alive()]


def leftovers(window):
    """What a closed `window` (a MainWindow) left running: its training thread, pipe readers,
    training processes (list of str, empty when clean). Call it when no other window is open."""
    found = []
    if window.controller.is_alive:
        found.append("the training QThread still runs")
    found += [f"thread {t.name!r} still runs" for t in training_threads()]
    found += [f"child process {pid} ({state}) still there: {command}"
              for pid, state, command in training_processes()]
    return found


def percentile(values, q):
    """The `q`-th percentile of `values` (float; NaN when empty)."""
    return float(np.percentile(values, q)) if len(values) else math.nan
