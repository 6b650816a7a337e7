"""Autosave: the session is saved to the config folder every minute (when it changed) and on
close; a start after a crash offers to restore it."""

import os
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from logreg_gui.core.data import DataError

INTERVAL_MS = 60_000
AUTOSAVE = "autosave.logreg.json"
RECOVERED = "recovered.logreg.json"  # the autosave of a run that crashed
LOCK = "running.lock"  # exists while a window runs; left behind by a crash
MESSAGE_MS = 4000


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. no permission: some process has that id
        return True
    return True


class Autosave(QObject):
    """Saves `window`'s session to ``folder/autosave.logreg.json``.

    At construction it looks for the lock file of a run that did not close (a crash): its
    autosave is moved to ``recovered.logreg.json`` and :attr:`recovered` names it.

    Parameters
    ----------
    window : MainWindow
    folder : pathlib.Path
        The config folder (created when missing).
    """

    def __init__(self, window, folder):
        super().__init__(window)
        self._window = window
        self.folder = Path(folder)
        self.path = self.folder / AUTOSAVE
        self.recovered = self._recover()
        self._saved_at = None  # (undo index, iteration) of the last save
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.save)

    def _recover(self):
        lock = self.folder / LOCK
        try:
            pid = int(lock.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if _alive(pid) or not self.path.exists():
            return None  # a window still runs (maybe in this process), or nothing to restore
        recovered = self.folder / RECOVERED
        try:
            os.replace(self.path, recovered)
        except OSError:  # a read-only folder: nothing can be kept from the crash
            return None
        return recovered

    def start(self):
        """Write the lock file and save every minute from now on."""
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / LOCK).write_text(str(os.getpid()), encoding="utf-8")
        self._timer.start()

    def save(self):
        """Save the session if it changed since the last save; a failure is shown in the
        status bar (autosave must never interrupt)."""
        window = self._window
        if window.latest_snapshot is None:
            return
        key = (window.undo_stack.index(), window.latest_snapshot.state.iteration)
        if key == self._saved_at and self.path.exists():
            return
        try:
            window.save_session(self.path)
        except (OSError, DataError) as error:
            window.statusBar().showMessage(f"Autosave failed: {error}", MESSAGE_MS)
            return
        self._saved_at = key

    def stop(self):
        """Save a last time and remove the lock (a clean close)."""
        self._timer.stop()
        self.save()
        try:
            (self.folder / LOCK).unlink()
        except FileNotFoundError:
            pass

    def offer_restore(self):
        """After a crash, ask (without blocking) whether to open the recovered session."""
        if self.recovered is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, "Restore the last session?",
                          "logreg-gui did not close normally last time. Open the session it "
                          "saved automatically?",
                          QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Discard,
                          self._window)
        box.setObjectName("restore_box")
        box.button(QMessageBox.StandardButton.Open).clicked.connect(
            lambda: self._window.open_session(self.recovered))
        box.open()
        return box
