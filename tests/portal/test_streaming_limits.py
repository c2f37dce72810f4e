"""Bodies are cut at their route's limit while they stream: a desk (or anyone holding a device
secret) offering 512 MiB in a chunked body cannot make the portal process hold it.

The portal runs in a child process (testing/portal_child.py) so its resident memory can be read from
/proc/<pid>/status before and after.
"""

from __future__ import annotations

import select
import socket
from pathlib import Path
from urllib.parse import urlparse

import pytest

from testing.portal_child import portal_child
from tests.portal.support import Desk, enrol_desk, sha

OFFERED = 512 * 1024 * 1024
PIECE = 1024 * 1024
MAX_GROWTH = 50 * 1024 * 1024

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc/<pid>/status")


def resident_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS line")


def offer_chunked(url: str, head: str, pid: int, baseline: int) -> tuple[str, int]:
    """Send `head` then up to OFFERED bytes as chunks, stopping when the portal answers, closes,
    or has grown past MAX_GROWTH (which fails the test without waiting for a gigabyte);
    returns (the answer, the largest growth seen)."""
    where = urlparse(url)
    piece = f"{PIECE:x}\r\n".encode() + b"x" * PIECE + b"\r\n"
    growth = 0
    with socket.create_connection((where.hostname, where.port), timeout=30) as sock:
        sock.sendall(head.encode("latin-1"))
        for _ in range(OFFERED // PIECE):
            if select.select([sock], [], [], 0)[0]:
                break  # the portal has answered
            try:
                sock.sendall(piece)
            except OSError:
                break  # it closed the connection
            growth = max(growth, resident_bytes(pid) - baseline)
            if growth > MAX_GROWTH:
                break
        sock.settimeout(30)
        answer = b""
        try:
            while b"\r\n\r\n" not in answer and (data := sock.recv(65536)):
                answer += data
        except OSError:
            pass
    return answer.decode("latin-1"), max(growth, resident_bytes(pid) - baseline)


def _headers(desk: Desk, request_line: str, url: str, **extra: str) -> str:
    lines = [request_line, f"Host: {urlparse(url).netloc}", f"Authorization: Bearer {desk.secret}",
             "X-Acting-User: lan", "Transfer-Encoding: chunked", *(f"{k}: {v}" for k, v in extra.items())]
    return "\r\n".join(lines) + "\r\n\r\n"


@pytest.fixture
def child(sqlite_url: str, blobs_dir: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with portal_child(sqlite_url, blobs_dir, tmp_path / "portal.log") as running:
        yield running


def test_a_chunked_blob_upload_with_a_small_content_length_is_refused_unread(child, sqlite_url) -> None:
    with enrol_desk(child.url, sqlite_url, "000.00.06.H56") as desk:
        desk.upload(b"warm up the upload path")
        baseline = resident_bytes(child.pid)
        head = _headers(desk, f"PATCH /v1/blobs/{sha(b'never sent')} HTTP/1.1", child.url,
                        **{"Upload-Offset": "0", "Upload-Length": "1000", "Content-Length": "1000",
                           "Content-Type": "application/offset+octet-stream"})
        answer, growth = offer_chunked(child.url, head, child.pid, baseline)
        assert growth <= MAX_GROWTH, f"the portal grew by {growth // 2**20} MiB"
        assert answer.startswith("HTTP/1.1 4"), answer[:200]
        assert desk.offset(sha(b"never sent")) == 0


def test_a_chunked_json_body_is_cut_at_max_json_bytes(child, sqlite_url) -> None:
    with enrol_desk(child.url, sqlite_url, "000.00.06.H56") as desk:
        desk.missing([sha(b"warm up")])
        baseline = resident_bytes(child.pid)
        head = _headers(desk, "POST /v1/blobs/missing HTTP/1.1", child.url,
                        **{"Content-Type": "application/json"})
        answer, growth = offer_chunked(child.url, head, child.pid, baseline)
        assert growth <= MAX_GROWTH, f"the portal grew by {growth // 2**20} MiB"
        assert answer.startswith("HTTP/1.1 413"), answer[:200]
