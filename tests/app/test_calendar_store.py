"""The holiday table and office hours as stored: seeding, admin overrides, the calendar they make."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from app.calendar_store import (OFFICE_HOURS_KEY, load_calendar, office_hours_from_setting,
                                office_hours_to_setting, replace_admin_entries, seed_holiday_table)
from app.deadlines import OfficeHours, TimeRule, compute_due
from app.desk_setup import create_desk
from app.errors import InputError
from app.holiday_table import HolidayEntry
from app.paths import data_paths


@pytest.fixture
def store(data_dir: Path):
    store, _ = create_desk(data_paths(data_dir), unit_code="000.00.06.H56", unit_name="UBND xã Tân Lập",
                           admin_username="quantri", admin_full_name="Quản Trị", admin_password="mat-khau-1")
    yield store
    store.close()


def test_new_desk_has_seeded_holidays_and_catalogue(store) -> None:
    with store.read_session() as session:
        calendar = load_calendar(session)
        assert not calendar.is_working_day(date(2026, 9, 2))   # Quốc khánh
        assert not calendar.is_working_day(date(2026, 2, 17))  # Tết
        assert calendar.is_working_day(date(2026, 8, 22))      # Saturday worked in exchange (làm bù)
        assert seed_holiday_table(session) == 0                 # seeding again adds nothing


def test_admin_entries_override_seeded_days_and_survive_reseeding(store) -> None:
    with store.session() as session:
        replace_admin_entries(session, [
            HolidayEntry(date(2026, 11, 24), "Làm việc bình thường", "extra_working", "admin"),
            HolidayEntry(date(2026, 12, 31), "Nghỉ theo quyết định của tỉnh", "non_working", "admin")])
    with store.session() as session:
        seed_holiday_table(session)
        calendar = load_calendar(session)
    assert calendar.is_working_day(date(2026, 11, 24))
    assert not calendar.is_working_day(date(2026, 12, 31))
    due = compute_due(datetime(2026, 11, 24, 9, 0), TimeRule("same_day", 0, True), calendar)
    assert due == datetime(2026, 11, 24, 17, 0)


def test_admin_may_change_their_own_decision(store) -> None:
    day = date(2026, 12, 30)
    with store.session() as session:
        replace_admin_entries(session, [HolidayEntry(day, "Nghỉ", "non_working", "admin")])
    with store.session() as session:
        replace_admin_entries(session, [HolidayEntry(day, "Làm việc", "extra_working", "admin")])
        assert load_calendar(session).is_working_day(day)


def test_contradictory_admin_entries_are_refused_whole(store) -> None:
    day = date(2026, 12, 30)
    with pytest.raises(InputError, match="30/12/2026"):
        with store.session() as session:
            replace_admin_entries(session, [HolidayEntry(day, "Nghỉ", "non_working", "admin"),
                                            HolidayEntry(day, "Làm bù", "extra_working", "admin")])
    with store.read_session() as session:
        assert load_calendar(session).is_working_day(day)


def test_office_hours_setting_round_trip_and_use(store) -> None:
    summer = OfficeHours(morning_start=time(7, 0), morning_end=time(11, 30),
                         afternoon_start=time(13, 30), afternoon_end=time(17, 30))
    store.set_setting(OFFICE_HOURS_KEY, office_hours_to_setting(summer))
    with store.read_session() as session:
        calendar = load_calendar(session)
    assert calendar.hours == summer
    assert office_hours_from_setting(None) == OfficeHours()
    with pytest.raises(InputError, match=OFFICE_HOURS_KEY):
        office_hours_from_setting({"morning_start": "7h"})
