"""Exports: pictures (PNG, SVG) of every plot and the window, the loss history (CSV), the model
(JSON, checked against scikit-learn), animations (GIF, MP4); presentation mode."""

import io
import json
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest
from PIL import Image, ImageChops
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QToolBar
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import PolynomialFeatures

from logreg_gui.core.io.animation_file import mp4_available
from logreg_gui.core.state import TrainingOptions
from logreg_gui.qt.window import exports
from tests.conftest import BREAST_CANCER
from tests.qt.conftest import action, edit, latest, step

PANELS = ("window", "data", "sigmoid", "loss", "landscape")


def answer_save(monkeypatch, path):
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(path), ""))


@pytest.mark.parametrize("name", PANELS)
def test_png_and_svg_of_each_plot_and_the_window(qtbot, window, tmp_path, monkeypatch, name):
    step(qtbot, window, 3)
    png = tmp_path / f"{name}.png"
    answer_save(monkeypatch, png)
    action(window, f"export_{name}").trigger()
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 50 and image.height() > 50
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 5  # a drawing, not a blank
    svg = tmp_path / f"{name}.svg"
    exports.export_picture(window.panel_widget(name), svg)
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and len(list(root.iter())) > 10


def test_a_picture_without_suffix_becomes_png_and_errors_are_shown(qtbot, window, tmp_path,
                                                                  monkeypatch):
    answer_save(monkeypatch, tmp_path / "plot")
    action(window, "export_data").trigger()
    assert not QImage(str(tmp_path / "plot.png")).isNull()
    answer_save(monkeypatch, tmp_path / "missing" / "plot.png")
    action(window, "export_data").trigger()
    error = window.findChild(QMessageBox, "error_box")
    assert "Cannot export the data as a picture" in error.windowTitle()
    assert "missing" in error.text()


def test_each_plot_menu_offers_the_picture_export(window):
    for plot in window.views.plots:
        texts = [a.text() for a in plot.getViewBox().menu.actions()]
        assert "Export as picture (PNG, SVG)…" in texts


def test_the_history_csv_holds_the_run(qtbot, window, tmp_path, monkeypatch):
    edit(window, "test_fraction", 0.3)
    step(qtbot, window, 5)
    path = tmp_path / "history.csv"
    answer_save(monkeypatch, path)
    action(window, "export_history").trigger()
    table = pd.read_csv(path)
    assert list(table.columns) == ["iteration", "J", "test loss", "‖∇J‖", "b", "w x1", "w x2"]
    curve = window.timeline.losses
    np.testing.assert_array_equal(table["iteration"], curve.iterations)
    np.testing.assert_array_equal(table["J"], curve.losses)
    state = latest(window).state
    last = table.iloc[-1]
    assert last["iteration"] == 5 and last["‖∇J‖"] == state.gradient_norm
    assert last["b"] == state.intercept_
    np.testing.assert_array_equal(last[["w x1", "w x2"]].to_numpy(float), state.coef_)
    assert np.isfinite(table["test loss"].iloc[1:]).all()


@pytest.mark.parametrize("degree, standardize", [(1, True), (3, True), (2, False)])
def test_the_model_json_predicts_as_scikit_learn(qtbot, make_window, tmp_path, monkeypatch,
                                                 degree, standardize):
    window = make_window(options=TrainingOptions(degree=degree, standardize=standardize,
                                                 learning_rate=0.5 if standardize else 0.01))
    window.open_csv(BREAST_CANCER)
    step(qtbot, window, 20)
    path = tmp_path / "model.json"
    answer_save(monkeypatch, path)
    action(window, "export_model").trigger()
    model = json.loads(path.read_text(encoding="utf-8"))
    # The lines the README documents:
    classifier = LogisticRegression()
    classifier.coef_ = np.array(model["coef_"])
    classifier.intercept_ = np.array(model["intercept_"])
    classifier.classes_ = np.array(model["classes_"])
    X = window.points.dataset.X
    phi = PolynomialFeatures(model["features"]["degree"], include_bias=False).fit(X[:1])
    probabilities = classifier.predict_proba(phi.transform(X))
    np.testing.assert_allclose(probabilities[:, 1],
                               window.frame.model.predict_proba(X)[:, 1], rtol=1e-9, atol=1e-12)
    assert list(classifier.predict(phi.transform(X[:3]))) == [
        window.points.dataset.class_names[k] for k in window.frame.model.predict(X[:3])]
    assert (model["scaling"] is not None) == standardize


def frames_of(path):
    frames = []
    with Image.open(path) as image:
        for k in range(image.n_frames):
            image.seek(k)
            frames.append(image.convert("RGB"))
    return frames


def test_the_animation_shows_the_run_with_a_progress_bar(qtbot, window, tmp_path, monkeypatch):
    step(qtbot, window, 30)
    path = tmp_path / "run.gif"
    answer_save(monkeypatch, path)
    seen = []
    original = QProgressDialog.setValue
    monkeypatch.setattr(QProgressDialog, "setValue",
                        lambda self, value: seen.append(value) or original(self, value))
    shown = window.shown_iteration
    action(window, "export_animation").trigger()
    frames = frames_of(path)
    recorded = len(window.timeline.parameters.iterations)
    assert len(frames) == min(recorded, 60) and len(frames) > 5
    assert ImageChops.difference(frames[0], frames[-1]).getbbox() is not None
    assert seen[:2] == [0, 1]
    assert window.shown_iteration == shown and window.frame.live


def test_cancelling_an_animation_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    step(qtbot, window, 10)
    path = tmp_path / "run.gif"
    assert not exports.export_animation(window, window, path, lambda done, total: done < 3)
    assert not path.exists()


@pytest.mark.skipif(not mp4_available(), reason="the optional video packages are missing")
# imageio-ffmpeg leaves its pipes to ffmpeg for the garbage collector to close.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_mp4_where_the_encoder_is_there(qtbot, window, tmp_path):
    step(qtbot, window, 10)
    path = tmp_path / "run.mp4"
    assert exports.export_animation(window, window.views.data_plot, path)
    import imageio.v3 as iio

    video = iio.imread(io.BytesIO(path.read_bytes()), extension=".mp4")
    assert video.shape[0] == len(window.timeline.parameters.iterations)


def test_presentation_mode_hides_the_controls_and_scales_the_fonts(qtbot, window):
    size = window.font().pointSizeF()
    action(window, "presentation").trigger()
    assert window.isFullScreen() and window.font().pointSizeF() == pytest.approx(1.5 * size)
    assert not window.views.controls_dock.isVisible()
    assert not window.views.status_dock.isVisible()
    assert window.views.formulas_dock.isVisible() and window.views.data_plot.isVisible()
    assert not any(bar.isVisible() for bar in window.findChildren(QToolBar))
    assert not window.menuBar().isVisible()
    assert not window.views.traces_plot.isVisible()  # the loss plot gets all of its dock
    action(window, "presentation").trigger()
    assert window.menuBar().isVisible() and window.views.traces_plot.isVisible()
    assert not window.isFullScreen() and window.font().pointSizeF() == pytest.approx(size)
    assert window.views.controls_dock.isVisible()
    assert all(bar.isVisible() for bar in window.findChildren(QToolBar))


def test_pyqtgraphs_own_export_dialog_is_not_offered(window):
    for plot in window.views.plots:
        assert plot.scene().contextMenu == []
