"""Request-body schemas of the published OpenAPI document, generated from app/wire.py.

The handlers read raw JSON (see portal/server.py), so FastAPI cannot infer the bodies; each
route names its wire model here and `install_schemas` puts the models' JSON Schemas into the
document's components, so /openapi.json and the portal's checks come from one definition.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from app.wire import (REQUEST_MODELS, AuditAnchorBody, CodeBlockRequest, DossierPut, EnrolRequest, EventBody,
                      MissingRequest)

_REF = "#/components/schemas/{model}"


def _json(model: type[BaseModel]) -> dict[str, Any]:
    schema = {"$ref": _REF.format(model=model.__name__)}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


BODY_SCHEMAS: dict[str, dict[str, Any]] = {
    "enrol": _json(EnrolRequest),
    "dossier": _json(DossierPut),
    "event": _json(EventBody),
    "code_block": _json(CodeBlockRequest),
    "anchor": _json(AuditAnchorBody),
    "missing": _json(MissingRequest),
    "chunk": {"requestBody": {"required": True, "content": {
        "application/offset+octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
        "parameters": [{"name": name, "in": "header", "required": True, "schema": {"type": "integer"}}
                       for name in ("Upload-Offset", "Upload-Length", "Content-Length")]},
}


def install_schemas(api: FastAPI) -> None:
    """Make `api.openapi()` carry the wire models the routes' request bodies refer to."""
    def openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            schema = FastAPI.openapi(api)
            _, defs = models_json_schema([(model, "validation") for model in REQUEST_MODELS],
                                         ref_template=_REF)
            schema.setdefault("components", {}).setdefault("schemas", {}).update(defs.get("$defs", {}))
        return api.openapi_schema  # type: ignore[return-value]

    api.openapi = openapi  # type: ignore[method-assign]
