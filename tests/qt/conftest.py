"""Qt fixtures and helpers: every test must leave no training thread running."""

import gc

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPointF, QSettings, Qt, QThread
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from logreg_gui import MainWindow
from logreg_gui.core.generators import generate
from logreg_gui.core.state import TrainingOptions
from logreg_gui.qt.engine.controller import TrainingController


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
    """Build controllers that are shut down after the test."""
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
def make_window(qtbot):
    """Build shown windows (waiting for their first snapshot) that are closed after the test."""
    made = []

    def build(*args, **kwargs):
        window = MainWindow(*args, **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.latest_snapshot is not None, timeout=5000)
        made.append(window)
        return window

    yield build
    for window in made:
        window.close()


@pytest.fixture
def window(make_window):
    return make_window()


def latest(window):
    return window.latest_snapshot


def status(window, name):
    return window.views.status_panel.values[name].text()


def iteration(window):
    return latest(window).state.iteration


def loss(window):
    return latest(window).state.loss


def action(window, name):
    return next(a for a in window.actions() if a.objectName() == name)


def edit(window, name, value):
    """Change a control as a user would."""
    window.controls.fields[name].edit(value)


def step(qtbot, window, times=1):
    target = iteration(window) + times
    for _ in range(times):
        action(window, "step").trigger()
    qtbot.waitUntil(lambda: iteration(window) == target, timeout=5000)


def click_at(qtbot, window, x, y, modifier=Qt.KeyboardModifier.NoModifier):
    plot = window.views.data_plot
    scene_point = plot.getViewBox().mapViewToScene(QPointF(x, y))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, modifier,
                     plot.mapFromScene(scene_point))


def pixel_of(plot, x, y):
    return plot.mapFromScene(plot.getViewBox().mapViewToScene(QPointF(x, y)))


def drag_on(qtbot, plot, start, end, modifier=Qt.KeyboardModifier.NoModifier, steps=5):
    """A left drag on `plot` from `start` to `end` (data coordinates) in a few mouse moves (QTest's
    moves carry no button, so they are sent as events); returns the view coordinates of the
    pixels pressed and released (shape (2, 2))."""
    viewport = plot.viewport()
    pixels = [pixel_of(plot, *start)]
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, pixels[0])
    for k in range(1, steps + 1):
        pixel = pixel_of(plot, *(np.add(start, np.subtract(end, start) * k / steps)))
        position = QPointF(pixel)
        QApplication.sendEvent(viewport, QMouseEvent(
            QEvent.Type.MouseMove, position, viewport.mapToGlobal(position),
            Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, modifier))
    pixels.append(pixel)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, pixel)
    view_box = plot.getViewBox()
    return np.array([[view_box.mapSceneToView(plot.mapToScene(p)).x(),
                      view_box.mapSceneToView(plot.mapToScene(p)).y()] for p in pixels])
