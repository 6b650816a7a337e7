import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_slot_calls_do_not_leak_references_to_true():
    # PySide6 6.12.0 dropped one reference to True per Python slot call, which aborts
    # Python 3.11 ("bool_dealloc") after a few thousand snapshots; pyproject.toml excludes it.
    emitter = _Emitter()
    received = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(500):
        emitter.fired.emit(i)
    assert len(received) == 500
    assert abs(sys.getrefcount(True) - before) < 50
