"""The Reception page (Tiếp nhận): one screen from the citizen's ID card to a printed receipt.

The form (ui/reception/form.py) is what the official fills in; this page connects it to the
store: the catalogue and history for the picker, the live preview (appointment time, fee,
problems) after every change, returning applicants, drafts, the confirmation and the receipt.
Every store call runs on the store lane and every file read on the IO lane.

Shortcuts: Ctrl+Enter confirm · Ctrl+N new reception · Ctrl+O attach files to the current
document · Ctrl+Shift+A all documents received · Ctrl+P show (and print) the last receipt again ·
Ctrl+R continue the unfinished reception.

After every confirmation the receipt opens in the in-app viewer (ui/widgets/pdf_viewer.py),
printer or not; the result panel (code, printing outcome) stays until the next reception starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import options
from app.errors import MotcuaError
from app.ids import new_id
from app.reception.model import FieldProblem
from app.reception.model import ReceptionInvalid
from app.reception.model import ReceptionQuote
from app.reception.model import ReceptionRequest
from app.reception.model import ReceptionResult
from ui.errors import error_text
from ui.errors import report_unexpected
from ui.reception.drafts import DraftBanner
from ui.reception.drafts import DraftKeeper
from ui.reception.form import ReceptionForm
from ui.reception.printing import ReceiptPrinter
from ui.reception.problem_text import problem_text
from ui.reception.procedure_picker import read_picker_data
from ui.reception.summary_bar import ResultPanel
from ui.reception.summary_bar import SummaryBar
from ui.tasks import TaskRunner
from ui.widgets.file_dialogs import open_file_name
from ui.widgets.form_field import ERROR_STYLE

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

PREVIEW_DELAY_MS = 150
PRESENCE_KEYS = ("applicant.", "representative.")


def _translated(problems: list[FieldProblem]) -> list[FieldProblem]:
    return [FieldProblem(problem.field, problem_text(problem)) for problem in problems]


def _read_settings(store: Store) -> dict[str, Any]:
    return {"vietqr": store.get_setting(options.VIETQR_ACCOUNT.key),
            "direct": bool(store.get_setting(options.PRINT_DIRECT.key, options.PRINT_DIRECT.default))}


def _preview(store: Store, request: ReceptionRequest) -> ReceptionQuote:
    from app.reception.service import preview_reception

    with store.read_session() as session:
        return preview_reception(session, request)


def _find_applicant(store: Store, id_number: str) -> Any:
    from app.reception.service import find_applicant

    with store.read_session() as session:
        return find_applicant(session, id_number)


class ReceptionPage(QWidget):
    """The form, the draft banner, the result panel and the summary bar."""

    reception_confirmed = Signal(object)  # ReceptionResult
    preview_shown = Signal()

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.draft_id = new_id()
        self.quote: ReceptionQuote | None = None
        self.last_result: ReceptionResult | None = None
        self._show_all_problems = False
        self._confirming = False
        self.discard_question: QMessageBox | None = None
        self._preview_running = False
        self._preview_again = False
        self._build()
        self.drafts = DraftKeeper(store, runner, self._draft_request, self)
        self.drafts.draft_found.connect(self.banner.offer)
        self.drafts.draft_loaded.connect(self._draft_loaded)
        self.drafts.failed.connect(self._show_alert)
        self.printer = ReceiptPrinter(store, runner, self)
        self.printer.printed.connect(lambda _code: self.result.show_printed())
        self.printer.print_failed.connect(lambda _code, why: self.result.show_print_failed(why))
        # Coalesces bursts of changes (typing) into one preview on the store lane.
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._connect()
        self._shortcuts()

    # -- construction ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        heading = QLabel(self.tr("Receive a dossier"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(heading)
        self.banner = DraftBanner()
        layout.addWidget(self.banner)
        self.form = ReceptionForm()
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        self.scroll = scroll
        self.alert = QLabel()
        self.alert.setStyleSheet(ERROR_STYLE + " font-weight: 600;")
        self.alert.setWordWrap(True)
        self.alert.hide()
        layout.addWidget(self.alert)
        self.result = ResultPanel()
        layout.addWidget(self.result)
        self.summary = SummaryBar()
        layout.addWidget(self.summary)
        self.setFocusProxy(self.form.picker)
        from ui.reception.capture.capture_panel import CapturePanel

        self.capture = CapturePanel(self.store, self.runner, self.form.documents)
        self.form.documents.set_side_panel(
            self.capture, lambda paths: self.capture.import_files(paths, focus=False))

    def _connect(self) -> None:
        self.form.changed.connect(self._form_changed)
        self.form.picker.search.textEdited.connect(lambda _text: self._next_started())
        self.form.last_field_entered.connect(self.confirm)
        self.form.applicant.id_number_completed.connect(self._look_up_applicant)
        self.form.applicant.wedge.payload_read.connect(lambda _text: self._after_qr())
        self.form.applicant.read_qr_file_requested.connect(self.read_qr_from_file)
        self.form.applicant.read_qr_webcam_requested.connect(self.read_qr_from_webcam)
        self.summary.confirm_requested.connect(self.confirm)
        self.result.reprint_requested.connect(self.reprint)
        self.banner.resume_requested.connect(self.drafts.load)
        self.banner.discard_requested.connect(self._discard_offered)
        self.capture.qr_found.connect(self._scanned_qr_found)

    def _shortcuts(self) -> None:
        actions = {"Ctrl+Return": self.confirm, "Ctrl+Enter": self.confirm, "Ctrl+N": self.new_reception,
                   "Ctrl+O": self.form.documents.attach_to_current,
                   "Ctrl+Shift+A": self.form.documents.mark_all_received, "Ctrl+P": self.reprint,
                   "Ctrl+R": self._resume_offered,
                   "F8": self.capture.scan}
        for keys, slot in actions.items():
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- loading --------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the catalogue, history and settings; offer an unfinished reception. The devices
        (`load_devices`) are looked for separately, once the first screen is painted."""
        store = self.store
        self.runner.run_db(lambda: read_picker_data(store), self.form.picker.set_data, self._failed)
        self.runner.run_db(lambda: _read_settings(store), self._settings_read, self._failed)
        self.drafts.look_for_drafts()

    def load_devices(self) -> None:
        """List the scanners (in the background, with the one used last) and check for a webcam.
        Neither is visible before the official picks a procedure and a document, and both cost
        the start: listing imports the network scanners' HTTP client, the camera check asks
        QtMultimedia."""
        from ui.reception.qr_sources import has_camera

        self.capture.load()
        try:
            camera = has_camera()
        except ImportError:  # QtMultimedia's system libraries are missing: no webcam support
            camera = False
        self.form.applicant.set_camera_available(camera)

    def _settings_read(self, settings: dict[str, Any]) -> None:
        vietqr = settings.get("vietqr")
        self.form.fees.vietqr = vietqr if isinstance(vietqr, dict) else None
        self.printer.direct = bool(settings.get("direct"))

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self._show_alert(error_text(exc))

    def _show_alert(self, text: str) -> None:
        self.alert.setText(text)
        self.alert.setVisible(bool(text))

    # -- live preview ---------------------------------------------------------------------------
    def _form_changed(self) -> None:
        if not self.form.is_blank():
            self._next_started()
        self._preview_timer.start()

    def _next_started(self) -> None:
        """The official started on the next citizen: the last reception's outcome (saved, printed
        or not) goes; it is kept in the dossier list, where the receipt can be reprinted."""
        self.result.hide()
        self.drafts.schedule()

    @property
    def preview_pending(self) -> bool:
        return self._preview_timer.isActive() or self._preview_running

    def refresh_preview(self) -> None:
        """Ask the service for appointment time, fee and problems of what is on screen now."""
        self._preview_timer.stop()
        if self._preview_running:
            self._preview_again = True
            return
        request, local = self.form.request(self.draft_id)
        self._preview_running = True
        store = self.store
        self.runner.run_db(lambda: _preview(store, request),
                           lambda quote: self._preview_done(quote, request, local), self._preview_failed)

    def _preview_done(self, quote: ReceptionQuote, request: ReceptionRequest, local: list[FieldProblem]) -> None:
        self._preview_running = False
        if request.draft_id != self.draft_id:  # the form was reset meanwhile: an old answer
            self._preview_again = False
            return
        self.quote = quote
        version = quote.procedure
        self.form.fees.show_quote(quote.fee, needs_pages=bool(version and version.fee.needs_pages))
        problems = local + _translated(quote.problems)
        self._apply_problems(problems, request, local)
        self.summary.show_preview(quote.due_at, self._fee_shown(request), problems,
                                  supplements=quote.needs_supplements, estimated=quote.due_estimated)
        self.preview_shown.emit()
        if self._preview_again:
            self._preview_again = False
            self.refresh_preview()

    def _fee_shown(self, request: ReceptionRequest) -> int | None:
        """The fee of the last preview as the summary bar shows it (None: not known yet)."""
        if request.payment_method == "exempt":
            return 0
        fee = self.quote.fee if self.quote is not None else None
        if fee is not None and fee.amount_vnd is not None:
            return fee.amount_vnd
        return request.fee_amount

    def _preview_failed(self, exc: BaseException) -> None:
        self._preview_running = False
        self._failed(exc)

    def _apply_problems(self, problems: list[FieldProblem], request: ReceptionRequest,
                        local: list[FieldProblem]) -> None:
        """Field messages: a wrong value at once, a missing one only after a confirm attempt."""
        shown: dict[str, str] = {}
        for problem in problems:
            if problem.field in shown:
                continue
            typed = problem in local or self._has_value(problem.field, request)
            if self._show_all_problems or typed:
                shown[problem.field] = problem.message
        self.form.show_problems(shown)

    @staticmethod
    def _has_value(field: str, request: ReceptionRequest) -> bool:
        for prefix, holder in (("applicant.", request.applicant), ("representative.", request.representative)):
            if field.startswith(prefix) and holder is not None:
                return bool(getattr(holder, field[len(prefix):], None))
        return False

    # -- applicant helpers ----------------------------------------------------------------------
    def _after_qr(self) -> None:
        if self.form.applicant.source == "qr":
            self.form.documents.mark_identity_shown()
            self.form.documents.setFocus()

    def _look_up_applicant(self, id_number: str) -> None:
        store = self.store
        self.runner.run_db(lambda: _find_applicant(store, id_number),
                           lambda known: known and self.form.applicant.offer_returning(known), self._failed)

    def read_qr_from_file(self, path: Path | None = None) -> None:
        from ui.reception.qr_sources import read_qr_file

        if path is None:
            name = open_file_name(
                self, self.tr("Read QR from image/PDF"),
                self.tr("Images and PDF (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.pdf)"))
            if not name:
                return
            path = Path(name)
        chosen = path
        self.runner.run_io(lambda: read_qr_file(chosen), self._qr_text_read, self._qr_failed)

    def read_qr_from_webcam(self) -> None:
        from ui.reception.qr_sources import WebcamGrabber
        from ui.reception.qr_sources import decode_image

        grabber = WebcamGrabber(self)
        grabber.failed.connect(lambda text: self.form.applicant.show_message(text, error=True))
        grabber.frame_captured.connect(lambda image: self.runner.run_io(
            lambda: decode_image(image), self._webcam_decoded, self._qr_failed))
        grabber.grab()

    def _webcam_decoded(self, texts: list[str]) -> None:
        if not texts:
            self.form.applicant.show_message(self.tr("No QR code in the camera picture; hold the card "
                                                     "closer and try again."), error=True)
            return
        self._qr_text_read(next((t for t in texts if "|" in t), texts[0]))

    def _qr_text_read(self, text: str) -> None:
        if self.form.applicant.apply_qr_text(text):
            self._after_qr()

    def _scanned_qr_found(self, text: str) -> None:
        """A chip-ID QR on a captured ID card page fills the applicant unless typed in by hand."""
        applicant = self.form.applicant
        typed = any(applicant.fields[key].text().strip() for key in ("full_name", "id_number"))
        if applicant.source == "qr" or not typed:
            self._qr_text_read(text)

    def _qr_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.form.applicant.show_message(error_text(exc), error=True)

    def go_to_problem(self, problem: FieldProblem) -> None:
        """Scroll to the section of `problem` and put the cursor there: on a 1366×768 screen the
        fee, delivery and channel sections sit below the fold, and a refused confirm must not
        leave the official hunting for what the summary bar names."""
        section = self.form.section_for(problem.field)
        self.scroll.ensureWidgetVisible(section, 0, 40)
        section.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- confirming -----------------------------------------------------------------------------
    def confirm(self) -> None:
        """Save the dossier (store lane), then print its receipt; the form stays filled on failure."""
        if self._confirming:
            return
        request, local = self.form.request(self.draft_id)
        if local:
            self._show_all_problems = True
            self._apply_problems(local, request, local)
            self.summary.show_preview(self.quote.due_at if self.quote else None, self._fee_shown(request), local)
            self.go_to_problem(local[0])
            return
        self._confirming = True
        self.summary.confirm_button.setEnabled(False)
        self.drafts.cancel()
        self._show_alert("")
        from app.reception.service import confirm_reception

        store = self.store
        self.runner.run_db(lambda: confirm_reception(store, request), self._confirmed, self._confirm_failed)

    def _confirmed(self, result: ReceptionResult) -> None:
        self._confirming = False
        self.summary.confirm_button.setEnabled(True)
        self.last_result = result
        self.result.show_saved(result.code, result.due_at, already=result.already_confirmed)
        self.reception_confirmed.emit(result)
        self.capture.finish()
        if self.form.picker.version is not None:
            self.form.picker.note_used(self.form.picker.version.code)
        self._reset_form()
        self.reprint()

    def _confirm_failed(self, exc: BaseException) -> None:
        self._confirming = False
        self.summary.confirm_button.setEnabled(True)
        if isinstance(exc, ReceptionInvalid):
            self._show_all_problems = True
            request, local = self.form.request(self.draft_id)
            problems = local + _translated(exc.problems)
            self._apply_problems(problems, request, local)
            self.summary.show_preview(self.quote.due_at if self.quote else None, self._fee_shown(request),
                                      problems)
            if problems:
                self.go_to_problem(problems[0])
            return
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
        self._show_alert(self.tr("The dossier was NOT saved: %1 The form is kept; confirm again.")
                         .replace("%1", error_text(exc)))
        self.drafts.schedule()

    def reprint(self) -> None:
        """Show the last receipt in the viewer; with the direct setting, print it straight away."""
        if self.last_result is None:
            return
        if self.printer.direct:
            self.result.show_printing()
        # Received incomplete: the request for supplements (form 02) instead of the receipt.
        form = "02" if self.last_result.needs_supplements else "01"
        self.printer.show_form(self.last_result.code, form, print_now=True)

    # -- new reception and drafts ---------------------------------------------------------------
    def new_reception(self) -> None:
        """Ctrl+N: start afresh; what was on the form stays available as a draft."""
        if not self.form.is_blank():
            self.drafts.save_now()
        self.result.hide()
        self._reset_form()

    def _reset_form(self) -> None:
        self.drafts.cancel()
        self.draft_id = new_id()
        self._show_all_problems = False
        self.form.blockSignals(True)
        self.form.reset()
        self.form.blockSignals(False)
        self.quote = None
        self.summary.show_preview(None, None, [])
        self._show_alert("")
        self.form.picker.setFocus()

    def save_draft_now(self) -> None:
        """Called when the window closes: keep what is on the form."""
        self.drafts.save_now()

    def _draft_request(self) -> ReceptionRequest | None:
        if self.form.is_blank():
            return None
        request, _local = self.form.request(self.draft_id)
        return request

    def _resume_offered(self) -> None:
        if self.banner.isVisible() and self.banner.draft_id:
            self.drafts.load(self.banner.draft_id)

    def _discard_offered(self, draft_id: str) -> None:
        """Ask first: a discarded draft cannot be brought back. Enter or Esc keeps it; only the Discard button (or its mnemonic) discards."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard the draft?"),
                          self.tr("Discard the unfinished reception “%1”? It cannot be brought back.")
                          .replace("%1", self.banner.summary), parent=self)
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep the draft"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._discard_answered(box.clickedButton() is discard, draft_id))
        self.discard_question = box
        box.open()

    def _discard_answered(self, discard: bool, draft_id: str) -> None:
        self.discard_question = None
        if not discard or draft_id != self.banner.draft_id:
            return  # kept, or the banner moved on meanwhile (the draft was resumed)
        self.drafts.discard(draft_id)
        self.banner.withdraw()

    def _draft_loaded(self, request: ReceptionRequest) -> None:
        self.banner.withdraw()
        self.result.hide()
        self.draft_id = request.draft_id or new_id()
        self.form.set_request(request)
        self.refresh_preview()
        self.form.applicant.setFocus()
