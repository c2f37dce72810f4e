"""Resumable, content-addressed blob uploads."""

from __future__ import annotations

import os
import socket
from urllib.parse import urlparse

from tests.portal.support import Desk, sha

CHUNK = 64 * 1024


def test_upload_cut_at_half_resumes_from_the_acknowledged_offset(desk: Desk, blobs_dir) -> None:
    data = os.urandom(10 * CHUNK + 123)
    name = sha(data)
    half = len(data) // 2
    offset = 0
    while offset + CHUNK <= half:  # the link drops after about 50 %
        response = desk.send_chunk(name, data[offset:offset + CHUNK], offset, len(data))
        assert response.status_code == 204
        offset = int(response.headers["Upload-Offset"])
    assert desk.offset(name) == offset == 5 * CHUNK
    assert desk.http.get(f"/v1/blobs/{name}/offset").json() == {
        "sha256": name, "offset": offset, "length": len(data), "complete": False}
    assert desk.missing([name]) == [name]
    # A stale chunk (already acknowledged) is refused with the offset to resume from.
    stale = desk.send_chunk(name, data[:CHUNK], 0, len(data))
    assert stale.status_code == 409 and stale.json()["error"]["details"]["offset"] == offset
    sent: list[int] = []
    original = desk.send_chunk
    desk.send_chunk = lambda *a, **k: sent.append(a[2]) or original(*a, **k)  # type: ignore[method-assign]
    final = desk.upload(data, CHUNK)
    assert final.status_code == 201 and final.headers["Upload-Complete"] == "?1"
    assert sent[0] == 5 * CHUNK and len(sent) == 6  # nothing before the acknowledged offset re-sent
    assert (blobs_dir / name[:2] / name).read_bytes() == data
    assert desk.missing([name]) == []
    assert desk.upload(data).status_code == 201  # already there: answered at once


def test_hash_mismatch_discards_the_upload(desk: Desk, blobs_dir) -> None:
    data = os.urandom(3 * CHUNK)
    wrong_name = sha(b"something else")
    response = desk.upload(data, CHUNK, name=wrong_name)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "hash_mismatch"
    assert desk.offset(wrong_name) == 0
    assert desk.missing([wrong_name]) == [wrong_name]
    assert not (blobs_dir / wrong_name[:2] / wrong_name).exists()
    assert not (blobs_dir / "partial" / wrong_name).exists()


def test_oversized_blob_is_refused_before_any_byte_is_sent(desk: Desk, portal) -> None:
    # Headers only, over a raw socket: the answer must come without the body ever being sent.
    name = sha(b"big")
    url = urlparse(portal.url)
    request = (f"PATCH /v1/blobs/{name} HTTP/1.1\r\nHost: {url.hostname}\r\n"
               f"Authorization: Bearer {desk.secret}\r\nX-Acting-User: lan\r\n"
               f"Upload-Offset: 0\r\nUpload-Length: 5000000\r\nContent-Length: 60000\r\n"
               "Content-Type: application/offset+octet-stream\r\n\r\n")
    with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
        sock.sendall(request.encode())
        reply = ""
        while '"too_large"' not in reply and (data := sock.recv(65536)):
            reply += data.decode(errors="replace")
    assert reply.startswith("HTTP/1.1 413")
    assert '"too_large"' in reply
    too_big_chunk = desk.send_chunk(name, b"x" * (CHUNK + 1), 0, 100_000)
    assert too_big_chunk.status_code == 413
    assert desk.offset(name) == 0


def test_missing_checks_its_input(desk: Desk) -> None:
    response = desk.http.post("/v1/blobs/missing", json={"hashes": ["xyz"]})
    assert response.status_code == 422 and response.json()["error"]["field"] == "hashes[0]"


def test_upload_state_recovers_from_a_crash_and_a_lost_partial(desk: Desk, db_url, blobs_dir) -> None:
    from sqlalchemy import update

    from portal.db import get_engine, write_session
    from portal.models import Blob

    data = os.urandom(2 * CHUNK)
    name = sha(data)
    assert desk.send_chunk(name, data[:CHUNK], 0, len(data)).status_code == 204
    assert desk.send_chunk(name, data[CHUNK:], CHUNK, len(data)).status_code == 201
    # As if the portal died after moving the file in place but before its commit.
    with write_session(get_engine(db_url)) as session:
        session.execute(update(Blob).where(Blob.sha256 == name).values(complete=False, offset=CHUNK))
    retry = desk.send_chunk(name, data[CHUNK:], CHUNK, len(data))
    assert retry.status_code == 201 and desk.missing([name]) == []
    # A partial file that vanished (folder tidied by hand) restarts the upload from 0, not from garbage.
    other = os.urandom(2 * CHUNK)
    assert desk.send_chunk(sha(other), other[:CHUNK], 0, len(other)).status_code == 204
    (blobs_dir / "partial" / sha(other)).unlink()
    resumed = desk.send_chunk(sha(other), other[CHUNK:], CHUNK, len(other))
    assert resumed.status_code == 409 and resumed.json()["error"]["details"]["offset"] == 0
    assert desk.upload(other, CHUNK).status_code == 201
    assert (blobs_dir / sha(other)[:2] / sha(other)).read_bytes() == other
