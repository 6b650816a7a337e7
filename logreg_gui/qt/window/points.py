"""The points on screen and every change made to them."""

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from logreg_gui.core.data import DataError, read_csv
from logreg_gui.qt.window import dialogs


class PointsEditor(QObject):
    """Holds the :class:`~logreg_gui.core.data.Dataset` on screen and applies every change.

    Changes that would discard points placed by hand (clear, open, generate) ask first.

    Parameters
    ----------
    dataset : logreg_gui.core.data.Dataset
    source : str
        What the data are (a file or generator name).
    split : callable (Dataset) → Dataset
        Applies the chosen test split to a new data set.
    parent : QWidget
        Parent of the questions and messages.

    Signals
    -------
    points_changed(object, bool)
        The new dataset, and whether it replaced the old one (a new data set: training
        restarts and the view fits it) rather than editing it.
    """

    points_changed = Signal(object, bool)

    def __init__(self, dataset, source, split, parent):
        super().__init__(parent)
        self._split = split
        self.dataset = dataset
        self.source = source
        self.edited_by_hand = False

    @property
    def title(self):
        """What the data are, '(edited)' after changes by hand (str)."""
        return f"{self.source} (edited)" if self.edited_by_hand else self.source

    def add_point(self, x, label):
        """Add a training point at `x` (shape (2,), original units) of class `label`."""
        self.edited_by_hand = True
        self._set(self.dataset.with_point(x, label), replaced=False)

    def clear(self):
        """Remove every point (asks first when points were placed by hand).

        Returns
        -------
        bool
            Whether the points were removed.
        """
        if not self._may_discard("Clearing removes"):
            return False
        self.edited_by_hand = True
        self._set(self.dataset.cleared(), replaced=False)
        return True

    def replace(self, dataset, source, verb="Opening"):
        """Show a new data set (asks first when points were placed by hand).

        Parameters
        ----------
        verb : str
            What the question says is happening ('Opening', 'Generating').

        Returns
        -------
        bool
            Whether the points were replaced.
        """
        if not self._may_discard(f"{verb} '{source}' replaces"):
            return False
        self.source, self.edited_by_hand = source, False
        self._set(self._split(dataset), replaced=True)
        return True

    def open(self, path):
        """Open a CSV file (asking first when points were placed by hand); on bad input show a
        message and keep the current points.

        Returns
        -------
        bool
            Whether the file was opened.
        """
        try:
            dataset = read_csv(path)
        except DataError as error:
            dialogs.show_error(self.parent(), "Cannot open file", str(error))
            return False
        return self.replace(dataset, Path(path).name)

    def saved(self, path):
        """The points are now those of the file at `path` (a title without '(edited)')."""
        self.source, self.edited_by_hand = Path(path).name, False
        self._set(self.dataset, replaced=False)

    def resplit(self):
        """The same points with the test split chosen now."""
        self._set(self._split(self.dataset), replaced=False)

    def _set(self, dataset, replaced):
        self.dataset = dataset
        self.points_changed.emit(dataset, replaced)

    def _may_discard(self, what):
        if not self.edited_by_hand or self.dataset.n_samples == 0:
            return True
        answer = QMessageBox.question(
            self.parent(), "Discard your points?",
            f"{what} the points you placed by hand. Continue?")
        return answer == QMessageBox.StandardButton.Yes
