"""The unit's wall clock: Vietnam time (UTC+07:00, no daylight saving), whatever the PC says.

Business times in the store (reception moment, appointment, status steps) are naive Vietnam
wall-clock times, as printed on the receipt. Reading them from this module instead of the
computer's local time keeps them right on a desk PC left on another time zone (a laptop set up
abroad, a fresh Windows install on UTC); bookkeeping times (outbox, audit) stay in UTC.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7), "ICT")


def local_now() -> datetime:
    """Now on the unit's wall clock, naive, to the second."""
    return datetime.now(VIETNAM).replace(tzinfo=None, microsecond=0)


def local_today() -> date:
    return local_now().date()


def to_local(moment: datetime) -> datetime:
    """An aware moment (or a naive UTC one) on the unit's wall clock, naive."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(VIETNAM).replace(tzinfo=None)
