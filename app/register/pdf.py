"""The register as a PDF: A4 landscape, the column headings repeated on every page, the fonts
embedded (Liberation Serif, app/forms/fonts.py), "Trang x/y" at the foot of each page.

Drawn straight on the canvas rather than through a platypus Table: every cell is wrapped once
with the font's real widths, rows are placed on pages in one pass and drawn in a second, so a
month of a busy desk (5,000 rows) renders in about a second and page numbers know the total.
A cell never grows beyond MAX_CELL_LINES lines (a pasted essay in a note cannot make a row
taller than a page); what is cut ends with "…".
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.forms.fonts import BOLD, ITALIC, REGULAR, register_fonts
from app.register.layout import PRINTED, Column
from app.register.rows import Register, RegisterRow

PAGE = landscape(A4)
MARGIN_X = 8 * mm
MARGIN_TOP = 10 * mm
MARGIN_BOTTOM = 12 * mm
FONT_SIZE = 7.5
LEADING = FONT_SIZE * 1.2
PAD = 1 * mm
MAX_CELL_LINES = 12
# Column widths in mm, in the order of layout.PRINTED; they add up to the page width less margins.
WIDTHS_MM = (8, 19, 32, 10, 25, 32, 22, 15, 15, 15, 15, 15, 17, 21, 20)
TITLE = "SỔ THEO DÕI HỒ SƠ"
EMPTY_TEXT = "Không có hồ sơ nào được tiếp nhận trong thời gian này."
CENTRED = frozenset({"seq", "sets", "received_at", "due_at", "handed_over_at", "received_back_at",
                     "returned_at"})


@dataclass(frozen=True)
class _Placed:
    cells: tuple[tuple[str, ...], ...]  # wrapped lines per column
    height: float


def render_register_pdf(register: Register) -> bytes:
    """The whole register as PDF bytes."""
    register_fonts()
    widths = tuple(width * mm for width in WIDTHS_MM)
    rows = [_place(row, widths) for row in register.rows]
    pages = _paginate(rows, _head_height(widths), first_top=_title_height())
    buffer = io.BytesIO()
    # The initial font is ours too: otherwise the PDF names Helvetica, which it does not embed.
    canvas = Canvas(buffer, pagesize=PAGE, invariant=True, pageCompression=1, initialFontName=REGULAR,
                    initialFontSize=FONT_SIZE)
    period = f"Từ ngày {register.period.start:%d/%m/%Y} đến ngày {register.period.end:%d/%m/%Y}"
    canvas.setTitle(f"Sổ theo dõi hồ sơ – {register.unit_name} – {period.lower()}")
    canvas.setAuthor(register.unit_name)
    canvas.setSubject(f"Mẫu số {register.layout.form} – {register.layout.basis}")
    canvas.setCreator("MotCua Desk")
    for number, page in enumerate(pages, 1):
        top = PAGE[1] - MARGIN_TOP
        if number == 1:
            top = _draw_title(canvas, register, period, top)
        top = _draw_head(canvas, widths, top)
        for placed in page:
            _draw_row(canvas, widths, placed, top)
            top -= placed.height
        if number == len(pages):
            _draw_end(canvas, register, widths, top)
        _draw_footer(canvas, register, period, number, len(pages))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- layout pass ----------------------------------------------------------------------------


def _place(row: RegisterRow, widths: Sequence[float]) -> _Placed:
    cells = tuple(tuple(wrap(cell_text(column, row.value(column.key)), width - 2 * PAD, REGULAR))
                  for column, width in zip(PRINTED, widths))
    lines = max(len(cell) for cell in cells)
    return _Placed(cells, lines * LEADING + 2 * PAD)


def _paginate(rows: list[_Placed], head: float, *, first_top: float) -> list[list[_Placed]]:
    usable = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM - head
    pages: list[list[_Placed]] = [[]]
    room = usable - first_top - _end_height()
    for placed in rows:
        if placed.height > room and pages[-1]:
            pages.append([])
            room = usable
        pages[-1].append(placed)
        room -= placed.height
    # The closing line ("Tổng số …") must fit under the last row; otherwise it gets a page.
    if room < _end_height() and pages[-1]:
        pages.append([])
    return pages


def cell_text(column: Column, value: Any) -> str:
    """The printed text of one value: moments as '23/11/2026 09:00' (wrapped to two lines)."""
    if value is None or value == "":
        return ""
    if column.kind == "moment" and isinstance(value, datetime):
        return f"{value:%d/%m/%Y} {value:%H:%M}"
    return str(value)


def wrap(text: str, width: float, font: str, size: float = FONT_SIZE) -> list[str]:
    """`text` broken into lines no wider than `width`: at spaces, then after hyphens (a dossier
    code breaks after its unit identifier), then anywhere; at most MAX_CELL_LINES lines."""
    lines: list[str] = []
    for word in text.split(" "):
        pieces = _pieces(word, width, font, size)
        if lines and stringWidth(f"{lines[-1]} {pieces[0]}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {pieces[0]}"
            pieces = pieces[1:]
        lines.extend(pieces)
    if len(lines) > MAX_CELL_LINES:
        lines = lines[:MAX_CELL_LINES]
        lines[-1] = _fit(lines[-1] + "…", width, font, size)
    return lines or [""]


def _pieces(word: str, width: float, font: str, size: float) -> list[str]:
    """One word as lines: whole if it fits, else cut after hyphens, else between letters."""
    if stringWidth(word, font, size) <= width:
        return [word]
    segments = [part + "-" for part in word.split("-")]
    segments[-1] = segments[-1][:-1]
    pieces: list[str] = []
    for segment in segments:
        if pieces and stringWidth(pieces[-1] + segment, font, size) <= width:
            pieces[-1] += segment
            continue
        current = ""
        for char in segment:
            if current and stringWidth(current + char, font, size) > width:
                pieces.append(current)
                current = ""
            current += char
        pieces.append(current)
    return [piece for piece in pieces if piece]


def _fit(text: str, width: float, font: str, size: float) -> str:
    while len(text) > 1 and stringWidth(text, font, size) > width:
        text = text[:-2] + "…"
    return text


# --- drawing --------------------------------------------------------------------------------


def _title_height() -> float:
    return 30 * mm


def _end_height() -> float:
    return 8 * mm


def _head_height(widths: Sequence[float]) -> float:
    lines = max(len(wrap(column.head, width - 2 * PAD, BOLD)) for column, width in zip(PRINTED, widths))
    return LEADING + 2 * PAD + lines * LEADING + 2 * PAD


def _draw_title(canvas: Canvas, register: Register, period: str, top: float) -> float:
    left = MARGIN_X
    y = top - 10
    if register.parent_agency:
        canvas.setFont(REGULAR, 10)
        canvas.drawString(left, y, register.parent_agency.upper())
        y -= 13
    canvas.setFont(BOLD, 10)
    canvas.drawString(left, y, register.unit_name.upper())
    canvas.setFont(ITALIC, 9)
    right = PAGE[0] - MARGIN_X
    canvas.drawRightString(right, top - 10, f"Mẫu số {register.layout.form}")
    canvas.drawRightString(right, top - 22, f"({register.layout.basis})")
    canvas.setFont(BOLD, 15)
    canvas.drawCentredString(PAGE[0] / 2, top - 52, TITLE)
    canvas.setFont(ITALIC, 10.5)
    canvas.drawCentredString(PAGE[0] / 2, top - 67, period)
    return top - _title_height()


def _draw_head(canvas: Canvas, widths: Sequence[float], top: float) -> float:
    height = _head_height(widths)
    group_height = LEADING + 2 * PAD
    canvas.setLineWidth(0.5)
    x = MARGIN_X
    group_start: float | None = None
    for index, (column, width) in enumerate(zip(PRINTED, widths)):
        if column.group:
            if group_start is None:
                group_start = x
            cell_top = top - group_height
            ends_group = index + 1 == len(PRINTED) or PRINTED[index + 1].group != column.group
            if ends_group:
                canvas.rect(group_start, top - group_height, x + width - group_start, group_height)
                canvas.setFont(BOLD, FONT_SIZE)
                canvas.drawCentredString((group_start + x + width) / 2, top - PAD - FONT_SIZE, column.group)
                group_start = None
        else:
            cell_top = top
        canvas.rect(x, top - height, width, cell_top - (top - height))
        lines = wrap(column.head, width - 2 * PAD, BOLD)
        _centred_lines(canvas, lines, x + width / 2, cell_top, top - height, BOLD)
        x += width
    return top - height


def _centred_lines(canvas: Canvas, lines: list[str], centre: float, top: float, bottom: float,
                   font: str) -> None:
    canvas.setFont(font, FONT_SIZE)
    block = len(lines) * LEADING
    y = (top + bottom) / 2 + block / 2 - FONT_SIZE
    for line in lines:
        canvas.drawCentredString(centre, y, line)
        y -= LEADING


def _draw_row(canvas: Canvas, widths: Sequence[float], placed: _Placed, top: float) -> None:
    canvas.setFont(REGULAR, FONT_SIZE)
    x = MARGIN_X
    for column, width, lines in zip(PRINTED, widths, placed.cells):
        canvas.rect(x, top - placed.height, width, placed.height)
        y = top - PAD - FONT_SIZE
        for line in lines:
            if column.key in CENTRED:
                canvas.drawCentredString(x + width / 2, y, line)
            else:
                canvas.drawString(x + PAD, y, line)
            y -= LEADING
        x += width


def _draw_end(canvas: Canvas, register: Register, widths: Sequence[float], top: float) -> None:
    if not register.rows:
        height = LEADING + 2 * PAD
        canvas.rect(MARGIN_X, top - height, sum(widths), height)
        canvas.setFont(ITALIC, FONT_SIZE)
        canvas.drawCentredString(MARGIN_X + sum(widths) / 2, top - PAD - FONT_SIZE, EMPTY_TEXT)
        top -= height
    canvas.setFont(BOLD, 9)
    canvas.drawString(MARGIN_X, top - 14, f"Tổng số: {len(register.rows)} hồ sơ.")


def _draw_footer(canvas: Canvas, register: Register, period: str, number: int, total: int) -> None:
    canvas.setFont(ITALIC, 7.5)
    y = MARGIN_BOTTOM / 2
    canvas.drawString(MARGIN_X, y, f"Sổ theo dõi hồ sơ – {register.unit_name} – {period.lower()}")
    canvas.drawRightString(PAGE[0] - MARGIN_X, y, f"Trang {number}/{total}")
