"""Command line: parse arguments (generated from the parameter table), then open the window or
train headless and write the outputs."""

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from logreg_gui import __version__
from logreg_gui.core.data import DataError
from logreg_gui.core.generators import generate
from logreg_gui.core.io import load_session, session_parts
from logreg_gui.core.io.animation_file import check_format
from logreg_gui.core.parameters import OVERLAYS, PARAMETERS, group
from logreg_gui.core.report import training_report
from logreg_gui.core.session import TrainingSession, train
from logreg_gui.core.recording import train_in_frames
from logreg_gui.core.state import TrainingOptions
from logreg_gui.core.table import dataset_from_file

DEFAULT_STEPS = 1000
PANELS = ("window", "data", "sigmoid", "loss", "landscape", "formulas", "metrics", "controls",
          "status")
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
                               const=not default,
                               help=f"switch off '{parameter.label}' ({parameter.help})")
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
                     "logistic regression. Any of --headless, --steps, --report, --screenshot or "
                     "--animate trains without showing a window.")
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
    run.add_argument("--panel", choices=PANELS, default="window",
                     help="what --screenshot and --animate render: the whole window (default) "
                     "or one panel")
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


def _column_options(args):
    """The column options given (their flags)."""
    return [f"--{name.replace('_', '-')}" for name in COLUMN_OPTIONS
            if getattr(args, name) is not None]


def _load_dataset(args, parser):
    column_options = _column_options(args)
    if column_options and args.data is None:
        parser.error(f"{column_options[0]} applies to a table given with --data")
    if args.data is None:
        dataset = generate(_given(args, "dataset"), _given(args, "n_samples"),
                           _given(args, "noise"), _given(args, "random_state"))
        source = _given(args, "dataset")
    elif args.n_samples is not None or args.noise is not None:
        parser.error("--n-samples and --noise apply to generated data, not to --data")
    else:
        try:
            dataset = dataset_from_file(args.data, *(getattr(args, name)
                                                     for name in COLUMN_OPTIONS))
        except DataError as error:
            parser.error(str(error))
        source = args.data
    return dataset.with_test_split(_given(args, "test_fraction"), _given(args, "random_state")), \
        source


def _load_session(args, parser):
    """The SessionParts of the session file given, or None (a table given in its place is
    moved to --data)."""
    if args.session is None:
        return None
    if not args.session.endswith(".json") and args.data is None:
        args.data, args.session = args.session, None
        return None
    given = [flag for flag, value in (("--data", args.data), ("--dataset", args.dataset))
             if value is not None] + _column_options(args)
    if given:
        parser.error(f"{given[0]} cannot be combined with a session file (it has its points)")
    try:
        return session_parts(load_session(args.session), args.session)
    except DataError as error:
        parser.error(str(error))


def _options(args, parser, dataset, loss, parts=None):
    """The TrainingOptions asked for (a session's, changed by the options given); the batch
    size defaults to min(32, training points)."""
    n_train = max(1, int((~dataset.test_mask).sum()))
    if parts is not None:
        values = asdict(parts.options)
        values.update({name: getattr(args, name) for name in values
                       if getattr(args, name, None) is not None})
        try:
            return TrainingOptions(**values).validated()
        except ValueError as error:
            parser.error(str(error))
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
    if not (args.screenshot or args.animate):
        return
    from logreg_gui.qt.window import screenshot

    view = {"threshold": _given(args, "threshold"), **{name: True for name in args.show}}
    for path, render in ((args.screenshot, "render_window"), (args.animate, "render_animation")):
        if not path:
            continue
        try:
            getattr(screenshot, render)(path, dataset, session.options, snapshots, source,
                                        args.panel, view)
        except OSError as error:
            parser.error(f"cannot write {path}: {error.strerror or error}")


def _remembered_loss():
    """The loss the window was last closed with."""
    from logreg_gui.qt.window.settings import Settings

    return Settings().value("training/loss")


def main(argv=None):
    """Run the program; returns the process exit code (0, or 2 for usage and input errors)."""
    parser = build_parser()
    args = parser.parse_args(_attach_negative_numbers(sys.argv[1:] if argv is None else argv))
    if args.animate:
        try:
            check_format(Path(args.animate).suffix.lower())
        except ValueError as error:
            parser.error(f"--animate: {error}")
    parts = _load_session(args, parser)
    dataset, source = _load_dataset(args, parser) if parts is None else (parts.dataset,
                                                                         args.session)
    headless = (args.headless or args.steps is not None or args.report or args.screenshot
                or args.animate)
    # A window starts with the loss it was last closed with; headless runs and Newton (which
    # needs the cross-entropy) ignore it.
    loss = args.loss or ("cross_entropy" if headless or args.optimizer == "newton"
                         else _remembered_loss())
    options = _options(args, parser, dataset, loss, parts)
    if headless:
        session = TrainingSession(dataset, options)
        _resume(session, parts)
        steps = DEFAULT_STEPS if args.steps is None else args.steps
        snapshots = train_in_frames(session, steps) if args.animate else train(session, steps)
        _write_outputs(args, parser, session, dataset, source, snapshots)
        return 0
    from logreg_gui.qt.window.application import run_window

    return run_window(dataset, options, source, args.session)


def _resume(session, parts):
    """Continue a session file's run from its θ and iteration."""
    if parts is not None and (parts.iteration or parts.theta.any()):
        session.trainer.start_from(parts.theta)
        session.trainer.iteration = parts.iteration
        session.start_history()


if __name__ == "__main__":
    sys.exit(main())
