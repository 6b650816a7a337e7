"""Window actions: zoom, pan, resizing, window state, docks, layout, close and reopen."""

import time


from tests import harness
from tests.fuzz.values import random_options


class WindowActions:
    """The window, its plots and docks (a mixin of ActionFuzzer)."""

    def do_zoom(self, rng):
        factor = float(10 ** rng.uniform(-1.5, 1.5))
        self.window.views.data_plot.getViewBox().scaleBy((factor, factor))
        return f"zoom ×{factor:.3g}"

    def do_pan(self, rng):
        view_box = self.window.views.data_plot.getViewBox()
        (x0, x1), (y0, y1) = view_box.viewRange()
        u, v = rng.uniform(-1, 1, size=2)
        view_box.translateBy(x=u * (x1 - x0), y=v * (y1 - y0))
        return f"pan by ({u:.2f}, {v:.2f}) views"

    def do_auto_range(self, rng):
        self.window.views.data_plot.getViewBox().autoRange()
        return "auto range"

    def do_resize(self, rng):
        width, height = int(rng.integers(300, 2200)), int(rng.integers(250, 1400))
        self.window.resize(width, height)
        return f"{width} × {height}"

    def do_window_state(self, rng):
        window = self.window
        choice = ["showNormal", "showMaximized", "showMinimized", "showFullScreen"][
            rng.integers(4)]
        getattr(window, choice)()
        if choice != "showMinimized":
            window.activateWindow()
        return choice

    def do_dock(self, rng):
        docks = self.window.views.docks
        dock = docks[rng.integers(len(docks))]
        how = ["toggle", "float", "unfloat", "raise"][rng.integers(4)]
        if how == "toggle":
            dock.toggleViewAction().trigger()
        elif how in ("float", "unfloat"):
            dock.setFloating(how == "float")
        else:
            dock.raise_()
        return f"{how} {dock.objectName()}"

    def do_reset_layout(self, rng):
        return self._trigger("reset_layout")

    def do_close_reopen(self, rng):
        from logreg_gui.core.generators import GENERATORS, generate

        old = self.window
        start = time.perf_counter()
        old.close()  # in mid-flight: whatever it was doing
        closing = time.perf_counter() - start
        problems = harness.leftovers(old)
        if problems:
            self.fail("after close: " + "; ".join(problems))
        self.window = None
        name = list(GENERATORS)[rng.integers(len(GENERATORS))]
        n = int(rng.integers(2, self.max_points + 1)) if rng.random() < 0.3 else 100
        options = random_options(rng, self.max_points)
        start = time.perf_counter()
        self.window = self._reopen(generate(name, n, float(rng.uniform(0, 2)),
                                            int(rng.integers(100))), options, name)
        return (f"closed in {closing:.2f} s, reopened in {time.perf_counter() - start:.2f} s on "
                f"{name} n={n} with {options}")


