"""Reproducible two-class data generators (numpy's PCG64 via ``default_rng``: the same points
on every platform)."""

import numpy as np

from logreg_gui.core.data import Dataset


def _labels(n_samples):
    """Alternating 0, 1, 0, 1, …: the classes differ in size by at most one."""
    return np.arange(n_samples, dtype=np.int64) % 2


def _blobs(rng, y, noise, separation):
    centres = np.array([[-1.0, -1.0], [1.0, 1.0]]) * separation
    return centres[y] + noise * rng.standard_normal((len(y), 2))


def blobs(rng, y, noise):
    """Two Gaussian clouds around (−1.5, −1) and (1.5, 1), standard deviation `noise`."""
    centres = np.array([[-1.5, -1.0], [1.5, 1.0]])
    return centres[y] + noise * rng.standard_normal((len(y), 2))


def separable(rng, y, noise):
    """Two clouds far apart (a wide empty margin): no finite optimum without L2."""
    return _blobs(rng, y, 0.3 * noise, 2.5)


def overlap(rng, y, noise):
    """Two heavily overlapping clouds: accuracy well below 100 % at the optimum."""
    return _blobs(rng, y, 1.5 * noise, 0.5)


def xor(rng, y, noise):
    """Four clusters at the corners of a square; diagonal corners share a class."""
    corner = rng.integers(0, 2, size=len(y))
    sign = np.where(corner == 0, 1.0, -1.0)
    centres = np.column_stack([sign, np.where(y == 1, -sign, sign)]) * 1.5
    return centres + 0.5 * noise * rng.standard_normal((len(y), 2))


def circles(rng, y, noise):
    """Class 0 on a ring of radius 2, class 1 on a ring of radius 0.8 inside it."""
    angle = rng.uniform(0, 2 * np.pi, size=len(y))
    radius = np.where(y == 1, 0.8, 2.0)
    ring = np.column_stack([np.cos(angle), np.sin(angle)]) * radius[:, None]
    return ring + 0.2 * noise * rng.standard_normal((len(y), 2))


def moons(rng, y, noise):
    """Two interleaving half circles (as scikit-learn's ``make_moons``, scaled by 2)."""
    t = rng.uniform(0, np.pi, size=len(y))
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])
    points = np.where(y[:, None] == 0, upper, lower) * 2
    return points + 0.2 * noise * rng.standard_normal((len(y), 2))


def spiral(rng, y, noise):
    """Two interleaved arms of an Archimedean spiral, 1.5 turns each."""
    t = np.sqrt(rng.uniform(0, 1, size=len(y))) * 3 * np.pi
    arm = t + np.where(y == 1, np.pi, 0.0)
    points = np.column_stack([t * np.cos(arm), t * np.sin(arm)]) / np.pi
    return points + 0.15 * noise * rng.standard_normal((len(y), 2))


GENERATORS = {f.__name__: f for f in (blobs, xor, circles, moons, spiral, separable, overlap)}


def generate(name, n_samples=100, noise=1.0, random_state=0):
    """Generate one of the named data sets.

    Parameters
    ----------
    name : str
        One of ``blobs, xor, circles, moons, spiral, separable, overlap``.
    n_samples : int ≥ 2
    noise : float ≥ 0
        Scale of the Gaussian jitter (1 is each generator's default look; 0 is noise-free).
    random_state : int
        Seed of ``np.random.default_rng``.

    Returns
    -------
    Dataset
        Features named x1, x2; classes named 0 and 1.

    Raises
    ------
    ValueError
        For an unknown name, n_samples < 2 or a negative or non-finite noise.
    """
    if name not in GENERATORS:
        raise ValueError(f"dataset must be one of {', '.join(GENERATORS)}, got {name!r}")
    if n_samples < 2:
        raise ValueError(f"n_samples must be at least 2, got {n_samples}")
    if not (np.isfinite(noise) and noise >= 0):
        raise ValueError(f"noise must be a non-negative number, got {noise}")
    y = _labels(n_samples)
    X = GENERATORS[name](np.random.default_rng(random_state), y, noise)
    return Dataset(X, y)
