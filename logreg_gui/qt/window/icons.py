"""Small painted icons: each class's marker in its colour."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

from logreg_gui.qt.plots.style import CLASS_COLORS

SIZE = 16


def class_icon(label):
    """A QIcon of class `label`'s marker: a blue circle (0) or an orange triangle (1)."""
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(CLASS_COLORS[label]))
    painter.setPen(Qt.PenStyle.NoPen)
    if label == 0:
        painter.drawEllipse(2, 2, SIZE - 4, SIZE - 4)
    else:
        painter.drawPolygon(QPolygonF([QPointF(SIZE / 2, 1), QPointF(SIZE - 1, SIZE - 2),
                                       QPointF(1, SIZE - 2)]))
    painter.end()
    return QIcon(pixmap)
