"""What the window remembers between runs, and how it survives damaged settings."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from logreg_gui.app.run import _remembered_loss
from logreg_gui.qt.window.settings import VERSION, Settings
from tests.conftest import ROOT
from tests.qt.conftest import edit

CASES = ROOT / "tests" / "data"


def settings_store():
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "logreg-gui",
                     "logreg-gui")


def test_layout_loss_and_view_options_are_remembered(qtbot, make_window):
    first = make_window()
    edit(first, "contours", True)
    edit(first, "weight_vector", False)
    edit(first, "threshold", 0.7)
    edit(first, "loss", "mse")
    first.views.landscape_dock.setFloating(True)
    first.close()
    second = make_window()
    assert second.controls.value("contours")
    assert not second.controls.value("weight_vector")
    assert second.controls.value("threshold") == pytest.approx(0.7)
    assert second.views.landscape_dock.isFloating()
    assert _remembered_loss() == "mse"


def test_corrupt_settings_fall_back_to_defaults(qtbot, make_window):
    store = settings_store()
    store.setValue("meta/version", VERSION)
    for key, value in [("view/threshold", "nan"), ("training/loss", "banana"),
                       ("view/contours", "maybe"), ("view/log_scale", "true")]:
        store.setValue(key, value)
    store.sync()
    settings = Settings()
    assert settings.value("view/threshold") == 0.5
    assert settings.value("view/contours") is False and settings.value("view/log_scale") is True
    assert _remembered_loss() == "cross_entropy"
    window = make_window()
    assert window.controls.value("threshold") == 0.5


def test_a_stray_comma_in_the_settings_file_reads_as_the_default():
    store = settings_store()
    path = store.fileName()
    del store
    text = (CASES / "settings_stray_comma.ini").read_text()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f"[meta]\nversion={VERSION}\n\n{text}")
    settings = Settings()
    assert settings.value("view/contours") is False  # Qt reads 'false,' as a list
    assert settings.value("view/log_scale") is False


def test_settings_of_another_version_are_not_used(qtbot, make_window):
    store = settings_store()
    store.setValue("meta/version", VERSION - 1)
    store.setValue("view/threshold", "0.3")
    store.sync()
    assert Settings().value("view/threshold") == 0.5
    window = make_window()
    assert window.controls.value("threshold") == 0.5
    window.close()
    assert Settings().value("view/threshold") == 0.5  # written back as this version's
