"""The Dossiers page (Hồ sơ): every received dossier, searchable and filtered, however many.

Search matches the code, the ID number, the applicant's name (accents optional) or words on the
scanned pages. Filters: status, due window (overdue, due today, within N working days of the
unit's calendar), procedure, channel, sync state, receiving official and a range of reception
dates. Header clicks sort by code, reception time, applicant (Vietnamese order, given name
first: app/collation.py), procedure, appointment or status. The appointment cell
is red when overdue, yellow when due soon and green when on time; "*" marks an appointment that
counts over a holiday the administrator has not confirmed. ID numbers are masked unless "Show
ID numbers" is ticked.

Keyboard: Ctrl+F search, Enter in the search box moves to the list, Enter on a dossier opens its
detail (timeline, documents, actions), F5 reloads. The list model (ui/models/dossier_list_model.py)
holds only the rows on screen and near it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import MotcuaError
from app.reception.listing import CHANNELS
from app.reception.listing import DEFAULT_WINDOWS
from app.reception.listing import ListFilter
from app.reception.listing import parse_day
from app.statuses import STATUSES
from ui.errors import error_text
from ui.errors import report_unexpected
from ui.models.dossier_list_model import COLUMNS
from ui.models.dossier_list_model import SORT_KEYS
from ui.models.dossier_list_model import DossierListModel
from ui.models.dossier_list_model import sync_text
from ui.pages.dossier_detail import DossierDialog
from ui.pages.dossier_detail import load_detail
from ui.tasks import TaskRunner
from ui.widgets.tables import make_table
from ui.words import status_text

SEARCH_DELAY_MS = 200  # one store query per pause in typing, not per key


def channel_text(channel: str) -> str:
    return {"desk": QCoreApplication.translate("DossiersPage", "At the desk"),
            "post_office": QCoreApplication.translate("DossiersPage", "Post office"),
            "community": QCoreApplication.translate("DossiersPage", "Community team")}.get(channel, channel)


def due_text(due: str) -> str:
    if due == "overdue":
        return QCoreApplication.translate("DossiersPage", "Overdue")
    if due == "today":
        return QCoreApplication.translate("DossiersPage", "Due today")
    return QCoreApplication.translate("DossiersPage", "Due within %1 working days").replace("%1", due)


def _read_choices(store: Any) -> dict[str, Any]:
    """Runs on the store lane: procedures, officials and due windows the filters offer."""
    from sqlalchemy import select

    from app.reception.listing import warning_settings
    from app.store.models import ProcedureVersion
    from app.store.models import User

    with store.read_session() as session:
        procedures = {code: name for code, name in session.execute(
            select(ProcedureVersion.code, ProcedureVersion.name).order_by(ProcedureVersion.valid_from))}
        officials = list(session.execute(select(User.username, User.full_name).order_by(User.full_name)))
        windows, _soon = warning_settings(session)
    return {"procedures": sorted(procedures.items(), key=lambda item: item[1]), "officials": officials,
            "windows": windows}


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
        layout.addLayout(self._build_filters())
        self.summary = QLabel("")
        layout.addWidget(self.summary)
        self.model = DossierListModel(runner, self._in_read_session, self)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)
        self.table = make_table(self.model, stretch_column=COLUMNS.index("procedure"))
        # Fixed widths, never "resize to contents": sizing a column samples a thousand rows, which
        # here means asking the store for ten blocks after every change and every block arriving.
        header = self.table.horizontalHeader()
        # Status: the one the return desk looks for most, and one of the longest ("Đã có kết qu…" before).
        samples = {"code": "000.00.06.H56-261206-0073", "received": "16:22 06/12/2026",
                   "applicant": "Nguyễn Thị Phương", "id_number": "0792****7294", "due": "16:22 06/12/2026 *",
                   "status": status_text("CO_KET_QUA"), "sync": "Trên máy"}
        for column, key in enumerate(COLUMNS):
            if key in samples:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, self.fontMetrics().horizontalAdvance(samples[key]) + 20)
        # The indicator first: switching sorting on sorts by it, which is then the current order
        # (no store query while the page is being built).
        header.setSortIndicator(COLUMNS.index("received"), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator)
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.load)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.load)
        self.setFocusProxy(self.search)
        self._choices_loaded = False
        self._restore: tuple[int, int] | None = None  # (row, scroll position) to keep on a reload
        # A new filter's rows have not arrived yet: the rows on screen are the previous list's.
        self._replacing = False
        self._open_first = False  # Enter came while replacing: open the new list's first dossier

    def _in_read_session(self, work: Any) -> Any:
        with self.store.read_session() as session:
            return work(session)

    # -- filters --------------------------------------------------------------------------------
    def _build_filters(self) -> QGridLayout:
        grid = QGridLayout()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), "")
        for code in STATUSES:
            self.status_filter.addItem(status_text(code), code)
        self.due_filter = QComboBox()
        self._fill_due(DEFAULT_WINDOWS)
        self.procedure_filter = QComboBox()
        self.procedure_filter.addItem(self.tr("All procedures"), "")
        self.channel_filter = QComboBox()
        self.channel_filter.addItem(self.tr("All channels"), "")
        for channel in CHANNELS:
            self.channel_filter.addItem(channel_text(channel), channel)
        self.sync_filter = QComboBox()
        self.sync_filter.addItem(self.tr("Any sync state"), "")
        for state in ("local", "waiting", "sent", "quarantined"):
            self.sync_filter.addItem(sync_text(state), state)
        self.official_filter = QComboBox()
        self.official_filter.addItem(self.tr("All officials"), "")
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
            edit.setMaximumWidth(120)
            edit.editingFinished.connect(self.load)
        self.show_ids = QCheckBox(self.tr("Show &ID numbers"))
        self.show_ids.toggled.connect(lambda checked: self.model.set_show_ids(checked))
        self.clear_filters = QPushButton(self.tr("C&lear filters"))
        self.clear_filters.clicked.connect(self.reset_filters)
        for combo in (self.status_filter, self.due_filter, self.procedure_filter, self.channel_filter,
                      self.sync_filter, self.official_filter):
            combo.currentIndexChanged.connect(lambda _i: self.load())
        fields = [(self.tr("S&tatus"), self.status_filter), (self.tr("D&ue"), self.due_filter),
                  (self.tr("&Procedure"), self.procedure_filter), (self.tr("C&hannel"), self.channel_filter),
                  (self.tr("S&ync"), self.sync_filter), (self.tr("&Official"), self.official_filter)]
        for number, (title, widget) in enumerate(fields):
            label = QLabel(title)
            label.setBuddy(widget)
            grid.addWidget(label, number // 3 * 2, number % 3)
            grid.addWidget(widget, number // 3 * 2 + 1, number % 3)
        dates = QHBoxLayout()
        for title, edit in ((self.tr("Received &from"), self.date_from), (self.tr("&to"), self.date_to)):
            label = QLabel(title)
            label.setBuddy(edit)
            dates.addWidget(label)
            dates.addWidget(edit)
        dates.addStretch(1)
        dates.addWidget(self.show_ids)
        dates.addWidget(self.clear_filters)
        grid.addLayout(dates, 4, 0, 1, 3)
        return grid

    def _fill_due(self, windows: tuple[int, ...]) -> None:
        current = self.due_filter.currentData()
        self.due_filter.blockSignals(True)
        self.due_filter.clear()
        self.due_filter.addItem(self.tr("Any appointment"), "")
        for due in ("overdue", "today", *map(str, windows)):
            self.due_filter.addItem(due_text(due), due)
        found = self.due_filter.findData(current)
        self.due_filter.setCurrentIndex(max(0, found))
        self.due_filter.blockSignals(False)

    def _choices(self, choices: dict[str, Any]) -> None:
        self._choices_loaded = True
        self._fill_due(tuple(choices["windows"]))
        for combo, items in ((self.procedure_filter, [(f"{name} ({code})", code)
                                                      for code, name in choices["procedures"]]),
                             (self.official_filter, [(f"{name} ({user})", user)
                                                     for user, name in choices["officials"]])):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def current_filter(self) -> ListFilter:
        """The filter the widgets describe (InputError for a date that is not one)."""
        status = self.status_filter.currentData()
        return ListFilter(
            search=self.search.text(), statuses=(status,) if status else (),
            procedure=self.procedure_filter.currentData() or "",
            channel=self.channel_filter.currentData() or "",
            sync_state=self.sync_filter.currentData() or "", due=self.due_filter.currentData() or "",
            received_from=parse_day(self.date_from.text(), "received from"),
            received_to=parse_day(self.date_to.text(), "received to"),
            official=self.official_filter.currentData() or "",
            sort=self.model.filter.sort, descending=self.model.filter.descending)

    def set_filters(self, *, due: str = "", official: str = "") -> None:
        """Show one due window (e.g. from a warning): the other filters are cleared."""
        self.reset_filters(load=False)
        self.due_filter.setCurrentIndex(max(0, self.due_filter.findData(due)))
        index = self.official_filter.findData(official)
        if official and index < 0:  # choices not loaded yet: the official is still the filter
            self.official_filter.addItem(official, official)
            index = self.official_filter.count() - 1
        self.official_filter.setCurrentIndex(max(0, index))
        self.load()

    def reset_filters(self, _checked: bool = False, *, load: bool = True) -> None:
        for combo in (self.status_filter, self.due_filter, self.procedure_filter, self.channel_filter,
                      self.sync_filter, self.official_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.search, self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        if load:
            self.load()

    def _sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        if COLUMNS[column] not in SORT_KEYS:
            # ID numbers and sync states are found by search and filter; they have no sort index.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            current = next(i for i, key in enumerate(COLUMNS) if SORT_KEYS.get(key) == self.model.filter.sort)
            header.setSortIndicator(current, Qt.SortOrder.DescendingOrder if self.model.filter.descending
                                    else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)

    # -- loading --------------------------------------------------------------------------------
    def table_focus(self) -> None:
        self._debounce.stop()
        self.load()
        self.table.setFocus()
        if self.model.rowCount():
            self.table.selectRow(0)  # Enter must reach the table even before the new rows arrive  # at once when the runner is synchronous; else _loaded does it

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def load(self) -> None:
        if not self._choices_loaded:
            store = self.store
            self.runner.run_db(lambda: _read_choices(store), self._choices, lambda _exc: None)
        try:
            list_filter = self.current_filter()
        except MotcuaError as exc:
            self._failed(exc)
            return
        # The same filter again (a sync pass, a new reception): keep the official's place.
        self._restore = (self.table.currentIndex().row(), self.table.verticalScrollBar().value()) \
            if list_filter == self.model.filter and self.model.rowCount() else None
        if list_filter != self.model.filter:
            self._replacing = True  # cleared when the new rows arrive (or the query fails)
        self.model.set_filter(list_filter)

    def _loaded(self, total: int) -> None:
        restore, self._restore = self._restore, None
        self._replacing = False
        if restore is not None:
            row, scrolled = restore
            if 0 <= row < total:
                self.table.selectRow(row)
            self.table.verticalScrollBar().setValue(scrolled)
        elif self.model.rowCount() and self.table.hasFocus():
            # The list was replaced under the keyboard (the search ran after Enter moved here):
            # put the cursor back on the first dossier so Enter opens it.
            self.table.selectRow(0)
        number = f"{total:,}".replace(",", ".")
        if self._filtered():
            self.summary.setText(self.tr("%1 dossiers match.").replace("%1", number))
        else:
            self.summary.setText(self.tr("%1 dossiers.").replace("%1", number))
        self.summary.setStyleSheet("")
        self.loaded.emit(total)
        if self._open_first:
            self._open_first = False
            if self.model.rowCount():
                self.open_row(0)

    def _filtered(self) -> bool:
        f = self.model.filter
        return f != replace(ListFilter(), sort=f.sort, descending=f.descending)

    def _failed(self, exc: BaseException) -> None:
        self._replacing = self._open_first = False
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.summary.setText(error_text(exc))
        self.summary.setStyleSheet("color: #b00020;")

    # -- opening --------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        """Enter on a row. Typed ahead of a search (code, Enter, Enter, as a fast official or a
        barcode reader does), the row under the cursor still belongs to the previous list and
        would open the wrong dossier: the first dossier of the new list opens when it arrives."""
        if self._replacing:
            self._open_first = True
            return
        self.open_row(index.row())

    def open_row(self, row: int) -> None:
        item = self.model.item_at(row)
        if item is not None:
            self.open_code(item.code)

    def open_code(self, code: str) -> None:
        store = self.store
        self.runner.run_db(lambda: load_detail(store, code), self._show_detail, self._failed)

    def _show_detail(self, detail: Any) -> None:
        dialog = DossierDialog(detail, self.store, self.runner, self)
        dialog.open()
        self.detail_shown.emit(dialog)
