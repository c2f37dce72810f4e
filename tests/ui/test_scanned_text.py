"""Scanned pages are read in the background at sign-in, with progress, and then found by words."""

from __future__ import annotations

from pathlib import Path

from app.capture.pages import RawPage
from app.capture.pdfa import write_pdf
from app.capture.pipeline import process_page
from app.capture.specimens import specimen_set
from app.reception.model import PageInput
from app.reception.service import confirm_reception
from tests.app.reception_support import birth_request
from ui.main_window import MainWindow


def test_sign_in_reads_unread_scans_and_the_list_finds_them(qtbot, desk_store, paths, runner, vietnamese,
                                                            tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ui.main_window

    monkeypatch.setattr(ui.main_window, "HOUSEKEEPING_DELAY_MS", 0)
    plain = next(s for s in specimen_set(0) if s.name == "plain")
    pdf = tmp_path / "to-khai.pdf"
    write_pdf([process_page(RawPage(plain.image, plain.dpi, "scan"))], pdf)
    request = birth_request(desk_store, tmp_path / "pages")
    request.documents[0].pages = [PageInput(pdf, "application/pdf")]
    request.received_at = None  # now: sign-in catches up on the last week's receptions only
    made = confirm_reception(desk_store, request)

    window = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(window)
    seen: list[tuple[int, int]] = []
    window.text_progress.connect(lambda done, total: seen.append((done, total)))
    # The early warnings share the status bar and may come before or after, as the machine allows.
    said: list[str] = []
    window.status.messageChanged.connect(said.append)
    window.start()  # housekeeping starts from the event loop, a moment after sign-in
    assert seen == []
    qtbot.waitUntil(lambda: seen == [(1, 2), (2, 2)], timeout=20_000)
    qtbot.waitUntil(lambda: "Đã có thể tìm hồ sơ theo chữ trên trang quét." in said, timeout=5_000)
    window.show_page("dossiers")
    page = window.dossiers_page
    page.search.setText("to khai dang ky khai sinh")
    page.load()
    assert page.model.rowCount() == 1 and page.model.data(page.model.index(0, 0)) == made.code
    window.close()
