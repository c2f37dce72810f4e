"""The Hồ sơ list as a lazy table model: any number of dossiers, a few blocks of rows in memory.

`rowCount` is the number of matches (counted on the store lane when the filter changes); rows
arrive in blocks of `BLOCK` from `app.reception.listing.list_page` the first time the view asks
for them, so scrolling to row 400,000 reads one block, not the 399,999 before it. At most
`MAX_BLOCKS` blocks are kept (least recently used go first), which bounds memory whatever the
store holds. Until its block arrives a row shows "…".

Every read runs on the store lane (`TaskRunner.run_db`); requests made while Qt paints are
gathered and sent once control returns to the event loop. A result that arrives after the filter
changed again is dropped (`_generation`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor

from app.reception.listing import ListFilter
from app.reception.listing import ListRow
from app.reception.listing import Query
from ui.dates import time_date_text
from ui.tasks import TaskRunner
from ui.words import status_text  # noqa: F401 - the one table of status words, used below

ModelIndex = QModelIndex | QPersistentModelIndex
ItemRole = Qt.ItemDataRole.UserRole + 1  # the ListRow behind the row (None until loaded)
BLOCK = 50  # rows read at a time: twice what the window shows at once
MAX_BLOCKS = 60  # 3,000 rows at most in memory
LOADING = "…"
BOUNDARIES_TTL_S = 60  # "now" for overdue/due-soon is refreshed at least this often
# Light backgrounds that keep black text readable: overdue, due soon, on time.
DUE_BACKGROUNDS = {"red": "#f8c9c9", "yellow": "#fbecb0", "green": "#cdeccf"}
SYNC_COLOURS = {"quarantined": "#b00020", "waiting": "#8a4b00"}

# Column keys, in display order; the sort key of the columns the list can be sorted by.
COLUMNS = ("code", "received", "applicant", "id_number", "procedure", "due", "status", "sync")
SORT_KEYS = {"code": "code", "received": "received", "applicant": "applicant", "procedure": "procedure",
             "due": "due", "status": "status"}


def column_titles() -> list[str]:
    return [QCoreApplication.translate("DossierList", "Dossier code"),
            QCoreApplication.translate("DossierList", "Received"),
            QCoreApplication.translate("DossierList", "Applicant"),
            QCoreApplication.translate("DossierList", "ID number"),
            QCoreApplication.translate("DossierList", "Procedure"),
            QCoreApplication.translate("DossierList", "Appointment"),
            QCoreApplication.translate("DossierList", "Status"),
            QCoreApplication.translate("DossierList", "Sync")]




def sync_text(state: str) -> str:
    return {"sent": QCoreApplication.translate("DossierList", "Delivered"),
            "waiting": QCoreApplication.translate("DossierList", "Waiting"),
            "quarantined": QCoreApplication.translate("DossierList", "Refused")}.get(
        state, QCoreApplication.translate("DossierList", "Local"))


@dataclass(frozen=True)
class Loaded:
    """What the store lane hands back when the filter changes: the prepared query and the start."""

    query: Query
    total: int
    first: list[ListRow]
    made_at: datetime


class DossierListModel(QAbstractTableModel):
    loaded = Signal(int)  # the number of matches, once counted
    failed = Signal(object)  # the exception of a refused filter or a failed read

    def __init__(self, runner: TaskRunner, read: Callable[..., Any], parent: Any = None) -> None:
        """`read(fn)` runs `fn(session)` in a read session of the store (on the calling thread)."""
        super().__init__(parent)
        self.runner = runner
        self._read = read
        self._titles = column_titles()
        self.filter = ListFilter()
        self.show_ids = False  # ID numbers are masked unless the official asks to see them
        self._query: Query | None = None
        self._total = 0
        self._blocks: OrderedDict[int, list[ListRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._wanted: set[int] = set()
        self._generation = 0
        self._made_at: datetime | None = None
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._request_wanted)

    # -- loading --------------------------------------------------------------------------------
    def set_filter(self, list_filter: ListFilter) -> None:
        """Count and show the dossiers matching `list_filter` (keeps the current rows until then)."""
        from app.reception.listing import count_dossiers, list_page, prepare

        self.filter = list_filter
        self._generation += 1
        generation = self._generation
        keep = self._query.boundaries if self._query is not None and self._fresh() else None

        def work(session: Any) -> Loaded:
            query = prepare(session, list_filter, keep)
            total = count_dossiers(session, query)
            return Loaded(query, total, list_page(session, query, 0, BLOCK, total), datetime.now())

        self.runner.run_db(lambda: self._read(work), lambda result: self._loaded(generation, result),
                           lambda exc: self._failed(generation, exc))

    def refresh(self) -> None:
        self.set_filter(self.filter)

    def _fresh(self) -> bool:
        made_at = self._made_at
        return made_at is not None and (datetime.now() - made_at).total_seconds() < BOUNDARIES_TTL_S

    def _loaded(self, generation: int, result: Loaded) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._query, self._total = result.query, result.total
        if self._made_at is None or not self._fresh():
            self._made_at = result.made_at
        self._blocks = OrderedDict({0: result.first}) if result.first else OrderedDict()
        self._pending.clear()
        self._wanted.clear()
        self.endResetModel()
        self.loaded.emit(result.total)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.failed.emit(exc)

    def _want(self, block: int) -> None:
        if block in self._pending or block in self._wanted:
            return
        self._wanted.add(block)
        self._flush.start()

    def _request_wanted(self) -> None:
        from app.reception.listing import list_page

        query, total, generation = self._query, self._total, self._generation
        if query is None:
            return
        for block in sorted(self._wanted):
            self._pending.add(block)
            self.runner.run_db(
                lambda b=block: self._read(
                    lambda session: list_page(session, query, b * BLOCK, BLOCK, total)),
                lambda rows, b=block: self._block_arrived(generation, b, rows),
                lambda exc: self._failed(generation, exc))
        self._wanted.clear()

    def _block_arrived(self, generation: int, block: int, rows: list[ListRow]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(block)
        self._blocks[block] = rows
        self._blocks.move_to_end(block)
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)
        first = block * BLOCK
        last = min(self._total, first + BLOCK) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    # -- what the view reads --------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    @property
    def query(self) -> Query | None:
        return self._query

    def item_at(self, row: int) -> ListRow | None:
        """The dossier on `row` if its block is loaded (else it is asked for, and None)."""
        if not 0 <= row < self._total:
            return None
        block = self._blocks.get(row // BLOCK)
        if block is None:
            self._want(row // BLOCK)
            return None
        self._blocks.move_to_end(row // BLOCK)
        offset = row % BLOCK
        return block[offset] if offset < len(block) else None

    def set_show_ids(self, show: bool) -> None:
        self.show_ids = show
        if self._total:
            column = COLUMNS.index("id_number")
            self.dataChanged.emit(self.index(0, column), self.index(self._total - 1, column))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, ItemRole):
            return None
        row = self.item_at(index.row())
        if role == ItemRole:
            return row
        key = COLUMNS[index.column()]
        if row is None:
            return LOADING if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = DUE_BACKGROUNDS.get(row.due_colour) if key == "due" else None
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = SYNC_COLOURS.get(row.sync_state) if key == "sync" else None
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        return self._text(row, key)

    def _text(self, row: ListRow, key: str) -> str:
        if key == "code":
            return row.code
        if key == "received":
            return time_date_text(row.received_at)
        if key == "applicant":
            return row.applicant_name
        if key == "id_number":
            return row.id_number if self.show_ids else row.masked_id_number
        if key == "procedure":
            return row.procedure_name
        if key == "due":
            return time_date_text(row.due_at) + (" *" if row.unconfirmed_holiday else "")
        if key == "status":
            return status_text(row.status)
        return sync_text(row.sync_state)

    def _tooltip(self, row: ListRow, key: str) -> str:
        if key == "due" and row.due_colour:
            text = {"red": QCoreApplication.translate("DossierList", "Overdue"),
                    "yellow": QCoreApplication.translate("DossierList", "Due soon"),
                    "green": QCoreApplication.translate("DossierList", "On time")}[row.due_colour]
            if row.unconfirmed_holiday:
                text += " · " + QCoreApplication.translate(
                    "DossierList",
                    "The appointment counts over a holiday the administrator has not confirmed yet.")
            return text
        if key == "procedure":
            return f"{row.procedure_code} · {row.procedure_name}"
        return self._text(row, key)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._titles):
            return self._titles[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header clicks: code, received time, applicant, procedure, appointment and status sort
        (each from an index); the ID number and sync state columns do not."""
        key = SORT_KEYS.get(COLUMNS[column]) if 0 <= column < len(COLUMNS) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self.filter.sort, self.filter.descending):
            return  # the view repeats the current order when sorting is switched on: nothing to do
        self.set_filter(replace(self.filter, sort=key, descending=descending))
