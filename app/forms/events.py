"""The status events a printed form is about, read from the store into plain values.

Forms 02–06 print what a lifecycle action recorded in `status_events.details` (revision 0005;
keys by action in docs/lifecycle.md): the supplement items and reason, the refusal reason, the
old and new appointment, the stop reason, the hand-over rows of the control slip. A template never
touches the ORM; it reads a `FormEvent`, whose accessors tolerate a missing or malformed value
(an event pulled from the portal, a row written by an older desk) and print "—" rather than fail.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from app.limits import DEFAULT_LIMITS
from app.store.models import StatusEvent, User


@dataclass(frozen=True)
class FormEvent:
    """One status event as a form prints it."""

    id: str
    action: str  # receive, handover, receive_back, request_supplement, … ("" before revision 0005)
    status: str
    at: datetime
    by: str  # the official's full name (the stored user name when the account is unknown)
    note: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)

    def text(self, key: str) -> str:
        """details[key] as trimmed text; "" when absent or not text."""
        return _bounded(self.details.get(key))

    def texts(self, key: str) -> list[str]:
        """details[key] as a list of non-empty texts (supplement items); [] when not a list."""
        value = self.details.get(key)
        if not isinstance(value, list):
            return []
        items = [_bounded(item) for item in value]
        return [item for item in items if item][:DEFAULT_LIMITS.max_documents]

    def moment(self, key: str) -> datetime | None:
        """details[key] (ISO text) as a wall-clock time; None when absent or unreadable."""
        value = self.details.get(key)
        if not isinstance(value, str):
            return None
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
        # Times on forms are the unit's wall clock, like dossiers.due_at: drop an offset if any.
        return moment.replace(tzinfo=None)

    def count(self, key: str) -> int | None:
        """details[key] as a whole number 0 or more; None otherwise."""
        value = self.details.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _bounded(value: Any) -> str:
    """Trimmed text cut to the longest any lifecycle action accepts (max_text_chars, with "…"):
    a value that slipped past the checks (an old desk, a damaged row) still prints on pages."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    limit = DEFAULT_LIMITS.max_text_chars
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def load_events(session: Session, dossier_id: str, actions: Sequence[str] = ()) -> list[FormEvent]:
    """The dossier's events (only those of `actions` when given), oldest first."""
    query = (select(StatusEvent, User.full_name)
             .outerjoin(User, User.username == StatusEvent.by_user)
             .where(StatusEvent.dossier_id == dossier_id)
             # Same-second events keep the order they were written in (rowid).
             .order_by(StatusEvent.at, literal_column("status_events.rowid")))
    if actions:
        query = query.where(StatusEvent.action.in_(tuple(actions)))
    return [_event(row, full_name) for row, full_name in session.execute(query)]


def _event(row: StatusEvent, full_name: str | None) -> FormEvent:
    details = row.details if isinstance(row.details, Mapping) else {}
    return FormEvent(id=row.id, action=row.action or "", status=row.status, at=row.at,
                     by=full_name or row.by_user or "", note=_bounded(row.note), details=details)
