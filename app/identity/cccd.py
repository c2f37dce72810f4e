"""Chip-based citizen ID card (CCCD) QR payload: cleaning, parsing, validation, masking.

The QR on cards issued 2021–06/2024 holds seven plain fields joined by "|":
id number | old CMND number | full name | birth date ddMMyyyy | sex | permanent address |
issue date ddMMyyyy. Cards issued since 07/2024 (Thẻ căn cước) carry eleven: the same seven in
the same order, then four that were empty on every card seen (three independent public
codebases, cards of 08–10/2024; domain.md §4). Both layouts are read; an eleven-field payload
whose last four fields hold anything is refused, naming those fields, rather than guessed at.
It is neither signed nor encrypted, so a parsed record only speeds up data entry; it proves
nothing about who holds the card.

Text usually arrives through a keyboard-wedge barcode reader, which adds CR/LF/TAB, may
send decomposed (NFD) diacritics and surrounding spaces; all of that is cleaned here.
Any other field count is refused rather than guessed at.

Error messages name the field by number and meaning but never echo its content, because
they end up in logs and on screens that must not carry personal data.

ID number structure (Thông tư 07/2016/TT-BCA Điều 7, kept by Thông tư 59/2021/TT-BCA;
read from public copies, not the gazette): digits 1–3 = province of birth registration,
digit 4 = century and sex (1900s: male 0 / female 1; 2000s: 2/3; 2100s: 4/5; 2200s: 6/7;
2300s: 8/9), digits 5–6 = last two digits of the birth year, digits 7–12 = random.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from app.clock import local_today
from app.errors import InputError
from app.identity.provinces import is_province_code
from app.text import (
    collapse_spaces,
    nfc,
)

Sex = Literal["Nam", "Nữ"]

FIELD_COUNT = 7
# Cards issued since 07/2024: the seven fields, then four more (empty on the cards seen so far).
FIELD_COUNT_2024 = 11
# A real payload is a few hundred characters; the cap keeps a stray paste of a whole
# document from being scanned character by character.
MAX_PAYLOAD_CHARS = 4096
FIRST_CENTURY = 1900  # century code 0/1; each following century adds 2
LAST_CENTURY = 2300  # century code 8/9

# (number, human name) used in every message about a field.
_FIELDS: dict[str, tuple[int, str]] = {
    "id_number": (1, "ID number"),
    "old_id_number": (2, "old ID number"),
    "full_name": (3, "full name"),
    "birth_date": (4, "birth date"),
    "sex": (5, "sex"),
    "address": (6, "address"),
    "issue_date": (7, "issue date"),
}


# C0/C1 control characters (CR, LF, TAB, NUL, ...) that readers inject: treated as spaces.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Invisible format characters a serial reader or a copy-paste may add: dropped outright.
_INVISIBLES = re.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff]")
_WHITESPACE = re.compile(r"\s+")
_ASCII_DIGITS = re.compile(r"[0-9]+")
_QR_START = re.compile(r"[\s\ufeff]*[0-9]{12}[ \t]*\|")


class CccdParseError(InputError):
    """A CCCD QR payload that cannot be used; `field` names the culprit (None = whole text)."""

    code = "cccd_parse"
    title = "ID card QR not readable"

    def __init__(self, message: str, *, field: str | None = None, kind: str = "qr.not_cccd",
                 params: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, kind=kind, params=params)
        self.field = field


class CccdLayoutError(CccdParseError):
    """An eleven-field (2024) payload with data in fields 8–11, which no known card carries."""

    def __init__(self, filled: list[int]) -> None:
        numbers = ", ".join(str(n) for n in filled)
        super().__init__(f"fields {numbers} of the 11-field card layout are not empty; this card's QR "
                         "layout is not known", field="extra_fields", kind="qr.unknown_layout",
                         params={"fields": numbers})
        self.filled = filled


@dataclass(frozen=True)
class CccdRecord:
    """The seven fields of a chip-ID QR, cleaned (NFC, single spaces) and validated."""

    id_number: str
    old_id_number: str | None
    full_name: str
    birth_date: date
    sex: Sex
    address: str
    issue_date: date

    def masked_id(self) -> str:
        """The ID number as it may appear in lists and logs, e.g. "0010****2345"."""
        return mask_id_number(self.id_number)

    def to_dict(self) -> dict[str, str | None]:
        """Plain JSON-ready mapping with ISO dates (used by `cccd parse --json`)."""
        return {
            "id_number": self.id_number,
            "old_id_number": self.old_id_number,
            "full_name": self.full_name,
            "birth_date": self.birth_date.isoformat(),
            "sex": self.sex,
            "address": self.address,
            "issue_date": self.issue_date.isoformat(),
        }


def mask_id_number(number: str) -> str:
    """Hide the middle of an ID number for display and logs; never raises.

    12 digits keep 4 + 4 ("0010****2345"); 8–11 keep 2 + 2; anything shorter is all stars,
    because a handful of visible digits of a short number identifies too much.
    """
    value = str(number).strip()
    if len(value) >= 12:
        keep = 4
    elif len(value) >= 8:
        keep = 2
    else:
        return "*" * len(value)
    return value[:keep] + "*" * (len(value) - 2 * keep) + value[-keep:]


def looks_like_cccd_qr(text: str) -> bool:
    """Cheap test for the start of a wedge-reader burst: 12 digits then "|" (spaces allowed).

    Meant to run on every keystroke of a text field, so it looks only at the beginning.
    """
    return isinstance(text, str) and _QR_START.match(text) is not None


def parse_cccd_qr(text: str, *, today: date | None = None) -> CccdRecord:
    """Parse and validate a CCCD QR payload; raises only `CccdParseError`."""
    today = today or local_today()
    fields = _split_fields(text)
    id_number = _digits_field(fields[0], "id_number", kind="qr.id_number_bad")
    if len(id_number) != 12:
        raise _error("id_number", "must be 12 digits", kind="qr.id_number_bad")
    if not is_province_code(id_number[:3]):
        raise _error("id_number", "does not start with a known province code", kind="qr.id_number_province")
    old_id = _digits_field(fields[1], "old_id_number", kind="qr.old_id_number_bad") or None
    if old_id is not None and len(old_id) not in (9, 12):
        raise _error("old_id_number", "must be empty, 9 digits or 12 digits", kind="qr.old_id_number_bad")
    full_name = _text_field(fields[2], "full_name", kind="qr.full_name_empty")
    birth_date = _date_field(fields[3], "birth_date", kind="qr.birth_date_bad")
    sex = _sex_field(fields[4])
    address = _text_field(fields[5], "address", kind="qr.address_empty")
    issue_date = _date_field(fields[6], "issue_date", kind="qr.issue_date_bad")
    _check_dates(birth_date, issue_date, today)
    check_id_number(id_number, birth_date=birth_date, sex=sex)
    return CccdRecord(
        id_number=id_number,
        old_id_number=old_id,
        full_name=full_name,
        birth_date=birth_date,
        sex=sex,
        address=address,
        issue_date=issue_date,
    )


def check_id_number(number: str, *, birth_date: date, sex: str) -> None:
    """Check that digits 4–6 of a 12-digit ID agree with the birth date and sex.

    Raises `CccdParseError(field="id_number")` on disagreement, or names `birth_date` /
    `sex` when those cannot be encoded in an ID number at all.
    """
    if not (isinstance(number, str) and len(number) == 12 and number.isascii() and number.isdigit()):
        raise _error("id_number", "must be 12 digits", kind="qr.id_number_bad")
    female = _normalise_sex(sex)
    if female is None:
        raise _error("sex", "must be Nam or Nữ", kind="qr.sex_bad")
    year = birth_date.year
    if not FIRST_CENTURY <= year < LAST_CENTURY + 100:
        raise _error("birth_date", "is outside the years an ID number can encode (1900–2399)",
                     kind="qr.birth_year_out_of_range")
    expected_code = 2 * ((year - FIRST_CENTURY) // 100) + (1 if female == "Nữ" else 0)
    if int(number[3]) != expected_code:
        raise _error(
            "id_number",
            "has a 4th digit (century and sex code) that does not match field 4 (birth date) "
            "and field 5 (sex)", kind="qr.id_number_mismatch",
        )
    if number[4:6] != f"{year % 100:02d}":
        raise _error(
            "id_number", "has 5th-6th digits that do not match the birth year in field 4 (birth date)",
            kind="qr.id_number_mismatch",
        )


def _error(field: str, problem: str, *, kind: str) -> CccdParseError:
    number, name = _FIELDS[field]
    return CccdParseError(f"field {number} ({name}) {problem}", field=field, kind=kind)


def _split_fields(text: object) -> list[str]:
    if not isinstance(text, str):
        raise CccdParseError("the ID card QR payload must be text")
    if len(text) > MAX_PAYLOAD_CHARS:
        raise CccdParseError(
            f"the ID card QR payload is too long ({len(text)} characters, at most {MAX_PAYLOAD_CHARS})",
            kind="qr.not_cccd",
        )
    # NFC first so decomposed diacritics are judged like composed ones everywhere below;
    # control characters become spaces, which each field then trims or collapses.
    cleaned = _CONTROLS.sub(" ", _INVISIBLES.sub("", nfc(text))).strip()
    if not cleaned:
        raise CccdParseError("the ID card QR payload is empty")
    fields = cleaned.split("|")
    if len(fields) == FIELD_COUNT_2024:
        filled = [FIELD_COUNT + 1 + i for i, extra in enumerate(fields[FIELD_COUNT:]) if extra.strip()]
        if filled:
            raise CccdLayoutError(filled)  # never guess what an unseen field means
        return fields[:FIELD_COUNT]
    if len(fields) != FIELD_COUNT:
        raise CccdParseError(f"expected {FIELD_COUNT} or {FIELD_COUNT_2024} fields separated by '|', "
                             f"got {len(fields)}", kind="qr.field_count", params={"count": len(fields)})
    return fields


def _digits_field(raw: str, field: str, *, kind: str) -> str:
    # Spaces never belong inside a number; a reader's stray CR/LF in it is noise.
    value = _WHITESPACE.sub("", raw)
    if value and _ASCII_DIGITS.fullmatch(value) is None:
        raise _error(field, "must contain digits only", kind=kind)
    return value


def _text_field(raw: str, field: str, *, kind: str) -> str:
    value = collapse_spaces(raw)
    if not value:
        raise _error(field, "is empty", kind=kind)
    return value


def _date_field(raw: str, field: str, *, kind: str) -> date:
    value = _WHITESPACE.sub("", raw)
    if len(value) != 8 or _ASCII_DIGITS.fullmatch(value) is None:
        raise _error(field, "is not a date (expected ddMMyyyy)", kind=kind)
    try:
        return date(int(value[4:]), int(value[2:4]), int(value[:2]))
    except ValueError:
        raise _error(field, "is not a real date (expected ddMMyyyy)", kind=kind) from None


def _normalise_sex(raw: str) -> Sex | None:
    value = collapse_spaces(nfc(raw)).casefold()
    if value == "nam":
        return "Nam"
    if value == "nữ":
        return "Nữ"
    return None


def _sex_field(raw: str) -> Sex:
    sex = _normalise_sex(raw)
    if sex is None:
        raise _error("sex", "must be Nam or Nữ", kind="qr.sex_bad")
    return sex


def _check_dates(birth_date: date, issue_date: date, today: date) -> None:
    if birth_date > today:
        raise _error("birth_date", "is in the future", kind="qr.birth_date_bad")
    if issue_date > today:
        raise _error("issue_date", "is in the future", kind="qr.issue_date_bad")
    if issue_date <= birth_date:
        raise _error("issue_date", "is not after field 4 (birth date)", kind="qr.issue_date_bad")
