"""The portal's checks of request bodies: the wire schema (app/wire.py) worded as 422 errors.

The desk quarantines a dossier on such an answer and shows the message as it is, so each
message names the field (portal.errors.from_wire) and lets an official find it without a log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.wire import CodeBlockRequest, EventBody, check_id, parse, parse_dossier_put
from portal.errors import wire_checked


@dataclass(frozen=True)
class CheckedDossier:
    version: int
    code: str
    unit_code: str
    receiving_unit: str
    status: str
    received_at: datetime
    hashes: list[str]
    data: dict[str, Any]


def check_dossier(dossier_id: str, body: dict[str, Any]) -> CheckedDossier:
    """The PUT body checked against docs/sync-protocol.md §4.1; raises a 422 on the first fault."""
    with wire_checked():
        put = parse_dossier_put(dossier_id, body)
    unit, receiving = put.dossier.unit_code, put.receiving_unit  # authorised in portal/dossiers.py
    return CheckedDossier(put.version, put.dossier.code, unit, receiving, put.status,
                          put.dossier.received_at, put.dossier.hashes, body["dossier"])


def check_event(dossier_id: str, body: dict[str, Any]) -> EventBody:
    """A status event body (§4.2) for the dossier in the path."""
    with wire_checked():
        check_id(dossier_id, "dossier_id")
        return parse(EventBody, body)


def check_code_block(body: dict[str, Any]) -> CodeBlockRequest:
    """A number-block request (§7); its `unit_code` is None when the device asks for its own unit."""
    with wire_checked():
        return parse(CodeBlockRequest, body)
