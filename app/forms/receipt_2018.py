"""Mẫu 01 of Circular 01/2018/TT-VPCP: GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ.

Lays out every field of domain.md §2.1 in the order of the circular, twice in one PDF
("Liên: Lưu" kept at the desk, "Liên: Giao người nộp" for the applicant), each copy starting on
its own page. A long checklist may flow onto a second page of the same copy; the table header
repeats and a footer names the dossier and the copy. Local additions printed by most provinces:
a lookup QR (code + portal address), an optional survey QR, the fee line and a VietQR for
transfers. docs/receipt.md says where every value comes from.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from app.catalog.fees import format_vnd
from app.deadlines import TimeRule
from app.forms.events import FormEvent
from app.forms.layout import (DESK, EMPTY, CopyStart, Signer, build, contact_lines, grid, header, plain,
                              signatures)
from app.citizen import secret_for_print
from app.forms.fonts import BOLD
from app.forms.pdf import Paper, QrCode, Styles, esc, paper_for, styles_for, vi_moment
from app.forms.settings import ReceiptSettings
from app.payments.vietqr import build_vietqr
from app.forms.legal_text import PAYMENT_NAMES, form_name
from app.reception.views import DossierView

COPIES = ("Lưu", "Giao người nộp")
TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
FOOTNOTES = (
    "Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên; một liên chuyển kèm theo "
    "Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu tại Bộ phận tiếp nhận và trả kết quả; "
    "một liên giao cho cá nhân, tổ chức nộp hồ sơ.",
    "Cá nhân, tổ chức có thể đăng ký nhận kết quả tại Bộ phận tiếp nhận và trả kết quả hoặc nhận "
    "kết quả tại nhà (trụ sở tổ chức) qua dịch vụ bưu chính công ích.",
    "Mang theo giấy hẹn và căn cước khi nhận kết quả.",
)


class Receipt2018:
    """The 2018 layout; stateless, so one instance serves every render."""

    form = "01"
    name = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
    basis = "Thông tư 01/2018/TT-VPCP, Mẫu 01"
    valid_from = date(2019, 1, 6)  # the circular's effective date

    def render(self, view: DossierView, settings: ReceiptSettings, *, paper: str = "A5",
               events: Sequence[FormEvent] = ()) -> bytes:
        del events  # the receipt is made at reception, before any later event
        sheet = paper_for(paper)
        story: list[Flowable] = []
        for index, copy in enumerate(COPIES):
            if index:
                story.append(PageBreak())  # copies never share a page: they are cut apart
            story.append(CopyStart(copy))
            story.extend(_copy_story(view, settings, sheet, copy))
        return build(story, sheet, code=view.code, title=f"{TITLE.capitalize()} – {view.code}",
                     author=view.unit.name, subject="Mẫu 01")


# --- one copy ------------------------------------------------------------------------------


def _copy_story(view: DossierView, settings: ReceiptSettings, sheet: Paper, copy: str) -> list[Flowable]:
    st = styles_for(sheet.name)
    gap = sheet.font_size * 0.45
    story: list[Flowable] = [
        _header(view, settings, sheet, st), Spacer(0, gap * 1.6),
        Paragraph(TITLE, st.title),
        Paragraph(f"Mã hồ sơ: <b>{esc(view.code)}</b>", st.center),
        Paragraph(f"(Liên: {copy})", st.center_italic), Spacer(0, gap),
        _applicant_block(view, settings, sheet, st),
        Paragraph(f"Nội dung yêu cầu giải quyết: <b>{esc(view.procedure.name)}</b>", st.body),
        Paragraph("1. Thành phần hồ sơ nộp gồm:", st.body),
        _documents_table(view, sheet, st),
    ]
    missing = [doc.name for doc in view.documents if not doc.received and doc.required]
    if missing:
        reason = f" (lý do: {esc(view.missing_reason)})" if view.missing_reason else ""
        story.append(Paragraph(f"<i>Giấy tờ chưa nộp: {esc('; '.join(missing))}{reason}</i>", st.body))
    story += [
        Spacer(0, gap * 0.5),
        Paragraph(f"2. Số lượng hồ sơ: {view.sets:02d} (bộ)", st.body),
        Paragraph(f"3. Thời gian giải quyết hồ sơ theo quy định là: {esc(time_limit_text(view))}", st.body),
        Paragraph(f"4. Thời gian nhận hồ sơ: {vi_moment(view.received_at)}", st.body),
        Paragraph("5. Thời gian trả kết quả giải quyết hồ sơ: "
                  + (f"<b>{vi_moment(view.due_at)}</b>" if view.due_at else "chưa xác định")
                  + (" (*)" if _estimate_note(view, copy, st) else ""), st.body),
        *_estimate_note(view, copy, st),
        Paragraph(f"6. Đăng ký nhận kết quả tại: {esc(delivery_text(view))}", st.body),
        *_channel_lines(view, st),
        *_fee_block(view, settings, sheet, st),
        Paragraph(f"Vào Sổ theo dõi hồ sơ, Quyển số: {view.register_book} "
                  f"Số thứ tự: {view.register_seq:04d}", st.body),
        Spacer(0, gap),
        KeepTogether([_signatures(view, settings, sheet, st)]), Spacer(0, gap * 0.6),
        *_footnotes(settings, st),
    ]
    return story


def _estimate_note(view: DossierView, copy: str, st: Styles) -> list[Flowable]:
    """On the desk's copy only: the appointment was counted over a calendar not yet confirmed,
    so the official knows to check it once the year's decision is in (app/calendar_years.py)."""
    if copy != COPIES[0] or not view.calendar_estimated:
        return []
    years = ", ".join(str(year) for year in view.calendar_estimated)
    return [Paragraph(f"<i>(*) Ngày hẹn tính theo lịch nghỉ năm {years} dự kiến, chưa được xác nhận.</i>",
                      st.body)]


def _header(view: DossierView, settings: ReceiptSettings, sheet: Paper, st: Styles) -> Table:
    return header(view.unit.name, settings, sheet, st, number=f"{view.register_seq:04d}",
                  day=view.received_at.date())


def _applicant_block(view: DossierView, settings: ReceiptSettings, sheet: Paper, st: Styles) -> Table:
    a = view.applicant
    lines = [
        Paragraph(f"{DESK}: {esc(view.unit.name)}", st.body),
        Paragraph(f"Tiếp nhận hồ sơ của: <b>{esc(a.full_name)}</b>", st.body),
        *contact_lines(a.address, a.phone, a.email, st),
    ]
    rep = view.representative
    if rep:
        basis = f" ({esc(rep.authorisation)})" if rep.authorisation else ""
        lines.append(Paragraph(f"Người nộp thay: {esc(rep.full_name)}{basis}", st.body))
    caption = "Tra cứu hồ sơ"
    column = sheet.qr_size + 3 * mm
    if settings.citizen_url and view.lookup_secret:
        secret = secret_for_print(view.lookup_secret)
        caption += f"<br/>Mã bí mật:<br/><b>{secret}</b>"
        # The secret is typed by hand: it stays on one line, however wide its letters ("WMWMW-…"
        # is half as wide again as "23456-…"); the column widens for it rather than wrap it.
        wide = stringWidth(secret, BOLD, st.small_center.fontSize) + 3 * mm + 6
        column = max(column, wide)
    qr = [QrCode(settings.lookup_for(view.code, view.lookup_secret), sheet.qr_size),
          Paragraph(caption, st.small_center)]
    table = Table([[lines, qr]], colWidths=[sheet.width - column, column])
    table.setStyle(plain([("ALIGN", (1, 0), (1, 0), "RIGHT"), ("LEFTPADDING", (1, 0), (1, 0), 3 * mm)]))
    return table


def _documents_table(view: DossierView, sheet: Paper, st: Styles) -> Table:
    rows: list[list[Any]] = [[Paragraph(text, st.cell_head) for text in
                              ("TT", "Tên giấy tờ", "Hình thức", "Số lượng/Ghi chú")]]
    listed = [doc for doc in view.documents if doc.received or doc.required]
    for number, doc in enumerate(listed, 1):
        if not doc.received:
            note = "Chưa nộp"
        elif doc.kind == "present":
            note = "Xuất trình"  # shown to the official and handed back, not kept
        else:
            note = f"{doc.copies:02d} bản" + (f"; {doc.pages} trang" if doc.pages else "")
        rows.append([Paragraph(str(number), st.cell_center), Paragraph(esc(doc.name), st.cell),
                     Paragraph(form_name(doc.form) if doc.received else EMPTY, st.cell_center),
                     Paragraph(note, st.cell_center)])
    if not listed:
        rows.append([Paragraph("", st.cell), Paragraph("<i>Không có giấy tờ</i>", st.cell), "", ""])
    w = sheet.width
    table = Table(rows, colWidths=[w * 0.06, w * 0.51, w * 0.19, w * 0.24], repeatRows=1)
    table.setStyle(grid())
    return table


def _channel_lines(view: DossierView, st: Styles) -> list[Flowable]:
    if view.channel == "post_office":
        target = f", chuyển đến {esc(view.destination_unit)}" if view.destination_unit else ""
        return [Paragraph(f"Hồ sơ nhận qua: điểm bưu điện{target}", st.body)]
    if view.channel == "community":
        place = f" tại {esc(view.visit_place)}" if view.visit_place else ""
        return [Paragraph(f"Hồ sơ nhận qua: Tổ công nghệ số cộng đồng{place}", st.body)]
    return []


def _fee_block(view: DossierView, settings: ReceiptSettings, sheet: Paper, st: Styles) -> list[Flowable]:
    """The fee line, the computation behind it, and the VietQR (at the right) for a transfer."""
    lines: list[Flowable] = [Paragraph(f"Phí, lệ phí: {esc(fee_text(view))}", st.body)]
    if len(view.fee_lines) > 1:  # more than one step (per-page tiers): show how the amount came about
        parts = [f"{esc(line.label)}: {line.quantity} × {format_vnd(line.unit_vnd)} = "
                 f"{format_vnd(line.amount_vnd)}" for line in view.fee_lines]
        lines.append(Paragraph(f"<i>Chi tiết: {'; '.join(parts)}</i>", st.small))
    account = settings.vietqr
    if view.payment_method != "transfer" or account is None or view.fee_vnd <= 0:
        return lines
    reference = transfer_reference(view.code)
    payload = build_vietqr(bin=account.bin, account=account.account, amount=view.fee_vnd, info=reference)
    lines += [Paragraph(f"Chuyển khoản: {esc(account.bank_name)} – số tài khoản {esc(account.account)} – "
                        f"{esc(account.account_name)}", st.small),
              Paragraph(f"Số tiền: {format_vnd(view.fee_vnd)}; nội dung: {esc(reference)}", st.small)]
    size = sheet.qr_size
    qr = [QrCode(payload, size), Paragraph("Mã VietQR", st.small_center)]
    table = Table([[lines, qr]], colWidths=[sheet.width - size - 3 * mm, size + 3 * mm])
    table.setStyle(plain([("LEFTPADDING", (1, 0), (1, 0), 3 * mm)]))
    return [table]


def _signatures(view: DossierView, settings: ReceiptSettings, sheet: Paper, st: Styles) -> Table:
    # The survey QR sits between the two signatures, where the form has blank space anyway.
    middle: list[Flowable] = []
    survey = settings.survey_for(view.code, view.lookup_secret)
    if survey:
        middle = [QrCode(survey, sheet.qr_size * 0.8),
                  Paragraph("Đánh giá mức độ hài lòng", st.small_center)]
    return signatures(sheet, st, Signer("NGƯỜI NỘP HỒ SƠ", view.submitted_by),
                      Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", view.received_by), middle)


def _footnotes(settings: ReceiptSettings, st: Styles) -> list[Flowable]:
    notes = [Paragraph("<b><i>Ghi chú:</i></b>", st.note)]
    notes += [Paragraph(f"- {esc(text)}", st.note) for text in FOOTNOTES]
    if settings.hotline:
        notes.append(Paragraph(f"- Đường dây nóng: {esc(settings.hotline)}", st.note))
    return notes


# --- wording of single values (also used by tests and the screen preview) -------------------


def time_limit_text(view: DossierView) -> str:
    """Line 3: the legal time limit, e.g. '05 ngày làm việc'."""
    return limit_text(view.procedure.time_rule)


def limit_text(rule: TimeRule | None) -> str:
    """The time limit in the unit the rule counts in, so it reads the same as the due time on
    line 5: an hour rule is counted in office hours (7.5 a day by default), so it prints as
    '24 giờ làm việc', never converted to days at the legal 8 hours ('03 ngày' would promise
    a different appointment than the one printed)."""
    if rule is None:
        return "chưa xác định"
    if rule.unit == "same_day":
        text = "Trong ngày"
    elif rule.unit == "working_day":
        text = f"{rule.value:02d} ngày làm việc"
    elif rule.unit == "day":
        text = f"{rule.value:02d} ngày"
    else:
        text = f"{rule.value:02d} giờ làm việc"
    if rule.cutoff_15h:
        text += "; hồ sơ nhận sau 15 giờ tính từ ngày làm việc tiếp theo"
    return text


def delivery_text(view: DossierView) -> str:
    """Line 6: where the result is collected."""
    if view.delivery == "post":
        return f"Địa chỉ nhận qua dịch vụ bưu chính công ích: {view.delivery_address or EMPTY}"
    return DESK


def transfer_reference(code: str) -> str:
    """The transfer purpose for a dossier: its code without the dots.

    VietQR carries at most 25 characters of purpose text, and a code with a 5-digit device
    number is 26 ("000.00.06.H56-251124-10002"); the dots carry no information, so dropping
    them keeps the reference complete and matchable ("0000006H56-251124-10002").
    """
    return code.replace(".", "")


def fee_text(view: DossierView) -> str:
    """The fee line: amount and how it is paid."""
    if view.payment_method == "exempt":
        reason = f": {view.exempt_reason}" if view.exempt_reason else ""
        return f"{format_vnd(0)} (được miễn{reason})"
    if view.fee_vnd == 0:
        return "Không thu"
    method = PAYMENT_NAMES.get(view.payment_method, view.payment_method).lower()
    return f"{format_vnd(view.fee_vnd)} (nộp bằng {method})"
