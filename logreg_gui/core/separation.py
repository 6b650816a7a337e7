"""Whether the unpenalised log-loss has a minimiser: complete and quasi-complete separation,
decided by linear programming.

With A = [X, 1] and the signed rows ã_i = (2y_i − 1)·a_i, a direction β is a *recession
direction* of the unpenalised J when every margin ã_i·β ≥ 0 and some is > 0: along θ + t·β the
loss of every point with a positive margin falls to 0 as t → ∞ while the others stay as they
are. The minimiser exists exactly when no such β exists (Albert & Anderson 1984). The data are

* **completely separated** when some β gives every margin > 0 (inf J = 0), and
* **quasi-completely separated** when recession directions exist but every one of them leaves
  the same non-empty *overlap* set O of points with margin 0 (points on the separating
  hyperplanes, e.g. both classes at the same x). Then inf J = (|O|/n)·min J_O, J_O the mean
  log-loss of the overlap points alone, which has a minimiser.

References
----------
Albert, A. & Anderson, J. A. (1984), "On the existence of maximum likelihood estimates in
logistic regression models", *Biometrika* 71(1), 1–10.
Konis, K. (2007), *Linear programming algorithms for detecting separated data in binary
logistic regression models*, DPhil thesis, University of Oxford (the LP of Chapter 4).
"""

from dataclasses import dataclass

import numpy as np

COMPLETE, QUASI_COMPLETE = "complete", "quasi-complete"

# Margins are measured on rows normalised to entries in [−1, 1] with |β_j| ≤ 1, so they are
# relative to the data's range: a positive margin must exceed POSITIVE, a constraint may be
# violated by at most FEASIBLE (the LP is solved to 1e-10).
POSITIVE = 1e-8
FEASIBLE = 1e-9
LP_OPTIONS = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}
WORKING_SET = 2000  # rows in the first LP (constraint generation adds violated rows)
ADDED_PER_ROUND = 500
MAX_ROUNDS = 200


class Cancelled(Exception):
    """Raised inside :func:`detect_separation` when `should_stop` returns True."""


@dataclass(frozen=True)
class Separation:
    """The result of :func:`detect_separation`.

    Parameters
    ----------
    kind : str or None
        ``"complete"``, ``"quasi-complete"`` or None (not separated: a finite minimiser).
    overlap : ndarray of bool, shape (n_samples,)
        The points that keep margin 0 along every recession direction (the overlap set O):
        all points when not separated, none under complete separation.
    direction : ndarray of float64, shape (n_features + 1,), or None
        A recession direction β = (w, b) in the units of X: margins (2y − 1)·(X·w + b) ≥ 0,
        > 0 off the overlap set. None when not separated.
    """

    kind: str | None
    overlap: np.ndarray
    direction: np.ndarray | None = None

    @property
    def separated(self):
        """Whether there is no finite minimiser (bool)."""
        return self.kind is not None


def detect_separation(X, y, should_stop=None):
    """Decide complete, quasi-complete or no separation of (X, y) by linear programming.

    Repeatedly maximise the sum of the margins of the points still in the candidate overlap
    set, Σ ã_i·β, subject to ã_i·β ≥ 0 for every point and −1 ≤ β_j ≤ 1 (Konis 2007); every
    point that gets a positive margin is removed from the candidates. When an LP leaves them
    all at 0 the candidates are the overlap set. The direction returned is the sum of the
    LPs' solutions. Each LP has only p + 1 variables; it is solved by constraint generation
    (a subset of rows first, then the violated rows added), so 100 000 × 27 data take a few
    tens of milliseconds when they are not separated.

    Scale: each feature is centred and divided by its largest magnitude (an affine change of
    β, which leaves the set of recession directions equivalent), so features in any units
    give the same answer; margins below 1e-8 of the data's range count as 0.

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, n_features)
        The features the model is trained on (mapped, any scaling); the columns whose weights
        are penalised must be left out (a penalised weight cannot grow without bound).
    y : ndarray of int, shape (n_samples,)
        Labels in {0, 1}.
    should_stop : callable () → bool, optional
        Checked between LPs; True raises :class:`Cancelled`.

    Returns
    -------
    Separation

    Raises
    ------
    Cancelled
        If `should_stop` returned True.
    ValueError
        If X or y is empty or not finite, or their lengths differ (the message names them).

    References
    ----------
    Konis (2007), Chapter 4; Albert & Anderson (1984).
    """
    X, y = _checked(X, y)
    signed, unit, mean, kept = _signed_rows(X, y)
    program = _MarginProgram(signed, should_stop)
    candidates = np.ones(len(y), dtype=bool)
    beta, margins = program.max_margin_sum(candidates)
    if not np.any(margins > POSITIVE):
        return Separation(None, candidates)  # the usual case: one LP
    beta_min, smallest = program.max_min_margin()
    if smallest > POSITIVE:  # every margin positive at once
        return Separation(COMPLETE, ~candidates,
                          _original_direction(beta_min, unit, mean, kept))
    total = np.zeros(signed.shape[1])
    for _ in range(MAX_ROUNDS):
        positive = candidates & (margins > POSITIVE)
        if not positive.any():
            break
        candidates &= ~positive
        total += beta
        beta, margins = program.max_margin_sum(candidates)
    kind = COMPLETE if not candidates.any() else QUASI_COMPLETE
    return Separation(kind, candidates, _original_direction(total, unit, mean, kept))


def has_single_class(y):
    """Whether all labels are equal: then b → ±∞ lowers J to 0 even with an L2 penalty (the
    intercept is never penalised), so no finite minimiser exists for any λ.

    Parameters
    ----------
    y : ndarray of int, shape (n_samples,)

    Returns
    -------
    bool
        True also for a single sample; False for no samples.
    """
    y = np.asarray(y)
    return bool(len(y) and np.all(y == y[0]))


def _checked(X, y):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must be a non-empty 2-d array, got shape {X.shape}")
    if len(y) != X.shape[0]:
        raise ValueError(f"y must have one label per row of X ({X.shape[0]}), got {len(y)}")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite, got inf or NaN")
    return X, y


def _signed_rows(X, y):
    """The rows ã_i = (2y_i − 1)·[x̂_i, 1] with x̂ centred and scaled to max |x̂| = 1.

    Constant columns are dropped (they only repeat the intercept). Returns the rows, shape
    (n, k + 1), and (unit, mean, kept) to map β back to the units of X.
    """
    peak = np.max(np.abs(X), axis=0)
    unit_free = X / np.where(peak > 0, peak, 1.0)  # no overflow in the mean for huge values
    centred = unit_free - unit_free.mean(axis=0)
    spread = np.max(np.abs(centred), axis=0)
    kept = spread > 1e-12  # relative to each column's magnitude (unit_free is in [−1, 1])
    scaled = centred[:, kept] / spread[kept]
    signs = np.where(np.asarray(y) == 1, 1.0, -1.0)
    signed = np.column_stack([scaled, np.ones(len(y))]) * signs[:, None]
    unit = np.where(peak > 0, peak, 1.0)[kept] * spread[kept]
    mean = (unit_free.mean(axis=0) * np.where(peak > 0, peak, 1.0))[kept]
    return signed, unit, mean, kept


def _original_direction(beta, unit, mean, kept):
    """β for the normalised columns (x − mean)/unit → (w, b) for the columns of X."""
    w = np.zeros(len(kept))
    w[kept] = beta[:-1] / unit
    intercept = beta[-1] - float(beta[:-1] @ (mean / unit))
    direction = np.append(w, intercept)
    return direction / np.max(np.abs(direction))


class _MarginProgram:
    """The LPs over β (and a margin s) with one constraint ã_i·β ≥ s per point, solved by
    constraint generation: only a working set of rows enters each LP; rows the solution
    violates are added and the LP solved again. The working set is kept from LP to LP (the
    constraints never change, only the objective), so later LPs start with the binding rows.
    """

    def __init__(self, signed, should_stop):
        self.signed, self.should_stop = signed, should_stop
        n = len(signed)
        self.working = np.zeros(n, dtype=bool)
        self.working[np.linspace(0, n - 1, min(n, WORKING_SET)).astype(np.int64)] = True

    def max_margin_sum(self, candidates):
        """max Σ_{i∈candidates} ã_i·β s.t. ã_i·β ≥ 0 for all i, |β_j| ≤ 1.

        Returns β, shape (k + 1,), and all margins ã_i·β, shape (n,).
        """
        # The objective sums the candidate rows; divided by their count it stays of order 1.
        cost = -self.signed[candidates].sum(axis=0) / max(1, candidates.sum())
        solution, margins = self._solve(np.append(cost, 0.0), (0.0, 0.0))
        return solution[:-1], margins

    def max_min_margin(self):
        """max s s.t. ã_i·β ≥ s for all i, |β_j| ≤ 1, s ≤ 1; returns β and s."""
        cost = np.zeros(self.signed.shape[1] + 1)
        cost[-1] = -1.0
        solution, _ = self._solve(cost, (None, 1.0))
        return solution[:-1], float(solution[-1])

    def _solve(self, cost, margin_bounds):
        """Minimise cost·(β, s) s.t. −ã_i·β + s ≤ 0 on the working set, then on every row."""
        k = self.signed.shape[1]
        bounds = [(-1.0, 1.0)] * k + [margin_bounds]
        while True:
            if self.should_stop is not None and self.should_stop():
                raise Cancelled
            rows = self.signed[self.working]
            result = _linprog()(cost, A_ub=np.column_stack([-rows, np.ones(len(rows))]),
                             b_ub=np.zeros(len(rows)), bounds=bounds, method="highs",
                             options=LP_OPTIONS)
            solution = result.x if result.status == 0 else np.zeros(k + 1)
            margins = self.signed @ solution[:-1]
            violated = np.flatnonzero((margins < solution[-1] - FEASIBLE) & ~self.working)
            if len(violated) == 0:
                return solution, margins
            # The most violated rows first: they are the ones that will bind.
            worst = violated[np.argsort(margins[violated])[:ADDED_PER_ROUND]]
            self.working[worst] = True


def _linprog():
    """scipy.optimize.linprog, imported on first use: loading SciPy's optimizers adds about a
    second to the window's start, and only training (in its own process) needs them."""
    from scipy.optimize import linprog

    return linprog
