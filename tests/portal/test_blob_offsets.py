"""The missing-scans answer lists where begun uploads stand; a blob sent whole in one chunk."""

from __future__ import annotations

import os

from tests.portal.support import Desk, sha

CHUNK = 64 * 1024


def test_missing_answer_gives_the_offset_of_a_begun_upload(desk: Desk) -> None:
    begun, untouched = os.urandom(3 * CHUNK), os.urandom(100)
    assert desk.send_chunk(sha(begun), begun[:CHUNK], 0, len(begun)).status_code == 204
    body = desk.http.post("/v1/blobs/missing", json={"hashes": [sha(untouched), sha(begun)]}).json()
    assert body == {"missing": [sha(untouched), sha(begun)], "offsets": {sha(begun): CHUNK}}
    # Resuming from that offset completes it; then it is neither missing nor listed.
    offset = CHUNK
    while offset < len(begun):
        response = desk.send_chunk(sha(begun), begun[offset:offset + CHUNK], offset, len(begun))
        offset = int(response.headers["Upload-Offset"])
    body = desk.http.post("/v1/blobs/missing", json={"hashes": [sha(begun)]}).json()
    assert body == {"missing": [], "offsets": {}}


def test_a_blob_sent_whole_is_verified_and_installed(desk: Desk, blobs_dir) -> None:
    data = os.urandom(CHUNK // 2)
    response = desk.send_chunk(sha(data), data, 0, len(data))
    assert response.status_code == 201 and response.headers["Upload-Complete"] == "?1"
    assert (blobs_dir / sha(data)[:2] / sha(data)).read_bytes() == data
    assert desk.missing([sha(data)]) == []
    assert not list((blobs_dir / "partial").iterdir())  # no temp file left behind
    # Sent again (a lost answer): answered as complete, nothing changes.
    assert desk.send_chunk(sha(data), data, 0, len(data)).status_code == 201


def test_a_whole_blob_with_the_wrong_name_is_refused_and_kept_nowhere(desk: Desk, blobs_dir) -> None:
    data, wrong = os.urandom(1000), sha(b"another scan")
    response = desk.send_chunk(wrong, data, 0, len(data))
    assert response.status_code == 422 and response.json()["error"]["code"] == "hash_mismatch"
    assert desk.missing([wrong]) == [wrong]
    assert not (blobs_dir / wrong[:2] / wrong).exists()
    assert not list((blobs_dir / "partial").iterdir())
