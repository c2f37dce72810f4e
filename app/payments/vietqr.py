"""VietQR (NAPAS 247, EMVCo merchant-presented mode) payloads: build, parse, check, draw.

Layout (NAPAS "Quy định định dạng mã VietQR" v1.0, 09/2021): each object is ID (2 digits),
length (2 digits), value. Root objects used here, in this order:
00 "01" · 01 "11" static / "12" dynamic · 38 {00 GUID A000000727, 01 {00 BIN, 01 account or
card}, 02 QRIBFTTA (to account) / QRIBFTTC (to card)} · 53 "704" · 54 amount (VND, integer) ·
58 "VN" · 62 {01 bill number, 08 purpose} · 63 CRC-16/CCITT-FALSE over everything before
it including "6304", four upper-case hex digits.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import qrcode
from qrcode.constants import ERROR_CORRECT_M

from app.errors import InputError
from app.files import write_atomically
from app.payments.banks import load_banks
from app.text import (
    collapse_spaces,
    to_ascii,
)

NAPAS_GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"
SERVICE_TO_CARD = "QRIBFTTC"
CURRENCY_VND = "704"
COUNTRY_VN = "VN"
STATIC, DYNAMIC = "11", "12"
MAX_ACCOUNT = 19
MAX_AMOUNT_DIGITS = 13
MAX_SUBFIELD = 25  # every 62/xx value, per the spec
# Templates whose value is itself a list of TLV objects: root 38 and 62, and 38/01 inside 38.
_TEMPLATES = {(): {"38", "62"}, ("38",): {"01"}}

_ACCOUNT = re.compile(r"[0-9A-Za-z]{1,19}")
_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")


def _crc_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
        table.append(crc & 0xFFFF)
    return tuple(table)


_CRC_TABLE = _crc_table()  # one table per process: turns 8 shifts per byte into one lookup


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final XOR."""
    crc = 0xFFFF
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ _CRC_TABLE[(crc >> 8) ^ byte]
    return crc


def build_vietqr(
    *,
    bin: str,
    account: str,
    amount: int | None = None,
    info: str | None = None,
    to_card: bool = False,
    dynamic: bool | None = None,
    bill_number: str | None = None,
) -> str:
    """The VietQR payload text for a transfer to `account` at the bank with this BIN.

    `dynamic` defaults to True exactly when an amount is given (a one-off payment request).
    `info` (62/08, the transfer purpose) is folded to ASCII and cut to 25 characters;
    `bill_number` (62/01, e.g. the dossier code) must fit in 25 ASCII characters as is,
    because a cut reference would no longer match anything.
    """
    bank_bin = _check_bin(bin)
    account_no = _check_account(account)
    amount_text = _check_amount(amount)
    is_dynamic = amount is not None if dynamic is None else bool(dynamic)
    beneficiary = _tlv("00", bank_bin) + _tlv("01", account_no)
    merchant = (
        _tlv("00", NAPAS_GUID)
        + _tlv("01", beneficiary)
        + _tlv("02", SERVICE_TO_CARD if to_card else SERVICE_TO_ACCOUNT)
    )
    parts = [
        _tlv("00", "01"),
        _tlv("01", DYNAMIC if is_dynamic else STATIC),
        _tlv("38", merchant),
        _tlv("53", CURRENCY_VND),
    ]
    if amount_text is not None:
        parts.append(_tlv("54", amount_text))
    parts.append(_tlv("58", COUNTRY_VN))
    additional = _additional_data(info, bill_number)
    if additional:
        parts.append(_tlv("62", additional))
    body = "".join(parts) + "6304"
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


def parse_emv(payload: str) -> dict[str, str | dict]:
    """Split an EMV QR payload into {ID: value}; templates 38, 38/01 and 62 become dicts.

    Raises `InputError` naming the position and field when the text is not well-formed TLV.
    The CRC is not checked here; see `verify_crc`.
    """
    if not isinstance(payload, str):
        raise InputError("VietQR payload must be text")
    text = payload.strip()
    if not text:
        raise InputError("VietQR payload is empty")
    return _parse_tlv(text, path=())


def verify_crc(payload: str) -> bool:
    """True when the payload ends in "6304" + the CRC of everything up to that point."""
    if not isinstance(payload, str):
        return False
    text = payload.strip()
    if len(text) < 8 or text[-8:-4] != "6304":
        return False
    given = text[-4:]
    if not all(ch in "0123456789ABCDEFabcdef" for ch in given):
        return False
    try:
        data = text[:-4].encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: cannot have come from a real QR
        return False
    return crc16_ccitt_false(data) == int(given, 16)


def vietqr_png(payload: str, out: Path | None = None, *, box_size: int = 8) -> bytes:
    """PNG image of the payload as a QR code; also written to `out` when given.

    Refuses payloads whose CRC does not verify, so a typo never reaches a printed code.
    """
    if not verify_crc(payload):
        raise InputError("VietQR payload: field 63 (CRC) is missing or does not match the payload")
    if isinstance(box_size, bool) or not isinstance(box_size, int) or not 1 <= box_size <= 100:
        raise InputError("box_size: must be a whole number of pixels from 1 to 100")
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=4)
    code.add_data(payload.strip())
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    png = buffer.getvalue()
    if out is not None:
        write_atomically(Path(out), png, create_folder=False)
    return png


def _tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def _check_bin(value: object) -> str:
    if not isinstance(value, str):
        raise InputError("bin: must be the bank's 6-digit NAPAS BIN as text")
    text = value.strip()
    if len(text) != 6 or not text.isascii() or not text.isdigit():
        raise InputError(f"bin: must be 6 digits (the bank's NAPAS BIN), got {text!r}")
    if text not in load_banks():
        raise InputError(f"bin: {text} is not a known bank BIN (see resources/banks/banks.csv)")
    return text


def _check_account(value: object) -> str:
    if not isinstance(value, str):
        raise InputError("account: must be text")
    text = value.strip()
    if _ACCOUNT.fullmatch(text) is None:
        raise InputError(
            f"account: must be 1 to {MAX_ACCOUNT} letters or digits with no spaces or signs "
            f"(got {len(text)} characters)"
        )
    return text


def _check_amount(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError("amount: must be a whole number of đồng")
    if value <= 0:
        raise InputError("amount: must be greater than 0")
    text = str(value)
    if len(text) > MAX_AMOUNT_DIGITS:
        raise InputError(f"amount: must have at most {MAX_AMOUNT_DIGITS} digits")
    return text


def _ascii_text(value: str) -> str:
    # Bank apps show 62/xx as plain ASCII: drop accents, then anything still unprintable.
    return collapse_spaces(_PRINTABLE_ASCII.sub(" ", to_ascii(value)))


def _additional_data(info: str | None, bill_number: str | None) -> str:
    parts = []
    if bill_number is not None:
        if not isinstance(bill_number, str):
            raise InputError("bill_number: must be text")
        bill = _ascii_text(bill_number)
        if len(bill) > MAX_SUBFIELD:
            raise InputError(f"bill_number: must be at most {MAX_SUBFIELD} characters, got {len(bill)}")
        if bill:
            parts.append(_tlv("01", bill))
    if info is not None:
        if not isinstance(info, str):
            raise InputError("info: must be text")
        purpose = _ascii_text(info)[:MAX_SUBFIELD].rstrip()
        if purpose:
            parts.append(_tlv("08", purpose))
    return "".join(parts)


def _parse_tlv(text: str, *, path: tuple[str, ...]) -> dict[str, str | dict]:
    where = "/".join(path)
    prefix = f"VietQR payload, template {where}" if where else "VietQR payload"
    fields: dict[str, str | dict] = {}
    pos = 0
    while pos < len(text):
        header = text[pos : pos + 4]
        if len(header) < 4 or not (header.isascii() and header.isdigit()):
            raise InputError(f"{prefix}: at position {pos + 1}, expected a 2-digit ID and a 2-digit length")
        tag, length = header[:2], int(header[2:])
        value = text[pos + 4 : pos + 4 + length]
        if len(value) < length:
            raise InputError(
                f"{prefix}: field {tag} declares {length} characters but only {len(value)} remain"
            )
        if tag in fields:
            raise InputError(f"{prefix}: field {tag} appears twice")
        if tag in _TEMPLATES.get(path, ()):
            fields[tag] = _parse_tlv(value, path=(*path, tag)) if value else {}
        else:
            fields[tag] = value
        pos += 4 + length
    return fields


