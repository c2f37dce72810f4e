"""Each year's calendar state: estimated (the `holidays` package's dates) or confirmed.

A year is confirmed by the portal's administrator (the confirmation reaches every desk through
the change feed, kind `calendar.confirmed`) or by a desk administrator, always with the number of
the decision it follows. Confirming a year makes the given days the whole of that year's table:
its seeded rows are replaced (or, without a list of days, kept as they are and taken as
confirmed), every row of the year becomes an admin row, and later seeding leaves the year alone.

Due times already given are never recomputed: a confirmation changes the appointments of dossiers
received after it only (the dossier keeps its `due_at`). A due time counted over a day that is
still an estimate is flagged: on screen (app/reception/listing.py) and on the desk's copy of the
receipt (`calendar_estimated` in the dossier's data).

The calendar file a confirmation may come with is the holiday CSV of app/holiday_table.py,
restricted to one year (docs/deadlines.md, "Confirming a year").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.deadlines import CALENDAR_FIRST_DAY, CALENDAR_LAST_DAY
from app.errors import InputError
from app.holiday_table import HolidayEntry, calendar_from_entries, parse_holiday_file, seed_holidays
from app.store.models import CalendarYear, Holiday, utcnow
from app.text import collapse_spaces, excerpt, nfc

MAX_DECISION_CHARS = 200
MAX_SOURCE_CHARS = 1000


@dataclass(frozen=True)
class YearState:
    """One year as `motcua calendar status` shows it."""

    year: int
    state: str  # "estimated" | "confirmed"
    decision: str = ""
    source: str = ""
    confirmed_by: str = ""
    origin: str = ""  # "desk" | "portal" when confirmed
    confirmed_at: datetime | None = None
    days_off: int = 0
    extra_working: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "state": self.state, "decision": self.decision, "source": self.source,
                "confirmed_by": self.confirmed_by, "origin": self.origin,
                "confirmed_at": self.confirmed_at.isoformat() if self.confirmed_at else None,
                "days_off": self.days_off, "extra_working": self.extra_working}


def check_year(year: object, *, where: str = "year") -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise InputError(f"{where}: {excerpt(year)} is not a year")
    if not CALENDAR_FIRST_DAY.year <= year <= CALENDAR_LAST_DAY.year:
        raise InputError(f"{where}: {year} is outside {CALENDAR_FIRST_DAY.year}–{CALENDAR_LAST_DAY.year}")
    return year


def check_decision(decision: object, *, where: str = "decision") -> str:
    """The decision's number and date as typed (e.g. "12729/VPCP-KGVX ngày 25/12/2025")."""
    if not isinstance(decision, str) or not collapse_spaces(nfc(decision)):
        raise InputError(f"{where}: missing; give the number of the decision the calendar follows")
    text = collapse_spaces(nfc(decision))
    if len(text) > MAX_DECISION_CHARS:
        raise InputError(f"{where}: longer than {MAX_DECISION_CHARS} characters ({excerpt(text)})")
    return text


def check_source(source: object, *, where: str = "source") -> str:
    if source is None:
        return ""
    if not isinstance(source, str):
        raise InputError(f"{where}: {excerpt(source)} is not text")
    text = collapse_spaces(nfc(source))
    if len(text) > MAX_SOURCE_CHARS:
        raise InputError(f"{where}: longer than {MAX_SOURCE_CHARS} characters ({excerpt(text)})")
    return text


def read_year_file(path: Path, year: int) -> list[HolidayEntry]:
    """The days off and worked swap days of `year` from a holiday CSV; every row must be in it."""
    entries = parse_holiday_file(path)
    check_entries(entries, year, where=Path(path).name)
    return entries


def check_entries(entries: Sequence[HolidayEntry], year: int, *, where: str) -> None:
    """Refuse rows of another year, and a table that contradicts itself (before any write)."""
    for index, entry in enumerate(entries):
        if entry.day.year != year:
            raise InputError(f"{where}, entry {index + 1} ({entry.day:%d/%m/%Y}), day: not in {year}; "
                             f"a calendar file holds one year")
    calendar_from_entries(entries)


def confirm_year(session: Session, year: int, decision: str, *, by: str, origin: str,
                 entries: Sequence[HolidayEntry] | None = None, source: str = "") -> YearState:
    """Confirm `year`'s calendar (inside the caller's transaction); confirming again replaces.

    With `entries` they become the year's whole table; without, the year's current rows (seeded
    estimate and admin corrections) are confirmed as they are. Returns the year's new state.
    """
    year = check_year(year)
    decision = check_decision(decision)
    source = check_source(source)
    if entries is not None:
        check_entries(entries, year, where=f"calendar {year}")
        session.execute(delete(Holiday).where(Holiday.day >= date(year, 1, 1), Holiday.day <= date(year, 12, 31)))
        session.flush()
        for entry in entries:
            session.add(Holiday(day=entry.day, name=entry.name, kind=entry.kind, source="admin"))
    else:
        for holiday in _rows_of(session, year):
            holiday.source = "admin"
    confirmed = session.get(CalendarYear, year)
    if confirmed is None:
        confirmed = CalendarYear(year=year)
        session.add(confirmed)
    confirmed.decision, confirmed.source = decision, source or None
    confirmed.confirmed_by, confirmed.origin, confirmed.confirmed_at = by, origin, utcnow()
    session.flush()
    return year_state(session, year)


def _rows_of(session: Session, year: int) -> list[Holiday]:
    return list(session.scalars(select(Holiday).where(Holiday.day >= date(year, 1, 1),
                                                      Holiday.day <= date(year, 12, 31))))


def confirmed_years(session: Session) -> frozenset[int]:
    return frozenset(session.scalars(select(CalendarYear.year)))


def year_state(session: Session, year: int) -> YearState:
    rows = _rows_of(session, year)
    off = sum(1 for row in rows if row.kind == "non_working")
    row = session.get(CalendarYear, year)
    if row is None:
        return YearState(year, "estimated", days_off=off, extra_working=len(rows) - off)
    return YearState(year, "confirmed", decision=row.decision, source=row.source or "",
                     confirmed_by=row.confirmed_by, origin=row.origin, confirmed_at=row.confirmed_at,
                     days_off=off, extra_working=len(rows) - off)


def calendar_status(session: Session, years: Iterable[int] | None = None) -> list[YearState]:
    """The state of every year the holiday table or a confirmation covers (or of `years`)."""
    if years is None:
        found = {day.year for day in session.scalars(select(Holiday.day))} | set(confirmed_years(session))
        years = sorted(found)
    return [year_state(session, check_year(year)) for year in years]


def estimated_years(session: Session, received: datetime, due: datetime | None) -> list[int]:
    """The years of the estimated (unconfirmed) days a due time was counted over, received ≤ day ≤ due.

    The same rule as the dossier list's flag (app.reception.listing.depends_on)."""
    if due is None:
        return []
    days = session.scalars(select(Holiday.day).where(Holiday.source != "admin",
                                                     Holiday.day >= received.date(), Holiday.day <= due.date()))
    return sorted({day.year for day in days})


def estimate_of(year: int) -> list[HolidayEntry]:
    """The `holidays` package's estimate of `year`, what a confirmation without a file confirms on
    the portal (which keeps no table of its own)."""
    return seed_holidays([check_year(year)])
