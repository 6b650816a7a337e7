"""The command line's arguments, generated from the parameter table (a contract: options are only
ever added)."""

import argparse

from logreg_gui import __version__
from logreg_gui.core.parameters import OVERLAYS, PARAMETERS

DEFAULT_STEPS = 1000
PANELS = ("window", "data", "sigmoid", "loss", "landscape", "formulas", "metrics", "controls",
          "status", "statistics", "roc", "thresholds", "calibration", "parameters", "traces",
          "explain")
COLUMN_OPTIONS = ("x_column", "y_column", "label_column", "classes")
GROUPS = {"data": "generated data and split", "training": "training",
          "view": "screenshot view"}


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: 'logreg-gui: error: …' on stderr, exit code 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parsing(parameter):
    """An argparse type that reads `parameter` with its own limits and messages."""
    def parse(text):
        try:
            return parameter.parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
    return parse


def _add(container, parameter):
    """Add `parameter`'s option; its default is None so that what the user gave is known."""
    default = parameter.default
    if parameter.kind is bool:  # --no-standardize: on by default
        container.add_argument(parameter.flag, dest=parameter.name, action="store_const",
                               const=not default, help=parameter.flag_help or parameter.help)
        return
    text = parameter.help
    if parameter.choices:
        container.add_argument(parameter.flag, dest=parameter.name, choices=parameter.values,
                               help=f"{text} (default {default})")
    else:
        container.add_argument(parameter.flag, dest=parameter.name, type=_parsing(parameter),
                               metavar=parameter.flag[2:].replace("-", "_").upper(),
                               help=f"{text}; {parameter.wanted()} (default {default:g})")


def _overlays(text):
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in OVERLAYS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown overlay {unknown[0]!r}; choose from "
                                         f"{', '.join(OVERLAYS)}")
    return names


def _path(text):
    if not text.strip():
        raise argparse.ArgumentTypeError("an output file name is needed")
    return text


def _steps(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be at least 0, got {value}")
    return value


def build_parser():
    """The argument parser (a contract: options are only ever added)."""
    parser = _Parser(prog="logreg-gui", description="Watch gradient descent train a binary "
                     "logistic regression. Any of --headless, --steps, --report, --screenshot, "
                     "--animate or --export-python trains without showing a window.")
    parser.add_argument("session", nargs="?", metavar="SESSION.logreg.json",
                        help="a saved session to open (points, options, θ, view, history); "
                        "a table file here is read as with --data")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--data", metavar="FILE", help="a table (CSV, TSV, .xlsx, …): two "
                        "feature columns and a label column")
    _add(source, PARAMETERS["dataset"])
    columns = parser.add_argument_group("columns of --data")
    for role, default in (("x", "the first numeric column"), ("y", "the second numeric column"),
                          ("label", "the last column")):
        columns.add_argument(f"--{role}-column", metavar="NAME_OR_INDEX",
                             help=f"the {role} column by header name or 0-based index "
                             f"(default {default})")
    columns.add_argument("--classes", metavar="A,B", help="the two labels to keep when the label "
                         "column has more, e.g. benign,malignant; 'A,*' for A against the rest")
    containers = {name: parser.add_argument_group(title) for name, title in GROUPS.items()}
    for parameter in PARAMETERS.values():
        if parameter.flag is not None and parameter.name != "dataset":
            _add(containers[parameter.group], parameter)
    run = parser.add_argument_group("headless run")
    run.add_argument("--headless", action="store_true", help="train without a window, then exit")
    run.add_argument("--steps", type=_steps,
                     help=f"at most this many iterations (default {DEFAULT_STEPS}); stops early "
                     "when training stops by itself")
    run.add_argument("--report", metavar="OUT.json", type=_path, help="write a JSON report")
    run.add_argument("--screenshot", metavar="OUT.png", type=_path,
                     help="render the main window after training to a PNG")
    run.add_argument("--animate", metavar="OUT.gif", type=_path,
                     help="write an animation of the run (GIF; MP4 with the video extra)")
    run.add_argument("--export-python", metavar="OUT.py", type=_path,
                     help="write a scikit-learn script that fits the same model to the same "
                     "data (the --data file, else the training points in OUT_points.csv) and "
                     "prints its coefficients")
    run.add_argument("--panel", choices=PANELS, default="window",
                     help="what --screenshot and --animate render: the whole window (default) "
                     "or one panel")
    run.add_argument("--show", type=_overlays, default=(),
                     help="screenshot: comma-separated overlays to draw: "
                     f"{', '.join(OVERLAYS)}")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def given(args, name):
    """The value given on the command line, or the parameter's default."""
    value = getattr(args, name)
    return PARAMETERS[name].default if value is None else value


def attach_negative_numbers(argv):
    """['--l2', '-1e-3'] → ['--l2=-1e-3']: argparse takes '-1e-3' for an option otherwise, and
    would say 'expected one argument' instead of what is wrong with the value."""
    flags = {p.flag for p in PARAMETERS.values() if p.flag and p.kind in (int, float)}
    result = []
    for token in argv:
        if result and result[-1] in flags and token.startswith("-"):
            try:
                float(token)
            except ValueError:
                pass
            else:
                result[-1] = f"{result[-1]}={token}"
                continue
        result.append(token)
    return result
