"""Dossier codes `{unit identifier}-{yyMMdd}-{NNNN}`: format, parsing and crash-safe allocation.

Several desks may issue one unit's codes offline on the same day (the unit's own desks, and
post-office or community-team devices receiving for it), so no desk can simply count up from
0001. Numbers come from blocks in `code_blocks`:
- `portal` blocks: ranges within 0001–9999 the portal reserved for THIS device, unit and day
  (`add_reserved_block`, called by sync). They give the familiar 4-digit codes.
- a `device` block: when no reserved number is left, the device's own 5-digit offline range for
  that unit, `R000–R999` (R in 10–99), which the portal gave this device alone, for this unit
  alone, and never gives again (portal/unit_grants.py). The national pattern allows 4 or 5
  digits, and no other device that may issue the unit's codes can hit that range. A desk enrolled
  before ranges existed keeps the range its slot meant, `{slot}0000–{slot}9999`; a desk never
  enrolled uses slot 1's for its own unit only.

A code has one canonical form: ASCII letters, digits, dots and hyphens, nothing around it.

Allocation is one UPDATE … RETURNING inside the caller's write transaction: the number is
taken only if the reception commits (a rolled-back reception never burns a printed code), and
a committed one is never handed out again, across crashes and processes (BEGIN IMMEDIATE
serialises writers).
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import exists, select, text
from sqlalchemy.orm import Session

from app import options
from app.errors import InputError, StoreError
from app.ids import new_id
from app.store.models import CodeBlock, Dossier, Setting, utcnow

UNIT_CODE_PATTERN = r"[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}"
UNIT_CODE_RE = re.compile(rf"^{UNIT_CODE_PATTERN}$")
# [0-9], not \d: \d also matches full-width and Arabic-Indic digits, which would make five
# different strings of "one" code.
DOSSIER_CODE_RE = re.compile(
    rf"^(?P<unit>{UNIT_CODE_PATTERN})-(?P<day>[0-9]{{6}})-(?P<number>[0-9]{{4,5}})$", re.ASCII)
MAX_PORTAL_NUMBER = 9999
DEVICE_SLOTS = range(1, 10)
OFFLINE_RANGE_SIZE = 1000
OFFLINE_RANGE_STARTS = range(10 * OFFLINE_RANGE_SIZE, 100 * OFFLINE_RANGE_SIZE, OFFLINE_RANGE_SIZE)
# Store settings: {unit_code: [start, end]} the portal gave this device; the legacy slot.
OFFLINE_RANGES_SETTING = options.OFFLINE_RANGES.key
DEVICE_SLOT_SETTING = options.DEVICE_SLOT.key

_TAKE_SQL = text("""
    UPDATE code_blocks SET next_value = next_value + 1
    WHERE id = (SELECT id FROM code_blocks
                WHERE unit_code = :unit AND day = :day AND source = :source
                  AND next_value <= "end" AND (:start = 0 OR start = :start)
                ORDER BY start LIMIT 1)
    RETURNING next_value - 1
""")


def check_unit_code(unit_code: str, *, field: str = "unit_code") -> str:
    """The agency electronic identifier (mã định danh), e.g. 000.00.06.H56."""
    if not isinstance(unit_code, str) or not UNIT_CODE_RE.fullmatch(unit_code):
        raise InputError(f"{field}: {unit_code!r} is not an agency identifier like 000.00.06.H56")
    return unit_code


def format_dossier_code(unit_code: str, day: date, number: int) -> str:
    if not 1 <= number <= 99999:
        raise ValueError(f"dossier number out of range: {number}")
    if not 2000 <= day.year <= 2099:
        raise ValueError(f"dossier day outside 2000–2099 cannot be written as yyMMdd: {day}")
    return f"{unit_code}-{day:%y%m%d}-{number:04d}"


def parse_dossier_code(code: str) -> tuple[str, date, int]:
    """(unit identifier, receipt day, number) of a code in its canonical form (no spaces around
    or inside, ASCII digits); InputError saying which part is wrong."""
    match = DOSSIER_CODE_RE.fullmatch(code) if isinstance(code, str) else None
    if match is None:
        shown = repr(code[:60] + "…" if isinstance(code, str) and len(code) > 60 else code)
        raise InputError(f"dossier code: {shown} is not of the form 000.00.06.H56-251124-0001 "
                         "(ASCII digits, no spaces)")
    digits = match["day"]
    try:
        # Not strptime's %y, which reads 69–99 as 19xx: every dossier code is from this century.
        day = date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    except ValueError:
        raise InputError(f"dossier code: {code!r} has an impossible date {match['day']!r}") from None
    number = int(match["number"])
    if number == 0:
        raise InputError(f"dossier code: {code!r} has number 0, numbers start at 1")
    return match["unit"], day, number


def device_range(device_slot: int) -> tuple[int, int]:
    """The offline range a legacy slot (1–9) meant: `{slot}0000–{slot}9999` (0000 never issued)."""
    if device_slot not in DEVICE_SLOTS:
        raise InputError(f"codes.device_slot: {device_slot!r} must be a whole number from 1 to 9")
    return device_slot * 10000 + 1, device_slot * 10000 + 9999


def check_offline_range(start: object, end: object, *, where: str) -> tuple[int, int]:
    """A 5-digit range as the portal gives them; InputError naming `where` otherwise."""
    if not (isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool)
            and not isinstance(end, bool) and 10000 <= start <= end <= 99999):
        raise InputError(f"{where}: number range {start!r}–{end!r} must lie within 10000–99999")
    return start, end


def offline_range_for(session: Session, unit_code: str, own_unit: str) -> tuple[int, int] | None:
    """This device's own offline number range for `unit_code`, or None when it has none (it may
    not issue that unit's codes: the portal has not granted it the unit)."""
    ranges = _setting(session, OFFLINE_RANGES_SETTING)
    if isinstance(ranges, dict) and ranges:
        given = ranges.get(unit_code)
        if not isinstance(given, list) or len(given) != 2:
            return None
        return check_offline_range(given[0], given[1], where=f"{OFFLINE_RANGES_SETTING}[{unit_code}]")
    if unit_code != own_unit:
        return None
    slot = _setting(session, DEVICE_SLOT_SETTING)
    return device_range(slot if isinstance(slot, int) and slot in DEVICE_SLOTS else 1)


def _setting(session: Session, key: str) -> object:
    row = session.get(Setting, key)
    return None if row is None else row.value


def add_reserved_block(session: Session, unit_code: str, day: date, start: int, end: int) -> None:
    """Record a range the portal reserved for this device. Adding the same block twice is a no-op.

    A range overlapping a different block of that unit and day is refused: the portal must
    never hand out a number twice.
    """
    check_unit_code(unit_code)
    if not (isinstance(start, int) and isinstance(end, int) and 1 <= start <= end <= MAX_PORTAL_NUMBER):
        raise InputError(f"reserved block {unit_code} {day}: range {start!r}–{end!r} must lie within "
                         f"1–{MAX_PORTAL_NUMBER} with start ≤ end")
    blocks = session.scalars(select(CodeBlock).where(
        CodeBlock.unit_code == unit_code, CodeBlock.day == day, CodeBlock.source == "portal")).all()
    for block in blocks:
        if (block.start, block.end) == (start, end):
            return
        if block.start <= end and start <= block.end:
            raise InputError(f"reserved block {unit_code} {day}: range {start}–{end} overlaps the "
                             f"block {block.start}–{block.end} already recorded")
    session.add(CodeBlock(id=new_id(), unit_code=unit_code, day=day, start=start, end=end,
                          next_value=start, source="portal", created_at=utcnow()))
    session.flush()


def _take(session: Session, unit_code: str, day: date, source: str, start: int = 0) -> int | None:
    params = {"unit": unit_code, "day": day.isoformat(), "source": source, "start": start}
    row = session.execute(_TAKE_SQL, params).first()
    return int(row[0]) if row else None


def _ensure_device_block(session: Session, unit_code: str, day: date, offline_range: tuple[int, int]) -> None:
    start, end = offline_range
    present = session.scalar(select(exists().where(
        CodeBlock.unit_code == unit_code, CodeBlock.day == day, CodeBlock.start == start)))
    if not present:
        session.add(CodeBlock(id=new_id(), unit_code=unit_code, day=day, start=start, end=end,
                              next_value=start, source="device", created_at=utcnow()))
        session.flush()


def allocate_dossier_code(session: Session, *, unit_code: str, day: date,
                          offline_range: tuple[int, int]) -> str:
    """The next unused dossier code for `unit_code` and receipt `day`, inside the caller's
    write transaction (use `Store.session()`, which begins IMMEDIATE). `offline_range` is this
    device's own range for the unit (`offline_range_for`), used when no reserved number is left."""
    check_unit_code(unit_code)
    session.flush()  # pending ORM rows (e.g. a dossier added earlier) must be visible below
    while True:
        number = _take(session, unit_code, day, "portal")
        if number is None:
            _ensure_device_block(session, unit_code, day, offline_range)
            # Only this range: a block of an earlier range (before re-enrolment) is left alone.
            number = _take(session, unit_code, day, "device", offline_range[0])
        if number is None:
            raise StoreError(f"dossier codes for {unit_code} on {day:%d/%m/%Y} are exhausted on this "
                             f"device (range {offline_range[0]}–{offline_range[1]}); synchronise to get a "
                             "reserved block")
        code = format_dossier_code(unit_code, day, number)
        # Defensive: a code already on a dossier (e.g. imported from the portal) is skipped.
        if not session.scalar(select(exists().where(Dossier.code == code))):
            return code
