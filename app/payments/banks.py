"""NAPAS bank list (BIN, code, short and full name) for VietQR, loaded from shipped data.

The list lives in `resources/banks/banks.csv` (source in its header) so that a renamed or
new bank is a data change, not a code change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from app.errors import MotcuaError
from app.resource_tables import read_resource_table
from app.text import fold

BANKS_FILE = ("banks", "banks.csv")


@dataclass(frozen=True)
class Bank:
    """One NAPAS member: `bin` goes into VietQR field 38/01/00."""

    bin: str
    short_name: str
    name: str
    code: str = ""


@cache  # static data consulted on every VietQR build; read it once per process
def load_banks() -> dict[str, Bank]:
    """BIN -> Bank, in file order."""
    path, rows = read_resource_table(*BANKS_FILE)
    banks: dict[str, Bank] = {}
    for number, row in rows:
        bank = Bank(bin=row.get("bin", ""), short_name=row.get("short_name", ""),
                    name=row.get("name", ""), code=row.get("code", ""))
        if not _is_bin(bank.bin) or not bank.short_name or not bank.name or bank.bin in banks:
            # Shipped data, not user input: a broken row is a packaging defect worth stopping for.
            raise MotcuaError(
                f"{path.name}: data row {number} is not a valid 'bin,code,short_name,name' entry"
            )
        banks[bank.bin] = bank
    return banks


@cache  # built from load_banks(); folded names make look-ups accent- and case-insensitive
def _by_name() -> dict[str, Bank]:
    index: dict[str, Bank] = {}
    for bank in load_banks().values():
        for key in filter(None, (bank.short_name, bank.code)):
            # setdefault: the first row wins if two banks ever share a short name or code.
            index.setdefault(_name_key(key), bank)
    return index


def find_bank(text: str) -> Bank | None:
    """Bank by BIN ("970436"), short name ("Vietcombank") or code ("VCB"); None if unknown."""
    if not isinstance(text, str):
        return None
    value = text.strip()
    if _is_bin(value):
        return load_banks().get(value)
    return _by_name().get(_name_key(value)) if value else None


def _is_bin(value: str) -> bool:
    return len(value) == 6 and value.isascii() and value.isdigit()


def _name_key(value: str) -> str:
    # "VietinBank", "vietin bank" and "IBK-HN" / "IBK HN" should all find the same row.
    return "".join(ch for ch in fold(value) if ch.isalnum())
