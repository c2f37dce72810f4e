"""Shared capture fixtures: the reference specimen pages, generated once per test run."""

from __future__ import annotations

import pytest

from app.capture.specimens import Specimen
from tests.capture.scan_support import specimens as reference_pages


@pytest.fixture(scope="session")
def specimens() -> dict[str, Specimen]:
    """specimen_set(seed=0, dpi=200) by page name, the ID-card page as "id_card" (drawn once)."""
    return reference_pages()
