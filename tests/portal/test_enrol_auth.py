"""Enrolment with one-time tokens and authentication of every request."""

from __future__ import annotations

from datetime import timedelta

from portal.admin import create_enrolment_token, revoke_device
from portal.db import get_engine
from portal.devices import expire_token_now
from tests.portal.support import Desk, dossier_body, enrol


def test_token_enrols_once_and_slots_are_unique(portal, db_url) -> None:
    token = create_enrolment_token(db_url, "000.00.06.H56")
    first = enrol(portal.url, token)
    assert first.status_code == 201
    body = first.json()
    assert body["unit_code"] == "000.00.06.H56" and body["device_slot"] == 1
    assert len(body["device_secret"]) >= 40 and body["portal_time"]
    again = enrol(portal.url, token)
    assert again.status_code == 401
    assert again.json()["error"]["code"] == "auth_failed"
    assert "đã được dùng" in again.json()["error"]["message"]
    second = enrol(portal.url, create_enrolment_token(db_url, "000.00.06.H56"), "Máy 2").json()
    other_unit = enrol(portal.url, create_enrolment_token(db_url, "000.00.07.H56"), "Máy 3").json()
    assert second["device_slot"] == 2 and other_unit["device_slot"] == 1


def test_expired_and_unknown_tokens_are_refused(portal, db_url) -> None:
    token = create_enrolment_token(db_url, "000.00.06.H56")
    expire_token_now(get_engine(db_url), token)
    expired = enrol(portal.url, token)
    assert expired.status_code == 401 and "hết hạn" in expired.json()["error"]["message"]
    short = create_enrolment_token(db_url, "000.00.06.H56", lifetime=timedelta(days=1))
    assert enrol(portal.url, short).status_code == 201
    assert enrol(portal.url, "not-a-token").status_code == 401


def test_requests_without_valid_credentials_get_401(portal, desk: Desk, db_url) -> None:
    import httpx

    dossier_id, body = dossier_body()
    bare = httpx.put(f"{portal.url}/v1/dossiers/{dossier_id}", json=body,
                     headers={"Idempotency-Key": "k" * 16})
    assert bare.status_code == 401 and bare.json()["error"]["code"] == "auth_required"
    wrong = httpx.get(f"{portal.url}/v1/changes", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "auth_failed"
    assert desk.changes()["changes"] == []
    revoke_device(db_url, desk.device_id)
    revoked = desk.http.get("/v1/changes")
    assert revoked.status_code == 401 and "thu hồi" in revoked.json()["error"]["message"]


def test_mutations_need_the_acting_user_and_a_key(desk: Desk) -> None:
    dossier_id, body = dossier_body()
    no_user = desk.http.put(f"/v1/dossiers/{dossier_id}", json=body,
                            headers={"Idempotency-Key": "0" * 16, "X-Acting-User": ""})
    assert no_user.status_code == 400 and no_user.json()["error"]["field"] == "X-Acting-User"
    no_key = desk.http.put(f"/v1/dossiers/{dossier_id}", json=body)
    assert no_key.status_code == 400 and no_key.json()["error"]["field"] == "Idempotency-Key"


def test_limits_are_public(portal) -> None:
    import httpx

    limits = httpx.get(f"{portal.url}/v1/limits").json()
    assert limits["max_blob_bytes"] == 1_000_000 and limits["max_chunk_bytes"] == 64 * 1024


def test_enrolment_with_a_desk_chosen_secret_survives_a_lost_response(portal, db_url) -> None:
    import secrets

    import httpx

    token, secret = create_enrolment_token(db_url, "000.00.06.H56"), secrets.token_urlsafe(32)
    request = {"token": token, "device_name": "Máy 1", "device_secret": secret}
    first = httpx.post(f"{portal.url}/v1/enrol", json=request)
    assert first.status_code == 201 and first.json()["device_secret"] == secret
    again = httpx.post(f"{portal.url}/v1/enrol", json=request)  # the first answer never arrived
    assert again.status_code == 200 and again.json()["device_id"] == first.json()["device_id"]
    thief = httpx.post(f"{portal.url}/v1/enrol", json={**request, "device_secret": secrets.token_urlsafe(32)})
    assert thief.status_code == 401
    weak = httpx.post(f"{portal.url}/v1/enrol", json={**request, "device_secret": "short"})
    assert weak.status_code == 422 and weak.json()["error"]["field"] == "device_secret"
    desk = Desk(portal.url, first.json())
    assert desk.changes()["changes"] == []
    desk.close()
