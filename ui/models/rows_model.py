"""A read-only table of pre-formatted text rows, each carrying the object it shows.

Pages that list things (outbox items, dossiers) format their cells once when the rows arrive
from the store lane; `data()` then only indexes lists, since Qt calls it for every visible cell
on every repaint. Header titles are passed in already translated by the page that owns them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

ModelIndex = QModelIndex | QPersistentModelIndex
ItemRole = Qt.ItemDataRole.UserRole + 1  # the object behind the row


class RowsTableModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[str, ...]] = []
        self._items: list[Any] = []
        self._colours: list[str | None] = []

    def set_rows(self, rows: Sequence[tuple[Any, tuple[str, ...], str | None]]) -> None:
        """Replace all rows: (item, cell texts, text colour or None) each."""
        self.beginResetModel()
        self._items = [item for item, _, _ in rows]
        self._rows = [cells for _, cells, _ in rows]
        self._colours = [colour for _, _, colour in rows]
        self.endResetModel()

    def item_at(self, row: int) -> Any:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and self._colours[index.row()]:
            return QColor(self._colours[index.row()])
        if role == ItemRole:
            return self._items[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
