"""Where the model's boundary and probabilities fall inside a rectangular view."""

import numpy as np

from logreg_gui.core._math import expit


def boundary_segment(coef, intercept, x_range, y_range):
    """The part of the line w1·x + w2·y + b = 0 inside a view rectangle.

    Parameters
    ----------
    coef : array_like of float, shape (2,)
        (w1, w2) in the view's units.
    intercept : float
    x_range, y_range : tuple of 2 float
        (min, max) of the view along each axis.

    Returns
    -------
    ndarray of float64, shape (2, 2), or None
        Rows are the segment's end points (x, y); None when w ≈ 0 (no boundary) or when the
        line misses the view. Handles vertical (w2 = 0) and horizontal (w1 = 0) lines.
    """
    w1, w2 = float(coef[0]), float(coef[1])
    norm = np.hypot(w1, w2)
    if not np.isfinite(norm) or norm == 0.0:
        return None
    normal = np.array([w1, w2]) / norm
    direction = np.array([-normal[1], normal[0]])
    centre = np.array([np.mean(x_range), np.mean(y_range)])
    # The point of the line nearest the view centre, then Liang–Barsky clipping along the line.
    origin = centre - (normal @ centre + intercept / norm) * normal
    t_low, t_high = -np.inf, np.inf
    for axis, (low, high) in enumerate((x_range, y_range)):
        if direction[axis] == 0.0:
            if not low <= origin[axis] <= high:
                return None
            continue
        t1 = (low - origin[axis]) / direction[axis]
        t2 = (high - origin[axis]) / direction[axis]
        t_low, t_high = max(t_low, min(t1, t2)), min(t_high, max(t1, t2))
    if t_low >= t_high:
        return None
    return np.array([origin + t_low * direction, origin + t_high * direction])


def probability_grid(model, x_range, y_range, shape):
    """P(y=1 | x) of `model` sampled at the centres of a grid of cells covering a view.

    Parameters
    ----------
    model : logreg_gui.core.model.LogisticModel
    x_range, y_range : tuple of 2 float
    shape : tuple of 2 int
        (rows, columns); row 0 lies at the low end of `y_range`.

    Returns
    -------
    ndarray of float64, shape `shape`
        Probabilities in [0, 1] (0.5 where huge weights make the logit undefined).
    """
    rows, columns = shape
    xs, ys = np.meshgrid(_cell_centres(x_range, columns), _cell_centres(y_range, rows))
    z = model.decision_function(np.column_stack([xs.ravel(), ys.ravel()]))
    return np.nan_to_num(expit(z), nan=0.5).reshape(shape)


def _cell_centres(value_range, count):
    low, high = value_range
    step = (high - low) / count
    return low + step * (np.arange(count) + 0.5)


def shifted_boundary(coef, intercept, offset):
    """The model whose lines w·x + b = c are those of (coef, intercept) moved by `offset`.

    Parameters
    ----------
    coef : array_like of float, shape (2,)
    intercept : float
    offset : array_like of float, shape (2,)
        How far to move, in the units of x.

    Returns
    -------
    coef : ndarray of float64, shape (2,)
        Unchanged (the lines stay parallel).
    intercept : float
        b − w·offset.
    """
    coef = np.asarray(coef, dtype=np.float64)
    return coef.copy(), float(intercept - coef @ np.asarray(offset, dtype=np.float64))


def turned_boundary(coef, intercept, pivot, angle):
    """The model whose lines are those of (coef, intercept) turned by `angle` about `pivot`.

    Parameters
    ----------
    coef : array_like of float, shape (2,)
    intercept : float
    pivot : array_like of float, shape (2,)
        The point that stays put (its logit is unchanged), in the units of x.
    angle : float
        Radians, counter-clockwise in the (x1, x2) plane.

    Returns
    -------
    coef : ndarray of float64, shape (2,)
        w turned by `angle` (same length: the steepness of σ across the line is kept).
    intercept : float
        b + w·pivot − w′·pivot.
    """
    coef = np.asarray(coef, dtype=np.float64)
    pivot = np.asarray(pivot, dtype=np.float64)
    cos, sin = np.cos(angle), np.sin(angle)
    turned = np.array([cos * coef[0] - sin * coef[1], sin * coef[0] + cos * coef[1]])
    return turned, float(intercept + coef @ pivot - turned @ pivot)
