"""Birth-registration province codes: the first three digits of a 12-digit personal ID number.

The table itself is data (`resources/identity/provinces.csv`, with its source in the header);
this module only loads it once and answers look-ups.
"""

from __future__ import annotations

from functools import cache

from app.errors import MotcuaError
from app.resource_tables import read_resource_table

PROVINCES_FILE = ("identity", "provinces.csv")


@cache  # read once per process: the table is static and looked up on every parse
def load_provinces() -> dict[str, str]:
    """Province code ("001") -> province name ("Hà Nội"), in file order."""
    path, rows = read_resource_table(*PROVINCES_FILE)
    table: dict[str, str] = {}
    for number, row in rows:
        code, name = row.get("code", ""), row.get("name", "")
        if len(code) != 3 or not code.isascii() or not code.isdigit() or not name or code in table:
            # Shipped data, not user input: a broken row is a packaging defect worth stopping for.
            raise MotcuaError(f"{path.name}: data row {number} is not a valid 'code,name' entry")
        table[code] = name
    return table


def province_name(code: str) -> str | None:
    """Name of the province with this 3-digit code, or None when the code is unknown."""
    return load_provinces().get(code)


def is_province_code(code: str) -> bool:
    """True when `code` is one of the 63 birth-registration province codes."""
    return code in load_provinces()
