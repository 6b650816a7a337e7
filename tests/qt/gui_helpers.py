"""Helpers for driving the main window in tests."""

from PySide6.QtCore import QPointF, Qt


def status(window, name):
    return window.status_panel.values[name].text()


def iteration(window):
    return int(status(window, "iteration").replace(",", ""))


def loss(window):
    return float(status(window, "loss"))


def click_at(qtbot, window, x, y, modifier=Qt.KeyboardModifier.NoModifier):
    plot = window.data_plot
    scene_point = plot.getViewBox().mapViewToScene(QPointF(x, y))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, modifier,
                     plot.mapFromScene(scene_point))


def action(window, name):
    return next(a for a in window.actions() if a.objectName() == name)
