"""Saving and restoring the window's layout and remembered parameters through the settings."""

from logreg_gui.qt.window.settings import REMEMBERED


def save_window(window, settings):
    """Store the geometry, dock layout and remembered parameters of `window`."""
    settings.set_value("window/geometry", window.saveGeometry())
    settings.set_value("window/state", window.saveState())
    for key, parameter in REMEMBERED.items():
        settings.set_value(key, window.controls.value(parameter.name))
    settings.sync()


def restore_layout(window, settings):
    """Apply the stored geometry and dock layout (the parameters are read at construction)."""
    geometry = settings.value("window/geometry")
    if not geometry.isEmpty():
        window.restoreGeometry(geometry)
    state = settings.value("window/state")
    if not state.isEmpty():
        window.restoreState(state)
