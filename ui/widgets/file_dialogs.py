"""Open and save file choosers that speak Vietnamese and date files dd/MM/yyyy HH:mm.

Where the system has its own file dialog (Windows, a desktop portal) Qt uses it and the
system's language and date settings apply. Elsewhere Qt draws its own dialog: its words come
from our qtbase_vi catalogue, and its Date Modified column would follow the system locale
(often C: "7 12 2026 01:36", "9 bytes"), so a proxy model writes dates the way the rest of the
desk does and sizes in the desk's language.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtCore import QIdentityProxyModel
from PySide6.QtCore import QLocale
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QFileSystemModel
from PySide6.QtWidgets import QTreeView
from PySide6.QtWidgets import QWidget

from ui.dates import DATE_TIME_FORMAT

# QFileSystemModel's columns: name, size, type, date modified.
SIZE_COLUMN = 1
TYPE_COLUMN = 2
DATE_COLUMN = 3


class FileDatesProxy(QIdentityProxyModel):
    """QFileSystemModel with Date Modified as dd/MM/yyyy HH:mm and sizes as "1,2 kB".

    QFileSystemModel formats both with the system locale, not the desk's language."""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        source = self.sourceModel()
        if role != Qt.ItemDataRole.DisplayRole or not isinstance(source, QFileSystemModel):
            return super().data(index, role)
        if index.column() == DATE_COLUMN:
            modified = source.lastModified(self.mapToSource(index))
            if isinstance(modified, QDateTime) and modified.isValid():
                return modified.toString(DATE_TIME_FORMAT)
        if index.column() == SIZE_COLUMN and not source.isDir(self.mapToSource(index)):
            return QLocale().formattedDataSize(source.size(self.mapToSource(index)), 1,
                                               QLocale.DataSizeFormat.DataSizeSIFormat)
        return super().data(index, role)


def file_dialog(parent: QWidget | None, title: str, directory: str, filters: str, *,
                save: bool = False, many: bool = False, native: bool = True) -> QFileDialog:
    """A file chooser ready to `exec()`; `native=False` forces Qt's own dialog (tests, previews)."""
    dialog = QFileDialog(parent, title, directory, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    if save:
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile)
    if not native:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    # Only Qt's own dialog uses the proxy; a system dialog ignores it.
    dialog.setProxyModel(FileDatesProxy(dialog))
    view = dialog.findChild(QTreeView, "treeView")
    if view is not None:
        # Qt's default widths cut "24/11/2026 15:15" to "24/11/... 15:15" and "Tài liệu PDF" too.
        metrics = view.fontMetrics()
        for column, widest in ((SIZE_COLUMN, "999,9 MB"), (TYPE_COLUMN, "Tài liệu PDF"),
                               (DATE_COLUMN, "00/00/0000 00:00")):
            padding = 4 * metrics.averageCharWidth()
            view.header().resizeSection(column, metrics.horizontalAdvance(widest) + padding)
    return dialog


def _chosen(dialog: QFileDialog) -> list[str]:
    return dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []


def open_file_names(parent: QWidget | None, title: str, filters: str) -> list[str]:
    """Existing files the official picked; [] when cancelled."""
    return _chosen(file_dialog(parent, title, "", filters, many=True))


def open_file_name(parent: QWidget | None, title: str, filters: str) -> str:
    """One existing file; '' when cancelled."""
    chosen = _chosen(file_dialog(parent, title, "", filters))
    return chosen[0] if chosen else ""


def save_file_name(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """Where to save; '' when cancelled."""
    chosen = _chosen(file_dialog(parent, title, suggested, filters, save=True))
    return chosen[0] if chosen else ""
