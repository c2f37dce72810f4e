"""Where the real scans and photos live (../shared/data/real-scans, PROVENANCE.md there), and a
helper that skips a test with a clear reason when that folder is not next to the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

REAL_SCANS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "real-scans"


def real_page(name: str) -> Path:
    """The path of one real page; skips the test when the real-page set is absent."""
    path = REAL_SCANS / name
    if not path.is_file():
        pytest.skip(f"real page {name} not found in {REAL_SCANS} (the real-scan set sits beside the repository)")
    return path
