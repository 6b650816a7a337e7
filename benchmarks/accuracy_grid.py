"""Accuracy of J*, of Newton training and of first-order "converged" claims over a grid.

Grid: the shipped datasets and the generators (200 points each) × degree 1, 2, 3, 6 ×
λ 0, 0.01, 1, 100 × standardize on/off; optimizers newton, gd, momentum, adam (first-order
runs up to 20 000 steps). Truth: scikit-learn refined by an independent Newton method
(``tests/core/reference.py``); "no finite optimum" is checked with the separating direction
itself (every margin ≥ 0, all > 0 for complete separation).

Printed: how many Newton configurations are within 1e-6 (relative) of the reference J* or
correctly flagged as having no finite optimum, for ``Trainer.optimum()`` and for the trainer's
own Newton iterations; and, for first-order runs, how many iterates each candidate stopping
rule calls converged and how many of those are within 1e-3 of θ* (unit-RMS coordinates).

Usage: ``python benchmarks/accuracy_grid.py [--quick] [--steps N]`` (the full grid takes
about 20 minutes on one core; ``--quick`` about half a minute).
"""

import argparse
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from threadpoolctl import threadpool_limits  # noqa: E402

threadpool_limits(limits=1, user_api="blas")  # as the app
from logreg_gui.core.data import read_csv  # noqa: E402
from logreg_gui.core.generators import generate  # noqa: E402
from logreg_gui.core.optimum import find_optimum  # noqa: E402
from logreg_gui.core.stopping import (FIRST_ORDER_TOL, column_scale, converged,  # noqa: E402
                                      distance_to_optimum, scaled_gradient_norm)
from logreg_gui.core.training import Trainer  # noqa: E402
from tests.core.reference import (reference_fit, relative_distance,  # noqa: E402
                                  trained_features)

GENERATORS = ("blobs", "xor", "circles", "moons", "spiral", "separable", "overlap")
LEARNING_RATES = {"gd": 1.0, "momentum": 0.1, "adam": 0.01}
GRADIENT_RULES = (1e-4, 1e-5, 1e-6, 1e-7)
CHECK_EVERY = 100


def datasets(quick):
    shipped = {path.stem: read_csv(path)
               for path in sorted((ROOT / "resources" / "datasets").glob("*.csv"))}
    names = ("xor", "circles") if quick else GENERATORS
    return {**shipped, **{name: generate(name, 200) for name in names}}


def reference(data, degree, l2, standardize):
    """(θ* in trained units, J*, converged?) from scikit-learn + the independent Newton."""
    X = trained_features(data.X, degree, standardize)
    if standardize or l2 == 0:
        # λ = 0: J* and θ* do not depend on the scaling; solve standardized, map back.
        from sklearn.preprocessing import PolynomialFeatures, StandardScaler

        mapped = PolynomialFeatures(degree, include_bias=False).fit_transform(data.X)
        scaler = StandardScaler().fit(mapped)
        found = reference_fit(scaler.transform(mapped), data.y, l2)
        theta = found.theta
        if not standardize:
            coef = theta[:-1] / scaler.scale_
            theta = np.append(coef, theta[-1] - coef @ scaler.mean_)
        return theta, found.loss, found.converged, X
    found = reference_fit(X, data.y, l2)
    return found.theta, found.loss, found.converged, X


def separation_certified(data, degree):
    """Whether find_optimum's separating direction really has every margin ≥ 0."""
    X = trained_features(data.X, degree, True)
    found = find_optimum(X, data.y, 0.0)
    if found.direction is None:
        return False
    z = X @ found.direction[:-1] + found.direction[-1]
    margins = (2 * data.y - 1) * z
    size = np.abs(X) @ np.abs(found.direction[:-1]) + abs(found.direction[-1])
    if found.separation == "complete":
        return bool(np.all(margins > 0))
    return bool(np.all(margins >= -1e-9 * size) and np.any(margins > 1e-6 * size))


def newton_checks(data, degree, l2, standardize, ref_loss, ref_converged, tally, failures,
                  label):
    trainer = Trainer(data.X, data.y, optimizer="newton", degree=degree, l2=l2,
                      standardize=standardize, tol=1e-10)
    start = time.perf_counter()
    found = trainer.optimum()
    tally["optimum seconds"] += time.perf_counter() - start
    if found.loss is None:
        ok = l2 == 0 and found.separation is not None and separation_certified(data, degree)
        tally["J*: no finite optimum, certified" if ok else "J*: FAILED (refused)"] += 1
        if not ok:
            failures.append(f"{label}: refused: {found.reason}")
        trainer.advance(300)
        state = trainer.state()
        if found.separation == "complete":
            good = state.status == "no finite optimum"
        else:  # quasi-complete: the iterates approach the infimum
            good = abs(state.loss - found.infimum) <= 1e-6 * max(found.infimum, 1e-300) + 1e-9
        tally["trainer newton: separation handled" if good
              else "trainer newton: separation not reported"] += 1
        return
    error = (found.loss - ref_loss) / ref_loss
    if abs(error) <= 1e-6:
        tally["J*: within 1e-6"] += 1
    elif error < 0 and not ref_converged:
        tally["J*: below an unconverged reference"] += 1
    else:
        tally["J*: FAILED"] += 1
        failures.append(f"{label}: J* {found.loss!r} vs reference {ref_loss!r}")
    trainer.advance(300)
    loss = trainer.state().loss
    error = (loss - min(ref_loss, found.loss)) / ref_loss
    if abs(error) <= 1e-6:
        tally["trainer newton: within 1e-6"] += 1
    else:
        tally["trainer newton: FAILED"] += 1
        failures.append(f"{label}: trainer newton J {loss!r} vs {ref_loss!r}")


def first_order_checks(data, degree, l2, standardize, theta_ref, has_optimum, X, steps,
                       optimizer, claims):
    trainer = Trainer(data.X, data.y, optimizer=optimizer, degree=degree, l2=l2,
                      standardize=standardize, learning_rate=LEARNING_RATES[optimizer])
    trainer.optimum()  # as the window, which computes J* beside the run
    scale = column_scale(X)
    pending = {f"gradient ≤ {tol:g}": tol for tol in GRADIENT_RULES}
    pending["trainer status (today)"] = None
    pending[f"gradient ≤ {FIRST_ORDER_TOL:g} and distance ≤ 1e-3"] = "distance"
    reached = False
    for _ in range(0, steps, CHECK_EVERY):
        trainer.advance(CHECK_EVERY)
        state = trainer.state()
        if state.status == "diverged" or not np.isfinite(state.loss):
            break
        if has_optimum and not reached and relative_distance(state.theta, theta_ref, X) <= 1e-3:
            reached = True
            claims["runs"]["reached 1e-3 of θ*"] += 1
        gradient = scaled_gradient_norm(state.gradient, scale)
        for rule, tol in list(pending.items()):
            if tol is None:
                holds = state.status == "converged"
            elif tol == "distance":
                holds = (converged(gradient, state.loss, FIRST_ORDER_TOL)
                         and distance_to_optimum(state.theta, X, data.y, l2, state.gradient,
                                                 scale) <= 1e-3)
            else:
                holds = converged(gradient, state.loss, tol)
            if holds:
                del pending[rule]
                if not has_optimum:
                    claims[rule]["claims without a finite optimum"] += 1
                    continue
                distance = relative_distance(state.theta, theta_ref, X)
                claims[rule]["claims"] += 1
                claims[rule]["within 1e-3"] += distance <= 1e-3
                claims[rule]["worst"] = max(claims[rule]["worst"], distance)
        if not pending and reached:
            break
        if state.status == "converged":
            continue  # advance() resumes a converged trainer


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a subset (about half a minute)")
    parser.add_argument("--steps", type=int, default=None, help="first-order steps")
    args = parser.parse_args()
    steps = args.steps or (2000 if args.quick else 20_000)
    degrees = (1, 6) if args.quick else (1, 2, 3, 6)
    penalties = (0.0, 1.0) if args.quick else (0.0, 0.01, 1.0, 100.0)
    tally, failures = Counter(), []
    claims = {}
    start = time.perf_counter()
    for name, data in datasets(args.quick).items():
        for degree in degrees:
            for l2 in penalties:
                for standardize in (True, False):
                    label = f"{name} degree {degree} λ {l2:g} standardize {standardize}"
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        theta_ref, ref_loss, ref_converged, X = reference(
                            data, degree, l2, standardize)
                    tally["configurations"] += 1
                    newton_checks(data, degree, l2, standardize, ref_loss, ref_converged,
                                  tally, failures, label)
                    has_optimum = Trainer(data.X, data.y, degree=degree, l2=l2,
                                          standardize=standardize).optimum().loss is not None
                    claims.setdefault("runs", Counter())
                    for optimizer in LEARNING_RATES:
                        claims["runs"]["runs"] += has_optimum
                        for rule in [f"gradient ≤ {tol:g}" for tol in GRADIENT_RULES] + [
                                "trainer status (today)",
                                f"gradient ≤ {FIRST_ORDER_TOL:g} and distance ≤ 1e-3"]:
                            claims.setdefault(rule, Counter(worst=0.0))
                        first_order_checks(data, degree, l2, standardize, theta_ref,
                                           has_optimum, X, steps, optimizer, claims)
    print(f"grid: {tally['configurations']} configurations, first-order steps {steps}, "
          f"{time.perf_counter() - start:.0f} s")
    for key in sorted(tally):
        if key != "configurations":
            value = tally[key]
            print(f"  {key}: {value:.2f}" if isinstance(value, float) else f"  {key}: {value}")
    print("first-order 'converged' claims (first checkpoint where the rule holds, every "
          f"{CHECK_EVERY} steps; {', '.join(f'{k} η={v:g}' for k, v in LEARNING_RATES.items())}):")
    runs = claims.pop("runs")
    print(f"  runs with a finite optimum: {runs['runs']}, of which {runs['reached 1e-3 of θ*']} "
          "came within 1e-3 of θ* at a checkpoint")
    for rule, counts in claims.items():
        print(f"  {rule}: {counts['claims']} claims, {counts['within 1e-3']} within 1e-3 of θ*, "
              f"worst {counts['worst']:.2g}; {counts['claims without a finite optimum']} on "
              f"data without a finite optimum")
    for failure in failures:
        print("FAILED", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
