"""The control slip: PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ (Mẫu 05 of 2018, Mẫu 06 of 2025).

It travels with the dossier from the desk to the processing body and back. One row per hand-over
(`handover`: the desk gives the dossier to `to_body`) and per return (`receive_back`: `from_body`
gives it back to the desk), in the order they happened, each with its time and the two signature
boxes (Người giao / Người nhận, the desk official's name printed in the desk's box). A blank row
follows for the next step to be written by hand. The result column of a return says whether the
result came back before, on or after the appointment; a hand-over's is left for the receiving
body, as the form's own note says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.forms.events import FormEvent
from app.forms.layout import DESK, EMPTY, ROW_SPLIT, grid, plain
from app.forms.notices import EventForm, FormPage
from app.forms.pdf import esc, vi_moment

HANDOVER = "handover"
RECEIVE_BACK = "receive_back"
BLANK_TIME = "…giờ…phút, ngày…tháng…năm…"
SHARES = (0.26, 0.36, 0.18, 0.20)  # of the width: agency, time and signatures, result, note
NOTES = (
    ("Trường hợp hồ sơ được chuyển qua dịch vụ bưu chính công ích thì thời gian giao, nhận hồ sơ và "
     "việc ký nhận được thể hiện trên hóa đơn của cơ quan cung cấp dịch vụ bưu chính."),
    "Kết quả giải quyết hồ sơ (trước hạn, đúng hạn, quá hạn) do bên nhận hồ sơ ghi khi nhận bàn giao.",
    ("Người giao, người nhận ký tên khi hệ thống thông tin một cửa điện tử chưa vận hành; khi hệ thống "
     "vận hành, việc giao, nhận được ghi nhận tự động trên hệ thống."),
)


@dataclass(frozen=True)
class ControlSlip(EventForm):
    """Mẫu 05 (2018) / Mẫu 06 (2025)."""

    all_events: bool = True

    def story(self, page: FormPage) -> list[Flowable]:
        view, st = page.view, page.st
        bodies = _bodies(page.events)
        story = self.top(page, day=view.received_at.date())
        story += [
            page.body(f"Kèm theo hồ sơ của: <b>{esc(view.applicant.full_name)}</b>"),
            page.body(f"Nội dung yêu cầu giải quyết: <b>{esc(view.procedure.name)}</b>"),
            page.body(f"Thời gian nhận hồ sơ: {vi_moment(view.received_at)}"),
            page.body("Thời gian trả kết quả giải quyết hồ sơ: "
                      + (vi_moment(view.due_at) if view.due_at else "chưa xác định")),
            page.body(f"Cơ quan (bộ phận) giải quyết hồ sơ: {esc(bodies[0] if bodies else EMPTY)}"),
            page.body(f"Cơ quan phối hợp giải quyết hồ sơ: {esc('; '.join(bodies[1:]) or EMPTY)}"),
            Spacer(0, page.gap * 0.5),
            _rows_table(page),
            Spacer(0, page.gap * 0.6),
            Paragraph("<b><i>Ghi chú:</i></b>", st.note),
            *[Paragraph(f"- {esc(text)}", st.note) for text in NOTES],
        ]
        return story


def _bodies(events: tuple[FormEvent, ...]) -> list[str]:
    """The bodies the dossier went to, in order, each once: the first one processes it."""
    seen: list[str] = []
    for event in events:
        body = event.text("to_body") if event.action == HANDOVER else ""
        if body and body not in seen:
            seen.append(body)
    return seen


def _rows_table(page: FormPage) -> Table:
    st, width = page.st, page.sheet.width
    head: list[object] = [Paragraph("TÊN CƠ QUAN", st.cell_head), Paragraph("THỜI GIAN GIAO, NHẬN HỒ SƠ", st.cell_head)]
    head += [[Paragraph("KẾT QUẢ GIẢI QUYẾT HỒ SƠ", st.cell_head),
              Paragraph("(Trước hạn/đúng hạn/quá hạn)", st.cell_center)], Paragraph("GHI CHÚ", st.cell_head)]
    rows: list[list[object]] = [head]
    for event in page.events:
        rows.append(_event_row(event, page))
    rows.append(_row(page, "", "", BLANK_TIME, ("", ""), "", ""))  # the next step, written by hand
    widths = [width * SHARES[0], width * SHARES[1], width * SHARES[2], width * SHARES[3]]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=ROW_SPLIT)
    style = grid()
    style.add("VALIGN", (0, 1), (-1, -1), "TOP")
    style.add("LEFTPADDING", (1, 1), (1, -1), 0)
    style.add("RIGHTPADDING", (1, 1), (1, -1), 0)
    style.add("TOPPADDING", (1, 1), (1, -1), 0)
    style.add("BOTTOMPADDING", (1, 1), (1, -1), 0)
    table.setStyle(style)
    return table


def _event_row(event: FormEvent, page: FormPage) -> list[object]:
    note = event.text("note") or event.note
    if event.action == HANDOVER:
        documents = event.count("documents")
        extra = f"Số lượng: {documents:02d} giấy tờ" if documents is not None else ""
        return _row(page, DESK, event.text("to_body") or EMPTY, vi_moment(event.at), (event.by, ""), "",
                    "; ".join(part for part in (extra, note) if part))
    return _row(page, event.text("from_body") or EMPTY, DESK, vi_moment(event.at), ("", event.by),
                _timeliness(event.at, page.view.due_at), note)


def _row(page: FormPage, giver: str, receiver: str, when: str, names: tuple[str, str], result: str,
         note: str) -> list[object]:
    st, sheet = page.st, page.sheet
    agency = [Paragraph(f"1. Giao: {esc(giver)}", st.cell), Paragraph(f"2. Nhận: {esc(receiver)}", st.cell)]
    column = sheet.width * SHARES[1]

    def box(role: str, name: str) -> list[Flowable]:
        return [Paragraph(role, st.cell_center), Spacer(0, sheet.font_size * 2.6),
                Paragraph(esc(name), st.cell_center)]
    boxes = Table([[box("Người giao", names[0]), box("Người nhận", names[1])]],
                  colWidths=[column / 2, column / 2])
    boxes.setStyle(plain([("LINEBEFORE", (1, 0), (1, 0), 0.5, "black"),
                          ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                          ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    time = Table([[Paragraph(esc(when), st.cell_center)], [boxes]], colWidths=[column])
    time.setStyle(plain([("LINEBELOW", (0, 0), (0, 0), 0.5, "black"),
                         ("LEFTPADDING", (0, 0), (0, 0), 3), ("RIGHTPADDING", (0, 0), (0, 0), 3),
                         ("TOPPADDING", (0, 0), (0, 0), 1.5), ("BOTTOMPADDING", (0, 0), (0, 0), 2.5)]))
    return [agency, time, Paragraph(esc(result), st.cell_center), Paragraph(esc(note), st.cell)]


def _timeliness(at: datetime, due: datetime | None) -> str:
    """A result received back before the appointment's day, on it, or after it."""
    if due is None:
        return ""
    if at > due:
        return "Quá hạn"
    return "Trước hạn" if at.date() < due.date() else "Đúng hạn"
