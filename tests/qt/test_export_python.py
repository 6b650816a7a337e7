"""File > Export > Python script and --export-python: the script, run as a subprocess, prints the
app's J* coefficients (issue 13 §5)."""

import subprocess
import sys

import numpy as np
import pytest

from logreg_gui.app.arguments import build_parser
from logreg_gui.app.inputs import load_dataset, training_options
from logreg_gui.core.features import polynomial_features
from logreg_gui.core.scaling import Standardizer
from logreg_gui.core.state import TrainingOptions
from logreg_gui.core.training import Trainer
from tests.conftest import BREAST_CANCER, ROOT
from tests.core.test_python_export import run
from tests.qt.conftest import action, edit
from tests.qt.test_exports import answer_save


def optimum(dataset, options):
    """[intercept, *coef] of J*'s minimiser in original units, as the app computes it."""
    trainer = Trainer(dataset.X, dataset.y, dataset.test_mask, **vars(options))
    theta = trainer.optimum().theta
    X = dataset.X[~dataset.test_mask]
    scaler = Standardizer.fit(polynomial_features(X, options.degree), options.standardize)
    coef, intercept = scaler.to_original(theta[:-1], theta[-1])
    return np.append(intercept, coef)


def export(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "fit.py"
    answer_save(monkeypatch, path)
    action(window, "export_python").trigger()
    return path


def test_a_file_with_a_split_is_read_again_by_the_script(qtbot, make_window, tmp_path,
                                                         monkeypatch):
    window = make_window(options=TrainingOptions(degree=2), remember=False)
    edit(window, "random_state", 4)
    assert window.open_csv(BREAST_CANCER)
    edit(window, "test_fraction", 0.25)
    path = export(qtbot, window, tmp_path, monkeypatch)
    script = path.read_text(encoding="utf-8")
    assert str(BREAST_CANCER) in script and not (tmp_path / "fit_points.csv").exists()
    _, printed = run(script, tmp_path)
    np.testing.assert_allclose(printed, optimum(window.points.dataset, window.training_options()),
                               rtol=1e-5)


def test_edited_points_go_to_a_csv_beside_the_script(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window(options=TrainingOptions(l2=0.5), remember=False)
    window.points.add_point((4.0, -1.0), 1)  # generated blobs and a hand-placed point
    path = export(qtbot, window, tmp_path, monkeypatch)
    assert (tmp_path / "fit_points.csv").exists()
    assert "fit_points.csv" in window.statusBar().currentMessage()
    _, printed = run(path.read_text(encoding="utf-8"), tmp_path)
    np.testing.assert_allclose(printed, optimum(window.points.dataset, window.training_options()),
                               rtol=1e-5)


def test_the_squared_error_cannot_be_exported(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window(options=TrainingOptions(loss="mse"), remember=False)
    shown = []
    monkeypatch.setattr("logreg_gui.qt.window.export_dialogs.show_error",
                        lambda parent, title, text: shown.append(text))
    export(qtbot, window, tmp_path, monkeypatch)
    assert shown and "cross-entropy" in shown[0] and not (tmp_path / "fit.py").exists()


def cli(*arguments, cwd):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *arguments], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("arguments, beside", [
    (["--data", str(BREAST_CANCER), "--degree", "2", "--test-fraction", "0.2", "--seed", "3"],
     False),
    (["--dataset", "moons", "--degree", "3", "--l2", "0.1"], True)], ids=["file", "generated"])
def test_the_command_line_writes_the_script(tmp_path, arguments, beside):
    result = cli(*arguments, "--steps", "1", "--export-python", "out.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out_points.csv").exists() == beside
    names, printed = run((tmp_path / "out.py").read_text(encoding="utf-8"), tmp_path)
    parser = build_parser()
    args = parser.parse_args(arguments)
    dataset, _ = load_dataset(args, parser)
    expected = optimum(dataset, training_options(args, parser, dataset, "cross_entropy"))
    assert names[0] == "intercept"
    np.testing.assert_allclose(printed, expected, rtol=1e-5)


def test_the_command_line_refuses_the_squared_error(tmp_path):
    result = cli("--loss", "mse", "--export-python", "out.py", "--steps", "1", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("logreg-gui: error: --export-python:")
    assert "cross-entropy" in result.stderr
