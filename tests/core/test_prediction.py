"""The prediction calculator against statsmodels' predictions, and the written-out equation."""

import warnings

import numpy as np
import pytest
import statsmodels.api as sm
from sklearn.preprocessing import PolynomialFeatures
from statsmodels.tools.sm_exceptions import ConvergenceWarning

from logreg_gui.core.data import read_csv
from logreg_gui.core.equation import equation_html, equation_text, format_number
from logreg_gui.core.model import LogisticModel
from logreg_gui.core.prediction import NOT_CONVERGED, TOO_FAR, predict_point
from logreg_gui.core.statistics import PENALISED, fit_statistics, fit_statistics_of
from logreg_gui.core.training import Trainer
from tests.conftest import BREAST_CANCER, IRIS_OVERLAP

BREAST = read_csv(BREAST_CANCER)
POINTS = np.array([[14.0, 19.0], [20.0, 25.0], [8.0, 12.0], [30.0, 40.0]])  # the last: far out


def converged(dataset, degree):
    trainer = Trainer(dataset.X, dataset.y, optimizer="newton", degree=degree, tol=1e-12)
    trainer.advance(100)
    return trainer


@pytest.mark.parametrize("dataset, degree", [(BREAST, 1), (BREAST, 2),
                                             (read_csv(IRIS_OVERLAP), 2)], ids=str)
def test_the_interval_matches_statsmodels_delta_method(dataset, degree):
    trainer = converged(dataset, degree)
    table = fit_statistics_of(trainer, dataset)
    features = PolynomialFeatures(degree, include_bias=False)
    design = sm.add_constant(features.fit_transform(dataset.X))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # statsmodels' stopping noise
        result = sm.Logit(dataset.y, design).fit(disp=0, method="newton", tol=1e-12, maxiter=200)
    points = POINTS if dataset is BREAST else dataset.X[:4]
    exog = sm.add_constant(features.transform(points), has_constant="add")
    linear = result.get_prediction(exog, which="linear")
    low, high = linear.conf_int(alpha=0.05).T
    for i, x in enumerate(points):
        found = predict_point(x, trainer.model, 0.5, table)
        assert found.interval_reason is None
        assert found.logit == pytest.approx(linear.predicted[i], rel=1e-6)
        assert found.logit_standard_error == pytest.approx(linear.se[i], rel=1e-6)
        assert found.probability_low == pytest.approx(1 / (1 + np.exp(-low[i])), rel=1e-6)
        assert found.probability_high == pytest.approx(1 / (1 + np.exp(-high[i])), rel=1e-6)
        assert found.probability_low <= found.probability <= found.probability_high


def test_class_at_the_threshold_uses_the_apps_strict_rule():
    model = LogisticModel(np.array([1.0, 0.0]), 0.0)
    at_half = predict_point([0.0, 5.0], model, 0.5)
    assert at_half.probability == 0.5 and at_half.predicted_class == 0  # P > τ, not ≥
    assert predict_point([0.0, 5.0], model, 0.4).predicted_class == 1
    above = predict_point([2.0, 0.0], model, 0.5)
    assert above.logit == 2.0 and above.probability == pytest.approx(1 / (1 + np.exp(-2)))
    assert above.probability_low is None and above.interval_reason is None  # no table given


def test_no_interval_without_a_table_or_away_from_the_fit():
    dataset = read_csv(IRIS_OVERLAP)
    penalised = fit_statistics(dataset.X, dataset.y, l2=1.0)
    found = predict_point(dataset.X[0], LogisticModel(np.zeros(2), 0.0), 0.5, penalised)
    assert found.probability_low is None and found.interval_reason == PENALISED.format(1.0)
    table = fit_statistics(dataset.X, dataset.y)
    untrained = predict_point(dataset.X[0], LogisticModel(np.zeros(2), 0.0), 0.5, table)
    assert untrained.interval_reason == NOT_CONVERGED and untrained.probability == 0.5
    at_the_fit = LogisticModel(table.estimate[1:], table.estimate[0])
    assert predict_point(dataset.X[0], at_the_fit, 0.5, table).interval_reason is None
    far = predict_point([1e200, 1e200], at_the_fit, 0.5, table)
    assert far.interval_reason == TOO_FAR and far.probability in (0.0, 1.0)


def test_bad_points_and_thresholds_are_refused():
    model = LogisticModel(np.array([1.0, 0.0]), 0.0)
    with pytest.raises(ValueError, match="x must be finite"):
        predict_point([np.nan, 1.0], model)
    with pytest.raises(ValueError, match="threshold"):
        predict_point([1.0, 1.0], model, 1.5)


def test_the_equation_as_text_and_html():
    model = LogisticModel(np.array([1.048, 0.2177]), -19.7)
    names = ("mean_radius", "mean_texture")
    assert equation_text(model, names, "malignant") == \
        "logit P(malignant) = −19.70 + 1.048·mean_radius + 0.2177·mean_texture"
    assert equation_html(model, names, "malignant") == \
        "<i>logit</i> P(malignant) = −19.70 + 1.048·mean_radius + 0.2177·mean_texture"


def test_the_equation_of_degree_two_with_odd_names():
    model = LogisticModel(np.array([1.0, -2.5, 3e-7, 12345678.0, -1.0]), 0.5, degree=2)
    assert equation_text(model, ("a*b", "c<d"), "x & y", digits=3) == (
        "logit P(x & y) = 0.500 + 1.00·a*b − 2.50·c<d + 3.00e-07·a*b² + 1.23e+07·a*b·c<d "
        "− 1.00·c<d²")
    assert equation_html(model, ("a*b", "c<d"), "x & y", digits=3) == (
        "<i>logit</i> P(x &amp; y) = 0.500 + 1.00·a*b − 2.50·c&lt;d + 3.00×10<sup>−7</sup>·"
        "a*b<sup>2</sup> + 1.23×10<sup>7</sup>·a*b·c&lt;d − 1.00·c&lt;d<sup>2</sup>")


def test_the_equation_of_the_trained_model_reads_its_coefficients():
    trainer = converged(BREAST, 1)
    text = equation_text(trainer.model, BREAST.feature_names, BREAST.class_names[1])
    coef, intercept = trainer.model.coef_, trainer.model.intercept_
    numbers = [float(part.split("·")[0].replace("−", "-").replace(" ", ""))
               for part in text.split("=")[1].replace(" − ", " + −").split(" + ")]
    np.testing.assert_allclose(numbers, [intercept, *coef], rtol=5e-4)  # 4 significant digits


def test_numbers_keep_their_significant_digits():
    assert [format_number(v) for v in (19.7, -0.5, 1234.0, 0.0, float("inf"), -float("inf"))] \
        == ["19.70", "−0.5000", "1234", "0.000", "inf", "−inf"]
