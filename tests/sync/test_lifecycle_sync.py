"""Lifecycle actions against a real portal on loopback: events carry their action and details to
the portal, portal status changes go through the desk's machine (the clock resumes), an illegal
one is refused and recorded with its reason, and a returned dossier the portal confirmed can be
purged."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.lifecycle.actions import act
from app.lifecycle.machine import ActionInput
from app.lifecycle.purge import purge
from app.store.models import Dossier, OutboxItem, StatusEvent
from portal.admin import create_enrolment_token, list_dossiers, set_status
from sync.engine import sync_once
from sync.enrolment import enrol
from sync.status import recent_status_changes
from tests.app.lifecycle_support import desk_copy, sign_in
from tests.sync.support import receive


@pytest.fixture
def desk(portal, portal_db, proxy, tmp_path: Path):  # type: ignore[no-untyped-def]
    """(admin's store, enrolled; the receiving official's store) on one desk."""
    paths = desk_copy(tmp_path / "desk")
    admin = sign_in(paths, "admin")
    enrol(admin, proxy.url, create_enrolment_token(portal_db, admin.unit.code))
    official = sign_in(paths, "lan")
    yield admin, official
    official.close()
    admin.close()


def dossier(store, dossier_id: str) -> Dossier:  # type: ignore[no-untyped-def]
    with store.read_session() as session:
        row = session.get(Dossier, dossier_id)
        session.expunge(row)
        return row


def test_actions_reach_the_portal_and_its_resume_moves_the_appointment(desk, portal_db, tmp_path) -> None:
    admin, lan = desk
    result = receive(lan, tmp_path)
    act(lan, result.code, "handover", ActionInput(body="Công chức Tư pháp - Hộ tịch"))
    asked = act(lan, result.code, "request_supplement", ActionInput(items=("Giấy chứng sinh",), reason="Mờ"))
    report = sync_once(admin, reserve=False)
    assert report.errors == [] and report.sent == 3
    held = list_dossiers(portal_db)[0]
    assert held["status"] == "CHO_BO_SUNG"
    events = {e["event_id"]: e for e in held["events"]}
    assert events[asked.event_id]["action"] == "request_supplement"
    assert events[asked.event_id]["details"]["items"] == ["Giấy chứng sinh"]
    # The processing body records the supplements at the portal: the desk's clock resumes.
    set_status(portal_db, result.code, "DANG_XU_LY", "Đã nhận bổ sung")
    report = sync_once(admin, reserve=False)
    assert report.status_changes == [{"code": result.code, "status": "DANG_XU_LY"}]
    row = dossier(admin, result.dossier_id)
    assert row.status == "DANG_XU_LY" and row.paused_at is None
    with admin.read_session() as session:
        resumed = session.scalars(select(StatusEvent).where(StatusEvent.dossier_id == row.id)
                                  .order_by(StatusEvent.at.desc(), StatusEvent.id.desc())).first()
    assert resumed.action == "portal" and resumed.details["new_due"] == row.due_at.isoformat()
    # Result ready and returned; once the portal has acknowledged everything, purge may run.
    act(lan, result.code, "result_ready")
    act(lan, result.code, "return", ActionInput(to="applicant"))
    assert purge(lan, older_than_days=0).skipped[0]["kind"] == "lifecycle.purge_not_confirmed"
    sync_once(admin, reserve=False)
    with admin.read_session() as session:
        assert set(session.scalars(select(OutboxItem.state))) == {"sent"}
    assert purge(lan, older_than_days=0).purged == [result.code]
    assert dossier(admin, result.dossier_id).purged_at is not None


def test_an_illegal_portal_change_is_refused_and_recorded(desk, portal_db, tmp_path) -> None:
    admin, lan = desk
    result = receive(lan, tmp_path)
    sync_once(admin, reserve=False)
    # The body finishes at the portal while the citizen withdraws at the desk, offline.
    for status in ("DANG_XU_LY", "CO_KET_QUA"):
        set_status(portal_db, result.code, status)
    act(lan, result.code, "withdraw", ActionInput(reason="Công dân rút hồ sơ"))
    report = sync_once(admin, reserve=False)
    assert report.quarantined == 1  # the portal refuses the withdrawal of a finished dossier
    refused = [e for e in report.errors if "not allowed" in e]
    assert len(refused) == 2 and "RUT → DANG_XU_LY" in refused[0]
    row = dossier(admin, result.dossier_id)
    assert row.status == "RUT"  # not applied
    with admin.read_session() as session:
        flagged = session.scalars(select(StatusEvent).where(StatusEvent.dossier_id == row.id,
                                                            StatusEvent.action == "portal")).all()
    assert [(e.status, e.details["refused"], e.details["status_from"]) for e in flagged] == [
        ("DANG_XU_LY", True, "RUT"), ("CO_KET_QUA", True, "RUT")]
    shown = [c for c in recent_status_changes(admin) if c.code == result.code]
    assert [c.refused_from for c in shown] == ["RUT", "RUT"]
    # Reading the feed again refuses nothing new and records nothing twice.
    again = sync_once(admin, reserve=False)
    assert not [e for e in again.errors if "not allowed" in e]
    with admin.read_session() as session:
        assert len(session.scalars(select(StatusEvent).where(StatusEvent.dossier_id == row.id,
                                                             StatusEvent.action == "portal")).all()) == 2
