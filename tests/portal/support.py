"""A minimal desk-side client of the sync protocol for tests and the ingest benchmark.

It speaks HTTP to a real portal on loopback exactly as docs/sync-protocol.md describes; it is
not the sync engine (that lives in sync/), only enough to drive the portal.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import httpx

from app.ids import new_id
from portal.admin import create_enrolment_token
from testing.portal_child import PortalChild, portal_child

_numbers = itertools.count(1)


def dossier_body(unit: str = "000.00.06.H56", *, number: int | None = None, hashes: list[str] | None = None,
                 day: date | None = None, version: int = 1, **extra: Any) -> tuple[str, dict[str, Any]]:
    """(dossier_id, PUT body) shaped like the desk's outbox payload."""
    dossier_id = new_id()
    day = day or date.today()
    number = number if number is not None else next(_numbers)
    pages = [{"id": new_id(), "seq": i + 1, "sha256": h, "size": 10, "mime": "application/pdf"}
             for i, h in enumerate(hashes or [])]
    dossier = {"dossier_id": dossier_id, "code": f"{unit}-{day:%y%m%d}-{number:04d}", "unit_code": unit,
               "receiving_unit": unit, "status": "DA_TIEP_NHAN",
               "received_at": datetime.combine(day, datetime.min.time()).replace(hour=8).isoformat(),
               "due_at": None, "received_by": "lan", "channel": "desk",
               "procedure": {"code": "1.001193", "name": "Đăng ký khai sinh", "valid_from": "2025-07-01"},
               "applicant": {"full_name": "Nguyễn Thị Lan", "id_number": "001190012345"},
               "documents": [{"id": new_id(), "seq": 0, "name": "Tờ khai", "pages": pages}], **extra}
    return dossier_id, {"version": version, "dossier": dossier}


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Desk:
    """One enrolled device talking to the portal."""

    def __init__(self, base_url: str, enrolment: dict[str, Any], user: str = "lan") -> None:
        self.enrolment = enrolment
        self.device_id: str = enrolment["device_id"]
        self.secret: str = enrolment["device_secret"]
        self.unit: str = enrolment["unit_code"]
        self.http = httpx.Client(base_url=base_url, timeout=30,
                                 headers={"Authorization": f"Bearer {self.secret}", "X-Acting-User": user})

    def close(self) -> None:
        self.http.close()

    def put_dossier(self, dossier_id: str, body: dict[str, Any], key: str | None = None) -> httpx.Response:
        return self.http.put(f"/v1/dossiers/{dossier_id}", json=body,
                             headers={"Idempotency-Key": key or new_id()})

    def add_event(self, dossier_id: str, body: dict[str, Any], key: str | None = None) -> httpx.Response:
        return self.http.post(f"/v1/dossiers/{dossier_id}/events", json=body,
                              headers={"Idempotency-Key": key or new_id()})

    def reserve(self, day: date, count: int, key: str | None = None) -> httpx.Response:
        return self.http.post("/v1/code-blocks", json={"day": day.isoformat(), "count": count},
                              headers={"Idempotency-Key": key or new_id()})

    def missing(self, hashes: list[str]) -> list[str]:
        response = self.http.post("/v1/blobs/missing", json={"hashes": hashes})
        response.raise_for_status()
        return response.json()["missing"]

    def offset(self, sha256: str) -> int:
        return int(self.http.head(f"/v1/blobs/{sha256}").headers.get("Upload-Offset", "0"))

    def send_chunk(self, sha256: str, data: bytes, offset: int, length: int) -> httpx.Response:
        return self.http.patch(f"/v1/blobs/{sha256}", content=data, headers={
            "Upload-Offset": str(offset), "Upload-Length": str(length),
            "Content-Type": "application/offset+octet-stream"})

    def upload(self, data: bytes, chunk: int = 64 * 1024, name: str | None = None) -> httpx.Response:
        """Upload from the acknowledged offset to the end; the last response."""
        name = name or sha(data)
        offset = self.offset(name)
        response = None
        while offset < len(data) or response is None:
            response = self.send_chunk(name, data[offset:offset + chunk], offset, len(data))
            if response.status_code >= 300:
                return response
            offset = int(response.headers["Upload-Offset"])
            if response.status_code == 201:
                break
        return response

    def changes(self, after: int = 0, limit: int = 100) -> dict[str, Any]:
        response = self.http.get("/v1/changes", params={"after": after, "limit": limit})
        response.raise_for_status()
        return response.json()


def enrol(base_url: str, token: str, name: str = "Máy tiếp nhận 1") -> httpx.Response:
    return httpx.post(f"{base_url}/v1/enrol", json={"token": token, "device_name": name}, timeout=30)


@contextmanager
def enrol_desk(base_url: str, db_url: str, unit: str, user: str = "lan") -> Iterator[Desk]:
    response = enrol(base_url, create_enrolment_token(db_url, unit))
    response.raise_for_status()
    desk = Desk(base_url, response.json(), user)
    try:
        yield desk
    finally:
        desk.close()


@contextmanager
def portal_process(db_url: str, blobs: Path, log: Path | None = None) -> Iterator[PortalChild]:
    """`serve()` in a child process on a free loopback port, ready when this yields; its log goes
    to `log` (or a file beside the blob folder)."""
    with portal_child(db_url, blobs, log or blobs.parent / "portal.log") as child:
        yield child
