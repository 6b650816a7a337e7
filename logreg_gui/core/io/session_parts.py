"""A session as the objects the app uses (dataset, training options, control values, θ), and
back; every value is checked against the parameter table before anything is used."""

from dataclasses import asdict, dataclass, fields

import numpy as np

from logreg_gui.core.features import polynomial_feature_names
from logreg_gui.core.io.dataset_json import dataset_from_json
from logreg_gui.core.io.validation import SessionError
from logreg_gui.core.parameters import PARAMETERS
from logreg_gui.core.state import TrainingOptions

DATA_RANGE = "data_range"  # the data plot's view, [x0, x1, y0, y1], in the session's view


@dataclass(frozen=True)
class SessionParts:
    """What a session restores.

    Parameters
    ----------
    dataset : logreg_gui.core.data.Dataset
        Points, names and test split.
    options : logreg_gui.core.state.TrainingOptions
    controls : dict
        {parameter name: value} of the other controls (view, data and run parameters).
    data_range : tuple of 4 float or None
        The data plot's view (x0, x1, y0, y1).
    theta : ndarray of float64, shape (n_parameters,)
        θ in the trained units, bias last.
    iteration : int
    history : tuple of (ndarray of int64, ndarray of float64)
        Iterations and J of the loss curve (NaN where J overflowed).
    """

    dataset: object
    options: TrainingOptions
    controls: dict
    data_range: tuple | None
    theta: np.ndarray
    iteration: int
    history: tuple


def session_parts(session, path="session"):
    """The :class:`SessionParts` of a session dict from
    :func:`~logreg_gui.core.io.sessions.load_session`.

    Raises
    ------
    SessionError
        If a training option or control value is unknown or out of range, the data range is
        not four finite numbers, or θ does not fit the degree; the message names the file, the
        field and the value. Unknown view keys are ignored (a newer minor version may add some).
    """
    training = session["training"]
    names = {f.name for f in fields(TrainingOptions)}
    unknown = sorted(set(training) - names)
    if unknown:
        raise SessionError(f"{path}: training.{unknown[0]}: not a training option")
    try:
        options = TrainingOptions(**{**asdict(TrainingOptions()), **training}).validated()
    except ValueError as error:
        raise SessionError(f"{path}: training: {error}") from None
    view = session["view"]
    controls = {}
    for name, value in view.items():
        parameter = PARAMETERS.get(name)
        if parameter is None or name in names or not parameter.control:
            continue
        try:
            controls[name] = parameter.check(value)
        except ValueError as error:
            raise SessionError(f"{path}: view: {error}") from None
    model, history = session["model"], session["history"]
    theta = np.array(model["theta"], dtype=np.float64)
    n_parameters = len(polynomial_feature_names(("x1", "x2"), options.degree)) + 1
    if len(theta) != n_parameters:
        raise SessionError(f"{path}: model.theta: degree {options.degree} needs {n_parameters} "
                           f"numbers, got {len(theta)}")
    losses = np.array([np.nan if v is None else v for v in history["loss"]], dtype=np.float64)
    return SessionParts(dataset_from_json(session["dataset"]), options, controls,
                        _data_range(view.get(DATA_RANGE), path), theta, model["iteration"],
                        (np.array(history["iteration"], dtype=np.int64), losses))


def _data_range(value, path):
    if value is None:
        return None
    if (not isinstance(value, list) or len(value) != 4
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
            or not value[0] < value[1] or not value[2] < value[3]):
        raise SessionError(f"{path}: view.{DATA_RANGE}: must be [x0, x1, y0, y1] with x0 < x1 "
                           f"and y0 < y1, got {value!r:.80}")
    return tuple(float(v) for v in value)


def session_document(parts):
    """The dict :func:`~logreg_gui.core.io.sessions.save_session` writes, from
    :class:`SessionParts`."""
    view = dict(parts.controls)
    if parts.data_range is not None:
        view[DATA_RANGE] = [float(v) for v in parts.data_range]
    iterations, losses = parts.history
    return {"dataset": parts.dataset, "training": asdict(parts.options),
            "model": {"theta": np.asarray(parts.theta, dtype=np.float64),
                      "iteration": int(parts.iteration)},
            "view": view,
            "history": {"iteration": np.asarray(iterations, dtype=np.int64),
                        "loss": np.asarray(losses, dtype=np.float64)}}
