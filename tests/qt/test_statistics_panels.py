"""Issue 13 §4 in the window: the coefficient table, influence, the least-squares boundary and
the prediction calculator, against statsmodels, scikit-learn and hand computation."""

import warnings

import numpy as np
import pytest
import statsmodels.api as sm
from sklearn.linear_model import LinearRegression
from statsmodels.tools.sm_exceptions import ConvergenceWarning

from logreg_gui.core.data import read_csv
from logreg_gui.core.equation import format_number
from logreg_gui.core.generators import generate
from logreg_gui.core.state import TrainingOptions
from tests.conftest import BREAST_CANCER
from tests.qt.conftest import edit, latest, pixel_of, step


def reference_fit(X, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return sm.Logit(y, sm.add_constant(X)).fit(disp=0, method="newton", tol=1e-12)


def ready(qtbot, window):
    """Wait for the statistics of the current problem."""
    qtbot.waitUntil(lambda: window.frame is not None and window.frame.statistics is not None,
                    timeout=20_000)
    return window.frame.statistics


@pytest.fixture
def cancer_window(make_window):
    return make_window(read_csv(BREAST_CANCER), TrainingOptions(optimizer="newton"),
                       remember=False)


def text_of(value, digits=4):
    return format_number(float(value), digits)


def test_the_coefficient_table_is_statsmodels(qtbot, cancer_window):
    ready(qtbot, cancer_window)
    dataset = cancer_window.points.dataset
    reference = reference_fit(dataset.X, dataset.y)
    panel = cancer_window.views.statistics_panel
    qtbot.waitUntil(lambda: panel.cells != [], timeout=5000)
    assert [row[0] for row in panel.cells] == ["intercept", "mean_radius", "mean_texture"]
    for row, estimate, se, (low, high) in zip(panel.cells, reference.params, reference.bse,
                                              reference.conf_int(), strict=True):
        assert row[1] == text_of(estimate) and row[2] == text_of(se)
        assert row[5] == f"[{text_of(low)}, {text_of(high)}]"
        assert row[6] == text_of(np.exp(estimate))
    text = panel.text()
    assert f"deviance −2ℓ = {text_of(-2 * reference.llf)}" in text
    assert f"AIC = {text_of(reference.aic)}, BIC = {text_of(reference.bic)}" in text
    assert f"{text_of(reference.prsquared, 3)}" in text


def test_with_a_penalty_the_table_says_why_and_comes_back_at_zero(qtbot, cancer_window):
    panel = cancer_window.views.statistics_panel
    ready(qtbot, cancer_window)
    edit(cancer_window, "l2", 1.0)
    qtbot.waitUntil(lambda: "λ = 1" in panel.text(), timeout=20_000)
    assert panel.cells == [] and "No coefficient table" in panel.text()
    edit(cancer_window, "l2", 0.0)
    qtbot.waitUntil(lambda: panel.cells != [], timeout=20_000)


def test_separable_points_say_there_is_no_finite_optimum(qtbot, make_window):
    window = make_window(generate("separable"), remember=False)
    panel = window.views.statistics_panel
    qtbot.waitUntil(lambda: "separation" in panel.text(), timeout=20_000)


def test_the_table_follows_new_points_and_drops_the_old_problem(qtbot, cancer_window):
    ready(qtbot, cancer_window)
    cancer_window.points.add_point((25.0, 10.0), 0)  # a benign point far on the malignant side
    qtbot.waitUntil(lambda: cancer_window.frame.statistics is not None
                    and cancer_window.frame.dataset.n_samples == 570, timeout=20_000)
    X, y = cancer_window.current_data()
    found = cancer_window.frame.statistics.statistics
    np.testing.assert_allclose(found.estimate, reference_fit(X, y).params, rtol=1e-6)


def test_hover_shows_leverage_and_cooks_distance_and_rings_mark_the_influential(
        qtbot, cancer_window):
    ready(qtbot, cancer_window)
    X, y = cancer_window.current_data()
    influence = reference_fit(X, y).get_influence()
    cooks = influence.cooks_distance[0]
    top = int(np.argmax(cooks))
    plot = cancer_window.views.data_plot
    qtbot.mouseMove(plot.viewport(), pixel_of(plot, *X[top]))
    qtbot.waitUntil(lambda: "Cook" in plot.hover_text, timeout=3000)
    assert f"leverage h = {influence.hat_matrix_diag[top]:.4g}" in plot.hover_text
    assert f"Cook's distance D = {cooks[top]:.4g}" in plot.hover_text
    rings = plot.named_items["influence_rings"]
    assert len(rings.getData()[0]) == 0  # off by default
    edit(cancer_window, "size_by_influence", True)
    qtbot.waitUntil(lambda: len(rings.getData()[0]) > 0, timeout=3000)
    sizes = rings.data["size"]
    biggest = np.column_stack(rings.getData())[sizes == sizes.max()]
    assert any(np.allclose(point, X[top]) for point in biggest)


def test_the_least_squares_boundary_is_where_the_linear_fit_equals_tau(qtbot, cancer_window):
    ready(qtbot, cancer_window)
    edit(cancer_window, "linear_probability", True)
    edit(cancer_window, "threshold", 0.3)
    line = cancer_window.views.data_plot.named_items["linear_probability"]
    qtbot.waitUntil(lambda: line.getData()[0] is not None and len(line.getData()[0]) == 2,
                    timeout=3000)
    X, y = cancer_window.current_data()
    fit = LinearRegression().fit(X, y)
    ends = np.column_stack(line.getData())
    np.testing.assert_allclose(fit.predict(ends), [0.3, 0.3], atol=1e-9)


def test_the_calculator_gives_z_p_its_interval_and_the_class(qtbot, cancer_window):
    ready(qtbot, cancer_window)
    step(qtbot, cancer_window, 15)  # Newton: converged, the model is the maximum-likelihood fit
    qtbot.waitUntil(lambda: latest(cancer_window).status == "converged", timeout=10_000)
    panel = cancer_window.views.prediction_panel
    panel.fields[0].edit(15.0)
    panel.fields[1].edit(21.5)
    coef, intercept = cancer_window.current_parameters()
    z = intercept + coef @ [15.0, 21.5]  # by hand
    p = 1 / (1 + np.exp(-z))
    found = panel.prediction
    assert found.logit == pytest.approx(z, rel=1e-12)
    assert found.probability == pytest.approx(p, rel=1e-12)
    assert found.predicted_class == int(p > 0.5)
    X, y = cancer_window.current_data()
    reference = reference_fit(X, y)
    link = reference.get_prediction(np.array([[1.0, 15.0, 21.5]]), which="linear")
    low, high = 1 / (1 + np.exp(-link.conf_int()[0]))  # the logit's interval through σ
    assert found.probability_low == pytest.approx(low, rel=1e-5)
    assert found.probability_high == pytest.approx(high, rel=1e-5)
    shown = panel.result.text()
    assert format_number(p) in shown and "95 % interval" in shown
    assert "mean_radius" in panel.equation.text()
    edit(cancer_window, "threshold", round(p + 0.05, 2) if p < 0.9 else 0.5)
    qtbot.waitUntil(lambda: panel.prediction.threshold != 0.5 or p >= 0.9, timeout=3000)
    assert panel.prediction.predicted_class == int(p > panel.prediction.threshold)


def test_before_convergence_the_calculator_says_why_there_is_no_interval(qtbot, make_window):
    window = make_window(read_csv(BREAST_CANCER), remember=False)
    ready(qtbot, window)
    step(qtbot, window, 2)
    panel = window.views.prediction_panel
    qtbot.waitUntil(lambda: panel.prediction is not None
                    and panel.prediction.interval_reason is not None, timeout=5000)
    assert "no interval" in panel.result.text()
