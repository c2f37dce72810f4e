"""The capture panel beside the reception checklist: scan, import or photograph the current document.

It follows the checklist's current row. New pages are processed on the IO lane, shown as
thumbnails, and after every change (new pages, move, turn, delete) the document's one PDF is
rebuilt on the IO lane and handed to the checklist as its only captured page, so what is
confirmed is exactly what the strip shows. The label under the strip gives the dossier's total
upload size. A chip-ID QR found on a page of the ID-card document is reported with `qr_found`.

Scanners are listed once per run in the background (a SANE listing probes the network for
seconds) and the device last used is remembered in the store setting "capture.device".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QLocale
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import options
from app.capture.pages import PageKind
from app.capture.sources import DeviceListing
from app.capture.sources import ScanSettings
from app.capture.sources import SourceRegistry
from app.capture.sources.settings import ScannerSettings
from app.capture.sources.settings import read_scanner_settings
from app.errors import MotcuaError
from app.reception.model import PageInput
from ui.reception.capture import pages as capture
from ui.reception.capture.problem_text import capture_error_text
from ui.reception.capture.thumbs import ThumbStrip
from ui.reception.documents_section import DocumentsSection
from ui.tasks import TaskRunner
from ui.widgets.file_dialogs import open_file_names
from ui.widgets.form_field import ERROR_STYLE

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

DEVICE_SETTING = options.SCAN_DEVICE.key
SCANNER_SOURCES = ("sane", "escl", "wia", "folder")  # files have their own button
DOCUMENT_DPI, ID_CARD_DPI = 200, 300
PhotoChooser = Callable[[QWidget], list[Path]]


def _default_registry(settings: ScannerSettings) -> SourceRegistry:
    from app.capture.sources import default_registry

    return default_registry(escl_addresses=settings.escl_addresses,
                            folders=[Path(folder) for folder in settings.folders])


# Replaced in tests (a registry with only the SANE test device).
registry_factory: Callable[[ScannerSettings], SourceRegistry] = _default_registry
_listing: DeviceListing | None = None  # one listing per run: scanners seldom come and go mid-shift


def _page_bytes(store: Store, page: PageInput) -> int:
    """Size of a page not captured here: a sealed page (from a draft) or a file on disk; a page
    that has vanished counts 0 here (the confirmation names it)."""
    try:
        if page.blob:
            return store.blobs.plain_size(page.blob)
        return Path(page.path).stat().st_size
    except (OSError, MotcuaError):
        return 0


def choose_capture_files(parent: QWidget) -> list[Path]:
    files = open_file_names(
        parent, QCoreApplication.translate("CapturePanel", "Import files or phone photos"),
        QCoreApplication.translate("CapturePanel", "Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff "
                                                   "*.bmp *.pdf);;All files (*)"))
    return [Path(name) for name in files]


def size_text(size: int) -> str:
    locale = QLocale()
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{round(size / 1000)} kB"
    return f"{locale.toString(size / 1_000_000, 'f', 1)} MB"


class CapturePanel(QWidget):
    """Pages of the checklist's current document, and the buttons that capture more."""

    qr_found = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, store: Store, runner: TaskRunner, documents: DocumentsSection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner, self.documents = store, runner, documents
        self.file_chooser: PhotoChooser = choose_capture_files
        self.ocr = True
        self.book = capture.CaptureBook()
        self._registry: SourceRegistry | None = None
        self._remembered = ""
        self._jobs = 0
        self._build()
        model = documents.model
        model.modelReset.connect(self._documents_replaced)
        model.dataChanged.connect(lambda *_args: self._show_totals())
        documents.table.selectionModel().currentRowChanged.connect(lambda *_args: self.show_current())
        self.show_current()

    # -- construction ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.heading)
        row = QHBoxLayout()
        self.devices = QComboBox()
        self.devices.setMinimumContentsLength(14)
        self.devices.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.devices.setToolTip(self.tr("Scanner"))
        self.devices.addItem(self.tr("Looking for scanners…"), "")  # until `list_devices` answers
        self.scan_button = QPushButton(self.tr("Scan (F8)"))
        self.scan_button.clicked.connect(self.scan)
        row.addWidget(self.devices, 1)
        row.addWidget(self.scan_button)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import files / phone photo…"))
        self.import_button.clicked.connect(lambda: self.import_files())
        self.webcam_button = QPushButton(self.tr("Webcam…"))
        self.webcam_button.clicked.connect(self.open_webcam)
        row.addWidget(self.import_button)
        row.addWidget(self.webcam_button)
        row.addStretch(1)
        layout.addLayout(row)
        # Size, progress and problems above the thumbnails: always in view, however many pages.
        self.totals = QLabel()
        self.totals.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.totals)
        self.status = QLabel()
        self.status.setStyleSheet("color: #555; font-style: italic;")
        self.status.hide()
        layout.addWidget(self.status)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.strip = ThumbStrip()
        self.strip.move_requested.connect(self.move_page)
        self.strip.rotate_requested.connect(self.rotate_page)
        self.strip.remove_requested.connect(self.remove_page)
        self.strip.open_requested.connect(self.open_viewer)
        self.strip.reordered.connect(self._reordered)
        layout.addWidget(self.strip, 1)
        hint = QLabel(self.tr("Ctrl+←/→ move · R rotate · Delete remove · Enter view"))
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)

    # -- devices --------------------------------------------------------------------------------
    def load(self) -> None:
        """List the scanners (once per run, in the background) and recall the last one used."""
        store = self.store
        self.runner.run_db(lambda: store.get_setting(DEVICE_SETTING, ""), self._device_recalled,
                           lambda _exc: None)
        if _listing is not None:
            self._show_devices(_listing)
            return
        self.devices.clear()
        self.devices.addItem(self.tr("Looking for scanners…"), "")
        self.runner.run_io(lambda: self.registry().list_devices(), self._listed, self._failed)

    def registry(self) -> SourceRegistry:
        """The scanners of this desk (built once, on the IO lane: reading settings is a store read)."""
        if self._registry is None:
            self._registry = registry_factory(read_scanner_settings(self.store))
        return self._registry

    def refresh_devices(self) -> None:
        """The scanner settings changed: list the devices again."""
        global _listing
        _listing, self._registry = None, None
        self.load()

    def _listed(self, listing: DeviceListing) -> None:
        global _listing
        _listing = listing
        self._show_devices(listing)

    def _device_recalled(self, device_id: object) -> None:
        self._remembered = device_id if isinstance(device_id, str) else ""
        self._select_device(self._remembered)

    def _show_devices(self, listing: DeviceListing) -> None:
        self.devices.clear()
        for device in listing.devices:
            if device.source in SCANNER_SOURCES:
                self.devices.addItem(device.name, device.id)
                self.devices.setItemData(self.devices.count() - 1, device.id, Qt.ItemDataRole.ToolTipRole)
        if not self.devices.count():
            self.devices.addItem(self.tr("No scanner found"), "")
        self._select_device(self._remembered)
        self.scan_button.setEnabled(bool(self.devices.currentData()))

    def _select_device(self, device_id: str) -> None:
        index = self.devices.findData(device_id) if device_id else -1
        if index >= 0:
            self.devices.setCurrentIndex(index)

    # -- following the checklist ----------------------------------------------------------------
    def current_row(self) -> int:
        return self.documents.table.currentIndex().row()

    def show_current(self, current_page: int = -1) -> None:
        row = self.current_row()
        document = self.documents.model.document_at(row)
        self.heading.setText(self.tr("Pages of: %1").replace("%1", document.name) if document
                             else self.tr("Choose a document in the checklist to capture its pages."))
        for button in (self.scan_button, self.import_button, self.webcam_button):
            button.setEnabled(document is not None)
        self.scan_button.setEnabled(document is not None and bool(self.devices.currentData()))
        self.webcam_button.setEnabled(document is not None and self._camera_available())
        self.strip.show_pages(self.book.pages(row) if document else [], current_page)
        self._show_totals()

    def _camera_available(self) -> bool:
        from ui.reception.capture.webcam_dialog import camera_available

        return camera_available()

    def _documents_replaced(self) -> None:
        """A new procedure, a loaded draft or a fresh form: captured pages belong to the old list."""
        self.book.discard()
        self.book = capture.CaptureBook()
        self.show_message("")
        self.show_current()

    def finish(self) -> None:
        """The dossier was confirmed: its sealed PDFs now belong to it; start a new book."""
        self.book = capture.CaptureBook()

    # -- capturing ------------------------------------------------------------------------------
    def _kind_of(self, row: int) -> PageKind:
        document = self.documents.model.document_at(row)
        return "id_card" if document is not None and capture.is_identity_document(document.name) else "document"

    def scan(self) -> None:
        row, device_id = self.current_row(), self.devices.currentData()
        if self.documents.model.document_at(row) is None or not device_id:
            return
        if device_id != self._remembered:
            self._remembered = device_id
            store = self.store
            self.runner.run_db(lambda: store.set_setting(DEVICE_SETTING, device_id), None, lambda _exc: None)
        kind = self._kind_of(row)
        settings = ScanSettings(dpi=ID_CARD_DPI if kind == "id_card" else DOCUMENT_DPI, colour="color")
        acquire = self.registry().acquire
        self._start(row, lambda: capture.scan_pages(acquire, device_id, settings, kind=kind,
                                                    look_for_qr=kind == "id_card"),
                    self.tr("Scanning…"))

    def import_files(self, paths: list[Path] | None = None, *, focus: bool = True) -> None:
        """Read image/PDF files into the current document's pages; `focus` moves the keyboard to
        the pages (not for Ctrl+O in the checklist, where the official goes on ticking)."""
        row = self.current_row()
        if self.documents.model.document_at(row) is None:
            return
        chosen = list(paths) if paths is not None else self.file_chooser(self)
        if not chosen:
            return
        kind = self._kind_of(row)
        self._start(row, lambda: capture.import_files(chosen, kind=kind, look_for_qr=kind == "id_card"),
                    self.tr("Reading %1 file(s)…").replace("%1", str(len(chosen))), focus=focus)

    def open_webcam(self) -> None:
        from ui.reception.capture.webcam_dialog import WebcamDialog

        row = self.current_row()
        if self.documents.model.document_at(row) is None:
            return
        dialog = WebcamDialog(self)
        kind = self._kind_of(row)
        dialog.pages_taken.connect(lambda raws: self._start(
            row, lambda: capture.process_raws([capture.as_kind(raw, kind) for raw in raws],
                                              look_for_qr=kind == "id_card"),
            self.tr("Processing the photos…")))
        dialog.open()

    def _start(self, row: int, job: Callable[[], capture.Outcome], status: str, *, focus: bool = True) -> None:
        book = self.book
        self._set_busy(+1, status)
        self.runner.run_io(job, lambda outcome: self._captured(book, row, outcome, focus),
                           lambda exc: self._job_failed(exc))

    def _captured(self, book: capture.CaptureBook, row: int, outcome: capture.Outcome,
                  focus: bool = True) -> None:
        self._set_busy(-1)
        if book is not self.book:
            return  # the form was reset while this job ran
        self.show_message("\n".join(self._problem_lines(outcome)), error=bool(outcome.problems))
        if outcome.pages:
            book.add(row, outcome.pages)
            self._changed(row, len(book.pages(row)) - 1, focus=focus)
        if outcome.qr_text:
            self.qr_found.emit(outcome.qr_text)

    def _problem_lines(self, outcome: capture.Outcome) -> list[str]:
        if not outcome.problems:
            return []
        lines = [capture_error_text(problem) for problem in outcome.problems]
        lines.append(self.tr("%1 page(s) were kept.").replace("%1", str(len(outcome.pages))))
        return lines

    def _job_failed(self, exc: BaseException) -> None:
        self._set_busy(-1)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        from app.errors import MotcuaError
        from ui.errors import report_unexpected

        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.show_message(capture_error_text(exc), error=True)

    # -- page editing ---------------------------------------------------------------------------
    def move_page(self, index: int, delta: int) -> None:
        row = self.current_row()
        self._changed(row, self.book.move(row, index, delta))

    def rotate_page(self, index: int) -> None:
        row = self.current_row()
        self.book.rotate(row, index)
        self._changed(row, index)

    def remove_page(self, index: int) -> None:
        row = self.current_row()
        self.book.remove(row, index)
        self._changed(row, index)

    def _reordered(self, uids: list[int]) -> None:
        row = self.current_row()
        self.book.reorder(row, uids)
        self._changed(row, self.strip.currentRow())

    def open_viewer(self, index: int) -> None:
        from ui.reception.capture.viewer import PageViewer

        pages = self.book.pages(self.current_row())
        if 0 <= index < len(pages):
            viewer = PageViewer(self.runner, pages, index, self)
            viewer.open()

    # -- the document's PDF ---------------------------------------------------------------------
    def _changed(self, row: int, current_page: int, *, focus: bool = True) -> None:
        """Show the new arrangement at once; rebuild the document's PDF in the background."""
        if row == self.current_row():
            self.strip.show_pages(self.book.pages(row), current_page)
            if focus:
                self.strip.setFocus()
        book, pages = self.book, list(self.book.pages(row))
        generation = book.next_build(row)
        document = self.documents.model.document_at(row)
        if not pages:
            book.accept(row, generation, None, 0)
            self._hand_over(row, None)
            return
        title, ocr, blobs = (document.name if document else ""), self.ocr, self.store.blobs
        self._set_busy(+1, self.tr("Building the PDF…"))
        self.runner.run_io(lambda: capture.build_pdf(pages, title, blobs=blobs, ocr=ocr),
                           lambda built: self._built(book, row, generation, *built),
                           lambda exc: self._build_failed(book, row, generation, exc))

    def _built(self, book: capture.CaptureBook, row: int, generation: int, sha256: str, size: int) -> None:
        self._set_busy(-1)
        if book is self.book and book.accept(row, generation, sha256, size):
            self._hand_over(row, sha256)

    def _build_failed(self, book: capture.CaptureBook, row: int, generation: int, exc: BaseException) -> None:
        self._set_busy(-1)
        if book is self.book and book.generation.get(row) == generation:
            self._failed(exc)

    def _hand_over(self, row: int, sha256: str | None) -> None:
        """The document's pages: files attached otherwise, then the captured pages' one PDF."""
        document = self.documents.model.document_at(row)
        if document is None:
            return
        kept = [page for page in document.pages if not self.book.owns(page)]
        if sha256 is not None:
            kept.append(PageInput(Path(), "application/pdf", blob=sha256))
        self.documents.model.set_pages(row, kept)
        self._show_totals()

    # -- status ---------------------------------------------------------------------------------
    def upload_bytes(self) -> int:
        """The dossier's upload size: captured PDFs as built, other pages as stored or on disk."""
        total = sum(self.book.sizes.values())
        for document in self.documents.model.documents():
            for page in document.pages:
                if not self.book.owns(page):
                    total += _page_bytes(self.store, page)
        return total

    def _show_totals(self) -> None:
        count = len(self.book.pages(self.current_row()))
        text = self.tr("%1 page(s) in this document · Total upload size: %2")
        self.totals.setText(text.replace("%1", str(count)).replace("%2", size_text(self.upload_bytes())))

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20;")
        self.message.setVisible(bool(text))

    @property
    def busy(self) -> bool:
        return self._jobs > 0

    def _set_busy(self, delta: int, status: str = "") -> None:
        self._jobs += delta
        if status:
            self.status.setText(status)
        self.status.setVisible(self._jobs > 0)
        self.busy_changed.emit(self.busy)
