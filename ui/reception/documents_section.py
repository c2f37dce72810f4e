"""Section 3 of reception: the procedure version's document checklist.

Space ticks the current document as received (whatever column the cursor is in); F2 edits the
form or the number of copies; "Attach files…" (Ctrl+O) adds pages to the current document, ticks
it and moves to the next required document still without pages, so a reception with one page
per document is one shortcut per document. A required document left unticked blocks the
confirmation until a reason is written in "Reason for missing documents".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QStyledItemDelegate
from PySide6.QtWidgets import QStyleOptionViewItem
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.reception.model import DOCUMENT_FORMS
from app.reception.model import DocumentInput
from ui.models.documents_model import COL_FORM
from ui.models.documents_model import COL_NAME
from ui.models.documents_model import COL_RECEIVED
from ui.models.documents_model import DocumentsModel
from ui.models.documents_model import FormKeyRole
from ui.models.documents_model import MissingRole
from ui.models.documents_model import form_text
from ui.widgets.file_dialogs import open_file_names
from ui.widgets.form_field import FormField

ModelIndex = QModelIndex | QPersistentModelIndex
# Chooses page files for a document; replaced in tests and benchmarks (no modal dialog there).
FileChooser = Callable[[QWidget, DocumentInput], list[Path]]
# Takes the chosen files of the current document (the capture panel: processed, sealed, shown).
Importer = Callable[[list[Path]], None]
MISSING_BRUSH = QBrush(QColor("#b3261e"))


def choose_page_files(parent: QWidget, document: DocumentInput) -> list[Path]:
    files = open_file_names(
        parent, document.name,
        QCoreApplication.translate("DocumentsSection", "Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff "
                                   "*.bmp *.pdf);;All files (*)"))
    return [Path(name) for name in files]


class FormDelegate(QStyledItemDelegate):
    """A combo box of the three document forms for the Form column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                     index: ModelIndex) -> QWidget:
        if index.column() != COL_FORM:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for form in DOCUMENT_FORMS:
            combo.addItem(form_text(form), form)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802 - Qt override
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(FormKeyRole)), 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802 - Qt override
                     index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def initStyleOption(self, option: QStyleOptionViewItem, index: ModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.column() == COL_NAME and index.data(MissingRole):
            option.palette.setBrush(option.palette.ColorRole.Text, MISSING_BRUSH)


class ChecklistView(QTableView):
    """Space toggles "received" on the current row from any column."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        model = self.model()
        if event.key() == Qt.Key.Key_Space and isinstance(model, DocumentsModel) and self.state() != \
                QAbstractItemView.State.EditingState:
            row = self.currentIndex().row()
            if row >= 0:
                model.toggle_received(row)
                return
        super().keyPressEvent(event)


class DocumentsSection(QGroupBox):
    """Checklist table, attach / all-received buttons, reason for missing documents."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("3. Documents"))
        self.file_chooser: FileChooser = choose_page_files
        self.importer: Importer | None = None
        layout = QVBoxLayout(self)
        self.model = DocumentsModel(self)
        self.model.dataChanged.connect(lambda *_args: self.changed.emit())
        self.model.modelReset.connect(self.changed)
        self.table = ChecklistView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(FormDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        # The capture panel (set_side_panel) sits beside the checklist; the official may resize.
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        layout.addWidget(self.splitter)
        layout.addLayout(self._build_buttons())
        self.reason = FormField(placeholder=self.tr("Reason for missing documents (required when a "
                                                    "required document is not received)"))
        self.reason.edit.textEdited.connect(self.changed)
        layout.addWidget(self.reason)
        self.setFocusProxy(self.table)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("Attach files… (Ctrl+O)"))
        self.attach_button.clicked.connect(self.attach_to_current)
        self.all_button = QPushButton(self.tr("All received (Ctrl+Shift+A)"))
        self.all_button.clicked.connect(self.mark_all_received)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        row.addWidget(self.attach_button)
        row.addWidget(self.all_button)
        row.addWidget(self.message, 1)
        return row

    def set_side_panel(self, panel: QWidget, importer: Importer | None = None) -> None:
        """Put `panel` beside the checklist; with `importer`, attached files go through it."""
        self.importer = importer
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

    # -- actions --------------------------------------------------------------------------------
    def set_documents(self, documents: list[DocumentInput]) -> None:
        self.model.set_documents(documents)
        self.table.resizeRowsToContents()
        self._go_to(self._next_needing_pages(-1))

    def documents(self) -> list[DocumentInput]:
        return self.model.documents()

    def attach_to_current(self) -> int:
        """Ask for files for the current document; returns how many pages were added."""
        row = self.table.currentIndex().row()
        document = self.model.document_at(row)
        if document is None:
            return 0
        paths = self.file_chooser(self, document)
        if not paths:
            return 0
        if self.importer is not None:
            # The same way as a scan: the pages show in the side panel, where they can be
            # checked, turned and reordered, and are sealed into the store as one PDF. The
            # row stays current so the official sees them arrive.
            self.importer(list(paths))
            return len(paths)
        self.model.add_pages(row, paths)
        self.table.resizeRowsToContents()
        self._go_to(self._next_needing_pages(row))
        return len(paths)

    def mark_all_received(self) -> None:
        for row in range(self.model.rowCount()):
            document = self.model.document_at(row)
            if document is not None and document.required:
                self.model.set_received(row, True)

    def mark_identity_shown(self) -> None:
        """The chip-ID card was just scanned: the "show your ID papers" item has been shown."""
        from app.text import fold

        for row, document in enumerate(self.model.documents()):
            name = fold(document.name)
            if document.kind == "present" and any(word in name for word in ("tuy than", "can cuoc",
                                                                             "cccd", "dinh danh")):
                self.model.set_received(row, True)

    def _next_needing_pages(self, after: int) -> int:
        documents = self.model.documents()
        for row in range(after + 1, len(documents)):
            if documents[row].required and documents[row].kind == "submit" and not documents[row].pages:
                return row
        return max(after, 0) if documents else -1

    def _go_to(self, row: int) -> None:
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, COL_RECEIVED))

    # -- problems -------------------------------------------------------------------------------
    def show_problems(self, problems: dict[str, str]) -> None:
        lines = [message for key, message in problems.items() if key.startswith("documents")]
        missing = any(key == "documents" or key.endswith(".received") for key in problems
                      if key.startswith("documents"))
        reason = problems.get("missing_reason") or (
            self.tr("Tick the missing documents, or write why the dossier is accepted without them.")
            if missing else None)
        self.reason.set_error(reason)
        self.message.setText(lines[0] if lines else "")
        self.message.setToolTip("\n".join(lines))

    def missing_required(self) -> list[str]:
        return [d.name for d in self.model.documents() if d.required and not d.received]

    def reset(self) -> None:
        self.model.set_documents([])
        self.reason.edit.clear()
        self.show_problems({})

    def pages_total(self) -> int:
        return sum(len(d.pages) for d in self.model.documents())
