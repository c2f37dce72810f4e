"""Helpers of the citizen-page tests: a real desk enrolled with a real portal that has a public
address, one dossier received at the desk and synced, and plain HTTP against the pages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from app.forms.settings import receipt_settings
from app.reception.views import load_dossier_view
from portal.admin import create_enrolment_token
from sync.engine import sync_once
from sync.enrolment import enrol
from tests.app.reception_support import open_copy, template
from tests.portal.conftest import ThreadedPortal
from tests.sync.support import receive

PUBLIC_URL = "https://motcua.example.gov.vn"


@dataclass
class Received:
    """A synced dossier: its code and secret, and the two addresses its receipt's QR codes carry."""

    store: Any
    portal: ThreadedPortal
    code: str
    dossier_id: str
    secret: str
    lookup_qr: str
    survey_qr: str

    def local(self, qr: str) -> str:
        """The QR's address on the loopback portal (the public host stands for it)."""
        return qr.replace(PUBLIC_URL, self.portal.url)


def qr_addresses(store: Any, code: str) -> tuple[str, str, str]:
    """(lookup QR, survey QR, secret) as the receipt prints them now."""
    with store.read_session() as session:
        settings = receipt_settings(session)
        view = load_dossier_view(session, code)
    return (settings.lookup_for(view.code, view.lookup_secret),
            settings.survey_for(view.code, view.lookup_secret), view.lookup_secret)


@contextmanager
def synced_dossier(db_url: str, blobs: Path, desk_dir: Path) -> Iterator[Received]:
    with ThreadedPortal(db_url, blobs, max_blob_bytes=1_000_000, max_chunk_bytes=64 * 1024,
                        public_url=PUBLIC_URL) as portal:  # type: ignore[arg-type]
        store = open_copy(template(), desk_dir)
        try:
            enrol(store, portal.url, create_enrolment_token(db_url, store.unit.code))
            result = receive(store, desk_dir / "pages")
            report = sync_once(store, reserve=False)
            assert report.errors == [], report.errors
            lookup, survey, secret = qr_addresses(store, result.code)
            yield Received(store, portal, result.code, result.dossier_id, secret, lookup, survey)
        finally:
            store.close()


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def get(url: str, **params: str) -> httpx.Response:
    return httpx.get(url, params=params or None, timeout=30)
