"""The good and bad files the fuzzer opens."""

from pathlib import Path

import numpy as np

from tests.fuzz.common import DATASETS, MAX_DRAWN


BAD_FILES = {
    "bad_number.csv": "x1,x2,label\n1,2,0\n3,abc,1\n",
    "ragged.csv": "x1,x2,label\n1,2,0\n3,4\n5,6,1\n",
    "one_class.csv": "x1,x2,label\n1,2,0\n3,4,0\n5,6,0\n",
    "three_classes.csv": "1,2,a\n3,4,b\n5,6,c\n",
    "empty.csv": "",
    "header_only.csv": "x1,x2,label\n",
    "not_a_number.csv": "x1,x2,label\n1,nan,0\n2,3,1\n",
    "infinite.csv": "x1,x2,label\n1,inf,0\n2,3,1\n",
    "empty_label.csv": "x1,x2,label\n1,2,\n2,3,1\n",
    "stray_quote.csv": 'x1,x2,label\n1,"2,0\n2,3,1\n',
    "huge.csv": "x1,x2,label\n1e300,2,0\n2,3,1\n",
}


def write_files(folder, rng, max_points):
    """Write the good and bad files the fuzzer opens into `folder`.

    Returns
    -------
    good, bad : list of pathlib.Path
        Readable CSV files (the shipped examples and a few made here), and files the reader must
        refuse (bad numbers, ragged rows, one class, empty, binary garbage, a folder, a file that
        is not there).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    bad = []
    for name, text in BAD_FILES.items():
        bad.append(folder / name)
        bad[-1].write_text(text, encoding="utf-8")
    bad.append(folder / "garbage.csv")
    bad[-1].write_bytes(rng.bytes(2000))
    bad += [folder, folder / "not_there.csv"]
    good = sorted(DATASETS.glob("*.csv"))
    two = folder / "two_points.csv"
    two.write_text("a,b,class\n0,0,no\n1,1,yes\n", encoding="utf-8")
    many = folder / "many_points.csv"
    n = min(max_points, 2 * MAX_DRAWN)
    rows = np.column_stack([rng.normal(size=(n, 2)), rng.integers(0, 2, n)])
    rows[:2, 2] = (0, 1)
    many.write_text("u,v,y\n" + "".join(f"{float(a)!r},{float(b)!r},{int(c)}\n"
                                       for a, b, c in rows),
                    encoding="utf-8")
    return good + [two, many], bad


