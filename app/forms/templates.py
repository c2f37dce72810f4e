"""Form templates versioned by effective date: the layout printed is the one in force on the
day the dossier was received, so a reprint years later looks like the original.

`FORM_TEMPLATES` maps a form number to its layouts, oldest first, each with the day it took
effect. Today only Circular 01/2018/TT-VPCP Mẫu 01 is built.

Slot for Circular 03/2025/TT-VPCP (Phụ lục I, 7 forms): its field lists have not been read
from the official text yet (domain.md §2.2). When they are, add e.g.
`(date(2025, 11, 1), Receipt2025())` to FORM_TEMPLATES["01"] with the circular's real effective
date; earlier dossiers keep printing with the 2018 layout. Note the numbering shift in 2025:
the control slip becomes 06 and the register 07.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from app.errors import InputError
from app.forms.receipt_2018 import Receipt2018
from app.forms.settings import ReceiptSettings
from app.reception.views import DossierView


class FormTemplate(Protocol):
    """One layout of one official form."""

    form: str
    name: str
    basis: str  # the legal text the layout follows
    valid_from: date

    def render(self, view: DossierView, settings: ReceiptSettings, *, paper: str = "A5") -> bytes: ...


FORM_TEMPLATES: dict[str, list[tuple[date, FormTemplate]]] = {
    "01": [(Receipt2018.valid_from, Receipt2018())],
    # "01": [..., (<effective date of TT 03/2025>, Receipt2025())],  -- the 2025 set goes here
}
KNOWN_FORMS = ("01", "02", "03", "04", "05", "06", "07")


def forms_for(on: date) -> list[FormTemplate]:
    """The layout in force on `on` of every form that is built, in form-number order.

    What a dossier received on `on` can be printed with (the dossier detail's Reprint list)."""
    return [template_for(number, on) for number in KNOWN_FORMS if FORM_TEMPLATES.get(number)]


def template_for(form: str, on: date) -> FormTemplate:
    """The layout of `form` in force on `on`; InputError for a form that is not built yet."""
    number = form.strip() if isinstance(form, str) else ""
    if number.isdigit() and len(number) == 1:
        number = f"0{number}"
    if number not in KNOWN_FORMS:
        raise InputError(f"form: {form!r} is not a one-stop form number (01–07)")
    versions = FORM_TEMPLATES.get(number)
    if not versions:
        raise InputError(f"form {number} is not available yet")
    in_force = [template for start, template in versions if start <= on]
    # A dossier dated before the first layout took effect still needs a receipt: use the oldest.
    return in_force[-1] if in_force else versions[0][1]
