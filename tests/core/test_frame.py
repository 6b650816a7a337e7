"""One frame per redraw: what it shows live and scrubbed, and its metrics at τ."""

import numpy as np
import pytest

from logreg_gui.core.frame import ViewOptions, build_frame
from logreg_gui.core.generators import generate
from logreg_gui.core.metrics import threshold_metrics
from logreg_gui.core.session import TrainingSession
from logreg_gui.core.state import LOSS_COLUMNS, TrainingOptions
from logreg_gui.core.timeline import Timeline


@pytest.fixture
def run():
    dataset = generate("overlap", 120).with_test_split(0.25)
    session = TrainingSession(dataset, TrainingOptions(learning_rate=0.5))
    timeline = Timeline()
    for advance in (0, 3, 3, 3, 3, 3, 3):
        session.advance(advance)
        snapshot = session.snapshot(False)
        timeline.record(snapshot)
    return dataset, timeline, snapshot


def test_a_live_frame_shows_the_snapshot(run):
    dataset, timeline, snapshot = run
    frame = build_frame(snapshot, dataset, timeline, ViewOptions())
    assert frame.live and frame.entry.iteration == 18 == timeline.entry(10**9).iteration
    np.testing.assert_array_equal(frame.model.coef_, snapshot.state.coef_)
    np.testing.assert_array_equal(frame.gradient, snapshot.state.gradient)
    assert frame.path.shape == (7, 3)


def test_a_scrubbed_frame_shows_the_recorded_past(run):
    dataset, timeline, snapshot = run
    frame = build_frame(snapshot, dataset, timeline, ViewOptions(), iteration=7)
    assert not frame.live and frame.entry.iteration == 6  # the latest entry at or before 7
    assert frame.path.shape == (3, 3)
    np.testing.assert_array_equal(frame.gradient, timeline.entry(6).gradient)
    assert frame.model.intercept_ == timeline.entry(6).intercept_


def test_metrics_use_the_frames_threshold_on_training_and_test_points(run):
    dataset, timeline, snapshot = run
    frame = build_frame(snapshot, dataset, timeline, ViewOptions(threshold=0.3))
    p = frame.model.predict_proba(dataset.X)[:, 1]
    test = dataset.test_mask
    assert frame.metrics == threshold_metrics(dataset.y[~test], p[~test], 0.3)
    assert frame.test_metrics == threshold_metrics(dataset.y[test], p[test], 0.3)


@pytest.mark.parametrize("threshold", [0.05, 0.3, 0.5, 0.93])
def test_frame_confusion_matrices_are_scikit_learns(run, threshold):
    from sklearn.metrics import confusion_matrix

    dataset, timeline, snapshot = run
    frame = build_frame(snapshot, dataset, timeline, ViewOptions(threshold=threshold))
    p = 1.0 / (1.0 + np.exp(-frame.model.decision_function(dataset.X)))  # safe: |z| is small
    for metrics, points in ((frame.metrics, ~dataset.test_mask),
                            (frame.test_metrics, dataset.test_mask)):
        expected = confusion_matrix(dataset.y[points], p[points] > threshold, labels=[0, 1])
        assert (metrics.tn, metrics.fp, metrics.fn, metrics.tp) == tuple(expected.ravel())
        assert metrics.accuracy == pytest.approx(np.mean(dataset.y[points] == (p[points] >
                                                                                threshold)))


def test_a_new_history_restarts_the_timeline(run):
    dataset, timeline, _ = run
    session = TrainingSession(dataset, TrainingOptions())
    timeline.record(session.snapshot(False))
    assert len(timeline.losses) == 1 and len(timeline.parameters) == 1


def test_the_loss_curve_holds_every_iteration_until_full_then_stays_bounded():
    from logreg_gui.core.timeline import LossCurve

    curve = LossCurve(capacity=1000)
    curve.append(0, np.arange(999 * LOSS_COLUMNS, dtype=float).reshape(999, LOSS_COLUMNS))
    assert len(curve) == 999 and curve.stride == 1
    assert curve.at(500) == tuple(float(v) for v in range(500 * LOSS_COLUMNS,
                                                        501 * LOSS_COLUMNS))
    for start in range(999, 1_000_000, 1000):
        curve.append(start, np.zeros((1000, LOSS_COLUMNS)))
    assert len(curve) <= 1000 and curve.stride == 1024
    assert np.all(curve.iterations % curve.stride == 0)
    assert np.all(np.diff(curve.iterations) == curve.stride)  # evenly spread, in order
    assert curve.at(1024) == (0.0,) * LOSS_COLUMNS and np.isnan(curve.at(1025)[0])


def test_a_stale_snapshot_is_not_recorded(run):
    dataset, timeline, snapshot = run
    session = TrainingSession(dataset, TrainingOptions())
    session.snapshot(False)  # its first (a new history): take it
    session.advance(2)
    stale = session.snapshot(False)  # iteration 2, older than the 18 recorded
    assert not timeline.record(stale)
    assert timeline.parameters.iterations[-1] == 18 and timeline.losses.iterations[-1] == 18
