"""Reading the small CSV tables shipped in `resources/` (banks, provinces): one reader, one rule
for comments (lines starting with '#' carry the source and licence) and blank lines."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from app.paths import resource


def read_resource_table(*parts: str) -> tuple[Path, Iterator[tuple[int, dict[str, str]]]]:
    """The table's path and its data rows as (row number from 1, {column: stripped text})."""
    path = resource(*parts)
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    rows = ((number, {key: (value or "").strip() for key, value in row.items() if key})
            for number, row in enumerate(csv.DictReader(lines), start=1))
    return path, rows
