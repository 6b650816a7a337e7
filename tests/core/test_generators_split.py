import numpy as np
import pytest

from logreg_gui.core.generators import GENERATORS, generate
from logreg_gui.core.training import Trainer


@pytest.mark.parametrize("name", GENERATORS)
def test_generators_are_reproducible_two_class_and_sized(name):
    a = generate(name, 101, noise=0.7, random_state=3)
    b = generate(name, 101, noise=0.7, random_state=3)
    np.testing.assert_array_equal(a.X, b.X)
    assert a.X.shape == (101, 2) and np.all(np.isfinite(a.X))
    assert set(a.y) == {0, 1} and abs(int(a.y.sum()) - 50) <= 1
    assert not np.array_equal(a.X, generate(name, 101, noise=0.7, random_state=4).X)


def test_named_shapes_behave_as_advertised():
    separable = generate("separable", 200)
    linear = Trainer(separable.X, separable.y, learning_rate=1.0)
    linear.advance(2000)
    assert linear.state().accuracy == 1.0
    circles = generate("circles", 200, noise=0.5)
    flat, curved = (Trainer(circles.X, circles.y, degree=d, optimizer="newton", l2=0.1)
                    for d in (1, 2))
    flat.advance(50)
    curved.advance(50)
    assert flat.state().accuracy < 0.7 < 0.95 < curved.state().accuracy


@pytest.mark.parametrize("bad", [dict(name="banana"), dict(n_samples=1), dict(noise=-1.0)])
def test_generator_arguments_are_checked(bad):
    arguments = dict(name="blobs", n_samples=10, noise=1.0) | bad
    with pytest.raises(ValueError):
        generate(**arguments)


def test_test_split_is_stratified_reproducible_and_new_points_train():
    dataset = generate("blobs", 100)
    split = dataset.with_test_split(0.3, random_state=1)
    assert split.test_mask.sum() == 30
    assert split.y[split.test_mask].sum() == 15
    np.testing.assert_array_equal(split.test_mask,
                                  dataset.with_test_split(0.3, random_state=1).test_mask)
    assert not split.with_point((0.0, 0.0), 1).test_mask[-1]
    with pytest.raises(ValueError, match="test_fraction"):
        dataset.with_test_split(0.6)


def test_trainer_reports_test_loss_and_accuracy_separately():
    dataset = generate("overlap", 200).with_test_split(0.25, random_state=2)
    trainer = Trainer(dataset.X, dataset.y, dataset.test_mask, optimizer="newton")
    progress = trainer.advance(20)
    state = trainer.state()
    assert state.n_samples == 150
    assert np.all(np.isfinite(progress[:, 1]))
    test = dataset.test_mask
    model = trainer.model
    assert state.test_accuracy == pytest.approx(np.mean(model.predict(dataset.X[test])
                                                        == dataset.y[test]))
    p = model.predict_proba(dataset.X[test])[:, 1]
    y = dataset.y[test]
    assert state.test_loss == pytest.approx(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


@pytest.mark.parametrize("n_samples", [2, 3, 5, 7])
def test_test_split_never_holds_out_more_than_half_of_a_class(n_samples):
    split = generate("blobs", n_samples).with_test_split(0.5)
    for label in (0, 1):
        members = split.y == label
        assert split.test_mask[members].sum() <= members.sum() // 2
