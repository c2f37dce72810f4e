"""Table model of catalogue search results: code, name, field, time limit, fee.

The catalogue of one province is a few hundred procedure versions held in memory, so the model
keeps the current result list plus pre-formatted row texts (formatted once per search, not in
`data()`, which Qt calls for every visible cell on every repaint).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt

from app.catalog.fees import CHANNELS
from app.catalog.fees import FeeRule
from app.catalog.fees import format_vnd
from app.catalog.model import ProcedureVersionData
from ui.words import rule_text

# The ProcedureVersionData behind a row, for the detail pane and for reception later.
VersionRole = Qt.ItemDataRole.UserRole + 1
# True when any field of the row's procedure is not verified.
UnverifiedRole = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("code", "name", "field", "time", "fee")
ModelIndex = QModelIndex | QPersistentModelIndex


def fee_text(rule: FeeRule) -> str:
    """Short fee description for a table cell or the detail pane."""
    if rule.kind == "free" or (rule.kind == "flat" and rule.amount_vnd == 0):
        return QCoreApplication.translate("CatalogModel", "Free")
    if rule.kind == "flat" and rule.amount_vnd is not None:
        return format_vnd(rule.amount_vnd)
    if rule.kind == "per_channel":
        return " · ".join(f"{CHANNELS.get(ch, ch)} {format_vnd(v)}" for ch, v in rule.by_channel.items())
    if rule.kind == "per_page":
        text = QCoreApplication.translate("CatalogModel", "%1/page for pages 1–2, %2/page from page 3")
        text = text.replace("%1", format_vnd(rule.per_page_first_2))
        text = text.replace("%2", format_vnd(rule.per_page_from_3))
        if rule.max_per_copy is not None:
            cap = QCoreApplication.translate("CatalogModel", "at most %1 per copy")
            text += ", " + cap.replace("%1", format_vnd(rule.max_per_copy))
        return text
    if rule.kind == "per_unit" and rule.amount_vnd is not None:
        return QCoreApplication.translate("CatalogModel", "%1 per %2").replace(
            "%1", format_vnd(rule.amount_vnd)).replace("%2", rule.basis)
    if rule.kind == "tiers":
        return QCoreApplication.translate("CatalogModel", "By %1, in tiers").replace("%1", rule.basis)
    if rule.kind == "by_channel":
        return " · ".join(f"{CHANNELS.get(ch, ch)}: {fee_text(sub)}" for ch, sub in rule.channel_rules.items())
    return QCoreApplication.translate("CatalogModel", "Set by the provincial council")


def time_text(version: ProcedureVersionData, *, qualified: bool = True) -> str:
    if version.no_time_limit:
        return QCoreApplication.translate("CatalogModel", "No time limit")
    if version.time_rule is None:
        return QCoreApplication.translate("CatalogModel", "Unknown")
    return rule_text(version.time_rule, qualified=qualified)


def short_fee_text(rule: FeeRule) -> str:
    """A table cell's fee: amounts only (the detail pane and the tooltip give the rule whole)."""
    if rule.kind == "per_channel" and rule.by_channel:
        amounts = sorted(set(rule.by_channel.values()))
        if len(amounts) == 1:
            return format_vnd(amounts[0])
        return f"{format_vnd(amounts[0]).removesuffix(' đ')}–{format_vnd(amounts[-1])}"
    if rule.kind == "per_page":
        return QCoreApplication.translate("CatalogModel", "%1/page").replace("%1", format_vnd(rule.per_page_first_2))
    if rule.kind not in ("free", "flat"):
        return QCoreApplication.translate("CatalogModel", "Provincial council")
    return fee_text(rule)


def _row_texts(version: ProcedureVersionData) -> tuple[str, ...]:
    # The time limit's qualifier "(nhận sau 15 giờ: …)" stays for the tooltip and the detail pane.
    return (version.code, version.name, version.field or "", time_text(version, qualified=False),
            short_fee_text(version.fee))


def _tooltips(version: ProcedureVersionData) -> tuple[str, ...]:
    return (version.code, version.name, version.field or "", time_text(version), fee_text(version.fee))


class CatalogTableModel(QAbstractTableModel):
    """Read-only rows of procedure versions, replaced wholesale on each search."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._versions: list[ProcedureVersionData] = []
        self._rows: list[tuple[str, ...]] = []
        self._tips: list[tuple[str, ...]] = []

    def set_versions(self, versions: Sequence[ProcedureVersionData]) -> None:
        self.beginResetModel()
        self._versions = list(versions)
        self._rows = [_row_texts(v) for v in self._versions]
        self._tips = [_tooltips(v) for v in self._versions]
        self.endResetModel()

    def version_at(self, row: int) -> ProcedureVersionData | None:
        return self._versions[row] if 0 <= row < len(self._versions) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[row][column]
        if role == VersionRole:
            return self._versions[row]
        if role == UnverifiedRole:
            return bool(self._versions[row].unverified_fields)
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        titles = (self.tr("Code"), self.tr("Procedure"), self.tr("Field"), self.tr("Time limit"),
                  self.tr("Fee"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
