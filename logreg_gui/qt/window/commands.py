"""Undoable changes of the points: one QUndoCommand holds the state before and after."""

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtGui import QUndoCommand

MOVE_ID = 1  # QUndoCommand.id() of moves: the steps of one drag merge into one command


@dataclass(frozen=True)
class PointsState:
    """Everything an undo step brings back.

    Parameters
    ----------
    dataset : logreg_gui.core.data.Dataset
    source : str
        What the data are (a file or generator name), for the title bar.
    edited_by_hand : bool
        Whether points were placed, moved, flipped or removed by hand since `source` opened.
    test_fraction : float
        The test fraction the split was made with (shown by its control).
    selection : ndarray of int64
        Indices of the selected points.
    """

    dataset: object
    source: str
    edited_by_hand: bool
    test_fraction: float
    selection: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))


class DataCommand(QUndoCommand):
    """One change of the points, from `before` to `after` (both :class:`PointsState`).

    Parameters
    ----------
    apply : callable (PointsState, bool) → None
        Shows a state; the flag says whether it replaced the data set (training restarts and
        the view fits the points) rather than edited it.
    text : str
        What the change is, for Edit > Undo and the history list (e.g. 'Delete 3 points').
    replaced : bool
    drag : int, optional
        The drag a move belongs to: consecutive moves of one drag merge.
    """

    def __init__(self, apply, text, before, after, replaced=False, drag=None):
        super().__init__(text)
        self._apply, self._replaced, self._drag = apply, replaced, drag
        self.before, self.after = before, after

    def redo(self):
        """Show the state after the change (Qt calls this when the command is pushed, too)."""
        self._apply(self.after, self._replaced)

    def undo(self):
        """Show the state before the change."""
        self._apply(self.before, self._replaced)

    def id(self):
        """MOVE_ID for moves (mergeable), −1 otherwise."""
        return MOVE_ID if self._drag is not None else -1

    def mergeWith(self, other):  # noqa: N802  (Qt's name)
        """Absorb the next step of the same drag."""
        if other.id() != MOVE_ID or other._drag != self._drag:
            return False
        self.after = other.after
        return True
