"""Keeping the portal's published size limits (`GET /v1/limits`, unauthenticated) on the desk.

The sync pass already asks for the limits first (it is the pass's cheap "is the portal there"
probe); `remember_limits` stores a good answer so intake checks the same numbers the portal
enforces (app/store/limits.py). A failed or odd answer changes nothing: the last known set, or
the defaults, stay in force.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from app.limits import Limits
from app.store.limits import desk_limits, keep_published_limits
from sync.client import Reply

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

log = logging.getLogger(__name__)


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
    return published
