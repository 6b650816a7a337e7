import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from logreg_gui.core.data import read_csv
from logreg_gui.core.training import Trainer
from tests.conftest import BREAST_CANCER, IRIS_OVERLAP
from tests.qt.gui_helpers import action, click_at, iteration, loss, status


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
    (x0, x1), (y0, y1) = window.data_plot.getViewBox().viewRange()
    rect = window.data_plot.getViewBox().sceneBoundingRect()
    return (x1 - x0) / rect.width(), (y1 - y0) / rect.height()


def test_click_adds_a_point_of_the_selected_class_there(qtbot, window):
    n = len(window.current_data()[1])
    qtbot.keyClick(window, Qt.Key.Key_0)
    assert window.selected_class == 0
    click_at(qtbot, window, 1.0, -0.5)
    X, y = window.current_data()
    assert len(y) == n + 1 and y[-1] == 0
    dx, dy = pixel_size(window)
    assert abs(X[-1, 0] - 1.0) <= 2 * dx and abs(X[-1, 1] + 0.5) <= 2 * dy
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
    click_at(qtbot, window, 0.5, 0.5, Qt.KeyboardModifier.ShiftModifier)
    assert window.current_data()[1][-1] == 1


def test_play_then_pause_lowers_the_loss(qtbot, window):
    start = loss(window)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: iteration(window) > 200, timeout=10_000)
    assert status(window, "state").endswith("running</b>")
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "paused" in status(window, "state"), timeout=5000)
    assert loss(window) < start
    coef, _ = window.current_parameters()
    assert np.all(coef != 0)
    assert len(window.loss_plot.history.losses) == iteration(window) + 1


def test_step_key_performs_one_textbook_update(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: iteration(window) == 1, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: iteration(window) == 2, timeout=5000)
    X, y = window.current_data()
    reference = Trainer(X, y, learning_rate=0.1)
    reference.advance(2)
    coef, intercept = window.current_parameters()
    np.testing.assert_allclose(coef, reference.state().coef_, rtol=1e-14)
    assert intercept == pytest.approx(reference.state().intercept_, rel=1e-12, abs=1e-15)


def test_reset_key_zeroes_the_model_and_clears_the_loss(qtbot, window):
    action(window, "step").trigger()
    action(window, "step").trigger()
    qtbot.waitUntil(lambda: iteration(window) == 2, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: iteration(window) == 0, timeout=5000)
    coef, intercept = window.current_parameters()
    assert np.all(coef == 0) and intercept == 0
    assert list(window.loss_plot.history.losses) == [pytest.approx(np.log(2))]


def test_clear_removes_every_point_and_says_what_to_do(qtbot, window):
    action(window, "clear").trigger()
    assert len(window.current_data()[1]) == 0
    qtbot.waitUntil(lambda: "empty" in status(window, "state"), timeout=5000)
    assert "click" in window.status_panel.message.text()
    action(window, "play_pause").trigger()  # nothing to train: stays put, no crash
    qtbot.waitUntil(lambda: "empty" in status(window, "state"), timeout=5000)


def test_points_added_while_training_reach_the_worker(qtbot, window):
    action(window, "play_pause").trigger()
    qtbot.waitUntil(lambda: iteration(window) > 10, timeout=10_000)
    for x in (-1.0, 0.0, 1.0):
        click_at(qtbot, window, x, 0.0)
    qtbot.waitUntil(lambda: window._latest.state.n_samples == 103, timeout=15_000)
    reached = iteration(window)
    qtbot.waitUntil(lambda: iteration(window) > reached, timeout=15_000)
    action(window, "play_pause").trigger()


def test_learning_rate_control_applies_immediately(qtbot, window):
    window.controls.learning_rate.spin.setValue(2.5)
    qtbot.waitUntil(lambda: window._latest.learning_rate == 2.5, timeout=5000)
    window.controls.learning_rate.slider.setValue(-30)  # log10 scale: 1e-3
    qtbot.waitUntil(lambda: window._latest.learning_rate == pytest.approx(1e-3), timeout=5000)
    assert window.controls.learning_rate.value() == pytest.approx(1e-3)


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
    qtbot.waitUntil(lambda: window._latest.state.n_samples == 569 and iteration(window) == 0,
                    timeout=5000)
    assert "benign" in window.class_actions[0].text()
    assert window.data_plot.getPlotItem().getAxis("bottom").labelText == "mean_radius"


def test_save_points_round_trips(qtbot, window, tmp_path, monkeypatch):
    click_at(qtbot, window, 0.25, 0.75)
    target = tmp_path / "saved.csv"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    action(window, "save_points").trigger()
    saved = read_csv(target)
    X, y = window.current_data()
    np.testing.assert_array_equal(saved.X, X)
    np.testing.assert_array_equal(saved.y, y)


def test_standardize_off_trains_on_raw_features(qtbot, window):
    window.open_csv(IRIS_OVERLAP)
    window.controls.standardize_box.setChecked(False)
    action(window, "step").trigger()
    qtbot.waitUntil(lambda: iteration(window) == 1, timeout=5000)
    dataset = read_csv(IRIS_OVERLAP)
    reference = Trainer(dataset.X, dataset.y, learning_rate=0.1, standardize=False)
    reference.advance(1)
    np.testing.assert_allclose(window.current_parameters()[0], reference.state().coef_, rtol=1e-14)


def test_closing_while_training_stops_and_joins_the_thread(qtbot, window):
    action(window, "play_pause").trigger()
    qtbot.waitUntil(lambda: iteration(window) > 0, timeout=5000)
    window.close()
    assert not window.controller.is_alive


def test_views_follow_the_model(qtbot, window):
    for _ in range(20):
        action(window, "step").trigger()
    qtbot.waitUntil(lambda: iteration(window) == 20, timeout=5000)
    coef, intercept = window.current_parameters()
    x, y = window.data_plot._boundary.getData()
    np.testing.assert_allclose(coef[0] * x + coef[1] * y + intercept, 0, atol=1e-9)
    X, labels = window.current_data()
    z_drawn, y_drawn = window.sigmoid_plot._labels[1].getData()
    np.testing.assert_allclose(np.sort(z_drawn), np.sort(X[labels == 1] @ coef + intercept))
    assert np.all(y_drawn == 1)


def test_every_play_pause_press_toggles_even_between_snapshots(qtbot, window):
    window.controls.speed_slider.setValue(1)  # 2 it/s: it cannot converge (and stop) meanwhile
    play = action(window, "play_pause")
    for _ in range(41):
        play.trigger()
        qtbot.wait(1)  # let snapshots of earlier presses arrive in between
    qtbot.waitUntil(lambda: window._latest.running, timeout=5000)  # odd count: running
    qtbot.wait(200)
    assert window._latest.running and window.controller.running
    play.trigger()
    qtbot.waitUntil(lambda: not window._latest.running, timeout=5000)


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
    axis = window.data_plot.getPlotItem().getAxis("bottom")
    assert axis.labelText == "x&lt;sub&gt;1&lt;/sub&gt;"
    assert len(window.data_plot.getPlotItem().getAxis("left").labelText) <= 32
    assert window.class_actions[0].text() == "0: R&&D"
