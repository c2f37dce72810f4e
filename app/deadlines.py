"""Appointment time (ngày hẹn trả): time rules, office hours, the working calendar and `compute_due`.

This module owns the rules of product.md §5.1 and is the ONLY place a due time is computed:
screens, receipts, the CLI, the tracking register and early warnings all call `compute_due`.

Every datetime here is naive local wall-clock time in Vietnam (Asia/Ho_Chi_Minh, UTC+07:00,
no daylight saving), because that is what officials read on the wall clock and what receipts
print. Time-zone-aware datetimes are refused rather than silently converted.

Internally a moment inside office hours is a *working position*: microseconds of office time
since the calendar epoch (2000-01-01). Counting hours, pauses and working time between two
moments then becomes integer arithmetic on positions, served by a per-calendar table of
working-day ranks that grows on demand.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Literal, get_args

from app.errors import InputError
from app.text import excerpt

TimeUnit = Literal["same_day", "working_day", "day", "hour"]
TIME_UNITS: tuple[str, ...] = get_args(TimeUnit)
# The largest `value` a rule may carry: ten years of days; anything bigger is a data-entry slip.
MAX_RULE_VALUE = 3650
# Legal convention (domain.md §8.2): one working day counts as 8 working hours.
HOURS_PER_LEGAL_DAY = 8

CALENDAR_FIRST_DAY = date(2000, 1, 1)
CALENDAR_LAST_DAY = date(2199, 12, 31)
_EPOCH = CALENDAR_FIRST_DAY.toordinal()
_SPAN = CALENDAR_LAST_DAY.toordinal() - _EPOCH + 1
_CHUNK = 732  # days added per growth step of the day table (two years)
_US_PER_HOUR = 3_600_000_000


def _us(clock: time | datetime) -> int:
    """Microseconds since midnight of a clock time (or of a datetime's time of day)."""
    return ((clock.hour * 60 + clock.minute) * 60 + clock.second) * 1_000_000 + clock.microsecond


def _check_rule(unit: object, value: object, cutoff: object, *, where: str) -> None:
    if unit not in TIME_UNITS:
        raise InputError(f"{where}.unit: {excerpt(unit)} is not one of {', '.join(TIME_UNITS)}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"{where}.value: {excerpt(value)} is not a whole number")
    if value < 0:
        raise InputError(f"{where}.value: {value} is negative")
    if unit == "same_day" and value != 0:
        raise InputError(f"{where}.value: unit same_day takes no value (got {value}); "
                         "use working_day for a limit counted in days")
    if unit != "same_day" and value == 0:
        raise InputError(f"{where}.value: unit {unit} needs a value of at least 1 "
                         "(use unit same_day for same-day procedures)")
    if value > MAX_RULE_VALUE:
        raise InputError(f"{where}.value: {value} is larger than the maximum {MAX_RULE_VALUE}")
    if not isinstance(cutoff, bool):
        raise InputError(f"{where}.cutoff_15h: {excerpt(cutoff)} is not true or false")


@dataclass(frozen=True)
class TimeRule:
    """A procedure's legal processing time: `value` units, optionally with the 15:00 cut-off."""

    unit: TimeUnit
    value: int = 0
    cutoff_15h: bool = False

    def __post_init__(self) -> None:
        _check_rule(self.unit, self.value, self.cutoff_15h, where="time rule")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, where: str) -> TimeRule:
        """Build from a catalogue mapping `{value, unit, cutoff_15h}`; other keys (note, verify,
        extension) belong to the catalogue and are ignored here."""
        if not isinstance(data, Mapping):
            raise InputError(f"{where}: expected a mapping with unit, value and cutoff_15h, "
                             f"got {type(data).__name__}")
        unit = data.get("unit")
        if unit is None:
            raise InputError(f"{where}.unit: missing (one of {', '.join(TIME_UNITS)})")
        if unit not in TIME_UNITS:
            raise InputError(f"{where}.unit: {excerpt(unit)} is not one of {', '.join(TIME_UNITS)}")
        value = data.get("value")
        if value is None:
            if unit != "same_day":
                raise InputError(f"{where}.value: missing; unit {unit} needs a whole number")
            value = 0
        cutoff = data.get("cutoff_15h")
        cutoff = False if cutoff is None else cutoff
        _check_rule(unit, value, cutoff, where=where)
        return cls(unit, value, cutoff)

    def legal_days(self) -> str:
        """The number for the receipt line 'Thời gian giải quyết hồ sơ theo quy định là: … ngày'.

        Written the way legal texts write counts ('03'); a same-day rule is one day; an hour
        rule converts at 8 working hours per day with a decimal comma ('0,5')."""
        if self.unit == "same_day":
            return "01"
        if self.unit != "hour":
            return f"{self.value:02d}"
        whole, part = divmod(self.value, HOURS_PER_LEGAL_DAY)
        if not part:
            return f"{whole:02d}"
        return f"{self.value / HOURS_PER_LEGAL_DAY:.3f}".rstrip("0").replace(".", ",")


@dataclass(frozen=True)
class OfficeHours:
    """A unit's opening hours: a morning and an afternoon session on `weekdays` (0 = Monday)."""

    morning_start: time = time(7, 30)
    morning_end: time = time(11, 30)
    afternoon_start: time = time(13, 30)
    afternoon_end: time = time(17, 0)
    cutoff: time = time(15, 0)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})

    def __post_init__(self) -> None:
        names = ("morning_start", "morning_end", "afternoon_start", "afternoon_end", "cutoff")
        for name in names:
            value = getattr(self, name)
            if not isinstance(value, time) or value.tzinfo is not None:
                raise InputError(f"office hours.{name}: {excerpt(value)} is not a local clock time")
        if not (self.morning_start < self.morning_end <= self.afternoon_start < self.afternoon_end):
            raise InputError("office hours: sessions must run morning_start < morning_end <= "
                             f"afternoon_start < afternoon_end (got {self.morning_start:%H:%M}–"
                             f"{self.morning_end:%H:%M}, {self.afternoon_start:%H:%M}–"
                             f"{self.afternoon_end:%H:%M})")
        if not self.morning_start <= self.cutoff <= self.afternoon_end:
            raise InputError(f"office hours.cutoff: {self.cutoff:%H:%M} is outside office hours")
        days = frozenset(self.weekdays)
        if not days or any(isinstance(d, bool) or d not in range(7) for d in days):
            raise InputError(f"office hours.weekdays: {sorted(days)!r} must be a non-empty set of "
                             "numbers 0 (Monday) to 6 (Sunday)")
        object.__setattr__(self, "weekdays", days)


class _DayTable:
    """Working-day flags and ranks from 2000-01-01 onward, grown on demand.

    Growth only appends, so a rank once read never changes; a lock serialises growth because
    calendars are shared between the UI thread and the database lane."""

    def __init__(self, weekdays: frozenset[int], off: frozenset[date], on: frozenset[date]) -> None:
        self._weekday = tuple(d in weekdays for d in range(7))
        self._off = frozenset(d.toordinal() for d in off)
        self._on = frozenset(d.toordinal() for d in on)
        self.flags = bytearray()  # flags[i]: day _EPOCH + i is a working day
        self.rank = [0]  # rank[i]: working days in [_EPOCH, _EPOCH + i)
        self.days: list[int] = []  # ordinals of the working days, in order
        self._lock = threading.Lock()

    def grow(self, length: int) -> None:
        if length > _SPAN:
            raise InputError(f"date after {CALENDAR_LAST_DAY:%d/%m/%Y}: outside the working calendar; "
                             "check the receipt date, the rule and the pauses")
        with self._lock:
            start = len(self.flags)
            if start >= length:
                return
            end = min(_SPAN, max(length, start + _CHUNK))
            flags, ranks, days = bytearray(), [], []
            count, weekday, off, on = self.rank[-1], self._weekday, self._off, self._on
            for ordinal in range(_EPOCH + start, _EPOCH + end):
                working = ordinal in on or (weekday[(ordinal - 1) % 7] and ordinal not in off)
                flags.append(working)
                if working:
                    days.append(ordinal)
                    count += 1
                ranks.append(count)
            # Readers test len(flags) or len(days) before indexing, so flags are published last.
            self.days.extend(days)
            self.rank.extend(ranks)
            self.flags.extend(flags)

    def index(self, ordinal: int) -> int:
        """Table index of a day, growing the table to cover it."""
        i = ordinal - _EPOCH
        if i < 0:
            raise InputError(f"{date.fromordinal(ordinal):%d/%m/%Y} is before "
                             f"{CALENDAR_FIRST_DAY:%d/%m/%Y}, outside the working calendar")
        if i >= len(self.flags):
            self.grow(i + 1)
        return i

    def working_day(self, k: int) -> int:
        """Ordinal of the k-th working day (0-based) since the epoch."""
        while k >= len(self.days):
            self.grow(len(self.flags) + _CHUNK)
        return self.days[k]


class _Kernel:
    """Office-hour boundaries in microseconds plus the day table: everything a call needs."""

    def __init__(self, hours: OfficeHours, off: frozenset[date], on: frozenset[date]) -> None:
        self.open, self.noon = _us(hours.morning_start), _us(hours.morning_end)
        self.reopen, self.close = _us(hours.afternoon_start), _us(hours.afternoon_end)
        self.cutoff = _us(hours.cutoff)
        self.morning = self.noon - self.open
        self.day_length = self.morning + self.close - self.reopen
        self.table = _DayTable(hours.weekdays, off, on)

    def is_working(self, ordinal: int) -> bool:
        return bool(self.table.flags[self.table.index(ordinal)])

    def nth_after(self, ordinal: int, n: int) -> int:
        """The n-th working day strictly after `ordinal` (n >= 1)."""
        table = self.table
        return table.working_day(table.rank[table.index(ordinal) + 1] + n - 1)

    def normalise(self, ordinal: int, clock: int) -> tuple[int, int]:
        """§5.1: a moment inside office hours; session ends (11:30, 17:00) are still inside."""
        if self.is_working(ordinal):
            if clock <= self.open:
                return ordinal, self.open
            if clock <= self.noon or self.reopen <= clock <= self.close:
                return ordinal, clock
            if clock < self.reopen:
                return ordinal, self.reopen
        return self.nth_after(ordinal, 1), self.open

    def position(self, ordinal: int, clock: int) -> int:
        """Working microseconds from the epoch to this moment (clamped into office hours)."""
        table = self.table
        i = table.index(ordinal)
        done = table.rank[i] * self.day_length
        if not table.flags[i] or clock <= self.open:
            return done
        if clock <= self.noon:
            return done + clock - self.open
        if clock <= self.reopen:
            return done + self.morning
        return done + self.morning + min(clock, self.close) - self.reopen

    def at_position(self, position: int) -> tuple[int, int]:
        """The earliest moment with this working position; a day's end is its closing time."""
        k, rest = divmod(position, self.day_length)
        if rest == 0 and k:
            k, rest = k - 1, self.day_length
        clock = self.open + rest if rest <= self.morning else self.reopen + rest - self.morning
        return self.table.working_day(k), clock


@dataclass(frozen=True)
class WorkCalendar:
    """A unit's office hours plus its holiday table (non-working and extra working dates)."""

    hours: OfficeHours = field(default_factory=OfficeHours)
    non_working: frozenset[date] = frozenset()
    extra_working: frozenset[date] = frozenset()
    # Precomputed boundaries and the lazily grown day table: what keeps compute_due cheap.
    _kernel: _Kernel = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.hours, OfficeHours):
            raise InputError(f"calendar.hours: expected OfficeHours, got {type(self.hours).__name__}")
        off = self._dates(self.non_working, "non_working")
        on = self._dates(self.extra_working, "extra_working")
        both = sorted(off & on)
        if both:
            raise InputError(f"calendar: {both[0]:%d/%m/%Y} is both a non-working and an extra "
                             "working date")
        object.__setattr__(self, "non_working", off)
        object.__setattr__(self, "extra_working", on)
        object.__setattr__(self, "_kernel", _Kernel(self.hours, off, on))

    @staticmethod
    def _dates(values: Any, name: str) -> frozenset[date]:
        days = frozenset(values)
        for day in days:
            if isinstance(day, datetime) or not isinstance(day, date):
                raise InputError(f"calendar.{name}: {excerpt(day)} is not a date")
        return days

    def __reduce__(self) -> tuple[Any, ...]:
        # The kernel holds a lock; copies and pickles rebuild it from the public fields.
        return type(self), (self.hours, self.non_working, self.extra_working)

    def is_working_day(self, day: date) -> bool:
        return self._kernel.is_working(day.toordinal())

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        return date.fromordinal(self._kernel.nth_after(day.toordinal(), 1))

    def normalise(self, moment: datetime) -> datetime:
        """§5.1: before opening → opening; lunch → afternoon opening; after closing or on a
        non-working day → next working day's opening. Closing times themselves stay."""
        _check_moment(moment, "moment")
        return _combine(*self._kernel.normalise(moment.toordinal(), _us(moment)))

    def add_working_time(self, moment: datetime, amount: timedelta) -> datetime:
        """The moment `amount` of office time after `moment` (normalised first)."""
        _check_moment(moment, "moment")
        if not isinstance(amount, timedelta) or amount < timedelta(0):
            raise InputError(f"amount: {excerpt(amount)} is not a non-negative duration")
        kernel = self._kernel
        start = kernel.normalise(moment.toordinal(), _us(moment))
        if not amount:
            return _combine(*start)  # position→moment would give the previous day's closing
        return _combine(*kernel.at_position(kernel.position(*start) + amount // timedelta(microseconds=1)))


def _combine(ordinal: int, clock: int) -> datetime:
    seconds, micro = divmod(clock, 1_000_000)
    minutes, second = divmod(seconds, 60)
    hour, minute = divmod(minutes, 60)
    day = date.fromordinal(ordinal)
    return datetime(day.year, day.month, day.day, hour, minute, second, micro)


def _check_moment(value: object, name: str) -> None:
    if not isinstance(value, datetime):
        raise InputError(f"{name}: {excerpt(value)} is not a date-time")
    if value.tzinfo is not None:
        raise InputError(f"{name}: {value.isoformat()} carries a time zone; pass naive local time "
                         "(Asia/Ho_Chi_Minh)")
    if not CALENDAR_FIRST_DAY <= value.date() <= CALENDAR_LAST_DAY:
        raise InputError(f"{name}: {value:%d/%m/%Y} is outside the working calendar "
                         f"({CALENDAR_FIRST_DAY:%d/%m/%Y}–{CALENDAR_LAST_DAY:%d/%m/%Y})")


def compute_due(received: datetime, rule: TimeRule, calendar: WorkCalendar, *,
                paused: Sequence[tuple[datetime, datetime]] = ()) -> datetime:
    """The appointment time (ngày hẹn trả) of a dossier received at `received` under `rule`.

    `paused` lists the waits for supplements or payment (start, end); each moves the due time
    forward by the office time it covered (overlaps counted once)."""
    _check_moment(received, "received")
    if not isinstance(rule, TimeRule):
        raise InputError(f"rule: expected a TimeRule, got {type(rule).__name__}")
    kernel = calendar._kernel
    ordinal, clock = kernel.normalise(received.toordinal(), _us(received))
    unit = rule.unit
    if unit == "same_day":
        # Before the cut-off (or before closing without the flag): today's closing, else the next.
        if clock >= (kernel.cutoff if rule.cutoff_15h else kernel.close):
            ordinal = kernel.nth_after(ordinal, 1)
        clock = kernel.close
    else:
        if rule.cutoff_15h and clock >= kernel.cutoff:
            ordinal, clock = kernel.nth_after(ordinal, 1), kernel.open
        if unit in ("working_day", "day") and clock == kernel.open:
            # Counting starts at the opening of a working day (received before opening, after
            # the previous closing, on a day off, or after the cut-off), so that day is day 1
            # and N days end at the close of day N: e.g. 5 working days from Monday 07:30 are
            # due Friday 17:00, not "07:30 next Monday" (the same office time, but a moment at
            # which nothing can have been done that day). docs/deadlines.md, "Counting from
            # the opening".
            if unit == "day":
                ordinal += rule.value - 1
            elif rule.value > 1:
                ordinal = kernel.nth_after(ordinal, rule.value - 1)
            if not kernel.is_working(ordinal):  # a calendar-day period ending on a day off
                ordinal = kernel.nth_after(ordinal, 1)
            clock = kernel.close
        elif unit == "working_day":
            ordinal = kernel.nth_after(ordinal, rule.value)
        elif unit == "day":
            ordinal += rule.value
            if not kernel.is_working(ordinal):
                ordinal = kernel.nth_after(ordinal, 1)
        else:
            ordinal, clock = kernel.at_position(kernel.position(ordinal, clock)
                                                + rule.value * _US_PER_HOUR)
    if paused:
        waited = _paused_office_time(received, paused, kernel)
        if waited:
            ordinal, clock = kernel.at_position(kernel.position(ordinal, clock) + waited)
    return _combine(ordinal, clock)


def _paused_office_time(received: datetime, paused: Sequence[tuple[datetime, datetime]],
                        kernel: _Kernel) -> int:
    """Office microseconds covered by the union of the pauses."""
    spans = []
    for i, span in enumerate(paused):
        if not isinstance(span, (tuple, list)) or len(span) != 2:
            raise InputError(f"paused[{i}]: expected a (start, end) pair")
        start, end = span
        _check_moment(start, f"paused[{i}].start")
        _check_moment(end, f"paused[{i}].end")
        if end < start:
            raise InputError(f"paused[{i}]: ends at {end:%H:%M %d/%m/%Y}, before it starts "
                             f"at {start:%H:%M %d/%m/%Y}")
        if start < received:
            raise InputError(f"paused[{i}]: starts at {start:%H:%M %d/%m/%Y}, before the "
                             f"dossier was received at {received:%H:%M %d/%m/%Y}")
        spans.append((kernel.position(start.toordinal(), _us(start)),
                      kernel.position(end.toordinal(), _us(end))))
    spans.sort()
    total, reached = 0, -1
    for low, high in spans:
        low = max(low, reached)
        if high > low:
            total += high - low
            reached = high
    return total


def working_time_between(start: datetime, end: datetime, calendar: WorkCalendar) -> timedelta:
    """Office time from `start` to `end`; negative when `end` is earlier (e.g. overdue)."""
    _check_moment(start, "start")
    _check_moment(end, "end")
    kernel = calendar._kernel
    span = kernel.position(end.toordinal(), _us(end)) - kernel.position(start.toordinal(), _us(start))
    return timedelta(microseconds=span)
