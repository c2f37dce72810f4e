"""A thread-safe progress record (items and bytes) that the runner updates and the UI polls."""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class ProgressSnapshot:
    phase: str  # "idle", "uploading", "sending", "pulling"
    items_total: int
    items_done: int
    bytes_total: int
    bytes_done: int
    current: str  # dossier code or blob being worked on, "" when idle

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


class Progress:
    """Counters of the pass in flight; every method may be called from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = ProgressSnapshot("idle", 0, 0, 0, 0, "")

    def _set(self, **changes: object) -> None:
        with self._lock:
            self._state = ProgressSnapshot(**{**self._state.__dict__, **changes})  # type: ignore[arg-type]

    def start(self, items_total: int, bytes_total: int) -> None:
        self._set(phase="sending", items_total=items_total, items_done=0, bytes_total=bytes_total,
                  bytes_done=0, current="")

    def phase(self, phase: str, current: str = "") -> None:
        self._set(phase=phase, current=current)

    def add_bytes(self, count: int) -> None:
        with self._lock:
            s = self._state
            self._state = ProgressSnapshot(s.phase, s.items_total, s.items_done, s.bytes_total,
                                           s.bytes_done + count, s.current)

    def item_done(self) -> None:
        with self._lock:
            s = self._state
            self._state = ProgressSnapshot(s.phase, s.items_total, s.items_done + 1, s.bytes_total,
                                           s.bytes_done, s.current)

    def finish(self) -> None:
        self._set(phase="idle", current="")

    def snapshot(self) -> ProgressSnapshot:
        with self._lock:
            return self._state
