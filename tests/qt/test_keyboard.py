"""Keys are never trapped: boxes give the keyboard back, sliders keep their arrows."""

from PySide6.QtCore import Qt

from tests.qt.conftest import iteration, latest, step


def type_into(qtbot, box, text, end=Qt.Key.Key_Return):
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), end)


def test_enter_in_a_box_commits_and_the_next_key_is_a_shortcut_again(qtbot, window):
    step(qtbot, window, 2)
    box = window.controls.fields["learning_rate"].box
    type_into(qtbot, box, "0.5")
    assert not box.hasFocus() and window.training_options().learning_rate == 0.5
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_R)  # Reset, not a typed 'r'
    qtbot.waitUntil(lambda: iteration(window) == 0, timeout=5000)
    assert box.text() == "0.5"


def test_escape_in_a_box_cancels_the_typing(qtbot, window):
    box = window.controls.fields["learning_rate"].box
    type_into(qtbot, box, "7", end=Qt.Key.Key_Escape)
    assert box.text() == "0.1" and window.training_options().learning_rate == 0.1
    assert not box.hasFocus()


def test_a_focused_slider_keeps_its_arrow_keys(qtbot, window):
    slider = window.controls.fields["threshold"].slider
    slider.setFocus()
    before = slider.value()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert slider.value() == before + 1
    assert window.controls.value("threshold") == 0.51
    qtbot.wait(200)
    assert iteration(window) == 0 and not latest(window).running  # no training step


def test_space_plays_when_nothing_is_being_edited(qtbot, window):
    window.views.data_plot.setFocus()
    qtbot.keyClick(window.views.data_plot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: latest(window).running, timeout=5000)
    qtbot.keyClick(window.views.data_plot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not latest(window).running, timeout=5000)
