"""The status bar every screen shares: link state, what waits to sync and since when, who works.

The outbox figures are read on the store lane every REFRESH_MS; the age of the oldest waiting
item is always visible because an item stuck for days is exactly what an official must notice.
"""

from __future__ import annotations

from datetime import datetime
from datetime import timezone
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QStatusBar
from PySide6.QtWidgets import QWidget

from app.errors import MotcuaError
from ui.errors import report_unexpected
from ui.tasks import TaskRunner

REFRESH_MS = 30_000



def age_text(oldest: datetime | str | None, now: datetime | None = None) -> str:
    """'5 min', '3 h', '2 days' since `oldest` (UTC), or '' when nothing waits."""
    if oldest is None or oldest == "":
        return ""
    moment = datetime.fromisoformat(oldest.replace("Z", "+00:00")) if isinstance(oldest, str) else oldest
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    seconds = max(0, int(((now or datetime.now(timezone.utc)) - moment).total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("status", "under 1 min")
    if seconds < 3600:
        return QCoreApplication.translate("status", "%1 min").replace("%1", str(seconds // 60))
    if seconds < 86400:
        return QCoreApplication.translate("status", "%1 h").replace("%1", str(seconds // 3600))
    return QCoreApplication.translate("status", "%1 days").replace("%1", str(seconds // 86400))


def outbox_text(stats: Any, now: datetime | None = None) -> str:
    """One line: how many changes wait for the portal, the oldest one's age, any quarantined."""
    if stats.waiting == 0 and not stats.quarantined:
        return QCoreApplication.translate("status", "Nothing waiting to sync")
    text = QCoreApplication.translate("status", "Waiting to sync: %1").replace("%1", str(stats.waiting))
    age = age_text(stats.oldest_created_at, now)
    if age:
        text += " · " + QCoreApplication.translate("status", "oldest: %1").replace("%1", age)
    if stats.quarantined:
        refused = QCoreApplication.translate("status", "refused: %1")
        text += " · " + refused.replace("%1", str(stats.quarantined))
    return text


class DeskStatusBar(QStatusBar):
    """Permanent widgets: link state, outbox, user and unit."""

    def __init__(self, store: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.link = QLabel(self.tr("Offline · portal not connected"))
        self.outbox = QLabel(self.tr("Waiting to sync: …"))
        user = store.user
        self.user = QLabel(f"{user.full_name} ({user.username}) · {store.unit.name}")
        for label in (self.link, self.outbox, self.user):
            label.setStyleSheet("padding: 0 8px; border-left: 1px solid #b0b0b0;")
            self.addPermanentWidget(label)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._in_flight = False

    def start(self) -> None:
        self.refresh()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def refresh(self) -> None:
        """Ask the store lane for fresh outbox figures (skipped if the last ask is still out)."""
        if self._in_flight:
            return
        self._in_flight = True
        store = self.store
        self.runner.run_db(store.outbox_stats, self._show_stats, self._failed)

    def _show_stats(self, stats: Any) -> None:
        self._in_flight = False
        self.outbox.setText(outbox_text(stats))

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.outbox.setText(self.tr("Sync queue unavailable"))
