"""'Until converged': full speed, then back to the pace chosen before."""

from logreg_gui.core.state import DIVERGED, EMPTY


class UntilConverged:
    """Runs at full speed until training stops by itself, then puts the speed control back
    where it was (unless the user chose another speed meanwhile).

    Parameters
    ----------
    speed_field : ChoiceField
        The speed control (its edits reach the worker as the user's would).
    """

    def __init__(self, speed_field):
        self._field = speed_field
        self._restore = None  # (pace, iteration when the run started)

    def start(self, iteration):
        """Switch to full speed (the caller then plays) from `iteration`."""
        pace = self._field.value()
        self._field.edit(0)
        self._restore = (pace, iteration)

    def cancel(self):
        """The user chose a speed: keep it."""
        self._restore = None

    def snapshot_arrived(self, snapshot):
        """Restore the pace once the run has stopped after moving on, or at once when there is
        nothing to train (no points, or diverged: Play answers paused)."""
        if self._restore is None:
            return
        pace, started_at = self._restore
        stuck = snapshot.state.status in (EMPTY, DIVERGED)
        if not snapshot.running and (snapshot.state.iteration > started_at or stuck):
            self._restore = None
            self._field.edit(pace)
