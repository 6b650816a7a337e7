"""Command line: parse arguments (generated from the parameter table), then open the window or
train headless and write the outputs."""

import argparse
import json
import os
import sys

from logreg_gui import __version__
from logreg_gui.core.data import DataError, read_csv
from logreg_gui.core.generators import generate
from logreg_gui.core.parameters import OVERLAYS, PARAMETERS, group
from logreg_gui.core.report import training_report
from logreg_gui.core.session import TrainingSession, train
from logreg_gui.core.state import TrainingOptions

DEFAULT_STEPS = 1000
PANELS = ("window", "data", "sigmoid", "loss", "landscape", "formulas", "metrics", "controls",
          "status")
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
                     "logistic regression. Any of --headless, --steps, --report or --screenshot "
                     "trains without showing a window.")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--data", metavar="FILE", help="CSV file: x1,x2,label per row")
    _add(source, PARAMETERS["dataset"])
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
    run.add_argument("--panel", choices=PANELS, default="window",
                     help="what --screenshot renders: the whole window (default) or one panel")
    run.add_argument("--show", type=_overlays, default=(),
                     help="screenshot: comma-separated overlays to draw: "
                     f"{', '.join(OVERLAYS)}")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _given(args, name):
    """The value given on the command line, or the parameter's default."""
    value = getattr(args, name)
    return PARAMETERS[name].default if value is None else value


def _attach_negative_numbers(argv):
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


def _load_dataset(args, parser):
    if args.data is None:
        dataset = generate(_given(args, "dataset"), _given(args, "n_samples"),
                           _given(args, "noise"), _given(args, "random_state"))
        source = _given(args, "dataset")
    elif args.n_samples is not None or args.noise is not None:
        parser.error("--n-samples and --noise apply to generated data, not to --data")
    else:
        try:
            dataset, source = read_csv(args.data), args.data
        except DataError as error:
            parser.error(str(error))
    return dataset.with_test_split(_given(args, "test_fraction"), _given(args, "random_state")), \
        source


def _options(args, parser, dataset, loss):
    """The TrainingOptions asked for; the batch size defaults to min(32, training points)."""
    n_train = max(1, int((~dataset.test_mask).sum()))
    values = {p.name: _given(args, p.name) for p in group("training")}
    values.update(loss=loss, random_state=_given(args, "random_state"))
    if args.batch_size is None:
        values["batch_size"] = min(values["batch_size"], n_train)
    elif args.batch_size > n_train:
        parser.error(f"--batch-size must be at most the {n_train} training points, "
                     f"got {args.batch_size}")
    try:
        return TrainingOptions(**values).validated()
    except ValueError as error:
        parser.error(str(error))


def _write_outputs(args, parser, session, dataset, source, snapshots):
    if args.report:
        try:
            with open(args.report, "w", encoding="utf-8") as handle:
                json.dump(training_report(session.trainer, dataset), handle, indent=2,
                          allow_nan=False)
                handle.write("\n")
        except OSError as error:
            parser.error(f"cannot write {args.report}: {error.strerror or error}")
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no screen
        from logreg_gui.qt.window.screenshot import render_window

        view = {"threshold": _given(args, "threshold"), **{name: True for name in args.show}}
        try:
            render_window(args.screenshot, dataset, session.options, snapshots, source,
                          args.panel, view)
        except OSError as error:
            parser.error(f"cannot write {args.screenshot}: {error.strerror or error}")


def _remembered_loss():
    """The loss the window was last closed with."""
    from logreg_gui.qt.window.settings import Settings

    return Settings().value("training/loss")


def main(argv=None):
    """Run the program; returns the process exit code (0, or 2 for usage and input errors)."""
    parser = build_parser()
    args = parser.parse_args(_attach_negative_numbers(sys.argv[1:] if argv is None else argv))
    dataset, source = _load_dataset(args, parser)
    headless = args.headless or args.steps is not None or args.report or args.screenshot
    # A window starts with the loss it was last closed with; headless runs and Newton (which
    # needs the cross-entropy) ignore it.
    loss = args.loss or ("cross_entropy" if headless or args.optimizer == "newton"
                         else _remembered_loss())
    options = _options(args, parser, dataset, loss)
    if headless:
        session = TrainingSession(dataset, options)
        snapshots = train(session, DEFAULT_STEPS if args.steps is None else args.steps)
        _write_outputs(args, parser, session, dataset, source, snapshots)
        return 0
    from logreg_gui.qt.window.application import run_window

    given = {p.name: getattr(args, p.name) for p in PARAMETERS.values()
             if p.group in ("data", "view") and p.flag and getattr(args, p.name) is not None}
    return run_window(dataset, options, source, given)


if __name__ == "__main__":
    sys.exit(main())
