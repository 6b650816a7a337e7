"""A soak run: millions of iterations with every panel open; memory and Qt objects must stay flat.

The window (1920 × 1080, so no panel hides behind a tab; every overlay on) trains mini-batch SGD
on 200 overlapping points at full speed (SGD with a tolerance of 1e-15 never converges, and
Play is pressed again whenever training stops). Figures are taken at 1 %, every 10 % and at the
end: the resident memory of the window's process and of the training process, the number of
live QObjects under the window, and the number of Python objects. It fails (exit 1) when memory
or objects grew from the 1 % sample to the end by more than the allowed margin.

    python -m tests.soak --iterations 10000000
"""

import argparse
import gc
import os
import sys
import time
from pathlib import Path

MB = 1024 * 1024
OVERLAYS = ("contours", "trail", "fill_by_prediction", "size_by_loss", "step_function",
            "weight_vector", "gap", "log_scale")


def rss_bytes(pid):
    """Resident memory of process `pid` in bytes (from /proc), or 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def sample(window, iteration, started):
    """One row of figures (dict)."""
    from PySide6.QtCore import QObject

    from tests import harness

    children = [pid for pid, _, _ in harness.training_processes()]
    return {"iteration": iteration, "seconds": time.perf_counter() - started,
            "window_mb": rss_bytes(os.getpid()) / MB,
            "training_mb": sum(rss_bytes(pid) for pid in children) / MB,
            "qobjects": len(window.findChildren(QObject)), "python_objects": len(gc.get_objects())}


class Soak:
    """Keeps training going, takes the samples and stops at `iterations`.

    Parameters
    ----------
    window : MainWindow
    iterations : int
    """

    def __init__(self, window, iterations):
        self.window, self.iterations = window, iterations
        self.rows = []
        self._marks = sorted({max(1, iterations // 100)} | {iterations * k // 10
                                                           for k in range(1, 11)})
        self._started = time.perf_counter()
        window.controller.snapshot_ready.connect(self._on_snapshot)

    def _on_snapshot(self, snapshot):
        iteration = snapshot.state.iteration
        if self._marks and iteration >= self._marks[0]:
            self._marks = [mark for mark in self._marks if mark > iteration]
            gc.collect()
            self.rows.append(sample(self.window, iteration, self._started))
            print(_row_text(self.rows[-1]), flush=True)
        if not self._marks:
            self.window.close()  # the last window: the event loop ends
        elif not snapshot.running:
            self.window.controller.play()  # stopped by itself (or at start): go on


def _row_text(row):
    return (f"{row['iteration']:>11,} it  {row['seconds']:8.0f} s  window {row['window_mb']:7.1f}"
            f" MB  training {row['training_mb']:6.1f} MB  QObjects {row['qobjects']:6d}  "
            f"Python objects {row['python_objects']:8d}")


def growth(rows, margin_mb=20.0, margin_objects=0.02):
    """What grew from the first sample (1 %) to the last beyond the margins (list of str)."""
    first, last = rows[0], rows[-1]
    found = []
    for key in ("window_mb", "training_mb"):
        if last[key] - first[key] > margin_mb:
            found.append(f"{key} {first[key]:.1f} → {last[key]:.1f}")
    for key in ("qobjects", "python_objects"):
        if last[key] > first[key] * (1 + margin_objects) + 10:
            found.append(f"{key} {first[key]} → {last[key]}")
    return found


def main(argv=None):
    """``python -m tests.soak --iterations N [--n-samples 200]``; exit 1 when anything grew."""
    parser = argparse.ArgumentParser(prog="python -m tests.soak")
    parser.add_argument("--iterations", type=int, default=10_000_000)
    parser.add_argument("--n-samples", type=int, default=200)
    args = parser.parse_args(argv)
    from tests import harness

    app = harness.offscreen_application()
    from logreg_gui import MainWindow
    from logreg_gui.core.generators import generate
    from logreg_gui.core.state import TrainingOptions

    options = TrainingOptions(optimizer="sgd", batch_size=8, tol=1e-15)
    values = {name: True for name in OVERLAYS}
    window = MainWindow(generate("overlap", args.n_samples), options, "overlap", remember=False,
                        values=values)
    window.resize(1920, 1080)
    window.controls.fields["speed"].edit(0)
    window.show()
    soak = Soak(window, args.iterations)
    code = app.exec()
    problems = growth(soak.rows) + harness.leftovers(window)
    print("soak:", "; ".join(problems) if problems else
          f"flat over {soak.rows[-1]['iteration']:,} iterations in "
          f"{soak.rows[-1]['seconds']:.0f} s")
    return 1 if problems or code else 0


if __name__ == "__main__":
    sys.exit(main())
