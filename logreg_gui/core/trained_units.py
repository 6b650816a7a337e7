"""The units training works in: the feature map φ and the scaling the trainer fits, so that
parameters set by hand (a dragged boundary, a clicked point of the landscape) can be turned into
the trained θ, and the training features rebuilt outside the trainer."""

from dataclasses import dataclass

import numpy as np

from logreg_gui.core.features import polynomial_features
from logreg_gui.core.scaling import Standardizer

CHUNK_ROWS = 65_536  # rows mapped at once by :meth:`TrainedUnits.chunks` (bounded memory)


@dataclass(frozen=True)
class TrainedUnits:
    """φ and the standardization of a data set under some options, fitted exactly as
    :class:`~logreg_gui.core.training.Trainer` fits them (on the training rows only).

    Parameters
    ----------
    degree : int, 1 … 6
        Degree of φ.
    scaler : Standardizer
        The map from φ(x) to the trained features (the identity without standardization).
    """

    degree: int
    scaler: Standardizer

    @classmethod
    def of(cls, dataset, options):
        """The units of `dataset` (a :class:`~logreg_gui.core.data.Dataset`; its test points
        are left out of the fit) under `options` (:class:`~logreg_gui.core.state.TrainingOptions`:
        its ``degree`` and ``standardize``)."""
        train = ~np.asarray(dataset.test_mask, dtype=bool)
        mapped = polynomial_features(np.asarray(dataset.X, dtype=np.float64)[train],
                                     options.degree)
        return cls(options.degree, Standardizer.fit(mapped, options.standardize))

    def features(self, X):
        """The trained features of points X (shape (n, 2), original units): φ(X) scaled,
        shape (n, n_output_features), float64 — the same numbers the trainer uses."""
        return self.scaler.transform(polynomial_features(np.asarray(X, dtype=np.float64),
                                                         self.degree))

    def training_set(self, dataset):
        """(X, y) of the training rows of `dataset` in the trained units, as
        :attr:`Trainer.features <logreg_gui.core.training.Trainer.features>` holds them:
        X of shape (n_train, n_output_features), y of shape (n_train,) int64."""
        train = ~np.asarray(dataset.test_mask, dtype=bool)
        return self.features(dataset.X[train]), np.asarray(dataset.y[train], dtype=np.int64)

    def chunks(self, dataset):
        """The training set of :meth:`training_set` in blocks of at most ``CHUNK_ROWS`` rows
        (so that a million points at degree 6 never need their whole feature matrix at once).

        Yields
        ------
        X : ndarray of float64, shape (k, n_output_features)
        y : ndarray of int64, shape (k,)
        """
        train = np.flatnonzero(~np.asarray(dataset.test_mask, dtype=bool))
        for start in range(0, len(train), CHUNK_ROWS):
            rows = train[start:start + CHUNK_ROWS]
            yield self.features(dataset.X[rows]), np.asarray(dataset.y[rows], dtype=np.int64)

    def to_trained(self, coef, intercept):
        """θ = (w, b) in the trained units of a model given in original units.

        Parameters
        ----------
        coef : array_like of float, shape (n_output_features,)
            Weights of φ(x) in original units.
        intercept : float

        Returns
        -------
        ndarray of float64, shape (n_output_features + 1,)
            The logits z = φ(x)·coef + intercept are unchanged: w = coef·s and
            b = intercept + coef·μ (μ, s of the scaling).

        Raises
        ------
        ValueError
            If `coef` does not have one weight per feature of φ.
        """
        coef = np.asarray(coef, dtype=np.float64)
        if coef.shape != self.scaler.scale_.shape:
            raise ValueError(f"coef must have {len(self.scaler.scale_)} weights, got "
                             f"shape {coef.shape}")
        return np.append(*self.scaler.from_original(coef, float(intercept)))

    def to_original(self, theta):
        """(coef, intercept) in original units of θ in the trained units (shape
        (n_output_features + 1,)); the inverse of :meth:`to_trained`."""
        theta = np.asarray(theta, dtype=np.float64)
        return self.scaler.to_original(theta[:-1], theta[-1])
