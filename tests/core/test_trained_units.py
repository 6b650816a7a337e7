"""Issue 13 §1: parameters in original units turned into the trained θ exactly as the trainer
holds them."""

import numpy as np
import pytest

from logreg_gui.core.generators import generate
from logreg_gui.core.state import TrainingOptions
from logreg_gui.core.trained_units import TrainedUnits
from logreg_gui.core.training import Trainer


@pytest.mark.parametrize("degree", [1, 3])
@pytest.mark.parametrize("standardize", [True, False])
def test_original_parameters_map_to_the_trainers_theta(degree, standardize):
    dataset = generate("moons", 80, random_state=2).with_test_split(0.25)
    dataset = type(dataset)(dataset.X * [30.0, 0.01] + [50.0, -3.0], dataset.y,
                            test_mask=dataset.test_mask)  # far from unit scale
    options = TrainingOptions(degree=degree, standardize=standardize, learning_rate=1e-3)
    trainer = Trainer(dataset.X, dataset.y, dataset.test_mask, **vars(options))
    trainer.advance(25)
    state = trainer.state()
    units = TrainedUnits.of(dataset, options)
    np.testing.assert_allclose(units.to_trained(state.coef_, state.intercept_), state.theta,
                               rtol=1e-9, atol=1e-12 * np.abs(state.theta).max())
    coef, intercept = units.to_original(state.theta)
    np.testing.assert_array_equal(coef, state.coef_)
    assert intercept == state.intercept_
    X_train, y_train = units.training_set(dataset)
    np.testing.assert_array_equal(X_train, trainer.features[0])
    np.testing.assert_array_equal(y_train, trainer.features[1])


def test_a_theta_set_from_original_units_gives_the_same_logits():
    dataset = generate("blobs", 50, random_state=1)
    units = TrainedUnits.of(dataset, TrainingOptions())
    theta = units.to_trained([2.0, -1.0], 0.5)
    trainer = Trainer(dataset.X, dataset.y)
    trainer.start_from(theta)
    np.testing.assert_allclose(trainer.model.decision_function(dataset.X),
                               dataset.X @ [2.0, -1.0] + 0.5, rtol=1e-12, atol=1e-12)


def test_chunks_cover_the_training_rows_and_a_wrong_shape_is_refused(monkeypatch):
    monkeypatch.setattr("logreg_gui.core.trained_units.CHUNK_ROWS", 7)
    dataset = generate("blobs", 30, random_state=1).with_test_split(0.2)
    units = TrainedUnits.of(dataset, TrainingOptions(degree=2))
    blocks = list(units.chunks(dataset))
    assert [len(y) for _, y in blocks] == [7, 7, 7, 3]
    np.testing.assert_array_equal(np.vstack([X for X, _ in blocks]),
                                  units.training_set(dataset)[0])
    with pytest.raises(ValueError, match="coef must have 5 weights"):
        units.to_trained([1.0, 2.0], 0.0)
