"""A :class:`~logreg_gui.core.data.Dataset` as the JSON object of a session file, and back."""

from dataclasses import fields

import numpy as np

from logreg_gui.core.data import Dataset
from logreg_gui.core.io.validation import (Invalid, SessionError, check_integer, check_list,
                                           check_number, check_object, check_string, field_of)


def dataset_to_json(dataset):
    """A :class:`~logreg_gui.core.data.Dataset` as the session's ``dataset`` object.

    Parameters
    ----------
    dataset : Dataset
        Its ``point_names`` (if the class has that field) are kept; else ``null``.

    Returns
    -------
    dict
        ``X`` (list of n [x1, x2] floats), ``y`` (n ints), ``test_mask`` (n bools),
        ``feature_names``, ``class_names`` (2 str each), ``point_names`` (None or n str).
    """
    names = getattr(dataset, "point_names", None)
    return {"X": np.asarray(dataset.X, dtype=np.float64).reshape(-1, 2).tolist(),
            "y": np.asarray(dataset.y, dtype=np.int64).tolist(),
            "test_mask": np.asarray(dataset.test_mask, dtype=bool).tolist(),
            "feature_names": [str(name) for name in dataset.feature_names],
            "class_names": [str(name) for name in dataset.class_names],
            "point_names": None if names is None else [str(name) for name in names]}


def dataset_fields(obj, where="dataset"):
    """Validated dataset fields as numpy arrays and tuples."""
    obj = check_object(obj, where)
    rows = check_list(field_of(obj, "X", where), f"{where}.X")
    X = np.array([[check_number(v, f"{where}.X[{i}][{j}]")
                   for j, v in enumerate(check_list(row, f"{where}.X[{i}]", 2))]
                  for i, row in enumerate(rows)], dtype=np.float64).reshape(-1, 2)
    n = len(X)
    y = [check_integer(v, f"{where}.y[{i}]") for i, v in
         enumerate(check_list(field_of(obj, "y", where), f"{where}.y", n))]
    if any(v not in (0, 1) for v in y):
        raise Invalid(f"{where}.y", "labels must be 0 or 1")
    mask = check_list(field_of(obj, "test_mask", where), f"{where}.test_mask", n)
    if not all(isinstance(v, bool) for v in mask):
        raise Invalid(f"{where}.test_mask", "must be a list of booleans")
    names = {key: tuple(check_string(v, f"{where}.{key}[{i}]") for i, v in
                        enumerate(check_list(field_of(obj, key, where), f"{where}.{key}", 2)))
             for key in ("feature_names", "class_names")}
    points = obj.get("point_names")
    if points is not None:
        points = tuple(check_string(v, f"{where}.point_names[{i}]") for i, v in
                       enumerate(check_list(points, f"{where}.point_names", n)))
    return dict(X=X, y=np.array(y, dtype=np.int64), test_mask=np.array(mask, dtype=bool),
                point_names=points, **names)


def dataset_from_json(obj):
    """The :class:`~logreg_gui.core.data.Dataset` of a session's ``dataset`` object.

    Parameters
    ----------
    obj : dict
        As made by :func:`dataset_to_json`.

    Returns
    -------
    Dataset
        With ``point_names`` too if the Dataset class has that field.

    Raises
    ------
    SessionError
        If a field is missing, of the wrong type or shape, or not finite; the message names it,
        e.g. ``"dataset.y: must have 3 entries, got 2"``.
    """
    try:
        values = dataset_fields(obj)
    except Invalid as error:
        raise SessionError(str(error)) from None
    return make_dataset(values)


def make_dataset(values):
    known = {f.name for f in fields(Dataset)}
    return Dataset(**{key: value for key, value in values.items() if key in known})
