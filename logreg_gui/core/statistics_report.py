"""The report fields of issue 13: discrimination, calibration and the coefficient table."""

import math

import numpy as np

from logreg_gui.core.calibration import brier_score
from logreg_gui.core.roc import roc_curve
from logreg_gui.core.statistics import fit_statistics_of

TABLE_KEYS = ("coef_se", "coef_z", "coef_p", "coef_ci", "odds_ratios", "deviance",
              "null_deviance", "aic", "bic", "pseudo_r2_mcfadden")


def _number(value):
    """A JSON number: float, or None for None and non-finite values."""
    return float(value) if value is not None and math.isfinite(value) else None


def _numbers(values):
    return None if values is None else [_number(v) for v in values]


def _table_fields(table):
    if not table.defined:
        return dict.fromkeys(TABLE_KEYS) | {"statistics_reason": table.reason}
    return {"coef_se": _numbers(table.standard_error), "coef_z": _numbers(table.z),
            "coef_p": _numbers(table.p_value),
            "coef_ci": [[_number(low), _number(high)]
                        for low, high in zip(table.ci_low, table.ci_high, strict=True)],
            "odds_ratios": _numbers(table.odds_ratio), "deviance": _number(table.deviance),
            "null_deviance": _number(table.null_deviance), "aic": _number(table.aic),
            "bic": _number(table.bic), "pseudo_r2_mcfadden": _number(table.pseudo_r2_mcfadden),
            "statistics_reason": None}


def statistics_report(trainer, dataset):
    """The statistics fields of the JSON report (a contract: fields are only ever added).

    Parameters
    ----------
    trainer : logreg_gui.core.training.Trainer
    dataset : logreg_gui.core.data.Dataset
        The data the trainer was given (training points: those outside ``test_mask``).

    Returns
    -------
    dict
        ``roc_auc``, ``brier_score`` and ``youden_threshold`` (τ for the rule P > τ, see
        :class:`~logreg_gui.core.roc.RocCurve`) of the trainer's current model on the training
        points (null without points, and the first and last with one class only);
        then the coefficient table of the maximum-likelihood fit (λ = 0, cross-entropy, finite
        optimum), each per-coefficient list ordered **[intercept, w_1, w_2, …]** (the report's
        ``coef`` has the weights only, ``intercept`` apart): ``coef_se``, ``coef_z``, ``coef_p``
        (two-sided), ``coef_ci`` (list of [low, high], 95 % Wald), ``odds_ratios`` (exp β),
        ``deviance``, ``null_deviance``, ``aic``, ``bic``, ``pseudo_r2_mcfadden``; all null
        when the table is undefined, with ``statistics_reason`` (one sentence) saying why,
        null otherwise. The table describes J*'s minimiser (equal to ``coef`` once training
        has converged). Non-finite numbers are null.

    Raises
    ------
    ValueError
        If `dataset` is not the one the trainer was given.
    """
    train = ~dataset.test_mask
    with np.errstate(over="ignore", invalid="ignore"):  # a diverged model: checked below
        probabilities = trainer.model.predict_proba(dataset.X[train])[:, 1]
    y = dataset.y[train]
    fields = dict.fromkeys(("roc_auc", "brier_score", "youden_threshold"))
    if np.all(np.isfinite(probabilities)):
        roc = roc_curve(y, probabilities)
        fields.update(roc_auc=_number(roc.auc), brier_score=_number(brier_score(y, probabilities)),
                      youden_threshold=_number(roc.youden_threshold))
    return fields | _table_fields(fit_statistics_of(trainer, dataset))
