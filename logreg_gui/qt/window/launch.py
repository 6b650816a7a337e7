"""``logreg_gui.show``: the window on arrays or a DataFrame, from a script or a notebook."""

import sys

from logreg_gui.core.data import Dataset
from logreg_gui.qt.window.application import application


def _event_loop_running():
    """Whether IPython runs a Qt event loop for us (``%gui qt`` in Jupyter or IPython)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return bool(getattr(shell, "active_eventloop", None))


def show(X, y, feature_names=None, class_names=None, block=None):
    """Open the window on your own data.

    In a notebook with ``%gui qt`` the window opens and the call returns at once (the notebook
    stays usable, and training runs while you work); in a script it blocks until the window is
    closed.

    Parameters
    ----------
    X : array_like of float, shape (n_samples, 2), or a pandas DataFrame of two columns
        The two features, in their units; a DataFrame's column names name them.
    y : array_like, shape (n_samples,)
        Two distinct labels (numbers or text); the sorted values become class 0 and class 1.
    feature_names, class_names : sequence of 2 str, optional
    block : bool, optional
        Run the event loop until the window closes; default: only when no loop runs already.

    Returns
    -------
    MainWindow
        The window (still open when the call did not block).

    Raises
    ------
    logreg_gui.core.data.DataError
        If X or y are not as described (the message names the argument).

    Examples
    --------
    >>> from sklearn.datasets import load_iris           # doctest: +SKIP
    >>> import logreg_gui                                # doctest: +SKIP
    >>> iris = load_iris(as_frame=True)                  # doctest: +SKIP
    >>> keep = iris.target < 2                           # doctest: +SKIP
    >>> logreg_gui.show(iris.data.loc[keep, ["sepal length (cm)", "sepal width (cm)"]],
    ...                 iris.target[keep], class_names=["setosa", "versicolor"])  # doctest: +SKIP
    """
    dataset = Dataset.from_arrays(X, y, feature_names, class_names)
    app = application()
    from logreg_gui.qt.window.main_window import MainWindow

    window = MainWindow(dataset, source="your data")
    window.show()
    if block if block is not None else not _event_loop_running():
        app.exec()
    return window
