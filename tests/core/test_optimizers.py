import numpy as np
import pytest

from logreg_gui.core.data import read_csv
from logreg_gui.core.features import polynomial_feature_names, polynomial_features
from logreg_gui.core.loss import hessian, objective
from logreg_gui.core.optimizers import NAMES
from logreg_gui.core.scaling import Standardizer
from logreg_gui.core.training import Trainer
from tests.conftest import DATASETS
from tests.core.test_loss import central_differences

SHIPPED = sorted(DATASETS.glob("*.csv"))


@pytest.mark.parametrize("optimizer", NAMES)
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_optimizer_lowers_the_objective_in_100_updates(optimizer, path):
    dataset = read_csv(path)
    trainer = Trainer(dataset.X, dataset.y, optimizer=optimizer)
    start = trainer.state().loss
    losses = trainer.advance(100)[:, 0]
    assert len(losses) >= 1 and losses[-1] < start


def test_sgd_is_reproducible_for_a_seed_and_differs_across_seeds():
    dataset = read_csv(SHIPPED[0])
    runs = [Trainer(dataset.X, dataset.y, optimizer="sgd", batch_size=16, random_state=seed)
            .advance(200)[:, 0] for seed in (7, 7, 8)]
    np.testing.assert_array_equal(runs[0], runs[1])
    assert not np.array_equal(runs[0], runs[2])


def test_sgd_counts_epochs_and_one_step_is_one_batch():
    dataset = read_csv(SHIPPED[0])  # 569 points
    trainer = Trainer(dataset.X, dataset.y, optimizer="sgd", batch_size=100)
    trainer.advance(5)
    assert trainer.state().epoch == 0 and trainer.iteration == 5
    trainer.advance(1)  # the sixth batch holds the last 69 points
    assert trainer.state().epoch == 1
    trainer.advance(6)
    assert trainer.state().epoch == 2


def test_adam_first_update_by_hand():
    X = np.array([[1.0, 2.0], [3.0, -1.0]])
    y = np.array([0, 1])
    trainer = Trainer(X, y, optimizer="adam", learning_rate=0.01, standardize=False)
    trainer.advance(1)
    # g = ∇J(0) = (−0.5, 0.75, 0) (see test_training); m̂ = g, v̂ = g², so
    # θ1 = −η·g/(|g| + ε) = (0.01·0.5/(0.5 + 1e-8), −0.01·0.75/(0.75 + 1e-8), 0).
    state = trainer.state()
    np.testing.assert_allclose(state.coef_, [0.005 / (0.5 + 1e-8), -0.0075 / (0.75 + 1e-8)],
                               rtol=1e-15)
    assert state.intercept_ == 0.0


def test_momentum_first_two_updates_by_hand():
    X = np.array([[1.0, 2.0], [3.0, -1.0]])
    y = np.array([0, 1])
    trainer = Trainer(X, y, optimizer="momentum", momentum=0.5, learning_rate=0.1,
                      standardize=False)
    trainer.advance(1)
    theta1 = np.array([0.05, -0.075, 0.0])  # v1 = −η·g0
    np.testing.assert_allclose(trainer.state().coef_, theta1[:2], rtol=1e-15)
    _, g1 = objective(theta1, X, y)
    trainer.advance(1)
    theta2 = theta1 + 0.5 * theta1 - 0.1 * g1  # v2 = β·v1 − η·g1
    np.testing.assert_allclose(trainer.state().coef_, theta2[:2], rtol=1e-14)
    assert trainer.state().intercept_ == pytest.approx(theta2[2], abs=1e-15)


def test_gradient_and_hessian_with_l2_and_degree_6_match_finite_differences():
    dataset = read_csv(SHIPPED[0])
    mapped = polynomial_features(dataset.X, 6)
    X = Standardizer.fit(mapped).transform(mapped)
    theta = np.random.default_rng(0).normal(scale=0.3, size=X.shape[1] + 1)
    _, gradient = objective(theta, X, dataset.y, l2=2.0)
    numeric = central_differences(lambda t: objective(t, X, dataset.y, 2.0)[0], theta)
    np.testing.assert_allclose(gradient, numeric, rtol=1e-5, atol=1e-8)
    H = hessian(theta, X, dataset.y, l2=2.0)
    numeric_H = np.column_stack([central_differences(
        lambda t, i=i: objective(t, X, dataset.y, 2.0)[1][i], theta) for i in range(len(theta))])
    np.testing.assert_allclose(H, numeric_H, rtol=1e-5, atol=1e-7)


def test_polynomial_features_follow_scikit_learns_order_and_names():
    from sklearn.preprocessing import PolynomialFeatures

    X = np.random.default_rng(1).normal(size=(7, 2))
    for degree in range(1, 7):
        reference = PolynomialFeatures(degree, include_bias=False).fit(X)
        np.testing.assert_allclose(polynomial_features(X, degree), reference.transform(X))
        names = [name.replace(" ", "*") for name in reference.get_feature_names_out(["a", "b"])]
        assert polynomial_feature_names(["a", "b"], degree) == names
    assert polynomial_feature_names(["x1", "x2"], 3)[6] == "x1^2*x2"
    with pytest.raises(ValueError, match="degree"):
        polynomial_features(X, 7)


def test_changing_the_degree_restarts_and_changing_the_optimizer_keeps_the_model():
    dataset = read_csv(SHIPPED[0])
    trainer = Trainer(dataset.X, dataset.y)
    trainer.advance(20)
    before = trainer.state()
    trainer.configure(optimizer="adam")
    after = trainer.state()
    np.testing.assert_allclose(after.coef_, before.coef_)
    assert after.iteration == 20
    trainer.configure(degree=3)
    state = trainer.state()
    assert state.iteration == 0 and len(state.coef_) == 9 and np.all(state.coef_ == 0)


def test_sgd_is_never_called_converged_for_a_zero_batch_step():
    from logreg_gui.core.generators import generate

    dataset = generate("blobs", 100)
    trainer = Trainer(dataset.X, dataset.y, optimizer="sgd", batch_size=1, learning_rate=10.0)
    trainer.advance(2000)
    assert trainer.status == "ready" and trainer.iteration == 2000


def test_a_new_degree_restarts_the_epoch_count():
    from logreg_gui.core.generators import generate

    dataset = generate("blobs", 100)
    trainer = Trainer(dataset.X, dataset.y, optimizer="sgd", batch_size=10)
    trainer.advance(55)
    assert trainer.state().epoch == 5
    trainer.configure(degree=2)
    trainer.advance(5)
    assert trainer.state().epoch == 0
