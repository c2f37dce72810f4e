"""Keeping the portal's published size limits (`GET /v1/limits`, unauthenticated) on the desk.

The sync pass already asks for the limits first (it is the pass's cheap "is the portal there"
probe); `remember_limits` stores a good answer so intake checks the same numbers the portal
enforces (app/store/limits.py). A failed or odd answer changes nothing: the last known set, or
the defaults, stay in force.

The same answer carries the portal's public address for the citizen pages (`citizen_url`,
docs/sync-protocol.md §10.1), kept as setting `sync.citizen_url` so receipts point there; an
answer without one (a portal with no public address) removes it.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from app import options
from app.limits import Limits
from app.store.limits import desk_limits, keep_published_limits
from app.store.models import Setting
from sync.client import Reply

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

log = logging.getLogger(__name__)
CITIZEN_URL = options.CITIZEN_URL.key
# An http(s) address without spaces or quotes, short enough for a QR code on an A5 receipt.
_PUBLIC_URL = re.compile(r"^https?://[^\s\"'<>\\]{1,180}$")


def remember_limits(store: Store, reply: Reply) -> Limits | None:
    """Store the limits of a successful `GET /v1/limits` reply; None when it was not one."""
    if not reply.ok or not isinstance(reply.body, dict):
        return None
    published = Limits.from_wire(reply.body)
    with store.read_session() as session:
        unchanged = desk_limits(session) == published
    if not unchanged:  # the write lock only when the portal changed its limits
        with store.session() as session:
            keep_published_limits(session, reply.body)
        log.info("portal limits changed: %s", published)
    remember_citizen_url(store, reply)
    return published


def remember_citizen_url(store: Store, reply: Reply) -> None:
    """Keep the public address a successful `GET /v1/limits` published (or forget it when none
    was); an odd value is ignored, with a log line."""
    if not reply.ok or not isinstance(reply.body, dict):
        return
    value = reply.body.get("citizen_url")
    if value is not None and not (isinstance(value, str) and _PUBLIC_URL.fullmatch(value)):
        log.warning("portal published an unusable citizen_url: %r", str(value)[:40])
        return
    wanted = value.rstrip("/") if isinstance(value, str) else None
    with store.read_session() as session:
        row = session.get(Setting, CITIZEN_URL)
        if (row.value if row is not None else None) == wanted:
            return
    with store.session() as session:
        row = session.get(Setting, CITIZEN_URL)
        if wanted is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(Setting(key=CITIZEN_URL, value=wanted))
        else:
            row.value = wanted
    log.info("portal citizen pages: %s", wanted)
