"""A record of hard crashes (SIGSEGV, SIGABRT, …) of the desk process, and their report at the
next start.

A crash inside Qt's C++ code kills the process before any Python handler runs, so the normal
log says nothing and the official only sees the window vanish. `start_crash_log` points the
standard library's `faulthandler` at `faults.log` in the log folder: on a fatal signal it writes
the Python stack of every thread there (file, line and function names; no values, so no personal
data). Each start first looks at what was written since the last look: a fatal error there
means the previous run crashed, which is logged and returned so the screen can say so.
"""

from __future__ import annotations

import faulthandler
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from app.clock import local_now
from app.files import write_atomically

FAULTS_FILE_NAME = "faults.log"
SEEN_FILE_NAME = "faults.seen"  # how many bytes of faults.log were already looked at
MAX_FAULTS_BYTES = 512_000  # older crash records are moved to faults.log.1 beyond this
FATAL_MARKER = "Fatal Python error"
log = logging.getLogger("motcua.crash")
_open_file: list[TextIO] = []  # faulthandler writes to this file descriptor until exit


@dataclass(frozen=True)
class PreviousCrash:
    """What the last run left in faults.log: the first line (e.g. 'Fatal Python error:
    Segmentation fault'), when that run started, and where the full record is."""

    summary: str
    started: str  # the start line's time stamp, "" when not recorded
    path: Path


def _read_new(path: Path, seen: Path) -> str:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return ""
    try:
        offset = int(seen.read_text(encoding="ascii").strip() or 0)
    except (OSError, ValueError):
        offset = 0
    if offset > size:
        offset = 0  # the file was rotated or replaced since
    with path.open("rb") as file:
        file.seek(offset)
        return file.read().decode("utf-8", errors="replace")


def previous_crash(log_dir: Path) -> PreviousCrash | None:
    """The crash of a run that started after the last look, if any (reading only)."""
    path = log_dir / FAULTS_FILE_NAME
    text = _read_new(path, log_dir / SEEN_FILE_NAME)
    crash: PreviousCrash | None = None
    started = ""
    for line in text.splitlines():
        if line.startswith("=== MotCua Desk started "):
            started = line.removeprefix("=== MotCua Desk started ").split(" ", 1)[0]
        elif line.startswith(FATAL_MARKER):
            crash = PreviousCrash(line.strip()[:120], started, path)
    return crash


def start_crash_log(log_dir: Path) -> PreviousCrash | None:
    """Report the previous run's crash (once), then record fatal errors of this run.

    Call once at GUI start, after logging is configured. Returns the previous crash, if the
    last run (or any run since the last look) ended in one.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    path, seen = log_dir / FAULTS_FILE_NAME, log_dir / SEEN_FILE_NAME
    crash = previous_crash(log_dir)
    if crash is not None:
        log.error("the previous run of the desk app ended in a crash (started %s): %s; details in %s",
                  crash.started or "?", crash.summary, crash.path)
    if path.exists() and path.stat().st_size > MAX_FAULTS_BYTES:
        os.replace(path, path.with_name(FAULTS_FILE_NAME + ".1"))
    stop_crash_log()
    # Everything before this run's start line has been looked at; the next start reads from it.
    looked_at = path.stat().st_size if path.exists() else 0
    write_atomically(seen, str(looked_at).encode("ascii"), what="log folder")
    handle = path.open("a", encoding="utf-8")
    handle.write(f"=== MotCua Desk started {local_now().isoformat(timespec='seconds')} "
                 f"pid {os.getpid()} ===\n")
    handle.flush()
    faulthandler.enable(handle, all_threads=True)
    _open_file.append(handle)
    return crash


def stop_crash_log() -> None:
    """Back to Python's default (a clean exit, or tests)."""
    if _open_file:
        faulthandler.disable()
        while _open_file:
            _open_file.pop().close()
