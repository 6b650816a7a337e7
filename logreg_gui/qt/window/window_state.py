"""The window's size, place and layout, and what is remembered of them between runs."""

from PySide6.QtCore import QByteArray, QRect

from logreg_gui.qt.window.settings import REMEMBERED

FIRST_SIZE = (1600, 1000)
MINIMUM_SIZE = (900, 600)  # smaller leaves the data plot a sliver
SCREEN_SHARE = 0.9  # a new window takes at most this share of the screen
FRAME_ROOM = (16, 48)  # px left for borders and the title bar


def place_window(window, settings=None):
    """Size `window` to fit its screen, lay its panels out by default, then apply the
    remembered geometry (unless it no longer fits the screen) and layout.

    Returns
    -------
    bool
        Whether a remembered layout was applied (otherwise the default layout's sizes must be
        set again once the window is shown: Qt ignores dock sizes before).
    """
    available = window.screen().availableGeometry()
    window.setMinimumSize(min(MINIMUM_SIZE[0], int(SCREEN_SHARE * available.width())),
                          min(MINIMUM_SIZE[1], int(SCREEN_SHARE * available.height())))
    _default_geometry(window, available)
    window.views.arrange()
    if settings is None or settings.value("window/screen") != _screen_key(available):
        return False  # a layout made for another screen would not fit this one
    geometry = settings.value("window/geometry")
    if not geometry.isEmpty():
        window.restoreGeometry(geometry)
        if not _fits(window, available):  # another, smaller screen since
            _default_geometry(window, available)
    state = settings.value("window/state")
    return not state.isEmpty() and window.restoreState(state)


def _default_geometry(window, available):
    width = min(FIRST_SIZE[0], int(SCREEN_SHARE * available.width()))
    height = min(FIRST_SIZE[1], int(SCREEN_SHARE * available.height()))
    window.setGeometry(QRect(0, 0, width, height))
    window.move(available.center() - window.rect().center())


def _fits(window, available):
    """Whether a restored window lies inside the screen with room for its title bar and
    borders (which are not known before it is shown)."""
    if window.isMaximized() or window.isFullScreen():
        return True
    room = available.adjusted(0, 0, -FRAME_ROOM[0], -FRAME_ROOM[1])
    return room.contains(window.geometry())


def _screen_key(available):
    return QByteArray(f"{available.width()}x{available.height()}".encode())


def save_window(window, settings):
    """Store the geometry, dock layout (with the screen they were made for) and remembered
    parameters of `window`."""
    settings.set_value("window/screen", _screen_key(window.screen().availableGeometry()))
    settings.set_value("window/geometry", window.saveGeometry())
    settings.set_value("window/state", window.saveState())
    for key, parameter in REMEMBERED.items():
        settings.set_value(key, window.controls.value(parameter.name))
    settings.sync()
