"""The tracking register (Sổ theo dõi hồ sơ) of real dossiers: the PDF read back with pdftotext
and compared cell by cell, the Excel workbook read back with openpyxl (types checked), the CSV
as Excel users open it, the 2018 and 2025 layouts, hostile values, and the command line."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.cli.main import main as cli_main
from app.errors import InputError
from app.register.layout import PRINTED, TABULAR
from app.register.pdf import MARGIN_X, WIDTHS_MM, render_register_pdf
from app.register.rows import load_register
from app.register.xlsx import HEAD_ROW, render_register_xlsx
from app.register.csvfile import render_register_csv
from app.register.export import export_register
from app.reports.period import make_period
from app.store.models import AuditEvent, Dossier
from tests.app.register_support import BODY, Desk, build_desk
from tests.app.test_receipt_support import PASSWORD, cells, need, pdf_pages, png_of_page
from tests.screens import screen_path

NOVEMBER = make_period(date(2025, 11, 1), date(2025, 11, 30))
MM = 72 / 25.4


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory):
    built = build_desk(tmp_path_factory.mktemp("register"))
    yield built
    built.store.close()


def register_of(desk: Desk, period=NOVEMBER):  # type: ignore[no-untyped-def]
    with desk.store.read_session() as session:
        return load_register(session, period, now=datetime(2025, 12, 1, 8, 0))


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# --- reading the PDF back cell by cell --------------------------------------------------------


def table_cells(pdf: Path) -> list[list[str]]:
    """The register's rows as cell texts, from the words' positions (pdftotext -bbox): a word
    belongs to the column its left edge falls in and to the row whose STT is nearest above it."""
    html = subprocess.run([need("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    edges = [MARGIN_X / 1.0]
    for width in WIDTHS_MM:
        edges.append(edges[-1] + width * MM)
    rows: list[list[str]] = []
    for page in html.split("<page ")[1:]:
        words = [(float(x), float(y), text) for x, y, text in
                 re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)]
        stt = sorted((y, x) for x, y, text in words if text.isdigit() and edges[0] <= x < edges[1])
        starts = [y for y, _ in stt]
        page_rows = [[[] for _ in WIDTHS_MM] for _ in starts]
        for x, y, text in sorted(words, key=lambda w: (w[1], w[0])):
            above = [index for index, start in enumerate(starts) if start <= y + 0.5]
            column = next((i for i in range(len(WIDTHS_MM)) if edges[i] <= x < edges[i + 1]), None)
            if not above or column is None or y > _foot(page):
                continue
            page_rows[above[-1]][column].append(text)
        rows += [[_unescape(_joined(cell)) for cell in row] for row in page_rows]
    return rows


def _joined(words: list[str]) -> str:
    """Words of one cell as one text; a code broken after a hyphen is whole again."""
    text = ""
    for word in words:
        glue = "" if not text or (text.endswith("-") and len(text) > 1 and text[-2] != " ") else " "
        text += glue + word
    return text


def _foot(page: str) -> float:
    """Words below the last table line (the total and the footer) belong to no row."""
    totals = re.findall(r'yMin="([\d.]+)"[^>]*>Tổng</word>', page)
    footers = re.findall(r'yMin="([\d.]+)"[^>]*>Sổ</word>', page)
    return min([float(y) for y in totals + footers[-1:]] or [10_000.0]) - 1


def _unescape(text: str) -> str:
    return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')


HEADING_2025 = [
    "UBND XÃ TÂN LẬP | Mẫu số 07",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ TÂN LẬP | (Thông tư số 03/2025/TT-VPCP)",
    "SỔ THEO DÕI HỒ SƠ",
    "Từ ngày 01/11/2025 đến ngày 30/11/2025",
    "Ngày, tháng, năm",
]
ADDRESS = "Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ; 0912345678"
BIRTH = "Đăng ký khai sinh"
CERTIFY = ("Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam "
           "cấp hoặc chứng nhận")
AN = "Nguyễn Văn An"
BINH = "Trần Thị Bình"


def expected_rows(codes: dict[str, str]) -> list[list[str]]:
    def row(n: int, code: str, procedure: str, body: str, received: str, due: str, handed: str, back: str,
            returned: str, to: str, note: str) -> list[str]:
        return [str(n), code, procedure, "1", AN, ADDRESS, body, received, due, handed, back, returned, BINH,
                to, note]

    today = "24/11/2025 09:05"
    return [
        row(1, codes["early"], BIRTH, "UBND cấp xã", "03/11/2025 14:10", "04/11/2025 17:00", "", "",
            "25/11/2025 10:00", "Phạm Văn Dũng (người được ủy quyền)", ""),
        row(2, codes["returned"], BIRTH, BODY, today, "24/11/2025 17:00", "24/11/2025 10:00",
            "24/11/2025 15:30", "24/11/2025 16:45", AN, ""),
        row(3, codes["refused"], BIRTH, "UBND cấp xã", today, "24/11/2025 17:00", "", "", "", "",
            "Từ chối tiếp nhận: Không thuộc thẩm quyền của xã"),
        row(4, codes["portal"], BIRTH, "UBND cấp xã", today, "24/11/2025 17:00", "24/11/2025 11:00",
            "25/11/2025 14:00", "26/11/2025 08:00", "", ""),
        row(5, codes["open"], BIRTH, "UBND cấp xã", today, "24/11/2025 17:00", "", "", "", "", ""),
        row(6, codes["waiting"], BIRTH, "UBND cấp xã", today, "24/11/2025 17:00", "", "", "", "",
            "Chờ bổ sung hồ sơ"),
        row(7, codes["posted"], CERTIFY, "Công chức Văn phòng - Thống kê", today, "26/11/2025 16:00",
            "24/11/2025 09:30", "26/11/2025 10:00", "27/11/2025 10:00",
            "Bưu chính: EL123456789VN (Lê Thị Cúc)",
            "Xin lỗi, hẹn lại 26/11/2025 16:00; Hẹn lần đầu 25/11/2025 09:05"),
    ]


def test_pdf_register_text_is_exact(desk: Desk, tmp_path: Path) -> None:
    pdf = write(tmp_path, "so.pdf", render_register_pdf(register_of(desk)))
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    lines = cells(pages[0])
    assert lines[:5] == HEADING_2025
    assert lines[-2:] == ["Tổng số: 7 hồ sơ.",
                          "Sổ theo dõi hồ sơ – Trung tâm Phục vụ hành chính công xã Tân Lập – từ ngày "
                          "01/11/2025 đến ngày 30/11/2025 | Trang 1/1"]
    # Every cell, read back from where its words are on the page.
    assert table_cells(pdf) == expected_rows(desk.codes)
    published = screen_path("register.png", publish=True)
    if published is not None:
        png_of_page(pdf, 1, published, dpi=110)


def test_pdf_is_a4_landscape_with_embedded_fonts(desk: Desk, tmp_path: Path) -> None:
    pdf = write(tmp_path, "so.pdf", render_register_pdf(register_of(desk)))
    info = subprocess.run([need("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+841\.89 x 595\.276 pts \(A4\)", info), info
    fonts = subprocess.run([need("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all("LiberationSerif" in line and " yes " in line for line in rows), fonts


def test_a_period_before_15_09_2025_prints_the_2018_layout(desk: Desk, tmp_path: Path) -> None:
    september = make_period(date(2025, 9, 1), date(2025, 9, 14))
    pdf = write(tmp_path, "so.pdf", render_register_pdf(register_of(desk, september)))
    lines = cells(pdf_pages(pdf)[0])
    assert lines[:4] == ["UBND XÃ TÂN LẬP | Mẫu số 06",
                         "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ TÂN LẬP | (Thông tư số 01/2018/TT-VPCP)",
                         "SỔ THEO DÕI HỒ SƠ", "Từ ngày 01/09/2025 đến ngày 14/09/2025"]
    assert [row[:2] for row in table_cells(pdf)] == [["1", desk.codes["september"]]]
    # The register closed after the 2025 circular took effect is printed under it.
    assert register_of(desk, make_period(date(2025, 9, 1), date(2025, 9, 30))).layout.form == "07"


def test_an_empty_period_says_so(desk: Desk, tmp_path: Path) -> None:
    pdf = write(tmp_path, "so.pdf", render_register_pdf(register_of(desk, make_period(date(2025, 10, 1),
                                                                                        date(2025, 10, 31)))))
    lines = cells(pdf_pages(pdf)[0])
    assert "Không có hồ sơ nào được tiếp nhận trong thời gian này." in lines
    assert "Tổng số: 0 hồ sơ." in lines


def test_excel_has_real_dates_numbers_and_a_frozen_vietnamese_header(desk: Desk, tmp_path: Path) -> None:
    path = write(tmp_path, "so.xlsx", render_register_xlsx(register_of(desk)))
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Sổ theo dõi hồ sơ"
    assert sheet["A2"].value == "SỔ THEO DÕI HỒ SƠ"
    assert sheet["A3"].value == "Từ ngày 01/11/2025 đến ngày 30/11/2025"
    assert sheet.freeze_panes == f"C{HEAD_ROW + 1}"
    assert sheet.auto_filter.ref == f"A{HEAD_ROW}:Q{HEAD_ROW + 7}"
    heads = [cell.value for cell in sheet[HEAD_ROW]]
    assert heads == [column.flat for column in TABULAR]
    assert heads[:4] == ["STT", "Mã hồ sơ", "Mã thủ tục", "Tên thủ tục hành chính"]
    assert all(sheet.column_dimensions[letter].width >= 6 for letter in "ABCDEFGHIJKLMNOPQ")
    values = {head: cell for head, cell in zip(heads, sheet[HEAD_ROW + 7])}
    assert values["STT"].value == 7 and values["STT"].data_type == "n"
    assert values["Số lượng hồ sơ (bộ)"].value == 1 and isinstance(values["Số lượng hồ sơ (bộ)"].value, int)
    received = values["Ngày nhận hồ sơ"]
    assert received.value == datetime(2025, 11, 24, 9, 5) and received.is_date
    assert received.number_format == "dd/mm/yyyy hh:mm"
    assert values["Ngày trả kết quả cho cá nhân, tổ chức"].value == datetime(2025, 11, 27, 10, 0)
    assert values["Mã hồ sơ"].value == desk.codes["posted"]
    assert values["Mã thủ tục"].value == "2.000815"
    assert values["Địa chỉ"].value == "Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ"
    assert values["Số điện thoại"].value == "0912345678" and values["Số điện thoại"].data_type == "s"
    assert values["Ký nhận (người nhận kết quả)"].value == "Bưu chính: EL123456789VN (Lê Thị Cúc)"
    # An empty date is an empty cell, not a text that looks empty.
    open_row = {head: cell.value for head, cell in zip(heads, sheet[HEAD_ROW + 5])}
    assert open_row["Ngày trả kết quả cho cá nhân, tổ chức"] is None


def test_csv_opens_in_excel_as_utf8_with_iso_dates(desk: Desk) -> None:
    data = render_register_csv(register_of(desk))
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [column.flat for column in TABULAR]
    assert len(rows) == 8
    posted = dict(zip(rows[0], rows[7]))
    assert posted["Ngày nhận hồ sơ"] == "2025-11-24 09:05"
    assert posted["Ngày hẹn trả kết quả"] == "2025-11-26 16:00"
    assert posted["Tên cá nhân, tổ chức"] == "Nguyễn Văn An"
    assert posted["Ghi chú"] == "Xin lỗi, hẹn lại 26/11/2025 16:00; Hẹn lần đầu 25/11/2025 09:05"
    assert b"\r\n" in data


def test_formulas_and_control_characters_from_stored_data_stay_plain_text(tmp_path: Path) -> None:
    """A name that reached the store from elsewhere (a portal pull, an old import) is not checked
    like typed input: written as given, it would run as a formula in Excel, and a control
    character would make openpyxl refuse the whole workbook."""
    desk = build_desk(tmp_path)
    try:
        hostile = '=HYPERLINK("http://example.invalid/x","Bấm vào")\x07\u202e'
        with desk.store.session() as session:
            dossier = session.scalar(select(Dossier).where(Dossier.code == desk.codes["open"]))
            dossier.data = {**dossier.data, "applicant": {**dossier.data["applicant"], "full_name": hostile,
                                                          "address": "-1+2\nthôn Đông"}}
        register = register_of(desk)
        sheet = openpyxl.load_workbook(write(tmp_path, "so.xlsx", render_register_xlsx(register))).active
        heads = [cell.value for cell in sheet[HEAD_ROW]]
        row = {head: cell for head, cell in zip(heads, sheet[HEAD_ROW + 5])}
        name = row["Tên cá nhân, tổ chức"]
        assert name.data_type == "s" and name.value == '=HYPERLINK("http://example.invalid/x","Bấm vào")'
        assert row["Địa chỉ"].value == "-1+2 thôn Đông" and row["Địa chỉ"].data_type == "s"
        csv_rows = list(csv.reader(io.StringIO(render_register_csv(register).decode("utf-8-sig"))))
        values = dict(zip(csv_rows[0], csv_rows[5]))
        assert values["Tên cá nhân, tổ chức"] == "'" + '=HYPERLINK("http://example.invalid/x","Bấm vào")'
        assert values["Địa chỉ"] == "'-1+2 thôn Đông"
        text = "\n".join(pdf_pages(write(tmp_path, "so.pdf", render_register_pdf(register))))
        assert "\u202e" not in text and "\x07" not in text
    finally:
        desk.store.close()


def test_a_huge_note_cannot_make_a_row_taller_than_a_page(tmp_path: Path) -> None:
    desk = build_desk(tmp_path)
    try:
        with desk.store.session() as session:
            dossier = session.scalar(select(Dossier).where(Dossier.code == desk.codes["open"]))
            dossier.data = {**dossier.data, "applicant": {**dossier.data["applicant"],
                                                          "address": "thôn Đông " * 2000,
                                                          "full_name": "X" * 3000}}
        pdf = write(tmp_path, "so.pdf", render_register_pdf(register_of(desk)))
        rows = table_cells(pdf)
        assert [row[0] for row in rows] == [str(n) for n in range(1, 8)]
        assert rows[4][5].endswith("…") and rows[4][4].endswith("…")
    finally:
        desk.store.close()


def test_many_rows_run_over_pages_with_the_heading_on_each(tmp_path: Path) -> None:
    from bench.synthetic import fill_store

    desk = build_desk(tmp_path)
    try:
        fill_store(desk.store, 400, days=20, today=date(2025, 11, 21))
        pdf = write(tmp_path, "so.pdf", render_register_pdf(register_of(desk)))
        pages = pdf_pages(pdf)
        assert len(pages) > 5
        for number, page in enumerate(pages, 1):
            lines = cells(page)
            assert any(line.startswith("STT | Mã hồ sơ | Tên thủ tục hành chính") for line in lines), number
            assert lines[-1].endswith(f"Trang {number}/{len(pages)}")
        rows = table_cells(pdf)
        assert [row[0] for row in rows] == [str(n) for n in range(1, 408)]
        with desk.store.read_session() as session:
            codes = set(session.scalars(select(Dossier.code).where(Dossier.received_at >= NOVEMBER.begins,
                                                                   Dossier.received_at < NOVEMBER.ends)))
        assert sorted(row[1] for row in rows) == sorted(codes)
    finally:
        desk.store.close()


def test_export_picks_the_format_and_refuses_others(desk: Desk, tmp_path: Path) -> None:
    with desk.store.read_session() as session:
        for name in ("so.pdf", "so.XLSX", "so.csv"):
            out, rows = export_register(session, NOVEMBER, tmp_path / name)
            assert rows == 7 and out.stat().st_size > 0
        with pytest.raises(InputError) as refused:
            export_register(session, NOVEMBER, tmp_path / "so.docx")
    assert refused.value.kind == "reports.register_format"
    assert not (tmp_path / "so.docx").exists()
    assert openpyxl.load_workbook(tmp_path / "so.XLSX").active.max_row == HEAD_ROW + 7
    assert len(PRINTED) == len(WIDTHS_MM)


# --- the command line ---------------------------------------------------------------------------


def run(desk: Desk, *argv: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    monkeypatch.setenv("MOTCUA_USER", "binh")
    return cli_main(["--data-dir", str(desk.folder / "data"), *argv])


def test_cli_register_writes_the_file_and_audits_it(desk: Desk, tmp_path: Path, monkeypatch, capsys) -> None:
    out = tmp_path / "so-11-2025.xlsx"
    assert run(desk, "register", "--from", "2025-11-01", "--to", "2025-11-30", "--out", str(out),
               monkeypatch=monkeypatch) == 0
    assert "7 dossiers" in capsys.readouterr().out
    assert openpyxl.load_workbook(out).active.max_row == HEAD_ROW + 7
    with desk.store.read_session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "register_exported")
                                .order_by(AuditEvent.seq.desc())).first()
    assert event is not None and event.username == "binh"
    assert event.details == {"period": {"from": "2025-11-01", "to": "2025-11-30"}, "rows": 7,
                             "format": ".xlsx"}


@pytest.mark.parametrize(("argv", "message"), [
    (("--from", "2025-11-30", "--to", "2025-11-01"),
     "motcua: date range: --from 2025-11-30 is after --to 2025-11-01; give the earlier date first\n"),
    (("--from", "30/11/2025x", "--to", "2025-11-01"),
     "motcua: --from: '30/11/2025x' is not a date; write it as YYYY-MM-DD (e.g. 2026-11-30)\n"),
    (("--from", "2024-01-01", "--to", "2025-11-30"),
     "motcua: date range: 700 days from 2024-01-01 to 2025-11-30; at most 366 days at a time\n"),
    # The last day the calendar has: the day after it does not exist (was an internal error).
    (("--from", "9999-12-31", "--to", "9999-12-31"),
     "motcua: --from: 9999-12-31 is not between 2000 and 2099, the years dossiers are kept for\n"),
    (("--from", "2025-11-01", "--to", "1999-12-31"),
     "motcua: --to: 1999-12-31 is not between 2000 and 2099, the years dossiers are kept for\n"),
])
def test_cli_refuses_a_bad_range_with_one_line(desk: Desk, tmp_path: Path, monkeypatch, capsys,
                                               argv: tuple[str, ...], message: str) -> None:
    out = tmp_path / "so.pdf"
    for command in (("register", *argv, "--out", str(out)), ("report", *argv)):
        assert run(desk, *command, monkeypatch=monkeypatch) == 2
        captured = capsys.readouterr()
        assert captured.err == message and captured.out == ""
    assert not out.exists()


def test_cli_refuses_an_unknown_format_before_opening_the_store(desk: Desk, tmp_path: Path, monkeypatch,
                                                                 capsys) -> None:
    out = tmp_path / "so.docx"
    monkeypatch.setenv("MOTCUA_PASSWORD", "wrong password")
    assert cli_main(["--data-dir", str(desk.folder / "data"), "register", "--from", "2025-11-01", "--to",
                     "2025-11-30", "--out", str(out), "--user", "binh"]) == 2
    assert capsys.readouterr().err == ("motcua: --out: 'so.docx' must end in .pdf, .xlsx or .csv "
                                       "(the format of the register)\n")
    assert not out.exists()


def test_long_unit_and_agency_names_stay_on_the_page(desk: Desk, tmp_path: Path) -> None:
    """Names as long as the store accepts (200 characters) wrap in the heading and are cut in
    the footer; before, they ran off the paper and over the form number and page number."""
    from dataclasses import replace

    long_name = ("Trung tâm Phục vụ hành chính công xã Tân Lập " * 5)[:200].strip()
    register = replace(register_of(desk), unit_name=long_name, parent_agency=("Ủy ban nhân dân xã " * 12)[:200])
    pdf = write(tmp_path, "so.pdf", render_register_pdf(register))
    html = subprocess.run([need("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', html)[1])  # type: ignore[index]
    boxes = [(float(a), float(b), float(c), float(d), word) for a, b, c, d, word in
             re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html)]
    assert max(box[2] for box in boxes) <= width - MARGIN_X + 0.5
    # Nothing printed over "Mẫu số 07" or "Trang 1/1".
    for marker in ("07", "1/1"):
        (x0, y0, x1, y1, _), = [box for box in boxes if box[4] == marker]
        overlapping = [box for box in boxes if box[4] != marker and box[0] < x1 and box[2] > x0
                       and box[1] < y1 and box[3] > y0]
        assert overlapping == [], marker
    lines = cells(pdf_pages(pdf)[0])
    assert lines[1].startswith("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ TÂN LẬP")
    assert lines[0].startswith("ỦY BAN NHÂN DÂN XÃ") and "…" in lines[0]
