"""What the window exports: pictures of a plot or of the window (PNG, SVG), the loss history
(CSV), the model (JSON) and animations of the run (GIF, MP4); every file written atomically."""

import json
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QWidget

from logreg_gui.core.features import polynomial_feature_names
from logreg_gui.core.history import history_columns
from logreg_gui.core.io import atomic_write_bytes, history_to_csv, trained_model_json
from logreg_gui.core.io.animation_file import animation_bytes, check_format
from logreg_gui.core.recording import frame_iterations

PICTURE_SUFFIXES = (".png", ".svg")
ANIMATION_WIDTH = 640  # px: frames wider than this are scaled down


def picture_bytes(widget, suffix):
    """A PNG or SVG picture of `widget`: a plot's PNG through pyqtgraph's ImageExporter (at the
    plot's size, without the widget's frame), anything else as Qt renders it.

    Raises
    ------
    ValueError
        For another suffix.
    """
    if suffix not in PICTURE_SUFFIXES:
        raise ValueError(f"a picture is written as .png or .svg, got {suffix!r}")
    if suffix == ".svg":
        # Not pyqtgraph's SVGExporter: with Qt 6.11 it fails on Qt's path syntax
        # (pyqtgraph issue 3485); Qt's own generator draws the same items as vectors.
        return _svg(widget)
    if isinstance(widget, pg.PlotWidget):
        return _png(ImageExporter(widget.getPlotItem()).export(toBytes=True))
    return _png(widget.grab().toImage())


def _png(image):
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def _svg(widget):
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setViewBox(widget.rect())
    generator.setTitle(widget.windowTitle() or "logreg-gui")
    painter = QPainter(generator)
    QWidget.render(widget, painter, QPoint())  # not QGraphicsView.render: the widget as shown
    painter.end()
    return bytes(data)


def export_picture(widget, path):
    """Write :func:`picture_bytes` of `widget` to `path` (its suffix says PNG or SVG).

    Raises
    ------
    ValueError
        For another suffix.
    OSError
        If the file cannot be written.
    """
    atomic_write_bytes(path, picture_bytes(widget, Path(path).suffix.lower()))


def export_history(window, path):
    """Write the loss history (iteration, J, test loss, ‖∇J‖, b, w…) as CSV.

    Raises
    ------
    OSError
        If the file cannot be written.
    """
    frame = window.frame
    names = polynomial_feature_names(frame.dataset.feature_names, frame.options.degree)
    history_to_csv(path, history_columns(window.timeline, names))


def export_model(window, path):
    """Write the model shown (live or scrubbed) as JSON for scikit-learn.

    Raises
    ------
    OSError
        If the file cannot be written.
    """
    frame = window.frame
    document = trained_model_json(frame.model, frame.dataset, frame.options)
    atomic_write_bytes(path, (json.dumps(document, indent=2) + "\n").encode("utf-8"))


def animation_frames(window, widget, progress=None):
    """Pictures of `widget` at up to :data:`~logreg_gui.core.recording.MAX_FRAMES` recorded
    iterations of the run, as the history slider shows them (the window then goes back to the
    iteration it showed).

    Parameters
    ----------
    window : MainWindow
    widget : QWidget
        What to picture (the window or a panel).
    progress : callable (done, total) → bool, optional
        Called before each frame; returning False cancels.

    Returns
    -------
    list of ndarray of uint8, each of shape (height, width, 3), or None when cancelled
    """
    iterations = frame_iterations(window.timeline.parameters.iterations)
    shown = window.shown_iteration
    frames = []
    try:
        for done, iteration in enumerate(iterations):
            if progress is not None and not progress(done, len(iterations)):
                return None
            window.show_iteration(int(iteration))
            QApplication.processEvents()
            frames.append(_rgb(widget.grab().toImage()))
    finally:
        window.show_iteration(shown)
    return frames


def _rgb(image):
    if image.width() > ANIMATION_WIDTH:
        image = image.scaledToWidth(ANIMATION_WIDTH, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(),
                                                                  image.bytesPerLine())
    return rows[:, :3 * image.width()].reshape(image.height(), image.width(), 3).copy()


def export_animation(window, widget, path, progress=None, fps=10):
    """Write an animation of the run (GIF, or MP4 with the optional video packages).

    Returns
    -------
    bool
        False when cancelled through `progress` (nothing is written then).

    Raises
    ------
    ValueError
        For another suffix, without recorded history, or MP4 without its packages.
    OSError
        If the file cannot be written.
    """
    suffix = Path(path).suffix.lower()
    check_format(suffix)  # before the frames are made
    frames = animation_frames(window, widget, progress)
    if frames is None:
        return False
    atomic_write_bytes(path, animation_bytes(frames, suffix, fps))
    return True
