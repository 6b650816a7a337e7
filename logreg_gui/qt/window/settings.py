"""The only module that touches QSettings: what the app remembers between runs."""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from logreg_gui.core.parameters import PARAMETERS

VERSION = 2  # remembered values of another version are not used (the defaults start instead)
LAYOUT_KEYS = ("window/geometry", "window/state", "window/screen")


def key_of(parameter):
    """The settings key of a remembered parameter, 'group/name' (str)."""
    return f"{parameter.group}/{parameter.name}"


REMEMBERED = {key_of(p): p for p in PARAMETERS.values() if p.remembered}


class Settings:
    """Typed access to the user's settings (an INI file in the user's config folder).

    Anything malformed (a hand-edited value, a stray comma that Qt reads as a list, a value out
    of range, settings written by another version) reads as the default.
    """

    def __init__(self):
        self._store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                "logreg-gui", "logreg-gui")
        self._current = str(self._store.value("meta/version", "")) == str(VERSION)

    def value(self, key):
        """The stored value of `key` (a remembered parameter's key, or a layout key), or its
        default (an empty QByteArray for layout keys).

        Raises
        ------
        KeyError
            If `key` is neither.
        """
        if key in LAYOUT_KEYS:
            stored = self._store.value(key) if self._current else None
            return stored if isinstance(stored, QByteArray) else QByteArray()
        parameter = REMEMBERED[key]
        stored = self._store.value(key) if self._current else None
        if not isinstance(stored, str):  # missing, or a list ('false,' in the file)
            return parameter.default
        try:
            return parameter.parse(stored)
        except ValueError:
            return parameter.default

    def values(self):
        """{parameter name: remembered value} of every remembered parameter (dict)."""
        return {parameter.name: self.value(key) for key, parameter in REMEMBERED.items()}

    def set_value(self, key, value):
        """Store `value` under `key` (a remembered parameter's key or a layout key).

        Raises
        ------
        KeyError
            If `key` is neither.
        """
        if key not in LAYOUT_KEYS and key not in REMEMBERED:
            raise KeyError(f"undeclared setting {key!r}")
        if isinstance(value, bool):
            value = "true" if value else "false"
        self._store.setValue(key, value if isinstance(value, QByteArray) else str(value))

    @property
    def folder(self):
        """The folder of the settings file, where the app keeps its other files
        (pathlib.Path)."""
        return Path(self._store.fileName()).parent

    def sync(self):
        """Mark the file as this version's and write pending changes to disk."""
        self._store.setValue("meta/version", VERSION)
        self._current = True
        self._store.sync()
