"""Rendering an official form of a stored dossier by its code: to a file (`motcua forms render`)
or in memory (the desk's receipt viewer and Reprint, and each lifecycle action, which never leave
a copy on disk).

A dossier has form 01 from reception on, and each later form once the action it records has
happened: 02 after a supplement request, 03 a refusal, 04 an apology, 05 a stop (2025 set only),
06 a hand-over to a processing body. Asking for one it does not have is an InputError of kind
"forms.not_available", never a form with made-up content.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.errors import InputError, NotFoundError
from app.files import write_atomically
from app.forms.events import FormEvent, load_events
from app.forms.pdf import paper_for
from app.forms.settings import ReceiptSettings, receipt_settings
from app.forms.training_mark import marked_if
from app.forms.templates import (KNOWN_FORMS, FormTemplate, actions_for, form_code, not_available, set_for,
                                 template_for)
from app.reception.views import DossierView, load_dossier_view
from app.store.models import Dossier
from app.text import clip

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
    events: tuple[FormEvent, ...] = ()  # what the form is about (none for the receipt)

    def render(self) -> bytes:
        """The form's PDF; every form of a training store is marked here, in this one place."""
        pdf = self.template.render(self.view, self.settings, paper=self.paper, events=self.events)
        return marked_if(self.settings.training, pdf)


def prepare_form(session: Session, code: str, form: str, *, paper: str | None = None,
                 event_id: str | None = None) -> FormJob:
    """Read what form `form` of dossier `code` (its code or id) needs, in the layout in force on
    the day the dossier was received. Paper defaults to the form's own (A4 for the control slip),
    else the unit's "receipt.paper" setting. `event_id` picks the event to print (default: the
    latest of the form's action; for the control slip, the rows up to that event).
    NotFoundError for an unknown dossier, InputError for a form the dossier does not have."""
    number = form_code(form)  # a bad form number fails before any dossier is read
    settings = receipt_settings(session)
    sheet = paper_for(paper) if paper else None
    view = load_dossier_view(session, _dossier_code(session, code))
    template = template_for(number, view.received_at.date(), dossier=view.code)
    events = _events_for(session, view, template, event_id)
    chosen = sheet or paper_for(getattr(template, "default_paper", None) or settings.paper)
    return FormJob(template, view, settings, chosen.name, events)


def render_form_pdf(source: Any, dossier: str, form: str, *, event_id: str | None = None,
                    paper: str | None = None) -> bytes:
    """Form `form` of `dossier` (code or id) as PDF bytes, in memory; `source` is an open store
    or a session already inside one (the caller's snapshot, e.g. right after an action)."""
    with _session(source) as session:
        job = prepare_form(session, dossier, form, paper=paper, event_id=event_id)
    return job.render()


def render_form(session: Session, store: Store, code: str, form: str, *, out: Path,
                paper: str | None = None, event_id: str | None = None) -> Path:
    """Write form `form` of dossier `code` to `out` and return the path. Nothing is written when
    the form cannot be made.

    Settings are read inside `session` (not through `store`), so this works within the caller's
    snapshot. `store` is the open store, kept in the signature for forms that will need more
    than the rows (page files).
    """
    del store  # not needed by the forms built so far
    return write_atomically(Path(out), render_form_pdf(session, code, form, paper=paper, event_id=event_id))


def forms_for(source: Any, dossier: DossierView | str) -> list[str]:
    """The codes of the forms `dossier` (a view, a code or an id) can be printed with, in order:
    01 always, and each later form whose action the dossier's events record."""
    with _session(source) as session:
        view = dossier if isinstance(dossier, DossierView) else load_dossier_view(
            session, _dossier_code(session, dossier))
        form_set = set_for(view.received_at.date())
        happened = {event.action for event in load_events(session, view.dossier_id)}
    needs = {code: set(actions_for(template)) for code, template in form_set.templates.items()}
    return [code for code in KNOWN_FORMS if code in needs and (not needs[code] or happened & needs[code])]


def _session(source: Any) -> Any:
    """A read session of `source` (a store), or `source` itself when it is already a session."""
    return source.read_session() if hasattr(source, "read_session") else nullcontext(source)


def _dossier_code(session: Session, dossier: str) -> str:
    """The code of the dossier named by its code or its id (the lifecycle works with ids)."""
    if not isinstance(dossier, str) or not dossier.strip():
        raise InputError("dossier code: empty; give a code like 000.00.06.H56-251124-0001")
    key = dossier.strip()
    found = session.scalar(select(Dossier.code).where(or_(Dossier.code == key, Dossier.id == key)).limit(1))
    if found is None:
        raise NotFoundError(f"dossier code: no dossier {clip(key)} in this store")
    return found


def _events_for(session: Session, view: DossierView, template: FormTemplate,
                event_id: str | None) -> tuple[FormEvent, ...]:
    actions = actions_for(template)
    if not actions:
        if event_id is not None:
            raise InputError(f"event: form {template.form} is printed from the reception, not from an event; "
                             "leave the event out")
        return ()  # the receipt
    events = load_events(session, view.dossier_id, actions)
    if event_id is not None:
        index = next((n for n, event in enumerate(events) if event.id == event_id), None)
        if index is None:
            raise not_available(template.form, view.code,
                                f"form {template.form} is not available: event {clip(str(event_id))} is not "
                                f"a {'/'.join(actions)} event of dossier {view.code}")
        events = events[:index + 1]
    if not events:
        raise not_available(template.form, view.code,
                            f"form {template.form} is not available: dossier {view.code} has no "
                            f"{'/'.join(actions)} event")
    # The control slip lists every hand-over so far; the other forms are about one event.
    return tuple(events) if getattr(template, "all_events", False) else (events[-1],)
