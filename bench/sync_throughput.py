"""sync_throughput: dossiers/s from a fresh desk to the reference portal on loopback.

A desk store is filled with N receptions (default 1,000) made by `confirm_reception`, each with
3 scanned pages of ~50 kB of incompressible bytes; the portal runs in its own process (SQLite,
blobs in a folder). Timed: one `sync_once` that uploads every scan and every dossier. The desk
talks through the counting TCP proxy of tests/sync/proxy.py, which also gives `sync_efficiency`
(bytes on the wire both ways / payload bytes).

    python -m bench.sync_throughput [--dossiers 1000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("MOTCUA_KDF_PROFILE", "test")  # sign-in cost is not what is measured

import requests  # noqa: E402

from bench._common import report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGE_BYTES = 50_000


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def portal_process(folder: Path, **limits: int) -> Iterator[tuple[str, str, int]]:
    """(db_url, base url, port) of a portal serving in a child process."""
    folder.mkdir(parents=True, exist_ok=True)
    db_url = f"sqlite:///{folder / 'portal.db'}"
    port = free_port()
    code = (f"from portal.server import serve; serve({db_url!r}, {str(folder / 'blobs')!r}, "
            f"'127.0.0.1', {port})")
    if limits:
        code = ("import uvicorn; from portal.server import create_app; "
                f"uvicorn.run(create_app({db_url!r}, {str(folder / 'blobs')!r}, **{limits!r}), "
                f"host='127.0.0.1', port={port}, log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                requests.get(f"{url}/v1/limits", timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.05)  # waiting for the child's listening socket
        yield db_url, url, port
    finally:
        proc.terminate()
        proc.wait(10)


def fill_desk(folder: Path, count: int, pages: int = 3) -> Any:
    """A new desk store with `count` confirmed receptions of `pages` random pages each."""
    from app.reception.model import PageInput
    from app.reception.service import confirm_reception
    from tests.app.reception_support import birth_request, build_template, open_copy

    template = build_template(folder / "template")
    store = open_copy(template, folder / "desk")
    scans = folder / "scans"
    scans.mkdir()
    for i in range(count):
        request = birth_request(store, scans / "base")
        files = []
        for j in range(pages):
            path = scans / f"{i}-{j}.pdf"
            path.write_bytes(os.urandom(PAGE_BYTES))
            files.append(PageInput(path, "application/pdf"))
        request.documents[0].pages = files[:-1]
        request.documents[1].pages = files[-1:]
        confirm_reception(store, request)
        for page in files:
            page.path.unlink()
    return store


def payload_bytes(store: Any) -> int:
    """Scan bytes plus the canonical JSON of every dossier: what must cross the link at least."""
    import json

    from sqlalchemy import select

    from app.store.models import OutboxItem, Page

    with store.read_session() as session:
        scans = sum(session.scalars(select(Page.size)))
        meta = sum(len(json.dumps({"version": 1, "dossier": p}, ensure_ascii=False,
                                  separators=(",", ":")).encode()) for p in
                   session.scalars(select(OutboxItem.payload)))
    return scans + meta


def run(count: int) -> dict[str, Any]:
    from portal.admin import create_enrolment_token, list_dossiers
    from sync.engine import sync_once
    from sync.enrolment import enrol
    from tests.sync.proxy import FaultProxy

    with tempfile.TemporaryDirectory(prefix="motcua-sync-bench-") as tmp:
        folder = Path(tmp)
        store = fill_desk(folder, count)
        payload = payload_bytes(store)
        with portal_process(folder / "portal") as (db_url, _url, port), FaultProxy(port) as proxy:
            enrol(store, proxy.url, create_enrolment_token(db_url, store.unit.code))
            proxy.bytes_up = proxy.bytes_down = 0
            start = time.perf_counter()
            result = sync_once(store, pull=False, reserve=False)
            elapsed = time.perf_counter() - start
            held = len(list_dossiers(db_url))
        store.close()
    assert result.sent == count and held == count, (result, held)
    return {"seconds": elapsed, "dossiers_per_s": count / elapsed, "payload_bytes": payload,
            "wire_bytes": proxy.bytes_up + proxy.bytes_down, "bytes_up": proxy.bytes_up,
            "bytes_down": proxy.bytes_down}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dossiers", type=int, default=1000)
    args = parser.parse_args()
    figures = run(args.dossiers)
    report("sync_throughput", unit="dossiers/s", samples=[figures["dossiers_per_s"]], target=None,
           lower_is_better=False, dossiers=args.dossiers, pages_per_dossier=3, page_bytes=PAGE_BYTES,
           seconds=round(figures["seconds"], 2))


if __name__ == "__main__":
    main()
