"""Reception with the keyboard only: procedure, chip-ID QR as key events, documents, confirm, receipt.

Also holds the desk-procedure verbs the other reception tests use (open_reception, scan_qr,
pdf_printer, attach_with).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.paths import DataPaths
from app.store.models import Applicant
from app.store.models import Document
from app.store.models import Dossier
from app.store.models import OutboxItem
from app.store.models import Page
from tests.ui.conftest import press_enter
from tests.ui.conftest import save_screen
from tests.ui.conftest import type_text
from ui.main_window import MainWindow
from ui.pages.reception import ReceptionPage
from ui.tasks import TaskRunner

BIRTH = "1.001193"
# A woman born 15/03/1990 in Hà Nội (province 001, century/sex digit 1, year 90).
QR = "001190012345|123456789|Nguyễn Thị Lan|15031990|Nữ|Số 5, thôn Đông, xã Tân Lập, Hà Nội|01022022"


# -- verbs ----------------------------------------------------------------------------------------
def open_reception(qtbot, store, paths: DataPaths, runner: TaskRunner) -> MainWindow:  # type: ignore
    """The main window, active (window shortcuts only fire there), on the Reception page."""
    window = MainWindow(store, paths, runner)
    qtbot.addWidget(window)
    window.resize(1200, 1000)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.start()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "reception"
    return window


def focused():  # type: ignore[no-untyped-def]
    return QApplication.focusWidget()


def settle(qtbot, page: ReceptionPage) -> None:  # type: ignore[no-untyped-def]
    """Let the debounced preview run (the runner itself is synchronous in tests)."""
    if page.preview_pending:
        page.refresh_preview()
    assert not page.preview_pending


def scan_qr(qtbot, text: str = QR) -> None:  # type: ignore[no-untyped-def]
    """What a wedge reader does: the QR as key events into the focused field, then Enter."""
    widget = focused()
    type_text(qtbot, widget, text)
    press_enter(qtbot, widget)


def page_image(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    Image.new("RGB", (60, 80), "white").save(path)
    image = Image.open(path)
    image.putpixel((len(name) % 60, 1), (10, 20, len(name) * 9 % 256))
    image.save(path)
    return path


def attach_with(page: ReceptionPage, files: list[Path]) -> None:
    """Each Ctrl+O "chooses" the next file, instead of a modal file dialog."""
    queue = list(files)
    page.form.documents.file_chooser = lambda _parent, _document: [queue.pop(0)] if queue else []


def pdf_printer(path: Path):  # type: ignore[no-untyped-def]
    def factory() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer
    return factory


def print_to(page: ReceptionPage, path: Path) -> None:
    page.printer.direct = True
    page.printer.printer_factory = pdf_printer(path)


# -- tests ----------------------------------------------------------------------------------------
def test_birth_registration_with_the_keyboard_only(qtbot, desk_store, paths, runner, vietnamese,
                                                   tmp_path) -> None:
    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    receipt = tmp_path / "receipt.pdf"
    print_to(page, receipt)
    attach_with(page, [page_image(tmp_path, "to-khai.png")])

    type_text(qtbot, focused(), "khai sinh")
    assert page.form.picker.model.version_at(0).code == BIRTH
    press_enter(qtbot, focused())
    assert page.form.picker.version.code == BIRTH
    names = [d.name for d in page.form.documents.documents()]
    assert names[0].startswith("Tờ khai đăng ký khai sinh")
    name_edit = page.form.applicant.fields["full_name"].edit
    assert focused() is name_edit

    scan_qr(qtbot)
    fields = page.form.applicant.fields
    assert fields["full_name"].text() == "Nguyễn Thị Lan"
    assert fields["id_number"].text() == "001190012345"
    assert fields["birth_date"].text() == "15/03/1990"
    assert page.form.applicant.sex.currentText() == "Nữ"
    assert "|" not in name_edit.text()
    assert page.form.delivery.address.text() == "Số 5, thôn Đông, xã Tân Lập, Hà Nội"
    # The QR means the ID card was shown; the focus moved on to the checklist.
    table = page.form.documents.table
    assert focused() is table
    docs = page.form.documents.documents()
    assert docs[4].kind == "present" and docs[4].received

    qtbot.keyClick(table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # page of the form
    assert docs[0].received and len(docs[0].pages) == 1
    # The attached page shows in the page panel beside the checklist, like a scanned one, and
    # is sealed into the store as the document's PDF (nothing readable left on disk).
    assert table.currentIndex().row() == 0 and page.capture.strip.count() == 1
    assert docs[0].pages[0].blob is not None
    assert focused() is table  # the official goes on down the checklist
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Space)  # birth certificate shown on paper: ticked
    assert docs[1].received
    settle(qtbot, page)
    assert page.summary.problem_count == 0, page.summary.problems.toolTip()
    from ui.reception.summary_bar import moment_text

    assert page.quote is not None and page.quote.due_at is not None
    assert page.summary.due.text() == f"Hẹn trả: {moment_text(page.quote.due_at)}"
    save_screen(window, "reception", publish=True)

    qtbot.keyClick(table, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    result = page.last_result
    assert result is not None and result.code.startswith("000.00.06.H56-")
    with desk_store.read_session() as session:
        dossier = session.scalar(select(Dossier).where(Dossier.code == result.code))
        person = session.get(Applicant, dossier.applicant_id)
        assert person.full_name == "Nguyễn Thị Lan" and person.id_number == "001190012345"
        documents = session.scalars(select(Document).where(Document.dossier_id == dossier.id)).all()
        assert sum(d.received for d in documents) == 3
        pages = session.scalars(select(Page).join(Document, Page.document_id == Document.id)
                                .where(Document.dossier_id == dossier.id)).all()
        assert len(pages) == 1
        assert session.scalar(select(OutboxItem).where(OutboxItem.dossier_id == dossier.id)) is not None
    assert receipt.exists() and receipt.read_bytes().startswith(b"%PDF")
    assert page.printer.last_pdf.startswith(b"%PDF")
    assert result.code in page.result.text.text() and "đã in" in page.result.text.text()
    # The screen is ready for the next citizen.
    assert page.form.picker.version is None and page.form.applicant.fields["full_name"].text() == ""
    assert page.form.documents.documents() == []
    assert focused() is page.form.picker.search
    save_screen(window, "reception_done")
    window.close()


def test_malformed_qr_changes_nothing(qtbot, desk_store, paths, runner, vietnamese) -> None:
    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    type_text(qtbot, focused(), "khai sinh")
    press_enter(qtbot, focused())
    applicant = page.form.applicant
    type_text(qtbot, applicant.fields["full_name"].edit, "Trần Văn Bình")
    applicant.fields["phone"].edit.setFocus()
    type_text(qtbot, focused(), "0912")
    # Six fields instead of seven, and a birth date that cannot exist.
    scan_qr(qtbot, "001090012345|123456789|Nguyễn Văn An|31021990|Nam|Hà Nội")
    assert applicant.fields["full_name"].text() == "Trần Văn Bình"
    assert applicant.fields["phone"].text() == "0912"
    assert applicant.fields["id_number"].text() == ""
    assert applicant.message.isVisible() and "QR" in applicant.message.text()
    assert "Không có gì bị thay đổi" in applicant.message.text()
    assert "cần 7 hoặc 11 trường ngăn bởi dấu |, nhận được 6" in applicant.message.text()
    assert ".." not in applicant.message.text()  # one full stop, not two
    save_screen(page, "reception_bad_qr")
    # A contradictory QR (the ID says a man born in the 1900s, the sex field says "Nữ").
    applicant.fields["email"].edit.setFocus()
    scan_qr(qtbot, "001090012345|123456789|Nguyễn Văn An|15031990|Nữ|Hà Nội|15062021")
    assert "không khớp" in applicant.message.text() and "field" not in applicant.message.text()
    assert applicant.fields["full_name"].text() == "Trần Văn Bình"
    assert applicant.fields["email"].text() == ""
    window.close()


def test_ordinary_typing_of_an_id_number_is_not_a_qr(qtbot, desk_store, paths, runner) -> None:
    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    edit = page.form.applicant.fields["id_number"].edit
    edit.setFocus()
    type_text(qtbot, edit, "001190012345")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.text() == "001190012345"
    assert not page.form.applicant.wedge.capturing
    window.close()


def birth_without_certificate(qtbot, store, paths, runner, tmp_path):  # type: ignore[no-untyped-def]
    """A birth registration with only the declaration ticked (no birth certificate)."""
    window = open_reception(qtbot, store, paths, runner)
    page = window.reception_page
    print_to(page, tmp_path / "r.pdf")
    type_text(qtbot, focused(), "khai sinh")
    press_enter(qtbot, focused())
    scan_qr(qtbot)
    table = page.form.documents.table
    qtbot.keyClick(table, Qt.Key.Key_Space)
    return window, page, table


def test_missing_required_document_means_supplements_unless_a_reason(qtbot, desk_store, paths, runner,
                                                                     vietnamese, tmp_path) -> None:
    window, page, table = birth_without_certificate(qtbot, desk_store, paths, runner, tmp_path)
    settle(qtbot, page)
    # Not blocked: the summary says what confirming will do.
    assert page.summary.problems.text().startswith("Thiếu giấy tờ bắt buộc: xác nhận sẽ ghi phiếu yêu cầu bổ sung")
    assert page.summary.due.text() == "Hẹn trả: chưa có cho đến khi nộp đủ giấy tờ còn thiếu"
    save_screen(page, "reception_missing_document")
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    result = page.last_result
    assert result is not None and result.needs_supplements and result.due_at is None
    with desk_store.read_session() as session:
        dossier = session.scalar(select(Dossier).where(Dossier.code == result.code))
        assert (dossier.status, dossier.due_at) == ("CHO_BO_SUNG", None)
    # Form 02 is printed instead of the receipt (until the forms are built, the panel says it
    # could not be printed, naming form 02).
    shown = page.result.text.text()
    assert "chờ bổ sung" in shown or "02" in shown, shown
    window.close()


def test_missing_required_document_with_a_reason_is_accepted(qtbot, desk_store, paths, runner, vietnamese,
                                                            tmp_path) -> None:
    window, page, _table = birth_without_certificate(qtbot, desk_store, paths, runner, tmp_path)
    reason = page.form.documents.reason
    reason.edit.setFocus()
    type_text(qtbot, reason.edit, "Bổ sung giấy chứng sinh sau")
    qtbot.keyClick(reason.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.last_result is not None and page.last_result.due_at is not None
    with desk_store.read_session() as session:
        dossier = session.scalar(select(Dossier).where(Dossier.code == page.last_result.code))
        assert dossier.data["missing_reason"] == "Bổ sung giấy chứng sinh sau"
        assert dossier.status == "DA_TIEP_NHAN"
    window.close()
