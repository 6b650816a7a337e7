"""Sessions in the window: save → open reproduces points, options and view; bad files change
nothing; autosave and the offer to restore after a crash."""

import json
import os

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from logreg_gui.core.io import load_session
from logreg_gui.qt.window.autosave import LOCK, Autosave
from tests.conftest import BREAST_CANCER
from tests.qt.conftest import edit, latest, step

CHANGED = {"learning_rate": 0.875, "optimizer": "momentum", "momentum": 0.8, "l2": 0.25,
           "degree": 2, "standardize": False, "tol": 1e-7, "random_state": 7,
           "threshold": 0.3, "contours": True, "log_scale": True, "trail": True,
           "n_samples": 250, "noise": 0.5, "speed": 200}


def error_text(window):
    box = window.findChild(QMessageBox, "error_box")
    return box.text() if box is not None else ""


def prepared(qtbot, window):
    """A window whose points, split, options and view all differ from the defaults."""
    window.open_csv(BREAST_CANCER)
    edit(window, "test_fraction", 0.3)
    window.points.delete([0, 1, 2])
    window.points.flip([5])
    window.points.move([7], 0.5, -0.25)
    for name, value in CHANGED.items():
        edit(window, name, value)
    window.views.data_plot.setRange(xRange=(5.0, 30.0), yRange=(8.0, 40.0), padding=0)
    qtbot.waitUntil(lambda: latest(window).options.degree == 2, timeout=5000)
    return window


def test_save_then_open_reproduces_points_options_and_view(qtbot, make_window, tmp_path):
    source = prepared(qtbot, make_window())
    path = tmp_path / "lesson.logreg.json"
    source.save_session(path)
    saved = source.points.dataset
    target = make_window()
    assert target.open_session(path)
    dataset = target.points.dataset
    np.testing.assert_array_equal(dataset.X, saved.X)
    np.testing.assert_array_equal(dataset.y, saved.y)
    np.testing.assert_array_equal(dataset.test_mask, saved.test_mask)
    assert dataset.point_names == saved.point_names and dataset.point_names[0] == "line 5"
    assert dataset.class_names == ("benign", "malignant")
    assert target.training_options() == source.training_options()
    for name, value in CHANGED.items():
        assert target.controls.value(name) == value, name
    assert target.controls.value("test_fraction") == 0.3
    assert target.frame.view == source.frame.view
    np.testing.assert_allclose(target.views.data_plot.getViewBox().viewRange(),
                               [[5.0, 30.0], [8.0, 40.0]])
    qtbot.waitUntil(lambda: latest(target).options == source.training_options()
                    and latest(target).state.n_samples == latest(source).state.n_samples,
                    timeout=5000)
    assert target.windowTitle().endswith("lesson.logreg.json")


def test_the_file_holds_what_the_issue_lists(qtbot, window, tmp_path):
    step(qtbot, window, 3)
    path = tmp_path / "s.logreg.json"
    window.save_session(path)
    session = load_session(path)
    assert session["version"] == 1 and session["model"]["iteration"] == 3
    np.testing.assert_array_equal(session["model"]["theta"], latest(window).state.theta)
    assert session["history"]["iteration"] == [0, 1, 2, 3]
    np.testing.assert_array_equal(session["history"]["loss"], window.timeline.losses.losses)
    assert session["training"]["learning_rate"] == 0.1 and "threshold" in session["view"]
    assert len(session["dataset"]["X"]) == 100


def test_open_continues_from_the_saved_theta_and_iteration(qtbot, make_window, tmp_path):
    source = make_window()
    step(qtbot, source, 5)
    path = tmp_path / "trained.logreg.json"
    source.save_session(path)
    target = make_window()
    target.open_session(path)
    qtbot.waitUntil(lambda: latest(target).state.iteration == 5, timeout=5000)
    np.testing.assert_array_equal(latest(target).state.theta, latest(source).state.theta)
    np.testing.assert_array_equal(target.timeline.losses.losses, source.timeline.losses.losses)
    step(qtbot, target, 1)
    step(qtbot, source, 1)
    np.testing.assert_allclose(latest(target).state.theta, latest(source).state.theta)


@pytest.mark.parametrize("damage, words", [
    (lambda text: text[:len(text) // 2], "not valid JSON"),
    (lambda text: text.replace('"version": 1', '"version": 2'), "newer logreg-gui"),
    (lambda text: text.replace('"learning_rate":0.1', '"learning_rate":-1'),
     "learning_rate must be"),
    (lambda text: text.replace('"degree":1', '"degree":3'), "model.theta: degree 3 needs 10"),
])
def test_a_damaged_or_newer_file_changes_nothing(qtbot, window, tmp_path, damage, words):
    path = tmp_path / "bad.logreg.json"
    window.save_session(path)
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    window.points.delete([0])
    before = window.current_data()[0]
    count = window.undo_stack.count()
    assert not window.open_session(path)
    assert words in error_text(window) and "bad.logreg.json" in error_text(window)
    np.testing.assert_array_equal(window.current_data()[0], before)
    assert window.undo_stack.count() == count


def test_an_interrupted_save_leaves_the_previous_file(qtbot, window, tmp_path, monkeypatch):
    (tmp_path / "lessons").mkdir()
    path = tmp_path / "lessons" / "keep.logreg.json"
    window.save_session(path)
    before = path.read_bytes()
    window.points.delete(range(50))

    def crash(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        window.save_session(path)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["keep.logreg.json"]  # no temporary


def test_save_session_menu_adds_the_suffix(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(tmp_path / "lesson"), ""))
    next(a for a in window.actions() if a.objectName() == "save_session").trigger()
    assert json.loads((tmp_path / "lesson.logreg.json").read_text())["format"] == \
        "logreg-gui session"


def test_autosave_on_close_and_restore_after_a_crash(qtbot, make_window, tmp_path):
    first = make_window()
    folder = first.autosave.folder
    assert (folder / LOCK).exists()
    first.points.delete([0, 1])
    first.autosave.save()
    saved = first.current_data()[0]
    assert len(load_session(first.autosave.path)["dataset"]["X"]) == 98
    # A crash: the lock stays and names a process that is gone.
    (folder / LOCK).write_text("999999999", encoding="utf-8")
    first.autosave = None  # the crashed window never saves again
    second = make_window()
    assert second.autosave.recovered == folder / "recovered.logreg.json"
    box = second.autosave.offer_restore()
    assert box.isVisible() and "did not close normally" in box.text()
    box.button(QMessageBox.StandardButton.Open).click()
    np.testing.assert_array_equal(second.current_data()[0], saved)
    second.close()
    assert not (folder / LOCK).exists()
    third = make_window()
    assert third.autosave.recovered is None and third.autosave.offer_restore() is None


def test_a_clean_close_offers_no_restore(qtbot, make_window):
    first = make_window()
    first.close()
    assert Autosave(make_window(), first.autosave.folder).recovered is None
