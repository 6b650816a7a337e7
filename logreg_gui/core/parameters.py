"""Every parameter the user can set, declared once.

The training options' validation, the command line's options and help, the control panel's
widgets (ranges, digits, sliders) and the remembered settings are all generated from
:data:`PARAMETERS`, so the window and the command line accept exactly the same values with the
same messages.
"""

import math
from dataclasses import dataclass

from logreg_gui.core.features import MAX_DEGREE
from logreg_gui.core.generators import GENERATORS
from logreg_gui.core.loss import LOSSES
from logreg_gui.core.optimizers import NAMES

SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 0)  # 0: max


@dataclass(frozen=True)
class Parameter:
    """One setting: its type, limits, default, unit, help and how it is shown.

    Parameters
    ----------
    name : str
        Its name in :class:`~logreg_gui.core.state.TrainingOptions` (group ``training``), in the
        window and in the settings (``group/name``).
    label : str
        Short text for the control panel.
    kind : type
        ``float``, ``int``, ``bool`` or ``str``.
    default : float, int, bool or str
    group : {"training", "data", "view", "run"}
        Training options, data generation and split, view options, or how the run is driven.
    help : str
        One sentence for tooltips and ``--help``.
    low, high : float or int, optional
        Limits (inclusive unless `high_open`).
    high_open : bool
        The high limit itself is excluded (momentum β < 1).
    choices : tuple of (value, text) pairs
        The allowed values of a ``str`` parameter (or the stops of ``speed``), with their text.
    unit : str
    flag : str, optional
        The command-line option (None: not on the command line).
    slider : tuple of 2 float, optional
        Range of a log-scale slider beside the box (the box takes the full range).
    zero_stop : bool
        The slider's first position is exactly 0.
    linear_slider : bool
        The slider moves in steps of `step` (default: log scale, ten stops a decade).
    step : float, optional
        Spin-box step (None: adaptive, one digit of the value).
    remembered : bool
        Restored from the settings at the next start.
    control : bool
        Shown in the control panel (the data set is chosen from the Data menu instead).
    flag_help : str
        The command line's help when it differs from `help` (an option that switches off).
    """

    name: str
    label: str
    kind: type
    default: object
    group: str
    help: str
    low: float | None = None
    high: float | None = None
    high_open: bool = False
    choices: tuple = ()
    unit: str = ""
    flag: str | None = None
    slider: tuple | None = None
    zero_stop: bool = False
    linear_slider: bool = False
    step: float | None = None
    remembered: bool = False
    control: bool = True
    flag_help: str = ""

    @property
    def values(self):
        """The allowed values of a parameter with choices (tuple)."""
        return tuple(value for value, _ in self.choices)

    def wanted(self):
        """What a valid value is, e.g. '≥ 1e-06 and ≤ 1000' or 'from 1 to 6' (str)."""
        if self.choices:
            return "one of " + ", ".join(map(str, self.values))
        if self.kind is bool:
            return "true or false"
        if self.kind is int:
            return (f"at least {self.low}" if self.high is None
                    else f"from {self.low} to {self.high}")
        upper = "" if self.high is None else f" and {'<' if self.high_open else '≤'} {self.high:g}"
        return f"≥ {self.low:g}{upper}"

    def accepts(self, value):
        """Whether `value` (already of the right type) is allowed (bool)."""
        if self.choices:
            return value in self.values
        if self.kind in (bool, str):
            return True
        if not math.isfinite(value) or value < self.low:
            return False
        return self.high is None or (value < self.high if self.high_open else value <= self.high)

    def check(self, value):
        """`value` converted to this parameter's type.

        Raises
        ------
        ValueError
            'name must be …, got value' when it is of the wrong type or out of range.
        """
        converted = _convert(self.kind, value)
        if converted is None or not self.accepts(converted):
            raise ValueError(f"{self.name} must be {self.wanted()}, got {value!r}")
        return converted

    def parse(self, text):
        """The value written as `text` (command line, settings).

        Raises
        ------
        ValueError
            'must be …, got text' (the caller names the option).
        """
        value = _parse_text(self.kind, text)
        if not self.accepts(value):
            raise ValueError(f"must be {self.wanted()}, got {text}")
        return value


def _convert(kind, value):
    """`value` as `kind`, or None when it is not one (e.g. 2.5 as an int, 'yes' as a bool)."""
    if hasattr(value, "item") and not isinstance(value, (bool, int, float, str)):
        value = value.item()  # a numpy scalar
    if kind is bool:
        return value if isinstance(value, bool) else None
    if kind is str:
        return value if isinstance(value, str) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if kind is int:
        return int(value) if float(value).is_integer() else None
    return float(value)


def _parse_text(kind, text):
    text = str(text).strip()
    if kind is str:
        return text
    if kind is bool:
        if text.lower() not in ("true", "false"):
            raise ValueError(f"must be true or false, got {text}")
        return text.lower() == "true"
    try:
        value = int(text) if kind is int else float(text)
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise ValueError(f"'{text}' is not {what}") from None
    if not math.isfinite(value):
        raise ValueError(f"must be a finite number, got {text}")
    return value


def _choices(names, texts=None):
    return tuple((name, (texts or {}).get(name, name)) for name in names)


OPTIMIZER_TEXTS = {"gd": "gradient descent", "sgd": "mini-batch SGD",
                   "momentum": "momentum", "adam": "Adam", "newton": "Newton (IRLS)"}
_VIEW = "view"
_TRAINING = "training"

PARAMETERS = {p.name: p for p in (
    Parameter("learning_rate", "Learning rate η", float, 0.1, _TRAINING,
              "step size η of every update (not used by Newton)", 1e-6, 1000.0,
              flag="--learning-rate", slider=(1e-4, 10.0)),
    Parameter("optimizer", "Optimizer", str, "gd", _TRAINING,
              "update rule; can be changed while paused",
              choices=tuple((n, OPTIMIZER_TEXTS[n]) for n in NAMES),
              flag="--optimizer"),
    Parameter("batch_size", "Batch size", int, 32, _TRAINING,
              "mini-batch size B of SGD; at most the number of training points (the command "
              "line's default is min(32, training points))",
              1, 1_000_000, flag="--batch-size"),
    Parameter("momentum", "Momentum β", float, 0.9, _TRAINING,
              "β of heavy-ball momentum", 0.0, 1.0, high_open=True, flag="--momentum",
              step=0.05),
    Parameter("loss", "Loss", str, "cross_entropy", _TRAINING,
              "what gradient descent minimises; the squared error is here to show why "
              "cross-entropy is used", choices=tuple((n, LOSSES[n].short) for n in LOSSES),
              flag="--loss", remembered=True),
    Parameter("l2", "L2 penalty λ", float, 0.0, _TRAINING,
              "λ in J = log-loss + λ/(2n)·‖w‖² (b is not penalised)", 0.0, 1e6, flag="--l2",
              slider=(1e-4, 100.0), zero_stop=True),
    Parameter("degree", "Degree", int, 1, _TRAINING,
              "polynomial features x1^i·x2^j with 1 ≤ i + j ≤ degree (a new degree restarts "
              "from w = 0)", 1, MAX_DEGREE, flag="--degree"),
    Parameter("standardize", "Standardize features", bool, True, _TRAINING,
              "train on zero-mean, unit-variance features; coefficients are still shown in "
              "the original units", flag="--no-standardize",
              flag_help="train on the raw features instead of standardized ones (coefficients "
              "are reported in the original units either way)"),
    Parameter("tol", "Tolerance", float, 1e-6, _TRAINING,
              "training stops as converged when ‖∇J‖ falls below this", 1e-15, 1.0,
              flag="--tol"),
    Parameter("random_state", "Seed", int, 0, "data",
              "seed of generated data, the test split and SGD's shuffling", 0, 2**32 - 1,
              flag="--seed"),
    Parameter("test_fraction", "Test fraction", float, 0.0, "data",
              "share of each class held out as (hollow) test points", 0.0, 0.5,
              flag="--test-fraction", step=0.05),
    Parameter("n_samples", "Points", int, 100, "data",
              "number of points the Data menu generates", 2, 1_000_000, flag="--n-samples"),
    Parameter("noise", "Noise", float, 1.0, "data",
              "noise of the data the Data menu generates (1: the usual look)", 0.0, 1000.0,
              flag="--noise", step=0.1),
    Parameter("dataset", "Data set", str, "blobs", "data", "generated data",
              choices=_choices(GENERATORS), flag="--dataset", control=False),
    Parameter("speed", "Speed", int, 50, "run",
              "iterations per second: 1 to watch each update, up to max",
              choices=tuple((s, f"{s:,} it/s" if s else "max") for s in SPEEDS)),
    Parameter("side_by_side", "Side by side with the other loss", bool, False, "run",
              "also train with the other loss from the same start; both curves appear in "
              "the loss plot"),
    Parameter("threshold", "Threshold τ", float, 0.5, _VIEW,
              "decision threshold τ: predict class 1 when P(y=1|x) > τ; the boundary moves to "
              "z = log(τ/(1 − τ))", 0.01, 0.99, flag="--threshold", slider=(0.01, 0.99),
              linear_slider=True, step=0.01, remembered=True),
    Parameter("step_function", "Show step function", bool, True, _VIEW,
              "dashed overlay of the hard threshold the sigmoid replaces", remembered=True),
    Parameter("log_scale", "Log-scale loss", bool, False, _VIEW,
              "plot the loss on a logarithmic axis", remembered=True),
    Parameter("gap", "Gap to optimum J − J*", bool, False, _VIEW,
              "plot J − J* on a log axis (when an optimum exists)", remembered=True),
    Parameter("weight_vector", "Weight vector w", bool, True, _VIEW,
              "arrow from the boundary along w, the boundary's normal, towards class 1 "
              "(degree 1)", remembered=True),
    Parameter("contours", "Probability contours 0.1 … 0.9", bool, False, _VIEW,
              "dashed lines where P(y=1|x) = 0.1, 0.2, …, 0.9 (0.5 solid and thicker)",
              remembered=True),
    Parameter("trail", "Trail of past boundaries", bool, False, _VIEW,
              "the last few boundary lines, fading with age (degree 1)", remembered=True),
    Parameter("fill_by_prediction", "Fill points by predicted class", bool, False, _VIEW,
              "fill colour = predicted class, outline = actual class", remembered=True),
    Parameter("size_by_loss", "Size points by their loss", bool, False, _VIEW,
              "bigger = larger loss term; misclassified points get a red ring",
              remembered=True),
    Parameter("size_by_influence", "Cook's distance rings", bool, False,
              _VIEW, "a ring around each training point, bigger for a larger Cook's distance "
              "of the maximum-likelihood fit (λ = 0): the points that pull the boundary",
              remembered=True),
    Parameter("linear_probability", "Least-squares boundary", bool,
              False, _VIEW, "dashed line where the least-squares fit of the 0/1 labels on "
              "x1, x2 equals τ, beside the logistic boundary", remembered=True),
)}

OVERLAYS = ("contours", "trail", "fill_by_prediction", "size_by_loss",  # --show
            "size_by_influence", "linear_probability")


def group(name):
    """The parameters of one group, in declaration order (list of Parameter)."""
    return [p for p in PARAMETERS.values() if p.group == name]


def defaults(group_name):
    """{name: default} of one group (dict)."""
    return {p.name: p.default for p in group(group_name)}
