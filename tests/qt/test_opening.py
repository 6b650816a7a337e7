"""Opening tables in the window: File > Open through the import dialog, the wide example,
dropped files, and logreg_gui.show on arrays."""

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox

from logreg_gui.core.data import DataError
from logreg_gui.core.table import REST
from logreg_gui.qt.window.drops import FileDrops
from logreg_gui.qt.window.import_dialog import ImportDialog
from tests.conftest import DATASETS, IRIS_SEPARABLE
from tests.qt.conftest import action, latest, pixel_of

WDBC = DATASETS / "breast_cancer_wdbc.csv"


def dialog_of(qtbot, window):
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None
                    and window.findChild(ImportDialog).isVisible(), timeout=5000)
    return window.findChild(ImportDialog)


def choose(dialog, name, text=None, data=None):
    box = dialog.findChild(QComboBox, name)
    index = box.findData(data) if text is None else next(
        i for i in range(box.count()) if box.itemText(i).split(": ", 1)[-1] == text)
    box.setCurrentIndex(index)


def test_file_open_goes_through_the_dialog_and_loads_the_choice(qtbot, window, tmp_path,
                                                                 monkeypatch):
    path = tmp_path / "flowers.csv"
    path.write_text("id;petal length;petal width;kind\n1;1,4;0,2;setosa\n2;4,7;1,4;versicolor\n"
                    "3;6,0;2,5;virginica\n4;1,3;0,2;setosa\n5;4,5;1,5;versicolor\n"
                    "6;bad;1,0;setosa\n", encoding="utf-8")
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        lambda *args, **kwargs: (str(path), ""))
    action(window, "open").trigger()
    dialog = dialog_of(qtbot, window)
    choose(dialog, "x_column", "petal length")
    choose(dialog, "y_column", "petal width")
    choose(dialog, "class_a", data="versicolor")
    choose(dialog, "class_b", data=REST)
    assert "line 7" in dialog.dropped_label.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    reference = pd.read_csv(path, sep=";", dtype=str)
    numbers = reference[["petal length", "petal width"]].apply(
        lambda column: pd.to_numeric(column.str.replace(",", "."), errors="coerce"))
    kept = numbers.notna().all(axis=1)
    expected = numbers[kept].to_numpy()
    X, y = window.current_data()
    np.testing.assert_array_equal(X, expected)
    assert window.points.dataset.class_names == ("not versicolor", "versicolor")
    np.testing.assert_array_equal(y, (reference[kept]["kind"] == "versicolor").astype(int))
    assert window.windowTitle().endswith("flowers.csv")
    qtbot.waitUntil(lambda: latest(window).state.n_samples == 5, timeout=5000)


def test_cancelling_the_dialog_keeps_the_points(qtbot, window):
    before = window.current_data()[0]
    dialog = window.open_table(WDBC)
    dialog.reject()
    np.testing.assert_array_equal(window.current_data()[0], before)
    assert window.undo_stack.count() == 0


def test_the_wide_example_opens_through_the_dialog(qtbot, window):
    window.findChild(QAction, "example_breast_cancer_wdbc").trigger()
    dialog = dialog_of(qtbot, window)
    assert dialog.findChild(QComboBox, "label_column").currentText() == "30: diagnosis"
    choose(dialog, "x_column", "worst_radius")
    choose(dialog, "y_column", "worst_texture")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    reference = pd.read_csv(WDBC)
    np.testing.assert_array_equal(window.current_data()[0],
                                  reference[["worst_radius", "worst_texture"]].to_numpy())
    np.testing.assert_array_equal(window.current_data()[1],
                                  (reference["diagnosis"] == "malignant").astype(int))


def test_three_column_examples_open_at_once(qtbot, window):
    window.findChild(QAction, "example_iris_setosa_versicolor").trigger()
    assert window.findChild(ImportDialog) is None
    reference = pd.read_csv(IRIS_SEPARABLE)
    np.testing.assert_array_equal(window.current_data()[0], reference.iloc[:, :2].to_numpy())


def drop(window, path):
    """Drop `path` on the window. QApplication delivers drops only during a real drag (a sent
    one crashes in Qt's drag manager), so the event goes to the window's drop filter as Qt
    would hand it over."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    drops = window.findChild(FileDrops)
    for kind in (QDragEnterEvent, QDropEvent):
        event = kind(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                     Qt.KeyboardModifier.NoModifier)
        assert drops.eventFilter(window, event) and event.isAccepted()


def test_a_dropped_table_opens_the_dialog_and_a_session_opens_at_once(qtbot, window, tmp_path,
                                                                     monkeypatch):
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.question",  # discard the edited points
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    assert window.acceptDrops()
    drop(window, WDBC)
    dialog = dialog_of(qtbot, window)
    dialog.reject()
    window.points.delete([0, 1, 2])
    saved = window.current_data()[0]
    window.save_session(tmp_path / "s.logreg.json")
    window.generate_data("moons")
    drop(window, tmp_path / "s.logreg.json")
    np.testing.assert_array_equal(window.current_data()[0], saved)


def test_show_opens_the_window_on_a_dataframe(qtbot):
    import logreg_gui

    frame = pd.DataFrame({"hours": [1.0, 2.0, 3.0, 4.0], "sleep": [8.0, 7.0, 6.0, 5.0]})
    window = logreg_gui.show(frame, ["fail", "fail", "pass", "pass"], block=False)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.latest_snapshot is not None, timeout=5000)
        assert window.isVisible()
        np.testing.assert_array_equal(window.current_data()[0], frame.to_numpy())
        np.testing.assert_array_equal(window.current_data()[1], [0, 0, 1, 1])
        assert window.points.dataset.feature_names == ("hours", "sleep")
        assert window.points.dataset.class_names == ("fail", "pass")
    finally:
        window.close()
    with pytest.raises(DataError, match="exactly two distinct labels"):
        logreg_gui.show(np.zeros((3, 2)), [1, 2, 3], block=False)


def test_hovering_a_point_of_a_file_names_its_line(qtbot, window):
    window.open_csv(IRIS_SEPARABLE)
    X = window.current_data()[0]
    reference = pd.read_csv(IRIS_SEPARABLE)
    _, first, counts = np.unique(X, axis=0, return_index=True, return_counts=True)
    row = int(first[counts == 1][5])  # a point no other one covers
    assert np.array_equal(X[row], reference.iloc[row, :2].to_numpy(float))
    plot = window.views.data_plot
    qtbot.mouseMove(plot.viewport(), pixel_of(plot, *X[row]))
    qtbot.waitUntil(lambda: plot.hover_text != "", timeout=3000)
    assert plot.hover_text.startswith(f"<b>line {row + 2}</b>")  # after the header, 1-based
