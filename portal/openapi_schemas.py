"""Request-body schemas for the published OpenAPI document.

The handlers read raw JSON (see portal/server.py), so FastAPI cannot infer these; they are
written out here to keep /openapi.json a faithful description of docs/sync-protocol.md.
"""

from __future__ import annotations

from typing import Any

_SHA = {"type": "string", "pattern": "^[0-9a-f]{64}$"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


_PAGE = {"type": "object", "required": ["sha256", "size"],
         "properties": {"id": {"type": "string"}, "seq": {"type": "integer"}, "sha256": _SHA,
                        "size": {"type": "integer", "minimum": 0}, "mime": {"type": "string"}}}
_DOCUMENT = {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                                              "pages": {"type": "array", "items": _PAGE}}}
_DOSSIER = {"type": "object", "additionalProperties": True,
            "required": ["code", "unit_code", "received_at", "procedure", "applicant"],
            "properties": {"dossier_id": {"type": "string"}, "code": {"type": "string"},
                           "unit_code": {"type": "string"}, "receiving_unit": {"type": "string"},
                           "status": {"type": "string"}, "received_at": {"type": "string",
                                                                         "format": "date-time"},
                           "procedure": {"type": "object", "required": ["code"]},
                           "applicant": {"type": "object", "required": ["full_name"]},
                           "documents": {"type": "array", "items": _DOCUMENT}}}

BODY_SCHEMAS: dict[str, dict[str, Any]] = {
    "enrol": _json({"type": "object", "required": ["token", "device_name"],
                    "properties": {"token": {"type": "string"}, "device_name": {"type": "string"},
                                   "device_secret": {"type": "string",
                                                     "pattern": "^[A-Za-z0-9_-]{43,128}$"}}}),
    "dossier": _json({"type": "object", "required": ["version", "dossier"],
                      "properties": {"version": {"type": "integer", "minimum": 1}, "dossier": _DOSSIER}}),
    "event": _json({"type": "object", "required": ["event_id", "status", "at"],
                    "properties": {"event_id": {"type": "string"}, "status": {"type": "string"},
                                   "at": {"type": "string", "format": "date-time"},
                                   "note": {"type": "string"}}}),
    "code_block": _json({"type": "object", "required": ["day", "count"],
                         "properties": {"day": {"type": "string", "format": "date"},
                                        "count": {"type": "integer", "minimum": 1, "maximum": 1000}}}),
    "anchor": _json({"type": "object", "required": ["seq", "hash", "at"],
                     "properties": {"seq": {"type": "integer", "minimum": 1}, "hash": _SHA,
                                    "at": {"type": "string", "maxLength": 40}}}),
    "missing": _json({"type": "object", "required": ["hashes"],
                      "properties": {"hashes": {"type": "array", "items": _SHA, "maxItems": 1000}}}),
    "chunk": {"requestBody": {"required": True, "content": {
        "application/offset+octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
        "parameters": [{"name": name, "in": "header", "required": True, "schema": {"type": "integer"}}
                       for name in ("Upload-Offset", "Upload-Length")]},
}
