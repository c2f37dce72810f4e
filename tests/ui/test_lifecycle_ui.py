"""Lifecycle from the keyboard: an action from the dossier detail (Ctrl+K, Enter, type, Ctrl+Enter),
a refusal shown in Vietnamese, the return of a result from the main window (Ctrl+T, scan the
receipt's QR, choose "by post", Ctrl+Enter), and the supervisor's audit log."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

from app.lifecycle.actions import act
from app.lifecycle.machine import ActionInput
from app.reception.service import confirm_reception
from app.store.models import Dossier, StatusEvent
from tests.app.lifecycle_support import desk_copy, sign_in
from tests.app.reception_support import birth_request
from tests.ui.conftest import save_screen, type_text
from ui.main_window import MainWindow
from ui.pages.dossier_detail import DossierDialog, load_detail


@pytest.fixture
def desk(tmp_path: Path):  # type: ignore[no-untyped-def]
    paths = desk_copy(tmp_path / "desk")
    store = sign_in(paths, "lan")
    yield paths, store
    store.close()


def received(store, folder: Path) -> str:  # type: ignore[no-untyped-def]
    return confirm_reception(store, birth_request(store, folder)).code


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def open_detail(qtbot, store, runner, code: str) -> DossierDialog:  # type: ignore[no-untyped-def]
    dialog = DossierDialog(load_detail(store, code), store, runner)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def open_action(qtbot, store, runner, code: str, action: str):  # type: ignore[no-untyped-def]
    """The detail of `code` with the dialog of `action` open and active."""
    dialog = open_detail(qtbot, store, runner, code)
    dialog.start_action(action)
    opened = dialog.action_dialog
    with qtbot.waitActive(opened):
        opened.activateWindow()
    return opened


def test_an_action_from_the_detail_by_keyboard(qtbot, desk, runner, vietnamese, tmp_path) -> None:
    _paths, store = desk
    code = received(store, tmp_path)
    dialog = open_detail(qtbot, store, runner, code)
    assert dialog.actions_button.text() == "&Xử lý (Ctrl+K)"
    names = [a.text() for a in dialog.actions_menu.actions()]
    assert names[:3] == ["Chuyển hồ sơ đến cơ quan giải quyết", "Yêu cầu bổ sung hồ sơ", "Từ chối giải quyết"]
    assert "Trả kết quả" not in names  # nothing to return yet
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    menu = dialog.actions_menu
    assert menu.isVisible()
    qtbot.keyClick(menu, Qt.Key.Key_Down)  # "Yêu cầu bổ sung hồ sơ"
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    settle()
    action = dialog.action_dialog
    assert action is not None and action.isVisible()
    items = action.fields["items"]
    assert items.hasFocus()
    type_text(qtbot, items, "Giấy chứng sinh bản chính")
    qtbot.keyClick(items, Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "Bản chụp không đọc được")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert not action.isVisible()
    with store.read_session() as session:
        dossier = session.scalar(select(Dossier).where(Dossier.code == code))
        event = session.scalars(select(StatusEvent).where(StatusEvent.dossier_id == dossier.id)
                                .order_by(StatusEvent.at.desc(), StatusEvent.id.desc())).first()
    assert dossier.status == "CHO_BO_SUNG" and dossier.paused_at is not None
    assert event.details["items"] == ["Giấy chứng sinh bản chính"]
    assert event.details["reason"] == "Bản chụp không đọc được"
    # The detail reloaded: new status, new actions; form 02 shown, or said to be missing.
    assert "Chờ bổ sung" in dialog.text.toPlainText()
    assert [a.text() for a in dialog.actions_menu.actions()][0] == "Đã nhận bổ sung"
    viewer = dialog.printer.viewer
    assert viewer is not None or "mẫu 02" in dialog.message.text(), dialog.message.text()
    if viewer is not None:
        viewer.close()
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    save_with_menu(dialog, dialog.actions_menu, "detail-actions")
    dialog.actions_menu.close()


def save_with_menu(dialog, menu, name: str) -> None:  # type: ignore[no-untyped-def]
    """The dialog with its open menu painted where it is (a menu is a window of its own)."""
    from PySide6.QtGui import QPainter

    from tests.screens import screen_path

    settle()
    picture = dialog.grab()
    painter = QPainter(picture)
    painter.drawPixmap(dialog.mapFromGlobal(menu.pos()), menu.grab())
    painter.end()
    target = screen_path(f"{name}.png", publish=True)
    if target is not None:
        assert picture.save(str(target))


def test_a_refused_action_says_why_in_vietnamese_and_keeps_the_dialog(qtbot, desk, runner, vietnamese,
                                                                      tmp_path) -> None:
    _paths, store = desk
    code = received(store, tmp_path)
    action = open_action(qtbot, store, runner, code, "refuse")
    qtbot.keyClick(action.fields["reason"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert action.isVisible()
    assert action.problem.text() == "“Từ chối giải quyết” cần ô Lý do; hãy điền rồi xác nhận lại."
    with store.read_session() as session:
        assert session.scalar(select(Dossier.status).where(Dossier.code == code)) == "DA_TIEP_NHAN"


def test_return_of_a_result_by_post_from_the_main_window(qtbot, desk, runner, vietnamese, tmp_path) -> None:
    paths, store = desk
    code = received(store, tmp_path)
    act(store, code, "result_ready")
    window = MainWindow(store, paths, runner)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.start()
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.return_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.scan.hasFocus, timeout=5000)  # the window system activates the dialog
    # The barcode reader types the receipt's lookup QR, then Enter.
    type_text(qtbot, dialog.scan, f"https://dichvucong.gov.vn/tra-cuu-ho-so?ma={code}")
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    settle()
    assert dialog.scan.text() == code
    assert dialog.windowTitle() == f"Trả kết quả — hồ sơ {code}"  # named, as every action dialog
    assert "Phí, lệ phí còn phải thu: 0" in dialog.summary.text()
    assert dialog.to.hasFocus()
    qtbot.keyClick(dialog.to, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.to, Qt.Key.Key_Down)  # "Qua bưu chính"
    assert dialog.to.currentData() == "post"
    qtbot.keyClick(dialog.to, Qt.Key.Key_Tab)
    assert dialog.tracking.hasFocus()
    type_text(qtbot, dialog.tracking, "EB123456789VN")
    dialog.resize(700, 480)
    save_screen(dialog, "return-offscreen")  # docs/screens/return.png: the X11 drive
    qtbot.keyClick(dialog.tracking, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert dialog.summary.text() == f"Đã trả kết quả hồ sơ {code}. Quét giấy hẹn tiếp theo."
    assert dialog.scan.hasFocus()  # ready for the next citizen
    assert dialog.windowTitle() == "Trả kết quả"
    with store.read_session() as session:
        dossier = session.scalar(select(Dossier).where(Dossier.code == code))
        event = session.scalars(select(StatusEvent).where(StatusEvent.dossier_id == dossier.id,
                                                          StatusEvent.action == "return")).one()
    assert dossier.status == "DA_TRA" and event.details["tracking"] == "EB123456789VN"
    # Scanning it again: nothing left to return, said in Vietnamese.
    type_text(qtbot, dialog.scan, code)
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert dialog.problem.text() == "Hồ sơ này không có kết quả chờ trả (trạng thái: Đã trả kết quả)."
    window.close()


def test_audit_log_for_the_supervisor(qtbot, desk, runner, vietnamese, tmp_path) -> None:
    paths, store = desk
    code = received(store, tmp_path)
    act(store, code, "handover", ActionInput(body="Tư pháp"))
    supervisor = sign_in(paths, "hoa")
    try:
        window = MainWindow(supervisor, paths, runner)
        qtbot.addWidget(window)
        window.start()
        dialog = window.open_audit()
        assert dialog is not None
        type_text(qtbot, dialog.code, code)
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
        shown = [dialog.model.item_at(i) for i in range(dialog.model.rowCount())]
        assert [row.action for row in shown] == ["dossier.handover", "dossier.received"]
        # Read in words from the dossier's reception on (it showed "dossier.received").
        assert [dialog.model.index(i, 2).data() for i in range(2)] == ["Chuyển hồ sơ đến cơ quan giải quyết",
                                                                       "Tiếp nhận hồ sơ"]
        assert {row.username for row in shown} == {"lan"}
        type_text(qtbot, dialog.official, "hoa")
        qtbot.keyClick(dialog.official, Qt.Key.Key_Return)
        assert dialog.model.rowCount() == 0 and dialog.problem.text() == "Không có sự kiện nào phù hợp."
        save_screen(dialog, "audit-log")
        window.close()
    finally:
        supervisor.close()
    receiver_window = MainWindow(store, paths, runner)
    qtbot.addWidget(receiver_window)
    receiver_window.start()
    assert receiver_window.open_audit() is None  # not for a receiving official
    receiver_window.close()


def test_a_refused_portal_change_reads_as_such_on_the_sync_page(vietnamese) -> None:
    from datetime import datetime

    from sync.status import StatusChange
    from ui.pages.sync import news_cells

    cells = news_cells(StatusChange("000.00.06.H56-261123-10001", "DANG_XU_LY", datetime(2026, 11, 25, 9, 0),
                                    None, refused_from="RUT"))
    assert cells[1] == "Đang xử lý"
    assert cells[3] == ("Không áp dụng: cổng chuyển hồ sơ 000.00.06.H56-261123-10001 từ “Công dân rút hồ sơ” "
                        "sang “Đang xử lý”, quy trình không cho phép. Hãy kiểm tra hồ sơ với cơ quan giải quyết.")


def test_enter_typed_ahead_of_a_search_opens_the_dossier_searched_for(qtbot, desk, vietnamese, tmp_path) -> None:
    """Code, Enter, Enter at a typist's (or a barcode reader's) pace, with the store on its own
    thread as in the app: the second Enter comes before the search's rows, and must open the
    dossier searched for, not the first row of the list that was showing."""
    from ui.pages.dossiers import DossiersPage
    from ui.tasks import TaskRunner

    _paths, store = desk
    first = received(store, tmp_path / "a")
    newest = received(store, tmp_path / "b")
    threaded = TaskRunner()
    page = DossiersPage(store, threaded)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.load()
    assert page.model.item_at(0).code == newest  # newest first
    opened: list[DossierDialog] = []
    page.detail_shown.connect(opened.append)
    page.search.setFocus()
    qtbot.keyClicks(page.search, first.split("-", 1)[1])  # the part after the unit
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # before the event loop delivers the new rows
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert [dialog.detail.view.code for dialog in opened] == [first]
    opened[0].close()


def test_tab_leaves_the_new_appointment_for_the_reason(qtbot, desk, runner, vietnamese, tmp_path) -> None:
    """An apology by keyboard: Tab from the new appointment goes to the reason (the date's own
    Tab walked hour, minute, day, month, year, and the reason was typed into the date)."""
    _paths, store = desk
    code = received(store, tmp_path)
    action = open_action(qtbot, store, runner, code, "apologise")
    due = action.fields["new_due"]
    due.setFocus()
    qtbot.waitUntil(due.hasFocus, timeout=5000)
    before = due.dateTime()
    qtbot.keyClick(due, Qt.Key.Key_Tab)
    assert action.fields["reason"].hasFocus()
    type_text(qtbot, action.fields["reason"], "Chờ xác minh")
    assert due.dateTime() == before and action.fields["reason"].text() == "Chờ xác minh"
    qtbot.keyClick(action.fields["reason"], Qt.Key.Key_Backtab)
    assert due.hasFocus()


def test_an_action_in_the_detail_reloads_the_list_and_wakes_the_sync(qtbot, desk, runner, vietnamese,
                                                                       tmp_path) -> None:
    """Before, only the Ctrl+T return told the main window: an action from the detail stayed
    out of the list (old status) and off the portal until the next idle pass, minutes later."""
    paths, store = desk
    code = received(store, tmp_path)
    window = MainWindow(store, paths, runner)
    qtbot.addWidget(window)
    window.start()
    woken: list[bool] = []
    window.sync.notify = lambda: woken.append(True)  # type: ignore[method-assign]
    shown: list[DossierDialog] = []
    window.dossiers_page.detail_shown.connect(shown.append)
    window.dossiers_page.load()
    window.dossiers_page.open_code(code)
    assert window.dossiers_page.model.item_at(0).status == "DA_TIEP_NHAN"
    dialog = shown[0]
    dialog.start_action("result_ready")
    dialog.action_dialog.confirm()
    settle()
    assert woken
    assert window.dossiers_page.model.item_at(0).status == "CO_KET_QUA"
    dialog.close()
    window.close()


def test_the_list_shows_a_result_ready_status_whole(qtbot, desk, runner, vietnamese) -> None:
    """The Trạng thái column was sized for "Mới tiếp nhận": a result waiting read "Đã có kết qu…"."""
    from ui.models.dossier_list_model import COLUMNS
    from ui.pages.dossiers import DossiersPage

    _paths, store = desk
    page = DossiersPage(store, runner)
    qtbot.addWidget(page)
    width = page.table.horizontalHeader().sectionSize(COLUMNS.index("status"))
    assert width >= page.table.fontMetrics().horizontalAdvance("Đã có kết quả, chờ trả") + 8


def test_one_spelling_of_uy_on_every_screen(qtbot, desk, runner, vietnamese) -> None:
    """The return dialog wrote “uỷ quyền” and the action dialogs “Huỷ” while reception, the
    problem messages, the catalogue and Qt's own dialogs write “ủy quyền” and “Hủy”."""
    from ui.pages.lifecycle_dialogs import ReturnDialog

    _paths, store = desk
    dialog = ReturnDialog(store, runner)
    qtbot.addWidget(dialog)
    shown = [dialog.to.itemText(i) for i in range(dialog.to.count())]
    shown += [label.text() for label in dialog.findChildren(QLabel)]
    assert any("ủy quyền" in text for text in shown), shown
    catalogue = (Path(__file__).resolve().parents[2] / "resources" / "i18n" / "motcua_vi.ts").read_text("utf-8")
    assert "uỷ" not in catalogue and "huỷ" not in catalogue.lower()
