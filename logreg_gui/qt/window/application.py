"""Start-up of the Qt application: names, thread limits, the window and its event loop."""

from PySide6.QtWidgets import QApplication
from threadpoolctl import threadpool_limits


def application():
    """The QApplication, created once with the application and organisation names.

    Also limits BLAS to one thread: our matrices are narrow (at most 28 features), the app
    already runs the GUI, the trainer and background jobs in their own threads, and OpenBLAS's
    own threads then only fight them (seen here: a 100 000 × 29 Gram matrix took 3 s with
    threads, 7 ms without).
    """
    app = QApplication.instance()
    if app is None:
        threadpool_limits(limits=1, user_api="blas")
        app = QApplication([])
        app.setApplicationName("logreg-gui")
        app.setOrganizationName("logreg-gui")
    return app


def run_window(dataset, options, source):
    """Show the main window and run the event loop; returns the exit code."""
    app = application()
    from logreg_gui.qt.window.main_window import MainWindow

    window = MainWindow(dataset, options, source)
    window.show()
    return app.exec()
