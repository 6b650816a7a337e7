"""logreg-gui: watch gradient descent train a binary logistic regression.

``from logreg_gui import MainWindow`` and ``logreg_gui.show(X, y)`` import Qt on first use only,
so the package (and its Qt-free ``core``) can be imported where no display or Qt is available.
"""

__version__ = "0.2.0"
__all__ = ["MainWindow", "__version__", "show"]


def __getattr__(name):
    if name == "MainWindow":
        from logreg_gui.qt.window.main_window import MainWindow

        return MainWindow
    if name == "show":
        from logreg_gui.qt.window.launch import show

        return show
    raise AttributeError(f"module 'logreg_gui' has no attribute {name!r}")
