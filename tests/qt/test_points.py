"""Placing, clearing, opening, saving and generating points in the window."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from logreg_gui.core.data import read_csv
from logreg_gui.core.generators import generate
from tests.conftest import BREAST_CANCER
from tests.qt.conftest import action, click_at, edit, iteration, latest, status


def test_public_names(window):
    for name in ("data_plot", "sigmoid_plot", "loss_plot"):
        assert isinstance(window.findChild(pg.PlotWidget, name), pg.PlotWidget)
    for name in ("play_pause", "step", "reset", "clear"):
        assert action(window, name).objectName() == name
    X, y = window.current_data()
    assert X.shape == (100, 2) and X.dtype == np.float64 and set(y) == {0, 1}
    coef, intercept = window.current_parameters()
    assert coef.shape == (2,) and np.all(coef == 0) and intercept == 0


def pixel_size(window):
    (x0, x1), (y0, y1) = window.views.data_plot.getViewBox().viewRange()
    rect = window.views.data_plot.getViewBox().sceneBoundingRect()
    return (x1 - x0) / rect.width(), (y1 - y0) / rect.height()


def test_click_adds_a_point_of_the_selected_class_there(qtbot, window):
    n = len(window.current_data()[1])
    qtbot.keyClick(window, Qt.Key.Key_0)
    assert window.selected_class == 0
    click_at(qtbot, window, 1.0, 3.6)  # empty space (a click on a point selects it)
    X, y = window.current_data()
    assert len(y) == n + 1 and y[-1] == 0
    dx, dy = pixel_size(window)
    assert abs(X[-1, 0] - 1.0) <= 2 * dx and abs(X[-1, 1] - 3.6) <= 2 * dy
    qtbot.keyClick(window, Qt.Key.Key_1)
    click_at(qtbot, window, -2.0, 1.5)
    X, y = window.current_data()
    assert len(y) == n + 2 and y[-1] == 1
    assert abs(X[-1, 0] + 2.0) <= 2 * dx and abs(X[-1, 1] - 1.5) <= 2 * dy


def test_shift_click_adds_the_other_class(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_1)
    click_at(qtbot, window, 0.5, 0.5, Qt.KeyboardModifier.ShiftModifier)
    assert window.current_data()[1][-1] == 0
    qtbot.keyClick(window, Qt.Key.Key_0)
    click_at(qtbot, window, -0.5, 3.6, Qt.KeyboardModifier.ShiftModifier)  # not on the first
    assert window.current_data()[1][-1] == 1


def test_clear_removes_every_point_and_says_what_to_do(qtbot, window):
    action(window, "clear").trigger()
    assert len(window.current_data()[1]) == 0
    qtbot.waitUntil(lambda: "empty" in status(window, "state"), timeout=5000)
    assert "click" in window.views.status_panel.message.text()
    action(window, "play_pause").trigger()  # nothing to train: stays put, no crash
    qtbot.waitUntil(lambda: "empty" in status(window, "state"), timeout=5000)


def test_points_added_while_training_reach_the_worker(qtbot, window):
    # 20 it/s cannot converge during the test: training goes on after the edit, whatever the
    # machine's speed (at full speed it could converge first and then rightly stop).
    edit(window, "speed", 20)
    action(window, "play_pause").trigger()
    qtbot.waitUntil(lambda: iteration(window) > 3, timeout=10_000)
    for x in (-1.0, 0.0, 1.0):  # above the clouds: a click on a point would select it
        click_at(qtbot, window, x, 3.5)
    qtbot.waitUntil(lambda: latest(window).state.n_samples == 103, timeout=15_000)
    reached = iteration(window)
    qtbot.waitUntil(lambda: iteration(window) > reached and latest(window).running,
                    timeout=15_000)
    assert latest(window).state.n_samples == 103
    action(window, "play_pause").trigger()


def test_opening_a_bad_csv_shows_an_error_and_keeps_the_points(qtbot, window, tmp_path):
    before = window.current_data()
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y,label\n1,2,a\n3,abc,b\n")
    assert window.open_csv(bad) is False
    box = window.findChild(QMessageBox, "error_box")
    assert box is not None and box.isVisible()
    assert "bad.csv, line 3" in box.text() and "'abc', not a number" in box.text()
    box.accept()
    after = window.current_data()
    np.testing.assert_array_equal(after[0], before[0])
    np.testing.assert_array_equal(after[1], before[1])


def test_opening_a_csv_loads_it_and_resets(qtbot, window):
    action(window, "step").trigger()
    qtbot.waitUntil(lambda: iteration(window) == 1, timeout=5000)
    assert window.open_csv(BREAST_CANCER)
    expected = read_csv(BREAST_CANCER)
    np.testing.assert_array_equal(window.current_data()[0], expected.X)
    qtbot.waitUntil(lambda: latest(window).state.n_samples == 569 and iteration(window) == 0,
                    timeout=5000)
    assert "benign" in window.window_actions.classes[0].text()
    axis = window.views.data_plot.getPlotItem().getAxis("bottom")
    assert axis.labelText == "mean_radius"


def test_save_points_round_trips(qtbot, window, tmp_path, monkeypatch):
    click_at(qtbot, window, 0.25, 3.6)
    target = tmp_path / "saved.csv"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    action(window, "save_points").trigger()
    saved = read_csv(target)
    X, y = window.current_data()
    np.testing.assert_array_equal(saved.X, X)
    np.testing.assert_array_equal(saved.y, y)


def test_saving_points_of_one_class_is_refused_with_a_message(qtbot, window, tmp_path,
                                                              monkeypatch):
    action(window, "clear").trigger()
    click_at(qtbot, window, 0.0, 0.0)
    target = tmp_path / "one.csv"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    action(window, "save_points").trigger()
    assert not target.exists()
    box = window.findChild(QMessageBox, "error_box")
    assert "both classes" in box.text()


def test_names_from_files_are_shown_as_plain_text(qtbot, window, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("x<sub>1</sub>," + "y" * 150 + ",label\n1,2,R&D\n3,4,ops\n")
    assert window.open_csv(path)
    qtbot.waitUntil(lambda: window.frame.dataset.n_samples == 2, timeout=5000)
    plot = window.views.data_plot.getPlotItem()
    assert plot.getAxis("bottom").labelText == "x&lt;sub&gt;1&lt;/sub&gt;"
    assert len(plot.getAxis("left").labelText) <= 32
    assert window.window_actions.classes[0].text() == "class 0: R&&D"


def test_generating_data_asks_before_replacing_hand_placed_points(qtbot, window, monkeypatch):
    click_at(qtbot, window, 0.5, 0.5)
    before = window.current_data()[0]
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: next(answers))
    assert not window.generate_data("moons")
    np.testing.assert_array_equal(window.current_data()[0], before)
    assert window.generate_data("moons")
    np.testing.assert_array_equal(window.current_data()[0], generate("moons", 100).X)
    assert window.windowTitle().endswith("moons")
    assert window.generate_data("xor")  # no hand-placed points now: no question
