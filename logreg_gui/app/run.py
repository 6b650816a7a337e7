"""Running the command line: open the window, or train headless and write the outputs."""

import json
import os
import sys
from pathlib import Path

from logreg_gui.app.arguments import DEFAULT_STEPS, attach_negative_numbers, build_parser, given
from logreg_gui.app.inputs import load_dataset, load_session_file, training_options
from logreg_gui.core.io.animation_file import check_format
from logreg_gui.core.io.python_file import DataFile, write_python_script
from logreg_gui.core.parameters import PARAMETERS
from logreg_gui.core.recording import train_in_frames
from logreg_gui.core.report import training_report
from logreg_gui.core.session import TrainingSession, train


def _write_outputs(args, parser, session, dataset, source, snapshots):
    if args.report:
        try:
            with open(args.report, "w", encoding="utf-8") as handle:
                json.dump(training_report(session.trainer, dataset), handle, indent=2,
                          allow_nan=False)
                handle.write("\n")
        except OSError as error:
            parser.error(f"cannot write {args.report}: {error.strerror or error}")
    if args.export_python:
        _export_python(args, parser, dataset, session.options)
    if not (args.screenshot or args.animate):
        return
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no screen
    from logreg_gui.qt.window import screenshot

    view = {"threshold": given(args, "threshold"), **{name: True for name in args.show}}
    for path, render in ((args.screenshot, "render_window"), (args.animate, "render_animation")):
        if not path:
            continue
        try:
            getattr(screenshot, render)(path, dataset, session.options, snapshots, source,
                                        args.panel, view)
        except OSError as error:
            parser.error(f"cannot write {path}: {error.strerror or error}")


def _export_python(args, parser, dataset, options):
    """Write the scikit-learn script of the data and options (--export-python)."""
    data_file = None if args.data is None else DataFile(
        args.data, args.x_column, args.y_column, args.label_column, args.classes)
    try:
        write_python_script(args.export_python, dataset, options, data_file,
                            given(args, "test_fraction"), given(args, "random_state"))
    except ValueError as error:
        parser.error(f"--export-python: {error}")
    except OSError as error:
        parser.error(f"cannot write {args.export_python}: {error.strerror or error}")


def _remembered_loss():
    """The loss the window was last closed with."""
    from logreg_gui.qt.window.settings import Settings

    return Settings().value("training/loss")


def main(argv=None):
    """Run the program; returns the process exit code (0, or 2 for usage and input errors)."""
    parser = build_parser()
    args = parser.parse_args(attach_negative_numbers(sys.argv[1:] if argv is None else argv))
    if args.animate:
        try:
            check_format(Path(args.animate).suffix.lower())
        except ValueError as error:
            parser.error(f"--animate: {error}")
    parts = load_session_file(args, parser)
    dataset, source = load_dataset(args, parser) if parts is None else (parts.dataset,
                                                                         args.session)
    headless = (args.headless or args.steps is not None or args.report or args.screenshot
                or args.animate or args.export_python)
    _check_picture_options(args, parser, headless)
    # A window starts with the loss it was last closed with; headless runs and Newton (which
    # needs the cross-entropy) ignore it.
    loss = args.loss or ("cross_entropy" if headless or args.optimizer == "newton"
                         else _remembered_loss())
    options = training_options(args, parser, dataset, loss, parts)
    if headless:
        session = TrainingSession(dataset, options)
        _resume(session, parts)
        steps = DEFAULT_STEPS if args.steps is None else args.steps
        snapshots = train_in_frames(session, steps) if args.animate else train(session, steps)
        _write_outputs(args, parser, session, dataset, source, snapshots)
        return 0
    from logreg_gui.qt.window.application import run_window

    return run_window(dataset, options, source, args.session, _window_values(args))


def _check_picture_options(args, parser, headless):
    """--panel and --show only shape a picture; --threshold a picture or the window."""
    picture = args.screenshot or args.animate
    if not picture and (args.panel != "window" or args.show):
        flag = "--panel" if args.panel != "window" else "--show"
        parser.error(f"{flag} applies to --screenshot and --animate")
    if headless and not picture and args.threshold is not None:
        parser.error("--threshold applies to the window, --screenshot and --animate, not to a "
                     "run without a picture")


def _window_values(args):
    """The data and view parameters given on the command line (they win over remembered
    ones in the window)."""
    return {p.name: getattr(args, p.name) for p in PARAMETERS.values()
            if p.group in ("data", "view") and p.flag and getattr(args, p.name) is not None}


def _resume(session, parts):
    """Continue a session file's run from its θ and iteration."""
    if parts is not None and (parts.iteration or parts.theta.any()):
        session.start_from(parts.theta, parts.iteration)
