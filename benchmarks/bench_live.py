"""Live-training benchmark: every target of the performance issue, measured in one run.

Run: ``pip install -e ".[bench]" && python benchmarks/bench_live.py`` (about 10 minutes;
``--quick`` for a few seconds per figure, ``--memory-iterations`` to shorten the soak).

For n = 200, 10 000, 100 000 and 1 000 000 points (blobs) it prints, measured in this run:
  minimal     a minimal numpy gradient-descent loop (loss and gradient per iteration), it/s
  bare        the core Trainer alone, it/s, and bare/minimal (target ≥ 0.8)
  window      iterations per second while the offscreen window (1600 × 972 on an emulated
              1920 × 1080 screen, every panel open) shows them, and window/bare (target ≥ 0.9)
  frames/s    paints of the data plot per second (targets: ≥ 50 at n ≤ 10 000, ≥ 30 at
              100 000, ≥ 20 at 1 000 000)
  p99 gap     of a 10 ms timer in the GUI thread while training at full speed (target ≤ 20 ms)
  peer        frames/s of the tutorial-style matplotlib animation (benchmarks/
              peer_matplotlib.py) and our frames/s over it (target ≥ 7)
Then: the time from launch to the window on screen (target ≤ 1.0 s), closing times while
training at every n and while J* and a landscape grid are computed at 100 000 points, degree 6
(target ≤ 0.5 s), the memory of both processes over a long run at n = 200 (target: flat within
5 %), and the per-frame cost of each view at n = 10 000.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREEN = {"screens": [{"name": "s", "x": 0, "y": 0, "width": 1920, "height": 1080,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
_config = Path(tempfile.mkdtemp()) / "screens.json"
_config.write_text(json.dumps(SCREEN))
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_config}"
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # never the user's settings
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import psutil  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, QTimer  # noqa: E402

from logreg_gui.core.generators import generate  # noqa: E402
from logreg_gui.core.landscape import LandscapeRequest  # noqa: E402
from logreg_gui.core.state import TrainingOptions  # noqa: E402
from logreg_gui.core.training import Trainer  # noqa: E402
from logreg_gui.qt.window.application import application  # noqa: E402

SIZES = (200, 10_000, 100_000, 1_000_000)
FPS_TARGETS = {200: 50, 10_000: 50, 100_000: 30, 1_000_000: 20}


def minimal_rate(X, y, seconds, learning_rate=1e-3):
    """Iterations per second of the shortest honest numpy loop (loss and gradient)."""
    n, w, b, done = len(y), np.zeros(2), 0.0, 0
    sign = np.where(y == 1, -1.0, 1.0)
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        z = X @ w + b
        np.logaddexp(0, sign * z).mean()
        err = 0.5 * np.tanh(0.5 * z) + 0.5 - y
        w = w - learning_rate * (err @ X) / n
        b = b - learning_rate * err.mean()
        done += 1
    return done / (time.perf_counter() - start)


def bare_rate(dataset, seconds):
    """Iterations per second of Trainer.advance alone."""
    trainer = Trainer(dataset.X, dataset.y, learning_rate=1e-3)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        done += len(trainer.advance(20))
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


def run_event_loop(seconds):
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def wait_for(condition, limit=30.0):
    start = time.perf_counter()
    while not condition() and time.perf_counter() - start < limit:
        run_event_loop(0.02)


def new_window(dataset, options=None):
    from logreg_gui.qt.window.main_window import MainWindow

    window = MainWindow(dataset, options or TrainingOptions(learning_rate=1e-3),
                        remember=False)
    window.show()
    wait_for(lambda: window.latest_snapshot is not None)
    window.controls.fields["speed"].edit(0)  # as fast as possible
    run_event_loop(0.3)
    return window


def window_figures(dataset, seconds):
    """(iterations/s, frames/s, timer gaps in ms) while the window trains at full speed."""
    window = new_window(dataset)
    frames = PaintCounter(window.views.data_plot.viewport())
    gaps, clock = [], QElapsedTimer()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: gaps.append(clock.restart()))
    window.controller.play()
    run_event_loop(0.5)
    first = window.latest_snapshot.state.iteration
    frames.count = 0
    clock.start()
    timer.start()
    started = time.perf_counter()
    run_event_loop(seconds)
    elapsed = time.perf_counter() - started
    timer.stop()
    last = window.latest_snapshot.state.iteration
    window.close()
    return (last - first) / elapsed, frames.count / elapsed, np.array(gaps[1:], dtype=float)


def peer_fps(n, seconds):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "peer_matplotlib.py"),
                             "--n", str(n), "--seconds", str(seconds)],
                            capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


LAUNCH = """
import time; t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from logreg_gui.qt.window.application import application
app = application()
from logreg_gui import MainWindow
window = MainWindow(remember=False)
window.show()
def seen():
    print(time.perf_counter() - t0); app.quit()
QTimer.singleShot(0, seen)
app.exec()
window.close()
"""


def launch_seconds():
    """Seconds from the start of `python` to the window shown (its first event loop turn)."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", LAUNCH], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    inside = float(result.stdout.strip().splitlines()[-1])
    return inside, time.perf_counter() - start


def close_seconds(dataset, options=None, before_close=None):
    """Seconds that closing takes while the window trains at full speed."""
    window = new_window(dataset, options)
    window.controller.play()
    run_event_loop(0.5)
    if before_close is not None:
        before_close(window)
    start = time.perf_counter()
    window.close()
    return time.perf_counter() - start


def request_landscape(window):
    values = np.linspace(-2, 2, 41)
    window.controller.landscape_requested.emit(LandscapeRequest(values, values, 0.0))
    run_event_loop(0.05)


def memory_figures(iterations):
    """RSS (MB) of the window's and the training process at 1 % and at 100 % of a run."""
    window = new_window(generate("separable", 200))  # never converges: runs to the end
    window.controller.play()
    me = psutil.Process()

    def rss():
        return sum(p.memory_info().rss for p in [me, *me.children(recursive=True)]) / 1e6

    wait_for(lambda: window.latest_snapshot.state.iteration >= iterations // 100, 3600)
    early = rss()
    start = time.perf_counter()
    wait_for(lambda: window.latest_snapshot.state.iteration >= iterations, 36_000)
    late, done = rss(), window.latest_snapshot.state.iteration
    elapsed = time.perf_counter() - start
    window.close()
    return early, late, done, elapsed


def view_costs(frames=30):
    """{view: (median ms, max ms)} of each view's show_frame at n = 10 000."""
    window = new_window(generate("blobs", 10_000))
    window.controls.fields["contours"].edit(True)
    window.controller.step(20)
    run_event_loop(1.0)
    frame, views, costs = window.frame, window.views, {}
    for name in ("data_plot", "sigmoid_plot", "loss_plot", "landscape_plot", "status_panel",
                 "formulas_panel", "metrics_panel", "history_bar", "traces_plot",
                 "parameters_panel", "curvature_panel", "explain_panel", "boundary_handle"):
        times = []
        for _ in range(frames):
            start = time.perf_counter()
            getattr(views, name).show_frame(frame)
            times.append((time.perf_counter() - start) * 1000)
        costs[name] = (float(np.median(times)), float(np.max(times)))
    window.close()
    return costs


def mark(ok):
    return "met" if ok else "MISSED"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--memory-iterations", type=int, default=10_000_000)
    parser.add_argument("--quick", action="store_true", help="2 s a figure, a short soak")
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.memory_iterations = 2.0, 300_000
    application()
    print(f"{'n':>9} {'minimal':>9} {'bare':>8} {'b/min':>6} {'window':>8} {'w/bare':>7} "
          f"{'frames/s':>9} {'p99 ms':>7} {'max ms':>7} {'peer fps':>9} {'×peer':>6}")
    for n in args.sizes:
        data = generate("blobs", n)
        minimal = minimal_rate(data.X, data.y, args.seconds)
        bare = bare_rate(data, args.seconds)
        live, fps, gaps = window_figures(data, args.seconds)
        peer = peer_fps(n, min(args.seconds, 4.0))
        p99 = float(np.percentile(gaps, 99))
        print(f"{n:>9,} {minimal:>9.0f} {bare:>8.0f} {bare / minimal:>6.2f} {live:>8.0f} "
              f"{live / bare:>7.2f} {fps:>9.1f} {p99:>7.1f} {gaps.max():>7.1f} {peer:>9.2f} "
              f"{fps / peer:>6.1f}", flush=True)
        print(f"{'':>9} targets: bare/minimal ≥ 0.8 {mark(bare / minimal >= 0.8)}; "
              f"window/bare ≥ 0.9 {mark(live / bare >= 0.9)}; frames/s ≥ {FPS_TARGETS[n]} "
              f"{mark(fps >= FPS_TARGETS[n])}; p99 ≤ 20 ms {mark(p99 <= 20)}; ≥ 7× peer "
              f"{mark(fps / peer >= 7)}", flush=True)
    inside, outside = launch_seconds()
    print(f"\nlaunch to window shown: {inside:.2f} s inside Python, {outside:.2f} s with the "
          f"interpreter's own start (target ≤ 1.0 s: {mark(outside <= 1.0)})")
    closes = {f"training, n = {n:,}": close_seconds(generate("blobs", n)) for n in args.sizes}
    big = generate("moons", 100_000)
    closes["J* running, n = 100,000, degree 6"] = close_seconds(
        big, TrainingOptions(degree=6, learning_rate=1e-3))
    closes["landscape grid running, n = 100,000"] = close_seconds(
        big, before_close=request_landscape)
    for what, seconds in closes.items():
        print(f"closing while {what}: {seconds * 1000:.0f} ms ({mark(seconds <= 0.5)})")
    early, late, done, elapsed = memory_figures(args.memory_iterations)
    change = (late - early) / early
    print(f"\nmemory at n = 200: {early:.0f} MB after 1 % of the run, {late:.0f} MB after "
          f"{done:,} iterations ({elapsed:.0f} s): {change:+.1%} (target within ±5 %: "
          f"{mark(abs(change) <= 0.05)})")
    print("\nper-frame cost of each view at n = 10 000 (ms): median, max")
    for name, (median, largest) in view_costs().items():
        print(f"  {name:<16} {median:7.2f} {largest:7.2f}")


if __name__ == "__main__":
    main()
