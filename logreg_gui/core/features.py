"""The polynomial feature map φ(x), in scikit-learn's ``PolynomialFeatures`` order."""

from itertools import combinations_with_replacement

import numpy as np

MAX_DEGREE = 6


def _check_degree(degree):
    if not (isinstance(degree, (int, np.integer)) and 1 <= degree <= MAX_DEGREE):
        raise ValueError(f"degree must be a whole number from 1 to {MAX_DEGREE}, got {degree!r}")


def _monomials(n_features, degree):
    """Index tuples of every monomial of total degree 1 … degree, e.g. (0, 0, 1) = x1²·x2."""
    return [combo for d in range(1, degree + 1)
            for combo in combinations_with_replacement(range(n_features), d)]


def polynomial_features(X, degree):
    """φ(x): every monomial x1^i·x2^j with 1 ≤ i + j ≤ degree.

    Same columns, in the same order, as scikit-learn's
    ``PolynomialFeatures(degree, include_bias=False)``; degree 1 returns X itself.

    Parameters
    ----------
    X : ndarray of float64, shape (n_samples, n_features)
    degree : int, 1 … 6

    Returns
    -------
    ndarray of float64, shape (n_samples, n_output_features)
        n_output_features = 5 for degree 2, 27 for degree 6 (two features).

    Raises
    ------
    ValueError
        If `degree` is not a whole number from 1 to 6.
    """
    _check_degree(degree)
    X = np.asarray(X, dtype=np.float64)
    if degree == 1:
        return X
    with np.errstate(over="ignore"):  # huge inputs give inf; the trainer reports divergence
        return np.column_stack([np.prod(X[:, list(combo)], axis=1)
                                for combo in _monomials(X.shape[1], degree)])


def polynomial_feature_names(names, degree):
    """Names of the columns of :func:`polynomial_features`, e.g. ``x1^2*x2``.

    Parameters
    ----------
    names : sequence of str
        The input features' names.
    degree : int, 1 … 6

    Returns
    -------
    list of str
    """
    _check_degree(degree)
    result = []
    for combo in _monomials(len(names), degree):
        powers = [(names[i], combo.count(i)) for i in sorted(set(combo))]
        result.append("*".join(name if power == 1 else f"{name}^{power}"
                               for name, power in powers))
    return result
