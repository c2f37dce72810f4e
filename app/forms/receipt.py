"""The receipt (Mẫu 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả) for one received dossier.

`render_receipt` picks the layout in force on the day of receipt (app/forms/templates.py) and
returns the PDF bytes, also writing them crash-safely to `out` when given.
"""

from __future__ import annotations

from pathlib import Path

from app.files import write_atomically
from app.forms.pdf import paper_for
from app.forms.settings import ReceiptSettings
from app.forms.templates import template_for
from app.reception.views import DossierView

RECEIPT_FORM = "01"


def render_receipt(view: DossierView, settings: ReceiptSettings, *, out: Path | None = None,
                   paper: str = "A5") -> bytes:
    """Both copies of the receipt as one PDF (A5 portrait unless `paper` is "A4")."""
    sheet = paper_for(paper)
    template = template_for(RECEIPT_FORM, view.received_at.date())
    pdf = template.render(view, settings, paper=sheet.name)
    if out is not None:
        write_atomically(Path(out), pdf)
    return pdf
