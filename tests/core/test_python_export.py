"""The exported scikit-learn script, run as a subprocess, prints the app's J* coefficients."""

import subprocess
import sys

import numpy as np
import pytest

from logreg_gui.core.features import polynomial_features
from logreg_gui.core.python_export import python_script
from logreg_gui.core.scaling import Standardizer
from logreg_gui.core.state import TrainingOptions
from logreg_gui.core.table import dataset_from_file
from logreg_gui.core.training import Trainer
from tests.conftest import BREAST_CANCER, IRIS_OVERLAP, IRIS_SEPARABLE


def app_optimum(path, options, columns=(None, None, None), classes=None, test_fraction=0.0,
                random_state=0):
    """[intercept, *coef] of the app's J* minimiser, original units."""
    dataset = dataset_from_file(path, *columns, classes=classes)
    dataset = dataset.with_test_split(test_fraction, random_state)
    trainer = Trainer(dataset.X, dataset.y, dataset.test_mask, degree=options.degree,
                      standardize=options.standardize, l2=options.l2)
    theta = trainer.optimum().theta
    X = dataset.X[~dataset.test_mask]
    scaler = Standardizer.fit(polynomial_features(X, options.degree), options.standardize)
    coef, intercept = scaler.to_original(theta[:-1], theta[-1])
    return np.append(intercept, coef)


def run(script, tmp_path):
    """The numbers the script prints, in order, and the names before them."""
    path = tmp_path / "fit.py"
    path.write_text(script, encoding="utf-8")
    result = subprocess.run([sys.executable, "-W", "error", str(path)], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    lines = [line.rsplit(" = ", 1) for line in result.stdout.splitlines()]
    return [name for name, _ in lines], np.array([float(value) for _, value in lines])


def numeric_labels_file(tmp_path):
    """The breast-cancer data as semicolons, decimal commas and numeric grades 1–3."""
    source = dataset_from_file(BREAST_CANCER)
    grades = np.where(source.y == 1, 3, 1 + (np.arange(source.n_samples) % 2))
    rows = [f"{t:.2f};{r:.2f};{g}".replace(".", ",") for r, t, g in
            zip(source.X[:, 0], source.X[:, 1], grades, strict=True)]
    path = tmp_path / "grades.csv"
    path.write_text("texture;radius;grade\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


CASES = {
    "breast-d1-standardized": (BREAST_CANCER, TrainingOptions(degree=1), {}),
    "iris-d2-raw": (IRIS_OVERLAP, TrainingOptions(degree=2, standardize=False), {}),
    "breast-d2-penalised-split": (BREAST_CANCER, TrainingOptions(degree=2, l2=1.0),
                                  {"test_fraction": 0.25, "random_state": 3}),
    "separable-one-against-rest": (IRIS_SEPARABLE, TrainingOptions(degree=2, l2=0.1,
                                                                   standardize=False),
                                   {"classes": "versicolor,*"}),
}


@pytest.mark.parametrize("case", CASES)
def test_the_script_prints_the_apps_optimum(case, tmp_path):
    path, options, extra = CASES[case]
    script = python_script(path, options=options, **extra)
    names, printed = run(script, tmp_path)
    assert names[0] == "intercept" and len(printed) == len(app_optimum(path, options, **extra))
    np.testing.assert_allclose(printed, app_optimum(path, options, **extra), rtol=1e-5)


def test_chosen_columns_numeric_classes_and_decimal_commas(tmp_path):
    path = numeric_labels_file(tmp_path)
    options = TrainingOptions(degree=1, l2=0.5, standardize=False)
    columns = ("radius", "texture", "grade")
    script = python_script(path, *columns, classes="2,*", options=options)
    assert "decimal=','" in script and "sep=';'" in script
    names, printed = run(script, tmp_path)
    assert names == ["intercept", "radius", "texture"]
    np.testing.assert_allclose(printed, app_optimum(path, options, columns, "2,*"), rtol=1e-5)


def test_partly_given_columns_follow_the_readers_choice(tmp_path):
    path = numeric_labels_file(tmp_path)
    options = TrainingOptions(degree=1)
    script = python_script(path, label_column="grade", classes=("1", "3"), options=options)
    assert "table.iloc[:, [0, 1]]" in script and "isin([1.0, 3.0])" in script
    _, printed = run(script, tmp_path)
    expected = app_optimum(path, options, (None, None, "grade"), ("1", "3"))
    np.testing.assert_allclose(printed, expected, rtol=1e-5)


def test_only_the_cross_entropy_can_be_exported():
    with pytest.raises(ValueError, match="cross-entropy"):
        python_script(BREAST_CANCER, options=TrainingOptions(loss="mse"))
    with pytest.raises(ValueError, match="cross-entropy"):
        python_script(BREAST_CANCER)


def test_labels_compare_as_text_when_any_label_is_not_a_number(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text("a,b,label\n0,1,1\n1,0,2\n2,2,x\n3,1,1\n1,3,2\n", encoding="utf-8")
    script = python_script(path, classes=("1", "2"), options=TrainingOptions(l2=1.0))
    assert "labels = column.astype(str).str.strip()" in script
    assert "isin(['1', '2'])" in script and "(labels == '2')" in script
