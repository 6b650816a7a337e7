"""Export Python: a short, runnable scikit-learn script fitting the app's model to the same file.

The script reads the table with pandas, keeps the same columns, rows and classes as the app (and
the same test split), maps the features with ``PolynomialFeatures(degree, include_bias=False)``,
standardizes them when the app does, fits ``LogisticRegression`` with ``C = 1/λ`` (or no penalty
for λ = 0) and prints the intercept and every coefficient in original units: the app's J*
minimiser.
"""

from pathlib import Path

import numpy as np

from logreg_gui.core.table import (EXCEL_SUFFIXES, REST, WHITESPACE, default_columns,
                                   parse_classes, parse_number, read_table, resolve_column,
                                   to_dataset)


def _mostly_numeric(table, index, sample=1000):
    """Whether at least half of a column's first non-empty cells are numbers (the reader's rule
    for choosing feature columns)."""
    texts = [text for text in table.text_column(index)[:sample] if text]
    hits = sum(parse_number(text, table.format.decimal) is not None for text in texts)
    return bool(texts) and 2 * hits >= len(texts)


def _columns(table, x_column, y_column, label_column):
    """(x, y, label) 0-based indices, chosen as :func:`~logreg_gui.core.table.to_dataset` does."""
    if x_column is None and y_column is None and label_column is None:
        return default_columns(table)
    n = len(table.columns)
    label = n - 1 if label_column is None else resolve_column(table, label_column, "label_column")
    x = None if x_column is None else resolve_column(table, x_column, "x_column")
    y = None if y_column is None else resolve_column(table, y_column, "y_column")
    free = [i for i in range(n) if _mostly_numeric(table, i)]
    free = [i for i in free + [i for i in range(n) if i not in free] if i not in (label, x, y)]
    x = free.pop(0) if x is None else x
    y = free.pop(0) if y is None else y
    return x, y, label


def _reader(path, fmt):
    """The pandas call that reads the table as the app's reader did."""
    header = 0 if fmt.header else None
    if path.suffix.lower() in EXCEL_SUFFIXES:
        return f"pd.read_excel(\n    {str(path)!r},\n    header={header})"
    separator = r"\s+" if fmt.separator == WHITESPACE else fmt.separator
    comment = "" if fmt.comment is None else f", comment={fmt.comment!r}"
    return (f"pd.read_csv(\n    {str(path)!r},\n    sep={separator!r}, decimal={fmt.decimal!r}, "
            f"encoding={fmt.encoding!r}, header={header}{comment},\n    skipinitialspace=True)")


def _label_lines(table, label, classes, class_names):
    """Script lines making `keep` (rows of the two classes) and `y` (0/1) from the labels."""
    rest = None if classes is None or REST not in classes else next(
        i for i in (0, 1) if class_names[i] == f"not {class_names[1 - i]}")
    named = [name for i, name in enumerate(class_names) if i != rest]
    # The reader compares labels as numbers only when every label in the column is one.
    numbers = [parse_number(text, table.format.decimal)
               for text in set(table.text_column(label)) if text]
    numeric = all(number is not None and np.isfinite(number) for number in numbers)
    values = {name: (parse_number(name, table.format.decimal) if numeric else name)
              for name in named}
    cast = "pd.to_numeric(column)" if numeric else "column.astype(str).str.strip()"
    lines = [f"column = table.iloc[:, {label}]  # {table.columns[label]}",
             f"labels = {cast}"]
    if rest is None:
        lines += [f"keep = labels.isin({list(values.values())!r}).to_numpy()",
                  f"y = (labels == {values[class_names[1]]!r}).to_numpy(dtype=int)[keep]"]
    else:
        other = values[class_names[1 - rest]]
        operator = "!=" if rest == 1 else "=="
        lines += ["keep = np.ones(len(labels), dtype=bool)  # one class against all the others",
                  f"y = (labels {operator} {other!r}).to_numpy(dtype=int)"]
    return lines


def _split_lines(test_fraction, random_state):
    if not test_fraction:
        return []
    return ["",
            "# The app's test split: the same seed holds out the same points of each class.",
            f"rng = np.random.default_rng({random_state})",
            "test = np.zeros(len(y), dtype=bool)",
            "for label in (0, 1):",
            "    members = np.flatnonzero(y == label)",
            f"    held_out = min(round({test_fraction!r} * len(members)), len(members) // 2)",
            "    test[rng.permutation(members)[:held_out]] = True",
            "X, y = X[~test], y[~test]"]


def _model_lines(options, names):
    # C = inf is no penalty (the `penalty` argument is deprecated from scikit-learn 1.8 on).
    penalty = "C=np.inf" if options.l2 == 0 else f"C={1 / options.l2!r}"
    fit_on = "scaler.transform(mapped)" if options.standardize else "mapped"
    lines = ["", f"features = PolynomialFeatures({options.degree}, include_bias=False)",
             "mapped = features.fit_transform(X)"]
    if options.standardize:
        lines.append("scaler = StandardScaler().fit(mapped)")
    lines += ["# C = 1/λ: scikit-learn minimises ½‖w‖² + C·Σ loss, the app mean loss + "
              "λ/(2n)·‖w‖² (C = inf: none).",
              f"model = LogisticRegression({penalty}, solver=\"newton-cholesky\", tol=1e-10,",
              f"                           max_iter=1000).fit({fit_on}, y)"]
    if options.standardize:
        lines += ["", "# Back to original units: z = w·(φ(x) − μ)/s + b = (w/s)·φ(x) + "
                  "(b − Σ w·μ/s).",
                  "coef = model.coef_[0] / scaler.scale_",
                  "intercept = model.intercept_[0] - coef @ scaler.mean_"]
    else:
        lines += ["", "coef, intercept = model.coef_[0], model.intercept_[0]"]
    return lines + ['print(f"intercept = {intercept:.17g}")',
                    f"for name, value in zip(features.get_feature_names_out({names!r}), coef):",
                    '    print(f"{name} = {value:.17g}")']


def python_script(data_path, x_column=None, y_column=None, label_column=None, classes=None,
                  options=None, test_fraction=0.0, random_state=0, table_format=None):
    """A runnable scikit-learn script that fits the app's model to the same data.

    Parameters
    ----------
    data_path : str or pathlib.Path
        The table the app read (written into the script as an absolute path).
    x_column, y_column, label_column : str or int, optional
        As given to :func:`~logreg_gui.core.table.dataset_from_file` (names or 0-based indices;
        None: the reader's defaults).
    classes : None, str or tuple
        As given to :func:`~logreg_gui.core.table.dataset_from_file` (e.g. ``'setosa,*'``).
    options : logreg_gui.core.state.TrainingOptions
        Degree, standardize and λ are used (the optimizer is not: the script finds J* directly).
    test_fraction : float in [0, 0.5]
        The test split of :meth:`~logreg_gui.core.data.Dataset.with_test_split`, repeated in the
        script with the same `random_state`.
    random_state : int
    table_format : logreg_gui.core.table.TableFormat, optional
        How the file is written; default: the reader's guess, as the app.

    Returns
    -------
    str
        Python source. Running it prints ``intercept = …`` and one ``name = …`` line per mapped
        feature (scikit-learn's names, e.g. ``mean_radius^2``), 17 significant digits.

    Raises
    ------
    logreg_gui.core.table.TableError
        Whatever reading the table as the command line does raises (the script would fail too).
    ValueError
        If `options` is missing or its loss is not the cross-entropy (scikit-learn fits that),
        or only some columns are given and the reader's choice of the others cannot be matched.

    Notes
    -----
    pandas parses the file itself: a file only the app's more tolerant reader accepts (e.g. a
    ``#`` inside a label, taken by pandas as the start of a comment) may need the script edited.
    """
    if options is None or options.loss != "cross_entropy":
        raise ValueError("options must be TrainingOptions with the cross-entropy loss, got "
                         f"{None if options is None else options.loss!r}")
    path = Path(data_path).resolve()
    table = read_table(path, table_format)
    classes = parse_classes(classes) if isinstance(classes, str) else classes
    x, y, label = _columns(table, x_column, y_column, label_column)
    dataset, _ = to_dataset(table, x, y, label, classes, strict=True)
    given, _ = to_dataset(table, x_column, y_column, label_column, classes, strict=True)
    if not (np.array_equal(given.X, dataset.X) and np.array_equal(given.y, dataset.y)):
        raise ValueError("could not tell which columns the reader chose; give x_column, "
                         "y_column and label_column")
    names = list(dataset.feature_names)
    lines = [f'"""Fit logreg-gui\'s model with scikit-learn: {path.name}, '
             f"class 1 = {dataset.class_names[1]}, degree {options.degree}, "
             f"{'standardized' if options.standardize else 'raw'} features, λ = {options.l2:g}."
             '"""', "",
             "import numpy as np", "import pandas as pd",
             "from sklearn.linear_model import LogisticRegression",
             "from sklearn.preprocessing import PolynomialFeatures"
             + (", StandardScaler" if options.standardize else ""), "",
             f"table = {_reader(path, table.format)}",
             f"X = table.iloc[:, [{x}, {y}]].to_numpy(dtype=float)  # {', '.join(names)}",
             *_label_lines(table, label, classes, dataset.class_names),
             "X = X[keep]",
             *_split_lines(test_fraction, random_state),
             *_model_lines(options, names)]
    return "\n".join(lines) + "\n"
