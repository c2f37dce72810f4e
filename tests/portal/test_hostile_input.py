"""Hostile request bodies, paths, queries and headers get a 4xx naming the field, never a 500,
on SQLite and PostgreSQL: a 500 tells the desk to retry the same bad request forever."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import httpx

from app.ids import new_id
from portal.admin import create_enrolment_token, list_dossiers
from portal.codeblocks import vietnam_today
from tests.portal.support import Desk, dossier_body, sha

SCAN = b"%PDF-1.4 hostile input test page"
HOSTILE: list[Any] = [
    "\ud800", "x" * 10_000, "a\x00b", "e\u0301", 10**30, 2**31, -1, 1.5, True, None, [], {},
    "9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+14:00", "10000-01-01T00:00:00", "x" * 37,
]
RAW_BODIES = [b"[" * 100_000, b'{"a": NaN}', b'{"a": Infinity}', b'{"a": -Infinity}', b'{"a": 1e999}',
              b'{"a": 1, "a": 2}', b"[]", b'"text"', b"42", b"null", b"", b"\xff\xfe", b'{"a": 1',
              b'{"a": "' + b"9" * 5000 + b'"}', b"9" * 5000]


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a body, containers included (the body itself excluded)."""
    children = value.items() if isinstance(value, dict) else enumerate(value) \
        if isinstance(value, list) else ()
    for key, child in children:
        yield (*prefix, key)
        yield from paths(child, (*prefix, key))


def replaced(body: Any, path: tuple[Any, ...], value: Any) -> Any:
    out = copy.deepcopy(body)
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


def send(desk: Desk, method: str, url: str, body: Any, **headers: str) -> Any:
    """The body as JSON with \\u escapes, so lone surrogates travel as the hostile desk wrote them."""
    raw = body if isinstance(body, bytes) else json.dumps(body).encode("ascii")
    return desk.http.request(method, url, content=raw, headers={
        "Content-Type": "application/json", "Idempotency-Key": new_id(), **headers})


def refusals(attempts: Iterator[tuple[str, Any]]) -> list[str]:
    """The attempts answered with a 5xx, described for the assertion message."""
    return [f"{what}: {response.status_code} {response.text[:200]}"
            for what, response in attempts if response.status_code >= 500]


def test_every_field_of_every_body_answers_hostile_values_below_500(desk: Desk) -> None:
    assert desk.upload(SCAN).status_code == 201
    _, template = dossier_body(hashes=[sha(SCAN)])
    anchor_id, anchor = dossier_body(hashes=[sha(SCAN)])
    assert desk.put_dossier(anchor_id, anchor).status_code == 201
    event = {"event_id": new_id(), "status": "DANG_XU_LY", "at": "2026-11-24T09:00:00", "note": "ghi chú"}
    block = {"day": vietnam_today().isoformat(), "count": 1, "unit_code": desk.unit}

    def attempts() -> Iterator[tuple[str, Any]]:
        for path in paths(template):
            for value in HOSTILE:
                dossier_id, body = dossier_body(hashes=[sha(SCAN)])
                body = replaced(body, path, value)
                if path[-1] != "dossier_id" and isinstance(body.get("dossier"), dict):
                    body["dossier"]["dossier_id"] = dossier_id
                yield f"PUT {path}={str(value)[:20]!r}", send(desk, "PUT", f"/v1/dossiers/{dossier_id}", body)
        for path in paths(event):
            for value in HOSTILE:
                body = replaced({**event, "event_id": new_id()}, path, value)
                yield f"event {path}", send(desk, "POST", f"/v1/dossiers/{anchor_id}/events", body)
        others = ((block, "/v1/code-blocks"), ({"hashes": [sha(SCAN)]}, "/v1/blobs/missing"))
        for body_template, url in others:
            for path in paths(body_template):
                for value in HOSTILE:
                    yield f"{url} {path}", send(desk, "POST", url, replaced(body_template, path, value))
        enrolment = {"token": "t" * 43, "device_name": "Máy 2", "device_secret": "s" * 43}
        for path in paths(enrolment):
            for value in HOSTILE:
                yield f"enrol {path}", send(desk, "POST", "/v1/enrol", replaced(enrolment, path, value))

    assert refusals(attempts()) == []


def test_hostile_keys_raw_bodies_and_nesting_are_refused(desk: Desk, portal) -> None:
    dossier_id, body = dossier_body()
    for where in ((), ("dossier",), ("dossier", "applicant"), ("dossier", "documents", 0)):
        bad = copy.deepcopy(body)
        target = bad
        for key in where:
            target = target[key]
        target["\ud800"] = 1
        answer = send(desk, "PUT", f"/v1/dossiers/{dossier_id}", bad)
        assert answer.status_code == 422 and answer.json()["error"]["details"]["problem"] == "lone_surrogate"
    urls = [("PUT", f"/v1/dossiers/{dossier_id}"), ("POST", f"/v1/dossiers/{dossier_id}/events"),
            ("POST", "/v1/code-blocks"), ("POST", "/v1/blobs/missing"), ("POST", "/v1/enrol")]
    assert refusals((f"{method} {url} {raw[:20]!r}", send(desk, method, url, raw))
                    for method, url in urls for raw in RAW_BODIES) == []
    deep = send(desk, "PUT", f"/v1/dossiers/{dossier_id}", b"[" * 100_000)
    assert deep.status_code == 422 and deep.json()["error"]["details"]["problem"] == "too_deep"
    twice = send(desk, "PUT", f"/v1/dossiers/{dossier_id}", b'{"version": 1, "version": 2}')
    assert twice.status_code == 422 and "'version'" in twice.json()["error"]["message_en"]
    nan = send(desk, "PUT", f"/v1/dossiers/{dossier_id}", b'{"version": NaN}')
    assert nan.status_code == 422 and nan.json()["error"]["field"] == "version"


def test_refusals_name_the_field_in_both_languages_without_echoing_the_value(desk: Desk) -> None:
    dossier_id, body = dossier_body()
    body["dossier"]["applicant"]["full_name"] = "Nguyễn \ud800"
    error = send(desk, "PUT", f"/v1/dossiers/{dossier_id}", body).json()["error"]
    assert error["field"] == "dossier.applicant.full_name"
    assert error["field"] in error["message_vi"] and error["field"] in error["message_en"]
    body["dossier"]["applicant"]["full_name"] = "Nguyễn Thị Lan"
    body["dossier"]["status"] = "X" * 10_000
    error = send(desk, "PUT", f"/v1/dossiers/{dossier_id}", body).json()["error"]
    assert error["field"] == "dossier.status" and len(error["message"]) < 300
    body["dossier"]["status"] = "DA_TIEP_NHAN"
    body["dossier"]["received_at"] = "9999-12-31T23:59:59-23:59"
    error = send(desk, "PUT", f"/v1/dossiers/{dossier_id}", body).json()["error"]
    assert error["field"] == "dossier.received_at" and "2000" in error["message_en"]
    body["dossier"]["received_at"] = "2026-11-24T08:00:00"
    body["version"] = 2**31
    error = send(desk, "PUT", f"/v1/dossiers/{dossier_id}", body).json()["error"]
    assert error["field"] == "version" and error["code"] == "validation"


def test_over_long_ids_in_paths_and_bodies_are_refused_not_overflowed(desk: Desk, db_url) -> None:
    for bad_id in ("a" * 37, "a" * 10_000, "a%00b", "%F0%9F%98%80"):
        _, body = dossier_body()
        body["dossier"].pop("dossier_id")
        put = send(desk, "PUT", f"/v1/dossiers/{bad_id}", body)
        assert put.status_code == 422 and put.json()["error"]["field"] == "dossier_id", put.text
        event = {"event_id": new_id(), "status": "DANG_XU_LY", "at": "2026-11-24T09:00:00"}
        assert send(desk, "POST", f"/v1/dossiers/{bad_id}/events", event).status_code == 422
        assert desk.http.get(f"/v1/dossiers/{bad_id}").status_code == 422
    dossier_id, body = dossier_body()
    assert desk.put_dossier(dossier_id, body).status_code == 201
    event = {"event_id": "e" * 37, "status": "DANG_XU_LY", "at": "2026-11-24T09:00:00"}
    answer = send(desk, "POST", f"/v1/dossiers/{dossier_id}/events", event)
    assert answer.status_code == 422 and answer.json()["error"]["field"] == "event_id"
    for code in ("x" * 10_000, "a\x00b"):
        assert desk.http.get("/v1/dossiers", params={"code": code}).status_code == 422
    assert len(list_dossiers(db_url)) == 1


def test_query_parameters_and_headers_are_bounded(desk: Desk, portal) -> None:
    for params, field in (({"after": 10**30}, "after"), ({"limit": -1}, "limit"), ({"after": -1}, "after"),
                          ({"limit": 10**30}, "limit"), ({"after": "1e3"}, "after")):
        answer = desk.http.get("/v1/changes", params=params)
        assert answer.status_code == 422 and answer.json()["error"]["field"] == field, answer.text
    dossier_id, body = dossier_body()
    long_user = send(desk, "PUT", f"/v1/dossiers/{dossier_id}", body, **{"X-Acting-User": "x" * 10_000})
    assert long_user.status_code == 400 and long_user.json()["error"]["field"] == "X-Acting-User"
    long_key = send(desk, "PUT", f"/v1/dossiers/{dossier_id}", body, **{"Idempotency-Key": "k" * 10_000})
    assert long_key.status_code == 400
    name = sha(b"headers")
    for offset, length in (("9" * 5000, "10"), ("0", "9" * 5000), ("0", "\u00b2".encode("latin-1"))):
        answer = desk.http.patch(f"/v1/blobs/{name}", content=b"x", headers={
            "Upload-Offset": offset, "Upload-Length": length,
            "Content-Type": "application/offset+octet-stream"})
        assert answer.status_code == 400, answer.text
    for bad in ("x" * 10_000, "A" * 64):
        assert desk.http.head(f"/v1/blobs/{bad}").status_code < 500
        assert desk.http.get(f"/v1/blobs/{bad}/offset").status_code == 422


def test_a_device_name_of_10000_characters_is_refused(portal, db_url) -> None:
    token = create_enrolment_token(db_url, "000.00.06.H56")
    for name in ("x" * 10_000, "Máy\x00", "Máy \ud800"):
        raw = json.dumps({"token": token, "device_name": name})
        answer = httpx.post(f"{portal.url}/v1/enrol", content=raw,
                            headers={"Content-Type": "application/json"}, timeout=30)
        assert answer.status_code == 422 and answer.json()["error"]["field"] == "device_name"
    assert httpx.post(f"{portal.url}/v1/enrol", json={"token": token, "device_name": "Máy 1"},
                      timeout=30).status_code == 201


def test_a_code_block_request_naming_a_malformed_unit_is_refused(desk: Desk) -> None:
    answer = send(desk, "POST", "/v1/code-blocks", {"day": vietnam_today().isoformat(), "count": 1,
                                                    "unit_code": "not a unit"})
    assert answer.status_code == 422 and answer.json()["error"]["field"] == "unit_code"
