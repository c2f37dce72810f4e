"""What the sync benchmarks set up: a seeded desk full of receptions, and a portal in its own process.

Self-contained on purpose (benchmarks must not import the test suite): the desk is made by
`create_desk` and filled through the real reception service, and the portal runs in a child
process on a free loopback port (`testing.portal_child`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from testing.portal_child import portal_child
from tests.app.reception_support import padded_png

UNIT = "000.00.06.H56"
PASSWORD = "correct horse battery"
BIRTH = "1.001193"  # Đăng ký khai sinh: two required documents
RECEIVED_AT = datetime(2026, 11, 23, 9, 0)  # a Monday
PAGE_BYTES = 50_000


class Portal(NamedTuple):
    db_url: str
    url: str
    port: int
    pid: int


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc; 0.0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def portal_process(folder: Path, **limits: int) -> Iterator[Portal]:
    """A portal serving from `folder` in a child process (SQLite), ready when this yields."""
    folder.mkdir(parents=True, exist_ok=True)
    db_url = f"sqlite:///{folder / 'portal.db'}"
    with portal_child(db_url, folder / "blobs", folder / "portal.log", **limits) as child:
        yield Portal(child.db_url, child.url, child.port, child.pid)


def new_desk(folder: Path) -> Any:
    """A freshly created, seeded and signed-in desk store in `folder`."""
    from app.desk_setup import create_desk
    from app.paths import data_paths

    store, _recovery = create_desk(data_paths(folder), unit_code=UNIT, unit_name="UBND xã Tân Lập",
                                   admin_username="admin", admin_full_name="Lê Thị Hoa",
                                   admin_password=PASSWORD)
    return store


def receive(store: Any, pages: list[list[Path]]) -> Any:
    """Confirm one birth registration whose documents carry the files of `pages`, in order."""
    from app.reception.model import ApplicantInput, PageInput, ReceptionRequest
    from app.reception.service import checklist_for, confirm_reception
    from app.reception.validation import version_in_force

    with store.read_session() as session:
        version = version_in_force(session, BIRTH, RECEIVED_AT.date())
    if version is None:
        raise RuntimeError(f"procedure {BIRTH} is not in the seeded catalogue")
    documents = checklist_for(version)
    for doc, files in zip(documents, pages):
        doc.received = True
        doc.pages = [PageInput(path) for path in files]
    applicant = ApplicantInput(full_name="Nguyễn Thị Lan", id_number="001190012345",
                               birth_date=date(1990, 5, 1), sex="Nữ",
                               address="Số 5, thôn Đông, xã Tân Lập", phone="0912 345 678")
    return confirm_reception(store, ReceptionRequest(procedure_code=BIRTH, applicant=applicant,
                                                     documents=documents, received_at=RECEIVED_AT))


def add_receptions(store: Any, scans: Path, count: int, *, pages: int = 3,
                   page_bytes: int = PAGE_BYTES) -> None:
    """Confirm `count` birth registrations with `pages` pages of random (incompressible) bytes
    (PNGs padded to `page_bytes`): all but the last on the first document, the last on the second."""
    scans.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        files = []
        for j in range(pages):
            files.append(padded_png(scans / f"{i}-{j}.png", page_bytes))
        receive(store, [files[:-1], files[-1:]])
        for path in files:
            path.unlink()


def payload_bytes(store: Any) -> int:
    """Scan bytes plus the compact JSON of every outbox row: what must cross the link at least."""
    from sqlalchemy import select

    from app.store.models import OutboxItem, Page

    with store.read_session() as session:
        scans = sum(session.scalars(select(Page.size)))
        meta = sum(len(json.dumps({"version": 1, "dossier": p}, ensure_ascii=False,
                                  separators=(",", ":")).encode()) for p in
                   session.scalars(select(OutboxItem.payload)))
    return int(scans + meta)


def enrol_desk(store: Any, db_url: str, url: str) -> None:
    """Enrol `store` with the portal at `db_url`, reaching it at `url` (often through a proxy)."""
    from portal.admin import create_enrolment_token
    from sync.enrolment import enrol

    enrol(store, url, create_enrolment_token(db_url, store.unit.code))
