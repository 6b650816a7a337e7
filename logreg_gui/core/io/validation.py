"""Checking plain JSON values field by field, with messages that name the field."""

import math

import numpy as np

from logreg_gui.core.data import DataError


class SessionError(DataError):
    """A session or model file (or dict) that cannot be used; the message, one line, names the
    file, the field and what is wrong. Nothing of a refused session is returned."""


class Invalid(Exception):
    """A problem at `where` (a dotted field name); turned into a SessionError with the path."""

    def __init__(self, where, problem):
        super().__init__(f"{where}: {problem}" if where else problem)


def check_number(value, where):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Invalid(where, f"must be a number, got {kind_of(value)}")
    try:
        finite = math.isfinite(value)
    except OverflowError:
        finite = False
    if not finite:
        raise Invalid(where, f"must be a finite number, got {value!r:.40}")
    return float(value)


def check_integer(value, where, low=None):
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(where, f"must be an integer, got {kind_of(value)}")
    if low is not None and value < low:
        raise Invalid(where, f"must be at least {low}, got {value}")
    return value


def check_string(value, where):
    if not isinstance(value, str):
        raise Invalid(where, f"must be a string, got {kind_of(value)}")
    return value


def check_list(value, where, length=None):
    if not isinstance(value, list):
        raise Invalid(where, f"must be a list, got {kind_of(value)}")
    if length is not None and len(value) != length:
        raise Invalid(where, f"must have {length} entries, got {len(value)}")
    return value


def check_object(value, where):
    if not isinstance(value, dict):
        raise Invalid(where, f"must be an object, got {kind_of(value)}")
    return value


def field_of(obj, key, where):
    if key not in obj:
        raise Invalid(f"{where}.{key}" if where else key, "is missing")
    return obj[key]


def kind_of(value):
    names = {type(None): "null", bool: "a boolean", int: "an integer", float: "a number",
             str: "a string", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def check_plain(value, where):
    """Null, bool, finite number, str, or a list of those; returned unchanged."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)):
        check_number(value, where)
        return value
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, (list, dict)):
                raise Invalid(f"{where}[{i}]", "must be null, a boolean, a number or a string")
            check_plain(item, f"{where}[{i}]")
        return value
    raise Invalid(where, f"must be null, a boolean, a number, a string or a list, got "
                          f"{kind_of(value)}")


def check_settings(value, where):
    obj = check_object(value, where)
    return {check_string(key, f"{where} key"): check_plain(item, f"{where}.{key}")
            for key, item in obj.items()}


def native(value):
    """`value` with numpy arrays and scalars, and tuples, turned into JSON types."""
    if isinstance(value, dict):
        return {key: native(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [native(item) for item in value]
    if isinstance(value, (np.ndarray, np.generic)):
        return value.tolist()
    return value
