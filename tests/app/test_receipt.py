"""The printed receipt (Mẫu 01) of real dossiers: text read back with pdftotext and compared
exactly, QR codes decoded from the rendered page, paper sizes, copies, fonts, and bad input."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from app.errors import InputError, NotFoundError
from app.forms.receipt import render_receipt
from app.forms.render import render_form
from app.forms.settings import ReceiptSettings, receipt_settings
from app.payments.vietqr import parse_emv, verify_crc
from app.reception.views import load_dossier_view
from tests.app.test_receipt_support import (ARTIFACTS, birth_request, cells, certify_request, configure,
                                            make_desk, need, page_file, pdf_pages, png_of_page, qr_texts,
                                            receive)
from tests.screens import screen_path

VIETQR = {"bin": "970436", "account": "0011004455667", "account_name": "UBND XA TAN LAP"}
SURVEY = "https://khaosat.example.vn/ks?ma={code}"


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory):
    """One desk with three dossiers: a birth registration, a paid certification, a posted result."""
    folder = tmp_path_factory.mktemp("receipt")
    store = make_desk(folder / "data")
    configure(store)
    page = page_file(folder)
    birth = receive(store, birth_request(store, page))
    certify = receive(store, certify_request(store, page, pages=5, payment="transfer"))
    posted = receive(store, birth_request(store, page, delivery="post", payment_method="exempt",
                                          exempt_reason="Hộ nghèo", received_at=None))
    yield store, {"birth": birth, "certify": certify, "posted": posted}, folder
    store.close()


def render(store, code: str, out: Path, *, paper: str | None = None, form: str = "01") -> Path:
    with store.read_session() as session:
        return render_form(session, store, code, form, out=out, paper=paper)


BIRTH_PAGE = [
    "UBND XÃ TÂN LẬP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "TRUNG TÂM PHỤC VỤ HÀNH | Độc lập - Tự do - Hạnh phúc",
    "CHÍNH CÔNG XÃ TÂN LẬP",
    "Tân Lập, ngày 24 tháng 11 năm 2025",
    "Số: {seq}",
    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "Mã hồ sơ: {code}",
    "(Liên: {copy})",
    "Bộ phận tiếp nhận và trả kết quả: Trung tâm Phục vụ hành chính công xã",
    "Tân Lập",
    "Tiếp nhận hồ sơ của: Nguyễn Văn An",
    "Địa chỉ: Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ",
    "Số điện thoại: 0912345678 Email: an.nguyen@example.vn",
    "Tra cứu hồ sơ",
    "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
    "1. Thành phần hồ sơ nộp gồm:",
    "TT | Tên giấy tờ | Hình thức | Số lượng/Ghi chú",
    "Tờ khai đăng ký khai sinh (TT 04/2020/TT-BTP,",
    "1 | sửa đổi TT 04/2024/TT-BTP) hoặc biểu mẫu điện | Bản chính | 01 bản; 1 trang",
    "tử tương tác nếu nộp trực tuyến",
    "Giấy chứng sinh; nếu không có: văn bản người",
    "2 | Bản chính | 01 bản; 2 trang",
    "làm chứng, hoặc giấy cam đoan về việc sinh",
    "Xuất trình giấy tờ tùy thân (hoặc chỉ cung cấp số",
    "3 | Bản chính | Xuất trình",
    "định danh để tra CSDLQG về dân cư)",
    "2. Số lượng hồ sơ: 01 (bộ)",
    "3. Thời gian giải quyết hồ sơ theo quy định là: Trong ngày; hồ sơ nhận sau 15 giờ tính từ",
    "ngày làm việc tiếp theo",
    "4. Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 24 tháng 11 năm 2025",
    "5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 24 tháng 11 năm 2025",
    "6. Đăng ký nhận kết quả tại: Bộ phận tiếp nhận và trả kết quả",
    "Phí, lệ phí: Không thu",
    "Vào Sổ theo dõi hồ sơ, Quyển số: 2025 Số thứ tự: {seq}",
    "NGƯỜI NỘP HỒ SƠ | NGƯỜI TIẾP NHẬN HỒ SƠ",
    "(Ký và ghi rõ họ tên) | (Ký và ghi rõ họ tên)",
    "Nguyễn Văn An | Trần Thị Bình",
    "Ghi chú:",
    "- Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên; một liên chuyển kèm theo Phiếu kiểm soát quá trình",
    "giải quyết hồ sơ và được lưu tại Bộ phận tiếp nhận và trả kết quả; một liên giao cho cá nhân, tổ chức nộp hồ sơ.",
    "- Cá nhân, tổ chức có thể đăng ký nhận kết quả tại Bộ phận tiếp nhận và trả kết quả hoặc nhận kết quả tại nhà (trụ sở",
    "tổ chức) qua dịch vụ bưu chính công ích.",
    "- Mang theo giấy hẹn và căn cước khi nhận kết quả.",
    "- Đường dây nóng: 0210 3888 999",
]


def expected_birth(code: str, copy: str) -> list[str]:
    seq = code.rsplit("-", 1)[1]
    return [line.format(code=code, seq=seq, copy=copy) for line in BIRTH_PAGE]


def test_birth_receipt_text_is_exact_on_both_copies(desk) -> None:
    store, codes, folder = desk
    pdf = render(store, codes["birth"], folder / "birth.pdf")
    pages = pdf_pages(pdf)
    assert len(pages) == 2  # one A5 page per copy
    assert cells(pages[0]) == expected_birth(codes["birth"], "Lưu")
    assert cells(pages[1]) == expected_birth(codes["birth"], "Giao người nộp")


def test_paid_certification_shows_fee_tiers_representative_and_vietqr(desk) -> None:
    store, codes, folder = desk
    code = codes["certify"]
    configure(store, **{"payment.vietqr": VIETQR, "receipt.survey_url": SURVEY})
    try:
        pdf = render(store, code, folder / "certify.pdf")
    finally:
        configure(store, **{"payment.vietqr": None, "receipt.survey_url": ""})
    lines = cells(pdf_pages(pdf)[0])
    for expected in [
        "Người nộp thay: Lê Thị Cúc (Văn bản ủy quyền số 12/2025)",
        "Nội dung yêu cầu giải quyết: Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ",
        "1 | Bản chính giấy tờ | Bản chính | 01 bản; 1 trang",
        "2 | Bản sao cần chứng thực (hoặc cơ quan chụp) | Bản chụp | 01 bản; 1 trang",
        "Phí, lệ phí: 7.000 đ (nộp bằng chuyển khoản)",
        "Chi tiết: Trang 1–2: 2 × 2.000 đ = 4.000 đ; Trang 3–5: 3 × 1.000 đ = 3.000 đ",
        "Chuyển khoản: Vietcombank – số tài khoản 0011004455667 – UBND XA TAN LAP",
        f"Số tiền: 7.000 đ; nội dung: {code.replace('.', '')}",
        "Lê Thị Cúc | Trần Thị Bình",  # the representative signs as the submitter
        "Đánh giá mức độ hài lòng",
    ]:
        assert expected in lines
    found = qr_texts(png_of_page(pdf, 1, folder / "certify-p1.png"))
    assert f"https://dichvucong.gov.vn/tra-cuu-ho-so?ma={code}" in found
    assert SURVEY.replace("{code}", code) in found
    (payment,) = [text for text in found if text.startswith("000201")]
    assert verify_crc(payment)
    fields = parse_emv(payment)
    assert fields["54"] == "7000"
    assert fields["38"]["01"] == {"00": "970436", "01": "0011004455667"}  # type: ignore[index]
    assert fields["62"]["08"] == code.replace(".", "")  # type: ignore[index]


def test_no_transfer_no_survey_means_only_the_lookup_qr(desk) -> None:
    store, codes, folder = desk
    pdf = render(store, codes["birth"], folder / "birth-qr.pdf")
    png = png_of_page(pdf, 1, ARTIFACTS / "receipt-a5-birth.png")
    assert qr_texts(png) == [f"https://dichvucong.gov.vn/tra-cuu-ho-so?ma={codes['birth']}"]
    published = screen_path("receipt-a5.png", publish=True)
    if published is not None:
        shutil.copyfile(png, published)


def test_posted_result_and_exemption(desk) -> None:
    store, codes, folder = desk
    lines = cells(pdf_pages(render(store, codes["posted"], folder / "posted.pdf"))[0])
    assert ("6. Đăng ký nhận kết quả tại: Địa chỉ nhận qua dịch vụ bưu chính công ích: Số 12, thôn Đông,"
            in lines)  # the address defaults to the applicant's and wraps
    assert "xã Tân Lập, tỉnh Phú Thọ" in lines
    assert "Phí, lệ phí: 0 đ (được miễn: Hộ nghèo)" in lines


def test_lookup_url_setting_is_used(desk) -> None:
    store, codes, folder = desk
    configure(store, **{"receipt.lookup_url": "https://dichvucong.phutho.gov.vn/tra-cuu/{code}"})
    try:
        pdf = render(store, codes["birth"], folder / "lookup.pdf")
    finally:
        configure(store, **{"receipt.lookup_url": ""})
    found = qr_texts(png_of_page(pdf, 1, folder / "lookup.png"))
    assert found == [f"https://dichvucong.phutho.gov.vn/tra-cuu/{codes['birth']}"]


def page_size(pdf: Path) -> str:
    info = subprocess.run([need("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return re.search(r"Page size:\s+(.*) pts", info)[1]  # type: ignore[index]


def test_paper_a5_default_a4_from_setting_or_argument(desk) -> None:
    store, codes, folder = desk
    assert page_size(render(store, codes["birth"], folder / "a5.pdf")) == "419.528 x 595.276"
    assert page_size(render(store, codes["birth"], folder / "a4.pdf", paper="A4")) == "595.276 x 841.89"
    configure(store, **{"receipt.paper": "A4"})
    try:
        assert page_size(render(store, codes["birth"], folder / "a4s.pdf")) == "595.276 x 841.89"
        assert page_size(render(store, codes["birth"], folder / "a5a.pdf", paper="A5")) == "419.528 x 595.276"
    finally:
        configure(store, **{"receipt.paper": "A5"})
    a4 = cells(pdf_pages(folder / "a4.pdf")[0])
    assert f"Mã hồ sơ: {codes['birth']}" in a4 and "Phí, lệ phí: Không thu" in a4


def test_fonts_are_embedded(desk) -> None:
    store, codes, folder = desk
    pdf = render(store, codes["certify"], folder / "fonts.pdf")
    rows = subprocess.run([need("pdffonts"), str(pdf)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    serif = [row.split() for row in rows if "LiberationSerif" in row]
    assert len(serif) == 4  # regular, bold, italic, bold italic all used
    assert all(row[-5] == "yes" for row in serif), rows  # "emb" column


def test_long_checklist_flows_but_copies_stay_apart(desk) -> None:
    store, codes, folder = desk
    with store.read_session() as session:
        view = load_dossier_view(session, codes["birth"])
        settings = receipt_settings(session)
    long_name = "Giấy tờ chứng minh nơi cư trú hợp pháp của người yêu cầu đăng ký, kèm bản dịch công chứng"
    documents = tuple(replace(view.documents[0], name=f"{long_name} số {n}", pages=n) for n in range(1, 11))
    applicant = replace(view.applicant, full_name="Tôn Nữ Thị Hoàng Yến Phương Thảo Nguyễn Ngọc Bảo Trâm",
                        address="Tổ dân phố Nguyễn Trãi, thôn Thượng Đồng Kênh Đào, xã Phú Lương Hạ "
                                "Long Khánh, tỉnh Phú Thọ (địa chỉ cũ: huyện Thanh Sơn)")
    pdf = folder / "long.pdf"
    render_receipt(replace(view, documents=documents, applicant=applicant), settings, out=pdf)
    pages = pdf_pages(pdf)
    assert len(pages) == 4  # two pages per copy
    copies = [next(c for c in ("Lưu", "Giao người nộp") if f"(Liên: {c})" in page) for page in pages[::2]]
    assert copies == ["Lưu", "Giao người nộp"]
    for first, second in (pages[0:2], pages[2:4]):
        assert "Ghi chú:" not in first and "NGƯỜI TIẾP NHẬN HỒ SƠ" in second
        assert re.search(r"Mã hồ sơ: \S+ \(Liên: .+\) – trang 2", second)
    text = " ".join(" ".join(pages[:2]).split())
    for n in range(1, 11):
        assert f"số {n}" in text
    assert "Tôn Nữ Thị Hoàng Yến Phương Thảo Nguyễn Ngọc Bảo Trâm" in text
    assert "(địa chỉ cũ: huyện Thanh Sơn)" in text
    assert_inside_margins(pdf)


def assert_inside_margins(pdf: Path) -> None:
    """No word may run past the right margin (long names must wrap, not overflow)."""
    html = subprocess.run([need("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', html)[1])  # type: ignore[index]
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', html)]
    assert right_edges and max(right_edges) <= width - 10 * 72 / 25.4 + 0.5


def test_render_receipt_returns_and_writes_the_same_bytes(desk) -> None:
    store, codes, folder = desk
    with store.read_session() as session:
        view = load_dossier_view(session, codes["birth"])
    out = folder / "nested" / "again.pdf"
    data = render_receipt(view, ReceiptSettings(), out=out)
    assert data.startswith(b"%PDF") and out.read_bytes() == data
    assert render_receipt(view, ReceiptSettings()) == data  # reproducible: a reprint is the same file
    assert not [p for p in out.parent.iterdir() if p.name != "again.pdf"]  # no temp files left


def test_other_forms_are_refused_not_faked(desk) -> None:
    store, codes, folder = desk
    with pytest.raises(InputError, match="form 02 is not available: dossier .* has no request_supplement event"):
        render(store, codes["birth"], folder / "f02.pdf", form="02")
    with pytest.raises(InputError, match="not a one-stop form number"):
        render(store, codes["birth"], folder / "f99.pdf", form="99")
    assert not (folder / "f02.pdf").exists()


def test_unknown_dossier_and_bad_paper(desk) -> None:
    store, codes, folder = desk
    with pytest.raises(NotFoundError, match="000.00.06.H56-251124-0999"):
        render(store, "000.00.06.H56-251124-0999", folder / "x.pdf")
    with pytest.raises(InputError, match="paper: 'Letter'"):
        render(store, codes["birth"], folder / "x.pdf", paper="Letter")
    with pytest.raises(InputError, match="out: cannot write"):
        render(store, codes["birth"], folder / "page.png" / "x.pdf")  # parent is a file


@pytest.mark.parametrize(("values", "message"), [
    ({"receipt.paper": "A3"}, "setting receipt.paper: 'A3'"),
    ({"receipt.lookup_url": "https://x.vn/tra-cuu"}, "setting receipt.lookup_url: .* no {code}"),
    ({"receipt.survey_url": "khaosat.vn"}, "setting receipt.survey_url: .* not a web address"),
    ({"payment.vietqr": {"bin": "970436", "account": "0011"}}, "setting payment.vietqr.account_name: missing"),
    ({"payment.vietqr": {"bin": "12", "account": "0011", "account_name": "A"}}, "setting payment.vietqr: "),
    ({"unit.place_name": 12}, "setting unit.place_name: must be text"),
])
def test_bad_settings_name_the_setting(values: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        ReceiptSettings.from_values(values)


def test_settings_defaults_and_json_safety() -> None:
    settings = ReceiptSettings.from_values({})
    assert settings.paper == "A5" and settings.survey_url == "" and settings.vietqr is None
    assert settings.lookup_for("C-1") == "https://dichvucong.gov.vn/tra-cuu-ho-so?ma=C-1"
    configured = ReceiptSettings.from_values({"receipt.paper": "a4", "payment.vietqr": VIETQR})
    assert configured.paper == "A4" and configured.vietqr and configured.vietqr.bank_name == "Vietcombank"
    json.dumps(VIETQR)  # the stored form of the setting is plain JSON


def test_time_limit_reads_in_the_unit_the_rule_counts() -> None:
    """Line 3 comes from the rule itself: an hour rule in office hours, like the due time it
    gives (24 h are 3.2 office days of 7.5 h, so "03 ngày" promised another appointment)."""
    from app.deadlines import TimeRule
    from app.forms.receipt_2018 import limit_text

    assert limit_text(TimeRule("hour", 24, True)) == (
        "24 giờ làm việc; hồ sơ nhận sau 15 giờ tính từ ngày làm việc tiếp theo")
    assert limit_text(TimeRule("hour", 4)) == "04 giờ làm việc"
    assert limit_text(TimeRule("working_day", 5)) == "05 ngày làm việc"
    assert limit_text(TimeRule("day", 15)) == "15 ngày"
    assert limit_text(TimeRule("same_day")) == "Trong ngày"
    assert limit_text(None) == "chưa xác định"


def test_five_working_days_from_before_opening_end_at_the_close_of_day_five(desk) -> None:
    """Received Monday 06:50 (before the 07:30 opening): Monday counts as day 1, 24/11 is a
    holiday, so day 5 is Monday 30/11 and the receipt says 17:00 — not 07:30 on the 30th+1."""
    from datetime import datetime

    from app.reception.model import ReceptionRequest
    from app.reception.service import confirm_reception
    from tests.app.test_receipt_support import applicant, checklist, tick

    store, _codes, folder = desk
    page = page_file(folder)
    documents = [tick(d, form="copy", pages=[page]) if d.required and d.kind == "submit" else d
                 for d in checklist(store, "1.004884")]  # Đăng ký lại khai sinh: 5 working days
    for document in documents:
        document.received = document.received or document.required
    received = datetime(2026, 11, 23, 6, 50)
    result = confirm_reception(store, ReceptionRequest(procedure_code="1.004884", applicant=applicant(),
                                                       documents=documents, received_at=received,
                                                       fee_amount=8000),
                               now=datetime(2026, 11, 23, 6, 51))
    assert result.due_at == datetime(2026, 11, 30, 17, 0)
    lines = cells(pdf_pages(render(store, result.code, folder / "again.pdf"))[0])
    assert "3. Thời gian giải quyết hồ sơ theo quy định là: 05 ngày làm việc" in lines
    assert "4. Thời gian nhận hồ sơ: 06 giờ 50 phút, ngày 23 tháng 11 năm 2026" in lines
    # Counted over 24/11/2026, a seeded day off of a year not confirmed: the desk's copy says so.
    assert "5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 30 tháng 11 năm 2026 (*)" in lines
    assert "(*) Ngày hẹn tính theo lịch nghỉ năm 2026 dự kiến, chưa được xác nhận." in lines
