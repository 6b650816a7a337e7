"""A seeded random-action fuzzer for the main window: a restless student, checked after every
action.

Every user action is a method ``do_<name>`` of :class:`ActionFuzzer` with a weight in
:data:`WEIGHTS`: play, pause, step, ×10, ×100, until converged, step back, scrub, live, reset,
clear, clicks and Shift+clicks anywhere (inside and outside the data), hovering, keys, typing in
number boxes, every option set to a random valid value (through its box or its slider), each
data generator, good and bad files (also through Ctrl+O, with the file dialog replaced), saving,
zoom and pan, resizing, minimising and maximising, closing, floating and restoring panels,
restoring the layout and the default view, waiting, undo and redo of the data (an undo that
is redone at once must give back exactly the points it took away), and closing and reopening
the window.

After every action :meth:`ActionFuzzer.check` requires: no exception in a slot or thread, no Qt
warning (except :data:`tests.harness.KNOWN_QT_NOISE`), no error message box that the action did
not expect, the event loop answering a zero-delay timer within `max_latency` seconds (every
latency is recorded; the report gives the p99), and :func:`invariants` (what is drawn equals
``current_data()``, the status agrees with the latest snapshot). Some actions check their own
outcome (a click adds exactly one point of the right class where it was clicked, a refused file
changes nothing, generated or opened data are exactly those of the generator or the file), and
``settle`` pauses and waits until the worker has caught up with every change (points, options)
and the loss shown is the loss of the model on the points. Closing checks that nothing is left
running: no training thread, no pipe reader, no child process.

The action sequence depends only on the seed (each action draws its details from its own
generator), so a failure is replayed with the command it prints; outcomes that depend on timing
(what a snapshot carries when an action lands) may need a few replays.

Run a campaign::

    python -m tests.fuzz --actions 100000 --seed 7 --report
"""

from tests.fuzz.common import WEIGHTS, FuzzFailure, FuzzReport, open_window
from tests.fuzz.fuzzer import ActionFuzzer
from tests.fuzz.invariants import (caught_up, drawn_problems, frame_problems, invariants,
                                   loss_problems, status_problems)
from tests.fuzz.values import random_options, random_value

__all__ = ["WEIGHTS", "ActionFuzzer", "FuzzFailure", "FuzzReport", "caught_up", "drawn_problems",
           "frame_problems", "invariants", "loss_problems", "open_window", "random_options",
           "random_value", "status_problems"]
