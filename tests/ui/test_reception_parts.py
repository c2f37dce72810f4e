"""Reception parts: item models under the model tester, the QR wedge, QR from a picture, returning
applicants, per-page fees and transfer payment."""

from __future__ import annotations

from pathlib import Path

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.reception.model import DocumentInput
from app.reception.model import PageInput
from tests.ui.conftest import save_screen
from tests.ui.conftest import type_text
from tests.ui.test_reception_flow import QR
from tests.ui.test_reception_flow import focused
from tests.ui.test_reception_flow import open_reception
from tests.ui.test_reception_flow import print_to
from tests.ui.test_reception_flow import scan_qr
from tests.ui.test_reception_flow import settle
from ui.models.documents_model import COL_COPIES
from ui.models.documents_model import COL_FORM
from ui.models.documents_model import COL_RECEIVED
from ui.models.documents_model import DocumentsModel
from ui.models.procedure_list_model import ProcedureListModel
from ui.models.procedure_list_model import TagRole
from ui.models.procedure_list_model import VersionRole
from ui.reception.procedure_picker import PickerData
from ui.reception.procedure_picker import ordered_for_empty_box
from ui.reception.qr_wedge import QrWedge


def test_models_pass_the_model_tester(qtmodeltester, desk_store) -> None:
    from app.catalog.search import CatalogIndex
    from app.catalog.storage import load_versions

    with desk_store.read_session() as session:
        versions = load_versions(session)
    procedures = ProcedureListModel()
    qtmodeltester.check(procedures)
    data = PickerData(versions, CatalogIndex(versions), ["1.000894", "1.001193", "1.001193"])
    rows = ordered_for_empty_box(data)
    procedures.set_rows(rows)
    qtmodeltester.check(procedures)
    assert [procedures.data(procedures.index(r, 0), TagRole) for r in range(2)] == ["recent", "recent"]
    assert procedures.data(procedures.index(1, 0), VersionRole).code == "1.001193"
    assert procedures.rowCount() == len({v.code for v in CatalogIndex(versions).versions_at()})

    documents = DocumentsModel()
    qtmodeltester.check(documents)
    documents.set_documents([DocumentInput(name="Tờ khai"), DocumentInput(name="Giấy chứng sinh")])
    qtmodeltester.check(documents)
    assert documents.setData(documents.index(0, COL_FORM), "certified_copy")
    assert documents.setData(documents.index(0, COL_COPIES), 2)
    assert not documents.setData(documents.index(0, COL_COPIES), 0)
    assert documents.setData(documents.index(1, COL_RECEIVED), Qt.CheckState.Checked,
                             Qt.ItemDataRole.CheckStateRole)
    docs = documents.documents()
    assert (docs[0].form, docs[0].copies, docs[1].received) == ("certified_copy", 2, True)
    documents.add_pages(0, [Path("a.png")])
    assert docs[0].received and docs[0].pages == [PageInput(path=Path("a.png"))]
    qtmodeltester.check(documents)


def test_enter_typed_before_the_catalogue_is_read_picks_the_match(qtbot, desk_store) -> None:
    """A code and Enter typed while the catalogue is still being read (right after sign-in)
    choose the procedure once it arrives; the key was lost before."""
    from app.catalog.search import CatalogIndex
    from app.catalog.storage import load_versions
    from ui.reception.procedure_picker import ProcedurePicker

    with desk_store.read_session() as session:
        versions = load_versions(session)
    picker = ProcedurePicker()
    qtbot.addWidget(picker)
    chosen: list[object] = []
    picker.procedure_chosen.connect(chosen.append)
    picker.search.setText("1.001193")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert chosen == []
    picker.set_data(PickerData(versions, CatalogIndex(versions), []))
    assert [version.code for version in chosen] == ["1.001193"]  # type: ignore[attr-defined]


def wedge_fields(qtbot):  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    edits = [QLineEdit(), QLineEdit()]
    for edit in edits:
        layout.addWidget(edit)
    wedge = QrWedge(host)
    wedge.watch(edits)
    got: list[str] = []
    wedge.payload_read.connect(got.append)
    host.show()
    return host, edits, wedge, got


def test_wedge_restores_the_field_and_hands_on_the_payload(qtbot) -> None:
    _host, (first, second), wedge, got = wedge_fields(qtbot)
    first.setText("Lan")
    first.setFocus()
    first.end(False)
    type_text(qtbot, first, " ")
    type_text(qtbot, first, QR)
    assert wedge.capturing and first.text() == "Lan "
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert got == [QR] and first.text() == "Lan " and not wedge.capturing
    # Without an Enter the burst ends after the idle gap.
    type_text(qtbot, second, QR)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=2000)
    assert got[1] == QR and second.text() == ""


def type_like_a_usb_keyboard(widget: QWidget, text: str) -> None:
    """What a HID wedge reader (or xdotool under X) really sends: a Shift press and release around
    every "|" and capital letter, each character as its own key event."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    def send(kind: QEvent.Type, key: Qt.Key, mods: Qt.KeyboardModifier, char: str = "") -> None:
        QApplication.sendEvent(widget, QKeyEvent(kind, key, mods, char))

    for char in text:
        shifted = char == "|" or char.isupper()
        mods = Qt.KeyboardModifier.ShiftModifier if shifted else Qt.KeyboardModifier.NoModifier
        if shifted:
            send(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier)
        key = Qt.Key.Key_Bar if char == "|" else Qt.Key.Key_unknown
        send(QEvent.Type.KeyPress, key, mods, char)
        send(QEvent.Type.KeyRelease, key, mods, char)
        if shifted:
            send(QEvent.Type.KeyRelease, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)


def test_wedge_recognises_a_reader_that_presses_shift(qtbot) -> None:
    _host, (first, _second), wedge, got = wedge_fields(qtbot)
    first.setFocus()
    type_like_a_usb_keyboard(first, QR)
    assert wedge.capturing and first.text() == ""
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert got == [QR]


def test_wedge_leaves_ordinary_typing_alone(qtbot) -> None:
    _host, (first, _second), wedge, got = wedge_fields(qtbot)
    type_text(qtbot, first, "0011900123")
    qtbot.keyClick(first, Qt.Key.Key_Backspace)
    type_text(qtbot, first, "45 | Ghi chú")  # digits, then a "|" after a person edited
    assert first.text() == "00119001245 | Ghi chú" and got == [] and not wedge.capturing


def qr_png(folder: Path, text: str) -> Path:
    path = folder / "the-can-cuoc.png"
    qrcode.make(text).save(path)
    return path


def test_qr_read_from_an_image_file(qtbot, desk_store, paths, runner, vietnamese, tmp_path) -> None:
    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    page.read_qr_from_file(qr_png(tmp_path, QR))
    assert page.form.applicant.fields["full_name"].text() == "Nguyễn Thị Lan"
    blank = tmp_path / "blank.png"
    qrcode.make("").save(blank)
    from PIL import Image

    Image.new("RGB", (50, 50), "white").save(blank)
    page.read_qr_from_file(blank)
    assert page.form.applicant.message.text() == "blank.png: không tìm thấy mã QR nào trong ảnh."
    assert page.form.applicant.fields["full_name"].text() == "Nguyễn Thị Lan"
    window.close()


def test_returning_applicant_is_reused(qtbot, desk_store, paths, runner, vietnamese, tmp_path) -> None:
    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    print_to(page, tmp_path / "r.pdf")
    type_text(qtbot, focused(), "khai sinh")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    scan_qr(qtbot)
    type_text(qtbot, page.form.applicant.fields["phone"].edit, "0912345678")
    qtbot.keyClick(focused(), Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.last_result is not None
    # The same citizen comes back; the official types only the ID number.
    type_text(qtbot, focused(), "khai sinh")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    id_edit = page.form.applicant.fields["id_number"].edit
    id_edit.setFocus()
    type_text(qtbot, id_edit, "001190012345")
    fields = page.form.applicant.fields
    assert fields["full_name"].text() == "Nguyễn Thị Lan"
    assert fields["phone"].text() == "0912345678"
    assert "đã từng nộp" in page.form.applicant.message.text()
    window.close()


def test_typed_problems_show_under_their_fields(qtbot, desk_store, paths, runner, vietnamese) -> None:
    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    type_text(qtbot, focused(), "khai sinh")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    fields = page.form.applicant.fields
    type_text(qtbot, fields["full_name"].edit, "Lê Văn Tâm")
    for key, text in (("id_number", "00109001234"), ("birth_date", "15/03/2090"), ("phone", "12ab")):
        fields[key].edit.setFocus()
        type_text(qtbot, fields[key].edit, text)
    settle(qtbot, page)
    assert fields["birth_date"].error == "Ngày sinh 15/03/2090 ở tương lai."
    assert fields["phone"].error.startswith("Kiểm tra lại số điện thoại")
    assert fields["id_number"].error == "Số định danh cá nhân gồm 12 chữ số; số này có 11 ký tự."
    assert fields["email"].error == ""
    assert page.summary.problem_count >= 3
    fields["birth_date"].edit.setFocus()
    fields["birth_date"].edit.selectAll()
    type_text(qtbot, fields["birth_date"].edit, "31/02/1990")
    settle(qtbot, page)
    assert fields["birth_date"].error.startswith("Nhập ngày theo dạng")
    save_screen(page, "reception_problems")
    window.close()


def test_per_page_fee_and_transfer_qr(qtbot, desk_store, paths, runner, vietnamese) -> None:
    desk_store.set_setting("payment.vietqr", {"bin": "970436", "account": "0011004455667",
                                              "account_name": "UBND XA TAN LAP"})
    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    index = page.form.picker.data.index
    per_page = next(v for v in index.versions_at() if v.fee.kind == "per_page")
    page.form.picker.choose(per_page)
    fees = page.form.fees
    settle(qtbot, page)
    assert fees.pages.isVisible()
    fees.pages.setFocus()
    fees.pages.selectAll()
    type_text(qtbot, fees.pages, "5")
    assert fees.pages.value() == 5
    settle(qtbot, page)
    rule = per_page.fee
    expected = min(2 * rule.per_page_first_2 + 3 * rule.per_page_from_3, rule.max_per_copy or 10**9)
    assert fees.quote is not None and fees.quote.amount_vnd == expected
    fees.method.setCurrentIndex(fees.method.findData("transfer"))
    settle(qtbot, page)
    assert fees.qr.isVisible() and fees.qr.pixmap() is not None and not fees.qr.pixmap().isNull()
    save_screen(page, "reception_transfer")
    fees.method.setCurrentIndex(fees.method.findData("exempt"))
    assert fees.exempt_reason.isVisible() and not fees.qr.isVisible()
    window.close()


def test_representative_box_opens_and_fills_the_request(qtbot, desk_store, paths, runner) -> None:
    window = open_reception(qtbot, desk_store, paths, runner)
    section = window.reception_page.form.applicant
    assert not section.rep_inner.isVisible() and section.representative() is None
    section.rep_box.setFocus()
    qtbot.keyClick(section.rep_box, Qt.Key.Key_Space)
    assert section.rep_inner.isVisible()
    section.rep_fields["full_name"].edit.setFocus()
    type_text(qtbot, section.rep_fields["full_name"].edit, "Đỗ Minh Khôi")
    representative = window.reception_page.form.request()[0].representative
    assert representative is not None and representative.full_name == "Đỗ Minh Khôi"
    window.close()


QR_2024 = QR.replace("|01022022", "|02082024") + "||||"


def test_both_card_layouts_fill_the_applicant_from_the_reader_a_file_and_the_webcam(
        qtbot, desk_store, paths, runner, vietnamese, tmp_path) -> None:
    from PySide6.QtGui import QImage

    from ui.reception.qr_sources import decode_image

    for n, payload in enumerate((QR, QR_2024)):
        window = open_reception(qtbot, desk_store, paths, runner)
        page = window.reception_page
        type_text(qtbot, focused(), "khai sinh")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        page.form.applicant.fields["phone"].edit.setFocus()
        scan_qr(qtbot, payload)  # the wedge reader
        fields = page.form.applicant.fields
        assert fields["full_name"].text() == "Nguyễn Thị Lan" and fields["id_number"].text() == "001190012345"
        window.close()
        window = open_reception(qtbot, desk_store, paths, runner)
        folder = tmp_path / str(n)
        folder.mkdir()
        window.reception_page.read_qr_from_file(qr_png(folder, payload))  # a picture or scan of the card
        assert window.reception_page.form.applicant.fields["full_name"].text() == "Nguyễn Thị Lan"
        window.close()
        # One webcam frame arrives as a QImage.
        frame = QImage(str(qr_png(folder, payload)))
        assert decode_image(frame) == [payload]


def test_a_refused_confirm_on_a_small_screen_brings_the_problem_into_view(qtbot, desk_store, paths, runner,
                                                                           vietnamese) -> None:
    """1366×768 less the task bar: the channel section sits below the fold; the refused confirm
    scrolls to it and puts the cursor there."""
    window = open_reception(qtbot, desk_store, paths, runner)
    window.resize(1366, 728)
    page = window.reception_page
    type_text(qtbot, focused(), "khai sinh")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    scan_qr(qtbot)
    page.form.channel.set_values("community", "", "")  # received on a visit, place not written
    settle(qtbot, page)
    channel = page.form.channel
    assert not page.scroll.viewport().rect().contains(
        channel.mapTo(page.scroll.viewport(), channel.rect().center()))
    page.form.documents.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    page.form.applicant.fields["phone"].edit.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "visit" not in page.summary.problems.text()
    qtbot.waitUntil(lambda: page.scroll.viewport().rect().contains(
        channel.mapTo(page.scroll.viewport(), channel.rect().topLeft())), timeout=3000)
    assert channel.isAncestorOf(focused()) or focused() is channel
    assert page.last_result is None
    window.close()


def test_reception_shows_a_procedure_with_conditions_exemptions_and_sourced_tags(
        qtbot, desk_store, paths, runner, vietnamese) -> None:
    """The grown catalogue's entries (checklist with counts and conditions, a fee set by the
    province with exemptions, tags per fact) are shown at the desk as before."""
    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    death = page.form.picker.data.index.get("1.000656")
    assert death is not None and death.fee.exempt
    page.form.picker.choose(death)
    settle(qtbot, page)
    documents = page.form.documents.documents()
    assert [d.name for d in documents] == [item.name for item in death.documents]
    assert [d.required for d in documents] == [item.required for item in death.documents]
    quote = page.form.fees.quote
    assert quote is not None and quote.needs_entry and "HĐND" in quote.note
    save_screen(page, "reception_catalogue_2026_12")
    residence = page.form.picker.data.index.get("1.004222")
    assert residence is not None
    page.form.picker.choose(residence)
    settle(qtbot, page)
    assert len(page.form.documents.documents()) == len(residence.documents)
    save_screen(page, "reception_catalogue_2026_12_residence")
    window.close()
