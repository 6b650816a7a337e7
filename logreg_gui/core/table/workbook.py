"""Workbooks (.xlsx, .xlsm): the first sheet as comma-separated text (needs openpyxl)."""

import io
import warnings

import numpy as np
import pandas as pd

from logreg_gui.core.table.format import TableError


def excel_text(path):
    """The first sheet of a workbook as comma-separated text, one line per sheet row."""
    try:
        import openpyxl  # noqa: F401  (pandas needs it; checked here for a clear message)
    except ImportError:
        raise TableError(f"{path}: reading {path.suffix} workbooks needs the optional package "
                         "openpyxl; install it (pip install 'logreg-gui[excel]') or save the "
                         "sheet as CSV") from None
    if path.exists() and not path.is_file():
        raise TableError(f"{path}: not a regular file; choose a CSV file or a workbook")
    if not path.exists():
        raise TableError(f"{path}: no such file; check the name and the folder")
    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it ignores (styles, data validation).
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            sheet = pd.read_excel(path, header=None, dtype=object, engine="openpyxl",
                                  na_filter=False)
    except Exception as error:  # noqa: BLE001  (openpyxl raises many types on damaged files)
        raise TableError(f"{path}: cannot be read as an Excel workbook ({type(error).__name__}); "
                         "open it in a spreadsheet program and save it again, or as CSV") from None
    out = io.StringIO()
    for row in sheet.itertuples(index=False):
        cells = [_excel_cell(value) for value in row]
        out.write((",".join(cells) if any(cells) else "") + "\n")  # an empty row: a blank line
    return out.getvalue()


def _excel_cell(value):
    """One sheet cell as a CSV field."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, (float, np.floating)):
        text = repr(float(value))
    else:
        text = str(value)
    text = " ".join(text.splitlines()).strip(" \t")
    if any(char in text for char in ',"#') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text
