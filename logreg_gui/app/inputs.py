"""What the command line reads: the data (generated, a table, or a session file) and the
training options."""

from dataclasses import asdict

from logreg_gui.app.arguments import COLUMN_OPTIONS, given
from logreg_gui.core.data import DataError
from logreg_gui.core.generators import generate
from logreg_gui.core.io import load_session, session_parts
from logreg_gui.core.parameters import group
from logreg_gui.core.state import TrainingOptions
from logreg_gui.core.table import dataset_from_file


def column_options(args):
    """The column options given (their flags)."""
    return [f"--{name.replace('_', '-')}" for name in COLUMN_OPTIONS
            if getattr(args, name) is not None]


def load_dataset(args, parser):
    """(Dataset with its test split, source name) of generated data or of the table given."""
    flags = column_options(args)
    if flags and args.data is None:
        parser.error(f"{flags[0]} applies to a table given with --data")
    if args.data is None:
        dataset = generate(given(args, "dataset"), given(args, "n_samples"),
                           given(args, "noise"), given(args, "random_state"))
        source = given(args, "dataset")
    elif args.n_samples is not None or args.noise is not None:
        parser.error("--n-samples and --noise apply to generated data, not to --data")
    else:
        try:
            dataset = dataset_from_file(args.data, *(getattr(args, name)
                                                     for name in COLUMN_OPTIONS))
        except DataError as error:
            parser.error(str(error))
        source = args.data
    return dataset.with_test_split(given(args, "test_fraction"), given(args, "random_state")), \
        source


def load_session_file(args, parser):
    """The SessionParts of the session file given, or None (a table given in its place is
    moved to --data)."""
    if args.session is None:
        return None
    if not args.session.endswith(".json") and args.data is None:
        args.data, args.session = args.session, None
        return None
    given = [flag for flag, value in (("--data", args.data), ("--dataset", args.dataset))
             if value is not None] + column_options(args)
    if given:
        parser.error(f"{given[0]} cannot be combined with a session file (it has its points)")
    try:
        return session_parts(load_session(args.session), args.session)
    except DataError as error:
        parser.error(str(error))


def training_options(args, parser, dataset, loss, parts=None):
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
    values = {p.name: given(args, p.name) for p in group("training")}
    values.update(loss=loss, random_state=given(args, "random_state"))
    if args.batch_size is None:
        values["batch_size"] = min(values["batch_size"], n_train)
    elif args.batch_size > n_train:
        parser.error(f"--batch-size must be at most the {n_train} training points, "
                     f"got {args.batch_size}")
    try:
        return TrainingOptions(**values).validated()
    except ValueError as error:
        parser.error(str(error))
