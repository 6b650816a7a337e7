"""The window fits common screens: measured on emulated screens in a process of its own."""

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import QByteArray, QSettings

from logreg_gui.qt.engine.frame_tracker import FrameTracker

from tests.conftest import ROOT, emulated_screen_env


def probe(tmp_path, width, height):
    env = emulated_screen_env(tmp_path, width, height)
    result = subprocess.run([sys.executable, "-m", "tests.qt.layout_probe"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("width, height", [(1280, 720), (1366, 768), (1920, 1080)])
def test_the_window_fits_the_screen_and_the_data_plot_is_the_biggest_thing(tmp_path, width,
                                                                            height):
    measured = probe(tmp_path, width, height)
    assert measured["screen"] == [width, height]
    assert measured["inside"], measured
    assert measured["data_plot_share"] >= 0.45, measured
    assert measured["hidden_toolbar_actions"] == []
    assert measured["clipped"] == [], measured["clipped"]
    assert measured["docks_shown"] and measured["status_line_visible"]
    assert measured["controls_in_front"]  # a newcomer sees the controls, not a tab behind


def test_a_remembered_window_larger_than_the_screen_is_brought_inside(make_window):
    first = make_window()
    first.resize(5000, 4000)
    first.move(3000, 3000)
    first.close()
    second = make_window()
    available = second.screen().availableGeometry()
    assert available.contains(second.geometry())


def test_every_panel_can_be_closed_and_the_layout_reset(qtbot, window):
    views = window.views
    for dock in views.docks:
        assert dock.features() & dock.DockWidgetFeature.DockWidgetClosable
        assert dock.features() & dock.DockWidgetFeature.DockWidgetFloatable
    panels = next(action for action in window.menuBar().actions() if action.text() == "&View")
    toggles = [a for a in panels.menu().actions()[0].menu().actions()]
    assert [a.text() for a in toggles] == [dock.windowTitle() for dock in views.docks]
    toggles[4].trigger()  # Loss
    assert not views.loss_dock.toggleViewAction().isChecked()
    views.sigmoid_dock.setFloating(True)
    window.window_actions.reset_layout.trigger()
    assert views.loss_dock.toggleViewAction().isChecked()
    assert not views.sigmoid_dock.isFloating()


def test_a_layout_made_on_another_screen_is_not_used(qtbot, make_window):
    first = make_window()
    first.views.metrics_dock.setFloating(True)
    first.close()
    store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "logreg-gui",
                      "logreg-gui")
    assert store.value("window/screen") is not None
    store.setValue("window/screen", QByteArray(b"1920x1080"))
    store.sync()
    second = make_window()
    assert not second.views.metrics_dock.isFloating()


def test_the_window_cannot_be_shrunk_to_a_sliver(window):
    available = window.screen().availableGeometry()
    assert window.minimumWidth() >= min(900, 0.9 * available.width()) - 1
    assert window.minimumHeight() >= min(600, 0.9 * available.height()) - 1


def test_frames_do_not_wait_for_a_plot_in_a_tab_behind_another(qtbot, window):
    views = window.views
    views.sigmoid_dock.raise_()  # the landscape's tab is behind the sigmoid's
    qtbot.waitUntil(lambda: not views.on_screen(views.landscape_plot), timeout=2000)
    assert views.on_screen(views.sigmoid_plot)
    tracker = FrameTracker(views.painted, window, views.on_screen)
    with qtbot.waitSignal(tracker.frame_painted, timeout=2000):
        tracker.expect_frame()
        for plot in (views.data_plot, views.sigmoid_plot, views.loss_plot):
            plot.viewport().update()
    views.landscape_dock.raise_()
    qtbot.waitUntil(lambda: views.on_screen(views.landscape_plot), timeout=2000)
