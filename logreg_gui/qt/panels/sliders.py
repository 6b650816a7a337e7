"""Sliders that keep their own keys."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QSlider


class KeySlider(QSlider):
    """A slider that keeps its own keys while it has the focus: the arrows, Page Up/Down, Home
    and End move it rather than stepping training (window shortcuts on the same keys)."""

    OWN_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
                Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End}

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)

    def event(self, event):
        """Claim the slider's keys before they become window shortcuts."""
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in self.OWN_KEYS:
            event.accept()
            return True
        return super().event(event)
