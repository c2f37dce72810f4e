"""Confirming a reception: one transaction, idempotent per draft, nothing half-saved on failure."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import event, func, select

from app.errors import StoreError
from app.codes import OFFLINE_RANGES_SETTING
from app.reception.drafts import list_drafts, save_draft
from app.reception.model import ReceptionInvalid
from app.reception.service import confirm_reception, fill_from_known, find_applicant
from app.store import database
from app.store.models import (Applicant, AuditEvent, CodeBlock, Document, Dossier, Draft, OutboxItem,
                              Page, StatusEvent)
from app.store.service import open_store
from tests.app.reception_support import MONDAY_9, PASSWORD, UNIT, birth_request, store  # noqa: F401


def counts(store) -> dict[str, int]:  # noqa: F811
    with store.read_session() as session:
        out = {model.__tablename__: session.scalar(select(func.count()).select_from(model))
               for model in (Applicant, Dossier, Document, Page, StatusEvent, OutboxItem, AuditEvent, Draft)}
        out["next_code"] = session.scalar(select(func.coalesce(func.sum(CodeBlock.next_value), 0)))
    return out


def test_confirm_writes_everything_in_one_go(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path / "pages", draft_id="draft-1")
    with store.session() as session:
        save_draft(session, store.user.id, request)
    result = confirm_reception(store, request, now=MONDAY_9)
    assert result.code == f"{UNIT}-261123-10001" and not result.already_confirmed
    assert (result.received_at, result.due_at) == (MONDAY_9, datetime(2026, 11, 23, 17, 0))
    with store.read_session() as session:
        dossier = session.get(Dossier, result.dossier_id)
        assert (dossier.status, dossier.channel, dossier.draft_id) == ("DA_TIEP_NHAN", "desk", "draft-1")
        assert dossier.received_by == store.user.id and dossier.fee_vnd == 0
        assert dossier.data["procedure"] == {"code": "1.001193", "name": "Đăng ký khai sinh",
                                             "valid_from": "2025-07-01",
                                             "version_hash": dossier.procedure_hash}
        assert dossier.procedure_hash is not None and len(dossier.procedure_hash) == 64
        assert dossier.data["applicant"]["phone"] == "0912345678"  # normalised
        docs = list(session.scalars(select(Document).where(Document.dossier_id == dossier.id)
                                    .order_by(Document.seq)))
        assert [d.received for d in docs] == [True, True, False, False, False]
        assert docs[-1].kind == "present" and not docs[2].required
        pages = list(session.scalars(select(Page).order_by(Page.document_id)))
        events = list(session.scalars(select(StatusEvent).where(StatusEvent.dossier_id == dossier.id)))
        outbox = session.scalar(select(OutboxItem).where(OutboxItem.dossier_id == dossier.id))
        audit = session.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
        assert session.get(Draft, "draft-1") is None
    assert len(pages) == 2 and {p.mime for p in pages} == {"image/png"}
    for page, original in zip(sorted(pages, key=lambda p: p.size),
                              sorted(request.documents[0].pages + request.documents[1].pages,
                                     key=lambda p: p.path.stat().st_size)):
        assert store.blobs.get(page.sha256) == original.path.read_bytes()
    assert [(e.status, e.at, e.by_user) for e in events] == [("DA_TIEP_NHAN", MONDAY_9, "admin")]
    payload = json.loads(json.dumps(outbox.payload))  # JSON-serialisable as stored
    assert outbox.kind == "dossier.create" and outbox.state == "pending"
    assert payload["code"] == result.code and payload["received_by"] == "admin"
    assert payload["procedure"]["valid_from"] == "2025-07-01"
    assert payload["due_at"] == "2026-11-23T17:00:00"
    assert payload["documents"][0]["pages"][0]["sha256"] in {p.sha256 for p in pages}
    assert audit.action == "dossier.received" and audit.details["code"] == result.code
    assert "Nguyễn" not in json.dumps(audit.details, ensure_ascii=False)  # no personal data
    assert store.check().ok


def test_returning_applicant_is_reused_and_updated(store, tmp_path: Path) -> None:  # noqa: F811
    first = birth_request(store, tmp_path)
    confirm_reception(store, first, now=MONDAY_9)
    second = birth_request(store, tmp_path)
    second.applicant = replace(second.applicant, phone="+84 987 654 321", address="", email="")
    later = MONDAY_9.replace(hour=10)
    result = confirm_reception(store, replace(second, received_at=later), now=later)
    assert result.code.endswith("-10002")
    with store.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Applicant)) == 1
        known = find_applicant(session, "0011 9001 2345")
    assert known is not None and known.phone == "0987654321"
    assert known.address == "Số 5, thôn Đông, xã Tân Lập"  # kept: not given the second time
    # A QR scan of the same card keeps what the card says; the store only fills the blanks.
    scanned = replace(known, address="Số 9, thôn Tây", phone="", email="", source="qr")
    merged = fill_from_known(scanned, known)
    assert (merged.address, merged.phone, merged.source) == ("Số 9, thôn Tây", "0987654321", "qr")
    with store.read_session() as session:
        assert find_applicant(session, "079190000000") is None


def test_invalid_request_raises_every_problem_and_writes_nothing(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path)
    request.applicant = replace(request.applicant, full_name="", phone="123")
    request.documents[0].form = "photo"
    before = counts(store)
    with pytest.raises(ReceptionInvalid) as info:
        confirm_reception(store, request, now=MONDAY_9)
    fields = [p.field for p in info.value.problems]
    assert fields == ["applicant.full_name", "applicant.phone", "documents[0].form"]
    assert "documents[0].form: 'photo' is not one of" in str(info.value)
    assert counts(store) == before
    assert store.blobs.addresses() == []  # pages are stored only once the request is valid


def test_same_draft_confirmed_twice_is_one_dossier(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path, draft_id="d-twice")
    first = confirm_reception(store, request, now=MONDAY_9)
    again = confirm_reception(store, request, now=MONDAY_9.replace(hour=11))
    assert again.already_confirmed and (again.dossier_id, again.code) == (first.dossier_id, first.code)
    with store.session() as session:  # a late autosave does not resurrect the draft
        save_draft(session, store.user.id, request)
    with store.read_session() as session:
        assert list_drafts(session) == []
        assert session.scalar(select(func.count()).select_from(Dossier)) == 1


def test_two_desks_confirming_one_draft_at_once_make_one_dossier(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path, draft_id="d-race")
    other = open_store(store.paths, username="admin", password=PASSWORD)  # its own engine and pool
    barrier = threading.Barrier(2)
    results, errors = [], []

    def confirm(desk) -> None:  # type: ignore[no-untyped-def]
        barrier.wait()
        try:
            results.append(confirm_reception(desk, request, now=MONDAY_9))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=confirm, args=(desk,)) for desk in (store, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    other.close()
    assert errors == []
    assert sorted(r.already_confirmed for r in results) == [False, True]
    assert len({r.code for r in results}) == 1
    assert counts(store)["dossiers"] == 1


def test_failure_at_the_last_moment_leaves_nothing(store, tmp_path: Path) -> None:  # noqa: F811
    """The outbox insert fails like a full disk: no dossier, applicant, code, and the draft stays."""
    request = birth_request(store, tmp_path, draft_id="d-full")
    with store.session() as session:
        save_draft(session, store.user.id, request)
    before = counts(store)

    def disk_full(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO outbox"):
            raise sqlcipher3.OperationalError("database or disk is full")

    engine = store._sessions.engine
    event.listen(engine, "before_cursor_execute", disk_full)
    try:
        with pytest.raises(StoreError, match="disk .* is full; nothing was saved"):
            confirm_reception(store, request, now=MONDAY_9)
    finally:
        event.remove(engine, "before_cursor_execute", disk_full)
    assert counts(store) == before
    result = confirm_reception(store, request, now=MONDAY_9)  # the form is still filled: retry works
    assert result.code.endswith("-10001")  # the failed attempt consumed no number


def test_store_locked_by_another_desk_is_a_clear_error(store, tmp_path: Path,  # noqa: F811
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.2)
    desk = open_store(store.paths, username="admin", password=PASSWORD)  # connections with the short wait
    request = birth_request(store, tmp_path, draft_id="d-locked")
    before = counts(store)
    holder = database.raw_connect(store.paths.store, store._key)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="busy"):
            confirm_reception(desk, request, now=MONDAY_9)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert counts(store) == before
    assert not confirm_reception(desk, request, now=MONDAY_9).already_confirmed
    desk.close()


def test_post_office_agent_codes_under_the_destination_unit(store, tmp_path: Path) -> None:  # noqa: F811
    request = replace(birth_request(store, tmp_path), channel="post_office",
                      destination_unit="000.00.07.H56", delivery="post")
    # Not granted that unit by the portal: refused before any code is taken or receipt printed.
    with pytest.raises(ReceptionInvalid) as refused:
        confirm_reception(store, request, now=MONDAY_9)
    assert [p.field for p in refused.value.problems] == ["destination_unit"]
    assert "not authorised" in refused.value.problems[0].message
    # Granted (as sync stores the portal's answer): the code comes from the range for that unit.
    store.set_setting(OFFLINE_RANGES_SETTING, {store.unit.code: [12000, 12999], "000.00.07.H56": [47000, 47999]})
    result = confirm_reception(store, request, now=MONDAY_9)
    assert result.code == "000.00.07.H56-261123-47000"
    own = confirm_reception(store, birth_request(store, tmp_path / "own"), now=MONDAY_9)
    assert own.code == f"{store.unit.code}-261123-12000"
    with store.read_session() as session:
        dossier = session.get(Dossier, result.dossier_id)
    assert dossier.unit_code == "000.00.07.H56"
    assert dossier.data["delivery_address"] == "Số 5, thôn Đông, xã Tân Lập"  # defaults to the applicant's
    assert dossier.data["fee"]["channel"] == "buu_chinh"


def test_missing_document_reason_is_recorded(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path)
    request.documents[1].received, request.documents[1].pages = False, []
    request.missing_reason = "Nộp bổ sung giấy chứng sinh sau"
    result = confirm_reception(store, request, now=MONDAY_9)
    with store.read_session() as session:
        dossier = session.get(Dossier, result.dossier_id)
        audit = session.scalar(select(AuditEvent).where(AuditEvent.object_id == dossier.id))
    assert dossier.data["missing_reason"] == "Nộp bổ sung giấy chứng sinh sau"
    assert dossier.data["documents_missing"] == [request.documents[1].name]
    assert audit.details["missing_reason"] == "Nộp bổ sung giấy chứng sinh sau"


def test_pages_sealed_at_capture_are_stored_by_reference_and_checked(store, tmp_path) -> None:  # noqa: F811
    from app.reception.model import PageInput, ReceptionRequest
    from app.reception.views import load_dossier_view

    sha, size = store.blobs.put_bytes(b"%PDF-1.7 captured page")
    request = birth_request(store, tmp_path / "pages")
    request.documents[0].pages = [PageInput(Path(), "application/pdf", blob=sha)]
    # The draft form of the request keeps the reference, not a file path.
    again = ReceptionRequest.from_json(request.to_json())
    assert again.documents[0].pages[0].blob == sha
    result = confirm_reception(store, again)
    with store.read_session() as session:
        view = load_dossier_view(session, result.code)
    assert view.documents[0].pages == 1
    missing = birth_request(store, tmp_path / "other", draft_id="missing-blob")
    missing.documents[0].pages = [PageInput(Path(), "application/pdf", blob="ab" * 32)]
    with pytest.raises(ReceptionInvalid, match="missing or damaged"):
        confirm_reception(store, missing)
    bad = birth_request(store, tmp_path / "bad", draft_id="bad-blob")
    bad.documents[0].pages = [PageInput(Path(), "application/pdf", blob="not-a-hash")]
    with pytest.raises(ReceptionInvalid, match="page address"):
        confirm_reception(store, bad)
    assert size == len(b"%PDF-1.7 captured page") == store.blobs.plain_size(sha)
