"""Training actions: play, pause, step, scrub, undo and redo, wait, settle, clear."""

import numpy as np


class TrainingActions:
    """Actions on training and on the history (a mixin of ActionFuzzer)."""


    def do_play_pause(self, rng):
        return self._trigger("play_pause")

    def do_pause(self, rng):
        if self.window.latest_snapshot.running:
            return self._trigger("play_pause")
        return "already paused"

    def do_step(self, rng):
        return self._trigger("step")

    def do_step_10(self, rng):
        return self._trigger("step_10")

    def do_step_100(self, rng):
        return self._trigger("step_100")

    def do_until_converged(self, rng):
        return self._trigger("run_until_converged")

    def do_step_back(self, rng):
        return self._trigger("step_back")

    def do_reset(self, rng):
        return self._trigger("reset")

    def do_scrub(self, rng):
        slider = self.window.views.history_bar.slider
        position = int(rng.integers(slider.minimum(), slider.maximum() + 1))
        slider.setValue(position)
        return f"history slider to {position} of {slider.maximum()}"

    def do_undo(self, rng):
        if not self.window.undo_stack.canUndo():
            self._trigger("undo")  # disabled: nothing happens
            return "nothing to undo"
        x, y = self._data()  # copies
        self._trigger("undo")
        if rng.random() < 0.5:
            return f"undo: {len(y)} → {len(self._data()[1])} points"
        self._trigger("redo")
        x_again, y_again = self._data()
        if not (np.array_equal(x, x_again) and np.array_equal(y, y_again)):
            self.fail(f"undo then redo changed the data: {len(y)} → {len(y_again)} points")
        return f"undo and redo: {len(y)} points again"

    def do_redo(self, rng):
        before = len(self._data()[1])
        self._trigger("redo")
        return f"redo: {before} → {len(self._data()[1])} points"

    def do_live(self, rng):
        self.window.views.history_bar.live_button.click()
        return "live"

    def do_wait(self, rng):
        from PySide6.QtTest import QTest

        ms = int(rng.integers(0, 400))
        QTest.qWait(ms)
        return f"{ms} ms"

    def do_settle(self, rng):
        self._settle()
        snapshot = self.window.latest_snapshot
        return f"caught up at iteration {snapshot.state.iteration} ({snapshot.status})"

    # -- points ---------------------------------------------------------------------------------

    def do_clear(self, rng):
        before = len(self._data()[1])
        asked = len(self._questions)
        self._trigger("clear")
        refused = len(self._questions) > asked and not self._questions[-1]
        after = len(self._data()[1])
        if after != (before if refused else 0):
            self.fail(f"clear {'refused' if refused else 'accepted'}: {before} → {after} points")
        return f"{before} points, {'kept' if refused else 'cleared'}"

