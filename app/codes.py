"""Dossier codes `{unit identifier}-{yyMMdd}-{NNNN}`: format, parsing and crash-safe allocation.

Several desks of one unit may receive dossiers offline on the same day, so no desk can simply
count up from 0001. Numbers come from blocks in `code_blocks`:
- `portal` blocks: ranges within 0001–9999 the portal reserved for THIS device and day
  (`add_reserved_block`, called by sync). They give the familiar 4-digit codes.
- a `device` block: when no reserved number is left, the device's own 5-digit range
  `{slot}0001–{slot}9999`, where `slot` (1–9) is unique per unit (assigned at enrolment).
  The national pattern allows 4 or 5 digits, and no other desk of the unit can hit that range.

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

from app.errors import InputError, StoreError
from app.ids import new_id
from app.store.models import CodeBlock, Dossier, utcnow

UNIT_CODE_PATTERN = r"[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}"
UNIT_CODE_RE = re.compile(rf"^{UNIT_CODE_PATTERN}$")
DOSSIER_CODE_RE = re.compile(rf"^(?P<unit>{UNIT_CODE_PATTERN})-(?P<day>\d{{6}})-(?P<number>\d{{4,5}})$")
MAX_PORTAL_NUMBER = 9999
DEVICE_SLOTS = range(1, 10)

_TAKE_SQL = text("""
    UPDATE code_blocks SET next_value = next_value + 1
    WHERE id = (SELECT id FROM code_blocks
                WHERE unit_code = :unit AND day = :day AND source = :source
                  AND next_value <= "end"
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
    """(unit identifier, receipt day, number); InputError saying which part is wrong."""
    match = DOSSIER_CODE_RE.fullmatch(code.strip()) if isinstance(code, str) else None
    if match is None:
        raise InputError(f"dossier code: {code!r} is not of the form 000.00.06.H56-251124-0001")
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
    if device_slot not in DEVICE_SLOTS:
        raise InputError(f"codes.device_slot: {device_slot!r} must be a whole number from 1 to 9")
    return device_slot * 10000 + 1, device_slot * 10000 + 9999


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


def _take(session: Session, unit_code: str, day: date, source: str) -> int | None:
    row = session.execute(_TAKE_SQL, {"unit": unit_code, "day": day.isoformat(), "source": source}).first()
    return int(row[0]) if row else None


def _ensure_device_block(session: Session, unit_code: str, day: date, device_slot: int) -> None:
    start, end = device_range(device_slot)
    present = session.scalar(select(exists().where(
        CodeBlock.unit_code == unit_code, CodeBlock.day == day, CodeBlock.start == start)))
    if not present:
        session.add(CodeBlock(id=new_id(), unit_code=unit_code, day=day, start=start, end=end,
                              next_value=start, source="device", created_at=utcnow()))
        session.flush()


def allocate_dossier_code(session: Session, *, unit_code: str, day: date, device_slot: int) -> str:
    """The next unused dossier code for `unit_code` and receipt `day`, inside the caller's
    write transaction (use `Store.session()`, which begins IMMEDIATE)."""
    check_unit_code(unit_code)
    device_range(device_slot)
    session.flush()  # pending ORM rows (e.g. a dossier added earlier) must be visible below
    while True:
        number = _take(session, unit_code, day, "portal")
        if number is None:
            _ensure_device_block(session, unit_code, day, device_slot)
            number = _take(session, unit_code, day, "device")
        if number is None:
            raise StoreError(f"dossier codes for {unit_code} on {day:%d/%m/%Y} are exhausted on this "
                             f"device (slot {device_slot}); synchronise to get a reserved block")
        code = format_dossier_code(unit_code, day, number)
        # Defensive: a code already on a dossier (e.g. imported from the portal) is skipped.
        if not session.scalar(select(exists().where(Dossier.code == code))):
            return code
