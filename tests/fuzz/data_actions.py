"""Data actions: generators, good and bad files, the open dialog, saving."""

import numpy as np


class DataActions:
    """Generating, opening and saving data (a mixin of ActionFuzzer)."""

    def do_generate(self, rng):
        from logreg_gui.core.generators import GENERATORS, generate

        name = list(GENERATORS)[rng.integers(len(GENERATORS))]
        value = self.window.controls.value
        n, noise, seed = value("n_samples"), value("noise"), value("random_state")
        before = self._data()
        asked = len(self._questions)
        self._trigger(f"generate_{name}")
        self._expect_replaced(before, asked, lambda: generate(name, n, noise, seed))
        return f"{name} n={n} noise={noise} seed={seed}"

    def _expect_replaced(self, before, asked, make_expected):
        """After a replace (generate, open): the expected data unless the user said No."""
        refused = len(self._questions) > asked and not self._questions[-1]
        X, y = self._data()
        expected = before if refused else (make_expected().X, make_expected().y)
        if not (np.array_equal(X, expected[0]) and np.array_equal(y, expected[1])):
            self.fail(f"the points on screen are not the {'old' if refused else 'new'} ones")

    def do_open_good(self, rng):
        from logreg_gui.core.data import DataError, read_csv

        path = self.good_files[rng.integers(len(self.good_files))]
        try:
            read_csv(path)
        except DataError:  # a shipped file this reader does not take as it is
            return self._open_refused(path)
        before, asked = self._data(), len(self._questions)
        self.window.open_csv(path)
        self._expect_replaced(before, asked, lambda: read_csv(path))
        return path.name

    def do_open_bad(self, rng):
        return self._open_refused(self.bad_files[rng.integers(len(self.bad_files))])

    def _open_refused(self, path):
        """Open a file the reader refuses: a message, and the points stay."""
        before = self._data()
        self._expected_boxes.add("Cannot open file")
        if self.window.open_csv(path):
            self.fail(f"{path} was opened")
        X, y = self._data()
        if not (np.array_equal(X, before[0]) and np.array_equal(y, before[1])):
            self.fail(f"refusing {path.name} changed the points")
        return path.name

    def do_open_dialog(self, rng):
        """File > Open, then OK (when the dialog allows it) or Cancel in the import dialog: OK
        gives exactly the dialog's points, Cancel keeps the old ones."""
        from logreg_gui.qt.window.import_dialog import ImportDialog

        before, asked = self._data(), len(self._questions)
        self._trigger("open")
        shown = [d for d in self.window.findChildren(ImportDialog) if d.isVisible()]
        if not shown:
            return "File > Open: no import dialog"
        dialog = shown[-1]
        if dialog.ok_button.isEnabled() and rng.random() < 0.7:
            expected = dialog.dataset()
            dialog.ok_button.click()
            self._expect_replaced(before, asked, lambda: expected)
            return f"File > Open, OK: {len(expected.y)} points"
        dialog.reject()
        if not all(np.array_equal(a, b) for a, b in zip(self._data(), before, strict=True)):
            self.fail("Cancel in the import dialog changed the points")
        return "File > Open, Cancel"

    def do_save(self, rng):
        self._trigger("save_points")
        return "File > Save points"

    # -- the view and the window -------------------------------------------------------------------

