"""What a person meets first: a watchable pace, hints, class names, questions before losing
points, and a title that says when the points were edited."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from logreg_gui.core.data import read_csv
from logreg_gui.core.parameters import PARAMETERS
from tests.conftest import BREAST_CANCER
from tests.qt.conftest import action, click_at, edit, iteration, latest, step


def test_the_first_play_is_paced_so_that_the_boundary_visibly_moves(qtbot, window):
    assert window.controls.value("speed") == PARAMETERS["speed"].default == 50
    action(window, "play_pause").trigger()
    qtbot.wait(1000)
    action(window, "play_pause").trigger()
    qtbot.waitUntil(lambda: not latest(window).running, timeout=5000)
    assert 10 <= iteration(window) <= 80  # about 50 in one second, not thousands


def test_until_converged_returns_to_the_pace_chosen_before(qtbot, window):
    edit(window, "speed", 20)
    edit(window, "learning_rate", 1.0)
    action(window, "run_until_converged").trigger()
    assert window.controls.value("speed") == 0
    qtbot.waitUntil(lambda: latest(window).status == "converged", timeout=60_000)
    qtbot.waitUntil(lambda: window.controls.value("speed") == 20, timeout=5000)


def test_an_empty_plot_says_how_to_add_points(qtbot, window):
    hint = window.views.data_plot.named_items["hint"]
    assert not hint.isVisible()
    action(window, "clear").trigger()
    qtbot.waitUntil(lambda: window.frame.dataset.n_samples == 0, timeout=5000)
    assert hint.isVisible() and "Shift+click" in hint.toPlainText()


def test_class_buttons_name_the_classes_and_class_0_comes_first(qtbot, window):
    texts = [a.text() for a in window.window_actions.classes]
    assert texts == ["class 0", "class 1"] and window.selected_class == 0
    window.open_csv(BREAST_CANCER)
    texts = [a.text() for a in window.window_actions.classes]
    assert texts == ["class 0: benign", "class 1: malignant"]


def test_the_batch_size_survives_clear(qtbot, window):
    edit(window, "optimizer", "sgd")
    action(window, "clear").trigger()
    click_at(qtbot, window, 0.0, 0.0)
    click_at(qtbot, window, 1.0, 1.0, Qt.KeyboardModifier.ShiftModifier)
    assert window.controls.value("batch_size") == 32
    assert window.training_options().batch_size == 32


def test_save_adds_the_csv_suffix(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "lesson"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    action(window, "save_points").trigger()
    assert (tmp_path / "lesson.csv").exists() and not target.exists()
    np.testing.assert_array_equal(read_csv(tmp_path / "lesson.csv").X, window.current_data()[0])


def test_the_title_says_when_points_were_edited(qtbot, window):
    assert window.windowTitle().endswith("blobs")
    click_at(qtbot, window, 0.0, 3.6)  # empty space: a click on a point selects it
    assert window.windowTitle().endswith("blobs (edited)")


@pytest.mark.parametrize("command", ["open", "example", "clear"])
def test_opening_or_clearing_asks_before_discarding_hand_placed_points(qtbot, window,
                                                                         monkeypatch, command):
    click_at(qtbot, window, 0.5, 0.5)
    before = window.current_data()[0]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or
                        QMessageBox.StandardButton.No)
    if command == "clear":
        action(window, "clear").trigger()
    elif command == "open":
        window.open_csv(BREAST_CANCER)
    else:
        file_menu = window.menuBar().actions()[0].menu()
        examples = next(a.menu() for a in file_menu.actions() if a.text() == "Examples")
        examples.actions()[0].trigger()
    assert len(asked) == 1
    np.testing.assert_array_equal(window.current_data()[0], before)


def test_clearing_generated_points_needs_no_question(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: pytest.fail("asked"))
    action(window, "clear").trigger()
    assert len(window.current_data()[1]) == 0


def test_step_after_step_back_says_it_returns_to_the_live_run(qtbot, window):
    step(qtbot, window, 4)
    action(window, "step_back").trigger()
    assert not window.frame.live
    action(window, "step").trigger()
    assert "Back to the live run" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: iteration(window) == 5, timeout=5000)
    assert window.frame.live


def test_until_converged_keeps_a_speed_chosen_while_it_runs(qtbot, window):
    edit(window, "speed", 20)
    action(window, "run_until_converged").trigger()
    qtbot.waitUntil(lambda: latest(window).running, timeout=5000)
    edit(window, "speed", 10)
    action(window, "play_pause").trigger()
    qtbot.waitUntil(lambda: not latest(window).running and iteration(window) > 0, timeout=5000)
    qtbot.wait(100)
    assert window.controls.value("speed") == 10


def test_clearing_marks_the_title_and_saving_names_the_file(qtbot, window, tmp_path,
                                                           monkeypatch):
    action(window, "clear").trigger()
    assert window.windowTitle().endswith("blobs (edited)")
    click_at(qtbot, window, 0.0, 0.0)
    click_at(qtbot, window, 1.0, 1.0, Qt.KeyboardModifier.ShiftModifier)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(tmp_path / "two.csv"), ""))
    action(window, "save_points").trigger()
    assert window.windowTitle().endswith("— two.csv")


def test_generating_asks_in_its_own_words(qtbot, window, monkeypatch):
    click_at(qtbot, window, 0.5, 0.5)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args[2])
                        or QMessageBox.StandardButton.No)
    window.generate_data("moons")
    assert asked and asked[0].startswith("Generating 'moons' replaces")


def test_values_given_on_the_command_line_reach_the_window(make_window):
    window = make_window(values={"n_samples": 300, "noise": 0.5, "threshold": 0.2})
    assert window.controls.value("n_samples") == 300 and window.controls.value("noise") == 0.5
    assert window.controls.value("threshold") == 0.2 and window.frame.view.threshold == 0.2
