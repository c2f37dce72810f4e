"""The register as CSV: UTF-8 with a byte-order mark, one heading row, one row per dossier.

The mark is there for Excel, the program officials open CSV files with: without it, Excel on
Windows reads the file in the legacy code page and every Vietnamese letter comes out garbled;
LibreOffice and scripts skip it. Moments are written 2026-11-23 09:00, the one form every
spreadsheet reads as a date whatever its locale (23/11/2026 is 11 March somewhere else).
A text starting with =, +, -, @ or a tab gets a leading apostrophe, so a spreadsheet never runs
it as a formula (CSV has no way to say "this is text").
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

from app.register.layout import TABULAR, Column
from app.register.rows import Register

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_register_csv(register: Register) -> bytes:
    """The register as CSV bytes (UTF-8 with BOM, CRLF line ends)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([column.flat for column in TABULAR])
    for row in register.rows:
        writer.writerow([csv_value(column, row.value(column.key)) for column in TABULAR])
    return text.getvalue().encode("utf-8-sig")


def csv_value(column: Column, value: Any) -> str:
    if value is None:
        return ""
    if column.kind == "moment" and isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    text = str(value)
    if column.kind == "text" and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text
