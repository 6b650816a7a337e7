"""The strict number grammar of table cells (no digit separators, no NaN or infinity)."""

import re

import numpy as np

from logreg_gui.core.table.format import DECIMALS

SHOWN_CHARS = 40  # longer values are shortened in messages


def _number_regex(decimal):
    d = re.escape(decimal)
    return re.compile(rf"[+-]?(?:[0-9]+(?:{d}[0-9]*)?|{d}[0-9]+)(?:[eE][+-]?[0-9]+)?")


NUMBER = {mark: _number_regex(mark) for mark in DECIMALS}
NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)


def parse_number(text, decimal="."):
    """The number that `text` writes in the strict grammar, or None if it is not one.

    Parameters
    ----------
    text : str
        Without surrounding spaces (a field's value).
    decimal : {'.', ','}
        The decimal mark.

    Returns
    -------
    float or None
        May be ±inf for a valid but huge number such as ``1e999``.

    Examples
    --------
    >>> parse_number("-1.5e3"), parse_number("1,5", ","), parse_number("1_5"), parse_number("inf")
    (-1500.0, 1.5, None, None)
    """
    if not NUMBER[decimal].fullmatch(text):
        return None
    return float(text.replace(",", ".")) if decimal == "," else float(text)


def parse_numbers(texts, decimal):
    """Vectorized :func:`parse_number`: (values with NaN where not a number, is-number mask)."""
    match = NUMBER[decimal].fullmatch
    ok = np.fromiter((match(text) is not None for text in texts), dtype=bool, count=len(texts))
    values = np.full(len(texts), np.nan)
    good = texts[ok]
    if decimal == ",":
        good = np.array([text.replace(",", ".") for text in good], dtype=object)
    values[ok] = good.astype(np.float64) if len(good) else []
    return values, ok


def shown(text):
    """A value for a message: quoted, escaped, and shortened when long."""
    if len(text) > SHOWN_CHARS:
        return repr(text[:SHOWN_CHARS]) + "…"
    return repr(text)
