"""The background sync thread: runs `sync_once` when woken (new outbox rows, link up) or when the
earliest waiting item falls due; stops cleanly. No Qt: the UI polls `status()` and `progress`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from app.store.models import OutboxItem, utcnow
from sync import state
from sync.monitor import ConnectivityMonitor
from sync.progress import Progress
from sync.status import SyncStatus, sync_status

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from sync.engine import SyncReport
    from app.store.service import Store

log = logging.getLogger(__name__)
IDLE_S = 300.0  # pull the change feed at least this often even with nothing to send


class SyncRunner:
    """`SyncRunner(store)` or `SyncRunner(store_factory)`; `start()`, `notify()`, `stop()`.

    With a factory the thread opens (and closes) its own store, so it never shares one with the UI.
    """

    def __init__(self, store: Store, *, monitor_interval_s: float = 15.0, idle_s: float = IDLE_S,
                 on_report: Callable[[SyncReport], None] | None = None) -> None:
        self._factory: Callable[[], Any] | None = store if callable(store) else None
        self._store = None if callable(store) else store
        self.progress = Progress()
        self.monitor_interval_s = monitor_interval_s
        self.idle_s = idle_s
        self.on_report = on_report
        self.last_report: SyncReport | None = None
        self.passes = 0
        self._wake = threading.Event()
        self._link_up = threading.Event()
        self._notified = threading.Event()
        self._notified.set()  # the first pass runs at start
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="motcua-sync", daemon=True)
        self._monitor: ConnectivityMonitor | None = None

    # -- control ----------------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def notify(self) -> None:
        """New outbox rows (or "retry now"): run a pass soon."""
        self._notified.set()
        self._wake.set()

    def link_up(self) -> None:
        self._link_up.set()
        self._wake.set()

    def stop(self, timeout: float | None = 30.0) -> None:
        self._stopping.set()
        self._wake.set()
        self._thread.join(timeout)

    def status(self, store: Store) -> SyncStatus:
        return sync_status(store, progress=self.progress.snapshot())

    # -- thread ---------------------------------------------------------------------------------
    def _next_due_s(self, store: Store, now: datetime) -> float:
        with store.read_session() as session:
            if state.get(session, state.AUTH_FAILED) or not state.get(session, state.DEVICE_SECRET):
                # Not enrolled, or refused: nothing can go until a person acts (enrol, retry),
                # and that action wakes the thread; polling would only burn the CPU.
                return self.idle_s
            due = session.scalar(select(func.min(OutboxItem.next_attempt_at))
                                 .where(OutboxItem.state == "pending"))
            waiting = session.scalar(select(func.count()).where(OutboxItem.state == "pending"))
        if not waiting:
            return self.idle_s
        if due is None:
            return 0.0
        return max(0.0, min(self.idle_s, (due - now).total_seconds()))

    def _start_monitor(self, store: Store) -> None:
        url = store.get_setting(state.PORTAL_URL)
        if url and self._monitor is None:
            self._monitor = ConnectivityMonitor(url, self.link_up, interval_s=self.monitor_interval_s)
            self._monitor.start()

    def _run(self) -> None:
        store = self._factory() if self._factory else self._store
        assert store is not None  # the constructor takes a store or a factory
        try:
            self._start_monitor(store)
            while not self._stopping.is_set():
                self._wake.clear()
                link_up, notified = self._link_up.is_set(), self._notified.is_set()
                self._link_up.clear()
                self._notified.clear()
                # After an authentication failure only a person's action (notify) tries again:
                # hammering the portal with a revoked secret helps nobody.
                if notified or not store.get_setting(state.AUTH_FAILED):
                    self._pass(store, link_up)
                self._start_monitor(store)  # enrolment may have happened since start
                self._wake.wait(self._next_due_s(store, utcnow()))
        finally:
            if self._monitor is not None:
                self._monitor.stop()
            if self._factory is not None:
                store.close()

    def _pass(self, store: Store, link_up: bool) -> None:
        # Imported here, on this thread: the engine and its wire schema (pydantic) cost the desk's
        # start about half a second, and nothing on the first screen needs them.
        from sync.engine import sync_once

        try:
            report = sync_once(store, progress=self.progress, ignore_backoff=link_up)
        except Exception:  # noqa: BLE001 - the thread must survive a bug in one pass; it is logged
            log.exception("sync pass failed")
            return
        self.passes += 1
        self.last_report = report
        if self.on_report is not None:
            self.on_report(report)
