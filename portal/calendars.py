"""Calendars the province confirms: `motcua portal calendar confirm YEAR --decision TEXT [--file F]`.

The portal keeps the newest confirmation of each year and sends it to every desk in the change
feed (`calendar.confirmed`, docs/sync-protocol.md §6): the year's days off and worked swap days,
the decision's number and where it was published. Without a file the `holidays` package's
estimate of the year is what gets confirmed. A desk makes that the year's whole table and marks
the year confirmed; appointments it gave earlier keep their time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from app.calendar_years import (
    check_decision,
    check_entries,
    check_source,
    check_year,
    estimate_of,
    read_year_file,
)
from app.holiday_table import HolidayEntry
from portal.changes import emit
from portal.db import write_session
from portal.models import CalendarConfirmation, utcnow


def confirm_calendar(engine: Engine, year: int, decision: str, *, file: Path | None = None,
                     entries: list[HolidayEntry] | None = None, source: str = "",
                     by: str = "portal:admin") -> dict[str, Any]:
    """Record and distribute `year`'s confirmed calendar; returns what was sent (with its seq)."""
    year = check_year(year, where="YEAR")
    decision = check_decision(decision, where="--decision")
    source = check_source(source, where="--source")
    if file is not None:
        entries = read_year_file(file, year)
    elif entries is None:
        entries = estimate_of(year)
    check_entries(entries, year, where=f"calendar {year}")
    payload = {"year": year, "decision": decision, "source": source, "by": by,
               "days": [{"day": e.day.isoformat(), "name": e.name} for e in entries if e.kind == "non_working"],
               "extra_working_days": [{"day": e.day.isoformat(), "name": e.name}
                                      for e in entries if e.kind == "extra_working"]}
    with write_session(engine) as session:
        row = session.get(CalendarConfirmation, year)
        if row is None:
            row = CalendarConfirmation(year=year)
            session.add(row)
        row.decision, row.source, row.confirmed_by, row.confirmed_at = decision, source or None, by, utcnow()
        row.days = {"days": payload["days"], "extra_working_days": payload["extra_working_days"]}
        payload["seq"] = emit(session, "calendar.confirmed", {k: v for k, v in payload.items()})
    return payload
