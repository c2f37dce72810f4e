"""Showing and printing an official form of a dossier: the receipt after every confirmation, and
any form of a stored dossier from its detail ("Reprint").

The form is read on the store lane (`app.forms.render.prepare_form`), rendered to PDF bytes on
the IO lane and shown in the in-app viewer (ui/widgets/pdf_viewer.py) whether or not a printer
exists, so the official always sees the receipt and can save it as PDF. The bytes stay in
memory and are painted page by page onto a QPrinter: no unencrypted copy of personal data is
left on disk. With the setting "printing.direct" the receipt also goes straight to the default
printer; otherwise Print in the viewer opens Qt's print preview (printer, paper, copies).
A missing or failing printer only ever produces `print_failed`: the dossier is already saved,
and the form can be shown and printed again at any time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

PRINT_DPI = 300  # enough for the receipt's small text and QR codes on any office printer
PAPER_SIZES = {"A5": QPageSize.PageSizeId.A5, "A4": QPageSize.PageSizeId.A4}
RECEIPT_FORM = "01"
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


@dataclass(frozen=True)
class ShownForm:
    """One rendered form of one dossier, as the viewer shows it and the printer prints it."""

    code: str
    form: str
    name: str  # the form's title, e.g. "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
    pdf: bytes
    paper: str  # "A5" | "A4"


def load_form(store: Store, code: str, form: str) -> Any:
    """Store lane: what form `form` of dossier `code` needs (an app.forms.render.FormJob)."""
    from app.forms.render import prepare_form

    with store.read_session() as session:
        return prepare_form(session, code, form)


def render_form(code: str, form: str, job: Any) -> ShownForm:
    """IO lane: the PDF bytes, in memory."""
    return ShownForm(code, form, job.template.name, job.render(), job.paper)


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


class ReceiptPreview(QPrintPreviewDialog):
    """Qt's print preview that holds its printer for as long as the dialog exists.

    QPrintPreviewDialog(printer) does not own `printer`: the pages it shows are recorded in the
    printer's preview engine and replayed at every paint (QPainter::drawPicture). Handed a
    printer that was only a local variable, the dialog outlived it: Python freed the QPrinter
    when the call returned and the next paint read freed memory (SIGSEGV in QBuffer::size ←
    QPicture::play). Kept as an attribute of this Python subclass, the printer lives as long as
    the wrapper, which PySide keeps while the C++ dialog exists, so it is freed only after the
    dialog's destructor has run.
    """

    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        self.held_printer = printer


class ReceiptPrinter(QObject):
    """Shows forms in the viewer and prints them; outcome as `printed` or `print_failed`."""

    printed = Signal(str)  # dossier code
    print_failed = Signal(str, str)  # dossier code, why
    viewer_shown = Signal(object)  # the PdfViewer now open

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.parent_widget = parent
        self.direct = False
        self.printer_factory: PrinterFactory = default_printer
        self.last_pdf: bytes = b""
        self.preview: ReceiptPreview | None = None
        self.viewer: Any = None  # ui.widgets.pdf_viewer.PdfViewer

    # -- showing --------------------------------------------------------------------------------
    def show_form(self, code: str, form: str = RECEIPT_FORM, *, print_now: bool = False) -> None:
        """Render form `form` of dossier `code` and show it; with `print_now` and the direct
        setting, also send it to the printer straight away."""
        store = self.store
        self.runner.run_db(lambda: load_form(store, code, form),
                           lambda job: self._render(code, form, job, print_now),
                           lambda exc: self._failed(code, exc))

    def _render(self, code: str, form: str, job: Any, print_now: bool) -> None:
        self.runner.run_io(lambda: render_form(code, form, job),
                           lambda shown: self._show(shown, print_now),
                           lambda exc: self._failed(code, exc))

    def _show(self, shown: ShownForm, print_now: bool) -> None:
        from ui.widgets.pdf_viewer import PdfViewer

        self.last_pdf = shown.pdf
        if self.viewer is not None:
            self.viewer.close()
        why_not = None if self._probe_printer() else self.tr(
            "No printer is set up on this computer: save the form as PDF and print it elsewhere.")
        viewer = PdfViewer(shown, self.runner, why_not_print=why_not, parent=self.parent_widget)
        viewer.print_requested.connect(lambda: self.print_form(shown))
        viewer.finished.connect(lambda _result: self._viewer_closed(viewer))
        self.viewer = viewer
        viewer.open()
        self.viewer_shown.emit(viewer)
        if print_now and self.direct:
            self.print_form(shown)
        elif why_not is not None and print_now:
            self.print_failed.emit(shown.code, self.tr("no printer is set up on this computer"))

    def _viewer_closed(self, viewer: Any) -> None:
        if self.viewer is viewer:
            self.viewer = None
        viewer.deleteLater()
        if self.parent_widget is not None:
            # Back to the screen the viewer was opened from, keyboard and all (Ctrl+N, the
            # next citizen), whatever the window manager does with a closed dialog.
            self.parent_widget.window().activateWindow()

    def _probe_printer(self) -> bool:
        return self.printer_factory() is not None

    def _failed(self, code: str, exc: BaseException) -> None:
        if not isinstance(exc, (MotcuaError, OSError)):
            from ui.errors import report_unexpected

            report_unexpected(exc)
        from ui.errors import error_text

        self.print_failed.emit(code, error_text(exc))

    # -- printing -------------------------------------------------------------------------------
    def print_form(self, shown: ShownForm) -> None:
        """Send `shown` to the printer: straight away with the direct setting, else through
        Qt's print preview."""
        printer = self.printer_factory()
        if printer is None:
            self._finish(shown.code, self.tr("no printer is set up on this computer"))
            return
        if self.direct:
            self._finish(shown.code, paint_pdf(shown.pdf, printer, shown.paper))
            return
        parent = self.viewer if self.viewer is not None else self.parent_widget
        dialog = ReceiptPreview(printer, parent)
        del printer  # from here on the dialog holds it (see ReceiptPreview)
        dialog.setWindowTitle(self.tr("Receipt %1").replace("%1", shown.code))
        outcome: list[str | None] = []
        dialog.paintRequested.connect(lambda target: outcome.append(paint_pdf(shown.pdf, target, shown.paper)))
        dialog.finished.connect(lambda result: self._preview_closed(dialog, shown.code, result, outcome))
        # The previous preview (already closed and deleted by Qt) is released only now, never
        # from inside its own signal.
        self.preview = dialog
        dialog.open()

    def _preview_closed(self, dialog: ReceiptPreview, code: str, result: int,
                        outcome: list[str | None]) -> None:
        dialog.deleteLater()
        if not result:
            self._finish(code, self.tr("printing was cancelled"))
            return
        self._finish(code, outcome[-1] if outcome else "")

    def _finish(self, code: str, outcome: str | None) -> None:
        if outcome is None:
            self.printed.emit(code)
        else:
            outcome = outcome or self.tr("the printer did not accept the receipt")
            self.print_failed.emit(code, outcome)
        if self.viewer is not None:
            self.viewer.show_print_outcome(outcome)
