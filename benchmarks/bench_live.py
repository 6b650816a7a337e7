"""Live-training benchmark: throughput with and without the window, frame rate, GUI latency.

Run: ``python benchmarks/bench_live.py [--seconds 4] [--sizes 200 10000 100000]``.
For each n it prints, measured in one run on this machine:
  bare it/s   the core trainer's gradient-descent loop alone (no Qt),
  window it/s iterations reached by the worker while the offscreen window redraws every plot,
  ratio       window / bare,
  frames/s    paint events of the data plot per second,
  p99/max gap of a 10 ms QTimer in the GUI thread while training at full speed (ms).
Targets at n ≤ 10 000: ratio ≥ 0.8, ≥ 30 frames/s, p99 gap ≤ 33 ms.
Then the time closing the window takes while it trains on 100 000 points at degree 6, and, at
n = 10 000, the GUI-thread time of each panel's update per frame (median and max ms;
target ≤ 5 ms) and the time of one loss-landscape grid (computed in a pool thread).
"""

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import numpy as np  # noqa: E402

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, QTimer  # noqa: E402

from logreg_gui.core.generators import generate  # noqa: E402
from logreg_gui.core.landscape import LandscapeRequest  # noqa: E402
from logreg_gui.core.session import TrainingSession  # noqa: E402
from logreg_gui.core.state import TrainingOptions  # noqa: E402
from logreg_gui.core.training import Trainer  # noqa: E402
from logreg_gui.qt.plots.landscape import GRID_POINTS  # noqa: E402
from logreg_gui.qt.window.application import application  # noqa: E402


def bare_rate(dataset, seconds):
    """Iterations per second of Trainer.advance alone."""
    trainer = Trainer(dataset.X, dataset.y, learning_rate=1e-3)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        done += len(trainer.advance(50))
    return done / (time.perf_counter() - start)


class PaintCounter(QObject):
    """Counts paint events of a widget."""

    def __init__(self, widget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def run_event_loop(app, seconds):
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def window_figures(app, dataset, seconds):
    """(iterations/s, frames/s, gaps in ms) while the window trains at full speed."""
    from logreg_gui.qt.window.main_window import MainWindow

    window = MainWindow(dataset, TrainingOptions(learning_rate=1e-3), remember=False)
    window.show()
    run_event_loop(app, 0.5)
    window.controls.fields["speed"].edit(0)  # as fast as possible
    frames = PaintCounter(window.views.data_plot.viewport())
    gaps, clock = [], QElapsedTimer()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: (gaps.append(clock.restart())))
    window.controller.play()
    run_event_loop(app, 0.5)  # let the chunk size settle
    first = window.latest_snapshot.state.iteration
    frames.count = 0
    clock.start()
    timer.start()
    started = time.perf_counter()
    run_event_loop(app, seconds)
    elapsed = time.perf_counter() - started
    timer.stop()
    last = window.latest_snapshot.state.iteration
    window.close()
    return (last - first) / elapsed, frames.count / elapsed, np.array(gaps[1:], dtype=float)


def panel_costs(app, n_samples=10_000, frames=30):
    """{panel: (median ms, max ms)} of each panel's per-frame update on the GUI thread."""
    from logreg_gui.qt.window.main_window import MainWindow

    window = MainWindow(generate("blobs", n_samples), remember=False)
    window.show()
    run_event_loop(app, 0.5)
    window.controls.fields["contours"].edit(True)
    window.controller.step(20)
    run_event_loop(app, 1.0)
    frame = window.frame
    views = window.views
    updates = {name: getattr(views, name).show_frame for name in (
        "data_plot", "sigmoid_plot", "loss_plot", "landscape_plot", "status_panel",
        "formulas_panel", "metrics_panel", "history_bar")}
    costs = {}
    for name, update in updates.items():
        times = []
        for _ in range(frames):
            start = time.perf_counter()
            update(frame)
            times.append((time.perf_counter() - start) * 1000)
        costs[name] = (float(np.median(times)), float(np.max(times)))
    session = TrainingSession(window.frame.dataset, window.training_options())
    values = np.linspace(-2, 2, GRID_POINTS)
    start = time.perf_counter()
    session.landscape_job(LandscapeRequest(values, values, 0.0))()
    costs["landscape grid (pool thread)"] = ((time.perf_counter() - start) * 1000,) * 2
    window.close()
    return costs


def close_latency(app, n_samples=100_000, degree=6):
    """Seconds that closing the window takes while it trains (and computes J*) on big data."""
    from logreg_gui.qt.window.main_window import MainWindow

    window = MainWindow(generate("moons", n_samples), TrainingOptions(degree=degree),
                        remember=False)
    window.show()
    run_event_loop(app, 0.5)
    window.controls.fields["speed"].edit(0)
    window.controller.play()
    run_event_loop(app, 1.0)
    start = time.perf_counter()
    window.close()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 10_000, 100_000])
    args = parser.parse_args()
    app = application()
    print(f"{'n':>8} {'bare it/s':>10} {'window it/s':>12} {'ratio':>6} {'frames/s':>9} "
          f"{'p99 gap ms':>11} {'max gap ms':>11}")
    for n in args.sizes:
        dataset = generate("blobs", n, random_state=0)
        bare = bare_rate(dataset, args.seconds)
        live, fps, gaps = window_figures(app, dataset, args.seconds)
        print(f"{n:>8} {bare:>10.0f} {live:>12.0f} {live / bare:>6.2f} {fps:>9.1f} "
              f"{np.percentile(gaps, 99):>11.1f} {gaps.max():>11.1f}", flush=True)
    print(f"\nclosing while training at n = 100 000, degree 6 (J* running): "
          f"{close_latency(app) * 1000:.0f} ms")
    print("\nper-frame update cost at n = 10 000 (ms): median, max")
    for name, (median, largest) in panel_costs(app).items():
        print(f"  {name:<32} {median:7.2f} {largest:7.2f}")


if __name__ == "__main__":
    main()
