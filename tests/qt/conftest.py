"""Qt fixtures: every test must leave no training thread running."""

import gc

import pytest
import shiboken6
from PySide6.QtCore import QSettings, QThread

from logreg_gui import MainWindow
from logreg_gui.core.generators import generate
from logreg_gui.core.training import TrainingOptions
from logreg_gui.qt.controller import TrainingController


def running_threads():
    return [obj for obj in gc.get_objects()
            if isinstance(obj, QThread) and shiboken6.isValid(obj) and obj.isRunning()]


@pytest.fixture(autouse=True)
def no_thread_left_running(qapp):
    yield
    assert running_threads() == [], "a test left a QThread running"


@pytest.fixture(autouse=True)
def fresh_settings(tmp_path):
    """Each test starts from default settings, in its own folder."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))


@pytest.fixture
def make_controller(qtbot):
    """Build controllers that are shut down after the test, waiting for the first snapshot."""
    made = []

    def build(dataset=None, **options):
        controller = TrainingController(dataset or generate("blobs"), TrainingOptions(**options))
        made.append(controller)
        return controller

    yield build
    for controller in made:
        controller.shutdown()


def wait_for_snapshot(qtbot, controller, condition=lambda snapshot: True, timeout=10_000):
    """Wait for the first snapshot that satisfies `condition`; return it."""
    seen = []

    def check(snapshot):
        if condition(snapshot):
            seen.append(snapshot)
            return True
        return False

    with qtbot.waitSignal(controller.snapshot_ready, timeout=timeout, check_params_cb=check):
        pass
    return seen[0]


@pytest.fixture
def window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.status_panel.values["state"].text() != "—", timeout=5000)
    yield window
    window.close()
