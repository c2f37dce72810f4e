"""The Reports page (Báo cáo) in Vietnamese over a real store: the figures of `motcua report`,
the chart (QtCharts, offscreen), a reversed period refused in words, the printable report in
the PDF viewer, and the register saved from the page."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlalchemy import select

from app.reports.figures import compute_report
from app.reports.period import make_period
from app.store.models import AuditEvent
from tests.app.register_support import Desk, build_desk
from tests.app.test_receipt_support import need
from tests.ui.conftest import save_screen
from ui.pages.reports import ReportsPage
from ui.pages.reports import month_of

NOVEMBER = (date(2025, 11, 1), date(2025, 11, 30))


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory):
    built = build_desk(tmp_path_factory.mktemp("reports-page"))
    yield built
    built.store.close()


@pytest.fixture
def page(qtbot, desk: Desk, runner, vietnamese) -> ReportsPage:  # type: ignore[no-untyped-def]
    shown = ReportsPage(desk.store, runner)
    qtbot.addWidget(shown)
    shown.resize(1180, 900)
    shown.set_period(*NOVEMBER)
    return shown


def show_report(qtbot, page: ReportsPage):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.report_shown, timeout=10_000) as shown:
        page.start_edit.setFocus()
        qtbot.keyClick(page.start_edit, Qt.Key.Key_Return)
    return shown.args[0]


def test_the_page_shows_the_figures_of_motcua_report(qtbot, page: ReportsPage, desk: Desk) -> None:
    report = show_report(qtbot, page)
    with desk.store.read_session() as session:
        expected = compute_report(session, make_period(*NOVEMBER), now=report.made_at)
    assert report == expected
    tiles = {key: (value.text(), detail.text()) for key, (value, detail) in page.tiles.items()}
    assert tiles["received"] == ("7", "")
    assert tiles["returned"] == ("4", "1 đúng hạn, 3 trễ hạn")
    assert tiles["on_time"] == ("25,0 %", "trên 4 kết quả đã trả trong kỳ")
    assert tiles["post"][0] == "1" and tiles["overdue"][0] == "1"
    assert tiles["unsynced"][0] == "8" and desk.codes["returned"] in tiles["unsynced"][1]
    statuses = {page.status_model.index(r, 0).data(): page.status_model.index(r, 1).data()
                for r in range(page.status_model.rowCount())}
    assert statuses == {"Mới tiếp nhận": "1", "Từ chối tiếp nhận": "1", "Chờ bổ sung": "1",
                        "Đã trả kết quả": "4"}
    assert page.channel_model.index(0, 0).data() == "Trực tiếp tại Bộ phận một cửa"
    assert [page.procedure_model.index(r, 2).data() for r in range(2)] == ["6", "1"]
    assert page.official_model.index(0, 0).data() == "Trần Thị Bình"
    assert page.message.text() == ""


def test_the_chart_draws_receptions_and_returns_per_day_offscreen(qtbot, page: ReportsPage) -> None:
    show_report(qtbot, page)
    received, returned = page.chart.chart().series()
    assert (received.name(), returned.name()) == ("Tiếp nhận", "Trả kết quả")
    assert received.count() == returned.count() == 30
    assert max(point.y() for point in received.points()) == 6
    picture = page.chart.picture()
    colours = {picture.pixelColor(x, y).name() for x in range(0, picture.width(), 7)
               for y in range(0, picture.height(), 7)}
    assert QColor("#1f5fa8").name() in colours  # the received line is really drawn


def test_a_reversed_period_is_refused_in_words(qtbot, page: ReportsPage) -> None:
    page.start_edit.setDate(QDate(2025, 12, 1))
    page.end_edit.setDate(QDate(2025, 11, 1))
    with qtbot.assertNotEmitted(page.report_shown):
        qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == ("Khoảng thời gian bắt đầu ngày 01/12/2025, sau ngày kết thúc 01/11/2025: "
                                   "hãy để ngày sớm hơn trước.")
    page.save_register_to(Path("/nonexistent/so.pdf"))  # refused before anything is read or written
    assert "01/12/2025" in page.message.text()


def test_the_printable_report_opens_in_the_viewer(qtbot, page: ReportsPage, tmp_path: Path) -> None:
    show_report(qtbot, page)
    with qtbot.waitSignal(page.viewer_shown, timeout=10_000) as opened:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    viewer = opened.args[0]
    assert viewer.pages >= 1
    assert viewer.windowTitle() == "Báo cáo 01/11/2025 – 30/11/2025"
    pdf = tmp_path / "bao-cao.pdf"
    pdf.write_bytes(viewer.shown.pdf)
    text = subprocess.run([need("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert "BÁO CÁO TÌNH HÌNH TIẾP NHẬN, TRẢ KẾT QUẢ HỒ SƠ" in lines
    assert "Từ ngày 01/11/2025 đến ngày 30/11/2025" in lines
    assert "Hồ sơ đã tiếp nhận 7" in lines
    assert "Trả đúng hạn 1 (25,0 %)" in lines
    assert "Đã trả kết quả 4" in lines
    viewer.reject()


def test_the_register_is_saved_from_the_page_and_audited(qtbot, page: ReportsPage, desk: Desk,
                                                         tmp_path: Path) -> None:
    target = tmp_path / "so.xlsx"
    page.register_chooser = lambda _parent, suggested: str(target) if suggested.endswith(".xlsx") else ""
    with qtbot.waitSignal(page.register_saved, timeout=20_000) as saved:
        qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    assert saved.args == [target, 7]
    assert page.message.text() == f"Đã lưu sổ theo dõi: 7 hồ sơ vào {target}"
    sheet = openpyxl.load_workbook(target).active
    assert sheet["A2"].value == "SỔ THEO DÕI HỒ SƠ" and isinstance(sheet["J13"].value, datetime)
    with desk.store.read_session() as session:
        actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq.desc()).limit(1)))
    assert actions == ["register_exported"]
    page.save_register_to(tmp_path / "so.docx")
    assert page.message.text() == ("Sổ theo dõi chỉ lưu được dạng PDF, Excel (.xlsx) hoặc CSV; “so.docx” "
                                   "không thuộc dạng nào.")
    assert not (tmp_path / "so.docx").exists()


def test_months_and_the_published_screenshot(qtbot, page: ReportsPage) -> None:
    assert month_of(date(2026, 3, 15)) == (date(2026, 3, 1), date(2026, 3, 31))
    assert month_of(date(2026, 3, 15), back=1) == (date(2026, 2, 1), date(2026, 2, 28))
    assert month_of(date(2026, 1, 5), back=1) == (date(2025, 12, 1), date(2025, 12, 31))
    show_report(qtbot, page)
    page.show()
    qtbot.waitExposed(page)
    save_screen(page, "reports-offscreen")  # docs/screens/reports.png: the X11 drive


def test_the_survey_tile_shows_what_citizens_answered(qtbot, page: ReportsPage, desk: Desk) -> None:
    from app.store.models import Dossier, SurveyAnswer

    with desk.store.session() as session:
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == desk.codes["returned"]))
        session.merge(SurveyAnswer(dossier_id=dossier_id, ratings={"attitude": 5, "guidance": 4, "timeliness": 3,
                                                                  "overall": 4}, comment="",
                                   first_at=datetime(2025, 11, 20, 10), answered_at=datetime(2025, 11, 21, 8)))
    tiles = {key: (value.text(), detail.text()) for key, (value, detail) in page.tiles.items()}
    assert tiles["survey"][0] == "—"
    show_report(qtbot, page)
    tiles = {key: (value.text(), detail.text()) for key, (value, detail) in page.tiles.items()}
    assert tiles["survey"] == ("100,0 %", "1 lượt đánh giá; điểm chung trung bình 4,0 / 5")


def test_the_page_names_statuses_as_the_list_does(vietnamese) -> None:  # type: ignore[no-untyped-def]
    """One word per status on every screen: the page said “Đang giải quyết”, “Chờ bổ sung hồ sơ”
    and “Dừng giải quyết” where the Hồ sơ list and the detail say “Đang xử lý”, “Chờ bổ sung”
    and “Dừng xử lý”."""
    from app.statuses import STATUSES
    from ui.pages.report_text import ReportWords
    from ui.words import status_text

    words = ReportWords()
    assert [words.status(code) for code in STATUSES] == [status_text(code) for code in STATUSES]
    assert words.status("DANG_XU_LY") == "Đang xử lý"
