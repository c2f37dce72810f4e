"""The daily backup while the desk app is open, and the status bar's "no recent backup" warning.

A QTimer checks every few minutes (and shortly after sign-in, so a day missed while the desk was
off is made up at once) whether today's backup is due (app/store/scheduled_backup.py decides).
The pass runs on the general pool with its own store handle (`open_another`), so neither the
UI nor the store lane waits for a backup of gigabytes of scans; only one pass runs at a time.
A failure is shown by its problem kind in the warning's tooltip and tried again at the next check.
"""

from __future__ import annotations

import html
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel

from app.store import scheduled_backup
from ui.problems import problem_text
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)
CHECK_INTERVAL_MS = 10 * 60_000
FIRST_CHECK_MS = 30_000  # after the first screens, like the other housekeeping


def backup_warning_text(last: datetime | None, now: datetime | None = None) -> str:
    """'⚠ Last backup 3 days ago' / '⚠ No backup yet'; '' while the last is recent enough."""
    moment = now or datetime.now()
    if not scheduled_backup.is_stale(last, moment):
        return ""
    if last is None:
        return "⚠ " + QCoreApplication.translate("backup", "No backup yet")
    days = (moment - last).days
    return "⚠ " + QCoreApplication.translate("backup", "Last backup %1 days ago").replace("%1", str(days))


class BackupScheduler(QObject):
    """Runs the due backup in the background and keeps the status-bar warning current."""

    # (last good backup or None, last problem {kind, params} or None), after every check.
    state_changed = Signal(object, object)
    backup_done = Signal(object)  # the BackupOutcome of a pass that made one

    def __init__(self, store: Any, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.running = False
        self.stopped = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self, first_check_ms: int = FIRST_CHECK_MS) -> None:
        self.timer.start()
        QTimer.singleShot(first_check_ms, self.check)
        self.refresh()

    def stop(self) -> None:
        self.stopped = True
        self.timer.stop()

    def refresh(self) -> None:
        """Read the last good backup and problem (the warning), without backing up."""
        store = self.store
        self.runner.run_db(lambda: (scheduled_backup.last_good(store), scheduled_backup.last_problem(store)),
                           self._state, lambda exc: log.warning("backup state not read: %s", exc))

    def _state(self, values: tuple[Any, Any]) -> None:
        self.state_changed.emit(*values)

    def check(self, *, force: bool = False) -> None:
        """Back up now if due (`force`: whatever the time, "Sao lưu ngay"); one pass at a time."""
        if self.running or self.stopped:
            return
        self.running = True
        store = self.store

        def work() -> Any:
            handle = store.open_another()  # outlives a sign-out of the UI's handle mid-backup
            try:
                if not force:
                    return scheduled_backup.run_if_due(handle)
                settings = scheduled_backup.read_settings(handle)
                return scheduled_backup.run_backup_to_folder(handle, Path(settings.folder), settings.keep)
            finally:
                handle.close()

        self.runner.run_io(work, self._done, self._failed)

    def _done(self, outcome: Any) -> None:
        self.running = False
        if outcome is not None:
            self.backup_done.emit(outcome)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        log.warning("scheduled backup failed: %s", exc)
        self.refresh()


class BackupWarning(QLabel):
    """The status bar's warning; a click opens the Sao lưu tab (`clicked`)."""

    clicked = Signal()

    def __init__(self) -> None:
        super().__init__("")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet("padding: 0 8px; border-left: 1px solid #b0b0b0;")
        self.linkActivated.connect(lambda _link: self.clicked.emit())
        self.hide()

    def show_state(self, last: datetime | None, problem: dict[str, Any] | None) -> None:
        text = backup_warning_text(last)
        self.setText(f'<a href="backup" style="color: #b00020; text-decoration: none;">{html.escape(text)}</a>')
        tip = QCoreApplication.translate("backup", "Open Settings › Backups to back up now.")
        if problem:
            tip = (problem_text(str(problem.get("kind")), problem.get("params") or {}) or "") + "\n" + tip
        self.setToolTip(tip)
        self.setVisible(bool(text))
