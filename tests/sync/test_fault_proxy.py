"""Hundreds of receptions with scans synced through a chaotic link: exactly once at the end.

A portal runs in a child process; the desk reaches it only through the FaultProxy in chaos mode
(refused connections, resets mid-request and mid-response, truncated answers, 503 with
Retry-After, slow connections), drawn per connection from a seeded schedule. Sync passes run
between receptions with `now` moved past any backoff, then until the queue drains. The portal
changes some statuses meanwhile, which must come back to the desk through the same link.

Smaller tests below check each fault on its own, and that an answer cut inside its header block
or a 200 without its JSON never marks an undelivered dossier `sent`.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.store.models import OutboxItem
from portal.admin import create_enrolment_token, list_dossiers, set_status
from portal.db import dispose
from sync import state
from sync.client import LinkDown, PortalClient
from sync.engine import SyncReport, sync_once
from sync.enrolment import enrol
from tests.app.reception_support import open_copy, template
from tests.sync.exactly_once import check_exactly_once
from tests.portal.support import portal_process
from tests.sync.proxy import ChaosSchedule, Fault, FaultProxy
from tests.sync.support import later, receive

RECEPTIONS = 300
SYNC_EVERY = 4
SEED = 20261124
# Per-connection odds; "none" is kept high enough that passes make progress between faults.
WEIGHTS = {"none": 0.26, "delay": 0.10, "refuse": 0.10, "reset_request": 0.13, "reset_response": 0.12,
           "truncate": 0.12, "busy": 0.17}
STATUS_CHANGES = 6
MAX_DRAIN_PASSES = 400


class Clock:
    """`now` for each pass: 20 minutes apart, past the backoff cap and any Retry-After we send."""

    def __init__(self) -> None:
        self.moment = later(0)
        self.passes = 0

    def tick(self):  # type: ignore[no-untyped-def]
        self.passes += 1
        self.moment += timedelta(minutes=20)
        return self.moment


def drained(store, report: SyncReport) -> bool:  # type: ignore[no-untyped-def]
    """Everything sent, and a whole pass (push, pull, blocks) went through without a problem."""
    return store.outbox_stats().waiting == 0 and report.online and not report.errors


def test_300_receptions_through_a_chaotic_link_arrive_exactly_once(tmp_path: Path) -> None:
    db_url, blobs = f"sqlite:///{tmp_path / 'portal.db'}", tmp_path / "portal-blobs"
    store = open_copy(template(), tmp_path / "desk")
    clock = Clock()
    changed: dict[str, str] = {}
    try:
        with portal_process(db_url, blobs, tmp_path / "portal.log") as portal, \
                FaultProxy(int(portal.url.rsplit(":", 1)[1])) as proxy:
            enrol(store, proxy.url, create_enrolment_token(db_url, store.unit.code))
            proxy.chaos(ChaosSchedule(SEED, WEIGHTS))
            for i in range(RECEPTIONS):
                receive(store, tmp_path / "scans", name=f"r{i}")
                if i % SYNC_EVERY == SYNC_EVERY - 1:
                    sync_once(store, now=clock.tick())
                if i == RECEPTIONS // 2:
                    # The processing body moves some delivered dossiers on while the desk works.
                    for row in list_dossiers(db_url)[:STATUS_CHANGES]:
                        set_status(db_url, row["code"], "DANG_XU_LY", "Chuyển bộ phận chuyên môn")
                        changed[row["dossier_id"]] = "DANG_XU_LY"
            report = sync_once(store, now=clock.tick())
            while not drained(store, report) and clock.passes < MAX_DRAIN_PASSES:
                report = sync_once(store, now=clock.tick())
            counts = dict(proxy.counts)
        assert drained(store, report), (clock.passes, report, store.outbox_stats())
        result = check_exactly_once([store], db_url, blobs)
        assert result.dossiers == RECEPTIONS
        assert len(changed) == STATUS_CHANGES
        assert result.events == STATUS_CHANGES  # one portal event per change, each on the desk once
    finally:
        store.close()
        dispose(db_url)
    # The test means something only if every kind of fault actually happened, several times.
    for kind in ("delay", "refuse", "reset_request", "reset_response", "truncate", "busy"):
        assert counts.get(kind, 0) >= 3, (kind, counts)
    print(f"\nchaos link: {RECEPTIONS} receptions, {clock.passes} passes, faults {counts}")


# -- each fault on its own, against a portal in this process ---------------------------------------

@pytest.mark.parametrize("fault", [Fault("refuse"), Fault("reset_request", 10), Fault("reset_response", 10),
                                   Fault("truncate", 2000)], ids=lambda f: f.kind)
def test_a_broken_connection_is_a_link_failure(proxy: FaultProxy, fault: Fault) -> None:
    proxy.inject(fault)
    with PortalClient(proxy.url) as client, pytest.raises(LinkDown):
        client.request("GET", "/openapi.json")  # a long answer: the truncation lands in its body
    assert proxy.counts == {fault.kind: 1}


def test_busy_answers_503_with_retry_after_without_reaching_the_portal(proxy: FaultProxy) -> None:
    proxy.inject(Fault("busy", after=1, retry_after=7))
    with PortalClient(proxy.url) as client:
        assert client.limits().ok
        reached = proxy.bytes_up
        reply = client.limits()
        assert (reply.status, reply.code, reply.retry_after) == (503, "busy", 7.0)
        assert proxy.bytes_up == reached  # the second request never went upstream
        assert client.limits().ok  # a new connection, without a fault
    assert proxy.counts == {"busy": 1}


def test_a_slow_connection_still_answers(proxy: FaultProxy) -> None:
    proxy.inject(Fault("delay", latency_s=0.02))
    with PortalClient(proxy.url) as client:
        assert client.limits().ok
    assert proxy.counts == {"delay": 1}


def test_chaos_schedule_is_replayable() -> None:
    schedules = [ChaosSchedule(7, WEIGHTS), ChaosSchedule(7, WEIGHTS)]
    draws = [[schedule.draw() for _ in range(80)] for schedule in schedules]
    assert draws[0] == draws[1]
    assert {f.kind for f in draws[0]} == set(WEIGHTS)


def test_an_answer_cut_in_its_header_block_is_a_link_failure(proxy: FaultProxy) -> None:
    """"HTTP/1.1 200 OK", a date line, then the connection closes: not an answer to act on."""
    proxy.truncate_response_to(b"/v1/limits", 60)
    with PortalClient(proxy.url) as client, pytest.raises(LinkDown):
        client.limits()


def test_a_scan_answer_cut_in_its_headers_never_marks_the_dossier_sent(enrolled, proxy, portal_db,
                                                                       tmp_path) -> None:
    receive(enrolled, tmp_path)
    proxy.truncate_response_to(b"/offset", 60)  # the portal's "how much of this scan do you hold?"
    sync_once(enrolled, reserve=False, pull=False)
    with enrolled.read_session() as session:
        states = list(session.scalars(select(OutboxItem.state)))
    assert states == ["pending"] and list_dossiers(portal_db) == [], "marked sent, never delivered"
    assert sync_once(enrolled, now=later(), reserve=False, pull=False).sent == 1
    check_exactly_once([enrolled], portal_db, Path(tmp_path) / "portal-blobs")


def test_an_ok_answer_without_its_json_never_marks_the_dossier_sent(enrolled, tmp_path) -> None:
    """Something between desk and portal (a misconfigured reverse proxy, a login page) answers
    "200 OK" with HTML to the scan offset query: that is no acknowledgement of the dossier."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    receive(enrolled, tmp_path)

    class Meddler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body, kind = b"<html>Dang nhap</html>", "text/html"
            if self.path.startswith("/v1/limits"):
                body, kind = b'{"protocol":1,"max_chunk_bytes":65536}', "application/json"
            elif self.path.startswith("/v1/blobs/missing"):
                with enrolled.read_session() as session:
                    row = session.scalar(select(OutboxItem))
                hashes = [p["sha256"] for d in row.payload["documents"] for p in d["pages"]]
                body, kind = json.dumps({"missing": hashes}).encode(), "application/json"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_PATCH = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Meddler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with enrolled.session() as session:
            state.put(session, state.PORTAL_URL, f"http://127.0.0.1:{server.server_port}")
        sync_once(enrolled, reserve=False, pull=False)
    finally:
        server.shutdown()
    with enrolled.read_session() as session:
        assert session.scalar(select(OutboxItem.state)) == "pending", "marked sent, never delivered"
