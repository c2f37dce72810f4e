"""Printing a dossier's receipt: read the dossier (store lane), render the PDF (IO lane), print.

The receipt PDF is rendered in memory by `app.forms.receipt.render_receipt` and painted page by
page onto a QPrinter, so no unencrypted copy of personal data is left on disk. With the setting
"printing.direct" the receipt goes straight to the default printer; otherwise a print preview
opens. A missing or failing printer only ever produces `print_failed`: the dossier is already
saved, and `print_receipt(code)` can be called again at any time ("Print again").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QBuffer
from PySide6.QtCore import QByteArray
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QIODevice
from PySide6.QtCore import QObject
from PySide6.QtCore import QRect
from PySide6.QtCore import QSize
from PySide6.QtCore import Signal
from PySide6.QtGui import QPageLayout
from PySide6.QtGui import QPageSize
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from app.errors import MotcuaError
from ui.tasks import TaskRunner

PRINT_DPI = 300  # enough for the receipt's small text and QR codes on any office printer
PAPER_SIZES = {"A5": QPageSize.PageSizeId.A5, "A4": QPageSize.PageSizeId.A4}
PrinterFactory = Callable[[], QPrinter | None]


def default_printer() -> QPrinter | None:
    """The system's default printer, or None when the computer has none."""
    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        available = QPrinterInfo.availablePrinters()
        if not available:
            return None
        info = available[0]
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def load_receipt(store: Any, code: str) -> tuple[Any, Any]:
    """Store lane: the dossier's view and the unit's receipt settings."""
    from app.forms.settings import receipt_settings
    from app.reception.views import load_dossier_view

    with store.read_session() as session:
        return load_dossier_view(session, code), receipt_settings(session)


def render_receipt_pdf(view: Any, settings: Any) -> bytes:
    """IO lane: the receipt PDF bytes on the unit's paper."""
    from app.forms.receipt import render_receipt

    return render_receipt(view, settings, paper=settings.paper)


def paint_pdf(pdf: bytes, printer: QPrinter, paper: str) -> str | None:
    """Paint every page of `pdf` on `printer`; None when done, else why not ("" = refused)."""
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        return QCoreApplication.translate("ReceiptPrinter", "the receipt PDF could not be read")
    printer.setPageSize(QPageSize(PAPER_SIZES.get(paper, QPageSize.PageSizeId.A5)))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        return ""  # the caller words this one: the printer refused the job
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport()
            points = document.pagePointSize(page)
            width = int(points.width() / 72 * PRINT_DPI)
            image = document.render(page, QSize(width, int(points.height() / 72 * PRINT_DPI)))
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
    finally:
        painter.end()
    return None


class ReceiptPrinter(QObject):
    """One print job at a time per call; outcome as `printed(code)` or `print_failed(code, why)`."""

    printed = Signal(str)
    print_failed = Signal(str, str)

    def __init__(self, store: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.parent_widget = parent
        self.direct = False
        self.printer_factory: PrinterFactory = default_printer
        self.last_pdf: bytes = b""
        self.preview: QPrintPreviewDialog | None = None

    def print_receipt(self, code: str) -> None:
        store = self.store
        self.runner.run_db(lambda: load_receipt(store, code),
                           lambda loaded: self._render(code, *loaded),
                           lambda exc: self._failed(code, exc))

    def _render(self, code: str, view: Any, settings: Any) -> None:
        self.runner.run_io(lambda: render_receipt_pdf(view, settings),
                           lambda pdf: self._send(code, pdf, settings.paper),
                           lambda exc: self._failed(code, exc))

    def _failed(self, code: str, exc: BaseException) -> None:
        if not isinstance(exc, (MotcuaError, OSError)):
            from ui.errors import report_unexpected

            report_unexpected(exc)
        reason = exc.message if isinstance(exc, MotcuaError) else str(exc)
        self.print_failed.emit(code, reason)

    def _send(self, code: str, pdf: bytes, paper: str) -> None:
        self.last_pdf = pdf
        printer = self.printer_factory()
        if printer is None:
            self.print_failed.emit(code, self.tr("no printer is set up on this computer"))
            return
        if self.direct:
            self._finish(code, paint_pdf(pdf, printer, paper))
            return
        dialog = QPrintPreviewDialog(printer, self.parent_widget)
        dialog.setWindowTitle(self.tr("Receipt %1").replace("%1", code))
        outcome: list[str | None] = []
        dialog.paintRequested.connect(lambda target: outcome.append(paint_pdf(pdf, target, paper)))
        dialog.finished.connect(lambda result: self._preview_closed(code, result, outcome))
        self.preview = dialog
        dialog.open()

    def _preview_closed(self, code: str, result: int, outcome: list[str | None]) -> None:
        self.preview = None
        if not result:
            self.print_failed.emit(code, self.tr("printing was cancelled"))
            return
        self._finish(code, outcome[-1] if outcome else "")

    def _finish(self, code: str, outcome: str | None) -> None:
        if outcome is None:
            self.printed.emit(code)
        else:
            self.print_failed.emit(code, outcome or self.tr("the printer did not accept the receipt"))
