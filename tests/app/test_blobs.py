"""Encrypted, content-addressed page files: round trip, idempotence, tamper detection, sweeping."""

from __future__ import annotations

import errno
import hashlib
import os
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import InputError, NotFoundError, StoreCorruptError, StoreError
from app.store import blobs as blobs_module
from app.store.blobs import BlobStore, blob_key, referenced_addresses
from tests.app.reception_support import store  # noqa: F401 - fixture

KEY = blob_key(bytes(range(32)))


def test_round_trip_and_address_is_plaintext_sha256(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "blobs", KEY)
    data = "Tờ khai đăng ký khai sinh".encode() * 100
    sha, size = blobs.put_bytes(data)
    assert sha == hashlib.sha256(data).hexdigest() and size == len(data)
    assert blobs.path_of(sha) == tmp_path / "blobs" / sha[:2] / sha[2:4] / sha
    assert blobs.get(sha) == data
    on_disk = blobs.path_of(sha).read_bytes()
    assert data[:40] not in on_disk and on_disk.startswith(b"MCB1")  # encrypted at rest


@settings(max_examples=50, deadline=None)
@given(st.binary(min_size=1, max_size=4096))
def test_any_content_round_trips(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    blobs = BlobStore(tmp_path_factory.mktemp("b"), KEY)
    sha, _ = blobs.put_bytes(data)
    assert blobs.get(sha) == data


def test_put_is_idempotent(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path, KEY)
    page = tmp_path / "page.png"
    page.write_bytes(b"scan" * 1000)
    first = blobs.put_file(page)
    before = blobs.path_of(first[0]).read_bytes()
    assert blobs.put_file(page) == first
    assert blobs.path_of(first[0]).read_bytes() == before  # not rewritten
    assert blobs.addresses() == [first[0]]
    assert not list(tmp_path.glob("**/*.part"))


def test_wrong_key_or_moved_file_is_damage_not_garbage(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path, KEY)
    sha_a, _ = blobs.put_bytes(b"page A")
    sha_b, _ = blobs.put_bytes(b"page B")
    with pytest.raises(StoreCorruptError, match="another store"):
        BlobStore(tmp_path, blob_key(bytes(32))).get(sha_a)
    # A file copied under another page's address must not show as that page.
    blobs.path_of(sha_b).write_bytes(blobs.path_of(sha_a).read_bytes())
    with pytest.raises(StoreCorruptError):
        blobs.get(sha_b)
    path = blobs.path_of(sha_a)
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 1
    path.write_bytes(bytes(raw))
    with pytest.raises(StoreCorruptError, match="damaged"):
        blobs.get(sha_a)


def test_missing_and_bad_addresses(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path, KEY)
    with pytest.raises(NotFoundError):
        blobs.get("0" * 64)
    with pytest.raises(InputError, match="SHA-256"):
        blobs.path_of("../../etc/passwd")
    with pytest.raises(InputError, match="cannot be read"):
        blobs.put_file(tmp_path / "absent.png")


def test_disk_full_is_a_store_error_and_leaves_no_file(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    blobs = BlobStore(tmp_path, KEY)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(blobs_module.os, "fsync", full)
    with pytest.raises(StoreError, match="full"):
        blobs.put_bytes(b"a page")
    monkeypatch.undo()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_sweep_removes_only_old_unreferenced_files(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path, KEY)
    kept, _ = blobs.put_bytes(b"referenced")
    orphan, _ = blobs.put_bytes(b"orphan")
    young, _ = blobs.put_bytes(b"young orphan")
    stale = blobs.path_of(kept).with_name(f"{kept}.x.part")
    stale.write_bytes(b"half-written")
    old = 1_000_000.0
    for path in (blobs.path_of(kept), blobs.path_of(orphan), stale):
        os.utime(path, (old, old))
    removed = blobs.sweep_orphans({kept}, grace_s=3600, now=old + 7200)
    assert removed == sorted([orphan, stale.name])
    assert blobs.exists(kept) and blobs.exists(young) and not blobs.exists(orphan)


def test_sweep_keeps_pages_of_received_dossiers(store, tmp_path: Path) -> None:  # noqa: F811
    from app.reception.service import confirm_reception
    from tests.app.reception_support import MONDAY_9, birth_request

    confirm_reception(store, birth_request(store, tmp_path), now=MONDAY_9)
    orphan, _ = store.blobs.put_bytes(b"left by a reception that rolled back")
    with store.read_session() as session:
        referenced = referenced_addresses(session)
    assert len(referenced) == 2 and orphan not in referenced
    removed = store.blobs.sweep_orphans(referenced, grace_s=0, now=time.time() + 1)
    assert removed == [orphan] and sorted(store.blobs.addresses()) == sorted(referenced)


def test_store_exposes_its_blobs_with_a_derived_key(store) -> None:  # noqa: F811
    sha, _ = store.blobs.put_bytes(b"via the store")
    assert store.blobs.get(sha) == b"via the store"
    assert store.blobs.root == store.paths.blobs
    assert blob_key(store._key) != store._key  # the data key itself never encrypts pages


def test_sweep_keeps_pages_named_by_a_draft_and_refreshes_reused_pages(store, tmp_path: Path) -> None:  # noqa: F811
    from app.reception.drafts import save_draft
    from app.reception.model import PageInput
    from app.store.blobs import sweep_unused_pages
    from tests.app.reception_support import birth_request

    captured, _ = store.blobs.put_bytes(b"%PDF- a page captured for a reception in progress")
    abandoned, _ = store.blobs.put_bytes(b"%PDF- an earlier build of that document")
    reused, _ = store.blobs.put_bytes(b"an old orphan attached again today")
    request = birth_request(store, tmp_path)
    request.documents[0].pages = [PageInput(Path(), "application/pdf", blob=captured)]
    request.draft_id = "in-progress"
    with store.session() as session:
        save_draft(session, store.user.id, request)
    old = time.time() - 3 * 24 * 3600
    for sha in (captured, abandoned, reused):
        os.utime(store.blobs.path_of(sha), (old, old))
    store.blobs.put_bytes(b"an old orphan attached again today")  # made young again by the reuse
    assert sweep_unused_pages(store) == [abandoned]
    assert store.blobs.exists(captured) and store.blobs.exists(reused) and not store.blobs.exists(abandoned)
