"""List model of procedures to pick from at reception: name, code, time limit and fee per row.

Rows are formatted once when the list is replaced (every keystroke of the search box), never in
`data()`. A row may carry a tag saying why it is near the top when the box is empty: one of the
official's recent procedures or one of their most frequent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt

from app.catalog.model import ProcedureVersionData
from ui.models.catalog_model import fee_text
from ui.models.catalog_model import time_text

# The ProcedureVersionData behind a row.
VersionRole = Qt.ItemDataRole.UserRole + 1
# "recent", "frequent" or "" (a search result or the rest of the catalogue).
TagRole = Qt.ItemDataRole.UserRole + 2

ModelIndex = QModelIndex | QPersistentModelIndex


def _tag_text(tag: str) -> str:
    if tag == "recent":
        return QCoreApplication.translate("ProcedureListModel", "Recent")
    if tag == "frequent":
        return QCoreApplication.translate("ProcedureListModel", "Frequent")
    return ""


def _row_text(version: ProcedureVersionData, tag: str) -> str:
    head = f"[{_tag_text(tag)}] " if tag else ""
    return f"{head}{version.name} — {version.code} · {time_text(version)} · {fee_text(version.fee)}"


class ProcedureListModel(QAbstractListModel):
    """Read-only rows (version, tag), replaced wholesale."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[ProcedureVersionData, str]] = []
        self._texts: list[str] = []

    def set_rows(self, rows: Sequence[tuple[ProcedureVersionData, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [_row_text(version, tag) for version, tag in self._rows]
        self.endResetModel()

    def version_at(self, row: int) -> ProcedureVersionData | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._texts[index.row()]
        if role == VersionRole:
            return self._rows[index.row()][0]
        if role == TagRole:
            return self._rows[index.row()][1]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
