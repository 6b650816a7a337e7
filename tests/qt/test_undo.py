"""Editing points with the mouse and keys, every change undoable: round trips restore the data
exactly."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QUndoView

from logreg_gui.core.generators import generate
from tests.conftest import BREAST_CANCER
from tests.qt.conftest import action, click_at, edit, iteration, latest, pixel_of

CTRL = Qt.KeyboardModifier.ControlModifier


def data(window):
    dataset = window.points.dataset
    return dataset.X.copy(), dataset.y.copy(), dataset.test_mask.copy()


def assert_same(a, b):
    for first, second in zip(a, b, strict=True):
        np.testing.assert_array_equal(first, second)


def drag(qtbot, window, start, end, modifier=Qt.KeyboardModifier.NoModifier, steps=5):
    """A left drag in data coordinates, in a few mouse moves (QTest's moves carry no modifier
    and no button, so they are sent as events)."""
    plot = window.views.data_plot
    viewport = plot.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, pixel_of(plot, *start))
    for k in range(1, steps + 1):
        x = start[0] + (end[0] - start[0]) * k / steps
        y = start[1] + (end[1] - start[1]) * k / steps
        position = QPointF(pixel_of(plot, x, y))
        QApplication.sendEvent(viewport, QMouseEvent(
            QEvent.Type.MouseMove, position, viewport.mapToGlobal(position),
            Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, modifier))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, pixel_of(plot, *end))


def test_public_names(window):
    assert isinstance(window.undo_stack, QUndoStack)
    for name in ("undo", "redo", "delete_points", "flip_points", "edit_history"):
        assert action(window, name).objectName() == name
    assert "Ctrl+Z" in [key.toString() for key in action(window, "undo").shortcuts()]
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= {k.toString() for k in action(window, "redo").shortcuts()}
    assert {"Del", "Backspace"} <= {k.toString() for k in
                                    action(window, "delete_points").shortcuts()}


def test_every_kind_of_change_undoes_and_redoes_exactly(qtbot, window, monkeypatch):
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.question",  # discard hand-placed points
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    states = [data(window)]
    points = window.points
    changes = [lambda: click_at(qtbot, window, 0.0, 3.6),         # add (empty space)
               lambda: points.delete([3, 10, 50]),
               lambda: points.move([0, 1], 0.25, -0.5),
               lambda: points.flip([2, 7]),
               lambda: edit(window, "test_fraction", 0.3),         # test split
               lambda: window.generate_data("moons"),
               lambda: window.open_csv(BREAST_CANCER),
               lambda: action(window, "clear").trigger()]
    for change in changes:
        count = window.undo_stack.count()
        change()
        assert window.undo_stack.count() == count + 1, window.undo_stack.text(count)
        states.append(data(window))
    assert len(states[-1][1]) == 0
    for state in reversed(states[:-1]):
        action(window, "undo").trigger()
        assert_same(data(window), state)
    assert window.controls.value("test_fraction") == 0  # the split's control follows
    for state in states[1:]:
        action(window, "redo").trigger()
        assert_same(data(window), state)


def test_edits_compare_with_hand_made_arrays(window):
    X, y, _ = data(window)
    window.points.delete([0, 99])
    np.testing.assert_array_equal(window.current_data()[0], np.delete(X, [0, 99], axis=0))
    window.points.flip([0])
    assert window.current_data()[1][0] == 1 - y[1]
    window.points.move([5], 1.5, 2.0)
    np.testing.assert_array_equal(window.current_data()[0][5], X[6] + [1.5, 2.0])
    assert window.windowTitle().endswith("(edited)")
    for _ in range(3):
        window.undo_stack.undo()
    np.testing.assert_array_equal(window.current_data()[0], X)
    assert not window.windowTitle().endswith("(edited)")


def test_click_selects_delete_key_removes_and_undo_brings_back(qtbot, window):
    X, y, _ = data(window)
    target = X[17]
    click_at(qtbot, window, *target)
    np.testing.assert_array_equal(window.points.selection, [17])
    assert len(window.views.data_plot.named_items["selected"].data) == 1
    assert window.points.dataset.n_samples == 100  # selecting added nothing
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    np.testing.assert_array_equal(window.current_data()[0], np.delete(X, 17, axis=0))
    assert len(window.points.selection) == 0
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert_same(window.current_data(), (X, y))
    np.testing.assert_array_equal(window.points.selection, [17])  # selected again, as before


def test_ctrl_click_toggles_and_ctrl_drag_selects_a_rectangle(qtbot, window):
    X, _, _ = data(window)
    click_at(qtbot, window, *X[4])
    click_at(qtbot, window, *X[9], CTRL)
    np.testing.assert_array_equal(window.points.selection, [4, 9])
    click_at(qtbot, window, *X[4], CTRL)
    np.testing.assert_array_equal(window.points.selection, [9])
    low, high = np.array([-1.0, -1.0]), np.array([1.0, 1.0])
    drag(qtbot, window, low, high, CTRL)
    margin = 3 * np.array(window.views.data_plot.getViewBox().viewPixelSize())  # 3 px
    surely_in = np.flatnonzero(np.all((X >= low + margin) & (X <= high - margin), axis=1))
    maybe_in = np.flatnonzero(np.all((X >= low - margin) & (X <= high + margin), axis=1))
    selected = window.points.selection
    assert len(surely_in) > 3 and set(surely_in) <= set(selected) <= set(maybe_in)


def test_dragging_a_selected_point_moves_the_selection_as_one_command(qtbot, window):
    X, _, _ = data(window)
    click_at(qtbot, window, *X[4])
    click_at(qtbot, window, *X[9], CTRL)
    count = window.undo_stack.count()
    drag(qtbot, window, X[4], X[4] + [1.0, 0.5])
    moved = window.current_data()[0]
    offset = moved[4] - X[4]
    plot = window.views.data_plot
    (x0, x1), (y0, y1) = plot.getViewBox().viewRange()
    rect = plot.getViewBox().sceneBoundingRect()
    assert offset == pytest.approx([1.0, 0.5], abs=3 * max((x1 - x0) / rect.width(),
                                                         (y1 - y0) / rect.height()))
    np.testing.assert_allclose(moved[9] - X[9], offset)
    np.testing.assert_array_equal(np.delete(moved, [4, 9], axis=0), np.delete(X, [4, 9], axis=0))
    assert window.undo_stack.count() == count + 1  # the drag's steps merged
    window.undo_stack.undo()
    np.testing.assert_array_equal(window.current_data()[0], X)


def test_a_drag_on_empty_space_still_pans(qtbot, window):
    before = window.views.data_plot.getViewBox().viewRange()
    drag(qtbot, window, (-2.0, -3.7), (-2.0, -2.7))  # below the clouds (the legend is above)
    assert window.views.data_plot.getViewBox().viewRange() != before
    assert window.undo_stack.count() == 0


def test_flip_key_and_context_menu(qtbot, window):
    _, y, _ = data(window)
    window.points.select([1, 2])
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F)
    np.testing.assert_array_equal(window.current_data()[1][[1, 2]], 1 - y[[1, 2]])
    menu = window.views.data_plot.getViewBox().menu
    texts = [a.text() for a in menu.actions()]
    assert "Flip class of selected points" in texts and "Delete selected points" in texts


def test_history_view_lists_the_changes_and_goes_back(qtbot, window):
    X, _, _ = data(window)
    window.points.delete([0])
    window.points.flip([0])
    action(window, "edit_history").trigger()
    view = window.findChild(QUndoView, "edit_history")
    assert view.isVisible() and view.model().rowCount() == 3  # the start and two changes
    assert "Delete 1 point" in view.model().index(1, 0).data()
    view.setCurrentIndex(view.model().index(0, 0))
    np.testing.assert_array_equal(window.current_data()[0], X)


def test_edits_while_training_reach_the_worker(qtbot, window):
    edit(window, "speed", 20)
    action(window, "play_pause").trigger()
    qtbot.waitUntil(lambda: iteration(window) > 2, timeout=10_000)
    window.points.delete(range(10))
    qtbot.waitUntil(lambda: latest(window).state.n_samples == 90, timeout=15_000)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: latest(window).state.n_samples == 100, timeout=15_000)
    assert latest(window).running
    action(window, "play_pause").trigger()


def test_generated_data_is_one_command_that_undo_reverses(window):
    before = data(window)
    window.generate_data("xor")
    np.testing.assert_array_equal(window.current_data()[0], generate("xor", 100).X)
    assert window.undo_stack.undoText() == "Open xor"
    window.undo_stack.undo()
    assert_same(data(window), before)
    assert window.windowTitle().endswith("blobs")


def test_delete_and_backspace_in_a_number_box_edit_the_text_not_the_points(qtbot, window):
    window.points.select([0, 1])
    box = window.controls.fields["learning_rate"].box
    box.setFocus()
    box.lineEdit().selectAll()
    for key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_F):
        qtbot.keyClick(box.lineEdit(), key)
    assert window.points.dataset.n_samples == 100 and window.undo_stack.count() == 0


def test_the_hover_read_out_does_not_describe_a_deleted_point(qtbot, window):
    X, _, _ = data(window)
    plot = window.views.data_plot
    qtbot.mouseMove(plot.viewport(), pixel_of(plot, *X[17]))
    qtbot.waitUntil(lambda: plot.hover_text != "", timeout=3000)
    window.points.delete([17])
    assert plot.hover_text == ""
