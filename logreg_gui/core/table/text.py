"""From a file's bytes to text lines: reading, guessing and checking the encoding, skipping
blank and comment lines while keeping line numbers."""

import re

import numpy as np

from logreg_gui.core.table.format import ENCODINGS, TableError


def read_bytes(path):
    try:
        if path.exists() and not path.is_file():
            raise TableError(f"{path}: not a regular file; choose a CSV file")
        return path.read_bytes()
    except FileNotFoundError:
        raise TableError(f"{path}: no such file; check the name and the folder") from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise TableError(f"{path}: cannot be read ({reason}); check the file and its "
                         "permissions") from None


def guess_encoding(data):
    """Codec name for raw bytes: byte-order marks, then zero bytes (UTF-16), then UTF-8, then
    Windows-1252, then Latin-1 (which decodes anything)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    if b"\x00" in head and len(head) >= 2:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > 0.3 * len(head) / 2 and even == 0:
            return "utf-16-le"
        if even > 0.3 * len(head) / 2 and odd == 0:
            return "utf-16-be"
    for encoding in ("utf-8", "cp1252"):
        try:
            data.decode(encoding)
            return encoding
        except UnicodeDecodeError:
            pass
    return "latin-1"


def normalize(text):
    """Text with a leading BOM removed and every line end written as ``\\n``."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def decode(data, encoding, path):
    try:
        text = normalize(data.decode(encoding))
    except UnicodeDecodeError as error:
        before = normalize(data[:error.start].decode(encoding, errors="replace"))
        guess = guess_encoding(data)
        fix = (f"choose the encoding {ENCODINGS[guess]}" if guess != encoding
               else "save the file as UTF-8")
        raise TableError(f"{path}, line {before.count(chr(10)) + 1}: byte "
                         f"0x{data[error.start]:02x} is not valid {ENCODINGS[encoding]}; "
                         f"{fix}") from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise TableError(f"{path}, line {line}: a NUL character, so this is not a text table "
                         "in this encoding; choose a CSV file or another encoding")
    return text


def _skip_regex(comment):
    starts = f"(?:{re.escape(comment)}[^\\n]*)?" if comment else ""
    return re.compile(rf"^[ \t]*{starts}\n", re.MULTILINE)


COMMENT_LINE = re.compile(r"^[ \t]*#", re.MULTILINE)


def _may_skip(body, comment):
    """Cheap test: could `body` have blank or comment lines?"""
    starts = ("\n", " ", "\t") + ((comment,) if comment else ())
    return (body.startswith(starts) or "\n\n" in body or "\n " in body or "\n\t" in body
            or (comment is not None and "\n" + comment in body))


def records(text, comment):
    """(the text without blank and comment lines, ending with a line end; the 1-based line
    number of each of its lines)."""
    body = text if text.endswith("\n") or not text else text + "\n"
    n_lines = body.count("\n")
    if not _may_skip(body, comment):
        return body, np.arange(1, n_lines + 1)
    regex = _skip_regex(comment)
    keep, line, pos = np.ones(n_lines, dtype=bool), 1, 0
    for match in regex.finditer(body):
        line += body.count("\n", pos, match.start())
        pos = match.start()
        keep[line - 1] = False
    return regex.sub("", body), np.flatnonzero(keep) + 1
