"""The holiday table and office hours as kept in the store, turned into a `WorkCalendar`.

Seeded dates come from the `holidays` package at store creation and for each new year; an
admin's own rows (source "admin") override seeded ones for the same day and are never
overwritten by a later seeding, and a confirmed year (app/calendar_years.py) is never seeded again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import options
from app.clock import local_today
from app.deadlines import OfficeHours, WorkCalendar
from app.errors import InputError
from app.holiday_table import HolidayEntry, calendar_from_entries, seed_holidays
from app.store.models import CalendarYear, Holiday, Setting

OFFICE_HOURS_KEY = options.OFFICE_HOURS.key
_HOUR_FIELDS = ("morning_start", "morning_end", "afternoon_start", "afternoon_end", "cutoff")


def default_years(today: date | None = None) -> range:
    year = (today or local_today()).year
    return range(year - 1, year + 3)


def seed_holiday_table(session: Session, years: Iterable[int] | None = None) -> int:
    """Add the seeded dates of `years` that the table lacks; returns how many rows were added."""
    existing = set(session.scalars(select(Holiday.day)))
    # A confirmed year's table is whole: a seeded day its decision left out stays out.
    confirmed = set(session.scalars(select(CalendarYear.year)))
    added = 0
    for entry in seed_holidays(years if years is not None else default_years()):
        if entry.day not in existing and entry.day.year not in confirmed:
            session.add(Holiday(day=entry.day, name=entry.name, kind=entry.kind, source=entry.source))
            existing.add(entry.day)
            added += 1
    return added


def holiday_entries(session: Session) -> list[HolidayEntry]:
    rows = session.scalars(select(Holiday).order_by(Holiday.day))
    return [HolidayEntry(row.day, row.name, row.kind, row.source) for row in rows]  # type: ignore[arg-type]


def replace_admin_entries(session: Session, entries: Iterable[HolidayEntry]) -> int:
    """Store an admin's holiday rows (validated as one table first); returns how many were written."""
    incoming = [HolidayEntry(e.day, e.name, e.kind, "admin") for e in entries]
    # An admin may change their own earlier decision for a day: only the new rows must agree.
    days = {entry.day for entry in incoming}
    kept = [entry for entry in holiday_entries(session) if not (entry.source == "admin" and entry.day in days)]
    calendar_from_entries(kept + incoming)  # refuses contradictions before writing
    for entry in incoming:
        row = session.get(Holiday, entry.day)
        if row is None:
            session.add(Holiday(day=entry.day, name=entry.name, kind=entry.kind, source="admin"))
        else:
            row.name, row.kind, row.source = entry.name, entry.kind, "admin"
    return len(incoming)


def office_hours_from_setting(value: Any) -> OfficeHours:
    if not value:
        return OfficeHours()
    try:
        clocks = {name: time.fromisoformat(value[name]) for name in _HOUR_FIELDS if name in value}
        weekdays = frozenset(value["weekdays"]) if "weekdays" in value else OfficeHours().weekdays
    except (TypeError, ValueError, KeyError) as error:
        raise InputError(f"setting {OFFICE_HOURS_KEY}: {error}") from None
    return OfficeHours(**clocks, weekdays=weekdays)


def office_hours_to_setting(hours: OfficeHours) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(hours, name).strftime("%H:%M") for name in _HOUR_FIELDS}
    data["weekdays"] = sorted(hours.weekdays)
    return data


def load_calendar(session: Session) -> WorkCalendar:
    """The unit's working calendar: its office hours and its holiday table."""
    setting = session.get(Setting, OFFICE_HOURS_KEY)
    hours = office_hours_from_setting(setting.value if setting else None)
    return calendar_from_entries(holiday_entries(session), hours)
