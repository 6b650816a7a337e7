"""Command line: parse arguments, then open the window or train headless and write outputs."""

import argparse
import json
import math
import sys

import numpy as np

from . import __version__
from .core.data import DataError, make_blobs, read_csv
from .core.report import training_report
from .core.training import READY, Snapshot, Trainer

DEFAULT_STEPS = 1000
HEADLESS_CHUNK = 10_000


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: 'logreg-gui: error: …' on stderr, exit code 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def _positive_float(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text}")
    return value


def _int_at_least(minimum):
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value
    return parse


def build_parser():
    """The argument parser (a contract: options are only ever added)."""
    parser = _Parser(prog="logreg-gui", description="Watch gradient descent train a binary "
                     "logistic regression. Any of --headless, --steps, --report or --screenshot "
                     "trains without showing a window.")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--data", metavar="FILE", help="CSV file: x1,x2,label per row")
    source.add_argument("--dataset", choices=["blobs"], help="generated data (default: blobs)")
    parser.add_argument("--seed", type=int, default=0, help="seed of generated data (default 0)")
    parser.add_argument("--n-samples", type=_int_at_least(2), help="generated points (default 100)")
    parser.add_argument("--learning-rate", type=_positive_float, default=0.1,
                        help="gradient-descent step size η (default 0.1)")
    parser.add_argument("--no-standardize", action="store_true",
                        help="train on the raw features instead of standardized ones")
    parser.add_argument("--headless", action="store_true", help="train without a window, then exit")
    parser.add_argument("--steps", type=_int_at_least(0),
                        help=f"headless: at most this many iterations (default {DEFAULT_STEPS}); "
                        "stops early when converged")
    parser.add_argument("--report", metavar="OUT.json", help="headless: write a JSON report")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="headless: render the main window after training to a PNG")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _load_dataset(args, parser):
    if args.data is None:
        return make_blobs(args.n_samples or 100, args.seed), "blobs"
    if args.n_samples is not None:
        parser.error("--n-samples applies to generated data, not to --data")
    try:
        return read_csv(args.data), args.data
    except DataError as error:
        parser.error(str(error))


def train_headless(trainer, steps):
    """Advance `trainer` up to `steps` iterations, stopping when it converges or diverges.

    Returns
    -------
    ndarray of float64, shape (k + 1,)
        The loss before training followed by the loss after each of the k updates.
    """
    losses = [np.array([trainer.state().loss])]
    while trainer.iteration < steps and trainer.status == READY:
        losses.append(trainer.advance(min(HEADLESS_CHUNK, steps - trainer.iteration)))
    return np.concatenate(losses)


def _write_outputs(args, parser, trainer, dataset, source, losses):
    try:
        if args.report:
            with open(args.report, "w", encoding="utf-8") as handle:
                json.dump(training_report(trainer, dataset), handle, indent=2)
                handle.write("\n")
        if args.screenshot:
            from .qt.screenshot import render_window

            snapshot = Snapshot(trainer.state(), False, losses, True, trainer.learning_rate)
            render_window(args.screenshot, dataset, trainer, snapshot, source)
    except OSError as error:
        parser.error(f"cannot write {error.filename}: {error.strerror}")


def main(argv=None):
    """Run the program; returns the process exit code (0, or 2 for usage and input errors)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    dataset, source = _load_dataset(args, parser)
    standardize = not args.no_standardize
    if args.headless or args.steps is not None or args.report or args.screenshot:
        trainer = Trainer(dataset.X, dataset.y, args.learning_rate, standardize)
        losses = train_headless(trainer, DEFAULT_STEPS if args.steps is None else args.steps)
        _write_outputs(args, parser, trainer, dataset, source, losses)
        return 0
    from .qt.gui import run_window

    return run_window(dataset, args.learning_rate, standardize, source)


if __name__ == "__main__":
    sys.exit(main())
