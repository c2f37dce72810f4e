"""The status bar every screen shares: link state, what waits to sync and since when, who works.

It shows what the `SyncBridge` reports: the link (online, offline, refused credentials, not
enrolled), a pass in progress in items and bytes, and the outbox — how many changes wait, the
age of the oldest, how many were refused. The age is always visible because an item stuck for
days is exactly what an official must notice.
"""

from __future__ import annotations

import html
from datetime import datetime
from datetime import timezone
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QStatusBar
from PySide6.QtWidgets import QWidget

from sync.progress import ProgressSnapshot
from sync.status import SyncStatus
from ui.problems import worded
from ui.sync_bridge import SyncBridge

NOTICE_MS = 15_000


def age_text(oldest: datetime | str | float | None, now: datetime | None = None) -> str:
    """'5 min', '3 h', '2 days' since `oldest` (a UTC moment, or an age in seconds); '' if none."""
    if oldest is None or oldest == "":
        return ""
    if isinstance(oldest, (int, float)):
        seconds = max(0, int(oldest))
    else:
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
    """One line: how many changes wait for the portal, the oldest one's age, any refused.

    `stats` is a SyncStatus (age in seconds) or the store's OutboxStats (oldest moment).
    """
    if stats.waiting == 0 and not stats.quarantined:
        return QCoreApplication.translate("status", "Nothing waiting to sync")
    text = QCoreApplication.translate("status", "Waiting to sync: %1").replace("%1", str(stats.waiting))
    oldest = getattr(stats, "oldest_waiting_age_s", None)
    age = age_text(oldest if oldest is not None else getattr(stats, "oldest_created_at", None), now)
    if age and stats.waiting:
        text += " · " + QCoreApplication.translate("status", "oldest: %1").replace("%1", age)
    if stats.quarantined:
        refused = QCoreApplication.translate("status", "refused: %1")
        text += " · " + refused.replace("%1", str(stats.quarantined))
    return text


def megabytes(count: int) -> str:
    return f"{count / 1_000_000:.1f}".replace(".", ",") + " MB"


def progress_text(progress: ProgressSnapshot) -> str:
    """'Sending 3/10 · 1,2/4,5 MB' while a pass runs, '' otherwise."""
    if progress.phase == "pulling":
        return QCoreApplication.translate("status", "Fetching news from the portal…")
    if progress.phase not in ("uploading", "sending") or not progress.items_total:
        return ""
    text = QCoreApplication.translate("status", "Sending %1/%2").replace(
        "%1", str(progress.items_done)).replace("%2", str(progress.items_total))
    if progress.bytes_total:
        text += f" · {megabytes(progress.bytes_done)}/{megabytes(progress.bytes_total)}"
    return text


def link_text(status: SyncStatus) -> tuple[str, str]:
    """(text, colour) of the link label."""
    if not status.enrolled:
        return QCoreApplication.translate("status", "Not enrolled with the portal"), "#6b6b6b"
    if status.auth_failed:
        return (QCoreApplication.translate("status", "The portal refused this desk · enrol again"),
                "#b00020")
    if status.online is None:
        return QCoreApplication.translate("status", "Connecting to the portal…"), "#6b6b6b"
    if status.online:
        return QCoreApplication.translate("status", "Online · portal connected"), "#1b5e20"
    return QCoreApplication.translate("status", "Offline · will retry by itself"), "#8a4b00"


def warning_text(warnings: Any) -> str:
    """The status bar's badge: '3 overdue · 5 due soon' (mine or the unit's); '' when none."""
    if not warnings.total and not warnings.unconfirmed:
        return ""
    parts = []
    if warnings.overdue:
        overdue = QCoreApplication.translate("status", "%1 overdue")
        parts.append(overdue.replace("%1", str(warnings.overdue)))
    if warnings.due_soon:
        parts.append(QCoreApplication.translate("status", "%1 due soon").replace("%1", str(warnings.due_soon)))
    if warnings.unconfirmed:
        parts.append(QCoreApplication.translate("status", "%1 on unconfirmed holidays")
                     .replace("%1", str(warnings.unconfirmed)))
    return "⚠ " + " · ".join(parts)


def warning_notice(warnings: Any) -> str:
    """The notice at sign-in (and when more dossiers fall due): what, whose, and the first codes."""
    if warnings.whole_unit:
        text = QCoreApplication.translate(
            "status", "Early warning for the unit: %1 dossiers overdue, %2 due within %3 working days.")
    else:
        text = QCoreApplication.translate(
            "status", "Early warning for your dossiers: %1 overdue, %2 due within %3 working days.")
    text = text.replace("%1", str(warnings.overdue)).replace("%2", str(warnings.due_soon))
    text = text.replace("%3", str(warnings.soon_days))
    if warnings.first_overdue:
        text += " " + QCoreApplication.translate("status", "Longest overdue: %1.").replace(
            "%1", ", ".join(warnings.first_overdue))
    if warnings.unconfirmed:
        text += " " + QCoreApplication.translate(
            "status", "%1 appointments count over holidays the administrator has not confirmed.").replace(
            "%1", str(warnings.unconfirmed))
    return text


class DeskStatusBar(QStatusBar):
    """Permanent widgets: early warnings, link state, sync progress, outbox, user and unit."""

    warnings_clicked = Signal()

    def __init__(self, store: Any, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.bridge = bridge
        self.link = QLabel(self.tr("Offline · portal not connected"))
        self.progress = QLabel("")
        self.outbox = QLabel(self.tr("Waiting to sync: …"))
        user = store.user
        self.user = QLabel(f"{user.full_name} ({user.username}) · {store.unit.name}")
        # Overdue and due-soon dossiers; a click opens them in the Hồ sơ list.
        self.warnings = QLabel("")
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.linkActivated.connect(lambda _link: self.warnings_clicked.emit())
        self.warnings.hide()
        for label in (self.warnings, self.link, self.progress, self.outbox, self.user):
            label.setStyleSheet("padding: 0 8px; border-left: 1px solid #b0b0b0;")
            self.addPermanentWidget(label)
        self.progress.hide()
        bridge.status_changed.connect(self.show_status)
        bridge.progress_changed.connect(self.show_progress)
        bridge.statuses_arrived.connect(self.announce_statuses)

    def show_warnings(self, warnings: Any) -> None:
        text = warning_text(warnings)
        colour = "#b00020" if warnings.overdue else "#8a4b00"
        self.warnings.setText(f'<a href="dossiers" style="color: {colour}; text-decoration: none;">'
                              f"{html.escape(text)}</a>")
        self.warnings.setToolTip(warning_notice(warnings))
        self.warnings.setVisible(bool(text))

    def show_status(self, status: SyncStatus) -> None:
        text, colour = link_text(status)
        self.link.setText(text)
        self.link.setStyleSheet(f"padding: 0 8px; border-left: 1px solid #b0b0b0; color: {colour};")
        problem = status.auth_failed or status.last_error
        self.link.setToolTip(worded(problem) if problem else "")
        self.outbox.setText(outbox_text(status))

    def show_progress(self, progress: ProgressSnapshot) -> None:
        text = progress_text(progress)
        self.progress.setText(text)
        self.progress.setVisible(bool(text))

    def announce_statuses(self, changes: list[dict[str, Any]]) -> None:
        """A notice the official cannot miss: which dossiers the portal moved, and to what."""
        self.showMessage(status_notice(changes), NOTICE_MS)


def status_notice(changes: list[dict[str, Any]]) -> str:
    from ui.words import status_text

    shown = [f"{c['code']} → {status_text(str(c['status']))}"
             for c in changes[:3]]
    more = len(changes) - len(shown)
    text = QCoreApplication.translate("status", "News from the portal: %1").replace("%1", "; ".join(shown))
    if more > 0:
        text += " " + QCoreApplication.translate("status", "(and %1 more)").replace("%1", str(more))
    return text
