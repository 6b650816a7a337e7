"""How fast J* is found, and how soon its search stops when cancelled (100 000 points × 27
features: the 'overlap' generator at degree 6, standardized, one BLAS thread as the app).

Printed: the separation check's time, the whole search's time, and for cancellations requested
at several moments the delay from the request to the return (target: ≤ 0.3 s, so that a data
change never waits for a stale J*).

Usage: ``python benchmarks/bench_optimum.py [--n-samples N]``.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from threadpoolctl import threadpool_limits  # noqa: E402

threadpool_limits(limits=1, user_api="blas")  # as the app
from logreg_gui.core.features import polynomial_features  # noqa: E402
from logreg_gui.core.generators import generate  # noqa: E402
from logreg_gui.core.optimum import find_optimum  # noqa: E402
from logreg_gui.core.scaling import Standardizer  # noqa: E402
from logreg_gui.core.separation import detect_separation  # noqa: E402

CANCEL_TARGET = 0.3  # seconds


def problem(n_samples):
    data = generate("overlap", n_samples)
    mapped = polynomial_features(data.X, 6)
    return Standardizer.fit(mapped).transform(mapped), data.y


def timed(function):
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def cancellation_delay(X, y, after):
    """Seconds from the first yes of should_stop (asked after `after` s) to the return."""
    start = time.perf_counter()
    requested = []

    def should_stop():
        if not requested and time.perf_counter() - start >= after:
            requested.append(time.perf_counter())
        return bool(requested)

    find_optimum(X, y, 0.0, should_stop=should_stop)
    return time.perf_counter() - requested[0] if requested else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-samples", type=int, default=100_000)
    args = parser.parse_args()
    X, y = problem(args.n_samples)
    print(f"{len(y)} points × {X.shape[1]} features")
    _, seconds = timed(lambda: detect_separation(X, y))
    print(f"separation check      {seconds:7.3f} s")
    found, total = timed(lambda: find_optimum(X, y, 0.0))
    print(f"J* search (all)       {total:7.3f} s  ({found.iterations} Newton iterations)")
    for fraction in (0.1, 0.3, 0.6, 0.9):
        delay = cancellation_delay(X, y, fraction * total)
        verdict = "met" if delay <= CANCEL_TARGET else "MISSED"
        print(f"cancel at {fraction:.0%} of search: returned after {delay:6.3f} s "
              f"(target ≤ {CANCEL_TARGET} s: {verdict})")


if __name__ == "__main__":
    main()
