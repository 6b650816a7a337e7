"""Atomic file writes: a temporary file in the same folder, then a rename over the target."""

import os
import tempfile
from pathlib import Path


def _default_mode():
    """Permissions a new file gets from the process umask (read once, at import time)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_NEW_FILE_MODE = _default_mode()


def atomic_write_bytes(path, data):
    """Replace the file at `path` with `data`, all or nothing.

    Writes a temporary file in the same folder, flushes and fsyncs it, then renames it over
    `path` (``os.replace``, atomic on POSIX and Windows): a crash or an error leaves either the
    previous file or the new one, never a mixture, and the temporary file is removed on error.
    An existing file keeps its permissions.

    Parameters
    ----------
    path : str or pathlib.Path
    data : bytes

    Raises
    ------
    OSError
        If the folder is not writable, the disk is full, etc.
    """
    path = Path(path)
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = _NEW_FILE_MODE
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    _sync_folder(path.parent)


def _sync_folder(folder):
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def atomic_write_text(path, text, encoding="utf-8"):
    """:func:`atomic_write_bytes` of `text` encoded with `encoding` (line ends as given).

    Raises
    ------
    OSError
        If the file cannot be written.
    """
    atomic_write_bytes(path, text.encode(encoding))
