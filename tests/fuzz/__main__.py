"""Long fuzzing campaigns: ``python -m tests.fuzz --actions N --seed S [--seeds K] [--report]``."""

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

from tests import harness
from tests.fuzz.common import FuzzFailure, open_window
from tests.fuzz.fuzzer import ActionFuzzer


def run_seed(seed, n_actions, folder, **limits):
    """Fuzz one fresh window with `seed` for `n_actions` actions; returns the FuzzReport (raises
    FuzzFailure). `limits`: max_points, max_latency, max_action_seconds of ActionFuzzer."""
    fuzzer = ActionFuzzer(open_window(), np.random.default_rng(seed), Path(folder) / str(seed),
                          seed=seed, **limits)
    try:
        fuzzer.run(n_actions)
    except BaseException:
        fuzzer.close(check=False)
        raise
    fuzzer.close()
    return fuzzer.report


def main(argv=None):
    """``python -m tests.fuzz --actions N --seed S [--seeds K] [--report]``: exit 1 on the first
    failure (printed with its replay command), else 0."""
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split(
        "\n\n")[0])
    parser.add_argument("--actions", type=int, default=1000, help="actions per seed")
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--seeds", type=int, default=1, help="how many seeds, from --seed on")
    parser.add_argument("--max-points", type=int, default=20_000,
                        help="largest generated data set")
    parser.add_argument("--max-latency", type=float, default=5.0,
                        help="seconds the event loop may take to answer (a freeze; answers "
                        "over 100 ms and 1 s are counted in the report)")
    parser.add_argument("--max-action-seconds", type=float, default=30.0,
                        help="seconds an action may take")
    parser.add_argument("--watchdog", type=float, default=None,
                        help="print every thread's stack when an action has run this long (s)")
    parser.add_argument("--report", action="store_true", help="print figures of each seed")
    args = parser.parse_args(argv)
    harness.offscreen_application()
    warnings.simplefilter("error")  # as pytest runs (pyproject: filterwarnings = error)
    started, failures = time.perf_counter(), 0
    with tempfile.TemporaryDirectory(prefix="logreg-fuzz-") as folder:
        for seed in range(args.seed, args.seed + args.seeds):
            try:
                report = run_seed(seed, args.actions, folder, max_points=args.max_points,
                                  max_latency=args.max_latency,
                                  max_action_seconds=args.max_action_seconds,
                                  watchdog=args.watchdog)
            except FuzzFailure as failure:
                failures += 1
                print(f"FAILED {failure}", flush=True)
                continue
            print(report.summary() if args.report else f"seed {seed}: {args.actions} actions "
                  "passed", flush=True)
    print(f"{args.seeds} seed(s) × {args.actions} actions, {failures} failed, "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
