"""Random valid values for every option, and random text for number boxes."""

import math
from dataclasses import replace


from tests.fuzz.common import TYPED


def _log_uniform(rng, low, high):
    return float(10 ** rng.uniform(math.log10(low), math.log10(high)))


def _edge(parameter):
    """The value at either limit (the open one nudged inside)."""
    high = parameter.high
    if parameter.high_open:
        high = high - 1 if parameter.kind is int else math.nextafter(high, -math.inf)
    return parameter.low, high


def _random_number(parameter, rng, high):
    low = parameter.low
    if rng.random() < 0.1:
        return _edge(replace(parameter, high=high))[rng.integers(2)]
    if parameter.slider is not None and rng.random() < 0.5:
        low_s, high_s = parameter.slider
        if parameter.zero_stop and rng.random() < 0.3:
            return 0.0
        value = rng.uniform(low_s, high_s) if parameter.linear_slider else _log_uniform(
            rng, low_s, high_s)
    elif low > 0 and high / low >= 1e3:
        value = _log_uniform(rng, low, high)
    elif low == 0 and high >= 1e3:
        value = 0.0 if rng.random() < 0.3 else _log_uniform(rng, 1e-4, high)
    else:
        value = rng.uniform(low, high)
    if parameter.kind is int:
        return int(min(max(round(value), low), high))
    return float(min(value, high))


def random_value(parameter, rng, max_points, allowed=None):
    """A random valid value of `parameter` (a :class:`~logreg_gui.core.parameters.Parameter`):
    its limits and choices, log-scaled over decades, sometimes exactly a limit. Generated data
    sizes stay at most `max_points` (so CI runs stay short); `allowed` filters choices."""
    if parameter.kind is bool:
        return bool(rng.integers(2))
    if parameter.choices:
        values = [v for v in parameter.values if allowed is None or allowed(v)]
        return values[rng.integers(len(values))]
    high = parameter.high
    if parameter.name == "n_samples":
        high = max_points
    elif parameter.name == "batch_size":
        high = min(high, 2 * max_points)
    return _random_number(parameter, rng, high)


def random_options(rng, max_points):
    """Random valid :class:`~logreg_gui.core.state.TrainingOptions` (as on a command line)."""
    from dataclasses import fields

    from logreg_gui.core.parameters import PARAMETERS
    from logreg_gui.core.state import TrainingOptions

    values = {f.name: random_value(PARAMETERS[f.name], rng, max_points)
              for f in fields(TrainingOptions)}
    if values["optimizer"] == "newton":
        values["loss"] = "cross_entropy"
    return TrainingOptions(**values).validated()


def random_text(rng):
    """What a student types into a number box: a number, garbage, or something in between."""
    kind = rng.integers(4)
    if kind == 0:
        return repr(float(10 ** rng.uniform(-8, 8)))
    if kind == 1:
        return str(rng.choice(["1e400", "nan", "inf", "-1", "0", "1e-300", "99999999999999999",
                               "0.1.2", "--3", ""]))
    return "".join(rng.choice(TYPED, size=rng.integers(1, 12)))


