"""Section 1 of reception: pick the procedure by typing a few words of its name (or its code).

The catalogue and this official's reception history are read once on the store lane; searching
the in-memory index runs on every keystroke. With an empty box the official's recent and most
frequent procedures come first, so a desk that mostly registers births needs no typing at all.
Enter picks the highlighted row (the first one when the focus is still in the box); Down moves
into the list.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QListView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.catalog.model import ProcedureVersionData
from app.clock import local_today
from ui.models.procedure_list_model import ProcedureListModel
from ui.widgets.form_field import ERROR_STYLE

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

SEARCH_LIMIT = 30
RECENT_COUNT = 3
FREQUENT_COUNT = 5
HISTORY_DOSSIERS = 500  # the official's latest dossiers looked at for recent/frequent


@dataclass(frozen=True)
class PickerData:
    """What the picker needs from the store: versions, their index, and this user's history."""

    versions: list[ProcedureVersionData]
    index: Any  # app.catalog.search.CatalogIndex
    history: list[str]  # procedure codes of the user's latest dossiers, newest first


def read_picker_data(store: Store) -> PickerData:
    """Runs on the store lane."""
    from sqlalchemy import select

    from app.catalog.search import CatalogIndex
    from app.catalog.storage import load_versions
    from app.store.models import Dossier
    from app.store.models import ProcedureVersion

    with store.read_session() as session:
        versions = load_versions(session)
        rows = session.execute(
            select(ProcedureVersion.code)
            .join(Dossier, Dossier.procedure_version_id == ProcedureVersion.id)
            .where(Dossier.received_by == store.user.id)
            .order_by(Dossier.received_at.desc())
            .limit(HISTORY_DOSSIERS)
        ).scalars().all()
    return PickerData(versions, CatalogIndex(versions), list(rows))


def ordered_for_empty_box(data: PickerData, today: datetime | None = None) -> list[tuple[ProcedureVersionData, str]]:
    """Recent procedures, then frequent ones, then the rest of the catalogue by code."""
    at = today.date() if today else local_today()
    in_force = {v.code: v for v in data.index.versions_at(at)}
    rows: list[tuple[ProcedureVersionData, str]] = []
    seen: set[str] = set()
    recent = list(dict.fromkeys(data.history))[:RECENT_COUNT]
    frequent = [code for code, _n in Counter(data.history).most_common()]
    for codes, tag, limit in ((recent, "recent", RECENT_COUNT), (frequent, "frequent", FREQUENT_COUNT)):
        taken = 0
        for code in codes:
            if code in in_force and code not in seen and taken < limit:
                rows.append((in_force[code], tag))
                seen.add(code)
                taken += 1
    rows.extend((v, "") for code, v in sorted(in_force.items()) if code not in seen)
    return rows


class ProcedurePicker(QGroupBox):
    """Search box + result list; `procedure_chosen(version)` when a row is picked."""

    procedure_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("1. Procedure"))
        self.data: PickerData | None = None
        self.version: ProcedureVersionData | None = None
        # Enter typed before the catalogue has been read (a fast official right after sign-in):
        # the first match is chosen as soon as it arrives, instead of the key being lost.
        self._pick_when_loaded = False
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a few words of the procedure or its code, then Enter…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.run_search)
        self.search.returnPressed.connect(self.pick_current)
        self.search.installEventFilter(self)
        self.model = ProcedureListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setMaximumHeight(150)
        self.list.activated.connect(lambda index: self.pick_row(index.row()))
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        self.chosen.setStyleSheet("font-weight: 600;")
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.chosen)
        layout.addWidget(self.message)
        self.setFocusProxy(self.search)

    def set_data(self, data: PickerData) -> None:
        self.data = data
        self.run_search(self.search.text())
        if self._pick_when_loaded:
            self._pick_when_loaded = False
            self.pick_current()

    def run_search(self, text: str) -> None:
        if self.data is None:
            return
        if text.strip():
            rows = [(hit.version, "") for hit in self.data.index.search(text, limit=SEARCH_LIMIT)]
        else:
            rows = ordered_for_empty_box(self.data)
        self.model.set_rows(rows)
        self.list.setVisible(True)
        if rows:
            self.list.setCurrentIndex(self.model.index(0, 0))

    def pick_current(self) -> None:
        if self.data is None:
            self._pick_when_loaded = True
            return
        index = self.list.currentIndex()
        self.pick_row(index.row() if index.isValid() else 0)

    def pick_row(self, row: int) -> None:
        version = self.model.version_at(row)
        if version is not None:
            self.choose(version)

    def choose(self, version: ProcedureVersionData | None) -> None:
        """Show `version` as the chosen procedure and tell the page (None clears the choice)."""
        self.version = version
        if version is None:
            self.chosen.clear()
            self.list.setVisible(True)
        else:
            self.chosen.setText(f"{version.name} ({version.code})")
            self.list.setVisible(False)  # keeps the form compact once the choice is made
        self.procedure_chosen.emit(version)

    def choose_code(self, code: str) -> bool:
        """Pick by code (restoring a draft); False when the catalogue has no such procedure."""
        if self.data is None or not code:
            return False
        version = self.data.index.get(code)
        if version is None:
            return False
        self.version = version
        self.chosen.setText(f"{version.name} ({version.code})")
        self.list.setVisible(False)
        return True

    def note_used(self, code: str) -> None:
        """A dossier was just received for `code`: it is now the most recent procedure."""
        if self.data is not None and code:
            self.data.history.insert(0, code)

    def reset(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.version = None
        self.chosen.clear()
        self.set_error("")
        self.run_search("")

    def set_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Down in the box moves into the list, the way a combo's popup behaves.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.list.setVisible(True)
                self.list.setFocus()
                if not self.list.currentIndex().isValid():
                    self.list.setCurrentIndex(self.model.index(0, 0))
                return True
        return False
