"""The trained model as JSON that scikit-learn can load, and back."""

import numpy as np

from logreg_gui.core.features import MAX_DEGREE, polynomial_feature_names, polynomial_features
from logreg_gui.core.scaling import Standardizer
from logreg_gui.core.io.validation import (Invalid, SessionError, check_integer, check_list,
                                           check_number, check_object, check_string, field_of)

MODEL_FORMAT = "logreg-gui model"
MODEL_VERSION = 1


def model_to_json(coef, intercept, degree, feature_names, class_names, scaler_mean=None,
                  scaler_scale=None):
    """A fitted model as a JSON object that scikit-learn can use.

    ``coef_`` and ``intercept_`` apply to the polynomial features φ(x) of the raw inputs, in
    original units (no scaling needed to predict); ``scaling`` only records the standardization
    used in training (mean and scale of each φ column). Load it into scikit-learn::

        import json
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import PolynomialFeatures

        with open("model.json", encoding="utf-8") as file:
            model = json.load(file)
        classifier = LogisticRegression()
        classifier.coef_ = np.array(model["coef_"])
        classifier.intercept_ = np.array(model["intercept_"])
        classifier.classes_ = np.array(model["classes_"])
        phi = PolynomialFeatures(model["features"]["degree"], include_bias=False).fit(X[:1])
        probabilities = classifier.predict_proba(phi.transform(X))  # X: (n, 2), original units

    Parameters
    ----------
    coef : array_like of float, shape (n_outputs,)
        Weights of φ(x) in original units; n_outputs = number of monomials of degree 1 … degree
        in 2 variables (2 for degree 1, 5 for degree 2, 27 for degree 6).
    intercept : float
        Bias b, original units.
    degree : int, 1 … 6
    feature_names : sequence of 2 str
    class_names : sequence of 2 str
        Names of class 0 and class 1 (``classes_``, so ``predict`` returns names).
    scaler_mean, scaler_scale : array_like of float, shape (n_outputs,), optional
        The standardization used in training, if any.

    Returns
    -------
    dict
        ``format``, ``version``, ``coef_`` (1 × n_outputs), ``intercept_`` (1), ``classes_`` (2),
        ``features`` (``inputs``, ``degree``, ``map``, ``names`` in PolynomialFeatures order),
        ``scaling`` (None or ``mean`` and ``scale``).

    Raises
    ------
    SessionError
        If a value has the wrong shape or is not finite (the message names the argument).
    """
    degree = degree.item() if isinstance(degree, np.generic) else degree
    obj = {"format": MODEL_FORMAT, "version": MODEL_VERSION,
           "coef_": [np.asarray(coef, dtype=np.float64).tolist()],
           "intercept_": [float(intercept)], "classes_": [str(c) for c in class_names],
           "features": {"inputs": [str(n) for n in feature_names], "degree": degree,
                        "map": "sklearn.preprocessing.PolynomialFeatures(degree, "
                               "include_bias=False)"},
           "scaling": None}
    if (scaler_mean is None) != (scaler_scale is None):
        raise SessionError("model: give both scaler_mean and scaler_scale, or neither")
    if scaler_mean is not None:
        obj["scaling"] = {"mean": np.asarray(scaler_mean, dtype=np.float64).tolist(),
                          "scale": np.asarray(scaler_scale, dtype=np.float64).tolist()}
    values = model_from_json(obj)
    obj["features"]["names"] = polynomial_feature_names(values["feature_names"], degree)
    return obj


def model_from_json(obj):
    """The arguments of :func:`model_to_json` back from its JSON object.

    Parameters
    ----------
    obj : dict

    Returns
    -------
    dict
        ``coef`` (ndarray of float64, shape (n_outputs,)), ``intercept`` (float), ``degree``
        (int), ``feature_names``, ``class_names`` (tuples of 2 str), ``scaler_mean``,
        ``scaler_scale`` (ndarray (n_outputs,) or None).

    Raises
    ------
    SessionError
        Not a model object, a newer version, or a field missing, of the wrong type or shape,
        or not finite; the message names the field.
    """
    try:
        return _model_fields(obj)
    except Invalid as error:
        raise SessionError(f"model: {error}") from None


def _model_fields(obj):
    obj = check_object(obj, "")
    if obj.get("format") != MODEL_FORMAT:
        raise Invalid("format", f"expected {MODEL_FORMAT!r}, got {obj.get('format')!r:.40}")
    if check_integer(field_of(obj, "version", ""), "version", 1) > MODEL_VERSION:
        raise Invalid("version", f"made by a newer logreg-gui (model version "
                                  f"{obj['version']}; this version reads {MODEL_VERSION})")
    features = check_object(field_of(obj, "features", ""), "features")
    degree = check_integer(field_of(features, "degree", "features"), "features.degree", 1)
    if degree > MAX_DEGREE:
        raise Invalid("features.degree", f"must be from 1 to {MAX_DEGREE}, got {degree}")
    inputs = field_of(features, "inputs", "features")
    inputs = tuple(check_string(v, f"features.inputs[{i}]") for i, v in
                   enumerate(check_list(inputs, "features.inputs", 2)))
    n_outputs = len(polynomial_feature_names(inputs, degree))
    rows = check_list(field_of(obj, "coef_", ""), "coef_", 1)
    coef = _vector(rows[0], "coef_[0]", n_outputs)
    intercept = _vector(field_of(obj, "intercept_", ""), "intercept_", 1)[0]
    classes = tuple(check_string(v, f"classes_[{i}]") for i, v in
                    enumerate(check_list(field_of(obj, "classes_", ""), "classes_", 2)))
    scaling = obj.get("scaling")
    mean = scale = None
    if scaling is not None:
        scaling = check_object(scaling, "scaling")
        mean = _vector(field_of(scaling, "mean", "scaling"), "scaling.mean", n_outputs)
        scale = _vector(field_of(scaling, "scale", "scaling"), "scaling.scale", n_outputs)
    return {"coef": coef, "intercept": float(intercept), "degree": degree,
            "feature_names": inputs, "class_names": classes, "scaler_mean": mean,
            "scaler_scale": scale}


def _vector(value, where, length):
    return np.array([check_number(v, f"{where}[{i}]") for i, v in
                     enumerate(check_list(value, where, length))], dtype=np.float64)


def trained_model_json(model, dataset, options):
    """:func:`model_to_json` of a model trained on `dataset` with `options`, with the
    standardization the trainer fitted (mean and population std of φ over the training points).

    Parameters
    ----------
    model : logreg_gui.core.model.LogisticModel
        In original units.
    dataset : logreg_gui.core.data.Dataset
    options : logreg_gui.core.state.TrainingOptions

    Returns
    -------
    dict
    """
    mapped = polynomial_features(dataset.X[~dataset.test_mask], options.degree)
    scaler = Standardizer.fit(mapped, options.standardize) if options.standardize else None
    return model_to_json(model.coef_, model.intercept_, options.degree, dataset.feature_names,
                         dataset.class_names, None if scaler is None else scaler.mean_,
                         None if scaler is None else scaler.scale_)
