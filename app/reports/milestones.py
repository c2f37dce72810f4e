"""The dates a register row and the report count, read from a dossier's status events.

One definition for both, so the register and the Báo cáo page never disagree about when a
dossier was handed over or returned. Events written by the lifecycle actions carry their
`action` and `details` (store revision 0005, docs/lifecycle.md); older events, and statuses
pulled from the portal, have only a status, so each date falls back to the first event with the
status that action produces:

| date | lifecycle event | fallback |
|---|---|---|
| handed to the processing body | first `handover` | first DANG_XU_LY |
| result back from the body | last `receive_back` | first CO_KET_QUA |
| result returned to the applicant | `dossiers.returned_at`, else the last `return` | first DA_TRA |

Portal statuses the desk refused (flagged in their details) are not steps of the dossier.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

RETURN_ACTION = "return"
RETURNED_STATUS = "DA_TRA"
# Actions whose details say why a dossier left the normal path (printed in the register's notes).
REASON_ACTIONS = ("refuse", "withdraw", "stop")
PLAIN = (None, "portal")  # events that only carry a status


@dataclass(frozen=True)
class Event:
    """One status event, as the register and report need it."""

    status: str
    at: datetime
    action: str | None = None
    details: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Milestones:
    """What a dossier's events say about its way through the desk."""

    handed_over_at: datetime | None = None
    handed_to: str = ""  # the processing body named at handover
    received_back_at: datetime | None = None
    returned_at: datetime | None = None
    returned: Mapping[str, Any] = field(default_factory=dict)  # details of the return
    apologies: tuple[Mapping[str, Any], ...] = ()  # details of every apology, oldest first
    reasons: Mapping[str, str] = field(default_factory=dict)  # action -> reason (refuse, stop, …)

    @property
    def by_post(self) -> bool:
        return self.returned.get("to") == "post"


def milestones(events: Iterable[Event], *, returned_at: datetime | None = None) -> Milestones:
    """Read the dates from `events` (any order); `returned_at` is the dossier's own column.

    A portal change the desk's machine refused is kept as an event flagged `refused` in its
    details (docs/lifecycle.md) but was never applied, so it dates nothing."""
    ordered = sorted((event for event in events if not refused(event)), key=lambda event: event.at)
    handover = _first(ordered, action="handover") or _first(ordered, status="DANG_XU_LY", plain=True)
    back = _last(ordered, action="receive_back") or _first(ordered, status="CO_KET_QUA")
    ret = _last(ordered, action=RETURN_ACTION)
    returned_moment = returned_at or (ret.at if ret else None)
    if returned_moment is None:
        first_done = _first(ordered, status=RETURNED_STATUS)
        returned_moment = first_done.at if first_done else None
    reasons = {event.action: _text((event.details or {}).get("reason")) for event in ordered
               if event.action in REASON_ACTIONS}
    return Milestones(
        handed_over_at=handover.at if handover else None,
        handed_to=_text((handover.details or {}).get("to_body")) if handover else "",
        received_back_at=back.at if back else None,
        returned_at=returned_moment,
        returned=dict(ret.details or {}) if ret else {},
        apologies=tuple(dict(event.details or {}) for event in ordered if event.action == "apologise"),
        reasons=reasons,
    )


def refused(event: Event) -> bool:
    """A portal status the desk did not apply."""
    return bool(event.details and event.details.get("refused") is True)


def _first(events: list[Event], *, action: str | None = None, status: str | None = None,
           plain: bool = False) -> Event | None:
    """The first event of `action`, or with `status`; with `plain`, only events no desk action
    made (older rows, portal statuses): a supplement received also moves a dossier back to
    DANG_XU_LY, and that is no handover."""
    for event in events:
        if action is not None and event.action == action:
            return event
        if status is not None and event.status == status and not (plain and event.action not in PLAIN):
            return event
    return None


def _last(events: list[Event], *, action: str) -> Event | None:
    for event in reversed(events):
        if event.action == action:
            return event
    return None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
