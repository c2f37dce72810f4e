"""A watched folder: scanners that save to a network share hand their pages over through it.

A file is read only once it is stable — same size and modification time for `stable_ms` — so
a scan still being written over SMB is never taken half-done. After its pages have been handed
over it moves to `processed/`; a file that stays unreadable moves to `failed/` with a note
saying why. Nothing is ever deleted or overwritten: a name already taken gets " (2)", " (3)"…
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.capture.pages import RawPage
from app.capture.sources.base import (
    DeviceInfo,
    DeviceOptions,
    PageCallback,
    PageSink,
    ScanSettings,
    split_device_id,
)
from app.capture.sources.files import SUPPORTED_SUFFIXES, read_pages
from app.errors import InputError, NotFoundError

log = logging.getLogger(__name__)

PREFIX = "folder"
PROCESSED = "processed"
FAILED = "failed"
# Names scanners and copy tools use while a file is still being written.
TEMP_MARKERS = (".part", ".tmp", ".crdownload", ".partial", ".filepart")


@dataclass
class _Seen:
    signature: tuple[int, int]  # (size, mtime_ns)
    since: float  # clock time the signature was first seen
    failures: int = 0


class FolderWatcher:
    """Polls one folder and says which files are complete; moves them out once handled."""

    def __init__(self, folder: Path, *, stable_ms: int = 1000, read_attempts: int = 3,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.folder = Path(folder)
        self.stable_s = stable_ms / 1000
        self.read_attempts = read_attempts
        self.clock = clock
        self._seen: dict[Path, _Seen] = {}
        self._handled: set[tuple[Path, tuple[int, int]]] = set()  # never hand the same file over twice
        self.pending = 0  # files seen but not yet stable at the last poll

    def poll(self) -> list[Path]:
        """Files complete now, oldest first. Call repeatedly; stability needs two looks in time."""
        if not self.folder.is_dir():
            raise NotFoundError(f"watched folder {self.folder} does not exist (or is not reachable)",
                                kind="capture.scan_folder_missing", params={"folder": str(self.folder)})
        now = self.clock()
        ready: list[tuple[int, Path]] = []
        present: set[Path] = set()
        self.pending = 0
        for path in self.folder.iterdir():
            signature = _signature(path)
            if signature is None or (path, signature) in self._handled:
                continue
            present.add(path)
            seen = self._seen.get(path)
            if seen is None or seen.signature != signature:
                self._seen[path] = _Seen(signature, now, seen.failures if seen else 0)
                self.pending += 1
            elif now - seen.since >= self.stable_s and now > seen.since:
                ready.append((signature[1], path))
            else:
                self.pending += 1
        for gone in set(self._seen) - present:
            del self._seen[gone]
        return [path for _, path in sorted(ready)]

    def mark_processed(self, path: Path) -> Path | None:
        """Move a handled file into processed/; None (file left in place) if the move fails."""
        signature = self._seen.pop(path).signature if path in self._seen else _signature(path)
        if signature is not None:
            self._handled.add((path, signature))  # so a failed move does not mean a second delivery
        try:
            return _move(path, self.folder / PROCESSED)
        except OSError as error:
            log.warning("could not move %s to %s/: %s (left in place, not read again)", path, PROCESSED, error)
            return None

    def note_unreadable(self, path: Path, reason: str) -> Path | None:
        """Count a failed read; after `read_attempts` the file goes to failed/ with a note.

        A file can look stable while a slow writer pauses, so one failure only restarts its clock.
        Returns where the file went, or None while it will be tried again.
        """
        seen = self._seen.get(path)
        failures = (seen.failures if seen else 0) + 1
        if failures < self.read_attempts:
            if seen is not None:
                seen.failures, seen.since = failures, self.clock()
            return None
        self._seen.pop(path, None)
        try:
            target = _move(path, self.folder / FAILED)
            target.with_name(target.name + ".txt").write_text(reason + "\n", encoding="utf-8")
            return target
        except OSError as error:
            log.warning("could not move unreadable %s to %s/: %s", path, FAILED, error)
            return None


def _signature(path: Path) -> tuple[int, int] | None:
    """(size, mtime) of a candidate file; None for what the watcher ignores."""
    name = path.name
    if name.startswith((".", "~$")) or name.lower().endswith(TEMP_MARKERS):
        return None
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return None
    try:
        stat = path.stat()
    except OSError:
        return None  # vanished between listing and stat: the writer renamed it
    if not path.is_file() or stat.st_size == 0:
        return None  # an empty file is a save that has not started: not ours yet
    return stat.st_size, stat.st_mtime_ns


def _move(path: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    number = 2
    while target.exists():
        target = folder / f"{path.stem} ({number}){path.suffix}"
        number += 1
    path.rename(target)
    return target


class FolderSource:
    """`folder:/path` devices: pages from files a scanner saves into a (shared) folder."""

    prefix = PREFIX

    def __init__(self, folders: Sequence[Path] = (), *, stable_ms: int = 1000, poll_s: float = 0.25,
                 idle_timeout_s: float = 0.0) -> None:
        # idle_timeout_s: how long acquire keeps watching after the folder has gone quiet;
        # 0 takes what is there (once stable) and returns.
        self.folders = [Path(f) for f in folders]
        self.stable_ms, self.poll_s, self.idle_timeout_s = stable_ms, poll_s, idle_timeout_s
        self.problems: list[str] = []

    def list_devices(self) -> list[DeviceInfo]:
        return [DeviceInfo(id=f"{PREFIX}:{folder.resolve()}", name=f"Thư mục {folder.name}", source=PREFIX,
                           options=DeviceOptions(flatbed=False), detail=str(folder.resolve()))
                for folder in self.folders if folder.is_dir()]

    def acquire(self, device_id: str, settings: ScanSettings, *, cancel: threading.Event | None = None,
                on_page: PageCallback | None = None) -> list[RawPage]:
        prefix, folder_text = split_device_id(device_id)
        if prefix != PREFIX:
            raise InputError(f"device {device_id!r} is not a watched folder")
        watcher = FolderWatcher(Path(folder_text), stable_ms=self.stable_ms)
        sink = PageSink(device_id, settings, on_page)
        self.problems = []
        quiet_since = time.monotonic()
        while not sink.full and not (cancel is not None and cancel.is_set()):
            ready = watcher.poll()
            for path in ready:
                if sink.full or (cancel is not None and cancel.is_set()):
                    break
                self._take(watcher, path, sink)
            if ready or watcher.pending:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= self.idle_timeout_s:
                break
            if cancel is not None:
                cancel.wait(self.poll_s)
            else:
                time.sleep(self.poll_s)
        return sink.pages

    def _take(self, watcher: FolderWatcher, path: Path, sink: PageSink) -> None:
        # All pages of a file or none: a file is moved only after every page was handed over,
        # so the page limit is checked between files, never inside one.
        try:
            pages = read_pages(path)
        except InputError as error:
            moved = watcher.note_unreadable(path, error.message)
            if moved is not None:
                self.problems.append(f"{path.name}: unreadable, moved to {FAILED}/ ({error.message})")
            return
        for number, page in enumerate(pages, start=1):
            page.source = f"{sink.device_id} {path.name}" + (f" page {number}" if len(pages) > 1 else "")
            sink.add(page)
        watcher.mark_processed(path)
