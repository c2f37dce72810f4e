"""Device management at the portal: listing, revoking, granting units; number ranges that are
never given twice; device secrets that must really be random; databases of earlier portals."""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.codes import OFFLINE_RANGE_STARTS
from portal import devices
from portal.admin import create_enrolment_token, list_devices, revoke_device
from portal.db import dispose, get_engine
from tests.portal.support import dossier_body, enrol

A, P = "000.00.06.H56", "000.99.01.H56"


def _ranges(db_url: str, unit: str) -> list[tuple[int, int]]:
    return [(u["range_start"], u["range_end"]) for d in list_devices(db_url, unit_code=unit)
            for u in d["units"] if u["unit_code"] == unit]


def _disjoint(ranges: list[tuple[int, int]]) -> bool:
    ordered = sorted(ranges)
    return all(a[1] < b[0] for a, b in zip(ordered, ordered[1:]))


def test_a_revoked_device_is_replaced_and_no_range_is_ever_given_twice(portal, db_url) -> None:
    enrolled = [enrol(portal.url, create_enrolment_token(db_url, A)).json() for _ in range(9)]
    given = _ranges(db_url, A)
    assert len(given) == 9 and _disjoint(given)
    stolen = enrolled[3]
    revoke_device(db_url, stolen["device_id"])
    replacement = enrol(portal.url, create_enrolment_token(db_url, A))
    assert replacement.status_code == 201, replacement.text  # the unit is not stuck at nine devices
    new_range = (replacement.json()["units"][0]["range_start"], replacement.json()["units"][0]["range_end"])
    assert new_range not in given and _disjoint([*given, new_range])
    # The stolen laptop's secret no longer works, whatever it tries.
    body = dossier_body(A)[1]
    answer = __import__("httpx").put(f"{portal.url}/v1/dossiers/{body['dossier']['dossier_id']}", json=body,
                                     headers={"Authorization": f"Bearer {stolen['device_secret']}",
                                              "X-Acting-User": "x", "Idempotency-Key": "k" * 16})
    assert answer.status_code == 401


def test_ranges_run_out_with_a_clear_answer(portal, db_url) -> None:
    agents = [enrol(portal.url, create_enrolment_token(db_url, P, kind="post_office")).json()
              for _ in range(3)]
    for agent in agents:
        devices.grant_unit(get_engine(db_url), agent["device_id"], A)
    for _ in range(len(OFFLINE_RANGE_STARTS) - 3):
        assert enrol(portal.url, create_enrolment_token(db_url, A)).status_code == 201
    assert _disjoint(_ranges(db_url, A)) and len(_ranges(db_url, A)) == len(OFFLINE_RANGE_STARTS)
    full = enrol(portal.url, create_enrolment_token(db_url, A))
    assert full.status_code == 409 and full.json()["error"]["code"] == "codes_exhausted"
    assert "90" in full.json()["error"]["message"]


@pytest.mark.parametrize("secret", [
    "a" * 43, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ", "Password1" * 5, "0123456789" * 5,
    "qwertyuiopasdfghjklzxcvbnm" * 2, "ababababababababababababababababababababababab",
])
def test_weak_client_secrets_are_refused(portal, db_url, secret: str) -> None:
    token = create_enrolment_token(db_url, A)
    answer = __import__("httpx").post(f"{portal.url}/v1/enrol", json={
        "token": token, "device_name": "Máy 1", "device_secret": secret})
    assert answer.status_code == 422 and answer.json()["error"]["field"] == "device_secret"
    assert secret not in answer.text
    # The token is not spent by a refused enrolment.
    assert enrol(portal.url, token).status_code == 201


def test_real_random_secrets_are_never_refused() -> None:
    assert all(devices.looks_random(secrets.token_urlsafe(32)) for _ in range(20000))
    assert all(devices.looks_random(secrets.token_urlsafe(96)) for _ in range(2000))


def _motcua(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ui.launcher", *args], capture_output=True, text=True,
                          timeout=120, check=False)


def test_devices_commands(portal, db_url) -> None:
    agent = enrol(portal.url, create_enrolment_token(db_url, P, kind="post_office")).json()
    desk = enrol(portal.url, create_enrolment_token(db_url, A)).json()
    granted = _motcua("portal", "devices", "grant-unit", agent["device_id"], A, "--db", db_url, "--json")
    assert granted.returncode == 0, granted.stderr
    assert {u["unit_code"] for u in json.loads(granted.stdout)["units"]} == {P, A}
    listed = _motcua("portal", "devices", "list", "--unit", A, "--db", db_url)
    assert listed.returncode == 0 and agent["device_id"] in listed.stdout and desk["device_id"] in listed.stdout
    assert "(granted)" in listed.stdout
    refused = _motcua("portal", "devices", "grant-unit", desk["device_id"], P, "--db", db_url)
    assert refused.returncode == 2 and "post-office or community-team" in refused.stderr
    unknown = _motcua("portal", "devices", "revoke", "x" * 5000, "--db", db_url)
    assert unknown.returncode == 2 and len(unknown.stderr) < 300
    revoked = _motcua("portal", "devices", "revoke", desk["device_id"], "--db", db_url, "--json")
    assert revoked.returncode == 0 and json.loads(revoked.stdout)["revoked_at"]


def test_a_database_of_an_earlier_portal_is_brought_up_to_date(db_url: str, tmp_path: Path) -> None:
    """Devices enrolled before unit grants keep the range their slot meant; new ones avoid it."""
    engine = get_engine(db_url)
    old = [devices.enrol(engine, create_enrolment_token(db_url, A), "Máy cũ")[1] for _ in range(2)]
    with engine.begin() as conn:  # what an earlier portal's database looked like
        conn.execute(text("DROP TABLE device_units"))
        conn.execute(text("ALTER TABLE devices DROP COLUMN kind"))
        conn.execute(text("ALTER TABLE enrolment_tokens DROP COLUMN kind"))
        conn.execute(text("ALTER TABLE enrolment_tokens DROP COLUMN grant_units"))
    dispose(db_url)
    engine = get_engine(db_url)
    by_id = {d["device_id"]: d for d in list_devices(db_url)}
    for device in old:
        slot = by_id[device["device_id"]]["slot"]
        assert by_id[device["device_id"]]["kind"] == "desk"
        assert by_id[device["device_id"]]["units"] == [
            {"unit_code": A, "role": "own", "range_start": slot * 10000, "range_end": slot * 10000 + 9999}]
    fresh = devices.enrol(engine, create_enrolment_token(db_url, A), "Máy mới")[1]
    assert _disjoint(_ranges(db_url, A)) and fresh["units"][0]["range_start"] == 30000
