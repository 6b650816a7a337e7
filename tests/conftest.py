"""Shared test configuration: headless Qt and the paths of the shipped datasets."""

import json
import os
import tempfile
from pathlib import Path

# One OpenMP thread (scikit-learn's losses): on a loaded machine its spinning threads made a
# 2 s scikit-learn fit take over 120 s (3 busy loops: 16.6 s, 3.3 s with one thread). Set
# before anything loads OpenMP; subprocesses inherit it.
os.environ["OMP_NUM_THREADS"] = "1"

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

# Tests never need a display: render offscreen whatever the user's shell says.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Settings written by tests go to a throw-away folder, never the user's own.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="logreg-gui-test-config-")

# One BLAS thread, as the application (see logreg_gui/qt/window/application.py).
threadpool_limits(limits=1, user_api="blas")

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / "resources" / "datasets"
BREAST_CANCER = DATASETS / "breast_cancer_radius_texture.csv"
IRIS_OVERLAP = DATASETS / "iris_versicolor_virginica.csv"
IRIS_SEPARABLE = DATASETS / "iris_setosa_versicolor.csv"
FINITE_OPTIMUM = [BREAST_CANCER, IRIS_OVERLAP]


def central_differences(function, theta, step=1e-6):
    """The gradient of a scalar `function` at `theta` by central differences."""
    gradient = np.empty_like(theta)
    for i in range(len(theta)):
        e = np.zeros_like(theta)
        e[i] = step
        gradient[i] = (function(theta + e) - function(theta - e)) / (2 * step)
    return gradient


def emulated_screen_env(folder, width, height):
    """Environment for a child process on an offscreen screen of width × height pixels, with
    its settings in `folder` (dict)."""
    screens = {"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    config = folder / "screens.json"
    config.write_text(json.dumps(screens))
    return {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
            "XDG_CONFIG_HOME": str(folder)}
