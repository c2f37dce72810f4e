"""The Dossiers page (Hồ sơ): received dossiers, newest first, searchable, with their sync state.

Search matches the code, the ID number or the applicant's name (accents optional). Enter opens
the dossier's detail: timeline, documents, and whether the portal has it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import MotcuaError
from ui.errors import error_text
from ui.errors import report_unexpected
from ui.models.rows_model import RowsTableModel
from ui.pages.dossier_detail import DossierDialog
from ui.pages.dossier_detail import load_detail
from ui.tasks import TaskRunner
from ui.widgets.tables import make_table
from ui.words import status_text

LIST_LIMIT = 500
SEARCH_DELAY_MS = 200  # one store query per pause in typing, not per key
SYNC_COLOURS = {"quarantined": "#b00020", "waiting": "#8a4b00"}


def sync_label(state: str) -> str:
    return {
        "sent": QCoreApplication.translate("DossiersPage", "Delivered"),
        "waiting": QCoreApplication.translate("DossiersPage", "Waiting"),
        "quarantined": QCoreApplication.translate("DossiersPage", "Refused"),
    }.get(state, QCoreApplication.translate("DossiersPage", "Local"))


def _read_list(store: Any, search: str) -> list[tuple[Any, str]]:
    """Runs on the store lane: the matching dossiers with their sync state."""
    from app.reception.views import list_dossiers
    from sync.status import dossier_sync_states

    with store.read_session() as session:
        rows = list_dossiers(session, search=search, limit=LIST_LIMIT)
        states = dossier_sync_states(session, [row.dossier_id for row in rows])
    return [(row, states[row.dossier_id]) for row in rows]


class DossiersPage(QWidget):
    loaded = Signal(int)
    detail_shown = Signal(object)  # DossierDialog

    def __init__(self, store: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner = store, runner
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Dossiers"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(heading)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by code, ID number or name…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.table_focus)
        layout.addWidget(self.search)
        self.summary = QLabel("")
        layout.addWidget(self.summary)
        self.model = RowsTableModel([self.tr("Dossier code"), self.tr("Received"), self.tr("Applicant"),
                                     self.tr("Procedure"), self.tr("Appointment"), self.tr("Status"),
                                     self.tr("Sync")], self)
        self.table = make_table(self.model, stretch_column=3)
        self.table.activated.connect(lambda index: self.open_code(self.model.item_at(index.row()).code))
        layout.addWidget(self.table, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.load)
        self.setFocusProxy(self.search)

    def table_focus(self) -> None:
        self._debounce.stop()
        self.load()
        self.table.setFocus()
        if self.model.rowCount():
            self.table.selectRow(0)  # at once when the runner is synchronous; else _loaded does it

    def load(self) -> None:
        store, search = self.store, self.search.text()
        self.runner.run_db(lambda: _read_list(store, search), self._loaded, self._failed)

    def _loaded(self, rows: list[tuple[Any, str]]) -> None:
        self.model.set_rows([(row, (
            row.code, f"{row.received_at:%H:%M %d/%m/%Y}", row.applicant_name, row.procedure_name,
            f"{row.due_at:%H:%M %d/%m/%Y}" if row.due_at else "",
            status_text(row.status), sync_label(state),
        ), SYNC_COLOURS.get(state)) for row, state in rows])
        if self.model.rowCount() and self.table.hasFocus():
            # The list was replaced under the keyboard (the search ran after Enter moved here):
            # put the cursor back on the first dossier so Enter opens it.
            self.table.selectRow(0)
        if self.search.text().strip():
            self.summary.setText(self.tr("%1 dossiers match.").replace("%1", str(len(rows))))
        else:
            self.summary.setText(self.tr("%1 most recent dossiers.").replace("%1", str(len(rows))))
        self.loaded.emit(len(rows))

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.summary.setText(error_text(exc))

    def open_code(self, code: str) -> None:
        store = self.store
        self.runner.run_db(lambda: load_detail(store, code), self._show_detail, self._failed)

    def _show_detail(self, detail: Any) -> None:
        dialog = DossierDialog(detail, self.store, self.runner, self)
        dialog.open()
        self.detail_shown.emit(dialog)
