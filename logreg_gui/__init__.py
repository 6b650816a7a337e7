"""logreg-gui: watch gradient descent train a binary logistic regression.

``from logreg_gui import MainWindow`` imports Qt on first use only, so the package (and its
Qt-free ``core``) can be imported where no display or Qt is available.
"""

import os

# One BLAS thread: our matrices are narrow (at most 28 features), the app already runs the GUI,
# the trainer and background jobs in their own threads, and OpenBLAS's own threads then only
# fight them (seen here: a 100 000 × 29 Gram matrix took 3 s with threads, 7 ms without).
# Set before numpy loads; a value the user set is kept.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

__version__ = "0.1.0"
__all__ = ["MainWindow", "__version__"]


def __getattr__(name):
    if name == "MainWindow":
        from .qt.main_window import MainWindow

        return MainWindow
    raise AttributeError(f"module 'logreg_gui' has no attribute {name!r}")
