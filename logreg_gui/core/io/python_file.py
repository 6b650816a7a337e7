"""File > Export Python and ``--export-python``: write the scikit-learn script of the points on
screen, reading the file they came from when it still gives exactly these points, else a CSV of
the training points written beside the script."""

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from logreg_gui.core.data import DataError, write_csv
from logreg_gui.core.io.atomic import atomic_write_text
from logreg_gui.core.python_export import python_script
from logreg_gui.core.table import parse_classes, read_table, to_dataset

POINTS_SUFFIX = "_points.csv"  # the CSV beside OUT.py is OUT_points.csv


@dataclass(frozen=True)
class DataFile:
    """The table some points were read from, and how.

    Parameters
    ----------
    path : str or pathlib.Path
    x_column, y_column, label_column : str or int, optional
        Names or 0-based indices (None: the reader's defaults).
    classes : None, str or tuple of str
        As given to :func:`~logreg_gui.core.table.dataset_from_file`.
    table_format : logreg_gui.core.table.TableFormat, optional
        None: the reader's guess.
    """

    path: object
    x_column: object = None
    y_column: object = None
    label_column: object = None
    classes: object = None
    table_format: object = None

    @property
    def columns(self):
        """(x_column, y_column, label_column)."""
        return self.x_column, self.y_column, self.label_column


def gives(data_file, dataset, test_fraction, random_state):
    """Whether reading `data_file` strictly and splitting it as the app does gives exactly
    `dataset` (points, labels, names and test points); False when it cannot be read."""
    try:
        classes = data_file.classes
        classes = parse_classes(classes) if isinstance(classes, str) else classes
        read, _ = to_dataset(read_table(data_file.path, data_file.table_format),
                             *data_file.columns, classes, strict=True)
    except (DataError, OSError):
        return False
    read = read.with_test_split(test_fraction, random_state)
    return (np.array_equal(read.X, dataset.X) and np.array_equal(read.y, dataset.y)
            and np.array_equal(read.test_mask, dataset.test_mask)
            and tuple(read.class_names) == tuple(dataset.class_names)
            and tuple(read.feature_names) == tuple(dataset.feature_names))


def write_python_script(path, dataset, options, data_file=None, test_fraction=0.0,
                        random_state=0):
    """Write a runnable scikit-learn script that fits the app's model to `dataset`'s training
    points and prints its coefficients (the app's J* minimiser, original units).

    Parameters
    ----------
    path : str or pathlib.Path
        The script (``.py``).
    dataset : logreg_gui.core.data.Dataset
        The points, with their test split.
    options : logreg_gui.core.state.TrainingOptions
        Degree, standardize and λ; the loss must be the cross-entropy.
    data_file : DataFile, optional
        Where the points came from. The script reads it (with pandas, the same columns,
        classes and test split) when it gives exactly `dataset`; otherwise (generated, edited
        or hand-placed points, or no file) the training points are written beside the script
        as ``<name>_points.csv`` and the script reads that.
    test_fraction : float in [0, 0.5]
        The split the app made with `random_state` (used with `data_file` only).
    random_state : int

    Returns
    -------
    list of pathlib.Path
        The files written: the script, then the points' CSV if one was needed.

    Raises
    ------
    ValueError
        If the loss is not the cross-entropy, or the training points lack a class (there is
        nothing for scikit-learn to fit).
    OSError
        If a file cannot be written.
    """
    path = Path(path)
    if options.loss != "cross_entropy":
        raise ValueError("the script fits the cross-entropy (scikit-learn's LogisticRegression); "
                         f"the app trains the {options.loss} loss: switch the loss first")
    if data_file is not None and gives(data_file, dataset, test_fraction, random_state):
        script = python_script(data_file.path, *data_file.columns, data_file.classes, options,
                               test_fraction, random_state, data_file.table_format)
        atomic_write_text(path, script)
        return [path]
    train = dataset.without(np.flatnonzero(dataset.test_mask))
    if len(np.unique(train.y)) < 2:
        raise ValueError("the training points must include both classes for a fit")
    points = path.with_name(path.stem + POINTS_SUFFIX)
    write_csv(points, train)
    atomic_write_text(path, python_script(points, options=options))
    return [path, points]
