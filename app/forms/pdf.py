"""Building blocks shared by the printed forms: paper sizes, text styles, QR codes, Vietnamese
date wording and the crash-safe file write.

Each form template lays out its own content from these pieces; nothing here knows about a
particular form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from xml.sax.saxutils import escape

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.errors import InputError
from app.forms.fonts import BOLD, FAMILY, ITALIC, register_fonts


@dataclass(frozen=True)
class Paper:
    """Page size, margins and the base type size for one paper format."""

    name: str
    size: tuple[float, float]
    left: float
    right: float
    top: float
    bottom: float
    font_size: float  # body text, in points
    qr_size: float  # the lookup QR's side, in points

    @property
    def width(self) -> float:
        """Width available to content."""
        return self.size[0] - self.left - self.right

    @property
    def scale(self) -> float:
        return self.font_size / PAPERS["A5"].font_size


# A5 is the legal size of forms 01–05 (TT 01/2018); A4 is for desks with only an A4 printer,
# set larger so the printed form keeps the proportions of the A5 original.
PAPERS: dict[str, Paper] = {
    "A5": Paper("A5", A5, 12 * mm, 10 * mm, 8 * mm, 8 * mm, 9.6, 20 * mm),
    "A4": Paper("A4", A4, 22 * mm, 15 * mm, 15 * mm, 15 * mm, 13.0, 28 * mm),
}


def paper_for(name: str) -> Paper:
    key = name.strip().upper() if isinstance(name, str) else name
    if key not in PAPERS:
        raise InputError(f"paper: {name!r} is not a paper size; use A5 or A4")
    return PAPERS[key]


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    center: ParagraphStyle
    header: ParagraphStyle
    center_bold: ParagraphStyle
    center_italic: ParagraphStyle
    title: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    small: ParagraphStyle
    small_center: ParagraphStyle
    note: ParagraphStyle


@cache  # styles are immutable once built; one set per paper for the whole process
def styles_for(paper_name: str) -> Styles:
    register_fonts()
    size = PAPERS[paper_name].font_size

    def style(name: str, *, font: str = FAMILY, scale: float = 1.0, align: int = TA_LEFT,
              space_after: float = 0.0, leading: float = 1.22) -> ParagraphStyle:
        points = size * scale
        return ParagraphStyle(name, fontName=font, fontSize=points, leading=points * leading,
                              alignment=align, spaceAfter=space_after * size)

    return Styles(
        body=style("body", align=TA_JUSTIFY, space_after=0.12, leading=1.18),
        center=style("center", align=TA_CENTER),
        header=style("header", scale=0.92, leading=1.18, align=TA_CENTER),
        center_bold=style("center_bold", font=BOLD, align=TA_CENTER),
        center_italic=style("center_italic", font=ITALIC, align=TA_CENTER),
        title=style("title", font=BOLD, scale=1.25, align=TA_CENTER, space_after=0.1),
        cell=style("cell", scale=0.92, leading=1.15),
        cell_center=style("cell_center", scale=0.92, leading=1.15, align=TA_CENTER),
        cell_head=style("cell_head", font=BOLD, scale=0.92, leading=1.15, align=TA_CENTER),
        small=style("small", scale=0.8, leading=1.18),
        small_center=style("small_center", scale=0.75, leading=1.1, align=TA_CENTER),
        note=style("note", font=ITALIC, scale=0.78, leading=1.18, align=TA_JUSTIFY),
    )


def esc(text: str) -> str:
    """Text for a reportlab paragraph: markup characters escaped (names may contain '&')."""
    return escape(text or "")


class QrCode(Flowable):
    """A QR code drawn as vector rectangles: sharp at any printer resolution, tiny in the PDF."""

    def __init__(self, payload: str, size: float, *, border: int = 2) -> None:
        super().__init__()
        self.payload = payload
        self.matrix = qr_matrix(payload)
        self.border = border
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        count = len(self.matrix) + 2 * self.border
        module = self.width / count
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)
        path = canvas.beginPath()
        for row_index, row in enumerate(self.matrix):
            y = self.height - (row_index + self.border + 1) * module
            # One rectangle per run of dark modules keeps the path short (and rendering fast).
            for start, length in _dark_runs(row):
                path.rect((start + self.border) * module, y, length * module, module)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()


@cache  # the same payload is drawn on both copies of a receipt
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR modules (True = dark) without a quiet zone; QrCode adds its own border."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def _dark_runs(row: tuple[bool, ...]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = -1
    for index, dark in enumerate(row):
        if dark and start < 0:
            start = index
        elif not dark and start >= 0:
            runs.append((start, index - start))
            start = -1
    if start >= 0:
        runs.append((start, len(row) - start))
    return runs


def vi_date(day: date) -> str:
    """'ngày 24 tháng 11 năm 2025', the date wording of administrative documents."""
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def vi_moment(moment: datetime) -> str:
    """'09 giờ 05 phút, ngày 24 tháng 11 năm 2025' (receipt lines 4 and 5)."""
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, {vi_date(moment.date())}"


def place_and_date(place: str, day: date) -> str:
    """'{Địa danh}, ngày … tháng … năm …'; without a place name the date alone, capitalised."""
    text = vi_date(day)
    return f"{place}, {text}" if place else text[0].upper() + text[1:]


