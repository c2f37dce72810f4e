"""Nothing typed or saved is lost: a killed desk, a failing printer, a locked store at confirm."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func
from sqlalchemy import select

from app.paths import DataPaths
from app.store import database
from app.store.models import Dossier
from app.store.service import open_store
from tests.ui.conftest import DESK_PASSWORD
from tests.ui.conftest import ROOT
from tests.ui.conftest import save_screen
from tests.ui.conftest import type_text
from tests.ui.test_reception_flow import QR
from tests.ui.test_reception_flow import focused
from tests.ui.test_reception_flow import open_reception
from tests.ui.test_reception_flow import print_to
from tests.ui.test_reception_flow import scan_qr

# The desk app in its own process: sign in, pick the procedure, type a name and a phone number,
# report when the draft has been saved, then keep running until it is killed.
CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from app.paths import data_paths
    from ui.app import DeskApp
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    def type_text(widget, text):
        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                         Qt.KeyboardModifier.NoModifier, char))

    app = QApplication([])
    desk = DeskApp(data_paths(Path(sys.argv[1])), TaskRunner())

    def fill(page):
        if page.form.picker.data is None:
            QTimer.singleShot(20, lambda: fill(page))
            return
        QTest.keyClicks(page.form.picker.search, "khai sinh")
        QTest.keyClick(page.form.picker.search, Qt.Key.Key_Return)
        type_text(page.form.applicant.fields["full_name"].edit, "Phạm Thị Hồng Nhung")
        type_text(page.form.applicant.fields["phone"].edit, "0987654321")
        page.drafts.draft_saved.connect(lambda _id: print("DRAFT-SAVED", flush=True))

    def shown(screen):
        if isinstance(screen, MainWindow):
            fill(screen.reception_page)
            return
        username = getattr(screen.username, "edit", screen.username)
        password = getattr(screen.password, "edit", screen.password)
        type_text(username, "admin")
        type_text(password, sys.argv[2])
        QTest.keyClick(password, Qt.Key.Key_Return)

    desk.screen_changed.connect(shown)
    desk.start()
    app.exec()
""")


def test_draft_survives_a_killed_desk(qtbot, paths: DataPaths, runner, vietnamese) -> None:
    from app.desk_setup import create_desk

    store, _key = create_desk(paths, unit_code="000.00.06.H56", unit_name="UBND xã Tân Lập",
                              admin_username="admin", admin_full_name="Nguyễn Thị Hoà",
                              admin_password=DESK_PASSWORD)
    store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(paths.root), DESK_PASSWORD], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    lines: queue.Queue[str] = queue.Queue()
    # readline() blocks; a reader thread lets the test give up after a deadline instead.
    threading.Thread(target=lambda: [lines.put(line) for line in child.stdout], daemon=True).start()
    try:
        try:
            while "DRAFT-SAVED" not in lines.get(timeout=60):
                pass
        except queue.Empty:
            child.kill()
            pytest.fail(f"the desk never saved a draft: {child.stderr.read()[-2000:]}")  # type: ignore
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    store = open_store(paths, username="admin", password=DESK_PASSWORD)
    try:
        window = open_reception(qtbot, store, paths, runner)
        page = window.reception_page
        assert page.banner.isVisible()
        assert "Phạm Thị Hồng Nhung" in page.banner.text.text()
        assert "Tiếp tục hồ sơ đang nhập dở?" in page.banner.text.text()
        save_screen(window, "reception_draft_offer")
        qtbot.keyClick(focused(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        assert not page.banner.isVisible()
        fields = page.form.applicant.fields
        assert fields["full_name"].text() == "Phạm Thị Hồng Nhung"
        assert fields["phone"].text() == "0987654321"
        assert page.form.picker.version is not None and page.form.picker.version.code == "1.001193"
        assert len(page.form.documents.documents()) == 5
        window.close()
    finally:
        store.close()


def count_dossiers(store) -> int:  # type: ignore[no-untyped-def]
    with store.read_session() as session:
        return session.scalar(select(func.count()).select_from(Dossier)) or 0


def fill_birth_registration(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    type_text(qtbot, focused(), "khai sinh")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    scan_qr(qtbot, QR)
    qtbot.keyClick(focused(), Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_failing_printer_keeps_the_dossier_and_reprint_works(qtbot, desk_store, paths, runner,
                                                             vietnamese, tmp_path) -> None:
    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    print_to(page, tmp_path / "no-such-folder" / "receipt.pdf")  # the "printer" cannot write
    fill_birth_registration(qtbot, page)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    code = page.last_result.code
    assert count_dossiers(desk_store) == 1
    assert f"Đã lưu hồ sơ {code} — chưa in được biên nhận" in page.result.text.text()
    assert page.result.reprint_button.isVisible()
    save_screen(window, "reception_print_failed")

    page.printer.printer_factory = lambda: None  # and now no printer at all
    qtbot.keyClick(focused(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "chưa cài máy in" in page.result.text.text()

    good = tmp_path / "reprint.pdf"
    print_to(page, good)
    qtbot.keyClick(focused(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert good.read_bytes().startswith(b"%PDF")
    assert "đã in biên nhận" in page.result.text.text()
    assert count_dossiers(desk_store) == 1
    window.close()


def test_locked_store_at_confirm_keeps_the_form(qtbot, desk_store, paths, runner, vietnamese, tmp_path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.2)
    store = open_store(paths, username="admin", password=DESK_PASSWORD)  # waits 0.2 s for locks
    try:
        window = open_reception(qtbot, store, paths, runner)
        page = window.reception_page
        print_to(page, tmp_path / "r.pdf")
        fill_birth_registration(qtbot, page)
        holder = database.raw_connect(store.paths.store, store._key)
        holder.execute("BEGIN IMMEDIATE")  # another desk holds the write lock
        try:
            qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert page.last_result is None and count_dossiers(store) == 0
        assert "CHƯA lưu được hồ sơ" in page.alert.text() and page.alert.isVisible()
        assert page.form.applicant.fields["full_name"].text() == "Nguyễn Thị Lan"
        save_screen(window, "reception_store_locked")
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert page.last_result is not None and count_dossiers(store) == 1
        assert not page.alert.isVisible()
        window.close()
    finally:
        store.close()


def test_confirming_the_same_draft_twice_makes_one_dossier(qtbot, desk_store, paths, runner,
                                                           tmp_path) -> None:
    window = open_reception(qtbot, desk_store, paths, runner)
    page = window.reception_page
    print_to(page, tmp_path / "r.pdf")
    fill_birth_registration(qtbot, page)
    draft_id = page.draft_id
    request, _problems = page.form.request(draft_id)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    first = page.last_result
    from app.reception.service import confirm_reception

    again = confirm_reception(desk_store, request)  # a second official confirming the same draft
    assert again.already_confirmed and again.code == first.code
    assert count_dossiers(desk_store) == 1
    window.close()
