"""Vietnamese phone numbers and e-mail addresses: cleaning, normalising, checking.

Phone numbers after the 2018 renumbering:
- mobile: 10 digits, `0` + a network prefix starting 3, 5, 7, 8 or 9 (03x, 05x, 07x, 08x, 09x);
- landline: area code 02x, 10 or 11 digits in total (e.g. 024 3825 1234 in Hà Nội);
- the international form +84 / 0084 / 84 followed by the national number without its 0 is
  normalised to the national form starting with 0.
Spaces, dots, dashes and brackets people type between groups are dropped.

Messages describe the problem without echoing the number, because they can reach logs.
"""

from __future__ import annotations

import re

from app.errors import InputError

MOBILE_PREFIXES = ("03", "05", "07", "08", "09")
LANDLINE_PREFIX = "02"
_SEPARATORS = re.compile(r"[\s.\-()/]+")
_EMAIL = re.compile(
    r"^(?P<local>[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
    r"@(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})$")
MAX_EMAIL_CHARS = 254


def normalise_phone(text: str) -> str:
    """The national form of a phone number ("0912345678"), or InputError saying what is wrong."""
    problem, number = _phone(text)
    if problem:
        raise InputError(f"phone: {problem}")
    return number


def phone_problem(text: str) -> str | None:
    """What is wrong with a phone number, or None if it is a valid Vietnamese number."""
    return _phone(text)[0]


def _phone(text: str) -> tuple[str | None, str]:
    if not isinstance(text, str):
        return "must be text", ""
    number = _SEPARATORS.sub("", text.strip())
    if number.startswith("+"):
        if not number.startswith("+84"):
            return "only Vietnamese numbers (+84) are accepted", ""
        number = "0" + number[3:]
    elif number.startswith("0084"):
        number = "0" + number[4:]
    elif number.startswith("84") and len(number) in (11, 12):
        number = "0" + number[2:]  # 84 + 9–10 national digits, typed without the plus
    if not number:
        return "is empty", ""
    if not (number.isascii() and number.isdigit()):
        return "may contain only digits (and spaces, dots or dashes between groups)", ""
    if not number.startswith("0"):
        return "must start with 0 (or +84)", ""
    if number.startswith(MOBILE_PREFIXES):
        if len(number) != 10:
            return f"a mobile number has 10 digits, this one has {len(number)}", ""
        return None, number
    if number.startswith(LANDLINE_PREFIX):
        if len(number) not in (10, 11):
            return f"a landline number has 10 or 11 digits, this one has {len(number)}", ""
        return None, number
    return ("is neither a mobile number (03x, 05x, 07x, 08x, 09x) nor a landline number (02x)", "")


def normalise_email(text: str) -> str:
    """A trimmed e-mail address with the domain in lower case, or InputError."""
    problem, address = _email(text)
    if problem:
        raise InputError(f"email: {problem}")
    return address


def email_problem(text: str) -> str | None:
    """What is wrong with an e-mail address, or None if it looks deliverable."""
    return _email(text)[0]


def _email(text: str) -> tuple[str | None, str]:
    if not isinstance(text, str):
        return "must be text", ""
    address = text.strip()
    if not address:
        return "is empty", ""
    if len(address) > MAX_EMAIL_CHARS:
        return f"is longer than {MAX_EMAIL_CHARS} characters", ""
    if address.count("@") != 1:
        return "must contain exactly one @, like ten@example.vn", ""
    match = _EMAIL.fullmatch(address)
    if match is None:
        return "is not an address like ten@example.vn (no spaces or accents; a domain with a dot)", ""
    if len(match["local"]) > 64:
        return "has more than 64 characters before the @", ""
    return None, f"{match['local']}@{match['domain'].lower()}"
