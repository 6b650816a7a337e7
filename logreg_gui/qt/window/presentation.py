"""Presentation mode: full screen, fonts ×1.5, controls, toolbars and menus hidden; the plots
and the formulas only (F11 again returns)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

FONT_SCALE = 1.5
RIGHT_SHARE = 0.4  # of the screen's width for the loss, sigmoid and formulas


class Presentation:
    """Switches `window` (a MainWindow) into presentation mode and back to what it was.

    Parameters
    ----------
    window : MainWindow
    """

    def __init__(self, window):
        self._window = window
        self._saved = None  # (dock layout, font, was full screen) while presenting

    @property
    def active(self):
        """Whether the window is presenting (bool)."""
        return self._saved is not None

    def set_active(self, active):
        """Present (True) or go back to the layout, font and window state of before."""
        if active == self.active:
            return
        window = self._window
        if active:
            self._saved = (window.saveState(), window.font(), window.isFullScreen())
            self._present()
        else:
            state, font, full_screen = self._saved
            self._saved = None
            self._scale_fonts(font)
            window.menuBar().show()
            window.views.traces_plot.show()
            window.restoreState(state)
            if not full_screen:
                window.showNormal()

    def _present(self):
        window, views = self._window, self._window.views
        font = window.font()
        font.setPointSizeF(font.pointSizeF() * FONT_SCALE)
        self._scale_fonts(font)
        shown = {views.sigmoid_dock, views.loss_dock, views.landscape_dock, views.formulas_dock}
        for dock in views.docks:
            dock.setVisible(dock in shown)
        views.traces_plot.hide()  # at 1280 × 720 the loss plot needs all of its dock
        # The formulas in sight, under the plots (the compact layout has them in a tab).
        window.removeDockWidget(views.formulas_dock)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, views.formulas_dock)
        views.formulas_dock.show()
        screen = window.screen().geometry()
        right = [views.loss_dock, views.sigmoid_dock, views.formulas_dock]
        window.resizeDocks([views.loss_dock], [int(RIGHT_SHARE * screen.width())],
                           Qt.Orientation.Horizontal)
        window.resizeDocks(right, [int(share * screen.height()) for share in (0.3, 0.35, 0.35)],
                           Qt.Orientation.Vertical)
        for toolbar in window.findChildren(QToolBar):
            toolbar.hide()
        window.menuBar().hide()  # F11 still works: the action belongs to the window
        window.showFullScreen()

    def _scale_fonts(self, font):
        self._window.setFont(font)
        for plot in self._window.views.plots:
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setTickFont(font)
