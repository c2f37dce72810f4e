"""Page furniture every one-stop form shares: the two-column header with the national motto, the
document with its continuation footer, signature columns and layout-only tables.

The receipt (Mẫu 01) and the forms built on a dossier's later events (02–06) lay out their own
bodies from these pieces, so the header and signatures look the same on every form a desk prints.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, Table,
                                TableStyle)

from app.forms.fonts import ITALIC, REGULAR, register_fonts
from app.forms.pdf import Paper, Styles, esc, place_and_date
from app.forms.settings import ReceiptSettings

EMPTY = "—"
DESK = "Bộ phận tiếp nhận và trả kết quả"
# Every table cell is set in the serif: reportlab's default cell font (Helvetica) would otherwise
# be named in the PDF without being embedded, even when the cell holds only flowables.
EMBEDDED = [("FONTNAME", (0, 0), (-1, -1), REGULAR)]
# A ruled table may split inside a row (leaving at least this many points on each side): one
# item or hand-over note longer than a page would otherwise stop the form with a LayoutError.
ROW_SPLIT = 24


class Rule(Flowable):
    """The short centred line under the unit's name (length 0: a small vertical gap)."""

    def __init__(self, length: float) -> None:
        super().__init__()
        self.length = length

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 5

    def draw(self) -> None:
        self.canv.setLineWidth(0.6)
        if not self.length:
            return
        start = (self.width - self.length) / 2
        self.canv.line(start, 1.5, start + self.length, 1.5)


def plain(extra: list[tuple] | None = None) -> TableStyle:
    """A layout-only table: no lines, no padding, top-aligned."""
    return TableStyle([*EMBEDDED, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                       ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                       *(extra or [])])


def grid() -> TableStyle:
    """A ruled table (the receipt's checklist, the supplement items, the control-slip rows)."""
    return TableStyle([
        *EMBEDDED,
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ])


def header(unit_name: str, settings: ReceiptSettings, sheet: Paper, st: Styles, *, number: str, day: date,
           subject: str = "") -> Table:
    """Left: parent agency, unit, `Số: …` (and a `V/v …` subject line for letters); right: the
    national motto and `{Địa danh}, ngày … tháng … năm …` for `day`."""
    left: list[Flowable] = []
    if settings.parent_agency:
        left.append(Paragraph(esc(settings.parent_agency.upper()), st.header))
    left += [Paragraph(f"<b>{esc(unit_name.upper())}</b>", st.header),
             Rule(sheet.width * 0.14), Paragraph(f"Số: {esc(number)}", st.header)]
    if subject:
        left.append(Paragraph(esc(subject), st.header))
    right: list[Flowable] = [
        Paragraph("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", st.header),
        Paragraph("<b><u>Độc lập - Tự do - Hạnh phúc</u></b>", st.header),
        Rule(0),
        Paragraph(f"<i>{esc(place_and_date(settings.place_name, day))}</i>", st.header),
    ]
    # The motto column must hold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line.
    table = Table([[left, right]], colWidths=[sheet.width * 0.42, sheet.width * 0.58])
    table.setStyle(plain())
    return table


class CopyStart(Flowable):
    """Zero-size marker: tells the page footer which copy is running and where it began."""

    def __init__(self, copy: str) -> None:
        super().__init__()
        self.copy = copy
        self.width = self.height = 0

    def draw(self) -> None:
        doc = self.canv._doctemplate  # set by BaseDocTemplate before any flowable is drawn
        doc.current_copy = (self.copy, self.canv.getPageNumber())


def build(story: list[Flowable], sheet: Paper, *, code: str, title: str, author: str, subject: str) -> bytes:
    """The PDF of `story` on `sheet`: reproducible bytes (same input, same file), fonts embedded,
    and from the second page of a copy on, a footer naming the dossier (and the copy)."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=sheet.size, leftMargin=sheet.left, rightMargin=sheet.right,
        topMargin=sheet.top, bottomMargin=sheet.bottom, invariant=True, initialFontName=REGULAR,
        title=title, author=author, subject=subject, creator="MotCua Desk")
    frame = Frame(sheet.left, sheet.bottom, sheet.width, sheet.size[1] - sheet.top - sheet.bottom,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate("form", [frame], onPageEnd=_footer(code, sheet))])
    doc.current_copy = ("", 1)  # type: ignore[attr-defined]
    doc.build(story)
    return buffer.getvalue()


def _footer(code: str, sheet: Paper) -> Any:
    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        copy, first_page = doc.current_copy  # type: ignore[attr-defined]
        page = canvas.getPageNumber() - first_page + 1
        if page < 2:
            return  # a one-page form needs no footer; continuation pages must say what they belong to
        canvas.saveState()
        canvas.setFont(ITALIC, sheet.font_size * 0.75)
        label = f"Mã hồ sơ: {code}" + (f" (Liên: {copy})" if copy else "")
        canvas.drawRightString(sheet.size[0] - sheet.right, sheet.bottom / 2, f"{label} – trang {page}")
        canvas.restoreState()
    return draw


@dataclass(frozen=True)
class Signer:
    """One signature column: the role in capitals, how to sign, and the printed name ("" = blank)."""

    role: str
    name: str = ""
    how: str = "(Ký và ghi rõ họ tên)"


def signatures(sheet: Paper, st: Styles, left: Signer | Sequence[Flowable] | None, right: Signer | None,
               middle: Sequence[Flowable] = ()) -> Table:
    """Signature columns: left and right (either may be absent, and the left one may be other
    content, such as a letter's "Nơi nhận"), and whatever sits between them."""
    def column(signer: Signer | Sequence[Flowable] | None) -> list[Flowable]:
        if signer is None:
            return []
        if not isinstance(signer, Signer):
            return list(signer)
        return [Paragraph(f"<b>{esc(signer.role)}</b>", st.center),
                Paragraph(f"<i>{esc(signer.how)}</i>", st.center),
                Spacer(0, sheet.font_size * 3.4), Paragraph(f"<b>{esc(signer.name)}</b>", st.center)]
    side, centre = sheet.width * 0.39, sheet.width * 0.22
    table = Table([[column(left), list(middle), column(right)]], colWidths=[side, centre, side])
    table.setStyle(plain([("ALIGN", (1, 0), (1, 0), "CENTER")]))
    return table


def contact_lines(address: str, phone: str, email: str, st: Styles) -> list[Flowable]:
    """`Địa chỉ: …` and `Số điện thoại: … Email: …`, "—" for what was not given."""
    return [Paragraph(f"Địa chỉ: {esc(address or EMPTY)}", st.body),
            Paragraph(f"Số điện thoại: {esc(phone or EMPTY)}&nbsp;&nbsp;&nbsp; Email: {esc(email or EMPTY)}",
                      st.body)]
