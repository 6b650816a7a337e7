"""Start-up of the Qt application: names, pyqtgraph options, the window and its event loop."""

from PySide6.QtWidgets import QApplication


def application():
    """The QApplication, created once with the application and organisation names."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([])
        app.setApplicationName("logreg-gui")
        app.setOrganizationName("logreg-gui")
    return app


def run_window(dataset, options, source):
    """Show the main window and run the event loop; returns the exit code."""
    app = application()
    from .main_window import MainWindow

    window = MainWindow(dataset, options, source)
    window.show()
    return app.exec()
