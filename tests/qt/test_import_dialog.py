"""The import dialog, driven as a user would: formats, columns, classes, dropped rows, keys."""

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QTableView

from logreg_gui.core.table import REST
from logreg_gui.qt.window.import_dialog import ImportDialog
from tests.conftest import DATASETS

WDBC = DATASETS / "breast_cancer_wdbc.csv"
THREE = "a,b,species\n1,1,setosa\n2,2,versicolor\n3,3,virginica\n4,4,setosa\n5,5,virginica\n"


@pytest.fixture
def open_dialog(qtbot):
    def make(path):
        dialog = ImportDialog(path)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog
    return make


def combo(dialog, name):
    widget = dialog.findChild(QComboBox, name)
    assert widget is not None, name
    return widget


def label(dialog, name):
    return dialog.findChild(QLabel, name)


def choose_column(dialog, name, column):
    """Pick a column by its name, as a user reading the list would."""
    box = combo(dialog, name)
    texts = [box.itemText(i).split(": ", 1)[1] for i in range(box.count())]
    box.setCurrentIndex(texts.index(column))


def choose(dialog, name, data):
    box = combo(dialog, name)
    index = box.findData(data)
    assert index >= 0, (name, data)
    box.setCurrentIndex(index)


def write(tmp_path, text, name="table.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_breast_cancer_columns_picked_by_name(open_dialog, qtbot):
    dialog = open_dialog(WDBC)
    assert combo(dialog, "x_column").currentText() == "0: mean_radius"
    assert combo(dialog, "y_column").currentText() == "1: mean_texture"
    assert combo(dialog, "label_column").currentText() == "30: diagnosis"
    assert not combo(dialog, "class_a").isVisible()
    preview = dialog.findChild(QTableView, "preview")
    assert preview.model().columnCount() == 31 and preview.model().rowCount() == 50
    assert preview.model().headerData(0, Qt.Orientation.Vertical) == "2"  # line numbers
    choose_column(dialog, "x_column", "mean_area")
    choose_column(dialog, "y_column", "worst_radius")
    assert "569 points: 357 'benign', 212 'malignant'." in label(dialog, "dropped_label").text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    reference = pd.read_csv(WDBC)
    dataset = dialog.dataset()
    np.testing.assert_array_equal(dataset.X, reference[["mean_area", "worst_radius"]].to_numpy())
    assert dataset.feature_names == ("mean_area", "worst_radius")


def test_two_of_three_classes_and_one_against_the_rest(open_dialog, tmp_path):
    dialog = open_dialog(write(tmp_path, THREE))
    class_a, class_b = combo(dialog, "class_a"), combo(dialog, "class_b")
    assert class_a.isVisible() and class_b.isVisible()
    assert [class_a.itemText(i) for i in range(class_a.count())] == [
        "setosa", "versicolor", "virginica"]
    assert (class_a.currentData(), class_b.currentData()) == ("setosa", "versicolor")
    choose(dialog, "class_b", "virginica")
    dataset = dialog.dataset()
    assert dataset.class_names == ("setosa", "virginica")
    np.testing.assert_array_equal(dataset.X[:, 0], [1, 3, 4, 5])
    assert "1 rows of other classes left out" in label(dialog, "dropped_label").text()
    choose(dialog, "class_b", REST)
    assert dialog.dataset().class_names == ("not setosa", "setosa")
    np.testing.assert_array_equal(dialog.dataset().y, [1, 0, 0, 1, 0])
    choose(dialog, "class_a", "virginica")
    np.testing.assert_array_equal(dialog.dataset().y, [0, 0, 1, 0, 1])
    assert dialog.ok_button.isEnabled()


def test_switching_the_separator_reads_the_file_again(open_dialog, tmp_path):
    dialog = open_dialog(write(tmp_path, "a;b;c\n1,5;2;x\n3;4,25;y\n"))
    separator = combo(dialog, "separator")
    assert separator.currentData() == ";" and combo(dialog, "decimal").currentData() == ","
    np.testing.assert_array_equal(dialog.dataset().X, [[1.5, 2], [3, 4.25]])
    choose(dialog, "separator", "\t")
    error = label(dialog, "error_label")
    assert error.isVisible() and "1 column; expected two feature columns" in error.text()
    assert not dialog.ok_button.isEnabled() and dialog.dataset() is None
    assert dialog.findChild(QTableView, "preview").model().columnCount() == 1
    choose(dialog, "separator", ";")
    assert dialog.ok_button.isEnabled() and not error.isVisible()


def test_the_decimal_mark_and_the_header_can_be_changed(open_dialog, tmp_path):
    dialog = open_dialog(write(tmp_path, "a;b;c\n1,5;2;x\n3;4,25;y\n5;6;y\n7;8;x\n"))
    choose(dialog, "decimal", ".")
    assert "2 rows dropped (lines 2, 3)" in label(dialog, "dropped_label").text()
    choose(dialog, "decimal", ",")
    choose(dialog, "header", False)
    assert combo(dialog, "x_column").currentText() == "0: column 1"
    assert "1 row dropped (line 1): line 1: feature 'column 1' is 'a', not a number" in \
        label(dialog, "dropped_label").text()


def test_rows_to_drop_are_listed_with_their_lines(open_dialog, tmp_path):
    path = write(tmp_path, "x1,x2,label\n1,2,a\n1_5,3,b\n2,1,b\n,4,b\n3.5,nan,b\n4,4,a\n")
    dialog = open_dialog(path)
    text = label(dialog, "dropped_label").text()
    assert "3 rows dropped (lines 3, 5, 6): line 3: feature 'x1' is '1_5', not a number" in text
    assert str(tmp_path) not in text  # the file's name is in the title
    assert dialog.ok_button.isEnabled() and dialog.dataset().n_samples == 3


def test_an_impossible_choice_disables_ok_and_enter(open_dialog, qtbot, tmp_path):
    dialog = open_dialog(write(tmp_path, THREE))
    choose(dialog, "y_column", 0)
    error = label(dialog, "error_label")
    assert "x_column and y_column are both column 0 ('a')" in error.text()
    assert not dialog.ok_button.isEnabled()
    combo(dialog, "x_column").setFocus()
    qtbot.keyClick(combo(dialog, "x_column"), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_enter_accepts(open_dialog, qtbot, tmp_path):
    dialog = open_dialog(write(tmp_path, "a,b,c\n1,2,x\n3,4,y\n"))
    combo(dialog, "label_column").setFocus()
    qtbot.keyClick(combo(dialog, "label_column"), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.dataset().class_names == ("x", "y")


def test_a_column_of_numbers_is_not_offered_as_classes(open_dialog):
    dialog = open_dialog(WDBC)
    choose_column(dialog, "label_column", "mean_area")
    assert "'mean_area' has 539 different values; choose the column that holds the class" in \
        label(dialog, "error_label").text()
    assert not dialog.ok_button.isEnabled() and not combo(dialog, "class_a").isVisible()


def test_a_wrong_encoding_shows_where_and_what_to_choose(open_dialog, tmp_path):
    dialog = open_dialog(write(tmp_path, "Größe,b,c\n1,2,ja\n3,4,nein\n", encoding="cp1252"))
    assert combo(dialog, "encoding").currentData() == "cp1252"
    assert dialog.dataset().feature_names == ("Größe", "b")
    choose(dialog, "encoding", "utf-8")
    assert "line 1: byte 0xf6 is not valid UTF-8; choose the encoding Windows-1252" in \
        label(dialog, "error_label").text()
    assert not dialog.ok_button.isEnabled()


def test_a_missing_file_is_an_error_not_a_crash(open_dialog, tmp_path):
    dialog = open_dialog(tmp_path / "gone.csv")
    assert "gone.csv: no such file" in label(dialog, "error_label").text()
    assert not dialog.ok_button.isEnabled() and combo(dialog, "x_column").count() == 0


def test_workbooks_only_offer_the_header_choice(open_dialog, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["a", "b", "c"], [1, 2, "x"], [3, 4, "y"]):
        book.active.append(row)
    book.save(tmp_path / "t.xlsx")
    dialog = open_dialog(tmp_path / "t.xlsx")
    assert not combo(dialog, "separator").isEnabled() and combo(dialog, "header").isEnabled()
    np.testing.assert_array_equal(dialog.dataset().X, [[1, 2], [3, 4]])


def test_every_control_is_named_and_the_dialog_fits_a_small_screen(open_dialog):
    dialog = open_dialog(WDBC)
    for name in ("x_column", "y_column", "label_column", "class_a", "class_b", "separator",
                 "decimal", "encoding", "header"):
        assert combo(dialog, name) is not None
    assert label(dialog, "dropped_label") and label(dialog, "error_label")
    for size in (dialog.sizeHint(), dialog.minimumSizeHint(), dialog.size()):
        assert size.width() <= 1280 and size.height() <= 720 - 40  # room for a title bar
