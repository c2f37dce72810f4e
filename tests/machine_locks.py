"""Locks on what the test workers of one run share with each other: the machine's own services.

scripts/test.sh runs two workers. Most tests own everything they touch (a temp folder, a free
port), but a few change or read state of the whole machine: the CUPS printer queues. A test that
adds a queue and a test that lists the printers in a dialog would otherwise see each other.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows runs no second worker here
    fcntl = None  # type: ignore[assignment]


@contextmanager
def machine_lock(name: str) -> Iterator[None]:
    """Hold the machine-wide lock `name` (a file lock, released if the worker dies)."""
    if fcntl is None:
        yield
        return
    with open(Path(tempfile.gettempdir()) / f"motcua-tests-{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# The CUPS printer queues: held while a test adds one and while a test reads what a print dialog lists.
PRINTERS = "printers"
