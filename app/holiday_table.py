"""The holiday table: non-working dates and làm bù (extra working) dates behind every due time.

Seeds come from the `holidays` package for Vietnam; an administrator confirms or corrects
them every year (the Prime Minister fixes the exact Tết and Quốc khánh days and the Ministry
of Home Affairs announces swapped days), either in the app or through a CSV file
"YYYY-MM-DD,kind,name". Admin entries override seeded ones for the same date.

Only pure functions live here; the store keeps the rows (holidays(day, name, kind, source)).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal

import holidays

from app.clock import local_today
from app.deadlines import CALENDAR_FIRST_DAY
from app.deadlines import CALENDAR_LAST_DAY
from app.deadlines import OfficeHours
from app.deadlines import WorkCalendar
from app.errors import InputError
from app.files import write_atomically
from app.text import collapse_spaces
from app.text import excerpt
from app.text import fold
from app.text import nfc

HolidayKind = Literal["non_working", "extra_working"]
HolidaySource = Literal["seed", "admin"]
KINDS: tuple[str, ...] = ("non_working", "extra_working")
SOURCES: tuple[str, ...] = ("seed", "admin")
DEFAULT_NAMES = {"non_working": "Ngày nghỉ", "extra_working": "Ngày làm bù"}
# What an admin may type in the kind column, folded (accents and case ignored).
_KIND_WORDS: dict[str, Literal["non_working", "extra_working"]] = {
    "non_working": "non_working", "nghi": "non_working", "ngay nghi": "non_working",
    "nghi le": "non_working", "holiday": "non_working",
    "extra_working": "extra_working", "lam bu": "extra_working", "ngay lam bu": "extra_working",
    "lam viec": "extra_working", "working": "extra_working",
}
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_VN_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_HEADER_WORDS = {"day", "date", "ngay"}
# The holidays package names a swapped day off "Ngày nghỉ (thay cho ngày DD/MM/YYYY)".
_SWAPPED_FROM = re.compile(r"thay cho ngày (\d{2}/\d{2}/\d{4})")


@dataclass(frozen=True)
class HolidayEntry:
    """One row of the holiday table."""

    day: date
    name: str
    kind: HolidayKind
    source: HolidaySource

    def __post_init__(self) -> None:
        if isinstance(self.day, datetime) or not isinstance(self.day, date):
            raise InputError(f"holiday entry: day {self.day!r} is not a date")
        if self.kind not in KINDS:
            raise InputError(f"holiday entry {self.day}: kind {self.kind!r} is not one of "
                             f"{', '.join(KINDS)}")
        if self.source not in SOURCES:
            raise InputError(f"holiday entry {self.day}: source {self.source!r} is not one of "
                             f"{', '.join(SOURCES)}")
        if not isinstance(self.name, str):
            raise InputError(f"holiday entry {self.day}: name {self.name!r} is not text")
        object.__setattr__(self, "name", collapse_spaces(nfc(self.name)) or DEFAULT_NAMES[self.kind])


def _check_years(years: Iterable[int]) -> list[int]:
    checked = []
    for year in years:
        if isinstance(year, bool) or not isinstance(year, int):
            raise InputError(f"years: {year!r} is not a year")
        if not CALENDAR_FIRST_DAY.year <= year <= CALENDAR_LAST_DAY.year:
            raise InputError(f"years: {year} is outside {CALENDAR_FIRST_DAY.year}–"
                             f"{CALENDAR_LAST_DAY.year}")
        checked.append(year)
    return sorted(set(checked))


# Swaps published by the government that the `holidays` package does not know, each with its
# source: (day off, Saturday worked in exchange, decision, public source). Still an estimate on a
# desk until the year is confirmed (app/calendar_years.py), but a better one.
PUBLISHED_SWAPS: dict[int, tuple[tuple[date, date, str, str], ...]] = {
    2026: ((date(2026, 1, 2), date(2026, 1, 10), "văn bản 12729/VPCP-KGVX ngày 25/12/2025",
            "baohiemxahoi.gov.vn, tin 25/12/2025 \"Công chức, viên chức được nghỉ 4 ngày dịp Tết "
            "Dương lịch năm 2026\""),),
}


def published_swaps(year: int) -> list[HolidayEntry]:
    """The day off and the worked Saturday of each swap in PUBLISHED_SWAPS for `year`."""
    entries = []
    for off, worked, decision, _source in PUBLISHED_SWAPS.get(year, ()):
        entries.append(HolidayEntry(off, f"Ngày nghỉ (hoán đổi sang {worked:%d/%m/%Y}, {decision})",
                                    "non_working", "seed"))
        entries.append(HolidayEntry(worked, f"Làm bù cho ngày nghỉ {off:%d/%m/%Y} ({decision})",
                                    "extra_working", "seed"))
    return entries


# Building one year from the lunar calendar costs about a millisecond; a year never changes.
@lru_cache(maxsize=64)
def _seed_year(year: int) -> tuple[HolidayEntry, ...]:
    # Neighbour years too: a swap can cross New Year (off 31/12/2018, worked 05/01/2019).
    table = holidays.country_holidays("VN", years=(year - 1, year, year + 1), language="vi")
    entries = [HolidayEntry(day, name, "non_working", "seed")
               for day, name in table.items() if day.year == year]
    swapped_off = {}
    for day, name in table.items():
        for found in _SWAPPED_FROM.findall(name):
            swapped_off[found] = day
    # Saturdays worked in exchange for a swapped day off; older versions lack the attribute.
    for day in getattr(table, "weekend_workdays", ()):
        if day.year == year:
            off = swapped_off.get(f"{day:%d/%m/%Y}")
            name = f"Làm bù cho ngày nghỉ {off:%d/%m/%Y}" if off else DEFAULT_NAMES["extra_working"]
            entries.append(HolidayEntry(day, name, "extra_working", "seed"))
    known = {entry.day for entry in entries}
    entries += [entry for entry in published_swaps(year) if entry.day not in known]
    return tuple(sorted(entries, key=lambda entry: entry.day))


def seed_holidays(years: Iterable[int]) -> list[HolidayEntry]:
    """Non-working and làm bù dates for Vietnam from the `holidays` package, sorted by day.

    The package knows the Labour Code days (Tết 5 days, Giỗ Tổ, 30/4, 1/5, Quốc khánh 2 days),
    moves days falling on a weekend (nghỉ bù) and the swaps decided so far; an admin must still
    confirm each year's Tết and Quốc khánh decision."""
    return [entry for year in _check_years(years) for entry in _seed_year(year)]


def calendar_from_entries(entries: Iterable[HolidayEntry],
                          hours: OfficeHours | None = None) -> WorkCalendar:
    """The working calendar of a holiday table; an admin entry replaces a seeded one for its day."""
    chosen: dict[date, HolidayEntry] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, HolidayEntry):
            raise InputError(f"holiday table entry {i + 1}: expected a HolidayEntry, "
                             f"got {type(entry).__name__}")
        previous = chosen.get(entry.day)
        if previous is None or (previous.source == "seed" and entry.source == "admin"):
            chosen[entry.day] = entry
        elif previous.source == entry.source and previous.kind != entry.kind:
            raise InputError(f"holiday table: {entry.day:%d/%m/%Y} is both {previous.kind} "
                             f"({previous.name}) and {entry.kind} ({entry.name})")
    off = frozenset(day for day, entry in chosen.items() if entry.kind == "non_working")
    on = frozenset(day for day, entry in chosen.items() if entry.kind == "extra_working")
    return WorkCalendar(hours or OfficeHours(), off, on)


def default_calendar(years: Iterable[int] | None = None) -> WorkCalendar:
    """The seeded calendar with default office hours; current year ±1 unless `years` is given."""
    if years is None:
        this_year = local_today().year
        years = range(this_year - 1, this_year + 2)
    return calendar_from_entries(seed_holidays(years))


def _parse_day(text: str, where: str) -> date:
    iso, local = _ISO_DAY.match(text), _VN_DAY.match(text)
    try:
        if iso:
            day = date(int(iso[1]), int(iso[2]), int(iso[3]))
        elif local:
            day = date(int(local[3]), int(local[2]), int(local[1]))
        else:
            raise InputError(f"{where}: {excerpt(text)} is not YYYY-MM-DD")
    except ValueError:
        raise InputError(f"{where}: {excerpt(text)} is not a real calendar date") from None
    if not CALENDAR_FIRST_DAY <= day <= CALENDAR_LAST_DAY:
        raise InputError(f"{where}: {text} is outside {CALENDAR_FIRST_DAY.year}–"
                         f"{CALENDAR_LAST_DAY.year}")
    return day


def _parse_row(row: list[str], where: str) -> HolidayEntry:
    if len(row) < 2:
        raise InputError(f"{where}: expected YYYY-MM-DD,kind,name")
    kind = _KIND_WORDS.get(fold(row[1]))
    if kind is None:
        raise InputError(f"{where}, kind: {excerpt(row[1].strip())} is not non_working or extra_working "
                         "(nghỉ / làm bù)")
    # An unquoted comma inside the name splits it; put it back together.
    return HolidayEntry(_parse_day(row[0].strip(), f"{where}, day"), ",".join(row[2:]), kind, "admin")


def parse_holiday_file(path: Path) -> list[HolidayEntry]:
    """Read an admin's holiday CSV: 'YYYY-MM-DD,kind,name' per line (DD/MM/YYYY also accepted),
    '#' comments, blank lines and a 'day,kind,name' header allowed; UTF-8 with or without BOM."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); save the file as UTF-8 CSV") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the holiday file ({exc.strerror or exc})") from None
    entries: list[HolidayEntry] = []
    seen: dict[date, int] = {}
    first = True
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path.name}, line {line_no}"
        row = next(csv.reader([line]))
        if first and fold(row[0]) in _HEADER_WORDS:
            first = False
            continue
        first = False
        entry = _parse_row(row, where)
        if entry.day in seen:
            raise InputError(f"{where}, day: {entry.day:%d/%m/%Y} is already listed on line {seen[entry.day]}")
        seen[entry.day] = line_no
        entries.append(entry)
    return entries


def format_holiday_file(entries: Iterable[HolidayEntry]) -> str:
    """CSV text that `parse_holiday_file` reads back: what an admin starts editing from."""
    out = io.StringIO()
    out.write("# Bảng ngày nghỉ / làm bù: ngày (YYYY-MM-DD), loại (non_working = nghỉ, "
              "extra_working = làm bù), tên\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["day", "kind", "name"])
    for entry in sorted(entries, key=lambda e: e.day):
        writer.writerow([entry.day.isoformat(), entry.kind, entry.name])
    return out.getvalue()


def write_holiday_file(entries: Iterable[HolidayEntry], path: Path) -> None:
    """Write the CSV atomically, so a crash never leaves half a table."""
    write_atomically(path, format_holiday_file(entries).encode("utf-8"), what="the holiday file",
                     create_folder=False)

