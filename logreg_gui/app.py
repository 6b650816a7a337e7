"""Command line: parse arguments, then open the window or train headless and write outputs."""

import argparse
import json
import math
import sys

import numpy as np

from . import __version__
from .core.data import DataError, read_csv
from .core.features import MAX_DEGREE
from .core.generators import GENERATORS, generate
from .core.loss import OBJECTIVES
from .core.optimizers import NAMES
from .core.report import training_report
from .core.state import READY, Snapshot, TrainingOptions
from .core.training import Trainer

DEFAULT_STEPS = 1000
MAX_SAMPLES = 1_000_000
MAX_NOISE = 1000.0
PANELS = ("window", "data", "sigmoid", "loss", "landscape", "formulas", "metrics", "controls")
OVERLAYS = ("contours", "trail", "fill_by_prediction", "size_by_loss")
HEADLESS_CHUNK = 10_000


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: 'logreg-gui: error: …' on stderr, exit code 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def _number(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be a finite number, got {text}")
    return value


def _float_in(low, high, closed_high=True, low_open=False):
    """A parser for numbers in [low, high] (or open at either end)."""
    def parse(text):
        value = _number(text)
        above = value > low if low_open else value >= low
        below = value <= high if closed_high else value < high
        if not (above and below):
            lower = f"{'>' if low_open else '≥'} {low:g}"
            upper = "" if high == math.inf else f" and {'≤' if closed_high else '<'} {high:g}"
            raise argparse.ArgumentTypeError(f"must be {lower}{upper}, got {text}")
        return value
    return parse


def _int_in(low, high=None):
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if value < low or (high is not None and value > high):
            limits = f"at least {low}" if high is None else f"from {low} to {high}"
            raise argparse.ArgumentTypeError(f"must be {limits}, got {value}")
        return value
    return parse


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


def build_parser():
    """The argument parser (a contract: options are only ever added)."""
    parser = _Parser(prog="logreg-gui", description="Watch gradient descent train a binary "
                     "logistic regression. Any of --headless, --steps, --report or --screenshot "
                     "trains without showing a window.")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--data", metavar="FILE", help="CSV file: x1,x2,label per row")
    source.add_argument("--dataset", choices=list(GENERATORS),
                        help="generated data (default blobs)")
    data = parser.add_argument_group("generated data and split")
    data.add_argument("--seed", type=_int_in(0), default=0,
                      help="seed of generated data, the test split and SGD (default 0)")
    data.add_argument("--n-samples", type=_int_in(2, MAX_SAMPLES),
                      help=f"generated points, 2 … {MAX_SAMPLES:,} (default 100)")
    data.add_argument("--noise", type=_float_in(0, MAX_NOISE),
                      help=f"noise of generated data, 0 … {MAX_NOISE:g} (default 1)")
    data.add_argument("--test-fraction", type=_float_in(0, 0.5), default=0.0,
                      help="share of each class held out as test points, 0 … 0.5 (default 0)")
    training = parser.add_argument_group("training")
    training.add_argument("--learning-rate", type=_float_in(1e-6, 1000), default=0.1,
                          help="step size η, 1e-6 … 1000 (default 0.1)")
    training.add_argument("--no-standardize", action="store_true",
                          help="train on the raw features instead of standardized ones")
    training.add_argument("--l2", type=_float_in(0, 1e6), default=0.0,
                          help="L2 penalty λ, 0 … 1e6: J = log-loss + λ/(2n)·‖w‖² (default 0)")
    training.add_argument("--degree", type=_int_in(1, MAX_DEGREE), default=1,
                          help=f"polynomial feature degree 1 … {MAX_DEGREE} (default 1)")
    training.add_argument("--optimizer", choices=NAMES, default="gd",
                          help="update rule (default gd)")
    training.add_argument("--batch-size", type=_int_in(1), default=32,
                          help="sgd mini-batch size, 1 … training points (default 32)")
    training.add_argument("--momentum", type=_float_in(0, 1, closed_high=False), default=0.9,
                          help="β of the momentum optimizer, 0 ≤ β < 1 (default 0.9)")
    training.add_argument("--loss", choices=list(OBJECTIVES),
                          help="cross_entropy (default; the window remembers your last choice) "
                          "or mse (½·mean squared error, for comparison)")
    run = parser.add_argument_group("headless run")
    run.add_argument("--headless", action="store_true", help="train without a window, then exit")
    run.add_argument("--steps", type=_int_in(0),
                     help=f"at most this many iterations (default {DEFAULT_STEPS}); stops early "
                     "when converged")
    run.add_argument("--report", metavar="OUT.json", type=_path, help="write a JSON report")
    run.add_argument("--screenshot", metavar="OUT.png", type=_path,
                     help="render the main window after training to a PNG")
    run.add_argument("--panel", choices=PANELS, default="window",
                     help="what --screenshot renders: the whole window (default) or one panel")
    run.add_argument("--threshold", type=_float_in(0.01, 0.99), default=0.5,
                     help="screenshot: decision threshold τ, 0.01 … 0.99 (default 0.5)")
    run.add_argument("--show", type=_overlays, default=(),
                     help="screenshot: comma-separated overlays to draw: "
                     f"{', '.join(OVERLAYS)}")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _load_dataset(args, parser):
    if args.data is None:
        name = args.dataset or "blobs"
        noise = 1.0 if args.noise is None else args.noise
        dataset, source = generate(name, args.n_samples or 100, noise, args.seed), name
    elif args.n_samples is not None or args.noise is not None:
        parser.error("--n-samples and --noise apply to generated data, not to --data")
    else:
        try:
            dataset, source = read_csv(args.data), args.data
        except DataError as error:
            parser.error(str(error))
    dataset = dataset.with_test_split(args.test_fraction, args.seed)
    n_train = int((~dataset.test_mask).sum())
    if args.optimizer == "sgd" and args.batch_size > n_train:
        parser.error(f"--batch-size must be at most the {n_train} training points, "
                     f"got {args.batch_size}")
    return dataset, source


def _options(args, loss):
    options = TrainingOptions(learning_rate=args.learning_rate,
                              standardize=not args.no_standardize, l2=args.l2,
                              degree=args.degree, optimizer=args.optimizer,
                              batch_size=args.batch_size, momentum=args.momentum,
                              random_state=args.seed, loss=loss)
    try:
        return options.validated()
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def train_headless(trainer, steps):
    """Advance `trainer` up to `steps` iterations, stopping when it converges or diverges.

    Returns
    -------
    list of Snapshot
        At iterations 0, 1, 2, 4, 8, … and the last one, each with the losses since the one
        before (so that a window fed them in order shows the whole run: loss curve, history,
        landscape path and boundary trail).
    """
    optimum = trainer.optimum()
    snapshots = [_snapshot(trainer, [trainer.state()], True, optimum)]
    checkpoint = 1
    while trainer.iteration < steps and trainer.status == READY:
        target = min(checkpoint, steps)
        progress = []
        while trainer.iteration < target and trainer.status == READY:
            progress.append(trainer.advance(min(HEADLESS_CHUNK, target - trainer.iteration)))
        snapshots.append(_snapshot(trainer, progress, False, optimum))
        checkpoint *= 2
    return snapshots


def _snapshot(trainer, progress, new_history, optimum):
    """A Snapshot of the trainer's state with the losses in `progress` (arrays of shape (k, 2),
    or a list holding the initial TrainingState)."""
    if new_history:
        state = progress[0]
        losses = np.array([[state.loss, state.test_loss]])
    else:
        losses = np.concatenate(progress) if progress else np.empty((0, 2))
    losses = np.column_stack([losses, np.full(len(losses), np.nan)])  # no side-by-side run
    return Snapshot(trainer.state(), False, losses, new_history, trainer.options, optimum)


def _write_outputs(args, parser, trainer, dataset, source, snapshots):
    if args.report:
        try:
            with open(args.report, "w", encoding="utf-8") as handle:
                json.dump(training_report(trainer, dataset), handle, indent=2, allow_nan=False)
                handle.write("\n")
        except OSError as error:
            parser.error(f"cannot write {args.report}: {error.strerror or error}")
    if args.screenshot:
        from .qt.screenshot import render_window

        try:
            render_window(args.screenshot, dataset, trainer.options, snapshots, source,
                          args.panel, _view(args))
        except OSError as error:
            parser.error(f"cannot write {args.screenshot}: {error.strerror or error}")


def _view(args):
    """View settings for screenshots: the threshold and the overlays asked for with --show."""
    return {"threshold": args.threshold, "show": args.show}


def _remembered_loss():
    """The loss the window was last closed with (windows only; headless runs and Newton, which
    needs the cross-entropy, ignore it)."""
    from .qt.settings import Settings

    return Settings().value("training/loss")


def main(argv=None):
    """Run the program; returns the process exit code (0, or 2 for usage and input errors)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    dataset, source = _load_dataset(args, parser)
    headless = args.headless or args.steps is not None or args.report or args.screenshot
    try:
        remembered = "cross_entropy" if headless or args.optimizer == "newton" else None
        options = _options(args, args.loss or remembered or _remembered_loss())
    except argparse.ArgumentTypeError as error:
        parser.error(str(error))
    if headless:
        trainer = Trainer(dataset.X, dataset.y, dataset.test_mask, **vars(options))
        snapshots = train_headless(trainer, DEFAULT_STEPS if args.steps is None else args.steps)
        _write_outputs(args, parser, trainer, dataset, source, snapshots)
        return 0
    from .qt.gui import run_window

    return run_window(dataset, options, source)


if __name__ == "__main__":
    sys.exit(main())
