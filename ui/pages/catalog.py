"""The catalogue page (Danh mục): accent-insensitive search as you type, results, detail pane.

The procedure versions are read once on the store lane and indexed there; searching the
in-memory index is fast enough to run on every keystroke on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import MotcuaError
from ui.errors import error_text
from ui.errors import report_unexpected
from ui.models.catalog_model import CatalogTableModel
from ui.tasks import TaskRunner
from ui.widgets.procedure_detail import ProcedureDetail

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

SEARCH_LIMIT = 200
COLUMN_WIDTHS = {2: 190, 3: 150, 4: 130}  # field, time limit, fee: short texts, whole in tooltips


class CatalogPage(QWidget):
    """Search box over a results table and a detail pane for the selected procedure."""

    # Emitted when the catalogue has been read and indexed (tests wait for it).
    catalog_loaded = Signal(int)

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.index: Any = None
        self._versions: list[Any] = []
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Procedure catalogue"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(heading)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or code, with or without accents…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.run_search)
        layout.addWidget(self.search)
        self.summary = QLabel(self.tr("Loading the catalogue…"))
        layout.addWidget(self.summary)
        self.model = CatalogTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # The name takes what is left; long time/fee texts are elided and shown whole in tooltips.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = ProcedureDetail()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        # Enter in the search box moves into the results, so the keyboard never has to leave.
        self.search.returnPressed.connect(self.table.setFocus)
        self.setFocusProxy(self.search)

    def load(self) -> None:
        """Read and index the catalogue on the store lane."""
        store = self.store
        self.runner.run_db(lambda: _read_catalog(store), self._loaded, self._failed)

    def _loaded(self, result: tuple[list[Any], Any]) -> None:
        self.set_catalog(*result)

    def set_catalog(self, versions: list[Any], index: Any) -> None:
        """Show a catalogue read elsewhere (its versions and the CatalogIndex built over them)."""
        self._versions, self.index = versions, index
        self.catalog_loaded.emit(len(self._versions))
        self.run_search(self.search.text())

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.summary.setText(error_text(exc))

    def run_search(self, text: str) -> None:
        """Show matches for `text` among versions in force today (all of them, by code, if empty)."""
        if self.index is None:
            return
        if text.strip():
            versions = [hit.version for hit in self.index.search(text, limit=SEARCH_LIMIT)]
        else:
            versions = sorted(self.index.versions_at(), key=lambda v: v.code)
        self.model.set_versions(versions)
        if versions:
            self.table.selectRow(0)
        else:
            self.detail.show_version(None)
        self.summary.setText(self._summary_text(text, len(versions)))

    def _summary_text(self, text: str, count: int) -> str:
        if not self._versions:
            return self.tr("The catalogue is empty. An administrator can import the province's catalogue.")
        if not text.strip():
            return self.tr("%1 procedures in the catalogue.").replace("%1", str(count))
        if count == 0:
            return self.tr("No procedure matches “%1”.").replace("%1", text.strip())
        return self.tr("%1 procedures match.").replace("%1", str(count))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        self.detail.show_version(self.model.version_at(rows[0].row()) if rows else None)


def _read_catalog(store: Store) -> tuple[list[Any], Any]:
    """Runs on the store lane: all procedure versions plus the search index over them."""
    from app.catalog.search import CatalogIndex
    from app.catalog.storage import load_versions

    with store.read_session() as session:
        versions = load_versions(session)
    return versions, CatalogIndex(versions)
