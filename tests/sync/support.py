"""Helpers of the sync tests: receptions made through the real reception service."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from app.reception.model import PageInput
from app.reception.service import confirm_reception
from app.store.models import utcnow
from tests.app.reception_support import birth_request, padded_png


def receive(store: Any, folder: Path, *, big_page: int = 0, name: str = "") -> Any:
    """Confirm a birth registration with two pages (distinct per call when `name` is given);
    `big_page` bytes (a PNG padded with random data) make the first page a large file."""
    request = birth_request(store, folder / (name or "pages"))
    if name or big_page:
        page = padded_png(folder / f"{name or 'big'}.png", big_page or 2048)
        request.documents[0].pages = [PageInput(page)]
    return confirm_reception(store, request)


def later(minutes: int = 60):  # type: ignore[no-untyped-def]
    """A moment after any backoff the tests can cause."""
    return utcnow() + timedelta(minutes=minutes)
