"""Table model of a reception's document checklist: received, name, form, copies, pages.

The rows are the `DocumentInput`s of the request being filled in; the model edits them in place
(received tick, form, copies) and says so with `dataChanged`, which the page turns into a fresh
preview and a draft save. A checklist has a handful of rows, so no caching is needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt

from app.reception.model import DOCUMENT_FORMS
from app.reception.model import DocumentInput
from app.reception.model import PageInput

COL_RECEIVED, COL_NAME, COL_FORM, COL_COPIES, COL_PAGES = range(5)
COLUMN_COUNT = 5
# The form key ("original", …) of a row, for the combo-box delegate.
FormKeyRole = Qt.ItemDataRole.UserRole + 1
# True for a required document that has not been ticked (drawn in the error colour).
MissingRole = Qt.ItemDataRole.UserRole + 2

ModelIndex = QModelIndex | QPersistentModelIndex


def form_text(form: str) -> str:
    texts = {
        "original": QCoreApplication.translate("DocumentsModel", "Original"),
        "certified_copy": QCoreApplication.translate("DocumentsModel", "Certified copy"),
        "copy": QCoreApplication.translate("DocumentsModel", "Copy"),
    }
    return texts.get(form, form)


class DocumentsModel(QAbstractTableModel):
    """The checklist rows; received/form/copies are editable from the keyboard."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._documents: list[DocumentInput] = []

    # -- content --------------------------------------------------------------------------------
    def set_documents(self, documents: Sequence[DocumentInput]) -> None:
        self.beginResetModel()
        self._documents = list(documents)
        self.endResetModel()

    def documents(self) -> list[DocumentInput]:
        return list(self._documents)

    def document_at(self, row: int) -> DocumentInput | None:
        return self._documents[row] if 0 <= row < len(self._documents) else None

    def set_received(self, row: int, received: bool) -> None:
        document = self.document_at(row)
        if document is None or document.received == received:
            return
        document.received = received
        self._row_changed(row)

    def toggle_received(self, row: int) -> None:
        document = self.document_at(row)
        if document is not None:
            self.set_received(row, not document.received)

    def add_pages(self, row: int, paths: Sequence[Any]) -> None:
        """Attach files to a document; a document with pages has obviously been received."""
        document = self.document_at(row)
        if document is None or not paths:
            return
        document.pages.extend(PageInput(path=path) for path in paths)
        document.received = True
        self._row_changed(row)

    def set_pages(self, row: int, pages: Sequence[PageInput]) -> None:
        """Replace a document's pages (capture rebuilds its one PDF); pages mean "received"."""
        document = self.document_at(row)
        if document is None:
            return
        document.pages = list(pages)
        if document.pages:
            document.received = True
        self._row_changed(row)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        document = self._documents[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_RECEIVED:
            return Qt.CheckState.Checked if document.received else Qt.CheckState.Unchecked
        if role == MissingRole:
            return document.required and not document.received
        if role == FormKeyRole:
            return document.form
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(document, column, role)
        if role == Qt.ItemDataRole.EditRole:
            return {COL_FORM: document.form, COL_COPIES: document.copies}.get(column)
        return None

    def _text(self, document: DocumentInput, column: int, role: int) -> Any:
        if column == COL_NAME:
            return document.name
        if column == COL_RECEIVED:
            if document.kind == "present":
                return self.tr("Shown")
            return self.tr("Required") if document.required else self.tr("If applicable")
        if column == COL_FORM:
            return form_text(document.form)
        if column == COL_COPIES:
            return document.copies
        if column == COL_PAGES:
            return len(document.pages)
        return None

    def setData(self, index: ModelIndex, value: Any,  # noqa: N802 - Qt override
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return False
        document = self._documents[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_RECEIVED:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, True)
            self.set_received(index.row(), checked)
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == COL_FORM and value in DOCUMENT_FORMS:
            document.form = str(value)
        elif column == COL_COPIES and isinstance(value, int) and value >= 1:
            document.copies = value
        else:
            return False
        self._row_changed(index.row())
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() == COL_RECEIVED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (COL_FORM, COL_COPIES):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        titles = (self.tr("Received"), self.tr("Document"), self.tr("Form"), self.tr("Copies"),
                  self.tr("Pages"))
        return titles[section] if 0 <= section < len(titles) else None
