"""What must hold after every action: drawn points, status, frame and loss."""

import math

import numpy as np

from tests.fuzz.common import MAX_DRAWN, STATUSES_WHILE_PAUSED, STATUSES_WHILE_RUNNING


def _sorted_rows(points):
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    return points[np.lexsort((points[:, 1], points[:, 0]))]


def drawn_points(window):
    """{name: points of shape (k, 2)} of the data plot's four scatters (class_0, class_1,
    test_0, test_1), as pyqtgraph holds them."""
    items = window.views.data_plot.named_items
    return {name: np.column_stack(items[name].getData()).reshape(-1, 2)
            for name in ("class_0", "class_1", "test_0", "test_1")}


def drawn_problems(window):
    """What the data plot draws against ``current_data()``: the same points (as sets) up to
    MAX_DRAWN points, a sample of the right points beyond; each class visible; the hint on an
    empty plot only (list of str)."""
    X, y = window.current_data()
    test = window.points.dataset.test_mask
    drawn = drawn_points(window)
    problems = []
    if len(y) <= MAX_DRAWN:
        for label in (0, 1):
            for name, rows in ((f"class_{label}", ~test), (f"test_{label}", test)):
                wanted = _sorted_rows(X[(y == label) & rows])
                if not np.array_equal(_sorted_rows(drawn[name]), wanted):
                    problems.append(f"{name} draws {len(drawn[name])} points, the data have "
                                    f"{len(wanted)} (or others)")
    else:
        problems += _sample_problems(X, y, test, drawn)
    items = window.views.data_plot.named_items
    for label in (0, 1):
        if not items[f"class_{label}"].isVisible():
            problems.append(f"the class {label} points are hidden")
    if items["hint"].isVisible() != (len(y) == 0):
        problems.append(f"the empty-plot hint is {'' if len(y) else 'not '}shown with "
                        f"{len(y)} points")
    return problems


def _sample_problems(X, y, test, drawn):
    total = sum(len(points) for points in drawn.values())
    problems = [] if total == MAX_DRAWN else [f"{total} points drawn of {len(y)}, not a "
                                              f"sample of {MAX_DRAWN}"]
    for label in (0, 1):
        for name, rows in ((f"class_{label}", ~test), (f"test_{label}", test)):
            known = {tuple(row) for row in X[(y == label) & rows]}
            strays = sum(tuple(row) not in known for row in drawn[name])
            if strays:
                problems.append(f"{name} draws {strays} points that are not such data points")
    return problems


def _number_in(text):
    """The number a status text shows (float; NaN for '—')."""
    word = text.split()[-1].replace(",", "")
    return math.nan if word == "—" else float(word)


def _same_number(shown, value):
    if not math.isfinite(value):
        return math.isnan(shown)
    return math.isclose(shown, value, rel_tol=1e-5, abs_tol=1e-300)


def status_problems(window):
    """The status line and panel against the latest snapshot; play/pause and the optimizer's
    box against whether it runs (list of str)."""
    snapshot, frame = window.latest_snapshot, window.frame
    state = snapshot.state
    line = {key: label.text() for key, label in window.views.status_line.values.items()}
    panel = {key: label.text() for key, label in window.views.status_panel.values.items()}
    problems = []
    if frame.live:
        count = f"{state.iteration:,}"
        if line["iteration"] != f"iteration {count}" or panel["iteration"] != count:
            problems.append(f"iteration shown {line['iteration']!r}/{panel['iteration']!r}, "
                            f"latest snapshot {state.iteration}")
        if f">{snapshot.status}<" not in line["state"] or line["state"] != panel["state"]:
            problems.append(f"state shown {line['state']!r}, latest snapshot {snapshot.status!r}")
        if not _same_number(_number_in(line["loss"]), state.loss):
            problems.append(f"loss shown {line['loss']!r}, latest snapshot {state.loss!r}")
    else:
        live = f"at {state.iteration:,}"
        if not line["state"].startswith("history") or live not in line["state"]:
            problems.append(f"scrubbed, but the state says {line['state']!r}")
        if not frame.entry.iteration <= state.iteration:
            problems.append(f"showing iteration {frame.entry.iteration} after the live one")
    if snapshot.status not in (STATUSES_WHILE_RUNNING if snapshot.running
                               else STATUSES_WHILE_PAUSED):
        problems.append(f"running={snapshot.running} with status {snapshot.status!r}")
    play = window.window_actions.play.text()
    if play != ("Pause" if snapshot.running else "Play"):
        problems.append(f"the play button says {play!r} while running={snapshot.running}")
    if window.controls.fields["optimizer"].isEnabled() == snapshot.running:
        problems.append("the optimizer box is enabled while running (or disabled while not)")
    return problems


def frame_problems(window):
    """The frame on screen is built from the latest snapshot and the points on screen; the
    history slider spans the recorded entries (list of str)."""
    frame = window.frame
    problems = []
    if frame.snapshot is not window.latest_snapshot:
        problems.append("the frame on screen is not of the latest snapshot")
    if frame.dataset is not window.points.dataset:
        problems.append("the frame on screen is not of the points on screen")
    slider = window.views.history_bar.slider
    if slider.maximum() != max(len(window.timeline.parameters) - 1, 0):
        problems.append(f"history slider ends at {slider.maximum()}, "
                        f"{len(window.timeline.parameters)} entries recorded")
    if window.points.title not in window.windowTitle():
        problems.append(f"title {window.windowTitle()!r} lacks {window.points.title!r}")
    return problems


def invariants(window):
    """Every invariant of what `window` (a MainWindow) shows now (list of str, empty when all
    hold): :func:`drawn_problems`, :func:`status_problems`, :func:`frame_problems`."""
    if window.latest_snapshot is None or window.frame is None:
        return ["no snapshot shown"]
    return drawn_problems(window) + status_problems(window) + frame_problems(window)


def caught_up(window):
    """Whether the latest snapshot is paused and of the points and options on screen (bool)."""
    snapshot = window.latest_snapshot
    n_train = int((~window.points.dataset.test_mask).sum())
    return (snapshot is not None and not snapshot.running
            and snapshot.state.n_samples == n_train
            and snapshot.options == window.training_options())


def loss_problems(window):
    """With λ = 0 and the cross-entropy, J shown must be the mean log-loss of the shown model on
    the training points, computed here from the data (when the sum is well conditioned)."""
    from logreg_gui.core.features import polynomial_features

    snapshot = window.latest_snapshot
    state, options = snapshot.state, snapshot.options
    if (options.l2 != 0 or options.loss != "cross_entropy" or options.degree > 2
            or state.n_samples == 0 or not math.isfinite(state.loss)):
        return []
    dataset = window.points.dataset
    train = ~dataset.test_mask
    phi = polynomial_features(dataset.X[train], options.degree)
    terms = np.abs(phi) @ np.abs(state.coef_) + abs(state.intercept_)
    if not np.all(np.isfinite(terms)) or terms.max() > 1e4:
        return []  # cancellation could cost digits: nothing to compare exactly
    z = phi @ state.coef_ + state.intercept_
    y = dataset.y[train]
    truth = float(np.mean(np.logaddexp(0.0, z) - y * z))
    if math.isclose(truth, state.loss, rel_tol=1e-7, abs_tol=1e-9):
        return []
    return [f"J = {state.loss!r} shown, the log-loss of the shown model on the points is "
            f"{truth!r}"]


