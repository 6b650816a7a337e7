"""Closing is always clean: close-while-training cycles, each in a fresh Python process.

Each cycle starts ``python -m tests.close_cycles --child CONFIG``: a window on generated data
(n up to 100 000, any degree, optimizer and loss, side by side or not) plays at full speed with
the J* computation and, at degree 1, landscape grids in flight; after `snapshots` snapshots
(0: before the first one) it closes the window and the event loop ends as in the app. The
parent requires, for every cycle: exit code 0, nothing at all on stderr (the app drops the
offscreen platform's notes itself), no training thread or process left when the window has
closed (the child reports), and none of the child's own children alive after it exited.

    python -m tests.close_cycles --cycles 100 [--seed S]
"""

import argparse
import json
import os
import select
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CYCLE_TIMEOUT = 600  # s: a hang, far beyond any close (about 4 s at 100 000 points, degree 6)
SIZES = (2, 30, 200, 1000, 10_000, 100_000)
OPTIMIZERS = ("gd", "sgd", "momentum", "adam", "newton")
DATASETS = ("blobs", "xor", "circles", "moons", "spiral", "separable", "overlap")


@dataclass(frozen=True)
class CycleConfig:
    """One cycle: the data, the options and when to close.

    Parameters
    ----------
    dataset : str
        A generator's name.
    n_samples : int
    degree : int, 1 … 6
    optimizer : str
    loss : str
    side_by_side : bool
    snapshots : int
        Snapshots to wait for after Play before closing (0: close before the first one); it
        closes sooner when training stops by itself.
    seed : int
    """

    dataset: str = "blobs"
    n_samples: int = 100
    degree: int = 1
    optimizer: str = "gd"
    loss: str = "cross_entropy"
    side_by_side: bool = False
    snapshots: int = 3
    seed: int = 0


def random_config(rng):
    """A random :class:`CycleConfig` (big data sets are rarer)."""
    optimizer = str(rng.choice(OPTIMIZERS))
    loss = "cross_entropy" if optimizer == "newton" or rng.random() < 0.7 else "mse"
    return CycleConfig(
        dataset=str(rng.choice(DATASETS)),
        n_samples=int(rng.choice(SIZES, p=(0.1, 0.15, 0.3, 0.2, 0.15, 0.1))),
        degree=int(rng.integers(1, 7)), optimizer=optimizer, loss=loss,
        side_by_side=bool(optimizer != "newton" and rng.random() < 0.3),
        snapshots=int(rng.choice([0, 1, 2, 5, 20])), seed=int(rng.integers(1000)))


# Eleven cycles for CI: every optimizer, both losses, each degree, landscape grids (degree 1),
# side by side, closing before the first snapshot, and 100 000 points at degree 6.
CI_CONFIGS = (
    CycleConfig("blobs", 200, 1, "gd", snapshots=5),
    CycleConfig("moons", 1000, 3, "adam", snapshots=2),
    CycleConfig("circles", 100_000, 6, "newton", snapshots=1),
    CycleConfig("xor", 30, 2, "sgd", "mse", snapshots=20),
    CycleConfig("separable", 10_000, 1, "momentum", side_by_side=True, snapshots=2),
    CycleConfig("spiral", 2, 6, "gd", snapshots=0),
    CycleConfig("overlap", 10_000, 4, "newton", snapshots=0),
    CycleConfig("blobs", 100_000, 1, "sgd", snapshots=3),
    CycleConfig("moons", 200, 5, "momentum", "mse", side_by_side=True, snapshots=1),
    CycleConfig("separable", 1000, 1, "newton", snapshots=20),
    # Step arrows' legend re-placed itself on its deleted view box at exit (cycle 58, seed 1).
    CycleConfig("overlap", 200, 1, "adam", snapshots=20, seed=411),
)


@dataclass
class CycleResult:
    """How one cycle ended."""

    config: CycleConfig
    returncode: int
    stderr: str
    report: dict
    survivors: list
    seconds: float

    @property
    def clean(self):
        """Exit 0, silent, nothing left running (bool)."""
        return (self.returncode == 0 and self.stderr == "" and not self.report.get("leftovers")
                and not self.survivors)

    def describe(self):
        """One paragraph on a cycle that was not clean (str)."""
        return (f"{self.config}: exit {self.returncode}, {self.seconds:.1f} s, leftovers "
                f"{self.report.get('leftovers')}, survivors {self.survivors}\n{self.stderr}")


# -- the parent ----------------------------------------------------------------------------------

def run_cycle(config):
    """Run one cycle in a fresh process and check how it ended (a :class:`CycleResult`)."""
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "tests.close_cycles", "--child", json.dumps(asdict(config))],
            cwd=ROOT, capture_output=True, text=True, timeout=CYCLE_TIMEOUT)
    except subprocess.TimeoutExpired:  # a hang is an unclean cycle, not the end of a campaign
        return CycleResult(config, None, f"no exit within {CYCLE_TIMEOUT} s", {}, [],
                           time.perf_counter() - start)
    lines = result.stdout.strip().splitlines()
    report = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    survivors = _survivors(report.get("descendants", []))
    return CycleResult(config, result.returncode, result.stderr, report, survivors,
                       time.perf_counter() - start)


def _survivors(pids, timeout_s=10.0):
    """The pids still alive (and not zombies) after their parent exited; each is given up to
    `timeout_s` to end (the resource tracker ends when it reads the end of its pipe)."""
    return [pid for pid in pids if not _gone(pid, timeout_s)]


def _gone(pid, timeout_s):
    """Wait for process `pid` to end (its pidfd becomes readable), at most `timeout_s`."""
    try:
        descriptor = os.pidfd_open(pid)
    except (AttributeError, OSError):  # gone already, or no pidfd here
        return not _alive(pid)
    try:
        select.select([descriptor], [], [], timeout_s)
    finally:
        os.close(descriptor)
    return not _alive(pid)


def _alive(pid):
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def main(argv=None):
    """``python -m tests.close_cycles --cycles N [--seed S]``: prints each unclean cycle and the
    tally; exit 1 unless every cycle was clean."""
    parser = argparse.ArgumentParser(prog="python -m tests.close_cycles")
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(CycleConfig(**json.loads(args.child)))
    rng = np.random.default_rng(args.seed)
    results = []
    for index in range(args.cycles):
        results.append(run_cycle(random_config(rng)))
        if not results[-1].clean:
            print(f"cycle {index} NOT CLEAN: {results[-1].describe()}", flush=True)
    clean = sum(result.clean for result in results)
    seconds = [result.seconds for result in results]
    print(f"{clean} of {len(results)} cycles exited 0, silent, with nothing left running "
          f"(seed {args.seed}; {np.median(seconds):.1f} s median, {max(seconds):.1f} s max "
          f"a cycle)")
    return 0 if clean == len(results) else 1


# -- the child -----------------------------------------------------------------------------------

def child(config):
    """Open, play, close and leave the event loop as the app does; print a JSON report (the
    leftovers once closed, the pids of this process's children) and return the exit code."""
    from tests import harness

    app = harness.offscreen_application()
    from PySide6.QtCore import QTimer

    from logreg_gui import MainWindow
    from logreg_gui.qt.window.application import delete_windows
    from logreg_gui.core.generators import generate
    from logreg_gui.core.state import TrainingOptions

    options = TrainingOptions(degree=config.degree, optimizer=config.optimizer,
                              loss=config.loss, batch_size=16)
    dataset = generate(config.dataset, config.n_samples, 1.0, config.seed)
    window = MainWindow(dataset, options, config.dataset, remember=False)
    window.resize(1920, 1080)  # the wide layout: the landscape is on screen
    report = {"descendants": []}
    driver = _Driver(window, config, report)
    window.show()
    QTimer.singleShot(0, driver.start)
    code = app.exec()
    report["leftovers"] = harness.leftovers(window)
    print(json.dumps(report), flush=True)
    delete_windows()  # as the app does after its event loop
    return code


IDLE = ("idle", "paused")  # what a snapshot says before Play has been answered


class _Driver:
    """Plays at full speed once the window is up, then closes after the configured number of
    snapshots (each arrival is an event: nothing waits for a time)."""

    def __init__(self, window, config, report):
        self._window, self._config, self._report = window, config, report
        self._seen, self._ran, self._closed = 0, False, False

    def start(self):
        window = self._window
        if self._config.side_by_side:
            window.controls.fields["side_by_side"].edit(True)
        window.controls.fields["speed"].edit(0)
        window.controller.play()
        if self._config.snapshots == 0:
            self.close()
        else:
            window.controller.snapshot_ready.connect(self._on_snapshot)

    def _on_snapshot(self, snapshot):
        self._seen += 1
        self._ran = self._ran or snapshot.running
        # Training may stop by itself first (converged, no finite optimum), even before a
        # snapshot says it runs (Newton on separated points): then close.
        stopped = not snapshot.running and (self._ran or snapshot.status not in IDLE)
        if self._seen == self._config.snapshots or stopped:
            self.close()

    def close(self):
        from tests import harness

        if self._closed:
            return
        self._closed = True

        children = harness.child_processes(trackers=True)
        self._report["descendants"] = [pid for pid, _, _ in children]
        self._window.close()  # the last window: the event loop ends



if __name__ == "__main__":
    sys.exit(main())
