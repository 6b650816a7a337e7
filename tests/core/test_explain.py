"""Issue 13 §3: one update taken apart, checked against sub-steps computed by hand (plain Python
floats, point by point) and against the trainer's next step."""

import math

import numpy as np
import pytest

from logreg_gui.core.explain import explain_step
from logreg_gui.core.generators import generate
from logreg_gui.core.state import TrainingOptions
from logreg_gui.core.training import Trainer
from logreg_gui.core.update_parts import recorded_step, update_parts
from logreg_gui.core.timeline import Timeline
from logreg_gui.core.session import TrainingSession

X = np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]])
Y = np.array([1, 0, 1])
THETA = np.array([0.5, -0.25, 0.1])
ETA = 0.2


def by_hand(theta=THETA):
    """z, ŷ, err and ∇J of the three points, one at a time."""
    w1, w2, b = theta
    z = [w1 * x1 + w2 * x2 + b for x1, x2 in X]
    p = [1 / (1 + math.exp(-zi)) for zi in z]
    err = [pi - yi for pi, yi in zip(p, Y, strict=True)]
    gradient = [sum(e * x[0] for e, x in zip(err, X, strict=True)) / 3,
                sum(e * x[1] for e, x in zip(err, X, strict=True)) / 3, sum(err) / 3]
    return z, p, err, gradient


def numbers(step):
    return {label.split(" (")[0]: value for label, value in step.numbers}


def test_gradient_descent_step_by_hand():
    z, p, err, g = by_hand()
    assert z == pytest.approx([0.6, -0.4, 0.35])
    steps = explain_step(X, Y, THETA, TrainingOptions(learning_rate=ETA), {})
    assert [s.name for s in steps] == ["logits", "probabilities", "errors", "gradient", "scale",
                                       "move"]
    np.testing.assert_allclose(numbers(steps[0])["z"], z, rtol=1e-14)
    np.testing.assert_allclose(numbers(steps[1])["ŷ"], p, rtol=1e-14)
    np.testing.assert_allclose(numbers(steps[2])["err"], err, rtol=1e-13)
    np.testing.assert_allclose(numbers(steps[3])["∂J/∂w"], g[:2], rtol=1e-12)
    assert numbers(steps[3])["∂J/∂b"] == pytest.approx(g[2], rel=1e-12)
    np.testing.assert_allclose(numbers(steps[4])["−η·∇J"], [-ETA * gi for gi in g], rtol=1e-12)
    expected = [t - ETA * gi for t, gi in zip(THETA, g, strict=True)]
    np.testing.assert_allclose(steps[-1].theta, expected, rtol=1e-12)
    assert all(np.array_equal(s.theta, THETA) for s in steps[:-1])  # θ moves only at the end
    assert "J falls" in steps[-1].sentence


def test_momentum_step_by_hand():
    *_, g = by_hand()
    beta, velocity = 0.8, np.array([0.2, -0.1, 0.05])
    options = TrainingOptions(learning_rate=ETA, optimizer="momentum", momentum=beta)
    steps = explain_step(X, Y, THETA, options, {"beta": beta, "velocity": velocity})
    assert [s.name for s in steps][4:] == ["decay", "scale", "add", "move"]
    decayed = [beta * v for v in velocity]
    new_velocity = [d - ETA * gi for d, gi in zip(decayed, g, strict=True)]
    np.testing.assert_allclose(numbers(steps[4])["β·v"], decayed, rtol=1e-14)
    np.testing.assert_allclose(numbers(steps[6])["v"], new_velocity, rtol=1e-12)
    np.testing.assert_allclose(steps[-1].theta, THETA + new_velocity, rtol=1e-12)


def test_adam_step_by_hand():
    *_, g = by_hand()
    m, v, t = np.array([0.1, -0.2, 0.05]), np.array([0.04, 0.01, 0.002]), 2
    options = TrainingOptions(learning_rate=ETA, optimizer="adam")
    steps = explain_step(X, Y, THETA, options, {"t": t, "m": m, "v": v})
    assert [s.name for s in steps][4:] == ["moments", "correction", "scale", "move"]
    m_new = [0.9 * mi + 0.1 * gi for mi, gi in zip(m, g, strict=True)]
    v_new = [0.999 * vi + 0.001 * gi * gi for vi, gi in zip(v, g, strict=True)]
    m_hat = [mi / (1 - 0.9 ** 3) for mi in m_new]
    v_hat = [vi / (1 - 0.999 ** 3) for vi in v_new]
    step = [-ETA * mh / (math.sqrt(vh) + 1e-8) for mh, vh in zip(m_hat, v_hat, strict=True)]
    np.testing.assert_allclose(numbers(steps[4])["m"], m_new, rtol=1e-12)
    np.testing.assert_allclose(numbers(steps[4])["v"], v_new, rtol=1e-12)
    np.testing.assert_allclose(numbers(steps[5])["m̂"], m_hat, rtol=1e-12)
    np.testing.assert_allclose(numbers(steps[5])["v̂"], v_hat, rtol=1e-12)
    np.testing.assert_allclose(numbers(steps[6])["step"], step, rtol=1e-10)
    np.testing.assert_allclose(steps[-1].theta, THETA + step, rtol=1e-10)


def test_a_fresh_adam_starts_its_moments_at_zero():
    *_, g = by_hand()
    parts = update_parts(THETA, np.array(g), TrainingOptions(optimizer="adam"), {"t": 0})
    assert parts.t == 1
    np.testing.assert_allclose(parts.m_hat, g, rtol=1e-12)  # bias correction undoes the 0.1
    np.testing.assert_allclose(parts.v_hat, np.square(g), rtol=1e-12)


@pytest.mark.parametrize("optimizer", ["gd", "sgd", "momentum", "adam", "newton"])
@pytest.mark.parametrize("loss", ["cross_entropy", "mse"])
def test_the_story_ends_exactly_where_the_trainer_steps(optimizer, loss):
    if optimizer == "newton" and loss == "mse":
        pytest.skip("Newton needs the cross-entropy")
    dataset = generate("moons", 60, random_state=3).with_test_split(0.2)
    trainer = Trainer(dataset.X, dataset.y, dataset.test_mask, optimizer=optimizer, loss=loss,
                      batch_size=11, degree=2, l2=0.5, learning_rate=0.3)
    for _ in range(7):  # across SGD's epoch boundaries too
        trainer.advance(1)
        state = trainer.state()
        steps = explain_step(*trainer.features, state.theta, trainer.options,
                             state.optimizer_state)
        trainer.advance(1)
        np.testing.assert_array_equal(steps[-1].theta, trainer.state().theta)


def test_sgd_explains_the_next_batch_and_its_gradient():
    dataset = generate("blobs", 30, random_state=2)
    trainer = Trainer(dataset.X, dataset.y, optimizer="sgd", batch_size=4, learning_rate=0.5)
    trainer.advance(2)
    state = trainer.state()
    rows = state.optimizer_state["next_batch"]
    X_train, y_train = trainer.features
    steps = explain_step(X_train, y_train, state.theta, trainer.options, state.optimizer_state)
    assert steps[0].name == "batch" and "4 of the 30" in steps[0].sentence
    z = X_train[rows] @ state.theta[:-1] + state.theta[-1]
    err = 1 / (1 + np.exp(-z)) - y_train[rows]
    np.testing.assert_allclose(numbers(steps[4])["∂J/∂w"], X_train[rows].T @ err / 4, rtol=1e-12)
    trainer.advance(1)
    np.testing.assert_array_equal(trainer.state().optimizer_state["batch"], rows)


def test_no_points_or_an_unknown_batch_are_said_not_crashed():
    steps = explain_step(np.empty((0, 2)), np.empty(0, dtype=int), THETA, TrainingOptions(), {})
    assert [s.name for s in steps] == ["empty"]
    with pytest.raises(ValueError, match="take one step, then explain"):
        explain_step(X, Y, THETA, TrainingOptions(optimizer="sgd"), {})
    state = {"next_batch": np.array([0, 1]), "n": 4}  # drawn for 4 points; there are 3 now
    with pytest.raises(ValueError, match="the points changed"):
        explain_step(X, Y, THETA, TrainingOptions(optimizer="sgd"), state)


def test_the_recorded_step_needs_two_consecutive_iterations():
    dataset = generate("blobs", 30, random_state=2)
    session = TrainingSession(dataset, TrainingOptions())
    timeline = Timeline()
    timeline.record(session.snapshot(False))
    for _ in range(2):
        session.advance(1)
        timeline.record(session.snapshot(False))
    start, step = recorded_step(timeline, 2)
    np.testing.assert_array_equal(start + step, session.trainer.state().theta)
    assert recorded_step(timeline, 0) is None
    session.advance(3)
    timeline.record(session.snapshot(False))
    assert recorded_step(timeline, 5) is None  # iteration 4 was not recorded
