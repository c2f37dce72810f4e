"""Rendering an official form of a stored dossier by its code: to a file (`motcua forms render`)
or in memory (the desk's receipt viewer and Reprint, which never leave a copy on disk)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.clock import local_today
from app.files import write_atomically
from app.forms.pdf import paper_for
from app.forms.settings import ReceiptSettings
from app.forms.settings import receipt_settings
from app.forms.templates import FormTemplate
from app.forms.templates import template_for
from app.reception.views import DossierView
from app.reception.views import load_dossier_view

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store


@dataclass(frozen=True)
class FormJob:
    """Everything one form of one dossier needs, read from the store; `render` needs no store,
    so the reading runs on the store lane and the (slower) rendering elsewhere."""

    template: FormTemplate
    view: DossierView
    settings: ReceiptSettings
    paper: str  # "A5" | "A4"

    def render(self) -> bytes:
        return self.template.render(self.view, self.settings, paper=self.paper)


def prepare_form(session: Session, code: str, form: str, *, paper: str | None = None) -> FormJob:
    """Read what form `form` of dossier `code` needs, in the layout in force on the day the
    dossier was received. Paper defaults to the unit's "receipt.paper" setting.
    NotFoundError for an unknown code, InputError for a form that is not available yet."""
    template_for(form, local_today())  # an unavailable form fails before any dossier is read
    settings = receipt_settings(session)
    sheet = paper_for(paper) if paper else paper_for(settings.paper)
    view = load_dossier_view(session, code)
    return FormJob(template_for(form, view.received_at.date()), view, settings, sheet.name)


def render_form_pdf(session: Session, code: str, form: str, *, paper: str | None = None) -> bytes:
    """Form `form` of dossier `code` as PDF bytes, in memory."""
    return prepare_form(session, code, form, paper=paper).render()


def render_form(session: Session, store: Store, code: str, form: str, *, out: Path,
                paper: str | None = None) -> Path:
    """Write form `form` of dossier `code` to `out` and return the path.

    Settings are read inside `session` (not through `store`), so this works within the caller's
    snapshot. `store` is the open store, kept in the signature for forms that will need more
    than the rows (page files).
    """
    del store  # not needed by the forms built so far
    return write_atomically(Path(out), render_form_pdf(session, code, form, paper=paper))
