"""Dossier upsert: idempotent replay, mismatched keys, conflicts, missing blobs, validation, events."""

from __future__ import annotations

import copy
from concurrent.futures import ThreadPoolExecutor

from app.ids import new_id
from portal.admin import list_dossiers
from tests.portal.support import Desk, dossier_body, enrol_desk, sha


def test_lost_response_is_replayed_with_the_same_outcome(desk: Desk, db_url) -> None:
    dossier_id, body = dossier_body()
    key = new_id()
    first = desk.put_dossier(dossier_id, body, key)
    assert first.status_code == 201 and first.json()["version"] == 1
    # The desk never saw `first` (link dropped): it sends the same request again, keys reordered.
    retry = desk.put_dossier(dossier_id, dict(reversed(list(body.items()))), key)
    assert retry.status_code == 201 and retry.json() == first.json()
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert len(list_dossiers(db_url)) == 1


def test_same_key_with_another_payload_is_refused(desk: Desk) -> None:
    dossier_id, body = dossier_body()
    key = new_id()
    assert desk.put_dossier(dossier_id, body, key).status_code == 201
    changed = copy.deepcopy(body)
    changed["dossier"]["note"] = "khác"
    refused = desk.put_dossier(dossier_id, changed, key)
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "idempotency_mismatch"


def test_concurrent_duplicates_have_one_effect(desk: Desk, db_url) -> None:
    dossier_id, body = dossier_body()
    key = new_id()
    with ThreadPoolExecutor(8) as pool:
        responses = list(pool.map(lambda _: desk.put_dossier(dossier_id, body, key), range(8)))
    assert {r.status_code for r in responses} == {201}
    assert len({r.text for r in responses}) == 1
    assert sum(r.headers.get("Idempotent-Replayed") == "true" for r in responses) == 7
    assert len(list_dossiers(db_url)) == 1


def test_code_used_by_another_dossier_is_a_conflict(desk: Desk) -> None:
    _, body = dossier_body(number=7)
    assert desk.put_dossier(body["dossier"]["dossier_id"], body).status_code == 201
    other_id, other = dossier_body(number=7)
    conflict = desk.put_dossier(other_id, other)
    assert conflict.status_code == 409
    error = conflict.json()["error"]
    assert error["code"] == "code_conflict" and error["field"] == "dossier.code"
    assert body["dossier"]["code"] in error["message_vi"] and body["dossier"]["code"] in error["message_en"]


def test_dossier_waits_for_its_blobs_then_the_same_key_succeeds(desk: Desk, db_url) -> None:
    scan = b"%PDF-1.4 trang 1" * 100
    dossier_id, body = dossier_body(hashes=[sha(scan)])
    key = new_id()
    refused = desk.put_dossier(dossier_id, body, key)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "missing_blobs"
    assert refused.json()["error"]["details"]["hashes"] == [sha(scan)]
    assert list_dossiers(db_url) == []
    assert desk.missing([sha(scan)]) == [sha(scan)]
    assert desk.upload(scan).status_code == 201
    assert desk.missing([sha(scan)]) == []
    assert desk.put_dossier(dossier_id, body, key).status_code == 201


def test_validation_error_names_the_field_in_both_languages(desk: Desk) -> None:
    dossier_id, body = dossier_body()
    body["dossier"]["applicant"]["full_name"] = "  "
    response = desk.put_dossier(dossier_id, body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation" and error["field"] == "dossier.applicant.full_name"
    assert error["message"] == f"{error['message_vi']} — {error['message_en']}"
    assert "dossier.applicant.full_name" in error["message_vi"] and "Trường" in error["message_vi"]
    assert "dossier.applicant.full_name" in error["message_en"]
    dossier_id, body = dossier_body(hashes=["ABC"])
    bad_hash = desk.put_dossier(dossier_id, body).json()["error"]
    assert bad_hash["field"] == "dossier.documents[0].pages[0].sha256"
    dossier_id, body = dossier_body(unit="000.00.09.H56")
    assert desk.put_dossier(dossier_id, body).json()["error"]["field"] == "dossier.unit_code"


def test_versions_update_ignore_stale_and_refuse_forks(desk: Desk, db_url) -> None:
    dossier_id, body = dossier_body()
    assert desk.put_dossier(dossier_id, body).status_code == 201
    v2 = copy.deepcopy(body)
    v2["version"], v2["dossier"]["note"] = 2, "bổ sung"
    updated = desk.put_dossier(dossier_id, v2)
    assert updated.status_code == 200 and updated.json()["version"] == 2 and updated.json()["applied"]
    stale = desk.put_dossier(dossier_id, body)
    assert stale.status_code == 200 and stale.json() == {**stale.json(), "version": 2, "applied": False}
    fork = copy.deepcopy(v2)
    fork["dossier"]["note"] = "khác"
    assert desk.put_dossier(dossier_id, fork).json()["error"]["code"] == "version_conflict"
    [row] = list_dossiers(db_url)
    assert row["version"] == 2 and row["dossier"]["note"] == "bổ sung" and row["acting_user"] == "lan"


def test_desk_events_follow_the_status_rules(desk: Desk, db_url) -> None:
    dossier_id, body = dossier_body()
    desk.put_dossier(dossier_id, body)
    event = {"event_id": new_id(), "status": "DANG_XU_LY", "at": "2026-11-24T09:00:00", "note": None}
    first = desk.add_event(dossier_id, event)
    assert first.status_code == 201 and first.json()["status"] == "DANG_XU_LY"
    assert desk.add_event(dossier_id, event).status_code == 200  # the same event under a new key
    bad = desk.add_event(dossier_id, {**event, "event_id": new_id(), "status": "DA_TRA"})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "status"
    unknown = desk.add_event(new_id(), {**event, "event_id": new_id()})
    assert unknown.status_code == 404
    [row] = list_dossiers(db_url)
    assert row["status"] == "DANG_XU_LY" and len(row["events"]) == 1


def test_a_unit_cannot_read_another_units_dossier(portal, desk: Desk, db_url) -> None:
    dossier_id, body = dossier_body()
    desk.put_dossier(dossier_id, body)
    assert desk.http.get(f"/v1/dossiers/{dossier_id}").json()["code"] == body["dossier"]["code"]
    with enrol_desk(portal.url, db_url, "000.00.07.H56") as stranger:
        assert stranger.http.get(f"/v1/dossiers/{dossier_id}").status_code == 404


def test_old_idempotency_records_are_purged_and_a_late_replay_is_still_harmless(desk: Desk, db_url) -> None:
    from datetime import timedelta

    import pytest
    from sqlalchemy import update

    from app.errors import InputError
    from portal.admin import purge_idempotency
    from portal.db import get_engine, write_session
    from portal.models import IdempotencyRecord, utcnow

    dossier_id, body = dossier_body()
    key, event_key = new_id(), new_id()
    assert desk.put_dossier(dossier_id, body, key).status_code == 201
    event = {"event_id": new_id(), "status": "DANG_XU_LY", "at": "2026-11-23T09:00:00+07:00"}
    assert desk.add_event(dossier_id, event, event_key).status_code == 201
    fresh_id, fresh = dossier_body()
    assert desk.put_dossier(fresh_id, fresh).status_code == 201
    with write_session(get_engine(db_url)) as session:
        session.execute(update(IdempotencyRecord).where(IdempotencyRecord.key.in_([key, event_key]))
                        .values(created_at=utcnow() - timedelta(days=120)))
    with pytest.raises(InputError, match="90 days"):
        purge_idempotency(db_url, older_than_days=30)
    assert purge_idempotency(db_url) == 2
    # A desk that never heard the answers sends them again, months later: nothing is doubled.
    assert desk.put_dossier(dossier_id, body, key).status_code in (200, 201)
    assert desk.add_event(dossier_id, event, event_key).status_code == 200
    held = [d for d in list_dossiers(db_url) if d["dossier_id"] == dossier_id]
    assert len(held) == 1 and held[0]["version"] == 1 and held[0]["status"] == "DANG_XU_LY"
    assert len(list_dossiers(db_url)) == 2
