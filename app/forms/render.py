"""Rendering an official form of a stored dossier by its code (`motcua forms render`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.clock import local_today
from app.files import write_atomically
from app.forms.pdf import paper_for
from app.forms.settings import receipt_settings
from app.forms.templates import template_for
from app.reception.views import load_dossier_view


def render_form(session: Session, store: Any, code: str, form: str, *, out: Path,
                paper: str | None = None) -> Path:
    """Write form `form` of dossier `code` to `out` and return the path.

    Paper defaults to the unit's "receipt.paper" setting. Settings are read inside `session`
    (not through `store`), so this works within the caller's snapshot. `store` is the open
    store, kept in the signature for forms that will need more than the rows (page files).
    NotFoundError for an unknown code, InputError for a form that is not available yet.
    """
    del store  # not needed by the forms built so far
    template_for(form, local_today())  # an unavailable form fails before any dossier is read
    settings = receipt_settings(session)
    sheet = paper_for(paper) if paper else paper_for(settings.paper)
    view = load_dossier_view(session, code)
    template = template_for(form, view.received_at.date())
    return write_atomically(Path(out), template.render(view, settings, paper=sheet.name))
