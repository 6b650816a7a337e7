"""Start-up of the Qt application: names, thread limits, a display check, the window and its
event loop."""

import atexit
import ctypes
import os
import sys

from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QGraphicsObject
from shiboken6 import Shiboken
from threadpoolctl import threadpool_limits

XCB_CURSOR = "libxcb-cursor.so.0"


def application():
    """The QApplication, created once with the application and organisation names.

    Also limits BLAS to one thread: our matrices are narrow (at most 28 features), the app
    already runs the GUI, the trainer and background jobs in their own threads, and OpenBLAS's
    own threads then only fight them (seen here: a 100 000 × 29 Gram matrix took 3 s with
    threads, 7 ms without).
    """
    app = QApplication.instance()
    if app is None:
        threadpool_limits(limits=1, user_api="blas")
        qInstallMessageHandler(_on_qt_message)
        app = QApplication([])
        app.setApplicationName("logreg-gui")
        app.setOrganizationName("logreg-gui")
        atexit.register(delete_windows)  # runs before PySide's own clean-up (last in, first out)
    return app


def delete_windows():
    """Delete the main windows still alive (e.g. the one :func:`logreg_gui.show` returned)
    while Python can still run their pyqtgraph overrides: PySide deletes leftovers after
    Python has begun to shut down, and a plot re-laid out then crashed the interpreter
    (SIGSEGV at exit, seen on a 1920 × 1080 screen after training)."""
    from logreg_gui.qt.window.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and Shiboken.isValid(widget):
            for plot in widget.views.plots:
                _silence(plot)
            Shiboken.delete(widget)


def _silence(plot):
    """Block the signals of every graphics object of a plot, so that no slot runs on
    half-deleted items during the deletion (a legend anchored to its view box re-placed itself
    after the view box was gone: "Internal C++ object (ViewBox) already deleted")."""
    for item in plot.scene().items():
        if isinstance(item, QGraphicsObject):
            item.blockSignals(True)


def _on_qt_message(kind, context, message):
    """Qt's messages on stderr, except the offscreen platform's notes on what it cannot do
    (raise a window, size hints): they are not problems of the app."""
    if message.startswith("This plugin does not support"):
        return
    print(message, file=sys.stderr)


def display_problem(environ=os.environ, platform=sys.platform, load=ctypes.CDLL):
    """Why Qt could not open a window here (one sentence with the fix), or None.

    Qt itself aborts the process with a long, cryptic message in these cases, so they are
    checked first: no display at all, or (on Linux with X11) the missing xcb-cursor library
    that Qt 6.5 and newer need and that fresh Debian/Ubuntu desktops lack.
    """
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if platform != "linux" or (chosen and not chosen.startswith("xcb")):
        return None
    if not environ.get("DISPLAY"):
        if environ.get("WAYLAND_DISPLAY") and not chosen:
            return None  # Qt uses Wayland
        return ("no display to open a window on (DISPLAY is not set); run it on a desktop, "
                "or train without a window: --headless, --report or --screenshot")
    try:
        load(XCB_CURSOR)
    except OSError:
        return ("Qt needs the system library libxcb-cursor0 to open a window; install it "
                "(Debian/Ubuntu: sudo apt install libxcb-cursor0), or train without a window: "
                "--headless, --report or --screenshot")
    return None


def run_window(dataset, options, source, session=None, values=None):
    """Show the main window (opening the `session` file, if given, or offering to restore the
    autosave of a run that crashed) and run the event loop; returns the exit code (2 with a
    one-line message when no window can be opened). `values`: parameters given on the command
    line."""
    problem = display_problem()
    if problem is not None:
        print(f"logreg-gui: error: {problem}", file=sys.stderr)
        return 2
    app = application()
    from logreg_gui.qt.window.main_window import MainWindow

    window = MainWindow(dataset, options, source, values=values)
    window.show()
    if session is not None:
        window.open_session(session)
    else:
        window.autosave.offer_restore()
    code = app.exec()
    delete_windows()
    return code
