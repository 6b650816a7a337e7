"""Reading tables: formats, encodings, numbers, columns, classes, dropped rows, error places."""

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from logreg_gui.core.data import DataError, Dataset, read_csv, write_csv
from logreg_gui.core.table import (REST, WHITESPACE, TableError, TableFormat, dataset_from_file,
                                   default_columns, parse_classes, parse_number, read_table,
                                   resolve_column, sniff, to_dataset)
from tests.conftest import DATASETS

DATA = Path(__file__).resolve().parents[1] / "data"
WDBC = DATASETS / "breast_cancer_wdbc.csv"


def write(tmp_path, text, name="table.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# -- separators, decimal marks, quotes ---------------------------------------------------------

SEPARATED = [
    (",", "x1,x2,label\n1.5,2,a\n-3,4e-2,b\n5,.25,a\n"),
    (";", "x1;x2;label\n1.5;2;a\n-3;4e-2;b\n5;.25;a\n"),
    ("\t", "x1\tx2\tlabel\n1.5\t2\ta\n-3\t4e-2\tb\n5\t.25\ta\n"),
    (WHITESPACE, "x1  x2 label\n 1.5   2 a\n-3\t4e-2  b\n5 .25 a\n"),
]


@pytest.mark.parametrize("separator, text", SEPARATED, ids=["comma", "semicolon", "tab", "spaces"])
def test_separators_are_guessed_and_read_like_pandas(tmp_path, separator, text):
    path = write(tmp_path, text)
    fmt = sniff(path)
    assert (fmt.separator, fmt.decimal, fmt.header) == (separator, ".", True)
    table = read_table(path)
    reference = pd.read_csv(path, sep=r"\s+" if separator == WHITESPACE else separator)
    assert table.columns == tuple(reference.columns) == ("x1", "x2", "label")
    dataset, dropped = to_dataset(table)
    np.testing.assert_array_equal(dataset.X, reference[["x1", "x2"]].to_numpy())
    np.testing.assert_array_equal(dataset.X, [[1.5, 2], [-3, 0.04], [5, 0.25]])
    np.testing.assert_array_equal(dataset.y, [0, 1, 0])
    assert dataset.class_names == ("a", "b") and len(dropped) == 0
    np.testing.assert_array_equal(table.lines, [2, 3, 4])


def test_decimal_commas_with_semicolons(tmp_path):
    path = write(tmp_path, "Größe;Gewicht;Klasse\n1,5;70,25;ja\n2;-0,5;nein\n1,75;1,5e2;ja\n")
    fmt = sniff(path)
    assert (fmt.separator, fmt.decimal) == (";", ",")
    dataset, _ = to_dataset(read_table(path))
    reference = pd.read_csv(path, sep=";", decimal=",")
    np.testing.assert_array_equal(dataset.X, reference.iloc[:, :2].to_numpy())
    np.testing.assert_array_equal(dataset.X, [[1.5, 70.25], [2, -0.5], [1.75, 150]])
    assert dataset.feature_names == ("Größe", "Gewicht")


def test_a_point_is_not_a_decimal_mark_when_the_comma_is(tmp_path):
    path = write(tmp_path, "a;b;c\n1,5;2;x\n1.5;3;y\n2,5;4;y\n")
    assert sniff(path).decimal == ","
    _, dropped = to_dataset(read_table(path))
    np.testing.assert_array_equal(dropped.lines, [3])
    assert "feature 'a' is '1.5', not a number" in dropped.reasons[0]


def test_quoted_fields_keep_separators_and_quotes(tmp_path):
    text = ('"mean, radius","te""x""ture",label\n'
            '"1.5", 2 ,"benign, sure"\n'
            '3,"4.5","malignant"\n')
    path = write(tmp_path, text)
    table = read_table(path)
    assert table.columns == ("mean, radius", 'te"x"ture', "label")
    dataset, _ = to_dataset(table)
    reference = pd.read_csv(path, skipinitialspace=True)
    np.testing.assert_array_equal(dataset.X, reference.iloc[:, :2].to_numpy(dtype=float))
    assert dataset.class_names == ("benign, sure", "malignant")


# -- encodings -------------------------------------------------------------------------------

TEXT = "Größe,café,label\n1.5,2,ja\n3,4,nein\n"


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8-sig", TEXT.encode("utf-8-sig")),
    ("utf-16", b"\xff\xfe" + TEXT.encode("utf-16-le")),
    ("utf-16", b"\xfe\xff" + TEXT.encode("utf-16-be")),
    ("utf-16-le", TEXT.encode("utf-16-le")),
    ("utf-16-be", TEXT.encode("utf-16-be")),
    ("cp1252", ("€ " + TEXT).encode("cp1252")),
    ("latin-1", TEXT.encode("latin-1") + b"\x81,1,ja\n"),  # 0x81 is not Windows-1252
], ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf16-le", "utf16-be", "cp1252",
        "latin1"])
def test_encodings_are_guessed(tmp_path, encoding, data):
    path = tmp_path / "table.csv"
    path.write_bytes(data)
    assert sniff(path).encoding == encoding
    table = read_table(path)
    assert table.columns[1:] == ("café", "label")
    assert table.columns[0].endswith("Größe")
    assert list(table.text_column(2)[:2]) == ["ja", "nein"]


def test_a_wrong_encoding_names_the_line_and_the_right_one(tmp_path):
    path = write(tmp_path, "a,b,label\n1,2,x\n3,4,café\n", encoding="cp1252")
    with pytest.raises(TableError, match=r"line 3: byte 0xe9 is not valid UTF-8; choose the "
                                         r"encoding Windows-1252"):
        read_table(path, TableFormat(encoding="utf-8"))


def test_binary_files_are_refused_with_a_table_error(tmp_path):
    path = tmp_path / "image.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(TableError, match="NUL character"):
        read_table(path)


# -- header, comments, blank lines, line ends ------------------------------------------------


def test_header_names_that_are_numbers_stay_names(tmp_path):
    path = write(tmp_path, "2019,2020,label\n0.5,0.7,a\n0.1,0.2,b\n")
    table = read_table(path, TableFormat(header=True))
    assert table.columns == ("2019", "2020", "label")
    assert resolve_column(table, "2020") == 1
    assert resolve_column(table, "1") == 1 and resolve_column(table, 2) == 2
    dataset, _ = to_dataset(table, "2020", "2019", "label")
    assert dataset.feature_names == ("2020", "2019")
    np.testing.assert_array_equal(dataset.X, [[0.7, 0.5], [0.2, 0.1]])


@pytest.mark.parametrize("text, header", [
    ("2019,2020,label\n1,2,a\n2,3,b\n3,1,a\n0,1,b\n", True),  # a name above text labels
    ("1,2,yes\n2,3,no\n3,1,yes\n0,0,no\n", False),  # the first label occurs below
    ("1,2,x\n3,4,y\n5,6,z\n", False),  # three labels seen once: a third label, not a name
])
def test_a_name_above_two_text_labels_is_a_header(tmp_path, text, header):
    """A README example (`2019,2020,label`) was read as data when the labels were text."""
    assert sniff(write(tmp_path, text)).header is header


def test_quoted_number_names_are_a_header(tmp_path):
    path = write(tmp_path, '"1","2",label\n0.5,0.7,a\n0.1,0.2,b\n')
    assert sniff(path).header
    assert read_csv(path).feature_names == ("1", "2")


def test_headerless_files_are_recognised(tmp_path):
    path = write(tmp_path, "1,2,a\n3,4,b\n")
    assert not sniff(path).header
    table = read_table(path)
    assert table.columns == ("column 1", "column 2", "column 3")
    assert to_dataset(table)[0].feature_names == ("x1", "x2")


def test_comment_and_blank_lines_keep_line_numbers(tmp_path):
    text = "# measured 2024\n\nx1,x2,label\n  # a comment\n1,2,a\n\n   \n3,oops,b\n5,6,b\n"
    path = write(tmp_path, text)
    fmt = sniff(path)
    assert fmt.comment == "#" and fmt.header
    table = read_table(path)
    np.testing.assert_array_equal(table.lines, [5, 8, 9])
    reference = pd.read_csv(path, comment="#", skip_blank_lines=True, skipinitialspace=True)
    assert len(reference.dropna(how="all")) == table.n_rows
    dataset, dropped = to_dataset(table)
    np.testing.assert_array_equal(dropped.lines, [8])
    assert dropped.reasons == ("line 8: feature 'x2' is 'oops', not a number; fix or remove "
                               "that row",)
    assert dropped.summary() == f"1 row dropped (line 8): {dropped.reasons[0]}"
    np.testing.assert_array_equal(dataset.X, [[1, 2], [5, 6]])


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends(tmp_path, newline):
    path = write(tmp_path, newline.join(["a,b,c", "1,2,x", "", "3,z,y", "5,6,y"]) + newline)
    _, dropped = to_dataset(read_table(path))
    np.testing.assert_array_equal(dropped.lines, [4])


# -- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("1", 1.0), ("-1.5", -1.5), ("+.5", 0.5), ("2.", 2.0), ("1e3", 1000.0), ("1E-3", 0.001),
    ("007", 7.0), ("-0", 0.0), ("1e999", np.inf),
])
def test_numbers_in_the_grammar(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", [
    "1_5", "1__0", "1_000.5", "1,000.5", "1 000", " 1", "0x10", "١", "１", "1e", "e5", ".", "+",
    "--1", "1.5.5", "1d5", "1f", "nan", "NaN", "inf", "-Infinity", "infinity", "1j", "", "1,5",
])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_decimal_comma_grammar():
    assert parse_number("1,5", ",") == 1.5 and parse_number("-,5e1", ",") == -5.0
    assert parse_number("1.5", ",") is None and parse_number("1,5,0", ",") is None


TRICKY = ["1_5", "0x10", "١", "1e", "infinity", "Inf", "-nan", "1d5", "1,5", "+.5", "5.",
          "1e+5", "007", "-0", "1e999", "1e308", "True", "１", "1.5.5", "", "+", "1 000"]


@pytest.mark.parametrize("text, quote", [(text, quote) for text in TRICKY for quote in '"_'
                                         if quote == '"' or "," not in text])
def test_a_feature_is_kept_exactly_when_the_grammar_says_it_is_a_finite_number(tmp_path, text,
                                                                                 quote):
    # Whatever path the reader takes (pandas' numbers or the text), the grammar decides.
    quote = quote.strip("_")  # '_': unquoted (a comma would be a separator then)
    path = write(tmp_path, f'a,b,label\n1,1,x\n{quote}{text}{quote},2,y\n3,3,y\n')
    dataset, dropped = to_dataset(read_table(path, TableFormat()))
    number = parse_number(text)
    if number is not None and abs(number) <= 1e100:
        assert len(dropped) == 0 and dataset.X[1, 0] == number
    else:
        np.testing.assert_array_equal(dropped.lines, [3])
        assert dataset.n_samples == 2


def test_underscore_digits_are_refused_on_their_line():
    with pytest.raises(TableError) as caught:
        dataset_from_file(DATA / "underscore_digits.csv")
    assert "line 3: feature 'x1' is '1_5', not a number" in str(caught.value)


def test_non_finite_and_huge_values_say_why(tmp_path):
    path = write(tmp_path, "a,b,label\n1,2,x\nnan,2,y\n1,-inf,y\n1e308,2,x\n,2,y\n7,8,y\n")
    dataset, dropped = to_dataset(read_table(path))
    np.testing.assert_array_equal(dropped.lines, [3, 4, 5, 6])
    assert "only finite numbers" in dropped.reasons[0] and "'nan'" in dropped.reasons[0]
    assert "'-inf'; only finite" in dropped.reasons[1]
    assert "beyond ±1e+100; rescale" in dropped.reasons[2]
    assert "feature 'a' is empty" in dropped.reasons[3]
    assert dataset.n_samples == 2


# -- errors and where they are ---------------------------------------------------------------


def test_a_stray_quote_is_reported_where_it_opens():
    with pytest.raises(TableError) as caught:
        read_csv(DATA / "stray_quote.csv")
    message = str(caught.value)
    assert ", line 4: a quote '\"' opens field 1 and does not close on this line" in message
    assert "\n" not in message


def test_a_quote_inside_a_field_is_refused(tmp_path):
    path = write(tmp_path, 'a,b,c\n1,2,x\n3,4"5,y\n')
    with pytest.raises(TableError, match=r"line 3: field 2 has a quote"):
        read_table(path, TableFormat())


@pytest.mark.parametrize("text, words", [
    ("a,b,c\n1,2,x\n1,2\n", "line 3: expected 3 columns (as on line 1), found 2"),
    ("a,b,c\n1,2,x\n1,2,y,4\n", "line 3: expected 3 columns (as on line 1), found 4"),
    ("a,b,c\n1,2,x\n1,2,y,4\n1,2\n", "line 3: expected 3 columns"),
    ("a;b;c\n1;2;x\n1;2\n", "line 3: expected 3 columns"),
    ("a b c\n1 2 x\n1 2\n", "line 3: expected 3 columns"),
    ('a,b,c\n"1",2,x\n1,2\n', "line 3: expected 3 columns"),
])
def test_ragged_rows_name_their_line(tmp_path, text, words):
    with pytest.raises(TableError, match=words.replace("(", r"\(").replace(")", r"\)")):
        read_table(write(tmp_path, text))


def test_files_that_are_not_there_or_not_files(tmp_path):
    with pytest.raises(TableError, match="no such file"):
        read_table(tmp_path / "missing.csv")
    with pytest.raises(TableError, match="not a regular file"):
        read_table(tmp_path)
    with pytest.raises(TableError, match="the file is empty"):
        read_table(write(tmp_path, "\n  \n# only a comment\n"))


def test_table_errors_are_data_errors():
    assert issubclass(TableError, DataError)


# -- columns ---------------------------------------------------------------------------------


def test_breast_cancer_columns_by_name_match_pandas():
    table = read_table(WDBC)
    assert len(table.columns) == 31 and table.n_rows == 569
    dataset, dropped = to_dataset(table, "mean_area", "worst_radius", "diagnosis")
    reference = pd.read_csv(WDBC)
    np.testing.assert_array_equal(dataset.X, reference[["mean_area", "worst_radius"]].to_numpy())
    np.testing.assert_array_equal(dataset.y, (reference["diagnosis"] == "malignant").to_numpy())
    assert dataset.feature_names == ("mean_area", "worst_radius")
    assert dataset.class_names == ("benign", "malignant") and len(dropped) == 0
    by_index, _ = to_dataset(table, 3, 20, -1)
    np.testing.assert_array_equal(by_index.X, dataset.X)


def test_defaults_skip_text_columns_before_the_label(tmp_path):
    path = write(tmp_path, "id,a,b,c,label\nP1,1,2,3,x\nP2,4,5,6,y\n")
    assert default_columns(read_table(path)) == (1, 2, 4)
    assert read_csv(path).feature_names == ("a", "b")


@pytest.mark.parametrize("args, words", [
    (("nope", None, None), "x_column 'nope' is not a column (columns: 'a', 'b', 'c', 'label')"),
    ((None, 7, None), "y_column 7 is not a column"),
    (("a", "a", None), "x_column and y_column are both column 0 ('a')"),
    (("a", "b", "b"), "y_column and label_column are both column 1"),
])
def test_bad_column_choices_say_what_to_give(tmp_path, args, words):
    table = read_table(write(tmp_path, "a,b,c,label\n1,2,3,x\n4,5,6,y\n"))
    with pytest.raises(TableError, match=words.replace("(", r"\(").replace(")", r"\)")):
        to_dataset(table, *args)


def test_duplicate_names_ask_for_an_index(tmp_path):
    table = read_table(write(tmp_path, "a,a,label\n1,2,x\n3,4,y\n"))
    with pytest.raises(TableError, match="names columns 0, 1; give its 0-based index"):
        resolve_column(table, "a", "x_column")


# -- labels and classes ----------------------------------------------------------------------


@pytest.mark.parametrize("labels, names, y", [
    (["1", "2", "1", "2"], ("1", "2"), [0, 1, 0, 1]),
    (["1", "0", "1", "0"], ("0", "1"), [1, 0, 1, 0]),
    (["1", "1.0", "2", "10"], None, None),  # three values: '1' == '1.0', 2, 10
    (["10", "2", "2.0", "10"], ("2", "10"), [1, 0, 0, 1]),  # numeric order; first written
    (["yes", "no", "yes", "no"], ("no", "yes"), [1, 0, 1, 0]),
])
def test_labels_map_sorted_to_classes(tmp_path, labels, names, y):
    rows = "".join(f"{i},{i % 3},{label}\n" for i, label in enumerate(labels))
    table = read_table(write(tmp_path, "a,b,label\n" + rows))
    if names is None:
        with pytest.raises(TableError, match=r"line 5: a third label '10'"):
            to_dataset(table)
        return
    dataset, _ = to_dataset(table)
    assert dataset.class_names == names
    np.testing.assert_array_equal(dataset.y, y)


THREE = "a,b,species\n1,1,setosa\n2,2,versicolor\n3,3,virginica\n4,4,setosa\n5,5,virginica\n"


def test_two_of_three_classes(tmp_path):
    table = read_table(write(tmp_path, THREE))
    dataset, dropped = to_dataset(table, classes=("virginica", "setosa"))
    assert dataset.class_names == ("setosa", "virginica")  # sorted, as when read back
    np.testing.assert_array_equal(dataset.X[:, 0], [1, 3, 4, 5])
    np.testing.assert_array_equal(dataset.y, [0, 1, 0, 1])
    assert dropped.n_other_classes == 1 and len(dropped) == 0


def test_one_class_against_the_rest(tmp_path):
    table = read_table(write(tmp_path, THREE))
    dataset, dropped = to_dataset(table, classes=("setosa", REST))
    assert dataset.class_names == ("not setosa", "setosa")
    np.testing.assert_array_equal(dataset.y, [1, 0, 0, 1, 0])
    assert dropped.n_other_classes == 0
    again, _ = to_dataset(table, classes=parse_classes("setosa,*"))
    np.testing.assert_array_equal(again.y, dataset.y)


def test_one_numeric_class_against_the_rest(tmp_path):
    table = read_table(write(tmp_path, "a,b,c\n1,1,1\n2,2,2.0\n3,3,3\n4,4,2\n"))
    dataset, _ = to_dataset(table, classes=(REST, 2))
    assert dataset.class_names == ("2.0", "not 2.0")
    np.testing.assert_array_equal(dataset.y, [1, 0, 1, 0])


@pytest.mark.parametrize("classes, words", [
    (("setosa", "rose"), "no usable row has the label 'rose'"),
    ((REST, REST), "both REST"),
    (("setosa", "setosa"), "same label"),
    (("setosa",), "classes must be two labels"),
])
def test_bad_class_choices(tmp_path, classes, words):
    table = read_table(write(tmp_path, THREE))
    with pytest.raises(TableError, match=words):
        to_dataset(table, classes=classes)


@pytest.mark.parametrize("text", ["setosa", "a,b,c", ",b", "*,*"])
def test_bad_classes_text(text):
    with pytest.raises(TableError, match="expected two labels separated by a comma"):
        parse_classes(text)


def test_cli_reader_takes_columns_and_classes(tmp_path):
    path = write(tmp_path, THREE)
    dataset = dataset_from_file(path, "b", "0", "species", "setosa,virginica")
    np.testing.assert_array_equal(dataset.X, [[1, 1], [3, 3], [4, 4], [5, 5]])
    with pytest.raises(TableError, match=r"line 4: a third label 'virginica'.*--classes"):
        dataset_from_file(path)


def test_empty_labels_are_dropped_and_refused_by_the_cli(tmp_path):
    path = write(tmp_path, "a,b,c\n1,2,x\n3,4,\n5,6,y\n")
    _, dropped = to_dataset(read_table(path))
    assert dropped.reasons == ("line 3: the label (3rd column) is empty; give every row a class "
                               "label",)
    with pytest.raises(TableError, match="line 3: the label"):
        dataset_from_file(path)


# -- workbooks -------------------------------------------------------------------------------


def write_workbook(path, rows):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_xlsx_is_read_with_row_numbers(tmp_path):
    path = write_workbook(tmp_path / "t.xlsx", [
        ["length", "width, cm", "kind"], [1.5, 2, "a"], [None, None, None], [0.1, "x", "b"],
        [3, 4.25, "b"], [1e-7, 5, "a"]])
    table = read_table(path)
    assert table.columns == ("length", "width, cm", "kind")
    np.testing.assert_array_equal(table.lines, [2, 4, 5, 6])
    dataset, dropped = to_dataset(table)
    reference = pd.read_excel(path).dropna(how="all")
    assert dropped.reasons == ("row 4: feature 'width, cm' is 'x', not a number; fix or remove "
                               "that row",)
    np.testing.assert_array_equal(dataset.X, reference.drop(index=2).iloc[:, :2].to_numpy(float))
    assert dataset.class_names == ("a", "b")


def test_xlsx_without_openpyxl_says_what_to_install(tmp_path, monkeypatch):
    path = write_workbook(tmp_path / "t.xlsx", [["a", "b", "c"], [1, 2, "x"]])
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import fails
    with pytest.raises(TableError, match=r"needs the optional package openpyxl; install it"):
        read_table(path)


def test_a_damaged_workbook_is_a_table_error(tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(TableError, match="cannot be read as an Excel workbook"):
        read_table(path)


# -- properties ------------------------------------------------------------------------------

PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def read_anything(path):
    """Read and make a dataset; only TableError may come out."""
    try:
        table = read_table(path)
        to_dataset(table)
    except TableError as error:
        assert "\n" not in str(error)


@PROPERTY
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_table_errors(tmp_path, data):
    path = tmp_path / "random.csv"
    path.write_bytes(data)
    read_anything(path)


CSV_ALPHABET = st.sampled_from(list('0123456789.,;\t "#-+eE_\nxa\r\'') + ["é", "\x00", "\ufeff"])


@PROPERTY
@given(text=st.text(CSV_ALPHABET, max_size=200) | st.text(max_size=200))
def test_arbitrary_text_raises_only_table_errors(tmp_path, text):
    path = tmp_path / "random.csv"
    path.write_bytes(text.encode("utf-8"))
    read_anything(path)


NAMES = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Zs")),
                min_size=1, max_size=12)
FLOATS = st.floats(min_value=-1e100, max_value=1e100, allow_nan=False, allow_infinity=False)


def number_or_text(name):
    number = parse_number(name)
    return name if number is None else number


def class_order(names):
    """The documented order: numeric when both names are numbers, else as text."""
    if all(parse_number(name) is not None for name in names):
        return sorted(names, key=parse_number)
    return sorted(names)


@st.composite
def datasets(draw):
    n = draw(st.integers(2, 30))
    X = np.array(draw(st.lists(st.tuples(FLOATS, FLOATS), min_size=n, max_size=n)))
    y = np.array([0, 1] + draw(st.lists(st.integers(0, 1), min_size=n - 2, max_size=n - 2)))
    features = draw(st.lists(NAMES, min_size=2, max_size=2, unique=True))
    classes = draw(st.lists(NAMES | st.integers(-5, 50).map(str), min_size=2, max_size=2,
                            unique_by=number_or_text))
    return Dataset(X, y, tuple(features), tuple(class_order(classes)))


@PROPERTY
@given(original=datasets())
def test_write_then_read_gives_the_same_dataset(tmp_path, original):
    path = tmp_path / "saved.csv"
    write_csv(path, original)
    again = read_csv(path)
    np.testing.assert_array_equal(again.X, original.X)
    np.testing.assert_array_equal(again.y, original.y)
    assert again.feature_names == original.feature_names
    assert again.class_names == original.class_names
