"""Anchors of the audit chain kept OUTSIDE the store, and checking the store's log against them.

The hash chain (app/store/audit.py) catches a changed or removed row in the middle, but not the
last rows deleted, nor the whole log rewritten with its hashes recomputed: the result is a valid
chain. An anchor is the chain's head at some moment — (seq, hash of that event, when it was taken)
— written where the store's own writer cannot quietly follow it: into every backup's manifest and
to the portal at every sync pass. A log that is shorter than an anchor's seq lost its tail; a log
whose event at the anchor's seq hashes differently was rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store.audit import now_text
from app.store.models import AuditEvent

_HASH = re.compile(r"^[0-9a-f]{64}$")
MAX_AT_CHARS = 40  # an ISO-8601 time with microseconds and offset is 32


@dataclass(frozen=True)
class Anchor:
    """The audit chain's head as seen at `at`, and where this copy of it was found."""

    seq: int
    hash: str
    at: str
    source: str = "this store"

    def to_wire(self) -> dict[str, Any]:
        """What a manifest or the portal keeps (the source is where it was READ from)."""
        return {"seq": self.seq, "hash": self.hash, "at": self.at}

    def describe(self) -> str:
        return f"{self.source} (seq {self.seq}, {self.at})"


@dataclass(frozen=True)
class AnchorLookup:
    """An anchor found by one source, or None with a note saying why not."""

    anchor: Anchor | None
    note: str = ""


# Something that finds an anchor for an open store (the portal's copy): registered by the
# installation that has a sync client (sync.cli), since `app` may not import `sync`.
AnchorSource = Callable[[Any], AnchorLookup]


def parse_anchor(data: object, source: str) -> Anchor | None:
    """An anchor from its stored form, or None when it is absent or malformed."""
    if not isinstance(data, dict):
        return None
    seq, digest, at = data.get("seq"), data.get("hash"), data.get("at")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        return None
    if not isinstance(digest, str) or not _HASH.fullmatch(digest):
        return None
    if not isinstance(at, str) or not 0 < len(at) <= MAX_AT_CHARS:
        return None
    return Anchor(seq, digest, at, source)


def current_anchor(session: Session) -> Anchor | None:
    """The store's own head now; None for an empty log."""
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).first()
    return Anchor(int(last[0]), str(last[1]), now_text()) if last else None


def compare(session: Session, anchor: Anchor) -> str | None:
    """What is wrong with the store's log against `anchor`, or None when it holds that head."""
    held = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == anchor.seq))
    if held is None:
        last = int(session.scalar(select(func.max(AuditEvent.seq))) or 0)
        return (f"audit log ends at seq {last}, but {anchor.describe()} recorded seq {anchor.seq}: "
                f"the last {anchor.seq - last} event(s) were deleted")
    if held != anchor.hash:
        return (f"audit event seq {anchor.seq} is not the one {anchor.describe()} recorded: "
                f"the log was rewritten")
    return None


def newest(anchors: list[Anchor]) -> Anchor | None:
    """The most recently taken anchor (ISO-8601 UTC texts sort by time)."""
    return max(anchors, key=lambda a: (a.at, a.seq), default=None)
