"""Sessions as the app's objects, the history table, recorded runs and animation files."""

import io
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image

from logreg_gui.core.generators import generate
from logreg_gui.core.history import history_columns
from logreg_gui.core.io import (SessionError, SessionParts, load_session, save_session,
                                session_document, session_parts)
from logreg_gui.core.io.animation_file import animation_bytes, check_format
from logreg_gui.core.recording import frame_iterations, train_in_frames
from logreg_gui.core.session import TrainingSession, train
from logreg_gui.core.state import TrainingOptions
from logreg_gui.core.timeline import Timeline


def parts(**changes):
    dataset = generate("moons", 40).with_test_split(0.25, 1)
    options = TrainingOptions(degree=2, l2=0.5, optimizer="adam")
    base = SessionParts(dataset, options, {"threshold": 0.7, "contours": True, "speed": 5},
                        (-1.0, 2.0, -0.5, 1.5), np.linspace(-1, 1, 6), 42,
                        (np.arange(40, 43), np.array([0.7, np.nan, 0.5])))
    return replace(base, **changes)


def test_parts_round_trip_through_a_file(tmp_path):
    original = parts()
    save_session(tmp_path / "s.logreg.json", session_document(original))
    back = session_parts(load_session(tmp_path / "s.logreg.json"))
    np.testing.assert_array_equal(back.dataset.X, original.dataset.X)
    np.testing.assert_array_equal(back.dataset.test_mask, original.dataset.test_mask)
    assert back.options == original.options and back.controls == original.controls
    assert back.data_range == original.data_range and back.iteration == 42
    np.testing.assert_array_equal(back.theta, original.theta)
    np.testing.assert_array_equal(back.history[0], [40, 41, 42])
    np.testing.assert_array_equal(back.history[1], [0.7, np.nan, 0.5])


@pytest.mark.parametrize("change, words", [
    (lambda s: s["training"].update(degree=9), "training: degree must be from 1 to 6, got 9"),
    (lambda s: s["training"].update(colour="red"), "training.colour: not a training option"),
    (lambda s: s["view"].update(threshold=2.0), "view: threshold must be"),
    (lambda s: s["view"].update(data_range=[1, 0, 0, 1]), "view.data_range: must be"),
    (lambda s: s["model"].update(theta=[0.0, 1.0]), "degree 2 needs 6 numbers, got 2"),
])
def test_bad_values_are_refused_naming_the_field(tmp_path, change, words):
    path = tmp_path / "s.logreg.json"
    save_session(path, session_document(parts()))
    session = load_session(path)
    change(session)
    with pytest.raises(SessionError, match=words.replace("(", r"\(")):
        session_parts(session, path)


def test_unknown_view_keys_are_ignored(tmp_path):
    path = tmp_path / "s.logreg.json"
    save_session(path, session_document(parts()))
    session = load_session(path)
    session["view"]["zoom_of_the_future"] = 3
    assert "zoom_of_the_future" not in session_parts(session).controls


def test_history_columns_follow_the_timeline():
    session = TrainingSession(generate("blobs", 50), TrainingOptions(learning_rate=0.5))
    timeline = Timeline()
    for snapshot in train(session, 8):
        timeline.record(snapshot)
    columns = history_columns(timeline, ["x1", "x2"])
    np.testing.assert_array_equal(columns["iteration"], np.arange(9))
    recorded = [0, 1, 2, 4, 8]  # where train() took snapshots
    assert np.isfinite(columns["b"][recorded]).all()
    assert np.isnan(np.delete(columns["b"], recorded)).all()
    state = session.trainer.state()
    assert columns["w x2"][8] == state.coef_[1] and columns["‖∇J‖"][8] == state.gradient_norm


def test_timeline_restore_puts_a_saved_curve_back():
    timeline = Timeline()
    timeline.losses.restore(np.array([5, 6, 7]), np.array([0.6, 0.5, 0.4]))
    np.testing.assert_array_equal(timeline.losses.iterations, [5, 6, 7])
    assert timeline.losses.at(6)[0] == 0.5 and np.isnan(timeline.losses.at(6)[1])


def test_train_in_frames_takes_evenly_spaced_snapshots():
    session = TrainingSession(generate("blobs", 50), TrainingOptions())
    snapshots = train_in_frames(session, 100, n_frames=10)
    assert [s.state.iteration for s in snapshots] == list(range(0, 101, 10))
    assert sum(len(s.losses) for s in snapshots) == 101  # every loss, once


def test_frame_iterations_spread_over_the_recorded_ones():
    np.testing.assert_array_equal(frame_iterations([0, 3, 9]), [0, 3, 9])
    chosen = frame_iterations(np.arange(1000), 5)
    np.testing.assert_array_equal(chosen, [0, 250, 500, 749, 999])


def test_a_gif_holds_every_frame():
    frames = [np.full((20, 30, 3), 40 * k, dtype=np.uint8) for k in range(5)]
    with Image.open(io.BytesIO(animation_bytes(frames, ".gif", fps=5))) as image:
        assert image.n_frames == 5 and image.size == (30, 20)
        assert image.info["duration"] == 200
        image.seek(4)
        assert image.convert("RGB").getpixel((0, 0)) == (160, 160, 160)


@pytest.mark.parametrize("frames, suffix, words", [
    ([], ".gif", "at least one frame"),
    ([np.zeros((2, 2, 3), np.uint8), np.zeros((3, 2, 3), np.uint8)], ".gif", "same size"),
    ([np.zeros((2, 2, 3), np.uint8)], ".png", "written as .gif or .mp4"),
])
def test_animation_input_errors(frames, suffix, words):
    with pytest.raises(ValueError, match=words):
        animation_bytes(frames, suffix)


def test_mp4_without_its_packages_says_what_to_install(monkeypatch):
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    with pytest.raises(ValueError, match=r"pip install 'logreg-gui\[video\]'"):
        check_format(".mp4")
