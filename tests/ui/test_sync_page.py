"""The Đồng bộ page, the live status bar, the status notice and the Hồ sơ page, against a real
portal on loopback and the real sync thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.store.models import OutboxItem
from portal.admin import create_enrolment_token, set_status
from portal.db import dispose
from sync.enrolment import enrol
from tests.portal.conftest import ThreadedPortal
from tests.sync.support import receive
from tests.ui.conftest import save_screen
from ui.main_window import MainWindow

WAIT_MS = 20_000


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[tuple[ThreadedPortal, str]]:
    url = f"sqlite:///{tmp_path / 'portal.db'}"
    with ThreadedPortal(url, tmp_path / "portal-blobs") as server:
        yield server, url
    dispose(url)


@pytest.fixture
def window(qtbot, desk_store, paths, runner, vietnamese) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    shown = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(shown)
    shown.resize(1280, 760)
    shown.show()
    yield shown
    shown.close()


def test_not_enrolled_desk_says_so(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.start()
    assert window.status.link.text() == "Chưa đăng ký với cổng"
    window.show_page("sync")
    assert "Chưa đăng ký với cổng" in window.sync_page.link.text()


def test_f5_and_usb_export_before_enrolment_say_what_to_do(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr("ui.pages.sync.save_file_name", lambda *a, **k: (asked.append("file"), "")[1])
    window.start()
    window.show_page("sync")
    qtbot.waitUntil(lambda: window.sync_page.model is not None, timeout=WAIT_MS)
    window.sync_page.sync_now()
    assert "chưa đăng ký với cổng" in window.sync_page.message.text()
    assert "Đang đồng bộ" not in window.sync_page.message.text()
    window.sync_page.export_bundle()
    assert asked == [] and "chưa đăng ký với cổng" in window.sync_page.message.text()


def test_an_idle_pass_does_not_hide_what_the_pass_before_it_sent(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from sync.engine import SyncReport

    window.start()
    page = window.sync_page
    page._report(SyncReport(online=True, sent=4))
    assert "gửi 4" in page.message.text()
    page._report(SyncReport(online=True, sent=0))  # the runner's next pass, a second later
    assert "không có gì mới" in page.message.text() and "gửi 4" in page.message.text()
    page._report(SyncReport(online=True, sent=1, quarantined=2))
    assert "gửi 1" in page.message.text() and "2 hồ sơ bị cổng từ chối" in page.message.text()


def test_usb_export_with_an_empty_queue_asks_for_no_file(qtbot, window, desk_store, portal,  # type: ignore[no-untyped-def]
                                                         monkeypatch) -> None:
    server, db_url = portal
    enrol(desk_store, server.url, create_enrolment_token(db_url, desk_store.unit.code))
    asked: list[str] = []
    monkeypatch.setattr("ui.pages.sync.save_file_name", lambda *a, **k: (asked.append("file"), "")[1])
    window.start()
    window.show_page("sync")
    page = window.sync_page
    qtbot.waitUntil(lambda: bool(getattr(page, "_portal", None)), timeout=WAIT_MS)
    page.export_bundle()
    qtbot.waitUntil(lambda: "không cần tạo gói" in page.message.text(), timeout=WAIT_MS)
    assert asked == []


def test_reception_is_delivered_and_portal_status_comes_back(qtbot, window, desk_store, portal,
                                                             tmp_path) -> None:  # type: ignore[no-untyped-def]
    server, db_url = portal
    enrol(desk_store, server.url, create_enrolment_token(db_url, desk_store.unit.code))
    made = receive(desk_store, tmp_path)
    window.start()
    # The sync thread's first pass delivers it; the status bar and both pages follow.
    qtbot.waitUntil(lambda: window.status.outbox.text() == "Không có gì chờ đồng bộ", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.status.link.text() == "Trực tuyến · đã kết nối cổng", timeout=WAIT_MS)
    window.show_page("dossiers")
    qtbot.waitUntil(lambda: window.dossiers_page.model.rowCount() == 1, timeout=WAIT_MS)
    row = [window.dossiers_page.model.data(window.dossiers_page.model.index(0, c)) for c in range(8)]
    assert row[0] == made.code and row[7] == "Đã gửi"

    set_status(db_url, made.code, "DANG_XU_LY", "Đã chuyển phòng Tư pháp")
    with qtbot.waitSignal(window.sync.statuses_arrived, timeout=WAIT_MS) as arrived:
        window.sync.notify()
    assert arrived.args[0] == [{"code": made.code, "status": "DANG_XU_LY"}]
    assert window.status.currentMessage() == f"Tin mới từ cổng: {made.code} → Đang xử lý"
    window.show_page("sync")
    qtbot.waitUntil(lambda: window.sync_page.news_model.rowCount() == 1, timeout=WAIT_MS)
    news = window.sync_page.news_model
    assert [news.data(news.index(0, c)) for c in (0, 1, 3)] == [made.code, "Đang xử lý", "Đã chuyển phòng Tư pháp"]
    save_screen(window, "sync", publish=True)

    # Enter on the news opens the dossier: its timeline shows the portal's step.
    with qtbot.waitSignal(window.dossiers_page.detail_shown, timeout=WAIT_MS) as shown:
        window.sync_page.news.setFocus()
        window.sync_page.news.selectRow(0)
        qtbot.keyClick(window.sync_page.news, Qt.Key.Key_Return)
    dialog = shown.args[0]
    text = dialog.text.toPlainText()
    assert "Đang xử lý" in text and "Đã gửi lên cổng" in text and "Đã chuyển phòng Tư pháp" in text
    dialog.close()


def test_refused_item_shows_the_portal_words_and_retry_requeues(qtbot, window, desk_store, portal,
                                                                 tmp_path) -> None:  # type: ignore[no-untyped-def]
    server, db_url = portal
    enrol(desk_store, server.url, create_enrolment_token(db_url, desk_store.unit.code))
    bad = receive(desk_store, tmp_path, name="bad")
    with desk_store.session() as session:
        row = session.scalar(select(OutboxItem).where(OutboxItem.dossier_id == bad.dossier_id))
        row.payload = {**row.payload, "applicant": {**row.payload["applicant"], "full_name": ""}}
    window.start()
    window.show_page("sync")
    page = window.sync_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.data(page.model.index(0, 2)) == "Bị từ chối",
                    timeout=WAIT_MS)
    reason = page.model.data(page.model.index(0, 5))
    assert "applicant.full_name" in reason
    assert "bị từ chối: 1" in window.status.outbox.text()
    assert page.queue_title.text() == "Chờ gửi: 0 · bị cổng từ chối: 1"
    save_screen(window, "sync_refused")
    page.table.selectRow(0)
    qtbot.keyClick(page.retry_button, Qt.Key.Key_Space)
    assert page.message.text() == f"{bad.code} sẽ được gửi lại ngay."
    # Still refused (nothing was fixed): back in quarantine after the pass, never lost.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.data(page.model.index(0, 3)) == "2",
                    timeout=WAIT_MS)


def test_bundle_export_from_the_page(qtbot, window, desk_store, portal, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server, db_url = portal
    enrol(desk_store, server.url, create_enrolment_token(db_url, desk_store.unit.code))
    server.__exit__()  # the link is gone: the bundle is the only way
    receive(desk_store, tmp_path)
    window.start()
    out = tmp_path / "usb" / "motcua.mcbundle"
    window.sync_page.export_bundle_to(str(out))
    qtbot.waitUntil(lambda: out.exists(), timeout=WAIT_MS)
    assert window.sync_page.message.text().startswith(f"Đã ghi {out}: 1 hồ sơ")
