"""A period of whole days, as the register and the report are asked for (`--from D --to D`).

Both ends are included: 01/11 to 30/11 is the whole of November. Business times in the store are
the unit's wall-clock times (app/store/models.py), so a day runs from 00:00 to 24:00 on that
clock. A range given the wrong way round is refused, never silently swapped: a register for the
wrong month printed and signed is worse than a clear message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from app.errors import InputError
from app.limits import DEFAULT_LIMITS

# One year (a leap year's worth): the register is kept one book per year ("Quyển số" is the
# year), and a longer range would only make a PDF no desk printer finishes.
MAX_PERIOD_DAYS = 366
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
SHOWN_CHARS = 40


@dataclass(frozen=True)
class Period:
    """Days `start` to `end`, both included."""

    start: date
    end: date

    @property
    def begins(self) -> datetime:
        """The first moment of the period."""
        return datetime.combine(self.start, time.min)

    @property
    def ends(self) -> datetime:
        """The first moment after the period (exclusive bound for queries)."""
        return datetime.combine(self.end + timedelta(days=1), time.min)

    @property
    def day_count(self) -> int:
        return (self.end - self.start).days + 1

    def days(self) -> list[date]:
        return [self.start + timedelta(days=offset) for offset in range(self.day_count)]

    def contains(self, moment: datetime) -> bool:
        return self.begins <= moment < self.ends

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def make_period(start: date, end: date) -> Period:
    """The period from `start` to `end`; InputError (kind reports.range_reversed or
    reports.range_too_long) when it runs backwards or spans more than a year, and
    (reports.date_out_of_range) for a day outside the years business times may have."""
    check_year(start, field="--from")
    check_year(end, field="--to")
    if end < start:
        raise InputError(f"date range: --from {start.isoformat()} is after --to {end.isoformat()}; "
                         "give the earlier date first",
                         kind="reports.range_reversed",
                         params={"start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"})
    days = (end - start).days + 1
    if days > MAX_PERIOD_DAYS:
        raise InputError(f"date range: {days} days from {start.isoformat()} to {end.isoformat()}; "
                         f"at most {MAX_PERIOD_DAYS} days at a time",
                         kind="reports.range_too_long", params={"days": days, "limit": MAX_PERIOD_DAYS})
    return Period(start, end)


def check_year(day: date, *, field: str) -> None:
    """Refuse a day outside DEFAULT_LIMITS' years: no dossier can be there, and the day after
    9999-12-31 (the end of a period, exclusive) does not exist."""
    first, last = DEFAULT_LIMITS.earliest_year, DEFAULT_LIMITS.latest_year
    if not first <= day.year <= last:
        raise InputError(f"{field}: {day.isoformat()} is not between {first} and {last}, "
                         "the years dossiers are kept for", kind="reports.date_out_of_range",
                         params={"value": f"{day:%d/%m/%Y}", "first": first, "last": last})


def parse_day(text: object, *, field: str) -> date:
    """A day written 2026-11-30 or 30/11/2026; InputError (kind reports.date_bad) names `field`."""
    value = text.strip() if isinstance(text, str) else ""
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    shown = value if len(value) <= SHOWN_CHARS else value[:SHOWN_CHARS] + "…"
    raise InputError(f"{field}: {shown!r} is not a date; write it as YYYY-MM-DD (e.g. 2026-11-30)",
                     kind="reports.date_bad", params={"field": field, "value": shown})


def parse_period(start: object, end: object) -> Period:
    """The period `--from start --to end` as typed on the command line."""
    return make_period(parse_day(start, field="--from"), parse_day(end, field="--to"))
