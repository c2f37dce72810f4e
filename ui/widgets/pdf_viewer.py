"""The in-app viewer of a rendered form (the receipt after a confirmation, a reprint from the
dossier detail): every page as it will print, with Print, Save as PDF and Close.

The PDF is shown from memory with QtPdf (QPdfDocument over a QBuffer, both owned by the
dialog so they live exactly as long as the view that paints them); nothing is written to disk
unless the official saves a copy. Keyboard: Ctrl+P print · Ctrl+S save as PDF · Esc close ·
+ / - zoom · 0 fit the width.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer
from PySide6.QtCore import QByteArray
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QIODevice
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import QKeyEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import MotcuaError
from ui.tasks import TaskRunner
from ui.widgets.form_field import ERROR_STYLE

OK_STYLE = "color: #1d5c2e; font-weight: 600;"
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)
SCREEN_MARGIN = 40  # px left for a window frame and a task bar the available geometry may miss
# (parent, suggested file name) -> the chosen path, or None when the official cancelled.
SaveChooser = Callable[[QWidget, str], Path | None]


def choose_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("PdfViewer", "Save as PDF"), str(Path.home() / suggested),
        QCoreApplication.translate("PdfViewer", "PDF files (*.pdf)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def suggested_name(code: str, form: str) -> str:
    """'mau-01-000.00.06.H56-261207-0001.pdf': the form and the dossier, safe in any folder."""
    safe = "".join(ch if ch.isalnum() or ch in ".-" else "-" for ch in code)
    return f"mau-{form}-{safe}.pdf"


def fitted(wanted: QSize, near: QWidget | None) -> QSize:
    """`wanted`, shrunk to the screen the window opens on: on a 1366×768 desk laptop a 900 px
    viewer put its Print, Save and Close buttons below the screen's edge."""
    screen = near.screen() if near is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size() - QSize(SCREEN_MARGIN, SCREEN_MARGIN)
    return wanted.boundedTo(room)


def write_pdf(path: Path, data: bytes) -> Path:
    """IO lane: the copy the official asked for, written whole or not at all."""
    from app.files import write_atomically

    return write_atomically(path, data, what="file")


class PdfViewer(QDialog):
    """One form of one dossier on screen; `print_requested` asks the owner to print it."""

    print_requested = Signal()
    saved = Signal(object)  # Path

    def __init__(self, shown: Any, runner: TaskRunner, *, why_not_print: str | None = None,
                 title: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown = shown  # ui.reception.printing.ShownForm, or anything with the same fields
        self.runner = runner
        self.save_chooser: SaveChooser = choose_save_path
        # `title` for a document that is not one dossier's form (the Báo cáo page's report).
        self.setWindowTitle(title or self.tr("%1 — dossier %2").replace("%1", shown.name).replace("%2", shown.code))
        self.resize(fitted(QSize(760, 900), parent))
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(shown.pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        layout = QVBoxLayout(self)
        heading = QLabel(self.windowTitle())
        heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        layout.addWidget(self.view, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons(why_not_print))
        if why_not_print:
            self.show_status(why_not_print, error=True)
        self.close_button.setFocus()

    def _buttons(self, why_not_print: str | None) -> QHBoxLayout:
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print (Ctrl+P)"))
        self.print_button.clicked.connect(self.request_print)
        self.print_button.setEnabled(why_not_print is None)
        if why_not_print:
            self.print_button.setToolTip(why_not_print)
        self.save_button = QPushButton(self.tr("&Save as PDF (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_as)
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        self.pages_label = QLabel(self.tr("%1 page(s)").replace("%1", str(self.document.pageCount())))
        row.addWidget(self.pages_label)
        for keys, slot in (("Ctrl+P", self.request_print), ("Ctrl+S", self.save_as)):
            QShortcut(QKeySequence(keys), self, slot)
        return row

    @property
    def pages(self) -> int:
        return self.document.pageCount()

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else OK_STYLE)

    # -- actions --------------------------------------------------------------------------------
    def request_print(self) -> None:
        if not self.print_button.isEnabled():
            return  # no printer: the status line already says so
        self.show_status(self.tr("Printing…"))
        self.print_requested.emit()

    def show_print_outcome(self, failure: str | None) -> None:
        """None: printed; otherwise why not."""
        if failure is None:
            self.show_status(self.tr("Sent to the printer."))
        else:
            self.show_status(self.tr("Not printed: %1.").replace("%1", failure), error=True)

    def save_as(self) -> None:
        path = self.save_chooser(self, suggested_name(self.shown.code, self.shown.form))
        if path is None:
            return
        data = self.shown.pdf
        self.runner.run_io(lambda: write_pdf(path, data), self._saved, self._save_failed)

    def _saved(self, path: Path) -> None:
        self.show_status(self.tr("Saved: %1").replace("%1", str(path)))
        self.saved.emit(path)

    def _save_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            from ui.errors import report_unexpected

            report_unexpected(exc)
            return
        from ui.errors import error_text

        self.show_status(self.tr("Not saved: %1").replace("%1", error_text(exc)), error=True)

    # -- zoom -----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            factor = ZOOM_STEP if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) else 1 / ZOOM_STEP
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], self.view.zoomFactor() * factor)))
        elif key == Qt.Key.Key_0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            super().keyPressEvent(event)  # Esc closes (QDialog)
