import re

import numpy as np
import pytest

from logreg_gui.core.data import DataError, Dataset, read_csv, write_csv
from logreg_gui.core.generators import generate
from tests.conftest import BREAST_CANCER, DATASETS


def write(tmp_path, text, name="points.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", sorted(DATASETS.glob("*.csv")), ids=lambda p: p.stem)
def test_shipped_datasets_load_with_their_names(path):
    dataset = read_csv(path)
    assert dataset.X.dtype == np.float64 and dataset.X.shape[1] == 2
    assert set(np.unique(dataset.y)) == {0, 1}
    assert list(dataset.class_names) == sorted(dataset.class_names)
    assert dataset.feature_names[0] != "x1"


def test_breast_cancer_labels_map_sorted_to_classes():
    dataset = read_csv(BREAST_CANCER)
    assert dataset.class_names == ("benign", "malignant")
    assert dataset.n_samples == 569 and dataset.y.sum() == 212
    assert dataset.feature_names == ("mean_radius", "mean_texture")
    np.testing.assert_allclose(dataset.X[0], [17.99, 10.38])
    assert dataset.y[0] == 1


def test_headerless_file_with_whitespace_blank_lines_and_numeric_labels(tmp_path):
    path = write(tmp_path, " 1.5 , 2 , 10 \n\n3,4,2\n 5 ,6, 10\n")
    dataset = read_csv(path)
    assert dataset.feature_names == ("x1", "x2")
    assert dataset.class_names == ("2", "10")  # numeric order, not text order
    np.testing.assert_array_equal(dataset.y, [1, 0, 1])
    np.testing.assert_allclose(dataset.X, [[1.5, 2], [3, 4], [5, 6]])


def test_round_trip_through_write_csv(tmp_path):
    original = read_csv(BREAST_CANCER)
    path = tmp_path / "saved.csv"
    write_csv(path, original)
    again = read_csv(path)
    np.testing.assert_array_equal(again.X, original.X)
    np.testing.assert_array_equal(again.y, original.y)
    assert again.class_names == original.class_names
    assert again.feature_names == original.feature_names


@pytest.mark.parametrize("text, line, words", [
    ("", None, "empty"),
    ("\n\n", None, "empty"),
    ("a,b,label\n", None, "no data rows"),
    ("a,b,label\n1,2,x\n1,oops,y\n", 3, "'oops', not a number"),
    ("1,2,x\nnan,2,y\n", 2, "only finite"),
    ("1,2,x\n1,inf,y\n", 2, "only finite"),
    ("1,2,x\n1,2\n", 2, "expected 3 columns"),
    ("1,2,x\n1,2,y,4\n", 2, "found 4"),
    ("1,2,x\n3,4,\n", 2, "label (3rd column) is empty"),
    ("1,2,x\n3,4,x\n", None, "two classes"),
    ("1,2,x\n3,4,y\n5,6,z\n", 3, "third label 'z'"),
    # Numbers sort as numbers: the third to appear (4, line 3) is not the largest (6, line 2).
    ("1,2,3\n4,5,6\n2,3,4\n", 3, "third label '4'"),
])
def test_bad_files_name_the_file_line_and_problem(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(DataError) as caught:
        read_csv(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert words in message
    if line is not None:
        assert f"line {line}:" in message


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        read_csv(tmp_path / "nope.csv")


def test_binary_file_is_rejected_cleanly(tmp_path):
    path = tmp_path / "image.csv"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(DataError):
        read_csv(path)


def test_blobs_are_reproducible_and_balanced():
    a, b = generate("blobs", 60, random_state=5), generate("blobs", 60, random_state=5)
    np.testing.assert_array_equal(a.X, b.X)
    assert a.y.sum() == 30
    assert not np.array_equal(a.X, generate("blobs", 60, random_state=6).X)
    with pytest.raises(ValueError, match="n_samples"):
        generate("blobs", 1)


def test_adding_a_point_and_clearing_keep_the_names():
    dataset = read_csv(BREAST_CANCER)
    more = dataset.with_point((12.0, 20.0), 1)
    assert more.n_samples == dataset.n_samples + 1 and more.y[-1] == 1
    np.testing.assert_array_equal(more.X[-1], [12.0, 20.0])
    empty = more.cleared()
    assert empty.n_samples == 0 and empty.X.shape == (0, 2)
    assert empty.class_names == dataset.class_names


def test_numeric_labels_compare_by_value(tmp_path):
    dataset = read_csv(write(tmp_path, "1,2,1\n3,4,1.0\n5,6,2\n"))
    assert dataset.class_names == ("1", "2")
    np.testing.assert_array_equal(dataset.y, [0, 0, 1])


def test_values_too_large_to_train_on_are_rejected(tmp_path):
    with pytest.raises(DataError, match=r"line 2: .*beyond ±1e\+100; rescale"):
        read_csv(write(tmp_path, "1,2,a\n1e308,2,b\n"))


def test_a_directory_is_not_a_csv(tmp_path):
    with pytest.raises(DataError, match="not a regular file"):
        read_csv(tmp_path)


def test_edits_return_new_datasets_and_keep_names_aligned():
    base = read_csv(DATASETS / "iris_setosa_versicolor.csv").with_test_split(0.2, 1)
    assert base.point_names[:2] == ("line 2", "line 3")  # the header is line 1
    before_X, before_y = base.X.copy(), base.y.copy()
    fewer = base.without([0, 5])
    assert fewer.n_samples == base.n_samples - 2
    np.testing.assert_array_equal(fewer.X, np.delete(before_X, [0, 5], axis=0))
    np.testing.assert_array_equal(fewer.test_mask, np.delete(base.test_mask, [0, 5]))
    assert fewer.point_names[:1] == ("line 3",) and "line 7" not in fewer.point_names
    moved = base.moved([1, 2], (0.5, -1.0))
    np.testing.assert_array_equal(moved.X[[1, 2]], before_X[[1, 2]] + [0.5, -1.0])
    np.testing.assert_array_equal(moved.X[3:], before_X[3:])
    flipped = base.flipped([0, 99])
    assert list(flipped.y[[0, 99]]) == [1 - before_y[0], 1 - before_y[99]]
    np.testing.assert_array_equal(flipped.y[1:99], before_y[1:99])
    added = base.with_point((1.0, 2.0), 1)
    assert added.point_names[-1] == "added" and len(added.point_names) == added.n_samples
    np.testing.assert_array_equal(base.X, before_X)  # the original is untouched
    np.testing.assert_array_equal(base.y, before_y)


def test_from_arrays_maps_sorted_labels_and_names_from_a_dataframe():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"height": [1.0, 2.0, 3.0], "weight": [4.0, 5.0, 6.0]})
    dataset = Dataset.from_arrays(frame, ["yes", "no", "yes"])
    assert dataset.feature_names == ("height", "weight")
    assert dataset.class_names == ("no", "yes") and list(dataset.y) == [1, 0, 1]
    plain = Dataset.from_arrays(np.zeros((2, 2)), [3, 7], class_names=("low", "high"))
    assert plain.feature_names == ("x1", "x2") and plain.class_names == ("low", "high")


@pytest.mark.parametrize("X, y, words", [
    (np.zeros((3, 3)), [0, 1, 0], "shape (n_samples, 2), got shape (3, 3)"),
    (np.zeros((3, 2)), [0, 1], "one label per row of X (3), got 2"),
    (np.zeros((3, 2)), [0, 1, 2], "exactly two distinct labels, got 3"),
    ([[0.0, np.nan], [1.0, 1.0]], [0, 1], "finite"),
])
def test_from_arrays_refuses_bad_input_naming_it(X, y, words):
    with pytest.raises(DataError, match=re.escape(words)):
        Dataset.from_arrays(X, y)
