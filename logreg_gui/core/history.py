"""The run's history as table columns, for the loss-history CSV."""

import numpy as np


def history_columns(timeline, coef_names):
    """One row per iteration of the loss curve: iteration, J, test loss, and where parameters
    were recorded ‖∇J‖, b and each w (original units); NaN elsewhere (empty cells in a CSV).

    Parameters
    ----------
    timeline : logreg_gui.core.timeline.Timeline
    coef_names : sequence of str
        Names of the mapped features, one per weight (e.g. ``x1``, ``x2``, ``x1^2``).

    Returns
    -------
    dict of str to ndarray, each of shape (n_iterations,)
        ``iteration`` (int64), ``J``, ``test loss``, ``‖∇J‖``, ``b``, then ``w <name>`` for
        each weight (float64). The names of :func:`~logreg_gui.core.io.history_to_csv`'s
        header.
    """
    curve = timeline.losses
    iterations = curve.iterations.astype(np.int64)
    columns = {"iteration": iterations, "J": curve.losses.copy(),
               "test loss": curve.test_losses.copy()}
    recorded = timeline.parameters.iterations
    rows = np.searchsorted(iterations, recorded)
    found = (rows < len(iterations)) & (iterations[np.minimum(rows, len(iterations) - 1)]
                                        == recorded) if len(iterations) else rows < 0
    entries = [timeline.entry(int(i)) for i in recorded[found]]
    norms = [float(np.linalg.norm(entry.gradient)) for entry in entries]
    parameters = {"‖∇J‖": norms, "b": [entry.intercept_ for entry in entries]}
    for k, name in enumerate(coef_names):
        parameters[f"w {name}"] = [float(entry.coef_[k]) for entry in entries]
    for name, values in parameters.items():
        column = np.full(len(iterations), np.nan)
        column[rows[found]] = values
        columns[name] = column
    return columns
