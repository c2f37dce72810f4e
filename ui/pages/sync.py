"""The Sync page (Đồng bộ): what waits, what is being sent, what the portal refused and why.

Everything the official can do about the queue is here: sync now, retry a refused item (after
fixing what the portal's message — shown verbatim — asks for), open the dossier, export a USB
bundle when there is no link at all, mark the link as metered, and (administrators) enrol the
desk. Status changes that came back from the portal are listed at the bottom.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.clock import local_now
from app.clock import to_local
from app.errors import MotcuaError
from app.training import is_training_paths
from sync.progress import ProgressSnapshot
from sync.status import OutboxEntry
from sync.status import SyncStatus
from ui.dates import time_date_text
from ui.errors import error_text
from ui.errors import report_unexpected
from ui.problems import worded
from ui.models.rows_model import RowsTableModel
from ui.pages.sync_dialogs import EnrolDialog
from ui.status_bar import link_text
from ui.status_bar import megabytes
from ui.sync_bridge import SyncBridge
from ui.tasks import TaskRunner
from ui.widgets.file_dialogs import save_file_name
from ui.widgets.tables import make_table
from ui.words import status_text

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

REFUSED_COLOUR = "#b00020"


def _when(moment: Any) -> str:
    return time_date_text(moment)


def _utc_to_local(moment: datetime | None) -> datetime | None:
    """The outbox keeps naive UTC; officials read the unit's wall clock."""
    return None if moment is None else to_local(moment)


def change_text(kind: str) -> str:
    """What an outbox item changes, as the queue names it."""
    words = {"dossier.create": QCoreApplication.translate("SyncPage", "New dossier"),
             "dossier.update": QCoreApplication.translate("SyncPage", "Dossier corrected"),
             "dossier.event": QCoreApplication.translate("SyncPage", "Event"),
             "dossier.status": QCoreApplication.translate("SyncPage", "Status")}
    return words.get(kind, kind)


def local_time_text(iso_utc: str) -> str:
    """'15:15 24/11/2026' in this computer's time zone, from the naive-UTC ISO text the engine keeps."""
    return time_date_text(_utc_to_local(datetime.fromisoformat(iso_utc)))


def entry_cells(entry: OutboxEntry) -> tuple[str, ...]:
    if entry.state == "quarantined":
        state = QCoreApplication.translate("SyncPage", "Refused")
    elif entry.attempts:
        state = QCoreApplication.translate("SyncPage", "Retrying")
    else:
        state = QCoreApplication.translate("SyncPage", "Waiting")
    return (entry.code or "", change_text(entry.kind), state, str(entry.attempts),
            _when(_utc_to_local(entry.next_attempt_at)) if entry.state == "pending" else "",
            worded(entry.last_error) if entry.last_error else "")


def news_cells(change: Any) -> tuple[str, ...]:
    """A status change from the portal; one the desk refused says so, with why, in the note."""
    from ui.problems import problem_text

    note = change.note or ""
    if change.refused_from:
        note = problem_text("lifecycle.portal_status_refused",
                            {"code": change.code, "from": change.refused_from, "to": change.status}) or note
    return change.code, status_text(change.status), _when(change.at), note


def _read_page(store: Store) -> dict[str, Any]:
    """Runs on the store lane: the queue, the news, and the settings the page shows."""
    from sync import state
    from sync.status import outbox_entries
    from sync.status import recent_status_changes

    return {"entries": outbox_entries(store), "changes": recent_status_changes(store),
            "portal": store.get_setting(state.PORTAL_URL), "metered": bool(store.get_setting(state.METERED))}


class SyncPage(QWidget):
    """Queue table with actions, link summary, progress, and recent status changes."""

    open_dossier_requested = Signal(str)  # dossier code
    loaded = Signal()

    def __init__(self, store: Store, runner: TaskRunner, bridge: SyncBridge,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner, self.bridge = store, runner, bridge
        # A training store is never synced (app/training.py): the page says so and offers nothing.
        self.training = is_training_paths(store.paths)
        self._build()
        bridge.status_changed.connect(self.show_status)
        bridge.progress_changed.connect(self.show_progress)
        bridge.report_arrived.connect(self._report)
        # Built after the window started (pages are built when first shown): what the bridge
        # already read is shown now, not at its next refresh.
        if bridge.status is not None:
            self.show_status(bridge.status)

    # -- construction ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Sync with the central portal"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(heading)
        self.link = QLabel(self.tr("Reading the sync state…"))
        self.link.setWordWrap(True)
        layout.addWidget(self.link)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout.addWidget(self.progress)
        layout.addLayout(self._build_actions())
        self.queue_title = QLabel(self.tr("Waiting to be sent"))
        self.queue_title.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.queue_title)
        self.model = RowsTableModel([self.tr("Dossier code"), self.tr("Change"), self.tr("State"),
                                     self.tr("Attempts"), self.tr("Next attempt"),
                                     self.tr("Reason (the portal's words)")], self)
        self.table = make_table(self.model, stretch_column=5)
        self.table.activated.connect(lambda _index: self.open_selected())
        layout.addWidget(self.table, 3)
        news = QLabel(self.tr("Status changes from the portal"))
        news.setStyleSheet("font-weight: 600;")
        layout.addWidget(news)
        self.news_model = RowsTableModel([self.tr("Dossier code"), self.tr("New status"), self.tr("At"),
                                          self.tr("Note")], self)
        self.news = make_table(self.news_model, stretch_column=3)
        self.news.activated.connect(lambda index: self.open_dossier_requested.emit(
            self.news_model.item_at(index.row()).code))
        layout.addWidget(self.news, 2)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.setFocusProxy(self.table)
        QShortcut(QKeySequence("F5"), self, self.sync_now, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("&Sync now (F5)"))
        self.sync_button.clicked.connect(self.sync_now)
        self.retry_button = QPushButton(self.tr("&Retry selected"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.open_button = QPushButton(self.tr("&Open dossier"))
        self.open_button.clicked.connect(self.open_selected)
        self.bundle_button = QPushButton(self.tr("Export &USB bundle…"))
        self.bundle_button.clicked.connect(self.export_bundle)
        self.enrol_button = QPushButton(self.tr("&Enrol with the portal…"))
        self.enrol_button.clicked.connect(self.enrol)
        self.enrol_button.setVisible(self.store.user.role == "admin")
        self.metered = QCheckBox(self.tr("&Metered link: send details only, keep scans for later"))
        self.metered.toggled.connect(self.set_metered)
        for button in (self.sync_button, self.retry_button, self.open_button, self.bundle_button,
                       self.enrol_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.metered)
        for control in (self.sync_button, self.retry_button, self.bundle_button, self.enrol_button, self.metered):
            control.setEnabled(not self.training)
        return row

    def training_text(self) -> str:
        return self.tr("This is the training store (sample data): it is never synced with the portal and "
                       "no USB bundle can be made from it.")

    # -- loading --------------------------------------------------------------------------------
    def load(self) -> None:
        store = self.store
        self.runner.run_db(lambda: _read_page(store), self._loaded, self._failed)

    def _report(self, report: Any) -> None:
        """A pass ended: say what it did, then show the queue as it is now."""
        if report.online:
            # Passes follow each other quickly (a confirm wakes the runner again): an idle pass
            # must not hide what the pass before it did, so the last busy pass stays in view.
            now = f"{local_now():%H:%M}"
            if report.sent or report.status_changes or report.quarantined:
                text = self.tr("Synced at %1: %2 sent, %3 status changes received.").replace(
                    "%1", now).replace("%2", str(report.sent)).replace("%3", str(len(report.status_changes)))
                if report.quarantined:
                    text += " " + self.tr("%1 refused by the portal.").replace("%1", str(report.quarantined))
                self._last_busy_pass = text
                self.message.setText(text)
            else:
                self.message.setText(" ".join([self.tr("Up to date at %1.").replace("%1", now),
                                               getattr(self, "_last_busy_pass", "")]).strip())
        elif report.enrolled:
            self.message.setText(self.tr("The portal cannot be reached; the desk will retry by itself."))
        else:
            self.message.setText(self.not_enrolled_text())
        self.load()

    def not_enrolled_text(self) -> str:
        if self.training:
            return self.training_text()
        return self.tr("This desk is not enrolled with a portal yet, so nothing is sent. An administrator "
                       "enrols it with “Enrol with the portal…” on this page.")

    def _loaded(self, data: dict[str, Any]) -> None:
        entries: list[OutboxEntry] = data["entries"]
        # Refused first: they need a person; waiting ones will go by themselves.
        entries = sorted(entries, key=lambda e: (e.state != "quarantined", e.seq))
        self.model.set_rows([(e, entry_cells(e), REFUSED_COLOUR if e.state == "quarantined" else None)
                             for e in entries])
        refused = sum(e.state == "quarantined" for e in entries)
        title = self.tr("Waiting to be sent: %1").replace("%1", str(len(entries) - refused))
        if refused:
            title += " · " + self.tr("refused by the portal: %1").replace("%1", str(refused))
        self.queue_title.setText(title)
        self.news_model.set_rows([(c, news_cells(c), REFUSED_COLOUR if c.refused_from else None)
                                  for c in data["changes"]])
        self.metered.blockSignals(True)
        self.metered.setChecked(data["metered"])
        self.metered.blockSignals(False)
        self._portal = data["portal"]
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.message.setText(error_text(exc))

    def show_status(self, status: SyncStatus) -> None:
        if self.training:
            self.link.setText(f"<b style='color:#b45309'>{html.escape(self.training_text())}</b>")
            return
        text, colour = link_text(status)
        parts = [f"<b style='color:{colour}'>{text}</b>"]
        portal = getattr(self, "_portal", None)
        if portal:
            parts.append(self.tr("Portal: %1").replace("%1", portal))
        if status.last_success:
            parts.append(self.tr("Last successful sync: %1").replace("%1", local_time_text(status.last_success)))
        if status.auth_failed:
            parts.append(html.escape(worded(status.auth_failed)))
        elif status.last_error:
            parts.append(self.tr("Last problem: %1").replace("%1", html.escape(worded(status.last_error))))
        self.link.setText("<br>".join(parts))

    def show_progress(self, progress: ProgressSnapshot) -> None:
        running = progress.phase in ("uploading", "sending") and progress.items_total > 0
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, progress.items_total)
            self.progress.setValue(progress.items_done)
            self.progress.setFormat(f"%v/%m · {megabytes(progress.bytes_done)}/{megabytes(progress.bytes_total)}"
                                    + (f" · {progress.current}" if progress.current else ""))

    # -- actions --------------------------------------------------------------------------------
    def selected_entry(self) -> OutboxEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def _enrolled(self) -> bool:
        status = self.bridge.status
        return bool(getattr(self, "_portal", None)) or (status is not None and status.enrolled)

    def sync_now(self) -> None:
        if not self._enrolled():  # a pass would only find that out
            self.message.setText(self.not_enrolled_text())
            return
        self.message.setText(self.tr("Syncing…"))
        self.bridge.notify()

    def retry_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.message.setText(self.tr("Choose an item in the list first."))
            return
        from sync.status import requeue

        store = self.store
        self.runner.run_db(lambda: requeue(store, entry.id), lambda _r: self._retried(entry), self._failed)

    def _retried(self, entry: OutboxEntry) -> None:
        self.message.setText(self.tr("%1 will be sent again now.").replace("%1", entry.code or entry.kind))
        self.bridge.notify()
        self.load()

    def open_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.code:
            self.open_dossier_requested.emit(entry.code)

    def set_metered(self, on: bool) -> None:
        from sync.status import set_metered

        store = self.store
        self.runner.run_db(lambda: set_metered(store, on), lambda _r: self.bridge.notify(), self._failed)

    def export_bundle(self) -> None:
        """Ask where to write only when there is something to write (and the desk can sign it)."""
        if not self._enrolled():
            self.message.setText(self.not_enrolled_text())
            return
        from sync.bundle_export import exportable_count

        store = self.store
        self.runner.run_db(lambda: exportable_count(store), self._choose_bundle_file, self._failed)

    def _choose_bundle_file(self, waiting: int) -> None:
        if not waiting:
            self.message.setText(self.tr("Nothing is waiting to be sent, so no bundle is needed. Items "
                                         "already in an earlier bundle stay out until it is delivered."))
            return
        path = save_file_name(self, self.tr("Export USB bundle"), "motcua.mcbundle",
                              self.tr("MotCua bundle (*.mcbundle)"))
        if path:
            self.export_bundle_to(path)

    def export_bundle_to(self, path: str) -> None:
        from sync.bundle_export import export_bundle

        store = self.store
        self.message.setText(self.tr("Writing the bundle…"))
        self.runner.run_io(lambda: export_bundle(store, path), self._exported, self._failed)

    def _exported(self, result: Any) -> None:
        text = self.tr("Wrote %1: %2 dossiers, %3 scans. Take it to the portal administrator; the dossiers "
                       "show as delivered after the next sync that reaches the portal.")
        self.message.setText(text.replace("%1", result.path).replace("%2", str(result.dossiers))
                             .replace("%3", str(result.blobs)))

    def enrol(self) -> None:
        dialog = EnrolDialog(self.store, self.runner, self)
        dialog.enrolled.connect(lambda _r: (self.bridge.notify(), self.load()))
        dialog.open()
