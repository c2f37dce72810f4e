"""The sync engine against a real portal on loopback: delivery, faults, classification, feed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.store.models import Dossier, OutboxItem, StatusEvent
from portal.admin import create_enrolment_token, list_dossiers, revoke_device, set_status
from sync import state
from sync.engine import sync_once
from sync.enrolment import enrol
from sync.status import outbox_entries, requeue, sync_status
from tests.sync.support import later, receive


def outbox_states(store) -> list[str]:  # type: ignore[no-untyped-def]
    with store.read_session() as session:
        return list(session.scalars(select(OutboxItem.state).order_by(OutboxItem.seq)))


def test_enrol_stores_credentials_and_token_is_single_use(desk, portal, proxy, portal_db, tmp_path) -> None:
    from app.errors import AuthError
    from sync.client import PortalUnreachable
    from tests.app.reception_support import open_copy, template

    token = create_enrolment_token(portal_db, desk.unit.code)
    # The answer is lost: the same token works again (same secret sent), giving the same device.
    proxy.drop_response_to(b"POST /v1/enrol")
    with pytest.raises(PortalUnreachable):
        enrol(desk, proxy.url, token)
    result = enrol(desk, proxy.url, token)
    assert desk.get_setting(state.DEVICE_ID) == result.device_id
    assert desk.get_setting("codes.device_slot") == result.device_slot
    assert len(desk.get_setting(state.DEVICE_SECRET)) >= 43
    with pytest.raises(AuthError, match="token"):
        enrol(desk, portal.url, token)
    other = open_copy(template(), tmp_path / "other")
    try:
        with pytest.raises(AuthError, match="token"):
            enrol(other, portal.url, token)
    finally:
        other.close()


def test_plain_http_is_refused_for_a_remote_host(desk) -> None:
    from app.errors import InputError

    with pytest.raises(InputError, match="plain HTTP"):
        enrol(desk, "http://portal.example.vn", "x")


def test_reception_syncs_once_and_portal_holds_it_once(enrolled, portal_db, tmp_path) -> None:
    result = receive(enrolled, tmp_path)
    report = sync_once(enrolled)
    assert report.online and report.sent == 1 and report.blobs_uploaded == 2, report
    again = sync_once(enrolled)
    assert again.sent == 0 and again.blobs_uploaded == 0
    held = [d for d in list_dossiers(portal_db) if d["dossier_id"] == result.dossier_id]
    assert len(held) == 1 and held[0]["code"] == result.code
    assert held[0]["acting_user"] == "admin"
    assert outbox_states(enrolled) == ["sent"]
    assert report.blocks_reserved, "number blocks are reserved while online"


def test_lost_response_then_retry_gives_one_dossier(enrolled, proxy, portal_db, tmp_path) -> None:
    receive(enrolled, tmp_path)
    proxy.drop_response_to(b"PUT /v1/dossiers/")
    first = sync_once(enrolled, reserve=False)
    assert first.sent == 0 and not first.online
    with enrolled.read_session() as session:
        row = session.scalar(select(OutboxItem))
        assert row.state == "pending" and row.attempts == 1 and row.next_attempt_at is not None
    assert len(list_dossiers(portal_db)) == 1  # the portal did commit it
    second = sync_once(enrolled, now=later(), reserve=False)
    assert second.sent == 1
    assert len(list_dossiers(portal_db)) == 1
    assert outbox_states(enrolled) == ["sent"]


def test_backoff_is_honoured_until_due(enrolled, proxy, tmp_path) -> None:
    receive(enrolled, tmp_path)
    t0 = later(0)
    proxy.drop_response_to(b"PUT /v1/dossiers/")
    assert sync_once(enrolled, now=t0, reserve=False).sent == 0
    assert sync_once(enrolled, now=t0, reserve=False).sent == 0  # its backoff has not elapsed
    assert sync_once(enrolled, now=t0, reserve=False, ignore_backoff=True).sent == 1  # link-up wake


def test_validation_refusal_quarantines_only_that_dossier(enrolled, tmp_path) -> None:
    bad = receive(enrolled, tmp_path, name="a")
    good = receive(enrolled, tmp_path, name="b")
    with enrolled.session() as session:
        row = session.scalar(select(OutboxItem).where(OutboxItem.dossier_id == bad.dossier_id))
        row.payload = {**row.payload, "applicant": {**row.payload["applicant"], "full_name": ""}}
    report = sync_once(enrolled, reserve=False)
    assert report.sent == 1 and report.quarantined == 1
    entries = {e.dossier_id: e for e in outbox_entries(enrolled, states=("pending", "quarantined", "sent"))}
    assert entries[good.dossier_id].state == "sent"
    quarantined = entries[bad.dossier_id]
    assert quarantined.state == "quarantined"
    assert "applicant.full_name" in quarantined.last_error and "—" in quarantined.last_error  # verbatim vi — en
    assert sync_status(enrolled).quarantined == 1
    # Retry now puts it back; still refused, still quarantined, the good one untouched.
    requeue(enrolled, quarantined.id)
    assert sync_once(enrolled, reserve=False).quarantined == 1


def test_retry_after_is_honoured(enrolled, tmp_path) -> None:
    """A portal (or a proxy in front of it) answering 503 + Retry-After: 120 for the dossier."""
    receive(enrolled, tmp_path)
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Busy(BaseHTTPRequestHandler):
        def _busy(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = (b'{"error":{"code":"busy","message":"C\xe1\xbb\x95ng \xc4\x91ang b\xe1\xba\xadn '
                    b'\xe2\x80\x94 busy"}}')
            if self.path.startswith("/v1/limits"):
                body = b'{"protocol":1,"max_chunk_bytes":65536}'
                self.send_response(200)
            elif self.path.startswith("/v1/blobs/missing"):
                body = b'{"missing":[]}'
                self.send_response(200)
            else:
                self.send_response(503)
                self.send_header("Retry-After", "120")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_PATCH = _busy

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Busy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with enrolled.session() as session:
            state.put(session, state.PORTAL_URL, f"http://127.0.0.1:{server.server_port}")
        before = later(0)
        report = sync_once(enrolled, reserve=False, pull=False)
    finally:
        server.shutdown()
    assert report.sent == 0
    with enrolled.read_session() as session:
        row = session.scalar(select(OutboxItem))
    assert row.state == "pending" and row.attempts == 1 and "busy" in row.last_error
    assert (row.next_attempt_at - before).total_seconds() >= 119


def test_resume_of_a_cut_upload_resends_at_most_one_chunk(enrolled, proxy, portal_db, tmp_path) -> None:
    from tests.sync.conftest import CHUNK

    size = 1_000_000
    receive(enrolled, tmp_path, big_page=size)
    proxy.cut_upstream_after(size // 2)
    first = sync_once(enrolled, reserve=False, pull=False)
    assert first.sent == 0 and not first.online
    second = sync_once(enrolled, now=later(), reserve=False, pull=False)
    assert second.sent == 1
    sent_total = first.bytes_uploaded + second.bytes_uploaded
    small_page = sum(d["size"] for doc in list_dossiers(portal_db)[0]["dossier"]["documents"]
                     for d in doc["pages"]) - size
    assert sent_total <= size + small_page + CHUNK, (first, second)


def test_status_change_at_portal_comes_back_once(enrolled, portal_db, tmp_path) -> None:
    result = receive(enrolled, tmp_path)
    sync_once(enrolled, reserve=False)
    set_status(portal_db, result.code, "DANG_XU_LY", "Chuyển phòng Tư pháp")
    report = sync_once(enrolled, reserve=False)
    assert report.status_changes == [{"code": result.code, "status": "DANG_XU_LY"}]
    with enrolled.read_session() as session:
        assert session.get(Dossier, result.dossier_id).status == "DANG_XU_LY"
        events = session.scalars(select(StatusEvent).where(StatusEvent.dossier_id == result.dossier_id)).all()
    assert [e.status for e in events].count("DANG_XU_LY") == 1
    # Applying the same page again (cursor rewound) changes nothing.
    with enrolled.session() as session:
        state.put(session, state.CURSOR, 0)
    again = sync_once(enrolled, reserve=False)
    assert again.status_changes == []
    with enrolled.read_session() as session:
        count = len(session.scalars(select(StatusEvent).where(StatusEvent.dossier_id == result.dossier_id)).all())
    assert count == len(events)


def test_holidays_from_the_feed(enrolled, portal_db) -> None:
    from datetime import date

    from app.store.models import Holiday
    from portal.admin import publish_holidays

    publish_holidays(portal_db, 2027, [{"day": "2027-03-03", "name": "Ngày nghỉ của tỉnh"}])
    sync_once(enrolled, reserve=False)
    sync_once(enrolled, reserve=False)
    with enrolled.read_session() as session:
        row = session.get(Holiday, date(2027, 3, 3))
    assert row is not None and row.name == "Ngày nghỉ của tỉnh" and row.kind == "non_working"


def test_auth_failure_stops_and_is_reported(enrolled, portal_db, tmp_path) -> None:
    receive(enrolled, tmp_path)
    revoke_device(portal_db, enrolled.get_setting(state.DEVICE_ID))
    report = sync_once(enrolled)
    assert report.auth_failed and report.sent == 0
    assert outbox_states(enrolled) == ["pending"]
    status = sync_status(enrolled)
    assert status.auth_failed == report.auth_failed
    with enrolled.read_session() as session:
        assert session.scalar(select(OutboxItem)).attempts == 0  # not the item's fault


def test_metered_link_sends_metadata_only(enrolled, portal_db, tmp_path) -> None:
    from sync.status import set_metered

    receive(enrolled, tmp_path)
    set_metered(enrolled, True)
    report = sync_once(enrolled, reserve=False)
    assert report.sent == 0 and report.held_metered == 1 and report.bytes_uploaded == 0
    set_metered(enrolled, False)
    assert sync_once(enrolled, reserve=False).sent == 1
