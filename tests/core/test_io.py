"""Sessions, atomic writes, model export and history CSV."""

import copy
import dataclasses
import json
import os
import re

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import PolynomialFeatures

from logreg_gui.core.io import atomic
from logreg_gui.core.data import DataError, read_csv
from logreg_gui.core.features import polynomial_feature_names
from logreg_gui.core.io import (SessionError, atomic_write_bytes, atomic_write_text,
                                dataset_from_json, dataset_to_json, history_to_csv,
                                load_session, model_from_json, model_to_json, save_session)
from logreg_gui.core.model import LogisticModel
from logreg_gui.core.state import TrainingOptions
from tests.conftest import BREAST_CANCER


def make_session(n_history=10_000):
    dataset = read_csv(BREAST_CANCER).with_test_split(0.2, random_state=3)
    loss = np.linspace(0.7, 0.2, n_history)
    loss[5] = np.inf  # an overflowed step
    return {"dataset": dataset,
            "training": dataclasses.asdict(TrainingOptions(learning_rate=0.5, degree=2)),
            "model": {"theta": np.array([0.25, -1.5, 1e-300, 3.0, 2.5, -0.125]),
                      "iteration": np.int64(n_history)},
            "view": {"contours": True, "threshold": 0.5, "overlays": ["trail", "contours"],
                     "zoom": None},
            "history": {"iteration": np.arange(1, n_history + 1), "loss": loss}}


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "s.logreg.json"
    save_session(path, make_session())
    return path


def test_a_session_reads_back_as_saved(saved):
    original = make_session()
    loaded = load_session(saved)
    assert (loaded["format"], loaded["version"]) == ("logreg-gui session", 1)
    dataset = dataset_from_json(loaded["dataset"])
    for field in ("X", "y", "test_mask"):
        np.testing.assert_array_equal(getattr(dataset, field), getattr(original["dataset"], field))
    assert dataset.feature_names == original["dataset"].feature_names
    assert dataset.class_names == original["dataset"].class_names
    assert loaded["training"] == original["training"]
    assert loaded["view"] == original["view"]
    assert loaded["model"] == {"theta": original["model"]["theta"].tolist(),
                               "iteration": 10_000}
    assert loaded["history"]["iteration"] == list(range(1, 10_001))
    expected_loss = original["history"]["loss"].tolist()
    expected_loss[5] = None
    assert loaded["history"]["loss"] == expected_loss


def test_the_file_is_plain_compact_json(saved):
    text = saved.read_text(encoding="utf-8")
    document = json.loads(text)  # an independent reader
    assert document["format"] == "logreg-gui session" and document["version"] == 1
    assert document["history"]["iteration"] == [[1, 1, 10_000]]  # one run, not 10 000 numbers
    assert "NaN" not in text and "Infinity" not in text
    assert len(text.splitlines()) == 9  # braces and one line per top-level key
    assert document["dataset"]["X"][0] == [17.99, 10.38]


def test_uneven_iterations_are_kept(tmp_path):
    session = make_session(6)
    session["history"]["iteration"] = [0, 0, 3, 4, 5, 100]
    save_session(tmp_path / "s.json", session)
    assert load_session(tmp_path / "s.json")["history"]["iteration"] == [0, 0, 3, 4, 5, 100]


def test_a_newer_version_is_refused_naming_both(saved):
    document = json.loads(saved.read_text())
    document["version"] = 2
    saved.write_text(json.dumps(document))
    with pytest.raises(SessionError, match=r"session version 2; this version reads version 1\)"):
        load_session(saved)


def mutate(document, where, value):
    """Set (or with value=KeyError delete) the field at a dotted path like 'dataset.X.0'."""
    *parents, last = where.split(".")
    target = document
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    key = int(last) if isinstance(target, list) else last
    if value is KeyError:
        del target[key]
    else:
        target[key] = value


@pytest.mark.parametrize("where, value, words", [
    ("format", "something else", "format: this is not a logreg-gui session"),
    ("version", "1", "version: must be a whole number"),
    ("dataset", KeyError, "dataset: is missing"),
    ("dataset.X.0", [1.0, 2.0, 3.0], "dataset.X[0]: must have 2 entries, got 3"),
    ("dataset.X.3.1", "12", "dataset.X[3][1]: must be a number, got a string"),
    ("dataset.X.3.1", "@1e999", "dataset.X[3][1]: must be a finite number, got inf"),
    ("dataset.y.0", 2, "dataset.y: labels must be 0 or 1"),
    ("dataset.y", [0, 1], "dataset.y: must have 569 entries, got 2"),
    ("dataset.test_mask.0", 0, "dataset.test_mask: must be a list of booleans"),
    ("dataset.class_names", ["a"], "dataset.class_names: must have 2 entries, got 1"),
    ("dataset.point_names", ["p"], "dataset.point_names: must have 569 entries"),
    ("training.learning_rate", {"value": 1}, "training.learning_rate: must be null, a boolean"),
    ("training", [], "training: must be an object, got a list"),
    ("model.theta", [], "model.theta: must not be empty"),
    ("model.iteration", -1, "model.iteration: must be at least 0"),
    ("model.iteration", True, "model.iteration: must be an integer, got a boolean"),
    ("view", KeyError, "view: is missing"),
    ("history.loss", [0.5], "history: has 10000 iteration numbers but 1 loss values"),
    ("history.iteration", [[5, 1, 9999], [0, 1, 1]], "history.iteration: must not decrease"),
    ("history.iteration", [[0, 1]], "history.iteration[0]: must have 3 entries"),
])
def test_damaged_sessions_name_what_is_wrong(saved, where, value, words):
    document = json.loads(saved.read_text())
    mutate(document, where, value)
    saved.write_text(json.dumps(document).replace('"@1e999"', "1e999"))  # a number too big
    with pytest.raises(SessionError) as caught:
        load_session(saved)
    message = str(caught.value)
    assert message.startswith(f"{saved}: ") and words in message and "\n" not in message


@pytest.mark.parametrize("text, words", [
    ('{"format": "logreg-gui session", "version": 1,', "line 1: not valid JSON"),
    ('{"format": "logreg-gui session", "version": NaN}', "holds NaN, which is not a JSON number"),
    ("[1, 2]", "not a logreg-gui session"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
])
def test_broken_json_is_refused(tmp_path, text, words):
    path = tmp_path / "s.logreg.json"
    path.write_text(text)
    with pytest.raises(SessionError, match=re.escape(words)):
        load_session(path)


def test_binary_and_missing_files(tmp_path):
    (tmp_path / "b.json").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(SessionError, match="not UTF-8"):
        load_session(tmp_path / "b.json")
    with pytest.raises(SessionError, match="no such file"):
        load_session(tmp_path / "missing.json")
    assert issubclass(SessionError, DataError)


def test_an_invalid_session_is_not_saved(tmp_path, saved):
    before = saved.read_bytes()
    session = make_session()
    session["model"]["theta"][0] = np.nan
    with pytest.raises(SessionError, match=r"model.theta\[0\]: must be a finite number"):
        save_session(saved, session)
    assert saved.read_bytes() == before


def test_dataset_json_round_trip_and_errors():
    dataset = read_csv(BREAST_CANCER).with_test_split(0.1)
    again = dataset_from_json(json.loads(json.dumps(dataset_to_json(dataset))))
    np.testing.assert_array_equal(again.X, dataset.X)
    np.testing.assert_array_equal(again.test_mask, dataset.test_mask)
    with pytest.raises(SessionError, match="dataset.X: must be a list, got a string"):
        dataset_from_json({"X": "many"})


# -- atomic writes ---------------------------------------------------------------------------


@pytest.mark.parametrize("fails", ["fsync", "replace", "write"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, fails):
    path = tmp_path / "session.logreg.json"
    path.write_text("old content")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if fails == "write":  # fail after half the data reached the temporary file
        real_fdopen = os.fdopen

        class HalfFile:
            def __init__(self, *args, **kwargs):
                self.file = real_fdopen(*args, **kwargs)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.file.close()

            def write(self, data):
                self.file.write(data[:len(data) // 2])
                self.file.flush()
                broken()

        monkeypatch.setattr(atomic.os, "fdopen", HalfFile)
    else:
        monkeypatch.setattr(atomic.os, fails, broken)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_text(path, "new content " * 1000)
    assert path.read_text() == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["session.logreg.json"]


def test_atomic_write_replaces_and_keeps_permissions(tmp_path):
    path = tmp_path / "out.bin"
    atomic_write_bytes(path, b"first")
    path.chmod(0o640)
    atomic_write_bytes(path, b"second")
    assert path.read_bytes() == b"second"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_atomic_write_into_a_missing_folder_raises_os_error(tmp_path):
    with pytest.raises(OSError):
        atomic_write_text(tmp_path / "no" / "such" / "file.txt", "x")


# -- model export ----------------------------------------------------------------------------


def docstring_snippet():
    """The scikit-learn lines of model_to_json's docstring, as code."""
    doc = model_to_json.__doc__
    block = doc[doc.index("::") + 2:doc.index("Parameters")]
    return "\n".join(line[8:] for line in block.splitlines())


@pytest.mark.parametrize("degree, scaled", [(1, False), (3, True), (6, False)])
def test_the_documented_scikit_learn_lines_predict_the_same(tmp_path, monkeypatch, degree,
                                                            scaled):
    rng = np.random.default_rng(degree)
    n_outputs = len(polynomial_feature_names(("a", "b"), degree))
    coef, intercept = rng.normal(size=n_outputs) / 4, -0.3
    scaling = dict(scaler_mean=rng.normal(size=n_outputs),
                   scaler_scale=rng.uniform(1, 2, n_outputs)) if scaled else {}
    exported = model_to_json(coef, intercept, degree, ("radius", "texture"),
                             ("benign", "malignant"), **scaling)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "model.json").write_text(json.dumps(exported))
    X = rng.normal(size=(50, 2))
    namespace = {"X": X}
    exec(docstring_snippet(), namespace)
    assert isinstance(namespace["classifier"], LogisticRegression)
    expected = LogisticModel(coef, intercept, degree).predict_proba(X)
    np.testing.assert_allclose(namespace["probabilities"], expected, rtol=1e-12, atol=1e-15)
    assert list(namespace["classifier"].predict(namespace["phi"].transform(X[:3]))) == [
        ("benign", "malignant")[k] for k in LogisticModel(coef, intercept, degree).predict(X[:3])]


def test_model_json_names_features_in_scikit_learn_order():
    exported = model_to_json(np.zeros(9), 0.0, 3, ("a", "b"), ("0", "1"))
    sklearn_names = PolynomialFeatures(3, include_bias=False).fit(np.zeros((1, 2)))
    expected = [name.replace(" ", "*") for name in
                sklearn_names.get_feature_names_out(["a", "b"])]
    assert exported["features"]["names"] == expected
    assert exported["classes_"] == ["0", "1"] and exported["intercept_"] == [0.0]


def test_model_json_round_trip_and_errors():
    arguments = dict(coef=np.array([1.5, -2.0]), intercept=0.25, degree=1,
                     feature_names=("a", "b"), class_names=("x", "y"),
                     scaler_mean=np.array([1.0, 2.0]), scaler_scale=np.array([3.0, 4.0]))
    back = model_from_json(json.loads(json.dumps(model_to_json(**arguments))))
    for key, value in arguments.items():
        np.testing.assert_array_equal(back[key], value)
    with pytest.raises(SessionError, match=r"coef_\[0\]: must have 5 entries, got 2"):
        model_to_json(np.ones(2), 0.0, 2, ("a", "b"), ("x", "y"))
    with pytest.raises(SessionError, match=r"must be a finite number"):
        model_to_json(np.array([np.nan, 1.0]), 0.0, 1, ("a", "b"), ("x", "y"))
    broken = copy.deepcopy(model_to_json(**arguments))
    broken["version"] = 9
    with pytest.raises(SessionError, match="newer logreg-gui"):
        model_from_json(broken)


# -- history CSV -----------------------------------------------------------------------------


def test_history_csv_reads_back_exactly_with_pandas(tmp_path):
    rng = np.random.default_rng(0)
    n = 1000
    columns = {"iteration": np.arange(n), "J": rng.random(n), "test loss": np.full(n, np.nan),
               "‖∇J‖": rng.random(n) * 1e-9, "b": rng.normal(size=n), "w1": rng.normal(size=n)}
    columns["test loss"][::2] = rng.random(n // 2)
    path = tmp_path / "history.csv"
    history_to_csv(path, columns)
    exact = {"float_precision": "round_trip"} if int(pd.__version__.split(".")[0]) < 3 else {}
    back = pd.read_csv(path, **exact)  # pandas 3 rounds correctly by default
    assert list(back.columns) == list(columns)
    for name, values in columns.items():
        np.testing.assert_array_equal(back[name].to_numpy(), values)
    assert back["iteration"].dtype.kind == "i"


@pytest.mark.parametrize("columns, words", [
    ({}, "at least one column"),
    ({"a": [1, 2], "b": [1]}, "column 'b' has 1 values, the first column 2"),
    ({"a": np.zeros((2, 2))}, "column 'a' must be a one-dimensional array of numbers"),
    ({"a": ["x"]}, "column 'a' must be a one-dimensional array of numbers"),
    ({"": [1]}, "non-empty strings"),
])
def test_history_csv_refuses_bad_columns(tmp_path, columns, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        history_to_csv(tmp_path / "h.csv", columns)
    assert not (tmp_path / "h.csv").exists()
