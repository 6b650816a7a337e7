"""Session files (versioned JSON): the schema, checking, saving and loading.

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
from pathlib import Path

from logreg_gui.core.data import Dataset
from logreg_gui.core.io.atomic import atomic_write_text
from logreg_gui.core.io.dataset_json import dataset_fields, dataset_to_json, make_dataset
from logreg_gui.core.io.validation import (Invalid, SessionError, check_integer, check_list,
                                           check_number, check_object, check_settings, field_of,
                                           native)

SESSION_FORMAT = "logreg-gui session"
SESSION_VERSION = 1
SESSION_SUFFIX = ".logreg.json"


def _history_fields(obj, runs):
    """Validated history: (iterations as a list of ints, losses as a list of float or None)."""
    obj = check_object(obj, "history")
    losses = [None if v is None else check_number(v, f"history.loss[{i}]") for i, v in
              enumerate(check_list(field_of(obj, "loss", "history"), "history.loss"))]
    iterations = check_list(field_of(obj, "iteration", "history"), "history.iteration")
    iterations = _expand_runs(iterations) if runs else [
        check_integer(v, f"history.iteration[{i}]", 0) for i, v in enumerate(iterations)]
    if len(iterations) != len(losses):
        raise Invalid("history", f"has {len(iterations)} iteration numbers but "
                                  f"{len(losses)} loss values")
    if any(b < a for a, b in zip(iterations, iterations[1:], strict=False)):
        raise Invalid("history.iteration", "must not decrease")
    return {"iteration": iterations, "loss": losses}


def _expand_runs(runs):
    result = []
    for i, run in enumerate(runs):
        start, step, count = (check_integer(v, f"history.iteration[{i}][{j}]", 0)
                              for j, v in enumerate(check_list(run, f"history.iteration[{i}]", 3)))
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
    """All validated parts of a session (JSON form); raises Invalid."""
    obj = check_object(obj, "")
    dataset = dataset_fields(field_of(obj, "dataset", ""))
    model = check_object(field_of(obj, "model", ""), "model")
    theta = [check_number(v, f"model.theta[{i}]") for i, v in
             enumerate(check_list(field_of(model, "theta", "model"), "model.theta"))]
    if not theta:
        raise Invalid("model.theta", "must not be empty")
    return {"dataset": dataset,
            "training": check_settings(field_of(obj, "training", ""), "training"),
            "model": {"theta": theta,
                      "iteration": check_integer(field_of(model, "iteration", "model"),
                                            "model.iteration", 0)},
            "view": check_settings(field_of(obj, "view", ""), "view"),
            "history": _history_fields(field_of(obj, "history", ""), runs)}


def _check_version(obj):
    if not isinstance(obj, dict) or obj.get("format") != SESSION_FORMAT:
        raise Invalid("format", f"this is not a logreg-gui session (expected format "
                                 f"{SESSION_FORMAT!r})")
    version = obj.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise Invalid("version", f"must be a whole number from 1, got {version!r:.40}")
    if version > SESSION_VERSION:
        raise Invalid("", f"made by a newer logreg-gui (session version {version}; this "
                           f"version reads version {SESSION_VERSION}); update logreg-gui")


def _to_json_types(session):
    """The in-memory session with arrays, tuples and a Dataset turned into JSON types, and
    non-finite losses into null."""
    session = dict(session) if isinstance(session, dict) else session
    if isinstance(session, dict) and isinstance(session.get("dataset"), Dataset):
        session["dataset"] = dataset_to_json(session["dataset"])
    session = native(session)
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
    except Invalid as error:
        raise SessionError(f"{path}: cannot save the session, {error}") from None
    document = {"format": SESSION_FORMAT, "version": SESSION_VERSION,
                "dataset": dataset_to_json(make_dataset(values["dataset"]))
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
    raise Invalid("", f"holds {name}, which is not a JSON number")


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
    except Invalid as error:
        raise SessionError(f"{path}: {error}") from None
    data = values["dataset"]
    return {"format": SESSION_FORMAT, "version": SESSION_VERSION,
            "dataset": dataset_to_json(make_dataset(data))
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
    except Invalid as error:
        raise SessionError(f"{path}: {error}") from None
    except json.JSONDecodeError as error:
        raise SessionError(f"{path}, line {error.lineno}: not valid JSON ({error.msg}); the "
                           "file is damaged") from None
    except RecursionError:
        raise SessionError(f"{path}: JSON nested too deeply; the file is damaged") from None
