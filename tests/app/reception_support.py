"""Shared set-up for the reception tests: a seeded desk built once, copied per test.

Creating a desk (store, catalogue, holidays) takes about a second; copying its two files and
signing in takes a few milliseconds, so every test still gets its own real, private store.
"""

from __future__ import annotations

import atexit
import io
import os
import shutil
import struct
import tempfile
import zlib
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image

from app.desk_setup import create_desk
from app.paths import DataPaths, data_paths
from app.reception.model import ApplicantInput, PageInput, ReceptionRequest
from app.reception.service import checklist_for
from app.reception.validation import version_in_force
from app.store.service import Store, open_store

UNIT = "000.00.06.H56"
PASSWORD = "correct horse battery"
# A Monday; 24/11/2026 (the next day) is a public holiday in the seeded table.
MONDAY_9 = datetime(2026, 11, 23, 9, 0)
BIRTH = "1.001193"


def build_template(folder: Path, *, unit: str = UNIT, unit_name: str = "UBND xã Tân Lập") -> DataPaths:
    paths = data_paths(folder)
    store, _ = create_desk(paths, unit_code=unit, unit_name=unit_name, admin_username="admin",
                           admin_full_name="Lê Thị Hoa", admin_password=PASSWORD)
    store.close()
    return paths


_TEMPLATE: list[DataPaths] = []


def template() -> DataPaths:
    """The seeded desk, built on first use and shared by every test module of the run."""
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="motcua-desk-template-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _TEMPLATE.append(build_template(folder / "data"))
    return _TEMPLATE[0]


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A private, signed-in copy of the seeded desk (as admin)."""
    opened = open_copy(template(), tmp_path / "data")
    yield opened
    opened.close()


def open_copy(template: DataPaths, folder: Path) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("store.db", "keys.json"):
        shutil.copy(template.root / name, folder / name)
    return open_store(data_paths(folder), username="admin", password=PASSWORD)


def page_file(folder: Path, name: str, colour: str = "white") -> Path:
    """A small real PNG (distinct content per name, so distinct SHA-256)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    image = Image.new("RGB", (40, 20), colour)
    image.putpixel((len(name) % 40, 0), (len(name) * 7 % 256, 0, 0))
    image.save(path)
    return path


def padded_png(path: Path, size: int, seed: bytes | None = None) -> Path:
    """A valid PNG of exactly `size` bytes: a small image plus an ancillary chunk of filler,
    random (incompressible) or repeated from `seed` (same seed, same file). Page files are checked
    by content at intake, so a test that needs a page of a given size writes one of these."""
    image = io.BytesIO()
    Image.new("L", (8, 8), "white").save(image, "PNG")
    png = image.getvalue()
    head, tail = png[:-12], png[-12:]  # IEND is the last 12 bytes
    filler_len = size - len(png) - 12  # a chunk adds length, type and CRC: 12 bytes
    if filler_len < 0:
        raise ValueError(f"a PNG page has at least {len(png) + 12} bytes, not {size}")
    filler = os.urandom(filler_len) if seed is None else (seed * (filler_len // max(1, len(seed)) + 1))[:filler_len]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(head + _png_chunk(b"fiLl", filler) + tail)
    return path


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(path: Path, side: int = 20_000) -> Path:
    """A valid 1-bit PNG of side x side pixels (400 Mpx by default), about 50 kB on disk."""
    packer, row = zlib.compressobj(9), b"\x00" * (1 + side // 8)
    body = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", body)
                     + _png_chunk(b"IEND", b""))
    return path


def applicant() -> ApplicantInput:
    return ApplicantInput(full_name="Nguyễn Thị Lan", id_number="001190012345", birth_date=date(1990, 5, 1),
                          sex="Nữ", address="Số 5, thôn Đông, xã Tân Lập", phone="0912 345 678",
                          email="lan@example.vn")


def birth_request(store: Store, pages_dir: Path, *, draft_id: str = "") -> ReceptionRequest:
    """A complete birth registration: the two required documents received, one page each."""
    with store.read_session() as session:
        version = version_in_force(session, BIRTH, MONDAY_9.date())
    assert version is not None
    documents = checklist_for(version)
    for i, doc in enumerate(documents[:2]):
        doc.received = True
        doc.pages = [PageInput(page_file(pages_dir, f"page-{i}.png", ("white", "yellow")[i]))]
    return ReceptionRequest(procedure_code=BIRTH, applicant=applicant(), documents=documents,
                            received_at=MONDAY_9, draft_id=draft_id)
