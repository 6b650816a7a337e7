"""Trained coefficients against scikit-learn (StandardScaler + LogisticRegression(C=1/λ) on
PolynomialFeatures), mapped back to original units."""

import warnings

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

from logreg_gui.core.data import read_csv
from logreg_gui.core.generators import generate
from logreg_gui.core.loss import objective
from logreg_gui.core.training import CONVERGED, Trainer
from tests.conftest import BREAST_CANCER, IRIS_OVERLAP, IRIS_SEPARABLE

DATASETS = {"breast": read_csv(BREAST_CANCER), "iris-overlap": read_csv(IRIS_OVERLAP),
            "iris-separable": read_csv(IRIS_SEPARABLE), "blobs": generate("blobs", 200),
            "overlap": generate("overlap", 200), "moons": generate("moons", 200),
            "circles": generate("circles", 200), "xor": generate("xor", 200)}
# λ = 0 only where a finite, well-conditioned optimum exists (the others are separable in the
# feature space, or so nearly that scikit-learn itself warns of an ill-conditioned Hessian).
UNPENALISED = [("breast", 1), ("breast", 2), ("iris-overlap", 1), ("iris-overlap", 2),
               ("blobs", 1), ("blobs", 2), ("overlap", 1), ("overlap", 2), ("overlap", 6),
               ("moons", 1), ("moons", 2), ("circles", 1), ("xor", 1)]
CASES = ([(name, 0.0, degree) for name, degree in UNPENALISED]
         + [(name, l2, degree) for name in DATASETS for l2 in (0.1, 1.0, 10.0)
            for degree in (1, 2, 6)])


def reference(dataset, l2, degree):
    """scikit-learn's coefficients and intercept in original units."""
    mapped = PolynomialFeatures(degree, include_bias=False).fit_transform(dataset.X)
    scaler = StandardScaler().fit(mapped)
    model = LogisticRegression(C=1 / l2 if l2 else np.inf, solver="newton-cholesky", tol=1e-14,
                               max_iter=10_000).fit(scaler.transform(mapped), dataset.y)
    coef = model.coef_[0] / scaler.scale_
    return coef, model.intercept_[0] - coef @ scaler.mean_


def relative_error(trainer, dataset, l2, degree):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # scikit-learn's own numerics
        coef, intercept = reference(dataset, l2, degree)
    state = trainer.state()
    return max(np.max(np.abs(state.coef_ - coef) / np.abs(coef)),
               abs(state.intercept_ - intercept) / abs(intercept))


@pytest.mark.parametrize("name, l2, degree", CASES, ids=lambda v: str(v))
def test_newton_matches_scikit_learn(name, l2, degree):
    dataset = DATASETS[name]
    trainer = Trainer(dataset.X, dataset.y, optimizer="newton", l2=l2, degree=degree, tol=1e-11)
    trainer.advance(100)
    assert trainer.status == CONVERGED and trainer.iteration < 100
    assert relative_error(trainer, dataset, l2, degree) < 1e-6


@pytest.mark.parametrize("name, l2, degree", [
    ("breast", 0.0, 1), ("breast", 1.0, 1), ("breast", 10.0, 2), ("iris-overlap", 0.1, 1),
    ("iris-separable", 1.0, 1), ("overlap", 1.0, 2), ("moons", 10.0, 2)], ids=lambda v: str(v))
def test_gradient_descent_reaches_the_same_coefficients(name, l2, degree):
    dataset = DATASETS[name]
    trainer = Trainer(dataset.X, dataset.y, learning_rate=1.0, l2=l2, degree=degree, tol=1e-7)
    trainer.advance(50_000)
    assert trainer.status == CONVERGED
    assert relative_error(trainer, dataset, l2, degree) < 1e-3


def test_newton_reports_no_finite_optimum_on_separable_data_without_penalty():
    dataset = DATASETS["iris-separable"]
    trainer = Trainer(dataset.X, dataset.y, optimizer="newton")
    trainer.advance(100)
    assert trainer.status == "no finite optimum" and trainer.iteration < 20
    optimum = trainer.optimum()
    assert optimum.loss is None and "separable" in optimum.reason
    state = trainer.state()
    assert np.all(np.isfinite(state.coef_)) and state.accuracy == 1.0


def test_optimum_is_below_every_iterate_and_equals_newtons_limit():
    dataset = DATASETS["breast"]
    trainer = Trainer(dataset.X, dataset.y, l2=0.5, degree=2, learning_rate=0.5)
    optimum = trainer.optimum().loss
    losses = trainer.advance(300)[:, 0]
    assert np.all(losses > optimum)
    newton = Trainer(dataset.X, dataset.y, l2=0.5, degree=2, optimizer="newton", tol=1e-11)
    newton.advance(100)
    assert newton.state().loss == pytest.approx(optimum, rel=1e-12)


@pytest.mark.parametrize("l2, degree", [(0.0, 4), (1.0, 3)])
def test_optimum_of_raw_training_equals_scikit_learn_on_raw_features(l2, degree):
    dataset = DATASETS["breast"]
    trainer = Trainer(dataset.X, dataset.y, standardize=False, l2=l2, degree=degree)
    optimum = trainer.optimum()
    assert optimum.reason is None
    mapped = PolynomialFeatures(degree, include_bias=False).fit_transform(dataset.X)
    if l2 == 0:  # the same problem whatever the scaling: equal to the standardized optimum
        standardized = Trainer(dataset.X, dataset.y, degree=degree).optimum()
        assert optimum.loss == pytest.approx(standardized.loss, rel=1e-9)
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lbfgs warns on raw polynomial features
        model = LogisticRegression(C=1 / l2, tol=1e-12, max_iter=200_000).fit(mapped, dataset.y)
    theta = np.append(model.coef_[0], model.intercept_[0])
    sklearn_loss, _ = objective(theta, mapped, dataset.y, l2)
    assert optimum.loss <= sklearn_loss + 1e-9  # J* is the minimum: never above a solver's J
    assert optimum.loss == pytest.approx(sklearn_loss, rel=1e-4)


def test_optimum_for_a_tiny_penalty_on_separable_data_is_below_every_iterate():
    dataset = DATASETS["iris-separable"]
    trainer = Trainer(dataset.X, dataset.y, l2=1e-6, learning_rate=10.0)
    optimum = trainer.optimum().loss
    losses = trainer.advance(2000)[:, 0]
    assert np.all(losses >= optimum)
    newton = Trainer(dataset.X, dataset.y, l2=1e-6, optimizer="newton", tol=1e-14)
    newton.advance(200)
    assert newton.state().loss == pytest.approx(optimum, rel=1e-9)
