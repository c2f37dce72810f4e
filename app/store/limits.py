"""The size limits this desk checks receptions against: the portal's, as last published.

Each sync pass hands the portal's `GET /v1/limits` answer to `keep_published_limits`, which
stores it in the `settings` table; intake, drafts and the screen read `desk_limits`. A desk that
has never reached a portal (or a portal that publishes nothing usable) gets `DEFAULT_LIMITS`,
which is what the reference portal serves, so a receipt is never printed for a dossier the
portal would then refuse.
"""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy.orm import Session

from app import options
from app.limits import DEFAULT_LIMITS, Limits
from app.store.models import Setting

LIMITS_KEY = options.PORTAL_LIMITS.key


def desk_limits(session: Session) -> Limits:
    """The limits last published by the portal, or DEFAULT_LIMITS if none are known."""
    row = session.get(Setting, LIMITS_KEY)
    return DEFAULT_LIMITS if row is None else Limits.from_wire(row.value)


def keep_published_limits(session: Session, published: object) -> Limits:
    """Store what a portal published (read as `Limits.from_wire` reads it, so an odd value keeps
    its default); bookkeeping without an audit event, written only when something changed."""
    limits = Limits.from_wire(published)
    value = asdict(limits)
    row = session.get(Setting, LIMITS_KEY)
    if row is None:
        session.add(Setting(key=LIMITS_KEY, value=value))
    elif row.value != value:
        row.value = value
    return limits
