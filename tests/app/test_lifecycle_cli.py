"""`motcua dossiers act` and `motcua dossiers purge` on a real store: every action, every refusal
(exit 2, one line naming why, nothing written), and what each action writes in its transaction."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.reception.service import confirm_reception
from app.store.audit import FORBIDDEN_DETAIL_KEYS
from app.store.models import Applicant, AuditEvent, Dossier, OutboxItem, Page, StatusEvent
from tests.app.lifecycle_support import desk_copy, run_cli, sign_in
from app.reception.model import PageInput
from tests.app.reception_support import MONDAY_9, birth_request, page_file


@pytest.fixture
def desk(tmp_path: Path):  # type: ignore[no-untyped-def]
    return desk_copy(tmp_path / "desk")


FIVE_DAYS = "1.004884"  # 5 working days (đăng ký lại khai sinh): received now, not due soon


def receive_now(paths, folder: Path, procedure: str = FIVE_DAYS) -> str:
    """A complete dossier of `procedure` received at this moment (every required item ticked)."""
    from app.clock import local_now
    from app.reception.service import checklist_for
    from app.reception.validation import version_in_force

    store = sign_in(paths, "lan")
    try:
        now = local_now()
        request = birth_request(store, folder)
        with store.read_session() as session:
            version = version_in_force(session, procedure, now.date())
        request.procedure_code, request.received_at = procedure, now
        request.fee_amount = 8000  # the province sets this fee: the official enters it
        request.documents = checklist_for(version)
        for i, doc in enumerate(request.documents):
            doc.received = True
            doc.pages = [PageInput(page_file(folder, f"doc-{i}.png"))] if doc.kind == "submit" else []
        return confirm_reception(store, request, now=now).code
    finally:
        store.close()


def receive(paths, folder: Path, *, missing: bool = False, now: datetime = MONDAY_9,
            colours: tuple[str, str] = ("white", "yellow")) -> str:
    """A birth registration received by the receiving official (optionally without the second
    required document and without a reason: the supplements path)."""
    store = sign_in(paths, "lan")
    try:
        request = birth_request(store, folder)
        request.received_at = now
        for i, doc in enumerate(request.documents[:2]):  # other colours: other page files
            doc.pages = [PageInput(page_file(folder, f"scan-{i}-{colours[i]}.png", colours[i]))]
        if missing:
            request.documents[1].received, request.documents[1].pages = False, []
        return confirm_reception(store, request, now=now).code
    finally:
        store.close()


def rows(paths, code: str):  # type: ignore[no-untyped-def]
    store = sign_in(paths, "lan")
    try:
        with store.read_session() as session:
            dossier = session.scalar(select(Dossier).where(Dossier.code == code))
            events = session.scalars(select(StatusEvent).where(StatusEvent.dossier_id == dossier.id)
                                     .order_by(StatusEvent.at, StatusEvent.id)).all()
            outbox = session.scalars(select(OutboxItem).where(OutboxItem.dossier_id == dossier.id)
                                     .order_by(OutboxItem.seq)).all()
            audit = session.scalars(select(AuditEvent).where(AuditEvent.object_id == dossier.id)
                                    .order_by(AuditEvent.seq)).all()
            session.expunge_all()
        return dossier, events, outbox, audit
    finally:
        store.close()


def act(paths, user: str, code: str, action: str, *options: str, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    return run_cli(paths, user, "dossiers", "act", code, action, *options, capsys=capsys, monkeypatch=monkeypatch)


def test_a_dossier_through_processing_and_returned_to_a_representative(desk, tmp_path, capsys,
                                                                       monkeypatch) -> None:
    code = receive(desk, tmp_path)
    steps = [
        ("lan", "handover", ["--body", "Công chức Tư pháp - Hộ tịch"], "DANG_XU_LY", "06"),
        ("lan", "request-supplement", ["--item", "Giấy chứng sinh (bản chính)", "--reason", "Bản chụp mờ"],
         "CHO_BO_SUNG", "02"),
        ("buudien", "supplement-received", [], "DANG_XU_LY", "01"),
        ("lan", "receive-back", [], "DANG_XU_LY", "06"),
        ("hoa", "result-ready", ["--note", "Đã ký"], "CO_KET_QUA", None),
        ("lan", "return", ["--to", "representative", "--name", "Trần Văn Bình", "--id-number", "001090012346"],
         "DA_TRA", None),
    ]
    for user, action, options, status, form in steps:
        exit_code, out, err = act(desk, user, code, action, *options, capsys=capsys, monkeypatch=monkeypatch)
        assert (exit_code, err) == (0, ""), (action, err)
        result = json.loads(out)
        assert (result["action"], result["status"], result["form"]) == (action, status, form)
    dossier, events, outbox, audit = rows(desk, code)
    assert dossier.status == "DA_TRA" and dossier.returned_at is not None
    assert dossier.paused_at is None
    assert [e.action for e in events] == [None, "handover", "request_supplement", "supplement_received",
                                          "receive_back", "result_ready", "return"]
    assert events[1].details == {"to_body": "Công chức Tư pháp - Hộ tịch", "documents": 2, "note": ""}
    assert events[4].details["from_body"] == "Công chức Tư pháp - Hộ tịch"  # from the handover
    assert events[-1].details == {"to": "representative", "name": "Trần Văn Bình", "id_number": "001090012346",
                                  "tracking": None, "fee_collected_vnd": 0}
    # The wait was the seconds between two commands (the arithmetic itself is a property test):
    # the appointment moved by it, and the first one is kept once it moved.
    resumed = events[3].details
    assert resumed["new_due"] == dossier.due_at.isoformat()
    moved = resumed["paused_working_minutes"] > 0 or dossier.due_at != datetime(2026, 11, 23, 17, 0)
    assert dossier.due_original == (datetime(2026, 11, 23, 17, 0) if moved else None)
    # One outbox row per action, after the reception's, carrying the action and its details.
    assert [o.kind for o in outbox] == ["dossier.create"] + ["dossier.event"] * 6
    assert [o.payload["action"] for o in outbox[1:]] == [e.action for e in events[1:]]
    assert outbox[-1].payload["event_id"] == events[-1].id and outbox[-1].payload["details"]["to"] == "representative"
    # The audit chain names each action, never the representative.
    assert [a.action for a in audit] == ["dossier.received", "dossier.handover", "dossier.request_supplement",
                                         "dossier.supplement_received", "dossier.receive_back",
                                         "dossier.result_ready", "dossier.return"]
    for entry in audit:
        assert not FORBIDDEN_DETAIL_KEYS.intersection(entry.details)
        assert "Trần Văn Bình" not in json.dumps(entry.details, ensure_ascii=False)


@pytest.mark.parametrize(("setup", "action", "options", "status"), [
    ([], "refuse", ["--reason", "Không thuộc thẩm quyền của xã"], "TU_CHOI"),
    ([("request-supplement", ["--item", "Tờ khai"])], "refuse", ["--reason", "Quá hạn bổ sung"], "TU_CHOI"),
    ([("handover", ["--body", "Tư pháp"])], "stop", ["--reason", "Công dân đề nghị dừng"], "DUNG"),
    ([], "withdraw", [], "RUT"),
])
def test_side_exits(desk, tmp_path, capsys, monkeypatch, setup, action, options, status) -> None:
    code = receive(desk, tmp_path)
    for before, before_options in setup:
        assert act(desk, "lan", code, before, *before_options, capsys=capsys, monkeypatch=monkeypatch)[0] == 0
    exit_code, out, _ = act(desk, "hoa", code, action, *options, capsys=capsys, monkeypatch=monkeypatch)
    assert exit_code == 0 and json.loads(out)["status"] == status
    dossier, events, _, _ = rows(desk, code)
    assert dossier.status == status and dossier.paused_at is None
    # Nothing moves a closed dossier.
    exit_code, _, err = act(desk, "hoa", code, "handover", "--body", "x", capsys=capsys, monkeypatch=monkeypatch)
    assert exit_code == 2 and f"not possible for a dossier in {status}" in err


def test_apology_for_a_late_dossier_keeps_both_appointments(desk, tmp_path, capsys, monkeypatch) -> None:
    code = receive(desk, tmp_path)  # received 23/11/2026, due the same day: late today
    exit_code, out, err = act(desk, "hoa", code, "apologise", "--new-due", "2099-12-30 16:00",
                              "--reason", "Chờ xác minh của cơ quan khác", capsys=capsys, monkeypatch=monkeypatch)
    assert (exit_code, err) == (0, "")
    result = json.loads(out)
    assert (result["form"], result["due_at"], result["due_original"]) == ("04", "2099-12-30T16:00:00",
                                                                          "2026-11-23T17:00:00")
    dossier, events, _, _ = rows(desk, code)
    assert events[-1].details == {"old_due": "2026-11-23T17:00:00", "new_due": "2099-12-30T16:00:00",
                                  "reason": "Chờ xác minh của cơ quan khác"}
    assert dossier.status == "DA_TIEP_NHAN" and dossier.due_at == datetime(2099, 12, 30, 16, 0)


def nothing_written(paths, code: str, before) -> None:  # type: ignore[no-untyped-def]
    after = rows(paths, code)
    assert [len(part) for part in after[1:]] == [len(part) for part in before[1:]]
    assert (after[0].status, after[0].due_at) == (before[0].status, before[0].due_at)


@pytest.mark.parametrize(("user", "action", "options", "says"), [
    ("lan", "return", [], "return: not possible for a dossier in DA_TIEP_NHAN"),
    ("lan", "supplement-received", [], "supplement-received: not possible for a dossier in DA_TIEP_NHAN"),
    ("congdong", "refuse", ["--reason", "x"], "refuse: user 'congdong' (community) may not take this action"),
    ("admin", "handover", ["--body", "x"], "handover: user 'admin' (admin) may not take this action"),
    ("lan", "refuse", [], "refuse: reason is required"),
    ("lan", "stop", ["--reason", "   "], "stop: reason is required"),
    ("lan", "handover", [], "handover: body is required"),
    ("lan", "request-supplement", [], "request-supplement: name at least one item"),
    ("lan", "apologise", ["--new-due", "2099-01-01 10:00", "--reason", "x"], "apologise: the dossier is not late"),
    ("lan", "apologise", ["--new-due", "31/12/2099", "--reason", "x"], "--new-due: '31/12/2099' is not a date"),
    ("lan", "withdraw", ["--out", "x.pdf"], "--out: the action withdraw has no form"),
    ("lan", "handover", ["--body", "x" * 201], "body: 201 characters, more than the 200 allowed"),
])
def test_refusals_exit_2_with_one_line_and_write_nothing(desk, tmp_path, capsys, monkeypatch, user, action,
                                                         options, says) -> None:
    code = receive_now(desk, tmp_path) if "not late" in says else receive(desk, tmp_path)
    before = rows(desk, code)
    exit_code, out, err = act(desk, user, code, action, *options, capsys=capsys, monkeypatch=monkeypatch)
    assert (exit_code, out) == (2, "")
    assert err.count("\n") == 1 and says in err, err
    nothing_written(desk, code, before)


def test_return_needs_who_received_it(desk, tmp_path, capsys, monkeypatch) -> None:
    code = receive(desk, tmp_path)
    assert act(desk, "lan", code, "result-ready", capsys=capsys, monkeypatch=monkeypatch)[0] == 0
    for options, says in ((["--to", "representative", "--name", "Bình"], "return: id_number is required"),
                          (["--to", "post"], "return: tracking is required"),
                          (["--fee-collected", "5000"], "must be a whole number from 0 to the 0 VND")):
        exit_code, _, err = act(desk, "lan", code, "return", *options, capsys=capsys, monkeypatch=monkeypatch)
        assert exit_code == 2 and says in err, err
    exit_code, out, _ = act(desk, "buudien", code, "return", "--to", "post", "--tracking", "EB123456789VN",
                            capsys=capsys, monkeypatch=monkeypatch)
    assert exit_code == 0
    details = json.loads(out)["details"]
    assert details == {"to": "post", "name": "Nguyễn Thị Lan", "id_number": None, "tracking": "EB123456789VN",
                       "fee_collected_vnd": 0}


def test_unknown_code_and_scanned_qr_text(desk, tmp_path, capsys, monkeypatch) -> None:
    code = receive(desk, tmp_path)
    exit_code, _, err = act(desk, "lan", "000.00.06.H56-261123-9999", "handover", "--body", "x",
                            capsys=capsys, monkeypatch=monkeypatch)
    assert exit_code == 2 and "no dossier '000.00.06.H56-261123-9999' in this store" in err
    scanned = f"https://dichvucong.gov.vn/tra-cuu-ho-so?ma={code}"  # what the receipt's QR holds
    exit_code, out, _ = act(desk, "lan", scanned, "handover", "--body", "Tư pháp", capsys=capsys,
                            monkeypatch=monkeypatch)
    assert exit_code == 0 and json.loads(out)["code"] == code


def test_incomplete_at_reception_gets_its_appointment_and_receipt_when_completed(desk, tmp_path, capsys,
                                                                                 monkeypatch) -> None:
    code = receive(desk, tmp_path, missing=True)
    dossier, events, outbox, _ = rows(desk, code)
    assert (dossier.status, dossier.due_at, dossier.paused_at) == ("CHO_BO_SUNG", None, MONDAY_9)
    assert events[-1].details["items"] == ["Giấy chứng sinh hoặc giấy tờ thay thế giấy chứng sinh"] \
        or len(events[-1].details["items"]) == 1
    assert [o.kind for o in outbox] == ["dossier.create", "dossier.event"]
    assert outbox[0].payload["due_at"] is None and outbox[0].payload["status"] == "DA_TIEP_NHAN"
    out_pdf = tmp_path / "hen-tra.pdf"
    exit_code, out, err = act(desk, "lan", code, "supplement-received", "--out", str(out_pdf), capsys=capsys,
                              monkeypatch=monkeypatch)
    assert (exit_code, err) == (0, "")
    result = json.loads(out)
    assert result["form"] == "01" and result["due_at"] is not None
    assert out_pdf.read_bytes().startswith(b"%PDF")  # the receipt with the new appointment


def ack_all(paths, code: str) -> None:
    """The portal acknowledged every change of the dossier (what sync/marks.py records)."""
    store = sign_in(paths, "lan")
    try:
        with store.session() as session:
            dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == code))
            for row in session.scalars(select(OutboxItem).where(OutboxItem.dossier_id == dossier_id)):
                row.state = "sent"
    finally:
        store.close()


def test_purge(desk, tmp_path, capsys, monkeypatch) -> None:
    code = receive(desk, tmp_path / "a")
    # Same applicant, not returned: keeps the applicant row; its own page files differ.
    other = receive(desk, tmp_path / "b", colours=("blue", "green"))
    for action in ("result-ready", "return"):
        assert act(desk, "lan", code, action, capsys=capsys, monkeypatch=monkeypatch)[0] == 0
    purge = ("dossiers", "purge")
    exit_code, _, err = run_cli(desk, "hoa", *purge, code, "--older-than-days", "0", capsys=capsys,
                                monkeypatch=monkeypatch)
    assert exit_code == 2 and "the portal has not confirmed 3 change(s)" in err and err.count("\n") == 1
    ack_all(desk, code)
    exit_code, _, err = run_cli(desk, "hoa", *purge, code, capsys=capsys, monkeypatch=monkeypatch)
    assert exit_code == 2 and "kept until" in err and "(90 days after the return)" in err
    exit_code, out, _ = run_cli(desk, "hoa", *purge, "--older-than-days", "0", "--dry-run", capsys=capsys,
                                monkeypatch=monkeypatch)
    assert exit_code == 0 and json.loads(out)["purged"] == [code]
    dossier, *_ = rows(desk, code)
    assert dossier.purged_at is None and dossier.data.get("applicant")
    store = sign_in(desk, "lan")
    with store.read_session() as session:
        shas = set(session.scalars(select(Page.sha256)))
    store.close()
    exit_code, out, _ = run_cli(desk, "hoa", *purge, "--older-than-days", "0", capsys=capsys,
                                monkeypatch=monkeypatch)
    report = json.loads(out)
    assert exit_code == 0 and report["purged"] == [code] and report["pages_removed"] == 2
    assert [s["code"] for s in report["skipped"]] == []  # the other one is not returned: not listed
    dossier, events, outbox, audit = rows(desk, code)
    assert dossier.purged_at is not None and dossier.status == "DA_TRA"
    assert set(dossier.data) <= {"procedure", "documents_missing", "sets", "destination_unit", "fee", "purged"}
    assert all(o.payload == {"purged": True} for o in outbox)
    assert all(e.note is None and not (e.details or {}).get("name") for e in events)
    assert audit[-1].action == "dossier.purged" and audit[-1].details["pages"] == 2
    store = sign_in(desk, "lan")
    with store.read_session() as session:
        applicant = session.get(Applicant, dossier.applicant_id)
        left = set(session.scalars(select(Page.sha256)))
    # Both dossiers share the applicant: the live one keeps it, and its own page files.
    assert applicant.full_name == "Nguyễn Thị Lan"
    assert len(left) == 2 and left < shas and report["files_removed"] == 2
    assert all(store.blobs.exists(sha) for sha in left)
    assert not any(store.blobs.exists(sha) for sha in shas - left)
    store.close()
    # Acting on a purged dossier is refused.
    exit_code, _, err = act(desk, "lan", code, "return", capsys=capsys, monkeypatch=monkeypatch)
    assert exit_code == 2 and "purged" in err
    assert other
