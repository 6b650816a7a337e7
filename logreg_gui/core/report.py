"""The JSON-ready training report (a contract: fields are only ever added)."""

import math

from logreg_gui.core.features import polynomial_feature_names
from logreg_gui.core.state import CONVERGED, DIVERGED, DIVERGING
from logreg_gui.core.statistics_report import statistics_report


def _finite_or_none(value):
    return float(value) if value is not None and math.isfinite(value) else None


def training_report(trainer, dataset):
    """Summary of a trained model for ``--report``.

    Parameters
    ----------
    trainer : logreg_gui.core.training.Trainer
    dataset : logreg_gui.core.data.Dataset
        The data the trainer was trained on (with its test split).

    Returns
    -------
    dict
        ``coef`` (list of float, original units, one per mapped feature), ``intercept``,
        ``loss`` (the objective J = log-loss + λ/(2n)·‖w‖² on the training points, nats),
        ``log_loss`` (the mean cross-entropy alone), ``accuracy`` (training, fraction),
        ``test_loss`` and ``test_accuracy`` (null without a split), ``optimal_loss`` (J*, or
        null) with ``optimal_loss_reason``, ``optimal_loss_infimum`` (the limit J approaches
        when there is no finite optimum) and ``separation`` (``complete``,
        ``quasi-complete`` or null), ``gradient_norm``, ``iterations``, ``epochs``,
        ``converged``, ``diverged`` (also true while ``status`` is ``diverging``), ``status``,
        ``n_samples`` (all points), ``n_train``, ``n_test``, ``class_names``,
        ``feature_names`` (of the mapped features, e.g. x1^2*x2),
        ``input_feature_names``, and the options ``learning_rate``, ``standardize``, ``l2``,
        ``degree``, ``optimizer``, ``batch_size``, ``momentum``, ``random_state``, ``tol``,
        ``loss_function``; then the statistics of
        :func:`~logreg_gui.core.statistics_report.statistics_report` (``roc_auc``,
        ``brier_score``, ``youden_threshold``, the coefficient table for λ = 0, …).
        Non-finite numbers are null.
    """
    state = trainer.state()
    options = trainer.options
    optimum = trainer.optimum()
    return {
        "coef": [_finite_or_none(c) for c in state.coef_],
        "intercept": _finite_or_none(state.intercept_),
        "loss": _finite_or_none(state.loss),
        "log_loss": _finite_or_none(state.log_loss),
        "accuracy": _finite_or_none(state.accuracy),
        "test_loss": _finite_or_none(state.test_loss),
        "test_accuracy": _finite_or_none(state.test_accuracy),
        "optimal_loss": _finite_or_none(optimum.loss),
        "optimal_loss_reason": optimum.reason,
        "optimal_loss_infimum": _finite_or_none(optimum.infimum),
        "separation": optimum.separation,
        "gradient_norm": _finite_or_none(state.gradient_norm),
        "iterations": state.iteration,
        "epochs": state.epoch,
        "converged": state.status == CONVERGED,
        "diverged": state.status in (DIVERGED, DIVERGING),
        "status": state.status,
        "n_samples": dataset.n_samples,
        "n_train": state.n_samples,
        "n_test": int(dataset.test_mask.sum()),
        "class_names": list(dataset.class_names),
        "feature_names": polynomial_feature_names(dataset.feature_names, options.degree),
        "input_feature_names": list(dataset.feature_names),
        "learning_rate": options.learning_rate,
        "standardize": options.standardize,
        "l2": options.l2,
        "degree": options.degree,
        "optimizer": options.optimizer,
        "batch_size": options.batch_size,
        "momentum": options.momentum,
        "random_state": options.random_state,
        "tol": options.tol,
        "loss_function": options.loss,
        **statistics_report(trainer, dataset),
    }
