"""The fitted equation written out with its numbers, as plain text and as simple HTML.

For example ``logit P(malignant) = −19.70 + 1.048·mean_radius + 0.2177·mean_texture``.
"""

import html
import math
from itertools import combinations_with_replacement

MINUS = "\u2212"  # a real minus sign: the hyphen is too short next to digits
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def format_number(value, digits=4):
    """`value` to `digits` significant digits, keeping trailing zeros (19.7 → '19.70').

    Parameters
    ----------
    value : float
    digits : int ≥ 1

    Returns
    -------
    str
        With a '−' (U+2212) for negatives; scientific notation (``1.235e+05``) where ``g``
        chooses it; ``inf``/``nan`` as such.
    """
    if not math.isfinite(value):
        return str(value).replace("-", MINUS)
    text = f"{abs(value):#.{digits}g}"
    mantissa, _, exponent = text.partition("e")
    text = mantissa.rstrip(".") + (f"e{exponent}" if exponent else "")
    return (MINUS if value < 0 else "") + text


def _terms(model, feature_names):
    """[(coefficient, [(feature name, power), …])] of the model's weights.

    The monomials are built here, in ``PolynomialFeatures`` order (as
    :func:`~logreg_gui.core.features.polynomial_features`), rather than parsed from joined names,
    so a column called 'a*b' or 'x^2' is still written correctly."""
    monomials = [[(feature_names[i], combo.count(i)) for i in sorted(set(combo))]
                 for d in range(1, model.degree + 1)
                 for combo in combinations_with_replacement(range(len(feature_names)), d)]
    return list(zip((float(c) for c in model.coef_), monomials, strict=True))


def _signed(value, digits):
    """' + 1.048' or ' − 19.70' (the sign as the operator)."""
    return (f" {MINUS} " if value < 0 else " + ") + format_number(abs(value), digits)


def equation_text(model, feature_names, class_name, digits=4):
    """The model's logit as a line of plain text.

    Parameters
    ----------
    model : logreg_gui.core.model.LogisticModel
        Coefficients in original units.
    feature_names : sequence of str
        The input features' names (e.g. ``('mean_radius', 'mean_texture')``).
    class_name : str
        Name of class 1 (e.g. ``'malignant'``).
    digits : int ≥ 1
        Significant digits of each number.

    Returns
    -------
    str
        e.g. ``logit P(malignant) = −19.70 + 1.048·mean_radius + 0.2177·mean_texture``; powers
        as superscripts (``mean_radius²·mean_texture``), products with '·'.
    """
    text = f"logit P({class_name}) = {format_number(float(model.intercept_), digits)}"
    for value, monomial in _terms(model, feature_names):
        factors = (name + (str(power).translate(_SUPERSCRIPTS) if power > 1 else "")
                   for name, power in monomial)
        text += _signed(value, digits) + "·" + "·".join(factors)
    return text


def _html_number(text):
    mantissa, _, exponent = text.partition("e")
    if not exponent:
        return mantissa
    return f"{mantissa}×10<sup>{int(exponent)}</sup>".replace("-", MINUS)


def equation_html(model, feature_names, class_name, digits=4):
    """The same equation as :func:`equation_text`, as an HTML fragment (Qt rich text).

    Names are escaped, powers are ``<sup>``, the logit is in italics and scientific notation is
    written ×10<sup>k</sup>.

    Parameters
    ----------
    model : logreg_gui.core.model.LogisticModel
    feature_names : sequence of str
    class_name : str
    digits : int ≥ 1

    Returns
    -------
    str
    """
    parts = [f"<i>logit</i> P({html.escape(class_name)}) = "
             f"{_html_number(format_number(float(model.intercept_), digits))}"]
    for value, monomial in _terms(model, feature_names):
        factors = (html.escape(name) + (f"<sup>{power}</sup>" if power > 1 else "")
                   for name, power in monomial)
        signed = _signed(value, digits)  # ' + ' or ' − ', then the number
        parts.append(f"{signed[:3]}{_html_number(signed[3:])}·{'·'.join(factors)}")
    return "".join(parts)
