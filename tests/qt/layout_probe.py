"""Measures the main window on an emulated screen; run in its own process:

    QT_QPA_PLATFORM=offscreen:configfile=screens.json python -m tests.qt.layout_probe

Prints one JSON object (see `measure`).
"""

import json

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import (QAbstractButton, QLabel, QScrollArea, QTabBar,
                               QToolButton)

from logreg_gui.qt.window.application import application


def spin(milliseconds):
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def clipped_texts(window):
    """Texts of visible labels and buttons narrower than their text, without a tooltip."""
    clipped = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisible() or widget.toolTip() or widget.width() == 0:
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        if widget.width() + 1 < widget.minimumSizeHint().width():
            clipped.append(widget.text())
    return clipped


def cut_off(window):
    """Scroll areas whose content is wider than their view with no sideways scroll bar, and
    elided tab titles."""
    cut = [area.parent().objectName() for area in window.findChildren(QScrollArea)
           if area.isVisible() and not area.visibleRegion().isEmpty()
           and area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
           and area.widget().minimumSizeHint().width() > area.viewport().width()]
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            if bar.tabRect(index).width() < bar.tabSizeHint(index).width():  # elided
                cut.append(f"tab {bar.tabText(index)}")
    return cut


def measure(window):
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    toolbar_buttons = [button for button in window.findChildren(QToolButton)
                       if button.defaultAction() is not None
                       and button.parent().objectName() == "training_toolbar"]
    return {
        "screen": [available.width(), available.height()],
        "window": [frame.x(), frame.y(), frame.width(), frame.height()],
        "inside": available.contains(frame),
        "data_plot_share": window.views.data_plot.width() / window.width(),
        "hidden_toolbar_actions": [b.text() for b in toolbar_buttons if not b.isVisible()],
        "clipped": clipped_texts(window) + cut_off(window),
        "docks_shown": all(dock.toggleViewAction().isChecked() for dock in window.views.docks),
        "status_line_visible": window.views.status_line.isVisible(),
        "controls_in_front": not window.views.controls_dock.visibleRegion().isEmpty(),
    }


def settled(window, limit_ms=60_000):
    """The measures once the first snapshot is shown and two in a row, 200 ms apart, agree
    (a loaded machine lays the window out late: waiting a fixed time measured half-made
    status bars)."""
    previous, waited = None, 0
    while waited < limit_ms:
        spin(200)
        waited += 200
        current = measure(window) if window.latest_snapshot is not None else None
        if current is not None and current == previous:
            return current
        previous = current
    return previous or measure(window)


def main():
    app = application()
    from logreg_gui import MainWindow

    window = MainWindow(remember=False)
    window.show()
    window.controls.fields["speed"].edit(0)  # the longest speed text: nothing may move
    result = settled(window)
    for dock in window.views.docks:  # every tab of a tabbed group in turn
        dock.raise_()
        spin(50)
        result["clipped"] += [f"{dock.windowTitle()}: {text}" for text in cut_off(window)]
    window.close()
    print(json.dumps(result))
    return 0 if app else 1


if __name__ == "__main__":
    raise SystemExit(main())
