"""The receipt after a confirmation and the small things around it, driven by the keyboard in
Vietnamese: the viewer with no printer, the "not printed" note gone when the next reception
starts, the fee kept after a refused confirmation, no payment method for a free procedure,
discarding a draft only after asking, and Reprint and the scanned pages in the dossier detail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.reception.drafts import list_drafts
from app.reception.drafts import save_draft
from app.reception.service import confirm_reception
from tests.app.reception_support import birth_request
from tests.ui.conftest import save_screen
from tests.ui.conftest import type_text
from tests.ui.test_reception_flow import QR
from tests.ui.test_reception_flow import focused
from tests.ui.test_reception_flow import open_reception
from tests.ui.test_reception_flow import scan_qr
from tests.ui.test_reception_flow import settle
from tests.ui.test_reception_recovery import fill_birth_registration
from ui.pages.dossier_detail import DossierDialog
from ui.pages.dossier_detail import load_detail


def settle_events() -> None:
    for _ in range(5):
        QApplication.processEvents()


def test_receipt_viewer_without_a_printer_then_the_next_reception(qtbot, desk_store, paths, runner,
                                                                   vietnamese) -> None:
    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    page.printer.printer_factory = lambda: None  # a desk with no printer at all
    fill_birth_registration(qtbot, page)
    settle(qtbot, page)
    fees = page.form.fees
    # Birth registration is free: nothing to pay, so no "Cash" preselected.
    assert not fees.method.isVisible() and fees.no_fee.isVisible()
    assert fees.no_fee.text() == "Không phải nộp (không thu phí)"
    assert page.summary.fee.text() == "Phí, lệ phí: 0 đ"

    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    code = page.last_result.code
    viewer = page.printer.viewer
    assert viewer is not None and viewer.isVisible() and viewer.shown.code == code
    assert viewer.windowTitle() == f"Giấy tiếp nhận hồ sơ và hẹn trả kết quả — hồ sơ {code}"
    assert not viewer.print_button.isEnabled() and viewer.pages >= 2
    assert "chưa in được biên nhận (máy tính này chưa cài máy in)" in page.result.text.text()
    save_screen(window, "reception_receipt_viewer_behind")
    with qtbot.waitActive(viewer):
        viewer.activateWindow()
    save_screen(viewer, "receipt-viewer", publish=True)
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
    assert page.result.isVisible()  # the outcome stays until the next reception starts

    settle_events()
    assert QApplication.activeWindow() is window  # back on the reception page
    type_text(qtbot, page.form.picker.search, "khai")  # the next citizen
    assert not page.result.isVisible()
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # the last receipt again
    assert page.printer.viewer is not None and page.printer.viewer.shown.code == code
    page.printer.viewer.reject()
    window.close()


def test_a_refused_confirmation_keeps_the_fee(qtbot, desk_store, paths, runner, vietnamese) -> None:
    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    type_text(qtbot, focused(), "khai sinh")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    scan_qr(qtbot, QR)
    settle(qtbot, page)
    assert page.summary.fee.text() == "Phí, lệ phí: 0 đ"
    # A phone number that cannot be one: refused (documents missing is not a refusal any more,
    # it is the supplements path).
    phone = page.form.applicant.fields["phone"].edit
    phone.setFocus()
    type_text(qtbot, phone, "12345")
    qtbot.keyClick(phone, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.last_result is None and page.summary.problem_count > 0
    assert page.summary.fee.text() == "Phí, lệ phí: 0 đ"  # not "—"
    window.close()


def test_discarding_a_draft_asks_first(qtbot, desk_store, paths, runner, vietnamese, tmp_path: Path) -> None:
    with desk_store.session() as session:
        save_draft(session, desk_store.user.id, birth_request(desk_store, tmp_path / "pages"))
    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    assert page.banner.isVisible()
    page.banner.discard_button.click()
    box = page.discard_question
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Bỏ bản nháp?"
    assert box.text().startswith("Bỏ lượt tiếp nhận đang dở “") and "Nguyễn Thị Lan" in box.text()
    save_screen(box, "reception_discard_draft_question")
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc (and Enter) keep the draft
    settle_events()
    assert page.banner.isVisible()
    with desk_store.read_session() as session:
        assert len(list_drafts(session, desk_store.user.id)) == 1

    page.banner.discard_button.click()
    box = page.discard_question
    qtbot.keyClick(box, Qt.Key.Key_Return)
    settle_events()
    assert page.banner.isVisible()

    page.banner.discard_button.click()
    box = page.discard_question
    discard = next(b for b in box.buttons() if b.text() == "&Bỏ bản nháp")
    discard.setFocus()
    qtbot.keyClick(discard, Qt.Key.Key_Space)
    settle_events()
    assert not page.banner.isVisible()
    with desk_store.read_session() as session:
        assert list_drafts(session, desk_store.user.id) == []
    window.close()


def test_dossier_detail_reprints_and_shows_the_scanned_pages(qtbot, desk_store, runner, vietnamese,
                                                             tmp_path: Path) -> None:
    code = confirm_reception(desk_store, birth_request(desk_store, tmp_path / "pages")).code
    dialog = DossierDialog(load_detail(desk_store, code), desk_store, runner)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    assert dialog.reprint_button.text() == "&In lại (Ctrl+P)"
    assert [a.text() for a in dialog.forms_menu.actions()] == [
        "Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả"]
    assert dialog.pages_button.isEnabled() and dialog.pages_button.text() == "Các trang &quét (Ctrl+G)"
    save_screen(dialog, "dossier-detail", publish=True)

    dialog.printer.printer_factory = lambda: None
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # one form: no menu
    viewer = dialog.printer.viewer
    assert viewer is not None, dialog.message.text()
    assert viewer.isVisible() and viewer.shown.code == code
    assert viewer.shown.pdf.startswith(b"%PDF") and viewer.pages >= 2
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    settle_events()
    assert QApplication.activeWindow() is dialog  # back where the official was
    qtbot.keyClick(dialog, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    pages = dialog.page_viewer
    assert pages is not None and pages.isVisible(), dialog.message.text()
    assert pages.windowTitle().startswith("Trang 1/2 — Tờ khai đăng ký khai sinh")
    assert pages._pixmap is not None and pages._pixmap.width() > 0  # the stored page, decrypted in memory
    qtbot.keyClick(pages, Qt.Key.Key_PageDown)
    assert pages.windowTitle().startswith("Trang 2/2 — Giấy chứng sinh")
    pages.reject()
