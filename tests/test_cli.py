import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from PIL import Image, ImageChops
from PySide6.QtGui import QImage
from sklearn.linear_model import LogisticRegression

from logreg_gui.core.data import Dataset, read_csv
from logreg_gui.core.io import SessionParts, save_session, session_document
from logreg_gui.core.session import TrainingSession, train
from logreg_gui.core.state import TrainingOptions
from tests.conftest import BREAST_CANCER, DATASETS, FINITE_OPTIMUM, IRIS_SEPARABLE, ROOT

REPORT_FIELDS = {"coef", "intercept", "loss", "accuracy", "iterations", "converged", "diverged",
                 "n_samples", "class_names", "feature_names", "learning_rate", "standardize"}


def run(*args, timeout=120):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def report_of(tmp_path, *args):
    out = tmp_path / "report.json"
    result = run("--headless", *args, "--report", out)
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text())


@pytest.mark.parametrize("path", FINITE_OPTIMUM, ids=lambda p: p.stem)
def test_headless_report_matches_scikit_learn(tmp_path, path):
    report = report_of(tmp_path, "--data", path, "--steps", 50_000, "--learning-rate", 1)
    assert REPORT_FIELDS <= report.keys()
    dataset = read_csv(path)
    reference = LogisticRegression(C=np.inf, tol=1e-12, max_iter=100_000).fit(dataset.X, dataset.y)
    assert report["converged"] and not report["diverged"]
    assert report["iterations"] < 50_000
    np.testing.assert_allclose(report["coef"], reference.coef_[0], rtol=1e-3)
    assert report["intercept"] == pytest.approx(reference.intercept_[0], rel=1e-3)
    assert report["accuracy"] == pytest.approx(reference.score(dataset.X, dataset.y))
    assert report["n_samples"] == dataset.n_samples
    assert report["class_names"] == list(dataset.class_names)
    assert report["feature_names"] == list(dataset.feature_names)
    assert report["learning_rate"] == 1.0 and report["standardize"] is True


def test_headless_separable_iris_classifies_everything_without_converging(tmp_path):
    report = report_of(tmp_path, "--data", IRIS_SEPARABLE, "--steps", 5000, "--learning-rate", 1)
    assert report["accuracy"] == 1.0 and report["iterations"] == 5000
    assert not report["converged"] and not report["diverged"]
    assert report["class_names"] == ["setosa", "versicolor"]


def test_generated_data_is_reproducible_and_options_are_reported(tmp_path):
    args = ("--dataset", "blobs", "--seed", 3, "--n-samples", 60, "--steps", 7, "--no-standardize")
    first, second = report_of(tmp_path, *args), report_of(tmp_path, *args)
    assert first == second
    assert first["n_samples"] == 60 and first["iterations"] == 7 and first["standardize"] is False
    other = report_of(tmp_path, "--seed", 4, "--n-samples", 60, "--steps", 7)
    assert other["coef"] != first["coef"]


def test_screenshot_renders_the_window(tmp_path):
    out = tmp_path / "shot.png"
    result = run("--headless", "--data", BREAST_CANCER, "--steps", 200, "--screenshot", out)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() >= 1000 and image.height() >= 600
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 37)
               for y in range(0, image.height(), 37)}
    assert len(colours) > 20  # plots, shading and points, not a blank window


def test_screenshots_of_the_hands_on_panels(tmp_path):
    """The Parameters panel (with the curvature computed although its tab is behind another's)
    and Explain step told to its end."""
    sizes = {}
    for panel in ("parameters", "explain"):
        out = tmp_path / f"{panel}.png"
        result = run("--data", BREAST_CANCER, "--optimizer", "momentum", "--steps", 20,
                     "--screenshot", out, "--panel", panel)
        assert result.returncode == 0, result.stderr
        image = QImage(str(out))
        sizes[panel] = (image.width(), image.height())
    assert sizes["parameters"][1] >= 250  # sliders, button and the curvature's lines
    assert sizes["explain"][1] >= 350  # eight sub-steps above the formulas


@pytest.mark.parametrize("args, words", [
    (["--data", "missing.csv"], "no such file"),
    (["--data", DATASETS / ".." / ".." / "README.md"], "README.md"),
    (["--learning-rate", "0"], "must be ≥ 1e-06 and ≤ 1000"),
    (["--seed", "-1"], "--seed: must be from 0 to 4294967295, got -1"),
    (["--seed", "5000000000"], "--seed: must be from 0 to 4294967295, got 5000000000"),
    (["--l2", "-1e-3"], "--l2: must be ≥ 0 and ≤ 1e+06, got -1e-3"),
    (["--batch-size", "101"], "--batch-size must be at most the 100 training points, got 101"),
    (["--n-samples", "100000000000"], "--n-samples: must be from 2 to 1000000"),
    (["--report", ""], "output file name"),
    (["--report", "/proc/version"], "cannot write /proc/version"),
    (["--learning-rate", "fast"], "not a number"),
    (["--learning-rate", "nan"], "finite"),
    (["--steps", "-1"], "at least 0"),
    (["--n-samples", "1"], "--n-samples: must be from 2"),
    (["--dataset", "banana"], "invalid choice"),
    (["--l2", "-0.5"], "--l2: must be ≥ 0 and ≤ 1e+06"),
    (["--degree", "0"], "--degree: must be from 1 to 6"),
    (["--degree", "7"], "--degree: must be from 1 to 6"),
    (["--optimizer", "lbfgs"], "--optimizer: invalid choice"),
    (["--optimizer", "sgd", "--batch-size", "0"], "--batch-size: must be from 1 to 1000000"),
    (["--optimizer", "sgd", "--n-samples", "50", "--batch-size", "51"], "at most the 50 training"),
    (["--optimizer", "sgd", "--test-fraction", "0.5", "--n-samples", "50", "--batch-size", "27"],
     "at most the 26 training"),  # 12 of each class of 25 held out
    (["--test-fraction", "0.6"], "--test-fraction: must be ≥ 0 and ≤ 0.5"),
    (["--test-fraction", "-0.1"], "--test-fraction"),
    (["--momentum", "1"], "--momentum: must be ≥ 0 and < 1"),
    (["--noise", "-1"], "--noise"),
    (["--data", BREAST_CANCER, "--noise", "0.5"], "--noise apply to generated data"),
    (["--data", BREAST_CANCER, "--dataset", "blobs"], "not allowed with"),
    (["--data", BREAST_CANCER, "--n-samples", "5"], "--n-samples"),
    (["--bogus"], "unrecognized"),
    (["--headless", "--report", "/nonexistent-dir/r.json"], "cannot write"),
])
def test_usage_and_input_errors_exit_2_with_one_line(args, words):
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert lines[0].startswith("logreg-gui: error:")


def test_bad_csv_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,c\n1,2,x\n1,2,y\n3,4,z\n")
    result = run("--headless", "--data", bad)
    assert result.returncode == 2
    assert f"{bad}, line 4: a third label 'z'" in result.stderr


def test_a_window_deleted_without_closing_still_joins_its_thread():
    script = (
        "import gc\n"
        "from PySide6.QtCore import QEventLoop, QTimer\n"
        "from logreg_gui.qt.window.application import application\n"
        "app = application()\n"
        "from logreg_gui import MainWindow\n"
        "def spin(ms):\n"
        "    loop = QEventLoop(); QTimer.singleShot(ms, loop.quit); loop.exec()\n"
        "window = MainWindow(); window.show(); window.controller.play(); spin(200)\n"
        "window.deleteLater(); spin(100)\n"
        "other = MainWindow(); other.controller.play(); spin(100)\n"
        "del other; gc.collect(); spin(100)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "Destroyed while thread" not in result.stderr


def test_a_seed_beyond_32_bit_signed_integers_trains_and_renders(tmp_path):
    report = report_of(tmp_path, "--seed", 3_000_000_000, "--steps", 5)
    assert report["random_state"] == 3_000_000_000 and report["iterations"] == 5
    out = tmp_path / "s.png"
    result = run("--seed", 3_000_000_000, "--steps", 5, "--screenshot", out)
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() > 0


def test_sgd_without_a_batch_size_uses_every_point_of_a_small_file(tmp_path):
    report = report_of(tmp_path, "--data", ROOT / "tests" / "data" / "small_twenty.csv",
                       "--optimizer", "sgd", "--steps", 3)
    assert report["n_train"] == 20 and report["batch_size"] == 20
    assert report["iterations"] == 3 and report["epochs"] == 3  # one batch = all 20 points


def test_a_screenshot_needs_no_display(tmp_path):
    out = tmp_path / "s.png"
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--steps", "3",
                             "--screenshot", str(out)], env=env, cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert QImage(str(out)).width() > 0


def test_window_values_from_the_command_line_are_passed_on(monkeypatch):
    from logreg_gui import app
    from logreg_gui.qt.window import application

    seen = {}
    monkeypatch.setattr(application, "run_window",
                        lambda dataset, options, source, session, values:
                        seen.update(values) or 0)
    assert app.main(["--dataset", "moons", "--n-samples", "300", "--noise", "0.5",
                     "--threshold", "0.2"]) == 0
    assert seen == {"dataset": "moons", "n_samples": 300, "noise": 0.5, "threshold": 0.2}


def test_help_says_what_no_standardize_does():
    result = run("--help")
    assert "train on the raw features instead of standardized ones" in result.stdout


CASES = ROOT / "tests" / "core" / "cases"


def test_quasi_complete_separation_is_reported_with_its_infimum(tmp_path):
    report = report_of(tmp_path, "--data", CASES / "quasi_separation.csv", "--optimizer",
                       "newton")
    assert report["status"] == "no finite optimum" and not report["converged"]
    assert report["separation"] == "quasi-complete" and report["optimal_loss"] is None
    assert "quasi-complete separation" in report["optimal_loss_reason"]
    assert report["optimal_loss_infimum"] == pytest.approx(np.log(2) / 2, rel=1e-5)


def test_tiny_units_give_the_unit_scale_fit(tmp_path):
    report = report_of(tmp_path, "--data", CASES / "tiny_units.csv", "--optimizer", "newton")
    assert report["status"] == "converged"
    np.testing.assert_allclose(report["coef"], [1.902e15, 4.047e14], rtol=1e-3)
    assert report["intercept"] == pytest.approx(-13.046, rel=1e-4)
    assert report["optimal_loss"] == pytest.approx(0.551629, rel=1e-6)
    assert report["accuracy"] == 0.75


def test_newton_on_raw_features_at_1e8_reaches_the_optimum(tmp_path):
    report = report_of(tmp_path, "--data", CASES / "raw_scale_1e8.csv", "--optimizer", "newton",
                       "--no-standardize")
    assert report["status"] == "converged"
    assert report["loss"] == pytest.approx(0.48514156, rel=1e-8)
    np.testing.assert_allclose(report["coef"], [1.42452258e-08, 1.16697452e-08], rtol=1e-6)
    assert report["intercept"] == pytest.approx(-1.25692972, rel=1e-6)


def test_the_exact_optimum_of_an_ill_conditioned_problem(tmp_path):
    report = report_of(tmp_path, "--data", BREAST_CANCER, "--degree", 6, "--optimizer",
                       "newton")
    assert report["optimal_loss"] == pytest.approx(0.2040121, rel=1e-6)
    assert report["loss"] == pytest.approx(report["optimal_loss"], rel=1e-9)


def test_divergence_is_flagged_long_before_the_loss_is_infinite(tmp_path):
    report = report_of(tmp_path, "--data", BREAST_CANCER, "--no-standardize",
                       "--learning-rate", 10)
    assert report["status"] == "diverging" and report["diverged"]
    assert report["iterations"] < 200 and report["loss"] < 1e6  # finite, far above J*


def test_tol_is_on_the_command_line_and_in_the_report(tmp_path):
    report = report_of(tmp_path, "--tol", "1e-3", "--steps", 20_000, "--learning-rate", 1)
    assert report["tol"] == 1e-3 and report["status"] == "converged"


DATA = ROOT / "tests" / "data"
WDBC = DATASETS / "breast_cancer_wdbc.csv"


@pytest.mark.parametrize("name, words", [
    ("underscore_digits.csv", "underscore_digits.csv, line 3: feature 'x1' is '1_5', not a "
                              "number"),
    ("stray_quote.csv", "stray_quote.csv, line 4: a quote '\"' opens field 1"),
])
def test_failing_inputs_name_their_line(name, words):
    result = run("--headless", "--data", DATA / name)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def test_columns_by_name_and_index_match_pandas(tmp_path):
    report = report_of(tmp_path, "--data", WDBC, "--x-column", "worst_radius", "--y-column", "1",
                       "--label-column", "diagnosis", "--steps", 5)
    assert report["input_feature_names"] == ["worst_radius", "mean_texture"]
    reference = pd.read_csv(WDBC)
    dataset = Dataset.from_arrays(reference[["worst_radius", "mean_texture"]],
                                  reference["diagnosis"])
    model = TrainingSession(dataset, TrainingOptions())
    train(model, 5)
    np.testing.assert_allclose(report["coef"], model.trainer.state().coef_, rtol=1e-12)


def test_classes_pick_two_labels_or_one_against_the_rest(tmp_path):
    path = tmp_path / "three.csv"
    path.write_text("a;b;kind\n1,5;2;x\n3;4;y\n5;6;z\n7;8;x\n2;2;z\n", encoding="utf-8")
    report = report_of(tmp_path, "--data", path, "--classes", "x,z", "--steps", 1)
    assert report["class_names"] == ["x", "z"] and report["n_samples"] == 4
    report = report_of(tmp_path, "--data", path, "--classes", "y,*", "--steps", 1)
    assert report["class_names"] == ["not y", "y"] and report["n_samples"] == 5


@pytest.mark.parametrize("args, words", [
    (["--x-column", "a"], "--x-column applies to a table given with --data"),
    (["--data", WDBC, "--x-column", "nope"], "x_column 'nope' is not a column"),
    (["--data", WDBC, "--classes", "a"], "expected two labels separated by a comma"),
    (["--animate", "run.png"], "--animate: an animation is written as .gif or .mp4"),
    (["missing.logreg.json"], "missing.logreg.json: no such file"),
])
def test_new_options_fail_with_one_line(args, words):
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def test_a_table_as_the_argument_is_read_like_data(tmp_path):
    report = report_of(tmp_path, BREAST_CANCER, "--steps", 2)
    assert report["n_samples"] == 569 and report["class_names"] == ["benign", "malignant"]


def saved_session(tmp_path, steps):
    dataset = read_csv(BREAST_CANCER).with_test_split(0.2, 3)
    session = TrainingSession(dataset, TrainingOptions(learning_rate=0.5))
    train(session, steps)
    state = session.trainer.state()
    curve = np.array([s for s in range(steps + 1)]), np.full(steps + 1, 0.5)
    parts = SessionParts(dataset, session.options, {"test_fraction": 0.2, "threshold": 0.4},
                         None, state.theta, state.iteration, curve)
    path = tmp_path / "lesson.logreg.json"
    save_session(path, session_document(parts))
    return path


def test_a_session_file_continues_headless_from_its_theta(tmp_path):
    path = saved_session(tmp_path, 10)
    continued = report_of(tmp_path, path, "--steps", 25)
    assert continued["iterations"] == 25 and continued["learning_rate"] == 0.5
    dataset = read_csv(BREAST_CANCER).with_test_split(0.2, 3)
    assert continued["n_test"] == dataset.test_mask.sum() > 0  # the saved split
    straight = TrainingSession(dataset, TrainingOptions(learning_rate=0.5))
    train(straight, 25)  # gradient descent keeps no state: 10 + 15 steps = 25 steps
    np.testing.assert_allclose(continued["coef"], straight.trainer.state().coef_, rtol=1e-9)


@pytest.mark.parametrize("args, words", [
    (["--data", BREAST_CANCER], "--data cannot be combined with a session file"),
    (["--x-column", "a"], "--x-column cannot be combined with a session file"),
    (["--optimizer", "newton", "--loss", "mse"], "optimizer newton needs a convex loss"),
])
def test_a_session_refuses_what_contradicts_it(tmp_path, args, words):
    result = run(saved_session(tmp_path, 1), "--headless", *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def test_a_newer_session_is_refused_with_one_line(tmp_path):
    path = saved_session(tmp_path, 1)
    path.write_text(path.read_text().replace('"version": 1', '"version": 7'))
    result = run(path, "--headless")
    assert result.returncode == 2
    assert "made by a newer logreg-gui (session version 7" in result.stderr.strip()


def test_animate_writes_a_gif_of_the_run(tmp_path):
    out = tmp_path / "run.gif"
    result = run("--data", IRIS_SEPARABLE, "--steps", 200, "--animate", out, "--panel", "data")
    assert result.returncode == 0, result.stderr
    with Image.open(out) as image:
        frames = []
        for k in range(image.n_frames):
            image.seek(k)
            frames.append(image.convert("RGB"))
    assert len(frames) > 30  # a frame for each share of the run, and iteration 0
    assert ImageChops.difference(frames[0], frames[-1]).getbbox() is not None
    assert ImageChops.difference(frames[len(frames) // 2], frames[-1]).getbbox() is not None


@pytest.mark.parametrize("arguments, words", [
    (["--headless", "--panel", "roc"], "--panel applies to --screenshot and --animate"),
    (["--steps", "5", "--show", "contours"], "--show applies to --screenshot and --animate"),
    (["--show", "trail"], "--show applies to --screenshot and --animate"),  # the window too
    (["--steps", "5", "--threshold", "0.3"], "--threshold applies to the window"),
])
def test_picture_options_without_a_picture_are_refused(capsys, arguments, words):
    """A newcomer's `--headless --panel roc` exited 0 and did nothing with the option."""
    from logreg_gui import app

    with pytest.raises(SystemExit) as stopped:
        app.main(["--dataset", "blobs", *arguments])
    assert stopped.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert words in error[-1] and error[-1].startswith("logreg-gui: error:")
