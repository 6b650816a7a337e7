from types import SimpleNamespace

import pytest

from logreg_gui.core.state import CONVERGED, DIVERGED, EMPTY, READY
from logreg_gui.qt.window.pace import UntilConverged


class SpeedField:
    def __init__(self, value):
        self.edits = [value]

    def value(self):
        return self.edits[-1]

    def edit(self, value):
        self.edits.append(value)


def snapshot(running, iteration, status=READY):
    return SimpleNamespace(running=running, state=SimpleNamespace(iteration=iteration,
                                                                  status=status))


def test_the_pace_comes_back_once_the_run_stopped_after_moving_on():
    field = SpeedField(50)
    pace = UntilConverged(field)
    pace.start(iteration=7)
    pace.snapshot_arrived(snapshot(False, 7))  # the answer that predates Play
    pace.snapshot_arrived(snapshot(True, 900))
    assert field.edits == [50, 0]
    pace.snapshot_arrived(snapshot(False, 1200, CONVERGED))
    assert field.edits == [50, 0, 50]


@pytest.mark.parametrize("status", [EMPTY, DIVERGED])
def test_the_pace_comes_back_at_once_when_nothing_can_be_trained(status):
    field = SpeedField(30)
    pace = UntilConverged(field)
    pace.start(iteration=12)
    pace.snapshot_arrived(snapshot(False, 12, status))
    assert field.edits == [30, 0, 30]


def test_a_speed_chosen_meanwhile_is_kept():
    field = SpeedField(30)
    pace = UntilConverged(field)
    pace.start(iteration=0)
    field.edit(80)
    pace.cancel()
    pace.snapshot_arrived(snapshot(False, 500, CONVERGED))
    assert field.edits == [30, 0, 80]
