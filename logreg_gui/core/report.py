"""The JSON-ready training report (a contract: fields are only ever added)."""

import math

from .training import CONVERGED, DIVERGED


def _finite_or_none(value):
    return float(value) if math.isfinite(value) else None


def training_report(trainer, dataset):
    """Summary of a trained model for ``--report``.

    Parameters
    ----------
    trainer : logreg_gui.core.training.Trainer
    dataset : logreg_gui.core.data.Dataset
        The data the trainer was trained on.

    Returns
    -------
    dict
        ``coef`` (list of float, original units), ``intercept``, ``loss`` (mean log-loss, nats),
        ``accuracy`` (fraction), ``gradient_norm``, ``iterations``, ``converged``, ``diverged``,
        ``status``, ``n_samples``, ``class_names``, ``feature_names``, ``learning_rate``,
        ``standardize``. Non-finite numbers are None (JSON null).
    """
    state = trainer.state()
    return {
        "coef": [float(c) for c in state.coef_],
        "intercept": float(state.intercept_),
        "loss": _finite_or_none(state.loss),
        "accuracy": _finite_or_none(state.accuracy),
        "gradient_norm": _finite_or_none(state.gradient_norm),
        "iterations": state.iteration,
        "converged": state.status == CONVERGED,
        "diverged": state.status == DIVERGED,
        "status": state.status,
        "n_samples": dataset.n_samples,
        "class_names": list(dataset.class_names),
        "feature_names": list(dataset.feature_names),
        "learning_rate": trainer.learning_rate,
        "standardize": trainer.standardize,
    }
