"""Every parameter declared once: options, command line and settings agree with the table."""

from dataclasses import fields

import pytest

from logreg_gui.app import build_parser
from logreg_gui.core.parameters import PARAMETERS
from logreg_gui.core.state import TrainingOptions


def test_every_training_option_and_command_line_option_is_in_the_table():
    names = {field.name for field in fields(TrainingOptions)}
    assert names <= PARAMETERS.keys()
    flags = {option for action in build_parser()._actions for option in action.option_strings}
    declared = {p.flag for p in PARAMETERS.values() if p.flag}
    assert declared <= flags
    run_options = {"-h", "--help", "--data", "--headless", "--steps", "--report",
                   "--screenshot", "--animate", "--export-python", "--panel", "--show", "--version",
                   "--x-column", "--y-column", "--label-column", "--classes"}  # what to read
    assert flags - declared == run_options  # nothing else is declared elsewhere


def test_defaults_of_the_options_come_from_the_table():
    options = TrainingOptions()
    for field in fields(TrainingOptions):
        assert getattr(options, field.name) == PARAMETERS[field.name].default


@pytest.mark.parametrize("name, value, message", [
    ("learning_rate", 0.0, "learning_rate must be ≥ 1e-06 and ≤ 1000, got 0.0"),
    ("momentum", 1.0, "momentum must be ≥ 0 and < 1, got 1.0"),
    ("degree", 2.5, "degree must be from 1 to 6, got 2.5"),
    ("random_state", 2**32, "random_state must be from 0 to 4294967295, got 4294967296"),
    ("optimizer", "lbfgs", "optimizer must be one of gd, sgd, momentum, adam, newton"),
    ("standardize", "yes", "standardize must be true or false, got 'yes'"),
    ("l2", float("nan"), "l2 must be ≥ 0 and ≤ 1e+06, got nan"),
])
def test_invalid_options_name_the_option_the_limits_and_the_value(name, value, message):
    with pytest.raises(ValueError, match=message.replace("+", r"\+").replace(".", r"\.")):
        TrainingOptions(**{name: value}).validated()


def test_the_command_line_and_the_options_share_the_limits_and_the_wording():
    for parameter in PARAMETERS.values():
        if parameter.kind is not float or parameter.flag is None:
            continue
        beyond = parameter.high * 2 if parameter.high else -1.0
        with pytest.raises(ValueError) as from_text:
            parameter.parse(str(beyond))
        with pytest.raises(ValueError) as from_value:
            parameter.check(beyond)
        wanted = parameter.wanted()
        assert wanted in str(from_text.value) and wanted in str(from_value.value)


def test_numpy_scalars_and_whole_floats_are_accepted_with_their_types():
    import numpy as np

    options = TrainingOptions(degree=np.int64(3), learning_rate=np.float32(0.5),
                              standardize=np.bool_(False), batch_size=8.0).validated()
    assert options.degree == 3 and type(options.degree) is int
    assert options.standardize is False and options.batch_size == 8
