"""The desk app's link to the sync engine: one `SyncRunner` thread, its news as Qt signals.

The runner works on its own handle of the store (`Store.open_another`), so signing out never
closes a store under a pass that is uploading; stopping only asks the thread to finish. Its
reports arrive on the runner thread and are re-emitted as a queued signal, so slots run on the
GUI thread. Status figures are read on the store lane, like every other store read of the UI.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal

from sync.progress import ProgressSnapshot
from sync.runner import SyncRunner
from sync.status import SyncStatus
from sync.status import sync_status
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from sync.engine import SyncReport  # the type only: importing the store here is not needed
    from app.store.service import Store

log = logging.getLogger(__name__)
PROGRESS_MS = 1_000  # while a pass runs; the status bar must show it moving
IDLE_MS = 30_000  # otherwise; the age of the oldest waiting item still ticks


class SyncBridge(QObject):
    """Owns the sync thread for one signed-in store; emits status, progress and reports."""

    status_changed = Signal(object)  # SyncStatus
    progress_changed = Signal(object)  # ProgressSnapshot
    report_arrived = Signal(object)  # SyncReport, on the GUI thread
    statuses_arrived = Signal(list)  # [{"code", "status"}] changed at the portal
    _report_from_thread = Signal(object)

    def __init__(self, store: Store, runner: TaskRunner, *, thread: bool = True,
                 monitor_interval_s: float = 15.0) -> None:
        super().__init__()
        self.store = store
        self.runner = runner
        self.status: SyncStatus | None = None
        self._sync: SyncRunner | None = None
        if thread:
            self._sync = SyncRunner(store.open_another, monitor_interval_s=monitor_interval_s,
                                    on_report=self._report_from_thread.emit)
        self._report_from_thread.connect(self._on_report)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._in_flight = False
        self._thread_timer = QTimer(self)
        self._thread_timer.setSingleShot(True)
        self._thread_timer.timeout.connect(self._start_thread)
        self._thread_started = False
        self._stopped = False

    # -- life cycle -------------------------------------------------------------------------
    def start(self, *, thread_delay_ms: int = 0) -> None:
        """Show the figures now; start the sync thread now or after `thread_delay_ms`.

        The main window delays the thread until its first screen is painted: the thread's first
        pass imports the sync engine and its wire schema (pydantic), half a second of work that
        would otherwise compete with the window's start for the interpreter. Anything that asks
        for a pass in the meantime (`notify`) starts it at once."""
        if thread_delay_ms > 0:
            self._thread_timer.start(thread_delay_ms)
        else:
            self._start_thread()
        self.refresh()
        self._timer.start(IDLE_MS)

    def _start_thread(self) -> None:
        self._thread_timer.stop()
        if self._sync is not None and not self._thread_started and not self._stopped:
            self._thread_started = True
            self._sync.start()

    def stop(self) -> None:
        """Ask the thread to stop after its current step; never blocks the GUI for a transfer."""
        self._stopped = True
        self._timer.stop()
        self._thread_timer.stop()
        if self._sync is not None and self._thread_started:
            self._sync.stop(timeout=0)

    @property
    def progress(self) -> ProgressSnapshot | None:
        return self._sync.progress.snapshot() if self._sync is not None else None

    # -- requests from the UI -------------------------------------------------------------------
    def notify(self) -> None:
        """New dossier or "sync now": run a pass soon, and show progress while it runs."""
        if self._sync is not None:
            self._sync.notify()
            self._start_thread()  # a person asked: no waiting for the delayed start
        self._timer.start(PROGRESS_MS)
        self.refresh()

    def refresh(self) -> None:
        """Read fresh figures on the store lane (skipped while the last read is still out)."""
        progress = self.progress
        if progress is not None:
            self.progress_changed.emit(progress)
            running = progress.phase not in ("idle", "done")
            self._timer.setInterval(PROGRESS_MS if running else IDLE_MS)
        if self._in_flight:
            return
        self._in_flight = True
        store = self.store
        self.runner.run_db(lambda: sync_status(store, progress=progress), self._show, self._failed)

    def _show(self, status: SyncStatus) -> None:
        self._in_flight = False
        self.status = status
        self.status_changed.emit(status)

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        log.warning("sync status could not be read: %s", exc)

    def _on_report(self, report: SyncReport) -> None:
        self.report_arrived.emit(report)
        if report.status_changes:
            self.statuses_arrived.emit(list(report.status_changes))
        self.refresh()
