"""Starting the window where Qt cannot open one: a one-line hint instead of Qt's abort."""

import os
import subprocess
import sys

from logreg_gui.qt.window.application import display_problem
from tests.conftest import ROOT


def missing(_name):
    raise OSError("libxcb-cursor.so.0: cannot open shared object file")


def present(_name):
    return object()


def test_a_missing_xcb_cursor_library_is_named_with_the_fix():
    problem = display_problem({"DISPLAY": ":0"}, "linux", missing)
    assert "libxcb-cursor0" in problem and "apt install" in problem


def test_no_display_says_how_to_train_without_a_window():
    assert "DISPLAY is not set" in display_problem({}, "linux", present)
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", present) is None


def test_nothing_is_said_where_a_window_can_open():
    assert display_problem({"DISPLAY": ":0"}, "linux", present) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", missing) is None
    assert display_problem({}, "win32", missing) is None


def test_the_command_line_exits_2_with_one_line_when_no_window_can_open():
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("logreg-gui: error: no display")
