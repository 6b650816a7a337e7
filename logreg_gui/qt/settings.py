"""The only module that touches QSettings: what the app remembers between runs."""

import math
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

from ..core.loss import OBJECTIVES


@dataclass(frozen=True)
class Key:
    """A settings entry: ``group/key`` name, Python type, default and the values allowed."""

    name: str
    type: type
    default: object
    allowed: object = None  # a predicate on the converted value; None allows any


def _between(low, high):
    return lambda value: math.isfinite(value) and low <= value <= high


KEYS = {key.name: key for key in (
    Key("window/geometry", QByteArray, QByteArray()),
    Key("window/state", QByteArray, QByteArray()),
    Key("training/loss", str, "cross_entropy", lambda value: value in OBJECTIVES),
    Key("view/step_function", bool, True),
    Key("view/log_scale", bool, False),
    Key("view/gap", bool, False),
    Key("view/weight_vector", bool, True),
    Key("view/contours", bool, False),
    Key("view/trail", bool, False),
    Key("view/fill_by_prediction", bool, False),
    Key("view/size_by_loss", bool, False),
    Key("view/threshold", float, 0.5, _between(0.01, 0.99)),
)}


class Settings:
    """Typed access to the user's settings (an INI file in the user's config folder)."""

    def __init__(self):
        self._store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                "logreg-gui", "logreg-gui")

    def value(self, name):
        """The stored value of `name` (a key of :data:`KEYS`), or its default.

        Raises
        ------
        KeyError
            If `name` is not declared in :data:`KEYS`.
        """
        key = KEYS[name]
        stored = self._store.value(name, key.default)
        try:
            if key.type is bool and isinstance(stored, str):  # INI files store "true"/"false"
                value = {"true": True, "1": True, "false": False, "0": False}[stored.lower()]
            else:
                value = key.type(stored)
        except (TypeError, ValueError, KeyError):
            return key.default  # a hand-edited or corrupt entry: fall back, never crash
        return value if key.allowed is None or key.allowed(value) else key.default

    def set_value(self, name, value):
        """Store `value` under `name` (a key of :data:`KEYS`)."""
        if name not in KEYS:
            raise KeyError(f"undeclared setting {name!r}")
        self._store.setValue(name, value)

    def sync(self):
        """Write pending changes to disk."""
        self._store.sync()
