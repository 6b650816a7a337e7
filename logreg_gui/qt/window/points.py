"""The points on screen and every change made to them, each one undoable."""

from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from logreg_gui.qt.window.commands import DataCommand, PointsState

NO_SELECTION = np.empty(0, dtype=np.int64)
UNDO_LIMIT = 100  # steps kept


def _points(n):
    return "1 point" if n == 1 else f"{n:,} points"


class PointsEditor(QObject):
    """Holds the :class:`~logreg_gui.core.data.Dataset` on screen and the selection, and makes
    every change of the data a command on :attr:`undo_stack`.

    Changes that would discard points placed by hand (clear, open, generate) ask first.

    Parameters
    ----------
    dataset : logreg_gui.core.data.Dataset
    source : str
        What the data are (a file or generator name).
    parent : QWidget
        Parent of the questions asked.

    Attributes
    ----------
    undo_stack : QUndoStack
        Add, delete, move, flip, clear, open, generate and test split, in order (the last
        :data:`UNDO_LIMIT`).

    Signals
    -------
    points_changed(object, bool)
        The new dataset, and whether it replaced the old one (a new data set: training
        restarts and the view fits it) rather than editing it.
    selection_changed()
        Other points are selected.
    """

    points_changed = Signal(object, bool)
    selection_changed = Signal()
    source_changed = Signal()

    def __init__(self, dataset, source, parent):
        super().__init__(parent)
        self._state = PointsState(dataset, source, False, dataset.test_fraction)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undo_stack")
        # Each step keeps the arrays it changed (a flip only y, a split only the mask): bounded.
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self._drag = 0  # the number of the current drag (its moves merge)

    @property
    def dataset(self):
        """The :class:`~logreg_gui.core.data.Dataset` on screen."""
        return self._state.dataset

    @property
    def source(self):
        """What the data are: a file or generator name (str)."""
        return self._state.source

    @property
    def edited_by_hand(self):
        """Whether points were placed, moved, flipped or removed by hand (bool)."""
        return self._state.edited_by_hand

    @property
    def test_fraction(self):
        """The test fraction the current split was made with (float)."""
        return self._state.test_fraction

    @property
    def selection(self):
        """Indices of the selected points (ndarray of int64, ascending)."""
        return self._state.selection

    @property
    def title(self):
        """What the data are, '(edited)' after changes by hand (str)."""
        return f"{self.source} (edited)" if self.edited_by_hand else self.source

    # -- selection (not undoable by itself) ----------------------------------------------------

    def select(self, indices, mode="replace"):
        """Select points: ``"replace"`` the selection by `indices`, ``"add"`` them, or
        ``"toggle"`` each one."""
        indices = np.asarray(indices, dtype=np.int64)
        current = self.selection
        if mode == "add":
            indices = np.union1d(current, indices)
        elif mode == "toggle":
            indices = np.setxor1d(current, indices)
        self._state = replace(self._state, selection=np.unique(indices))
        self.selection_changed.emit()

    def select_all(self):
        """Select every point."""
        self.select(np.arange(self.dataset.n_samples))

    # -- edits -----------------------------------------------------------------------------------

    def add_point(self, x, label):
        """Add a training point at `x` (shape (2,), original units) of class `label`."""
        self._edit(f"Add a point of class {label}", self.dataset.with_point(x, label))

    def delete(self, indices=None):
        """Remove the points at `indices` (default: the selected ones); nothing to remove: no
        command."""
        indices = self.selection if indices is None else np.asarray(indices, dtype=np.int64)
        if len(indices):
            self._edit(f"Delete {_points(len(indices))}", self.dataset.without(indices),
                       selection=NO_SELECTION)

    def move(self, indices, dx, dy, finished=True):
        """Move the points at `indices` by (dx, dy) in data units; the steps of one drag (until
        `finished`) are one command."""
        indices = np.asarray(indices, dtype=np.int64)
        if len(indices):
            self._edit(f"Move {_points(len(indices))}", self.dataset.moved(indices, (dx, dy)),
                       drag=self._drag)
        if finished:
            self._drag += 1

    def flip(self, indices=None):
        """Swap the class of the points at `indices` (default: the selected ones)."""
        indices = self.selection if indices is None else np.asarray(indices, dtype=np.int64)
        if len(indices):
            self._edit(f"Flip the class of {_points(len(indices))}",
                       self.dataset.flipped(indices))

    def clear(self):
        """Remove every point (asks first when points were placed by hand).

        Returns
        -------
        bool
            Whether the points were removed.
        """
        if not self._may_discard("Clearing removes"):
            return False
        self._push("Clear all points", replace(self._state, dataset=self.dataset.cleared(),
                                               edited_by_hand=True, selection=NO_SELECTION))
        return True

    def replace(self, dataset, source, test_fraction=None, verb="Opening"):
        """Show a new data set (asks first when points were placed by hand).

        Parameters
        ----------
        dataset : logreg_gui.core.data.Dataset
        source : str
        test_fraction : float, optional
            The test fraction its split was made with (default: the current one).
        verb : str
            What the question says is happening ('Opening', 'Generating').

        Returns
        -------
        bool
            Whether the points were replaced.
        """
        if not self._may_discard(f"{verb} '{source}' replaces"):
            return False
        fraction = self.test_fraction if test_fraction is None else test_fraction
        after = PointsState(dataset, source, False, fraction)
        self._push(f"Open {source}", after, replaced=True)
        return True

    def saved(self, path):
        """The points are now those of the file at `path`: its name in the title, without
        '(edited)' (not a change of the data: nothing to undo)."""
        self._state = replace(self._state, source=Path(path).name, edited_by_hand=False)
        self.source_changed.emit()

    def resplit(self, dataset, test_fraction):
        """The same points with another test split, made with `test_fraction`."""
        self._push(f"Test split {test_fraction:g}",
                   replace(self._state, dataset=dataset, test_fraction=test_fraction))

    def _edit(self, text, dataset, selection=None, drag=None):
        selection = self.selection if selection is None else selection
        self._push(text, replace(self._state, dataset=dataset, edited_by_hand=True,
                                 selection=selection), drag=drag)

    def _push(self, text, after, replaced=False, drag=None):
        self.undo_stack.push(DataCommand(self._show, text, self._state, after, replaced, drag))

    def _show(self, state, replaced):
        self._state = state
        self.points_changed.emit(state.dataset, replaced)
        self.selection_changed.emit()

    def _may_discard(self, what):
        if not self.edited_by_hand or self.dataset.n_samples == 0:
            return True
        answer = QMessageBox.question(
            self.parent(), "Discard your points?",
            f"{what} the points you placed by hand. Continue?")
        return answer == QMessageBox.StandardButton.Yes
