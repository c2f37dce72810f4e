"""kill -9 of the portal in the middle of an ingest: nothing half-made is visible, and after a
restart the same requests (same keys) converge to exactly the dossiers and blobs sent."""

from __future__ import annotations

import hashlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from app.ids import new_id
from portal.admin import create_enrolment_token, list_dossiers
from tests.portal.support import Desk, dossier_body, enrol, portal_process, sha

DOSSIERS = 40
CHUNK = 64 * 1024


class Ingest:
    """Desk threads that retry each dossier (same keys) until the portal has answered it."""

    def __init__(self, enrolment: dict, url: str) -> None:
        self.enrolment, self.url = enrolment, url
        self.done = 0
        self.progress = threading.Condition()
        self.restarted = threading.Event()
        self.items = []
        for _ in range(DOSSIERS):
            scan = os.urandom(3 * CHUNK + 100)
            dossier_id, body = dossier_body(hashes=[sha(scan)])
            self.items.append((scan, dossier_id, body, new_id()))

    def _attempt(self, desk: Desk, scan: bytes, dossier_id: str, body: dict, key: str) -> bool:
        if desk.missing([sha(scan)]):
            upload = desk.upload(scan, CHUNK)
            if upload.status_code >= 300:
                return False
        return desk.put_dossier(dossier_id, body, key).status_code == 201

    def deliver(self, index: int) -> None:
        desk = Desk(self.url, self.enrolment)
        try:
            while True:
                try:
                    if self._attempt(desk, *self.items[index]):
                        break
                except httpx.TransportError:
                    pass
                self.restarted.wait(30)  # the portal is down: wait for it to be back
                desk.http.base_url = httpx.URL(self.url)
        finally:
            desk.close()
        with self.progress:
            self.done += 1
            self.progress.notify_all()


def test_kill_9_during_ingest_converges_after_restart(db_url: str, blobs_dir: Path) -> None:
    with portal_process(db_url, blobs_dir) as first:
        enrolment = enrol(first.url, create_enrolment_token(db_url, "000.00.06.H56")).json()
        ingest = Ingest(enrolment, first.url)
        pool = ThreadPoolExecutor(4)
        futures = [pool.submit(ingest.deliver, i) for i in range(DOSSIERS)]
        with ingest.progress:
            ingest.progress.wait_for(lambda: ingest.done >= DOSSIERS // 4, timeout=60)
        first.proc.kill()
        first.proc.wait()
    # What a kill -9 leaves behind: only whole dossiers, each with verified blobs on disk.
    for row in list_dossiers(db_url):
        for page in row["dossier"]["documents"][0]["pages"]:
            path = blobs_dir / page["sha256"][:2] / page["sha256"]
            assert hashlib.sha256(path.read_bytes()).hexdigest() == page["sha256"]
    with portal_process(db_url, blobs_dir) as second:
        ingest.url = second.url
        ingest.restarted.set()
        for future in futures:
            future.result(timeout=120)
        pool.shutdown()
    rows = list_dossiers(db_url)
    assert sorted(r["dossier_id"] for r in rows) == sorted(item[1] for item in ingest.items)
    for scan, *_ in ingest.items:
        assert (blobs_dir / sha(scan)[:2] / sha(scan)).read_bytes() == scan
