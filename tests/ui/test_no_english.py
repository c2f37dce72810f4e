"""No English on a Vietnamese screen: every text the main screens show comes from the translation
catalogues or is the desk's own data, including the problems the core reports (bad QR, missing
fields, a unit the desk may not file for, a refused file, the portal's refusals, a refused
enrolment token).

Each test drives screens under Vietnamese with a recording translator in front of the
catalogues, reads every visible text (tests/ui/texts.py) and fails on any common English word left
once the test's data and the catalogues' answers are taken out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from app.reception.model import ReceptionInvalid
from app.store.models import OutboxItem
from app.store.models import ProcedureVersion
from portal.admin import create_enrolment_token
from sync.enrolment import enrol
from tests.sync.support import receive
from tests.ui.conftest import DESK_PASSWORD
from tests.ui.conftest import fill
from tests.ui.conftest import press_enter
from tests.ui.conftest import save_screen
from tests.ui.qt_dialogs import RecordingTranslator
from tests.ui.test_reception_flow import open_reception
from tests.ui.test_reception_flow import print_to
from tests.ui.test_reception_flow import settle
from tests.ui.test_sync_page import portal  # noqa: F401 - the real portal on loopback, as a fixture
from tests.ui.texts import English
from tests.ui.texts import screen_texts

UNIT = "000.00.06.H56"
UNIT_NAME = "Trung tâm Phục vụ hành chính công xã Tân Lập"
WAIT_MS = 20_000
OTHER_UNIT = "000.00.07.H56"
BAD_QR = "001190012345|123456789|Nguyễn Thị Lan|15031990|Nữ"


@pytest.fixture
def english(qapp: QApplication, vietnamese: None) -> Iterator[English]:
    """The judge, its recorder asked before the catalogues (installed last, so asked first)."""
    recorder = RecordingTranslator()
    qapp.installTranslator(recorder)
    judge = English(recorder, {UNIT, UNIT_NAME, "MotCua Desk", "admin", "Nguyễn Thị Hoà"})
    yield judge
    qapp.removeTranslator(recorder)


def catalogue_texts(store: Any) -> set[str]:
    """Every text of the catalogue in the store: procedure, document and authority names are data."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    with store.read_session() as session:
        for data in session.scalars(select(ProcedureVersion.data)):
            walk(data)
    return found


def shown(english: English, store: Any, *more: str) -> None:
    english.data |= catalogue_texts(store) | {str(store.user.full_name), *more}
    english.check(screen_texts())


def test_the_judge_catches_an_english_message(qtbot, english: English) -> None:
    """The check itself: the engine's old English on a Vietnamese label fails it; Vietnamese and data
    do not."""
    label = QLabel("Unknown enrolment token")
    qtbot.addWidget(label)
    label.show()
    assert english.leftovers(screen_texts([label])) == [("Unknown enrolment token", ["Unknown", "enrolment", "token"])]
    label.setText("nothing is waiting to be sent: no bundle written (use --include-exported)")
    assert english.leftovers(screen_texts([label]))
    label.setText(QApplication.translate("SyncPage", "Sync with the central portal") + " · " + UNIT)
    assert english.leftovers(screen_texts([label])) == []


def test_setup_and_sign_in(qtbot, paths, runner, english: English) -> None:
    from app.desk_setup import create_desk
    from ui.login_screen import LoginScreen
    from ui.setup_screen import SetupScreen

    setup = SetupScreen(paths, runner)
    qtbot.addWidget(setup)
    setup.show()
    fill(qtbot, setup.unit_code, "H56")
    fill(qtbot, setup.password, "ngan")
    press_enter(qtbot, setup.password_repeat.edit)
    english.check(screen_texts())
    setup.close()
    store, _key = create_desk(paths, unit_code=UNIT, unit_name=UNIT_NAME, admin_username="admin",
                              admin_full_name="Nguyễn Thị Hoà", admin_password=DESK_PASSWORD)
    store.close()
    login = LoginScreen(paths, runner)
    qtbot.addWidget(login)
    login.show()
    fill(qtbot, login.username, "admin")
    fill(qtbot, login.password, "sai-mat-khau")
    press_enter(qtbot, login.password)
    assert login.message.text()
    english.check(screen_texts())


def test_reception_with_problems_capture_and_receipt(qtbot, desk_store, paths, runner, english: English,
                                                     tmp_path: Path) -> None:
    from app.reception.service import confirm_reception
    from tests.app.reception_support import birth_request

    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    print_to(page, tmp_path / "receipt.pdf")
    # A QR that is not a chip-ID card's.
    page.form.applicant.apply_qr_text(BAD_QR)
    assert page.form.applicant.message.text()
    shown(english, desk_store, BAD_QR)
    # Confirm an empty form: every missing field is marked.
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    page.confirm()
    settle(qtbot, page)
    shown(english, desk_store)
    # The core's refusal of a unit this desk may not file for, shown as the screen shows it.
    request = birth_request(desk_store, tmp_path / "pages")
    request.channel, request.destination_unit = "post_office", "000.00.07.H56"
    with pytest.raises(ReceptionInvalid) as refused:
        confirm_reception(desk_store, request)
    page._confirm_failed(refused.value)
    assert any(p.kind == "reception.not_authorised_for_unit" for p in refused.value.problems)
    shown(english, desk_store, "000.00.07.H56")
    save_screen(window, "no_english_reception_problems")
    # A file the capture panel refuses, then a procedure and a confirmed dossier with its receipt.
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not a picture")
    qtbot.keyClicks(page.form.picker.search, "khai sinh")
    qtbot.keyClick(page.form.picker.search, Qt.Key.Key_Return)
    page.capture.import_files([broken])
    assert "hong.jpg" in page.capture.message.text()
    shown(english, desk_store, "hong.jpg")
    save_screen(window, "no_english_capture_refused")
    result = confirm_reception(desk_store, birth_request(desk_store, tmp_path / "more"))
    page.reception_confirmed.emit(result)
    page.last_result = result
    page.reprint()
    qtbot.waitUntil(lambda: page.printer.viewer is not None and page.printer.viewer.isVisible(), timeout=WAIT_MS)
    shown(english, desk_store, result.code)
    save_screen(page.printer.viewer, "no_english_receipt_viewer")
    page.printer.viewer.close()
    window.close()


def test_dossiers_and_sync_with_a_refused_item_and_a_refused_token(qtbot, desk_store, paths, runner,
                                                                   english: English, portal,  # noqa: F811
                                                                   tmp_path: Path) -> None:
    from ui.main_window import MainWindow
    from ui.pages.sync_dialogs import EnrolDialog

    server, db_url = portal
    window = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.start()
    window.show_page("sync")
    page = window.sync_page
    page.sync_now()  # not enrolled: it says what to do
    shown(english, desk_store, server.url)
    # A refused enrolment token, from the real portal.
    dialog = EnrolDialog(desk_store, runner, page)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog.url, server.url)
    fill(qtbot, dialog.token, "khong-phai-ma-that")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() and "khong-phai" not in dialog.message.text()
                    and dialog.message.text() not in ("", "Đang liên hệ với cổng…"), timeout=WAIT_MS)
    assert "Mã đăng ký thiết bị không đúng" in dialog.message.text()  # the portal's own Vietnamese
    shown(english, desk_store, server.url, "khong-phai-ma-that")
    save_screen(dialog, "no_english_enrol_refused")
    dialog.close()
    # Enrolled, with one dossier the portal refuses.
    enrol(desk_store, server.url, create_enrolment_token(db_url, desk_store.unit.code))
    bad = receive(desk_store, tmp_path, name="bad")
    with desk_store.session() as session:  # filed for a unit the portal never granted this desk
        row = session.scalar(select(OutboxItem).where(OutboxItem.dossier_id == bad.dossier_id))
        row.payload = {**row.payload, "unit_code": OTHER_UNIT, "code": bad.code.replace(UNIT, OTHER_UNIT)}
    page.load()
    qtbot.waitUntil(lambda: bool(getattr(page, "_portal", None)), timeout=WAIT_MS)
    page.sync_now()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.data(page.model.index(0, 2)) == "Bị từ chối",
                    timeout=WAIT_MS)
    reason = page.model.data(page.model.index(0, 5))
    assert reason.startswith(f"Thiết bị của đơn vị {UNIT} không được tiếp nhận hồ sơ cho đơn vị {OTHER_UNIT}"), reason
    shown(english, desk_store, server.url, bad.code, OTHER_UNIT)
    save_screen(window, "no_english_sync_refused")
    # The Hồ sơ list and the refused dossier's detail.
    window.show_page("dossiers")
    qtbot.waitUntil(lambda: window.dossiers_page.model.rowCount() >= 1, timeout=WAIT_MS)
    details: list[Any] = []
    window.dossiers_page.detail_shown.connect(details.append)
    window.dossiers_page.open_code(bad.code)
    qtbot.waitUntil(lambda: bool(details) and details[0].isVisible(), timeout=WAIT_MS)
    names = {bad.code, "Nguyễn Văn An", "Lê Thị Cúc"}
    shown(english, desk_store, server.url, *names, *_dossier_data(desk_store, bad.code))
    save_screen(details[0], "no_english_dossier_detail")
    details[0].close()
    window.close()


def _dossier_data(store: Any, code: str) -> set[str]:
    """The dossier's own texts (applicant, address, document names) as the detail shows them."""
    from app.reception.views import load_dossier_view

    with store.read_session() as session:
        view = load_dossier_view(session, code)
    texts = {view.applicant.full_name, view.applicant.address, view.received_by, view.procedure.name,
             view.fee_note, view.delivery_address, view.note}
    texts |= {d.name for d in view.documents} | {line.label for line in view.fee_lines}
    if view.representative is not None:
        texts |= {view.representative.full_name, view.representative.authorisation}
    return texts


def test_catalogue_reports_settings_officials_and_lock(qtbot, desk_store, paths, runner,
                                                       english: English) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.start()
    for key in ("catalog", "reports"):
        window.show_page(key)
        shown(english, desk_store)
    window.show_page("settings")
    tabs = window.settings_page.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        shown(english, desk_store, str(paths.root))
    window.lock()
    lock = window.lock_screen
    fill(qtbot, lock.password, "khong-dung")
    press_enter(qtbot, lock.password)
    assert lock.message.text()
    shown(english, desk_store)
    window.close()
