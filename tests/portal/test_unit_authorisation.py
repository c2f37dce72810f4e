"""One unit cannot touch another's dossiers: by HTTP and by USB bundle alike, a device files only
for the units it is authorised for (its own, plus those granted to a post-office or
community-team device), and no error body names another unit's dossier."""

from __future__ import annotations

import json
from contextlib import ExitStack
from datetime import date
from typing import Any

import httpx

from app.bundle_format import Operation, write_bundle
from app.ids import new_id
from portal.admin import create_enrolment_token, grant_unit, list_dossiers, withdraw_unit
from portal.bundles import import_bundle
from portal.codeblocks import vietnam_today
from tests.portal.support import Desk, dossier_body, enrol

A, B, P = "000.00.06.H56", "000.00.07.H56", "000.99.01.H56"  # two communes and a post office


def _desk(stack: ExitStack, portal: Any, db_url: str, unit: str, **token: Any) -> Desk:
    response = enrol(portal.url, create_enrolment_token(db_url, unit, **token))
    assert response.status_code == 201, response.text
    return stack.enter_context(_closing(Desk(portal.url, response.json())))


class _closing:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def __enter__(self) -> Desk:
        return self.desk

    def __exit__(self, *_: object) -> None:
        self.desk.close()


def _agent_body(unit: str, receiving: str, **extra: Any) -> tuple[str, dict[str, Any]]:
    dossier_id, body = dossier_body(unit, **extra)
    body["dossier"]["receiving_unit"] = receiving
    return dossier_id, body


def _leaks(response: httpx.Response, *secrets: str) -> list[str]:
    return [s for s in secrets if s in response.text]


def test_a_desk_cannot_create_or_overwrite_another_units_dossier(portal, db_url) -> None:
    with ExitStack() as stack:
        desk_a, desk_b = _desk(stack, portal, db_url, A), _desk(stack, portal, db_url, B)
        b_id, b_body = dossier_body(B, number=7)
        assert desk_b.put_dossier(b_id, b_body).status_code == 201
        # The reproduced attack: A's desk files B's dossier naming itself the receiving unit.
        hostile = json.loads(json.dumps(b_body))
        hostile["version"] = 2
        hostile["dossier"]["receiving_unit"] = A
        hostile["dossier"]["applicant"]["full_name"] = "Kẻ giả mạo"
        refused = desk_a.put_dossier(b_id, hostile)
        assert refused.status_code == 403, refused.text
        assert refused.json()["error"]["code"] == "forbidden"
        assert refused.json()["error"]["field"] == "dossier.unit_code"
        # A fresh dossier of B filed by A is refused the same way, so nothing of B's is created.
        other_id, other = _agent_body(B, A, number=8)
        assert desk_a.put_dossier(other_id, other).status_code == 403
        # An A-unit body on B's dossier id: B's dossier is not even admitted to exist.
        own_id_body = dossier_body(A, number=9)[1]
        own_id_body["dossier"]["dossier_id"] = b_id
        hidden = desk_a.put_dossier(b_id, own_id_body)
        assert hidden.status_code == 404 and not _leaks(hidden, b_body["dossier"]["code"])
        # B's own later update is applied: nothing of A's reached B's dossier.
        b_body["version"] = 2
        b_body["dossier"]["applicant"]["phone"] = "0912345678"
        update = desk_b.put_dossier(b_id, b_body)
        assert update.status_code == 200 and update.json()["applied"] is True
        stored = {d["dossier_id"]: d for d in list_dossiers(db_url)}
        assert stored[b_id]["dossier"]["applicant"]["full_name"] == "Nguyễn Thị Lan"
        assert stored[b_id]["receiving_unit"] == B
        assert other_id not in stored


def test_reads_events_and_conflicts_never_reveal_another_units_ids(portal, db_url) -> None:
    with ExitStack() as stack:
        desk_a, desk_b = _desk(stack, portal, db_url, A), _desk(stack, portal, db_url, B)
        b_id, b_body = dossier_body(B, number=11)
        assert desk_b.put_dossier(b_id, b_body).status_code == 201
        code = b_body["dossier"]["code"]
        by_code = desk_a.http.get("/v1/dossiers", params={"code": code})
        assert by_code.status_code == 404 and not _leaks(by_code, b_id)
        by_id = desk_a.http.get(f"/v1/dossiers/{b_id}")
        assert by_id.status_code == 404 and not _leaks(by_id, code)
        event = desk_a.add_event(b_id, {"event_id": new_id(), "status": "TU_CHOI", "at": "2026-11-24T09:00:00"})
        assert event.status_code == 404 and not _leaks(event, code)
        # A code conflict inside one's own unit says which code, never the other dossier's id.
        a_id, a_body = dossier_body(A, number=12)
        assert desk_a.put_dossier(a_id, a_body).status_code == 201
        twin_id, twin = dossier_body(A, number=12)
        conflict = desk_a.put_dossier(twin_id, twin)
        assert conflict.status_code == 409 and conflict.json()["error"]["code"] == "code_conflict"
        assert not _leaks(conflict, a_id)


def test_an_agent_files_only_for_the_units_granted_to_it(portal, db_url) -> None:
    with ExitStack() as stack:
        agent = _desk(stack, portal, db_url, P, kind="post_office", grant_units=[A])
        assert {u["unit_code"]: u["role"] for u in agent.enrolment["units"]} == {P: "own", A: "granted"}
        a_id, a_body = _agent_body(A, P, number=21)
        assert agent.put_dossier(a_id, a_body).status_code == 201
        b_id, b_body = _agent_body(B, P, number=22)
        assert agent.put_dossier(b_id, b_body).status_code == 403
        # The receiving unit must be the agent's own: it cannot pose as the commune's desk.
        posing_id, posing = _agent_body(A, A, number=23)
        assert agent.put_dossier(posing_id, posing).status_code == 403
        blocks = agent.http.post("/v1/code-blocks", json={"day": vietnam_today().isoformat(), "count": 5,
                                                          "unit_code": A}, headers={"Idempotency-Key": new_id()})
        assert blocks.status_code == 201 and blocks.json()["unit_code"] == A
        refused = agent.http.post("/v1/code-blocks", json={"day": vietnam_today().isoformat(), "count": 5,
                                                           "unit_code": B}, headers={"Idempotency-Key": new_id()})
        assert refused.status_code == 403
        # A grant made at the portal reaches the device through its feed, and only that device.
        granted = grant_unit(db_url, agent.device_id, B)
        assert {u["unit_code"] for u in granted["units"]} == {P, A, B}
        assert agent.put_dossier(b_id, b_body).status_code == 201
        feed = [c for c in agent.changes()["changes"] if c["kind"] == "device.units"]
        assert [sorted(u["unit_code"] for u in c["units"]) for c in feed] == [sorted([P, A, B])]
        withdraw_unit(db_url, agent.device_id, B)
        b_body["version"] = 2
        assert agent.put_dossier(b_id, b_body).status_code == 403
        listed = agent.http.get("/v1/device").json()
        assert {u["unit_code"] for u in listed["units"]} == {P, A} and listed["kind"] == "post_office"
        commune = _desk(stack, portal, db_url, A)
        assert not [c for c in commune.changes()["changes"] if c["kind"] == "device.units"]


def test_a_unit_desk_cannot_be_granted_other_units(db_url) -> None:
    import pytest

    from app.errors import InputError

    with pytest.raises(InputError, match="post-office or community-team"):
        create_enrolment_token(db_url, A, grant_units=[B])


def test_a_bundle_gets_the_same_answers_as_http(portal, db_url, blobs_dir, tmp_path) -> None:
    with ExitStack() as stack:
        desk_a, desk_b = _desk(stack, portal, db_url, A), _desk(stack, portal, db_url, B)
        b_id, b_body = dossier_body(B, number=31)
        assert desk_b.put_dossier(b_id, b_body).status_code == 201
        hostile = json.loads(json.dumps(b_body))
        hostile["version"] = 5
        hostile["dossier"]["receiving_unit"] = A
        own_id, own = dossier_body(A, number=32)
        operations = [Operation(new_id(), "PUT", f"/v1/dossiers/{b_id}", "lan", hostile),
                      Operation(new_id(), "PUT", f"/v1/dossiers/{own_id}", "lan", own),
                      Operation(new_id(), "POST", "/v1/code-blocks", "lan",
                                {"day": date.today().isoformat(), "count": 5, "unit_code": B})]
        path = tmp_path / "a.mcbundle"
        path.write_bytes(write_bundle(device_id=desk_a.device_id, device_secret=desk_a.secret,
                                      operations=operations, blobs={}))
        summary = import_bundle(db_url, blobs_dir, path)
        assert [r["status"] for r in summary["results"]] == [403, 201, 403]
        assert b_id not in json.dumps(summary["results"][0]["body"])
        stored = {d["dossier_id"]: d for d in list_dossiers(db_url)}
        assert stored[b_id]["version"] == 1 and stored[b_id]["receiving_unit"] == B


def test_one_code_has_one_form_at_the_portal(portal, db_url) -> None:
    """Full-width or Arabic-Indic digits and padding made five "different" dossiers of one code."""
    with ExitStack() as stack:
        desk = _desk(stack, portal, db_url, A)
        first_id, first = dossier_body(A, number=361)
        assert desk.put_dossier(first_id, first).status_code == 201
        code = first["dossier"]["code"]
        digits = str.maketrans("0123456789", "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19")
        arabic = str.maketrans("0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")
        head, number = code.rsplit("-", 1)
        for variant in (f"{head}-{number.translate(digits)}", f"{head}-{number.translate(arabic)}",
                        f" {code}", f"{code} ", f"{code}\t"):
            twin_id, twin = dossier_body(A)
            twin["dossier"]["code"] = variant
            answer = desk.put_dossier(twin_id, twin)
            assert answer.status_code == 422, (variant, answer.text)
            assert answer.json()["error"]["field"] == "dossier.code"
        assert [d["code"] for d in list_dossiers(db_url)] == [code]
