"""The wire schema (app/wire.py): the JSON rules every body obeys, and the desk's own outbox
payloads passing the schema the portal checks them with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.reception.service import confirm_reception
from app.store.models import OutboxItem
from app.wire import (
    CodeBlockRequest,
    DossierPut,
    OutboxKind,
    WireProblem,
    load_json,
    outbox_request,
    parse,
    parse_change,
)
from tests.app.reception_support import MONDAY_9, birth_request, store  # noqa: F401


def problem(raw: bytes) -> tuple[str, str]:
    with pytest.raises(WireProblem) as caught:
        load_json(raw)
    return caught.value.field, caught.value.kind


def test_json_rules_of_every_body() -> None:
    assert isinstance(load_json(b"[" * 32 + b"]" * 32), list)  # exactly max_json_depth is fine
    assert problem(b"[" * 33 + b"]" * 33) == ("body", "too_deep")
    assert load_json(b'["' + b"[" * 100 + b'"]') == ["[" * 100]  # brackets inside strings do not nest
    assert load_json(b'["a\\"[[[[", "\\\\"]') == ['a"[[[[', "\\"]  # nor after escaped quotes
    assert problem(b'"\\' * 1000) == ("body", "not_json")  # an unterminated string
    assert problem(b'{"a": {"b": 1, "b": 2}}') == ("a", "duplicate_key")
    assert problem(b'{"a": [1, NaN]}') == ("a[1]", "not_finite")
    assert problem(b'{"a": 1e999}') == ("a", "not_finite")
    assert problem(b'{"a": {"\\ud800x": 1}}') == ("a.\\ud800x", "lone_surrogate")
    assert problem(b'{"a": "\\u0000"}') == ("a", "nul_char")
    assert problem(b"\xc3\x28") == ("body", "not_utf8")
    assert problem(b'{"a": ' + b"9" * 5000 + b"}") == ("body", "not_json")


def test_field_problems_carry_a_path_a_kind_and_bounded_parameters() -> None:
    with pytest.raises(WireProblem) as caught:
        parse(DossierPut, {"version": 1, "dossier": {"documents": [{}, {"pages": [{"sha256": "A" * 500}]}]}})
    assert caught.value.field == "dossier.code" and caught.value.kind == "missing"
    body = {"version": 1, "dossier": {"code": "000.00.06.H56-261124-0001", "unit_code": "000.00.06.H56",
                                      "received_at": "2026-11-24T08:00:00", "procedure": {"code": "1"},
                                      "applicant": {"full_name": "Lan"},
                                      "documents": [{}, {"pages": [{"sha256": "A" * 64, "size": 1}]}]}}
    with pytest.raises(WireProblem) as caught:
        parse(DossierPut, body)
    assert (caught.value.field, caught.value.kind) == ("dossier.documents[1].pages[0].sha256", "not_sha256")
    assert len(caught.value.params["value"]) <= 41
    assert parse(CodeBlockRequest, {"day": "2026-11-24", "count": 5}).unit_code is None
    assert parse(CodeBlockRequest, {"day": "2026-11-24", "count": 5,
                                    "unit_code": "000.00.06.H56"}).unit_code == "000.00.06.H56"
    with pytest.raises(WireProblem, match="count: type"):
        parse(CodeBlockRequest, {"day": "2026-11-24", "count": 5.0})
    assert parse_change({"kind": "something.new", "seq": 9}) == ("something.new", None)


def test_the_desks_outbox_payload_is_valid_under_the_schema(store, tmp_path: Path) -> None:  # noqa: F811
    result = confirm_reception(store, birth_request(store, tmp_path / "pages"), now=MONDAY_9)
    with store.read_session() as session:
        row = session.scalar(select(OutboxItem).where(OutboxItem.dossier_id == result.dossier_id))
        kind, payload = row.kind, json.loads(json.dumps(row.payload))
    assert kind == OutboxKind.DOSSIER_CREATE
    method, path, body = outbox_request(kind, result.dossier_id, payload)
    assert (method, path) == ("PUT", f"/v1/dossiers/{result.dossier_id}")
    assert body == {"version": 1, "dossier": payload}  # sent as stored: extra fields untouched
    put = parse(DossierPut, body)
    assert put.dossier.code == result.code and put.dossier.model_extra["fee"] == payload["fee"]
    assert len(put.dossier.hashes) == 2
    payload["applicant"]["full_name"] = "Nguye\u0302\u0303n"  # decomposed, not NFC
    with pytest.raises(WireProblem) as caught:
        outbox_request(kind, result.dossier_id, payload)
    assert (caught.value.field, caught.value.kind) == ("dossier.applicant.full_name", "not_nfc")
    assert outbox_request("dossier.unknown", result.dossier_id, payload) is None
