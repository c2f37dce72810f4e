"""Forms 02–06 of real dossiers, in the 2025 set (received from 15/09/2025) and the 2018 set
(received before): text read back with pdftotext and compared exactly, the set chosen by the
day of receipt, which forms a dossier has by its events, event choice, paper, fonts, bad and
hostile event details, and the `motcua forms render` command. Every form is also rendered to PNG
(docs/screens/form-0N.png when MOTCUA_SCREENS=docs/screens) to be looked at."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.cli.main import main
from app.errors import InputError, NotFoundError
from app.forms.render import forms_for, render_form, render_form_pdf
from app.store.models import Dossier, StatusEvent
from tests.app.test_receipt import assert_inside_margins, page_size
from tests.app.test_receipt_support import (PASSWORD, birth_request, cells, configure, make_desk, need,
                                            page_file, pdf_pages, png_of_page, receive)
from tests.screens import screen_path

BODY = "Công chức Tư pháp - Hộ tịch xã Tân Lập"
NEW_DAY = datetime(2025, 11, 24)  # the 2025 set (Circular 03/2025 in force from 15/09/2025)
OLD_DAY = datetime(2025, 9, 12)  # a Friday before the switch: the 2018 set
A4, A5 = "595.276 x 841.89", "419.528 x 595.276"


def add_event(store: Any, code: str, action: str, status: str, at: datetime,
              details: Any, note: str | None = None) -> str:
    """A status event as the lifecycle writes it (action and details of revision 0005)."""
    with store.session() as session:
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == code))
        event = StatusEvent(dossier_id=dossier_id, status=status, at=at, by_user="binh", note=note,
                            action=action, details=details)
        session.add(event)
        session.flush()
        return event.id


def live_a_day(store: Any, code: str, day: datetime) -> dict[str, str]:
    """Hand-over, supplement request, refusal, return from the body, apology and stop on `day`."""
    at = day.replace
    return {
        "handover": add_event(store, code, "handover", "DANG_XU_LY", at(hour=10, minute=15),
                              {"to_body": BODY, "documents": 3, "note": "Bàn giao trong ngày"}),
        "supplement": add_event(store, code, "request_supplement", "CHO_BO_SUNG", at(hour=10, minute=40), {
            "items": ["Bản sao Giấy chứng nhận kết hôn của cha, mẹ", "Văn bản ủy quyền có chứng thực (nếu nộp thay)"],
            "reason": "Thiếu giấy tờ chứng minh quan hệ cha, mẹ và con",
            "paused_at": at(hour=10, minute=40).isoformat()}),
        "refuse": add_event(store, code, "refuse", "TU_CHOI", at(hour=11),
                            {"reason": "Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã Tân Lập"}),
        "receive_back": add_event(store, code, "receive_back", "CO_KET_QUA", at(hour=16, minute=20),
                                  {"from_body": BODY, "note": "Đã có kết quả"}),
        "apologise": add_event(store, code, "apologise", "DANG_XU_LY", at(hour=16, minute=30), {
            "old_due": at(hour=17).isoformat(), "new_due": (day + timedelta(days=3)).replace(hour=10).isoformat(),
            "reason": "Cần xác minh thông tin khai sinh tại nơi đăng ký thường trú."}),
        "stop": add_event(store, code, "stop", "DUNG", at(hour=16, minute=45),
                          {"reason": "Người yêu cầu đề nghị dừng để bổ sung giấy tờ khác"}),
    }


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory):
    """Three birth registrations: one of each set that went through every step, one untouched."""
    folder = tmp_path_factory.mktemp("forms")
    store = make_desk(folder / "data")
    configure(store)
    page = page_file(folder)
    new = receive(store, birth_request(store, page))
    old = receive(store, birth_request(store, page, received_at=OLD_DAY.replace(hour=8, minute=40)))
    quiet = receive(store, birth_request(store, page))
    events = {"new": live_a_day(store, new, NEW_DAY), "old": live_a_day(store, old, OLD_DAY)}
    yield store, {"new": new, "old": old, "quiet": quiet}, events, folder
    store.close()


def render(store: Any, code: str, form: str, out: Path, **options: Any) -> Path:
    with store.read_session() as session:
        return render_form(session, store, code, form, out=out, **options)


# --- the exact text of every form ---------------------------------------------------------------

HEAD = [
    "UBND XÃ TÂN LẬP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "TRUNG TÂM PHỤC VỤ HÀNH | Độc lập - Tự do - Hạnh phúc",
    "CHÍNH CÔNG XÃ TÂN LẬP",
    "Tân Lập, ngày {date}",
    "Số: {seq}",
]
APPLICANT = [
    "Địa chỉ: Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ",
    "Số điện thoại: 0912345678 Email: an.nguyen@example.vn",
]
TEXTS: dict[str, list[str]] = {
    "02": HEAD + [
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "Mã hồ sơ: {code}",
        "Bộ phận tiếp nhận và trả kết quả: Trung tâm Phục vụ hành chính công xã Tân Lập",
        "Tiếp nhận hồ sơ của Ông/Bà: Nguyễn Văn An",
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        *APPLICANT,
        "Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:",
        "TT | Nội dung cần bổ sung, hoàn thiện",
        "1 | Bản sao Giấy chứng nhận kết hôn của cha, mẹ",
        "2 | Văn bản ủy quyền có chứng thực (nếu nộp thay)",
        "Lý do: Thiếu giấy tờ chứng minh quan hệ cha, mẹ và con",
        "Thời gian yêu cầu: 10 giờ 40 phút, ngày {date}",
        "Thời hạn giải quyết hồ sơ tạm dừng từ 10 giờ 40 phút, ngày {date} và được",
        "tính tiếp khi Ông/Bà nộp đủ hồ sơ bổ sung, hoàn thiện.",
        "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ công chức Trần Thị",
        "Bình tại Bộ phận tiếp nhận và trả kết quả, số điện thoại 0210 3888 999 để được hướng dẫn./.",
        "NGƯỜI HƯỚNG DẪN",
        "(Ký và ghi rõ họ tên)",
        "Trần Thị Bình",
    ],
    "03": HEAD + [
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "Mã hồ sơ: {code}",
        "Bộ phận tiếp nhận và trả kết quả: Trung tâm Phục vụ hành chính công xã Tân Lập",
        "Tiếp nhận hồ sơ của: Nguyễn Văn An",
        *APPLICANT,
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        "Qua xem xét, Trung tâm Phục vụ hành chính công xã Tân Lập thông báo không tiếp nhận,",
        "giải quyết hồ sơ này với lý do cụ thể như sau:",
        "Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã Tân Lập",
        "Xin thông báo cho Ông/Bà được biết và thực hiện./.",
        "NGƯỜI NỘP HỒ SƠ | NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên) | (Ký và ghi rõ họ tên)",
        "Nguyễn Văn An | Trần Thị Bình",
    ],
    "05": HEAD + [
        "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        "Mã hồ sơ: {code}",
        "Kính gửi: Ông/Bà Nguyễn Văn An",
        *APPLICANT,
        "Trung tâm Phục vụ hành chính công xã Tân Lập đã tiếp nhận hồ sơ của Ông/Bà vào {hour} giờ",
        "{minute} phút, ngày {date}, về việc Đăng ký khai sinh, mã hồ sơ",
        "{code}.",
        "Theo đề nghị của Ông/Bà, Trung tâm Phục vụ hành chính công xã Tân Lập thông báo dừng",
        "giải quyết hồ sơ nêu trên kể từ 16 giờ 45 phút, ngày {date}.",
        "Lý do: Người yêu cầu đề nghị dừng để bổ sung giấy tờ khác",
        "Xin thông báo để Ông/Bà được biết./.",
        "NGƯỜI NỘP HỒ SƠ | NGƯỜI LẬP THÔNG BÁO",
        "(Ký và ghi rõ họ tên) | (Ký và ghi rõ họ tên)",
        "Nguyễn Văn An | Trần Thị Bình",
    ],
    "06": HEAD[:2] + [
        "CHÍNH CÔNG XÃ TÂN LẬP | Tân Lập, ngày {date}",  # A4: the date fits beside the unit
        "Số: {seq}",
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        "Mã hồ sơ: {code}",
        "Kèm theo hồ sơ của: Nguyễn Văn An",
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        "Thời gian nhận hồ sơ: {hour} giờ {minute} phút, ngày {date}",
        "Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày {date}",
        "Cơ quan (bộ phận) giải quyết hồ sơ: Công chức Tư pháp - Hộ tịch xã Tân Lập",
        "Cơ quan phối hợp giải quyết hồ sơ: —",
        "KẾT QUẢ",
        "GIẢI QUYẾT",
        "THỜI GIAN GIAO, NHẬN HỒ",
        "TÊN CƠ QUAN | HỒ SƠ | GHI CHÚ",
        "SƠ",
        "(Trước hạn/đúng",
        "hạn/quá hạn)",
        "1. Giao: Bộ phận tiếp | 10 giờ 15 phút, ngày {short} | Số lượng: 03 giấy",
        "nhận và trả kết quả | năm {year} | tờ; Bàn giao trong",
        "2. Nhận: Công chức Tư | Người giao | Người nhận | ngày",
        "pháp - Hộ tịch xã Tân",
        "Lập",
        "Trần Thị Bình",
        "1. Giao: Công chức Tư | 16 giờ 20 phút, ngày {short} | Đúng hạn | Đã có kết quả",
        "pháp - Hộ tịch xã Tân | năm {year}",
        "Lập | Người giao | Người nhận",
        "2. Nhận: Bộ phận tiếp",
        "nhận và trả kết quả",
        "Trần Thị Bình",
        "1. Giao: | …giờ…phút,",
        "2. Nhận: | ngày…tháng…năm…",
        "Người giao | Người nhận",
        "Ghi chú:",
        "- Trường hợp hồ sơ được chuyển qua dịch vụ bưu chính công ích thì thời gian giao, nhận hồ sơ và việc ký nhận được thể",
        "hiện trên hóa đơn của cơ quan cung cấp dịch vụ bưu chính.",
        "- Kết quả giải quyết hồ sơ (trước hạn, đúng hạn, quá hạn) do bên nhận hồ sơ ghi khi nhận bàn giao.",
        "- Người giao, người nhận ký tên khi hệ thống thông tin một cửa điện tử chưa vận hành; khi hệ thống vận hành, việc giao,",
        "nhận được ghi nhận tự động trên hệ thống.",
    ],
}
APOLOGY_LETTER = [  # 04 in either set, after its own subject and title lines
    "Mã hồ sơ: {code}",
    "Kính gửi: Ông/Bà Nguyễn Văn An",
    "Trung tâm Phục vụ hành chính công xã Tân Lập đã tiếp nhận hồ sơ của Ông/Bà vào {hour} giờ",
    "{minute} phút, ngày {date}, về việc Đăng ký khai sinh, mã hồ sơ",
    "{code}. Thời gian hẹn trả kết quả là 17 giờ 00 phút, ngày {short}",
    "năm {year}.",
    "Tuy nhiên, hồ sơ của Ông/Bà chưa có kết quả đúng thời gian đã hẹn. Lý do: Cần xác minh",
    "thông tin khai sinh tại nơi đăng ký thường trú.",
    "Trung tâm Phục vụ hành chính công xã Tân Lập chân thành xin lỗi Ông/Bà vì sự chậm trễ",
]
SIGNED_BY_THE_HEAD = [
    "Trân trọng./.",
    "Nơi nhận: | THỦ TRƯỞNG CƠ QUAN",
    "- Như trên;",
    "- Bộ phận tiếp nhận và trả kết quả;",
    "(Ký, ghi rõ họ tên và đóng dấu)",
    "- Lưu: VT.",
]
APOLOGY = {
    "new": HEAD + [
        "V/v xin lỗi và đề nghị gia hạn thời gian",
        "giải quyết hồ sơ",
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN",
        "THỜI GIAN GIẢI QUYẾT",
        *APOLOGY_LETTER,
        "này và đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ đến 10 giờ 00 phút, ngày 27",
        "tháng 11 năm 2025.",
        "Hồ sơ của Ông/Bà được hẹn trả kết quả vào 10 giờ 00 phút, ngày 27 tháng 11 năm 2025,",
        "tại Bộ phận tiếp nhận và trả kết quả.",
        *SIGNED_BY_THE_HEAD,
    ],
    "old": HEAD + [
        "V/v xin lỗi đối với hồ sơ giải quyết quá",
        "hạn và hẹn lại thời gian trả kết quả",
        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        *APOLOGY_LETTER,
        "này và rất mong nhận được sự thông cảm của Ông/Bà.",
        "Hồ sơ của Ông/Bà được hẹn trả kết quả vào 10 giờ 00 phút, ngày 15 tháng 09 năm 2025,",
        "tại Bộ phận tiếp nhận và trả kết quả.",
        *SIGNED_BY_THE_HEAD,
    ],
}
VALUES = {
    "new": {"date": "24 tháng 11 năm 2025", "short": "24 tháng 11", "year": "2025", "hour": "09", "minute": "05"},
    "old": {"date": "12 tháng 09 năm 2025", "short": "12 tháng 09", "year": "2025", "hour": "08", "minute": "40"},
}


def expected(which: str, form: str, code: str) -> list[str]:
    lines = APOLOGY[which] if form == "04" else TEXTS[form]
    values = VALUES[which] | {"code": code, "seq": code.rsplit("-", 1)[1]}
    return [line.format(**values) for line in lines]


@pytest.mark.parametrize(("which", "form"), [
    ("new", "02"), ("new", "03"), ("new", "04"), ("new", "05"), ("new", "06"),
    ("old", "02"), ("old", "03"), ("old", "04"), ("old", "06"),
])
def test_each_form_text_is_exact(desk, which: str, form: str) -> None:
    store, codes, _events, folder = desk
    pdf = render(store, codes[which], form, folder / f"{which}-{form}.pdf")
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    assert cells(pages[0]) == expected(which, form, codes[which])
    assert_inside_margins(pdf)


def test_every_form_is_looked_at_as_png(desk) -> None:
    """Each form of the 2025 set, and the 2018 apology and control slip, as pictures: the ones
    the docs show (docs/screens/form-0N.png, form-04-2018.png, form-06-2018.png)."""
    store, codes, _events, folder = desk
    shots = [("new", form, f"form-{form}.png") for form in ("02", "03", "04", "05", "06")]
    shots += [("old", "04", "form-04-2018.png"), ("old", "06", "form-06-2018.png")]
    for which, form, name in shots:
        pdf = render(store, codes[which], form, folder / f"look-{which}-{form}.pdf")
        png = png_of_page(pdf, 1, folder / name, dpi=150)
        assert png.stat().st_size > 10_000  # a drawn page, not an empty one
        published = screen_path(name, publish=True)
        if published is not None:
            shutil.copyfile(png, published)


# --- which forms, which set -------------------------------------------------------------------


def test_a_dossier_has_the_forms_of_its_events_in_the_set_of_its_reception_day(desk) -> None:
    store, codes, _events, _folder = desk
    assert forms_for(store, codes["new"]) == ["01", "02", "03", "04", "05", "06"]
    assert forms_for(store, codes["old"]) == ["01", "02", "03", "04", "06"]  # 2018: no stop form
    assert forms_for(store, codes["quiet"]) == ["01"]
    with store.read_session() as session:  # a session, and the dossier's id, work as well
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == codes["new"]))
        assert forms_for(session, dossier_id) == ["01", "02", "03", "04", "05", "06"]


def test_the_set_is_chosen_by_the_reception_day(desk) -> None:
    """The same control slip is Mẫu 06 of Circular 03/2025 for a dossier received on 24/11/2025
    and Mẫu 05 of Circular 01/2018 for one received on 12/09/2025 (named in the PDF's subject)."""
    store, codes, _events, folder = desk
    subjects = {}
    for which in ("new", "old"):
        pdf = render(store, codes[which], "06", folder / f"subject-{which}.pdf")
        info = subprocess.run([need("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
        subjects[which] = re.search(r"Subject:\s+(.*)", info)[1]  # type: ignore[index]
    assert subjects == {"new": "Mẫu 06 – Thông tư 03/2025/TT-VPCP, Mẫu 06",
                        "old": "Mẫu 05 – Thông tư 01/2018/TT-VPCP, Mẫu 05"}


def test_forms_a_dossier_does_not_have_are_refused_and_nothing_is_written(desk) -> None:
    store, codes, _events, folder = desk
    cases = [
        (codes["old"], "05", "received on 12/09/2025 prints with Thông tư 01/2018/TT-VPCP, which has no form 05"),
        (codes["quiet"], "02", "has no request_supplement event"),
        (codes["quiet"], "06", "has no handover/receive_back event"),
        (codes["new"], "07", "use `motcua register"),
    ]
    for code, form, reason in cases:
        out = folder / f"refused-{form}.pdf"
        with pytest.raises(InputError, match=re.escape(reason)) as caught:
            render(store, code, form, out)
        assert caught.value.kind == "forms.not_available"
        assert caught.value.params == {"form": form, "code": code}
        assert not out.exists()
    with pytest.raises(InputError, match="not a one-stop form number"):
        render(store, codes["new"], "8", folder / "x.pdf")
    with pytest.raises(NotFoundError, match="no dossier x in this store"):
        render_form_pdf(store, "x", "02")
    with pytest.raises(InputError, match="event: form 01 is printed from the reception"):
        render_form_pdf(store, codes["new"], "01", event_id="anything")


# --- which event --------------------------------------------------------------------------------


def test_the_latest_event_is_printed_unless_one_is_named(desk) -> None:
    store, codes, events, folder = desk
    code = codes["new"]
    later = add_event(store, code, "request_supplement", "CHO_BO_SUNG", NEW_DAY.replace(hour=17, minute=5),
                      {"items": ["Giấy xác nhận nơi cư trú"], "reason": "Lần yêu cầu thứ hai"})
    try:
        text = " ".join(pdf_pages(render(store, code, "02", folder / "latest.pdf"))[0].split())
        assert "Lần yêu cầu thứ hai" in text and "Giấy xác nhận nơi cư trú" in text
        first = " ".join(pdf_pages(render(store, code, "02", folder / "first.pdf",
                                          event_id=events["new"]["supplement"]))[0].split())
        assert "Thiếu giấy tờ chứng minh quan hệ cha, mẹ và con" in first and "Lần yêu cầu" not in first
        # An event of another dossier, or of another action, is not this form's.
        for wrong in (events["old"]["supplement"], events["new"]["refuse"]):
            with pytest.raises(InputError, match="is not a request_supplement event of dossier") as caught:
                render(store, code, "02", folder / "wrong.pdf", event_id=wrong)
            assert caught.value.kind == "forms.not_available"
    finally:
        with store.session() as session:
            session.delete(session.get(StatusEvent, later))


def test_the_control_slip_as_of_a_handover_lists_the_rows_up_to_it(desk) -> None:
    store, codes, events, folder = desk
    lines = cells(pdf_pages(render(store, codes["new"], "06", folder / "slip-first.pdf",
                                   event_id=events["new"]["handover"]))[0])
    assert "1. Giao: Bộ phận tiếp | 10 giờ 15 phút, ngày 24 tháng 11 | Số lượng: 03 giấy" in lines
    assert not [line for line in lines if "16 giờ 20 phút" in line or "Đúng hạn" in line]


# --- paper, fonts, bytes --------------------------------------------------------------------------


def test_paper_a5_like_the_receipt_a4_for_the_control_slip_and_on_request(desk) -> None:
    store, codes, _events, folder = desk
    code = codes["new"]
    assert page_size(render(store, code, "02", folder / "p02.pdf")) == A5
    assert page_size(render(store, code, "02", folder / "p02a4.pdf", paper="A4")) == A4
    assert page_size(render(store, code, "06", folder / "p06.pdf")) == A4
    slip_a5 = render(store, code, "06", folder / "p06a5.pdf", paper="A5")
    assert page_size(slip_a5) == A5
    assert_inside_margins(slip_a5)
    configure(store, **{"receipt.paper": "A4"})
    try:
        assert page_size(render(store, code, "05", folder / "p05.pdf")) == A4
    finally:
        configure(store, **{"receipt.paper": "A5"})
    a4 = " ".join(pdf_pages(folder / "p02a4.pdf")[0].split())
    assert "Lý do: Thiếu giấy tờ chứng minh quan hệ cha, mẹ và con" in a4


@pytest.mark.parametrize("form", ["01", "02", "03", "04", "05", "06"])
def test_fonts_are_embedded_and_the_file_is_reproducible(desk, form: str) -> None:
    store, codes, _events, folder = desk
    pdf = render(store, codes["new"], form, folder / f"fonts-{form}.pdf")
    rows = subprocess.run([need("pdffonts"), str(pdf)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert rows and all("LiberationSerif" in row and row.split()[-5] == "yes" for row in rows), rows
    assert render_form_pdf(store, codes["new"], form) == pdf.read_bytes()


# --- bad and hostile details ------------------------------------------------------------------------


def test_missing_or_malformed_details_print_a_dash_never_fail(desk) -> None:
    """Details written by an older desk or pulled from the portal may lack keys or hold the
    wrong types: the form still prints, with "—" or "chưa xác định" where a value is missing."""
    store, codes, _events, folder = desk
    code = codes["quiet"]
    ids = [add_event(store, code, "request_supplement", "CHO_BO_SUNG", NEW_DAY.replace(hour=11),
                     {"items": "not a list", "reason": 12, "paused_at": "yesterday"}),
           add_event(store, code, "apologise", "DANG_XU_LY", NEW_DAY.replace(hour=12),
                     {"old_due": 5, "new_due": "2025-13-45T10:00"}),
           add_event(store, code, "refuse", "TU_CHOI", NEW_DAY.replace(hour=13), ["a", "list"]),
           add_event(store, code, "handover", "DANG_XU_LY", NEW_DAY.replace(hour=14), None)]
    try:
        supplement = cells(pdf_pages(render(store, code, "02", folder / "bad02.pdf"))[0])
        assert "Lý do: —" in supplement and not [line for line in supplement if "tạm dừng" in line]
        apology = " ".join(pdf_pages(render(store, code, "04", folder / "bad04.pdf"))[0].split())
        assert "Thời gian hẹn trả kết quả là 17 giờ 00 phút" in apology  # the dossier's own appointment
        assert "hẹn trả kết quả vào chưa xác định" in apology and "Lý do: —." in apology
        refusal = cells(pdf_pages(render(store, code, "03", folder / "bad03.pdf"))[0])
        assert "—" in refusal
        slip = cells(pdf_pages(render(store, code, "06", folder / "bad06.pdf"))[0])
        assert "Cơ quan (bộ phận) giải quyết hồ sơ: —" in slip
    finally:
        with store.session() as session:
            for event_id in ids:
                session.delete(session.get(StatusEvent, event_id))


def test_markup_is_printed_as_text_and_an_overlong_reason_is_cut(desk) -> None:
    """A reason with reportlab markup is printed literally; one longer than any action accepts
    (max_text_chars, 1,000) is cut with "…" rather than filling pages."""
    store, codes, _events, folder = desk
    code = codes["quiet"]
    reason = "<b>in đậm</b> & <font size=40>to</font> " + "Giấy tờ chưa hợp lệ, cần đối chiếu bản chính. " * 120
    event = add_event(store, code, "refuse", "TU_CHOI", NEW_DAY.replace(hour=15), {"reason": reason})
    try:
        pdf = render(store, code, "03", folder / "long03.pdf")
        text = " ".join(" ".join(pdf_pages(pdf)).split())
        assert "<b>in đậm</b> & <font size=40>to</font>" in text
        printed = text[text.index("<b>in đậm</b>"):text.index("Xin thông báo")].strip()
        assert printed.endswith("…") and 900 < len(printed) <= 1001
        assert_inside_margins(pdf)
    finally:
        with store.session() as session:
            session.delete(session.get(StatusEvent, event))


def test_many_items_flow_onto_pages_that_name_the_dossier(desk) -> None:
    store, codes, _events, folder = desk
    code = codes["quiet"]
    items = [f"Giấy tờ số {n}: bản sao có chứng thực của giấy chứng nhận quyền sử dụng đất" for n in range(1, 61)]
    event = add_event(store, code, "request_supplement", "CHO_BO_SUNG", NEW_DAY.replace(hour=15),
                      {"items": items, "reason": "Thiếu nhiều giấy tờ"})
    try:
        pdf = render(store, code, "02", folder / "many02.pdf")
        pages = pdf_pages(pdf)
        assert len(pages) >= 2
        assert re.search(rf"Mã hồ sơ: {re.escape(code)} – trang 2", pages[1])
        assert "Nội dung cần bổ sung, hoàn thiện" in pages[1]  # the table header repeats
        text = " ".join(" ".join(pages).split())
        assert all(f"Giấy tờ số {n}:" in text for n in range(1, 61))
        assert "NGƯỜI HƯỚNG DẪN" in pages[-1]
        assert_inside_margins(pdf)
    finally:
        with store.session() as session:
            session.delete(session.get(StatusEvent, event))


def test_a_control_slip_row_taller_than_a_page_splits_across_pages(desk) -> None:
    """A hand-over with a body name and a note at the longest an action accepts makes one row
    taller than an A5 page: the row continues on the next page instead of stopping the form."""
    store, codes, _events, folder = desk
    code = codes["quiet"]
    event = add_event(store, code, "handover", "DANG_XU_LY", NEW_DAY.replace(hour=15),
                      {"to_body": ("Phòng Tư pháp " * 70).strip(), "note": ("ghi chú dài " * 80).strip()})
    try:
        pdf = render(store, code, "06", folder / "tall06.pdf", paper="A5")
        pages = pdf_pages(pdf)
        assert len(pages) >= 2 and "TÊN CƠ QUAN" in pages[1]
        words = " ".join(pages).split()  # the columns interleave line by line; the words all arrive
        assert words.count("dài") == 80 and words.count("Tư") >= 70
        assert_inside_margins(pdf)
    finally:
        with store.session() as session:
            session.delete(session.get(StatusEvent, event))


# --- the command ------------------------------------------------------------------------------------


def test_forms_render_command(desk, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _store, codes, events, folder = desk
    monkeypatch.setenv("MOTCUA_USER", "binh")
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    data = str(folder / "data")
    out = folder / "cli-06.pdf"
    assert main(["--data-dir", data, "forms", "render", codes["new"], "--form", "06", "--out", str(out),
                 "--event", events["new"]["handover"]]) == 0
    assert "Form 06:" in capsys.readouterr().out and page_size(out) == A4
    for form, reason in (("07", "use `motcua register"), ("05", "has no form 05")):
        refused = folder / f"cli-{form}.pdf"
        code = codes["new"] if form == "07" else codes["old"]
        assert main(["--data-dir", data, "forms", "render", code, "--form", form, "--out", str(refused)]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and reason in err
        assert not refused.exists()
