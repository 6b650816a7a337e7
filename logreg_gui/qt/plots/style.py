"""Colours and markers shared by the plots (Okabe–Ito colour-blind-safe pair)."""

import html
import math
from types import MappingProxyType

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

CLASS_COLORS = ("#0072B2", "#E69F00")  # blue, orange
CLASS_SYMBOLS = ("o", "t1")  # circle, upward triangle
BOUNDARY_PEN = pg.mkPen("#222222", width=2.5)
MAX_DRAWN_POINTS = 4000  # points drawn per scatter; more would slow every frame
MAX_NAME_LENGTH = 32


def label_text(name):
    """A feature or class name for rich-text labels: shortened with '…' and HTML-escaped, so a
    name such as 'x<sub>1</sub>' or a 150-character header is shown as plain, bounded text."""
    name = str(name)
    if len(name) > MAX_NAME_LENGTH:
        name = name[:MAX_NAME_LENGTH - 1] + "…"
    return html.escape(name)


def class_text(label, name):
    """'class 0' when the class is named by its number, else 'class 0: benign' (plain text)."""
    name = str(name)
    return f"class {label}" if name == str(label) else f"class {label}: {name}"


def class_style(label, size=9, hollow=False):
    """Keyword arguments for a ScatterPlotItem showing class `label` (0 or 1); hollow markers
    (test points) have a coloured outline and no fill."""
    if hollow:
        return {"symbol": CLASS_SYMBOLS[label], "size": size, "brush": None,
                "pen": pg.mkPen(CLASS_COLORS[label], width=1.8)}
    return {"symbol": CLASS_SYMBOLS[label], "size": size,
            "brush": pg.mkBrush(CLASS_COLORS[label]), "pen": pg.mkPen("#ffffff", width=0.8)}


def probability_colormap():
    """Light blue (P = 0) → white (P = 0.5) → light orange (P = 1), matching the class colours."""
    return pg.ColorMap(np.array([0.0, 0.5, 1.0]),
                       np.array([[160, 205, 235, 255], [255, 255, 255, 255],
                                 [245, 210, 140, 255]], dtype=np.ubyte))


def drawn_subset(n_samples, random_state=0):
    """Indices of at most MAX_DRAWN_POINTS samples to draw (all of them when few).

    Returns
    -------
    ndarray of int64, shape (min(n_samples, MAX_DRAWN_POINTS),)
        Sorted, reproducible for the same n_samples.
    """
    if n_samples <= MAX_DRAWN_POINTS:
        return np.arange(n_samples)
    rng = np.random.default_rng(random_state)
    return np.sort(rng.choice(n_samples, MAX_DRAWN_POINTS, replace=False))


def nice_ceiling(value):
    """The smallest number of the form {1, 2, 5}·10^k that is ≥ value (value > 0)."""
    decade = 10.0 ** math.floor(math.log10(value))
    return next(step * decade for step in (1, 2, 5, 10) if step * decade >= value)


def configure_pyqtgraph():
    """pyqtgraph's global options, set before any image is drawn (idempotent): the probability
    grids are indexed [row = y, column = x]."""
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)


class KeySample(pg.ItemSample):
    """A legend symbol that ignores clicks (pyqtgraph's own hides the item it stands for, and a
    student would think the points or the curve gone)."""

    def mouseClickEvent(self, event):
        """Do nothing: what the symbol stands for stays visible."""
        event.ignore()


class StyledPlot(pg.PlotWidget):
    """A white PlotWidget with an object name, axis labels, a light grid and cached axes.

    Axis text is slow to render (about 9 ms per axis offscreen); caching the axes as pixmaps
    means they are only redrawn when their range really changes.
    """

    def __init__(self, name, x_label, y_label, parent=None, view_box=None):
        configure_pyqtgraph()
        super().__init__(parent, background="w", viewBox=view_box)
        self.setObjectName(name)
        self.setLabel("bottom", x_label)
        self.setLabel("left", y_label)
        self.showGrid(x=True, y=True, alpha=0.15)
        for axis in ("left", "bottom"):
            self.getAxis(axis).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.getAxis(axis).enableAutoSIPrefix(False)  # "(x1e+27)" confuses students
        self._named = {}
        self.hover_text = ""
        # The read-out of what the pointer rests on: in a corner, up while the pointer stays
        # (a tooltip vanished whenever the plot repainted during training).
        self._readout = pg.TextItem(color="k", anchor=(1, 0), fill=pg.mkBrush(255, 255, 255, 230),
                                    border=pg.mkPen("#888888"))
        self._readout.setParentItem(self.getViewBox())
        self._readout.setZValue(100)
        self._readout.setVisible(False)
        self._named["readout"] = self._readout
        self.getViewBox().sigResized.connect(self._place_readout)

    def add_key(self, **options):
        """The plot's legend (pyqtgraph's addLegend `options`) with symbols that ignore clicks
        (returns the LegendItem)."""
        return self.addLegend(sampleType=KeySample, **options)

    def show_readout(self, html_text):
        """Show `html_text` in the read-out box ('' hides it)."""
        self.hover_text = html_text
        self._readout.setHtml(html_text)
        self._readout.setVisible(bool(html_text))
        self._place_readout()

    def _place_readout(self, *_):
        self._readout.setPos(self.getViewBox().width() - 4, 4)

    @property
    def named_items(self):
        """{name: pyqtgraph item} of what the plot draws, read-only (for tests and scripts)."""
        return MappingProxyType(self._named)

    def add_named(self, name, item):
        """Add `item` to the plot under `name`; returns the item."""
        self.addItem(item)
        self._named[name] = item
        return item


def move_points(scatter, x, y):
    """Move the points of a single-style ScatterPlotItem to (x, y), each of shape (k,).

    ``setData`` rebuilds every point's symbol lookup (about 2 µs a point, per frame); when only
    positions change we write them into the item's record array and invalidate it the way
    ``ScatterPlotItem.addPoints`` does (pyqtgraph 0.13–0.14).
    """
    if len(scatter.data) != len(x):
        scatter.setData(x, y)
        return
    scatter.data["x"] = x
    scatter.data["y"] = y
    scatter.prepareGeometryChange()
    scatter.informViewBoundsChanged()
    scatter.bounds = [None, None]
    scatter.invalidate()
