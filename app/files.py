"""Writing files so that a crash, a power cut or a pulled USB stick never leaves half of one.

Every file the product hands to a person (receipts, scanned PDFs, bundles, holiday tables)
goes through `atomic_output`: a temporary file beside the target, flushed and fsynced, renamed
over the target, and the folder fsynced so the rename itself survives a power cut.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from app.errors import InputError


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; NTFS journals the rename itself
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _cannot_write(what: str, path: Path, error: OSError) -> InputError:
    """A failed write, with a kind a screen words: a full disk, or any other refusal."""
    kind = "files.disk_full" if error.errno == errno.ENOSPC else "files.cannot_write"
    return InputError(f"{what}: cannot write {path} ({error.strerror or error})", kind=kind,
                      params={"file": path.name or str(path)})


@contextmanager
def atomic_output(path: Path | str, *, what: str = "out", create_folder: bool = True) -> Iterator[BinaryIO]:
    """A binary handle whose bytes appear at `path` only if the block ends without an error.

    Failures raise InputError "`what`: cannot write PATH (reason)", naming the option or thing
    the person gave, and leave neither the temporary file nor a partial target behind.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if create_folder:
            folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise _cannot_write(what, path, error) from None
    try:
        with os.fdopen(handle, "wb") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
        fsync_dir(folder)
    except OSError as error:
        raise _cannot_write(what, path, error) from None
    finally:
        Path(temp).unlink(missing_ok=True)


def write_atomically(path: Path | str, data: bytes, *, what: str = "out", create_folder: bool = True) -> Path:
    """Write `data` to `path` through `atomic_output`; returns the path."""
    with atomic_output(path, what=what, create_folder=create_folder) as file:
        file.write(data)
    return Path(path)
