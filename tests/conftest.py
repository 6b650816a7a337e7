"""Shared test configuration: headless Qt and the paths of the shipped datasets."""

import os
import tempfile
from pathlib import Path

import logreg_gui  # noqa: E402,F401  (first: it limits BLAS threads before numpy loads)

# Tests never need a display: render offscreen whatever the user's shell says.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Settings written by tests go to a throw-away folder, never the user's own.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="logreg-gui-test-config-")

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / "resources" / "datasets"
BREAST_CANCER = DATASETS / "breast_cancer_radius_texture.csv"
IRIS_OVERLAP = DATASETS / "iris_versicolor_virginica.csv"
IRIS_SEPARABLE = DATASETS / "iris_setosa_versicolor.csv"
FINITE_OPTIMUM = [BREAST_CANCER, IRIS_OVERLAP]
