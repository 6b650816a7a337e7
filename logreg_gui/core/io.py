"""Files the app writes: sessions (versioned JSON), model exports, loss histories; atomically.

Session file (``*.logreg.json``), version 1
-------------------------------------------
One UTF-8 JSON object. Every number is a plain JSON number (no NaN or Infinity tokens); floats are
written as the shortest text that reads back as the same float64. Each top-level key is on its
own line, its value compact::

    {
    "format": "logreg-gui session",          exactly this text
    "version": 1,                            integer; a newer version is refused
    "dataset": {
        "X": [[x1, x2], ...],                n × 2 finite numbers, original units
        "y": [0, 1, ...],                    n integers in {0, 1}
        "test_mask": [false, true, ...],     n booleans: held out as the test set
        "feature_names": ["a", "b"],         2 strings
        "class_names": ["c0", "c1"],         2 strings: names of class 0 and class 1
        "point_names": null                  optional: null or n strings
    },
    "training": {"learning_rate": 0.1, ...}, every training option: name -> plain value
    "model": {
        "theta": [w1, ..., b],               the trainer's θ in its own (trained) units, bias last
        "iteration": 1234                    integer >= 0: updates made so far
    },
    "view": {"contours": false, ...},        view settings: name -> plain value
    "history": {
        "iteration": [[start, step, count], ...],   runs of evenly spaced iteration numbers
        "loss": [J, ..., null, ...]                  one J per iteration (null: overflowed)
    }
    }

A *plain value* is null, a boolean, a finite number, a string, or a list of those. In memory
(:func:`save_session`'s argument, :func:`load_session`'s result) the session is the same dict
with ``history.iteration`` written out (one integer per loss value) and the format and version
keys optional; convert the dataset with :func:`dataset_to_json` and :func:`dataset_from_json`.
Unknown keys are ignored when loading.
"""

import json
import math
import os
import tempfile
from dataclasses import fields
from pathlib import Path

import numpy as np

from logreg_gui.core.data import DataError, Dataset, csv_field
from logreg_gui.core.features import MAX_DEGREE, polynomial_feature_names

SESSION_FORMAT = "logreg-gui session"
SESSION_VERSION = 1
SESSION_SUFFIX = ".logreg.json"
MODEL_FORMAT = "logreg-gui model"
MODEL_VERSION = 1


class SessionError(DataError):
    """A session or model file (or dict) that cannot be used; the message, one line, names the
    file, the field and what is wrong. Nothing of a refused session is returned."""


class _Invalid(Exception):
    """A problem at `where` (a dotted field name); turned into a SessionError with the path."""

    def __init__(self, where, problem):
        super().__init__(f"{where}: {problem}" if where else problem)


# -- atomic writes ---------------------------------------------------------------------------


def _default_mode():
    """Permissions a new file gets from the process umask (read once, at import time)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_NEW_FILE_MODE = _default_mode()


def atomic_write_bytes(path, data):
    """Replace the file at `path` with `data`, all or nothing.

    Writes a temporary file in the same folder, flushes and fsyncs it, then renames it over
    `path` (``os.replace``, atomic on POSIX and Windows): a crash or an error leaves either the
    previous file or the new one, never a mixture, and the temporary file is removed on error.
    An existing file keeps its permissions.

    Parameters
    ----------
    path : str or pathlib.Path
    data : bytes

    Raises
    ------
    OSError
        If the folder is not writable, the disk is full, etc.
    """
    path = Path(path)
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = _NEW_FILE_MODE
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    _sync_folder(path.parent)


def _sync_folder(folder):
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def atomic_write_text(path, text, encoding="utf-8"):
    """:func:`atomic_write_bytes` of `text` encoded with `encoding` (line ends as given).

    Raises
    ------
    OSError
        If the file cannot be written.
    """
    atomic_write_bytes(path, text.encode(encoding))


# -- checking plain JSON values --------------------------------------------------------------


def _number(value, where):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Invalid(where, f"must be a number, got {_kind(value)}")
    try:
        finite = math.isfinite(value)
    except OverflowError:
        finite = False
    if not finite:
        raise _Invalid(where, f"must be a finite number, got {value!r:.40}")
    return float(value)


def _integer(value, where, low=None):
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(where, f"must be an integer, got {_kind(value)}")
    if low is not None and value < low:
        raise _Invalid(where, f"must be at least {low}, got {value}")
    return value


def _string(value, where):
    if not isinstance(value, str):
        raise _Invalid(where, f"must be a string, got {_kind(value)}")
    return value


def _list(value, where, length=None):
    if not isinstance(value, list):
        raise _Invalid(where, f"must be a list, got {_kind(value)}")
    if length is not None and len(value) != length:
        raise _Invalid(where, f"must have {length} entries, got {len(value)}")
    return value


def _object(value, where):
    if not isinstance(value, dict):
        raise _Invalid(where, f"must be an object, got {_kind(value)}")
    return value


def _field(obj, key, where):
    if key not in obj:
        raise _Invalid(f"{where}.{key}" if where else key, "is missing")
    return obj[key]


def _kind(value):
    names = {type(None): "null", bool: "a boolean", int: "an integer", float: "a number",
             str: "a string", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _plain(value, where):
    """Null, bool, finite number, str, or a list of those; returned unchanged."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)):
        _number(value, where)
        return value
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, (list, dict)):
                raise _Invalid(f"{where}[{i}]", "must be null, a boolean, a number or a string")
            _plain(item, f"{where}[{i}]")
        return value
    raise _Invalid(where, f"must be null, a boolean, a number, a string or a list, got "
                          f"{_kind(value)}")


def _settings(value, where):
    obj = _object(value, where)
    return {_string(key, f"{where} key"): _plain(item, f"{where}.{key}")
            for key, item in obj.items()}


def _native(value):
    """`value` with numpy arrays and scalars, and tuples, turned into JSON types."""
    if isinstance(value, dict):
        return {key: _native(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_native(item) for item in value]
    if isinstance(value, (np.ndarray, np.generic)):
        return value.tolist()
    return value


# -- the dataset -----------------------------------------------------------------------------


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


def _dataset_fields(obj, where="dataset"):
    """Validated dataset fields as numpy arrays and tuples."""
    obj = _object(obj, where)
    rows = _list(_field(obj, "X", where), f"{where}.X")
    X = np.array([[_number(v, f"{where}.X[{i}][{j}]")
                   for j, v in enumerate(_list(row, f"{where}.X[{i}]", 2))]
                  for i, row in enumerate(rows)], dtype=np.float64).reshape(-1, 2)
    n = len(X)
    y = [_integer(v, f"{where}.y[{i}]") for i, v in
         enumerate(_list(_field(obj, "y", where), f"{where}.y", n))]
    if any(v not in (0, 1) for v in y):
        raise _Invalid(f"{where}.y", "labels must be 0 or 1")
    mask = _list(_field(obj, "test_mask", where), f"{where}.test_mask", n)
    if not all(isinstance(v, bool) for v in mask):
        raise _Invalid(f"{where}.test_mask", "must be a list of booleans")
    names = {key: tuple(_string(v, f"{where}.{key}[{i}]") for i, v in
                        enumerate(_list(_field(obj, key, where), f"{where}.{key}", 2)))
             for key in ("feature_names", "class_names")}
    points = obj.get("point_names")
    if points is not None:
        points = tuple(_string(v, f"{where}.point_names[{i}]") for i, v in
                       enumerate(_list(points, f"{where}.point_names", n)))
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
        values = _dataset_fields(obj)
    except _Invalid as error:
        raise SessionError(str(error)) from None
    return _make_dataset(values)


def _make_dataset(values):
    known = {f.name for f in fields(Dataset)}
    return Dataset(**{key: value for key, value in values.items() if key in known})


# -- sessions --------------------------------------------------------------------------------


def _history_fields(obj, runs):
    """Validated history: (iterations as a list of ints, losses as a list of float or None)."""
    obj = _object(obj, "history")
    losses = [None if v is None else _number(v, f"history.loss[{i}]") for i, v in
              enumerate(_list(_field(obj, "loss", "history"), "history.loss"))]
    iterations = _list(_field(obj, "iteration", "history"), "history.iteration")
    iterations = _expand_runs(iterations) if runs else [
        _integer(v, f"history.iteration[{i}]", 0) for i, v in enumerate(iterations)]
    if len(iterations) != len(losses):
        raise _Invalid("history", f"has {len(iterations)} iteration numbers but "
                                  f"{len(losses)} loss values")
    if any(b < a for a, b in zip(iterations, iterations[1:], strict=False)):
        raise _Invalid("history.iteration", "must not decrease")
    return {"iteration": iterations, "loss": losses}


def _expand_runs(runs):
    result = []
    for i, run in enumerate(runs):
        start, step, count = (_integer(v, f"history.iteration[{i}][{j}]", 0)
                              for j, v in enumerate(_list(run, f"history.iteration[{i}]", 3)))
        result.extend(range(start, start + step * count, step) if step else [start] * count)
    return result


def _compress_runs(iterations):
    """Evenly spaced runs [start, step, count] of a non-decreasing list of ints."""
    runs = []
    for value in iterations:
        if runs:
            run = runs[-1]
            if run[2] == 1:
                run[1], run[2] = value - run[0], 2
                continue
            if value == run[0] + run[1] * run[2]:
                run[2] += 1
                continue
        runs.append([value, 0, 1])
    return runs


def _session_fields(obj, runs):
    """All validated parts of a session (JSON form); raises _Invalid."""
    obj = _object(obj, "")
    dataset = _dataset_fields(_field(obj, "dataset", ""))
    model = _object(_field(obj, "model", ""), "model")
    theta = [_number(v, f"model.theta[{i}]") for i, v in
             enumerate(_list(_field(model, "theta", "model"), "model.theta"))]
    if not theta:
        raise _Invalid("model.theta", "must not be empty")
    return {"dataset": dataset,
            "training": _settings(_field(obj, "training", ""), "training"),
            "model": {"theta": theta,
                      "iteration": _integer(_field(model, "iteration", "model"),
                                            "model.iteration", 0)},
            "view": _settings(_field(obj, "view", ""), "view"),
            "history": _history_fields(_field(obj, "history", ""), runs)}


def _check_version(obj):
    if not isinstance(obj, dict) or obj.get("format") != SESSION_FORMAT:
        raise _Invalid("format", f"this is not a logreg-gui session (expected format "
                                 f"{SESSION_FORMAT!r})")
    version = obj.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _Invalid("version", f"must be a whole number from 1, got {version!r:.40}")
    if version > SESSION_VERSION:
        raise _Invalid("", f"made by a newer logreg-gui (session version {version}; this "
                           f"version reads version {SESSION_VERSION}); update logreg-gui")


def _to_json_types(session):
    """The in-memory session with arrays, tuples and a Dataset turned into JSON types, and
    non-finite losses into null."""
    session = dict(session) if isinstance(session, dict) else session
    if isinstance(session, dict) and isinstance(session.get("dataset"), Dataset):
        session["dataset"] = dataset_to_json(session["dataset"])
    session = _native(session)
    history = session.get("history") if isinstance(session, dict) else None
    if isinstance(history, dict) and isinstance(history.get("loss"), list):
        history["loss"] = [None if isinstance(v, float) and not math.isfinite(v) else v
                           for v in history["loss"]]
    return session


def save_session(path, session):
    """Write a session file (schema: module docstring), atomically.

    Parameters
    ----------
    path : str or pathlib.Path
        Conventionally ending in ``.logreg.json``.
    session : dict
        ``dataset`` (a Dataset or its :func:`dataset_to_json` object), ``training``, ``model``
        (``theta``: sequence or ndarray of float, ``iteration``), ``view``, ``history``
        (``iteration``: one int per loss; ``loss``: floats, non-finite ones stored as null).
        Arrays may be numpy arrays. ``format``/``version`` are set here.

    Raises
    ------
    SessionError
        If the session does not follow the schema (nothing is written); the message names the
        field.
    OSError
        If the file cannot be written (the previous file is left intact).
    """
    try:
        values = _session_fields(_to_json_types(session), runs=False)
    except _Invalid as error:
        raise SessionError(f"{path}: cannot save the session, {error}") from None
    document = {"format": SESSION_FORMAT, "version": SESSION_VERSION,
                "dataset": dataset_to_json(_make_dataset(values["dataset"]))
                | {"point_names": _maybe_list(values["dataset"]["point_names"])},
                "training": values["training"], "model": values["model"],
                "view": values["view"],
                "history": {"iteration": _compress_runs(values["history"]["iteration"]),
                            "loss": values["history"]["loss"]}}
    atomic_write_text(path, _dumps(document))


def _maybe_list(names):
    return None if names is None else list(names)


def _dumps(document):
    """JSON with one top-level key per line, values compact; refuses NaN and Infinity."""
    def compact(value):
        return json.dumps(value, separators=(",", ":"), allow_nan=False, ensure_ascii=False)

    lines = [f"{json.dumps(key)}: {compact(value)}" for key, value in document.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _reject_constant(name):
    raise _Invalid("", f"holds {name}, which is not a JSON number")


def load_session(path):
    """Read and check a session file; all of it or nothing.

    Parameters
    ----------
    path : str or pathlib.Path

    Returns
    -------
    dict
        ``format``, ``version``, ``dataset`` (the JSON object; make the Dataset with
        :func:`dataset_from_json`), ``training``, ``model`` (``theta``: list of float,
        ``iteration``: int), ``view``, ``history`` (``iteration``: list of int, one per loss;
        ``loss``: list of float or None).

    Raises
    ------
    SessionError
        Missing or unreadable file, not UTF-8, not JSON, not a session, a newer version (the
        message names both versions), or any field missing, of the wrong type or shape, or not
        finite; the message names the file and the field, e.g.
        ``"s.logreg.json: dataset.X[3][1]: must be a finite number, got 1e999"``.
    """
    obj = _parse(path, _read_text(path))
    try:
        _check_version(obj)
        values = _session_fields(obj, runs=True)
    except _Invalid as error:
        raise SessionError(f"{path}: {error}") from None
    data = values["dataset"]
    return {"format": SESSION_FORMAT, "version": SESSION_VERSION,
            "dataset": dataset_to_json(_make_dataset(data))
            | {"point_names": _maybe_list(data["point_names"])},
            "training": values["training"], "model": values["model"], "view": values["view"],
            "history": values["history"]}


def _read_text(path):
    try:
        return Path(path).read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise SessionError(f"{path}: no such file") from None
    except UnicodeDecodeError as error:
        raise SessionError(f"{path}: not UTF-8 text (byte {error.start}); this is not a "
                           "session file") from None
    except OSError as error:
        raise SessionError(f"{path}: cannot be read ({error.strerror or error})") from None


def _parse(path, text):
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except _Invalid as error:
        raise SessionError(f"{path}: {error}") from None
    except json.JSONDecodeError as error:
        raise SessionError(f"{path}, line {error.lineno}: not valid JSON ({error.msg}); the "
                           "file is damaged") from None
    except RecursionError:
        raise SessionError(f"{path}: JSON nested too deeply; the file is damaged") from None


# -- model export ----------------------------------------------------------------------------


def model_to_json(coef, intercept, degree, feature_names, class_names, scaler_mean=None,
                  scaler_scale=None):
    """A fitted model as a JSON object that scikit-learn can use.

    ``coef_`` and ``intercept_`` apply to the polynomial features φ(x) of the raw inputs, in
    original units (no scaling needed to predict); ``scaling`` only records the standardization
    used in training (mean and scale of each φ column). Load it into scikit-learn::

        import json
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import PolynomialFeatures

        with open("model.json", encoding="utf-8") as file:
            model = json.load(file)
        classifier = LogisticRegression()
        classifier.coef_ = np.array(model["coef_"])
        classifier.intercept_ = np.array(model["intercept_"])
        classifier.classes_ = np.array(model["classes_"])
        phi = PolynomialFeatures(model["features"]["degree"], include_bias=False).fit(X[:1])
        probabilities = classifier.predict_proba(phi.transform(X))  # X: (n, 2), original units

    Parameters
    ----------
    coef : array_like of float, shape (n_outputs,)
        Weights of φ(x) in original units; n_outputs = number of monomials of degree 1 … degree
        in 2 variables (2 for degree 1, 5 for degree 2, 27 for degree 6).
    intercept : float
        Bias b, original units.
    degree : int, 1 … 6
    feature_names : sequence of 2 str
    class_names : sequence of 2 str
        Names of class 0 and class 1 (``classes_``, so ``predict`` returns names).
    scaler_mean, scaler_scale : array_like of float, shape (n_outputs,), optional
        The standardization used in training, if any.

    Returns
    -------
    dict
        ``format``, ``version``, ``coef_`` (1 × n_outputs), ``intercept_`` (1), ``classes_`` (2),
        ``features`` (``inputs``, ``degree``, ``map``, ``names`` in PolynomialFeatures order),
        ``scaling`` (None or ``mean`` and ``scale``).

    Raises
    ------
    SessionError
        If a value has the wrong shape or is not finite (the message names the argument).
    """
    degree = degree.item() if isinstance(degree, np.generic) else degree
    obj = {"format": MODEL_FORMAT, "version": MODEL_VERSION,
           "coef_": [np.asarray(coef, dtype=np.float64).tolist()],
           "intercept_": [float(intercept)], "classes_": [str(c) for c in class_names],
           "features": {"inputs": [str(n) for n in feature_names], "degree": degree,
                        "map": "sklearn.preprocessing.PolynomialFeatures(degree, "
                               "include_bias=False)"},
           "scaling": None}
    if (scaler_mean is None) != (scaler_scale is None):
        raise SessionError("model: give both scaler_mean and scaler_scale, or neither")
    if scaler_mean is not None:
        obj["scaling"] = {"mean": np.asarray(scaler_mean, dtype=np.float64).tolist(),
                          "scale": np.asarray(scaler_scale, dtype=np.float64).tolist()}
    values = model_from_json(obj)
    obj["features"]["names"] = polynomial_feature_names(values["feature_names"], degree)
    return obj


def model_from_json(obj):
    """The arguments of :func:`model_to_json` back from its JSON object.

    Parameters
    ----------
    obj : dict

    Returns
    -------
    dict
        ``coef`` (ndarray of float64, shape (n_outputs,)), ``intercept`` (float), ``degree``
        (int), ``feature_names``, ``class_names`` (tuples of 2 str), ``scaler_mean``,
        ``scaler_scale`` (ndarray (n_outputs,) or None).

    Raises
    ------
    SessionError
        Not a model object, a newer version, or a field missing, of the wrong type or shape,
        or not finite; the message names the field.
    """
    try:
        return _model_fields(obj)
    except _Invalid as error:
        raise SessionError(f"model: {error}") from None


def _model_fields(obj):
    obj = _object(obj, "")
    if obj.get("format") != MODEL_FORMAT:
        raise _Invalid("format", f"expected {MODEL_FORMAT!r}, got {obj.get('format')!r:.40}")
    if _integer(_field(obj, "version", ""), "version", 1) > MODEL_VERSION:
        raise _Invalid("version", f"made by a newer logreg-gui (model version "
                                  f"{obj['version']}; this version reads {MODEL_VERSION})")
    features = _object(_field(obj, "features", ""), "features")
    degree = _integer(_field(features, "degree", "features"), "features.degree", 1)
    if degree > MAX_DEGREE:
        raise _Invalid("features.degree", f"must be from 1 to {MAX_DEGREE}, got {degree}")
    inputs = tuple(_string(v, f"features.inputs[{i}]") for i, v in
                   enumerate(_list(_field(features, "inputs", "features"), "features.inputs", 2)))
    n_outputs = len(polynomial_feature_names(inputs, degree))
    rows = _list(_field(obj, "coef_", ""), "coef_", 1)
    coef = _vector(rows[0], "coef_[0]", n_outputs)
    intercept = _vector(_field(obj, "intercept_", ""), "intercept_", 1)[0]
    classes = tuple(_string(v, f"classes_[{i}]") for i, v in
                    enumerate(_list(_field(obj, "classes_", ""), "classes_", 2)))
    scaling = obj.get("scaling")
    mean = scale = None
    if scaling is not None:
        scaling = _object(scaling, "scaling")
        mean = _vector(_field(scaling, "mean", "scaling"), "scaling.mean", n_outputs)
        scale = _vector(_field(scaling, "scale", "scaling"), "scaling.scale", n_outputs)
    return {"coef": coef, "intercept": float(intercept), "degree": degree,
            "feature_names": inputs, "class_names": classes, "scaler_mean": mean,
            "scaler_scale": scale}


def _vector(value, where, length):
    return np.array([_number(v, f"{where}[{i}]") for i, v in
                     enumerate(_list(value, where, length))], dtype=np.float64)


# -- loss history ----------------------------------------------------------------------------


def history_to_csv(path, columns):
    """Write a training history as CSV, atomically.

    Parameters
    ----------
    path : str or pathlib.Path
    columns : dict of str to array_like, each of shape (n_rows,)
        In order, e.g. ``iteration``, ``J``, ``test loss``, ``‖∇J‖``, ``b``, ``w1``, ``w2``.
        Integer and boolean columns are written as integers, others as the shortest text that
        reads back as the same float64; NaN and ±inf as empty cells.

    Raises
    ------
    ValueError
        If there are no columns, a name is not a non-empty string or repeats, a column is not
        one-dimensional numbers, or the lengths differ (the message names the column).
    OSError
        If the file cannot be written.
    """
    if not columns:
        raise ValueError("columns must name at least one column, got none")
    texts, length = [], None
    for name, values in columns.items():
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"column names must be non-empty strings, got {name!r}")
        array = np.asarray(values)
        if array.ndim != 1 or array.dtype.kind not in "biuf":
            raise ValueError(f"column {name!r} must be a one-dimensional array of numbers, got "
                             f"shape {array.shape} of {array.dtype}")
        if length is not None and len(array) != length:
            raise ValueError(f"column {name!r} has {len(array)} values, the first column "
                             f"{length}")
        length = len(array)
        texts.append(_column_texts(array))
    if len({name.strip() for name in columns}) != len(columns):
        raise ValueError(f"column names must differ, got {list(columns)}")
    header = ",".join(csv_field(name, quote_numbers=True) for name in columns)
    rows = map(",".join, zip(*texts, strict=True))
    atomic_write_text(path, "\n".join([header, *rows]) + "\n")


def _column_texts(array):
    if array.dtype.kind in "biu":
        return [str(v) for v in array.astype(np.int64).tolist()]
    return [repr(v) if math.isfinite(v) else "" for v in array.astype(np.float64).tolist()]
