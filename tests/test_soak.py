"""The soak command runs (briefly) and its growth check can fail."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.soak import growth

ROW = {"iteration": 100, "seconds": 1.0, "window_mb": 200.0, "training_mb": 80.0,
       "qobjects": 420, "python_objects": 96_000}


@pytest.mark.parametrize("key, value", [("window_mb", 260.0), ("training_mb", 120.0),
                                        ("qobjects", 520), ("python_objects", 120_000)])
def test_growth_is_seen(key, value):
    assert growth([ROW, {**ROW, key: value}]) != []
    assert growth([ROW, {**ROW, "iteration": 10**7}]) == []


def test_a_short_soak_runs_and_stays_flat():
    result = subprocess.run([sys.executable, "-m", "tests.soak", "--iterations", "3000"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "soak: flat over" in result.stdout and result.stderr == ""
