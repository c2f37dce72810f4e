"""The training mark on printouts: "BẢN TẬP HUẤN – KHÔNG CÓ GIÁ TRỊ" across every page.

Applied to the finished PDF rather than inside each layout, so every printout of a training store
carries it whatever drew it: the forms (app/forms/render.py, one call for 01–07), the register
(app/register/pdf.py) and the Reports page's printable copy (drawn by Qt). Each page gets a strip
at the top and a large diagonal line of text, orange and half transparent so the form stays
readable but a photocopy cannot lose the mark.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache

import pikepdf
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from app.forms.fonts import BOLD, register_fonts
from app.training import TRAINING_MARK

ORANGE = (0.90, 0.45, 0.05)


def mark_training(pdf: bytes) -> bytes:
    """`pdf` with the training mark over every page (same pages, same content underneath)."""
    stamps: dict[tuple[float, float], pikepdf.Pdf] = {}
    try:
        with pikepdf.open(io.BytesIO(pdf)) as document:
            for page in document.pages:
                box = [float(v) for v in page.mediabox]
                size = (round(box[2] - box[0], 2), round(box[3] - box[1], 2))
                if size not in stamps:
                    stamps[size] = pikepdf.open(io.BytesIO(_overlay(size)))
                page.add_overlay(stamps[size].pages[0], pikepdf.Rectangle(*box))
            out = io.BytesIO()
            document.save(out, deterministic_id=True)
    finally:  # a foreign page stays readable until the document that copies it is saved
        for stamp in stamps.values():
            stamp.close()
    return out.getvalue()


def marked_if(training: bool, pdf: bytes) -> bytes:
    return mark_training(pdf) if training else pdf


@lru_cache(maxsize=8)
def _overlay(size: tuple[float, float]) -> bytes:
    """A one-page PDF of `size` holding only the mark (cached: the same for every page)."""
    register_fonts()
    width, height = size
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=True, initialFontName=BOLD)
    strip = max(12.0, height * 0.022)
    canvas.setFillColor(Color(*ORANGE, alpha=0.85))
    canvas.rect(0, height - strip * 1.6, width, strip * 1.6, stroke=0, fill=1)
    canvas.setFillColor(Color(1, 1, 1, alpha=1))
    canvas.setFont(BOLD, strip * 0.8)
    canvas.drawCentredString(width / 2, height - strip * 1.15, TRAINING_MARK)
    # The diagonal: as large as fits along the page's diagonal, with a margin.
    diagonal = math.hypot(width, height)
    font_size = diagonal * 0.8 / max(1.0, canvas.stringWidth(TRAINING_MARK, BOLD, 1))
    canvas.saveState()
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    canvas.setFillColor(Color(*ORANGE, alpha=0.28))
    canvas.setFont(BOLD, font_size)
    canvas.drawCentredString(0, -font_size / 3, TRAINING_MARK)
    canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
