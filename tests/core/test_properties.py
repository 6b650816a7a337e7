"""Properties of the objective and of training, over random problems (hypothesis).

The table reader's properties (only its own error on arbitrary bytes and text, write → read
round trips) are in test_table.py. Examples are derandomized and bounded so that CI is fast and
never flakes; raise ``max_examples`` locally for a longer search.
"""

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from logreg_gui.core.features import polynomial_features
from logreg_gui.core.loss import LOSSES
from logreg_gui.core.model import LogisticModel
from logreg_gui.core.training import Trainer
from tests.conftest import central_differences

PROPERTY = settings(max_examples=40, deadline=None, derandomize=True)
ITERATIONS = 15
# Optimizers whose trajectory does not depend on the order of the points: SGD is run with one
# batch of every point (its reshuffling then only reorders a sum).
OPTIMIZERS = st.sampled_from(["gd", "momentum", "adam", "newton", "sgd"])


def coordinates(low=-2.0, high=2.0):
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


@st.composite
def problems(draw, min_n=4, max_n=24):
    """(X of shape (n, 2), y of shape (n,) with both classes), every feature non-constant."""
    n = draw(st.integers(min_n, max_n))
    X = draw(arrays(np.float64, (n, 2), elements=coordinates()))
    y = draw(arrays(np.int64, n, elements=st.integers(0, 1)))
    y[:2] = (0, 1)
    assume(np.all(np.ptp(X, axis=0) > 1e-2))
    return X, y


@st.composite
def training_options(draw):
    """Options of a short run that neither diverges nor stops on a tolerance."""
    optimizer = draw(OPTIMIZERS)
    # Newton solves H·step = −∇J: without a penalty, collinear or too few points make H
    # singular and the step's null-space part is rounding, which no symmetry preserves.
    penalties = [0.1, 3.0] if optimizer == "newton" else [0.0, 0.1, 3.0]
    return {"optimizer": optimizer, "degree": draw(st.integers(1, 3)),
            "l2": draw(st.sampled_from(penalties)),
            "learning_rate": draw(st.floats(0.01, 0.5)), "standardize": draw(st.booleans()),
            "loss": "cross_entropy" if optimizer == "newton" else draw(
                st.sampled_from(["cross_entropy", "mse"])),
            "tol": 1e-15}


def trajectory(X, y, options, iterations=ITERATIONS):
    """θ (trained units) after each of `iterations` single updates, and the final trainer."""
    options = dict(options)
    if options["optimizer"] == "sgd":
        options["batch_size"] = len(y)
    trainer = Trainer(X, y, **options)
    thetas = []
    for _ in range(iterations):
        trainer.advance(1)
        thetas.append(trainer.state().theta)
    return np.array(thetas), trainer


def assert_same_run(first, second, sign=1.0):
    """Two runs agree: θ after every update (to rounding); `sign` −1: mirrored."""
    np.testing.assert_allclose(first, sign * second, rtol=1e-7, atol=1e-9)


# -- the objective -------------------------------------------------------------------------------

@PROPERTY
@given(data=problems(max_n=12), degree=st.integers(1, 6), l2=st.floats(0.0, 10.0),
       loss=st.sampled_from(sorted(LOSSES)), seed=st.integers(0, 2**32 - 1))
def test_the_gradient_equals_central_differences(data, degree, l2, loss, seed):
    X, y = data
    features = polynomial_features(X / 2, degree)  # |x| ≤ 1: every monomial stays ≤ 1
    theta = np.random.default_rng(seed).uniform(-3, 3, features.shape[1] + 1)
    objective = LOSSES[loss].objective
    value, gradient = objective(theta, features, y, l2)
    numeric = central_differences(lambda t: objective(t, features, y, l2)[0], theta)
    np.testing.assert_allclose(gradient, numeric, rtol=1e-5, atol=1e-7 * (1 + abs(value)))


@PROPERTY
@given(data=problems(), l2=st.floats(0.0, 1e6), loss=st.sampled_from(sorted(LOSSES)),
       theta=arrays(np.float64, 3, elements=st.floats(-1e6, 1e6)))
def test_the_objective_is_never_negative(data, l2, loss, theta):
    X, y = data
    value, _ = LOSSES[loss].objective(theta, X, y, l2)
    assert value >= 0


# -- training ------------------------------------------------------------------------------------

@PROPERTY
@given(data=problems(), options=training_options())
def test_duplicating_every_point_and_doubling_the_penalty_leaves_the_run_unchanged(data,
                                                                                   options):
    # J = mean loss + λ/(2n)·‖w‖²: twice the points with 2λ is the same function of θ.
    X, y = data
    once, _ = trajectory(X, y, options)
    twice, _ = trajectory(np.vstack([X, X]), np.concatenate([y, y]),
                          {**options, "l2": 2 * options["l2"]})
    assert_same_run(once, twice)


@PROPERTY
@given(data=problems(), options=training_options())
def test_swapping_the_labels_mirrors_the_weights(data, options):
    X, y = data
    run, _ = trajectory(X, y, options)
    swapped, _ = trajectory(X, 1 - y, options)
    assert_same_run(run, swapped, sign=-1.0)


@PROPERTY
@given(data=problems(), options=training_options(), feature=st.integers(0, 1),
       scale=st.floats(1e-3, 1e3) | st.floats(-1e3, -1e-3))
def test_with_standardization_rescaling_a_feature_leaves_the_probabilities_unchanged(
        data, options, feature, scale):
    X, y = data
    options = {**options, "standardize": True}
    rescaled = X.copy()
    rescaled[:, feature] *= scale
    _, trainer = trajectory(X, y, options)
    _, rescaled_trainer = trajectory(rescaled, y, options)
    p = trainer.model.predict_proba(X)[:, 1]
    q = rescaled_trainer.model.predict_proba(rescaled)[:, 1]
    np.testing.assert_allclose(q, p, rtol=1e-6, atol=1e-9)


def test_the_model_of_a_trained_run_predicts_from_the_reported_coefficients():
    # The probabilities compared above come from the model in original units: check that model
    # against the trained units once, by hand (z = w·φ(x) + b).
    X = np.array([[0.0, 1.0], [1.0, 0.5], [2.0, -1.0], [3.0, 0.0]])
    y = np.array([0, 0, 1, 1])
    _, trainer = trajectory(X, y, {"optimizer": "gd", "degree": 2, "l2": 0.0,
                                   "learning_rate": 0.3, "standardize": True,
                                   "loss": "cross_entropy", "tol": 1e-15})
    model = trainer.model
    z = polynomial_features(X, 2) @ model.coef_ + model.intercept_
    np.testing.assert_allclose(LogisticModel(model.coef_, model.intercept_, 2)
                               .predict_proba(X)[:, 1], 1 / (1 + np.exp(-z)), rtol=1e-12)
