"""Run the app as `python main.py` does (logreg_gui.app.main) on an emulated 1920 × 1080
screen, train with Adam at full speed for a few seconds, close the window and exit.

    python -m tests.exit_probe

The wide layout shows the landscape with its step arrows; PySide deleted that window after
Python had begun to shut down and the interpreter crashed (SIGSEGV) at exit.
"""

import os
import sys
import tempfile

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def main():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the test gives a 1920 × 1080 screen
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="logreg-gui-exit-"))
    from logreg_gui.app import main as app_main
    from logreg_gui.qt.window.application import application
    from logreg_gui.qt.window.main_window import MainWindow

    def train_then_close():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.controls.fields["speed"].edit(0)
        window.controller.play()
        QTimer.singleShot(3000, window.close)

    application()
    QTimer.singleShot(500, train_then_close)  # runs once app_main's event loop is up
    return app_main(["--dataset", "overlap", "--n-samples", "200", "--optimizer", "adam"])


if __name__ == "__main__":
    sys.exit(main())
