"""The app exits cleanly after training on a big screen (tests/exit_probe.py)."""

import subprocess
import sys

from tests.conftest import ROOT, emulated_screen_env


def test_closing_the_window_on_a_big_screen_exits_0_silently(tmp_path):
    env = emulated_screen_env(tmp_path, 1920, 1080)
    result = subprocess.run([sys.executable, "-m", "tests.exit_probe"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert (result.returncode, result.stderr) == (0, "")
