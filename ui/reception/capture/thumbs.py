"""The thumbnail strip of one document's pages: drag-and-drop and keyboard page editing.

Keys (as in NAPS2, whose users arrange pages without the mouse): Ctrl+Left/Right move the
current page, R turns it 90° clockwise, Delete removes it, Enter opens the page viewer. The
strip only reports what was asked; the panel changes the pages and shows them again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtGui import QIcon
from PySide6.QtGui import QImage
from PySide6.QtGui import QKeyEvent
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QListView
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QListWidgetItem
from PySide6.QtWidgets import QWidget

from app.errors import MotcuaError
from ui.errors import error_text
from ui.reception.capture.pages import THUMB_SIDE_PX
from ui.reception.capture.pages import CapturedPage

UidRole = Qt.ItemDataRole.UserRole + 1


def page_warnings(captured: CapturedPage) -> list[str]:
    """The sentences of a page's warnings (a page kept at a low resolution), in the desk's language."""
    return [error_text(MotcuaError(kind, kind=kind, params=params)) for kind, params in captured.page.warnings]


def qimage_of(image: Image.Image) -> QImage:
    """A deep copy of a PIL image as a QImage (the bytes object would otherwise vanish)."""
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    return QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888).copy()


class ThumbStrip(QListWidget):
    """Icon-mode list of page thumbnails, reorderable by dragging or Ctrl+Left/Right."""

    move_requested = Signal(int, int)  # index, delta
    rotate_requested = Signal(int)
    remove_requested = Signal(int)
    open_requested = Signal(int)
    reordered = Signal(list)  # page uids in the new order, after a drag and drop

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Snap)
        self.setIconSize(QSize(THUMB_SIDE_PX, THUMB_SIDE_PX))
        self.setGridSize(QSize(THUMB_SIDE_PX + 16, THUMB_SIDE_PX + 28))
        self.setSpacing(4)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumHeight(THUMB_SIDE_PX + 40)
        self.itemActivated.connect(lambda item: self.open_requested.emit(self.row(item)))

    def show_pages(self, pages: Sequence[CapturedPage], current: int = -1) -> None:
        self.clear()
        for number, captured in enumerate(pages, start=1):
            warnings = page_warnings(captured)
            caption = self.tr("Page %1").replace("%1", str(number))
            item = QListWidgetItem(QIcon(QPixmap.fromImage(qimage_of(captured.oriented_thumb()))),
                                   f"⚠ {caption}" if warnings else caption)
            if warnings:  # why the page may read poorly, and what to do, on the page itself
                item.setToolTip("\n".join(warnings))
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, "\n".join(warnings))
            item.setData(UidRole, captured.uid)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
        if pages:
            self.setCurrentRow(max(0, min(current, len(pages) - 1)))

    def uids(self) -> list[int]:
        return [int(self.item(i).data(UidRole)) for i in range(self.count())]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        row = self.currentRow()
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if row >= 0:
            if ctrl and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                self.move_requested.emit(row, -1 if key == Qt.Key.Key_Left else 1)
                return
            if key == Qt.Key.Key_R and not ctrl:
                self.rotate_requested.emit(row)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove_requested.emit(row)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not ctrl:
                self.open_requested.emit(row)
                return
        super().keyPressEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        super().dropEvent(event)
        self.reordered.emit(self.uids())
