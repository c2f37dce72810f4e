"""The reference portal in a child process on a free loopback port, for tests and benchmarks.

The child's stderr goes to a log file, never to a pipe nobody reads: every request a fault cuts
mid-body makes uvicorn log a traceback, and a full 64 kB pipe would block the portal's event
loop on a write, hanging it. `limits` are `create_app` keyword arguments (chunk and blob sizes).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
START_POLLS = 600  # × 0.05 s: a cold start on a loaded 2-core machine takes a few seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class PortalChild:
    db_url: str
    url: str
    port: int
    proc: subprocess.Popen[bytes]

    @property
    def pid(self) -> int:
        return self.proc.pid


def _code(db_url: str, blobs: Path, port: int, limits: dict[str, int]) -> str:
    if not limits:
        return f"from portal.server import serve; serve({db_url!r}, {str(blobs)!r}, '127.0.0.1', {port})"
    return ("import uvicorn; from portal.server import create_app; "
            f"uvicorn.run(create_app({db_url!r}, {str(blobs)!r}, **{limits!r}), "
            f"host='127.0.0.1', port={port}, log_level='warning')")


@contextmanager
def portal_child(db_url: str, blobs: Path, log: Path, **limits: int) -> Iterator[PortalChild]:
    """A portal serving `db_url` and `blobs`, ready when this yields, stopped when it ends."""
    port = free_port()
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as errors:
        proc = subprocess.Popen([sys.executable, "-c", _code(db_url, blobs, port, limits)], cwd=ROOT,
                                stderr=errors)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(START_POLLS):
            try:
                httpx.get(f"{url}/v1/limits", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None:
                    raise RuntimeError(f"the portal exited: {log.read_text(errors='replace')}") from None
                threading.Event().wait(0.05)  # polling for the child's listening socket
        yield PortalChild(db_url, url, port, proc)
    finally:
        if proc.poll() is None:
            proc.terminate()
        proc.wait(10)
