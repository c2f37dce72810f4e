"""The register as a PDF: A4 landscape, the column headings repeated on every page, the fonts
embedded (Liberation Serif, app/forms/fonts.py), "Trang x/y" at the foot of each page.

Drawn straight on the canvas rather than through a platypus Table: every cell is wrapped once
with the font's own glyph widths (cached per word and per cell text, since names, procedures and
officials repeat), rows are placed on pages in one pass and drawn in a second, so page numbers
know the total; each page's grid is one path and its rows' text one block of operators, each
distinct string encoded once (`_RowText`). A month of a busy desk (5,000 rows) renders in
about two seconds this way, where a platypus Table took twenty.
A cell never grows beyond MAX_CELL_LINES lines (a pasted essay in a note cannot make a row
taller than a page); what is cut ends with "…".
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import escapePDF
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from app.forms.fonts import BOLD, ITALIC, REGULAR, register_fonts
from app.forms.training_mark import marked_if
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
TITLE_HEIGHT = 33 * mm
END_HEIGHT = 8 * mm
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
    head = _head_height(widths)
    pages = _paginate([_place(row, widths) for row in register.rows], head)
    buffer = io.BytesIO()
    # The initial font is ours too: otherwise the PDF names Helvetica, which it does not embed.
    canvas = Canvas(buffer, pagesize=PAGE, invariant=True, pageCompression=1, initialFontName=REGULAR,
                    initialFontSize=FONT_SIZE)
    period = f"Từ ngày {register.period.start:%d/%m/%Y} đến ngày {register.period.end:%d/%m/%Y}"
    canvas.setTitle(f"Sổ theo dõi hồ sơ – {register.unit_name} – {period.lower()}")
    canvas.setAuthor(register.unit_name)
    canvas.setSubject(f"Mẫu số {register.layout.form} – {register.layout.basis}")
    canvas.setCreator("MotCua Desk")
    text = _RowText(canvas)
    for number, page in enumerate(pages, 1):
        top = PAGE[1] - MARGIN_TOP
        if number == 1:
            top = _draw_title(canvas, register, period, top)
        top = _draw_head(canvas, widths, top)
        bottom = _draw_rows(canvas, text, widths, page, top)
        if number == len(pages):
            _draw_end(canvas, register, widths, bottom)
        _draw_footer(canvas, register, period, number, len(pages))
        canvas.showPage()
    canvas.save()
    return marked_if(register.training, buffer.getvalue())


# --- measuring and wrapping -------------------------------------------------------------------


@lru_cache(maxsize=8)
def _glyphs(font: str) -> tuple[dict[int, float], float]:
    """The font's advance widths (1/1000 em) by code point, and the width of a missing glyph."""
    face = pdfmetrics.getFont(font).face
    return face.charWidths, face.defaultWidth


@lru_cache(maxsize=50_000)
def text_width(text: str, font: str = REGULAR, size: float = FONT_SIZE) -> float:
    """Width of `text` in points, as reportlab measures it (cached: words repeat a lot)."""
    widths, default = _glyphs(font)
    return sum(widths.get(ord(char), default) for char in text) * size / 1000


@lru_cache(maxsize=50_000)
def wrap(text: str, width: float, font: str = REGULAR, size: float = FONT_SIZE) -> tuple[str, ...]:
    """`text` broken into lines no wider than `width`: at spaces, then after hyphens (a dossier
    code breaks after its unit identifier), then anywhere; at most MAX_CELL_LINES lines."""
    space = text_width(" ", font, size)
    lines: list[str] = []
    used = 0.0
    for word in text.split(" "):
        pieces = _pieces(word, width, font, size)
        first = text_width(pieces[0], font, size)
        if lines and used + space + first <= width:
            lines[-1] = f"{lines[-1]} {pieces[0]}"
            used += space + first
            pieces = pieces[1:]
        for piece in pieces:
            lines.append(piece)
            used = text_width(piece, font, size)
        if len(lines) > MAX_CELL_LINES:
            break
    if len(lines) > MAX_CELL_LINES:
        lines = lines[:MAX_CELL_LINES]
        lines[-1] = _fit(lines[-1] + "…", width, font, size)
    return tuple(lines) or ("",)


def _pieces(word: str, width: float, font: str, size: float) -> list[str]:
    """One word as lines: whole if it fits, else cut after hyphens, else between letters."""
    if text_width(word, font, size) <= width:
        return [word]
    segments = [part + "-" for part in word.split("-")]
    segments[-1] = segments[-1][:-1]
    pieces: list[str] = []
    for segment in segments:
        if pieces and text_width(pieces[-1] + segment, font, size) <= width:
            pieces[-1] += segment
            continue
        current = ""
        for char in segment:
            if current and text_width(current + char, font, size) > width:
                pieces.append(current)
                current = ""
            current += char
        pieces.append(current)
    return [piece for piece in pieces if piece] or [""]


@lru_cache(maxsize=256)
def _fit(text: str, width: float, font: str, size: float) -> str:
    """`text` cut (ending in "…") to fit `width`: the longest prefix that fits, found by halving."""
    if text_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"


def cell_text(column: Column, value: Any) -> str:
    """The printed text of one value: moments as '23/11/2026 09:00' (wrapped to two lines)."""
    if value is None or value == "":
        return ""
    if column.kind == "moment" and isinstance(value, datetime):
        # Formatted by hand: strftime costs ten times as much, and a month has 25,000 moments.
        return f"{value.day:02d}/{value.month:02d}/{value.year} {value.hour:02d}:{value.minute:02d}"
    return str(value)


# --- layout pass ----------------------------------------------------------------------------


def _place(row: RegisterRow, widths: Sequence[float]) -> _Placed:
    cells = tuple(wrap(cell_text(column, row.value(column.key)), width - 2 * PAD)
                  for column, width in zip(PRINTED, widths))
    lines = max(len(cell) for cell in cells)
    return _Placed(cells, lines * LEADING + 2 * PAD)


def _paginate(rows: list[_Placed], head: float) -> list[list[_Placed]]:
    """Rows per page: the first page also holds the title; the closing line ("Tổng số …") must
    fit under the last row, or it gets a page of its own (with the headings)."""
    usable = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM - head
    pages: list[list[_Placed]] = [[]]
    room = usable - TITLE_HEIGHT
    for placed in rows:
        if placed.height > room and pages[-1]:
            pages.append([])
            room = usable
        pages[-1].append(placed)
        room -= placed.height
    if room < END_HEIGHT + (LEADING + 2 * PAD if not rows else 0):
        pages.append([])
    return pages


# --- drawing --------------------------------------------------------------------------------


def _head_height(widths: Sequence[float]) -> float:
    lines = max(len(wrap(column.head, width - 2 * PAD, BOLD)) for column, width in zip(PRINTED, widths))
    return LEADING + 2 * PAD + lines * LEADING + 2 * PAD


def _draw_title(canvas: Canvas, register: Register, period: str, top: float) -> float:
    """The unit at the top left, within the left half (the parent agency on one line, the unit
    on at most two, cut with "…" beyond), the form number at the top right, the title and the
    period."""
    left, right = MARGIN_X, PAGE[0] - MARGIN_X
    room = PAGE[0] * 0.55 - MARGIN_X
    y = top - 10
    for text, font, most in ((register.parent_agency, REGULAR, 1), (register.unit_name, BOLD, 2)):
        lines = list(wrap(text.upper(), room, font, 10)) if text else []
        if len(lines) > most:
            lines = lines[:most]
            lines[-1] = _fit(lines[-1] + "…", room, font, 10)
        canvas.setFont(font, 10)
        for line in lines:
            canvas.drawString(left, y, line)
            y -= 12
    canvas.setFont(ITALIC, 9)
    canvas.drawRightString(right, top - 10, f"Mẫu số {register.layout.form}")
    canvas.drawRightString(right, top - 22, f"({register.layout.basis})")
    canvas.setFont(BOLD, 15)
    canvas.drawCentredString(PAGE[0] / 2, top - 60, TITLE)
    canvas.setFont(ITALIC, 10.5)
    canvas.drawCentredString(PAGE[0] / 2, top - 75, period)
    return top - TITLE_HEIGHT


def _draw_head(canvas: Canvas, widths: Sequence[float], top: float) -> float:
    """The headings: one box per column, the date columns under a shared "Ngày, tháng, năm"."""
    height = _head_height(widths)
    group_height = LEADING + 2 * PAD
    canvas.setLineWidth(0.5)
    text = canvas.beginText()
    x = MARGIN_X
    group_start: float | None = None
    for index, (column, width) in enumerate(zip(PRINTED, widths)):
        cell_top = top
        if column.group:
            group_start = x if group_start is None else group_start
            cell_top = top - group_height
            if index + 1 == len(PRINTED) or PRINTED[index + 1].group != column.group:
                canvas.rect(group_start, cell_top, x + width - group_start, group_height)
                _centred(text, [column.group], (group_start + x + width) / 2, top, cell_top, BOLD)
                group_start = None
        canvas.rect(x, top - height, width, cell_top - (top - height))
        lines = list(wrap(column.head, width - 2 * PAD, BOLD))
        _centred(text, lines, x + width / 2, cell_top, top - height, BOLD)
        x += width
    canvas.drawText(text)
    return top - height


def _centred(text: PDFTextObject, lines: list[str], centre: float, top: float, bottom: float,
             font: str) -> None:
    """`lines` centred in the box from `top` to `bottom` around `centre`."""
    text.setFont(font, FONT_SIZE)
    y = (top + bottom) / 2 + len(lines) * LEADING / 2 - FONT_SIZE
    for line in lines:
        text.setTextOrigin(centre - text_width(line, font) / 2, y)
        text.textOut(line)
        y -= LEADING


class _RowText:
    """The rows' text, written as PDF operators in one literal block per page.

    reportlab's text object encodes every string anew (a TrueType subset lookup per character,
    about half of a register's time), and a register repeats the same dates, names, procedures
    and officials thousands of times. Here each distinct string is encoded once per document,
    with the font's own `splitString`, into exactly the operators the text object would write.
    One instance per document: subset assignments belong to the document being built.
    """

    def __init__(self, canvas: Canvas, font: str = REGULAR, size: float = FONT_SIZE) -> None:
        self.canvas = canvas
        self.doc = canvas._doc  # the document whose font subsets the strings are encoded into
        self.font = pdfmetrics.getFont(font)
        self.size = size
        self.encoded: dict[str, list[tuple[int, str]]] = {}
        self.ops: list[str] = []
        self.subset: int | None = None

    def show(self, x: float, y: float, text: str) -> None:
        parts = self.encoded.get(text)
        if parts is None:
            parts = [(subset, f"({escapePDF(chunk)}) Tj")
                     for subset, chunk in self.font.splitString(text, self.doc)]
            self.encoded[text] = parts
        self.ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        for subset, op in parts:
            if subset != self.subset:
                self.ops.append(f"{self.font.getSubsetInternalName(subset, self.doc)} {self.size} Tf")
                self.subset = subset
            self.ops.append(op)

    def flush(self) -> None:
        """Put the page's text on the page (a new page starts with no font selected)."""
        if self.ops:
            self.canvas.addLiteral("BT\n" + "\n".join(self.ops) + "\nET")
        self.ops, self.subset = [], None


def _draw_rows(canvas: Canvas, text: _RowText, widths: Sequence[float], rows: list[_Placed],
               top: float) -> float:
    """The page's rows: their text through `text`, their grid in one path; returns the bottom
    of the last row."""
    edges = [MARGIN_X]
    for width in widths:
        edges.append(edges[-1] + width)
    grid = canvas.beginPath()
    start = top
    for placed in rows:
        for column, left, width, lines in zip(PRINTED, edges, widths, placed.cells):
            y = top - PAD - FONT_SIZE
            for line in lines:
                if line:
                    centred = column.key in CENTRED
                    text.show(left + (width - text_width(line)) / 2 if centred else left + PAD, y, line)
                y -= LEADING
        top -= placed.height
        grid.moveTo(edges[0], top)
        grid.lineTo(edges[-1], top)
    if rows:
        for edge in edges:
            grid.moveTo(edge, start)
            grid.lineTo(edge, top)
        canvas.setLineWidth(0.5)
        canvas.drawPath(grid, stroke=1, fill=0)
        text.flush()
    return top


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
    page = f"Trang {number}/{total}"
    room = PAGE[0] - 2 * MARGIN_X - text_width(page, ITALIC) - 10 * mm
    text = _fit(f"Sổ theo dõi hồ sơ – {register.unit_name} – {period.lower()}", room, ITALIC, 7.5)
    canvas.drawString(MARGIN_X, y, text)
    canvas.drawRightString(PAGE[0] - MARGIN_X, y, page)
