"""The holiday table: seeding from the `holidays` package, admin overrides, the admin CSV file."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time
from pathlib import Path

import pytest

from app.deadlines import OfficeHours, TimeRule, compute_due
from app.errors import InputError
from app.holiday_table import (
    HolidayEntry,
    calendar_from_entries,
    default_calendar,
    format_holiday_file,
    parse_holiday_file,
    seed_holidays,
    write_holiday_file,
)


def days_of(entries: list[HolidayEntry], kind: str) -> set[date]:
    return {entry.day for entry in entries if entry.kind == kind}


# --- seeding -----------------------------------------------------------------------------

def test_seed_2024_has_the_labour_code_days_and_the_swap() -> None:
    entries = seed_holidays([2024])
    off = days_of(entries, "non_working")
    assert date(2024, 1, 1) in off  # Tết Dương lịch
    assert {date(2024, 2, d) for d in range(8, 15)} <= off  # Tết: 29 Tết … mùng 5
    assert date(2024, 4, 18) in off  # Giỗ Tổ Hùng Vương (10/3 âm lịch)
    assert {date(2024, 4, 30), date(2024, 5, 1)} <= off
    assert {date(2024, 9, 2), date(2024, 9, 3)} <= off  # Quốc khánh: 2 days
    assert date(2024, 4, 29) in off  # swapped day off …
    assert days_of(entries, "extra_working") == {date(2024, 5, 4)}  # … worked on Saturday 4/5
    assert all(entry.source == "seed" for entry in entries)
    assert all(entry.day.year == 2024 for entry in entries)


def test_seed_moves_a_sunday_holiday_to_monday() -> None:
    off = days_of(seed_holidays([2026]), "non_working")
    assert date(2026, 4, 26) in off and date(2026, 4, 27) in off  # Giỗ Tổ on Sunday → nghỉ bù
    assert {date(2026, 2, d) for d in range(16, 21)} <= off  # Tết 2026, Monday to Friday


def test_seed_names_are_vietnamese_nfc() -> None:
    entries = seed_holidays([2024])
    names = {entry.day: entry.name for entry in entries}
    assert names[date(2024, 9, 2)] == "Quốc khánh"
    assert names[date(2024, 2, 10)] == "Tết Nguyên Đán"
    assert names[date(2024, 5, 4)] == "Làm bù cho ngày nghỉ 29/04/2024"
    assert all(unicodedata.is_normalized("NFC", name) for name in names.values())


def test_seed_swap_across_new_year_is_named_from_the_other_year() -> None:
    extra = [e for e in seed_holidays([2019]) if e.kind == "extra_working"]
    assert HolidayEntry(date(2019, 1, 5), "Làm bù cho ngày nghỉ 31/12/2018", "extra_working", "seed") in extra


def test_seed_is_sorted_and_ignores_repeated_years() -> None:
    entries = seed_holidays([2026, 2025, 2026])
    assert [e.day for e in entries] == sorted(e.day for e in entries)
    assert len(entries) == len(seed_holidays([2025])) + len(seed_holidays([2026]))
    assert seed_holidays([]) == []


@pytest.mark.parametrize(("years", "message"), [
    (["2026"], r"years: '2026' is not a year"),
    ([True], r"years: True is not a year"),
    ([1990], r"years: 1990 is outside"),
])
def test_seed_year_errors(years: list, message: str) -> None:
    with pytest.raises(InputError, match=message):
        seed_holidays(years)


# --- calendars ---------------------------------------------------------------------------

def test_calendar_from_seed_counts_across_tet() -> None:
    calendar = calendar_from_entries(seed_holidays([2026]))
    assert not calendar.is_working_day(date(2026, 2, 18))
    assert calendar.is_working_day(date(2026, 8, 22))  # làm bù Saturday
    rule = TimeRule("working_day", 3)
    assert compute_due(datetime(2026, 2, 13, 10), rule, calendar) == datetime(2026, 2, 25, 10)


def test_admin_entry_overrides_the_seed() -> None:
    seeded = seed_holidays([2026])
    admin = [HolidayEntry(date(2026, 11, 24), "Làm việc bình thường", "extra_working", "admin"),
             HolidayEntry(date(2026, 3, 9), "Nghỉ theo quyết định của tỉnh", "non_working", "admin")]
    calendar = calendar_from_entries(admin + seeded)  # order does not matter
    assert calendar.is_working_day(date(2026, 11, 24))
    assert not calendar.is_working_day(date(2026, 3, 9))
    assert not calendar_from_entries(seeded).is_working_day(date(2026, 11, 24))


def test_conflicting_entries_of_one_source_are_refused() -> None:
    entries = [HolidayEntry(date(2026, 3, 9), "a", "non_working", "admin"),
               HolidayEntry(date(2026, 3, 9), "b", "extra_working", "admin")]
    with pytest.raises(InputError, match="09/03/2026 is both non_working"):
        calendar_from_entries(entries)
    with pytest.raises(InputError, match="holiday table entry 1: expected a HolidayEntry"):
        calendar_from_entries([("2026-03-09", "non_working")])  # type: ignore[list-item]


def test_calendar_from_entries_uses_the_given_hours() -> None:
    hours = OfficeHours(morning_start=time(7, 0))
    calendar = calendar_from_entries([], hours)
    assert calendar.hours == hours
    assert calendar.normalise(datetime(2026, 3, 2, 6)) == datetime(2026, 3, 2, 7, 0)


def test_default_calendar() -> None:
    this_year = date.today().year
    calendar = default_calendar()
    for year in (this_year - 1, this_year, this_year + 1):
        assert not calendar.is_working_day(date(year, 1, 1)) or date(year, 1, 1).weekday() >= 5
        assert date(year, 1, 1) in calendar.non_working
    assert date(this_year + 2, 1, 1) not in calendar.non_working
    assert date(2030, 1, 1) in default_calendar([2030]).non_working


def test_entry_validation() -> None:
    with pytest.raises(InputError, match="kind 'holiday' is not one of"):
        HolidayEntry(date(2026, 1, 1), "x", "holiday", "admin")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="source 'user' is not one of"):
        HolidayEntry(date(2026, 1, 1), "x", "non_working", "user")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="is not a date"):
        HolidayEntry("2026-01-01", "x", "non_working", "admin")  # type: ignore[arg-type]
    assert HolidayEntry(date(2026, 1, 1), "  ", "extra_working", "admin").name == "Ngày làm bù"


# --- the admin CSV file ------------------------------------------------------------------

def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "holidays.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_parse_a_typical_admin_file(tmp_path: Path) -> None:
    text = ("\ufeff# Lịch nghỉ năm 2027\n"
            "ngày,loại,tên\n"
            "\n"
            "2027-02-05,non_working,Giao thừa\n"
            "06/02/2027,nghỉ,Tết Nguyên Đán\n"
            "2027-02-20,Làm bù,\"Làm bù, thay cho 12/02/2027\"\n"
            "2027-09-03,NON_WORKING,Quốc khánh, ngày thứ hai\n"
            "2027-04-16,non_working,\n")
    entries = parse_holiday_file(write(tmp_path, text))
    assert entries == [
        HolidayEntry(date(2027, 2, 5), "Giao thừa", "non_working", "admin"),
        HolidayEntry(date(2027, 2, 6), "Tết Nguyên Đán", "non_working", "admin"),
        HolidayEntry(date(2027, 2, 20), "Làm bù, thay cho 12/02/2027", "extra_working", "admin"),
        HolidayEntry(date(2027, 9, 3), "Quốc khánh, ngày thứ hai", "non_working", "admin"),
        HolidayEntry(date(2027, 4, 16), "Ngày nghỉ", "non_working", "admin"),
    ]


@pytest.mark.parametrize(("text", "message"), [
    ("2027-02-05,non_working,Giao thừa\n2027-02-30,non_working,x\n", r"line 2, day: '2027-02-30' is not a real"),
    ("2027-02-05,holiday-ish,x\n", r"line 1, kind: 'holiday-ish' is not non_working or extra_working"),
    ("# c\n2027-02-05\n", r"line 2: expected YYYY-MM-DD,kind,name"),
    ("5 Feb 2027,non_working,x\n", r"line 1, day: '5 Feb 2027' is not YYYY-MM-DD"),
    ("1999-01-01,non_working,x\n", r"line 1, day: 1999-01-01 is outside"),
    ("2027-02-05,non_working,a\n\n2027-02-05,extra_working,b\n",
     r"line 3, day: 05/02/2027 is already listed on line 1"),
])
def test_bad_lines_name_the_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=r"holidays\.csv, " + message):
        parse_holiday_file(write(tmp_path, text))


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not UTF-8 text"):
        parse_holiday_file(write(tmp_path, "2027-02-05,non_working,Qu\u1ed1c kh\u00e1nh\n", "utf-16"))
    with pytest.raises(InputError, match="missing.csv: cannot read the holiday file"):
        parse_holiday_file(tmp_path / "missing.csv")


def test_written_file_reads_back(tmp_path: Path) -> None:
    seeded = seed_holidays([2026])
    path = tmp_path / "out.csv"
    write_holiday_file(seeded, path)
    back = parse_holiday_file(path)
    assert [(e.day, e.kind, e.name) for e in back] == [(e.day, e.kind, e.name) for e in seeded]
    assert all(e.source == "admin" for e in back)
    assert format_holiday_file(seeded).splitlines()[1] == "day,kind,name"
    assert list(tmp_path.iterdir()) == [path]  # no temp file left behind
    with pytest.raises(InputError, match="the holiday file: cannot write"):
        write_holiday_file(seeded, tmp_path / "no" / "such" / "dir.csv")


def test_the_published_2026_new_year_swap_is_seeded_with_its_decision() -> None:
    # Văn bản 12729/VPCP-KGVX (25/12/2025): Friday 02/01/2026 off, Saturday 10/01/2026 worked.
    seeded = {entry.day: entry for entry in seed_holidays([2026])}
    off, worked = seeded[date(2026, 1, 2)], seeded[date(2026, 1, 10)]
    assert (off.kind, worked.kind) == ("non_working", "extra_working")
    assert "12729/VPCP-KGVX" in off.name and "12729/VPCP-KGVX" in worked.name
    calendar = calendar_from_entries(seed_holidays([2025, 2026]))
    assert calendar.next_working_day(date(2025, 12, 31)) == date(2026, 1, 5)
    assert calendar.is_working_day(date(2026, 1, 10))
