import numpy as np
import pytest

from logreg_gui.core.geometry import boundary_segment, probability_grid
from logreg_gui.core.model import LogisticModel
from logreg_gui.core.scaling import Standardizer


def test_standardizer_uses_population_std_and_leaves_constant_columns():
    X = np.array([[1.0, 5.0], [3.0, 5.0], [5.0, 5.0]])
    scaler = Standardizer.fit(X)
    np.testing.assert_allclose(scaler.scale_, [np.std([1, 3, 5]), 1.0])
    np.testing.assert_allclose(scaler.transform(X)[:, 0].std(), 1.0)
    np.testing.assert_allclose(scaler.transform(X)[:, 1], 0.0)


def test_coefficient_mapping_preserves_logits_and_inverts():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(20, 2)) * [10, 0.1] + [50, -3]
    scaler = Standardizer.fit(X)
    w, b = np.array([1.5, -0.4]), 0.3
    coef, intercept = scaler.to_original(w, b)
    np.testing.assert_allclose(X @ coef + intercept, scaler.transform(X) @ w + b, rtol=1e-12)
    back, back_b = scaler.from_original(coef, intercept)
    np.testing.assert_allclose(back, w)
    assert back_b == pytest.approx(b)


def test_disabled_or_empty_standardizer_is_the_identity():
    for scaler in (Standardizer.fit(np.ones((3, 2)) * 7, enabled=False),
                   Standardizer.fit(np.empty((0, 2)))):
        np.testing.assert_array_equal(scaler.transform([[7.0, 7.0]]), [[7.0, 7.0]])


@pytest.mark.parametrize("coef, intercept", [([1.0, 2.0], -0.5), ([1.0, 0.0], 0.3),
                                             ([0.0, -2.0], 1.0), ([3.0, -1.0], 0.0)])
def test_boundary_segment_lies_on_the_line_and_spans_the_view(coef, intercept):
    segment = boundary_segment(coef, intercept, (-1, 1), (-2, 2))
    np.testing.assert_allclose(segment @ np.array(coef) + intercept, 0, atol=1e-12)
    assert np.all(segment[:, 0] >= -1 - 1e-12) and np.all(segment[:, 0] <= 1 + 1e-12)
    assert np.all(segment[:, 1] >= -2 - 1e-12) and np.all(segment[:, 1] <= 2 + 1e-12)
    touches_edge = np.isclose(np.abs(segment[:, 0]), 1) | np.isclose(np.abs(segment[:, 1]), 2)
    assert touches_edge.all()


def test_no_boundary_for_zero_weights_or_a_line_outside_the_view():
    assert boundary_segment([0.0, 0.0], 1.0, (0, 1), (0, 1)) is None
    assert boundary_segment([1.0, 1.0], 10.0, (-1, 1), (-1, 1)) is None


def test_probability_grid_samples_cell_centres_bottom_row_first():
    grid = probability_grid(LogisticModel(np.array([0.0, 1.0]), 0.0), (0, 1), (-1, 1), (2, 3))
    assert grid.shape == (2, 3)
    np.testing.assert_allclose(grid[:, 0], 1 / (1 + np.exp([0.5, -0.5])))


def test_a_shifted_boundary_moves_every_line_by_the_offset():
    from logreg_gui.core.geometry import shifted_boundary

    coef, intercept = shifted_boundary([2.0, -1.0], 0.5, [0.3, 0.1])
    np.testing.assert_array_equal(coef, [2.0, -1.0])
    x = np.array([1.0, 4.0])  # on the line w·x + b = −1.5 before: after, x + offset is
    assert coef @ (x + [0.3, 0.1]) + intercept == pytest.approx(2.0 * 1 - 4.0 + 0.5)


def test_a_turned_boundary_keeps_its_pivot_and_steepness():
    from logreg_gui.core.geometry import turned_boundary

    pivot = np.array([1.0, 2.0])
    coef, intercept = turned_boundary([3.0, 4.0], -2.0, pivot, np.pi / 2)
    np.testing.assert_allclose(coef, [-4.0, 3.0], atol=1e-12)  # a quarter turn by hand
    assert coef @ pivot + intercept == pytest.approx(3.0 + 8.0 - 2.0)
    assert np.hypot(*coef) == pytest.approx(5.0)
