"""The portal's HTTP API (FastAPI) and how to serve it; the routes of docs/sync-protocol.md.

Handlers are thin: they read headers and the raw body (the raw body because the idempotency
hash and our own Vietnamese/English validation messages need it, not FastAPI's), then call the
synchronous services in a worker thread so the event loop never waits on the database or fsync.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from fastapi import Depends, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool

from app.errors import InputError
from portal import anchors, devices
from portal.blobs import MAX_BLOB_BYTES, MAX_CHUNK_BYTES, BlobStore, check_sha
from portal.changes import read_changes
from portal.db import get_engine
from portal.dossiers import get_dossier
from portal.errors import PortalError, bad_request, validation
from portal.openapi_schemas import BODY_SCHEMAS
from portal.operations import apply_operation

PROTOCOL_VERSION = 1
MAX_JSON_BYTES = 1024 * 1024
T = TypeVar("T")
_bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer <device secret>")
AUTH = [Depends(_bearer)]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


async def _call(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    return await run_in_threadpool(func, *args, **kwargs)


def _error_response(error: PortalError) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers)


def _install_error_handlers(api: FastAPI) -> None:
    @api.exception_handler(PortalError)
    async def _portal_error(_: Request, error: PortalError) -> JSONResponse:
        return _error_response(error)

    @api.exception_handler(RequestValidationError)
    async def _bad_params(_: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {"loc": ["request"]}
        field = ".".join(str(part) for part in first.get("loc", ["request"])[1:]) or "request"
        return _error_response(validation(field, "không hợp lệ", "is not valid"))

    @api.exception_handler(OperationalError)
    async def _db_busy(_: Request, __: OperationalError) -> JSONResponse:
        return _error_response(PortalError(503, "busy", "Cơ sở dữ liệu của cổng đang bận, hãy thử lại",
                                           "The portal's database is busy, try again",
                                           headers={"Retry-After": "2"}))

    @api.exception_handler(Exception)
    async def _internal(_: Request, __: Exception) -> JSONResponse:
        return _error_response(PortalError(500, "internal", "Lỗi nội bộ của cổng; chưa có gì được ghi nhận",
                                           "Internal portal error; nothing was applied"))


async def _json_body(request: Request) -> Any:
    """The parsed body, refused with 413 past MAX_JSON_BYTES whether or not a length was declared."""
    length = request.headers.get("content-length")
    too_large = PortalError(413, "too_large", f"Nội dung vượt {MAX_JSON_BYTES} byte",
                            f"The body exceeds {MAX_JSON_BYTES} bytes", details={"limit": MAX_JSON_BYTES})
    if length is not None and length.isdigit() and int(length) > MAX_JSON_BYTES:
        raise too_large
    raw = bytearray()
    async for part in request.stream():
        raw += part
        if len(raw) > MAX_JSON_BYTES:
            raise too_large
    try:
        return json.loads(bytes(raw) or b"null")
    except (ValueError, UnicodeDecodeError):
        raise validation("body", "không phải JSON hợp lệ", "is not valid JSON") from None


class PortalTimeMiddleware:
    """Adds `X-Portal-Time` to every response (a plain ASGI middleware: no per-request task)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_time(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-portal-time", _now().encode("ascii"))]
            await send(message)

        await self.app(scope, receive, send_with_time)


def _header_int(request: Request, name: str) -> int:
    value = request.headers.get(name)
    if value is None or not value.isdigit():
        raise bad_request(name, "phải là số nguyên không âm", "must be a whole number ≥ 0")
    return int(value)


def create_app(db_url: str, blobs_dir: str | Path, *, max_blob_bytes: int = MAX_BLOB_BYTES,
               max_chunk_bytes: int = MAX_CHUNK_BYTES) -> FastAPI:
    """The portal application on `db_url` (SQLite file or PostgreSQL URL) and a blob folder."""
    engine = get_engine(db_url)
    store = BlobStore(engine, Path(blobs_dir), max_blob=max_blob_bytes, max_chunk=max_chunk_bytes)
    api = FastAPI(title="MotCua reference portal", version=str(PROTOCOL_VERSION),
                  description="Server side of the MotCua Desk sync protocol (docs/sync-protocol.md).")
    api.state.engine, api.state.blobs = engine, store
    _install_error_handlers(api)

    api.add_middleware(PortalTimeMiddleware)

    async def auth(request: Request, *, mutating: bool) -> devices.AuthenticatedDevice:
        return await _call(devices.authenticate, engine, request.headers.get("authorization"),
                           request.headers.get("x-acting-user"), mutating=mutating)

    async def mutate(request: Request) -> JSONResponse:
        device = await auth(request, mutating=True)
        body = await _json_body(request)
        outcome = await _call(apply_operation, engine, device, request.headers.get("idempotency-key"),
                              request.method, request.url.path, body)
        headers = {"Idempotent-Replayed": "true"} if outcome.replayed else {}
        return JSONResponse(outcome.body, status_code=outcome.status, headers=headers)

    @api.get("/v1/limits", tags=["meta"])
    async def limits() -> dict[str, Any]:
        return {"protocol": PROTOCOL_VERSION, "max_blob_bytes": store.max_blob,
                "max_chunk_bytes": store.max_chunk,
                "max_json_bytes": MAX_JSON_BYTES, "portal_time": _now()}

    @api.post("/v1/enrol", tags=["devices"], status_code=201, openapi_extra=BODY_SCHEMAS["enrol"])
    async def enrol(request: Request) -> JSONResponse:
        body = await _json_body(request)
        if not isinstance(body, dict):
            raise validation("body", "phải là một đối tượng JSON", "must be a JSON object")
        status, result = await _call(devices.enrol, engine, body.get("token"), body.get("device_name"),
                                     body.get("device_secret"))
        return JSONResponse(result, status_code=status)

    @api.put("/v1/dossiers/{dossier_id}", tags=["dossiers"], dependencies=AUTH,
             openapi_extra=BODY_SCHEMAS["dossier"])
    async def put_dossier(dossier_id: str, request: Request) -> JSONResponse:
        return await mutate(request)

    @api.post("/v1/dossiers/{dossier_id}/events", tags=["dossiers"], dependencies=AUTH,
              openapi_extra=BODY_SCHEMAS["event"])
    async def post_event(dossier_id: str, request: Request) -> JSONResponse:
        return await mutate(request)

    @api.post("/v1/code-blocks", tags=["codes"], dependencies=AUTH, openapi_extra=BODY_SCHEMAS["code_block"])
    async def post_code_block(request: Request) -> JSONResponse:
        return await mutate(request)

    @api.get("/v1/device", tags=["devices"], dependencies=AUTH)
    async def read_device(request: Request) -> dict[str, Any]:
        """The calling device: its unit, kind and the units it may file for, with its number ranges."""
        device = await auth(request, mutating=False)
        return await _call(devices.own_profile, engine, device)

    @api.get("/v1/dossiers/{dossier_id}", tags=["dossiers"], dependencies=AUTH)
    async def read_dossier(dossier_id: str, request: Request) -> dict[str, Any]:
        device = await auth(request, mutating=False)
        return await _call(get_dossier, engine, device, dossier_id=dossier_id)

    @api.get("/v1/dossiers", tags=["dossiers"], dependencies=AUTH)
    async def find_dossier(code: str, request: Request) -> dict[str, Any]:
        device = await auth(request, mutating=False)
        return await _call(get_dossier, engine, device, code=code)

    @api.get("/v1/changes", tags=["feed"], dependencies=AUTH)
    async def changes(request: Request, after: int = 0, limit: int = 100) -> dict[str, Any]:
        device = await auth(request, mutating=False)
        return await _call(read_changes, engine, device, after, limit)

    @api.put("/v1/audit-anchor", tags=["devices"], dependencies=AUTH, openapi_extra=BODY_SCHEMAS["anchor"])
    async def put_audit_anchor(request: Request) -> dict[str, Any]:
        device = await auth(request, mutating=True)
        return await _call(anchors.put_anchor, engine, device, await _json_body(request))

    @api.get("/v1/audit-anchor", tags=["devices"], dependencies=AUTH)
    async def get_audit_anchor(request: Request) -> dict[str, Any]:
        return await _call(anchors.get_anchor, engine, await auth(request, mutating=False))

    _blob_routes(api, store, auth)
    return api


def _blob_routes(api: FastAPI, store: BlobStore, auth: Callable[..., Any]) -> None:
    @api.post("/v1/blobs/missing", tags=["blobs"], dependencies=AUTH, openapi_extra=BODY_SCHEMAS["missing"])
    async def missing(request: Request) -> dict[str, Any]:
        await auth(request, mutating=False)
        body = await _json_body(request)
        hashes = body.get("hashes") if isinstance(body, dict) else None
        missing, offsets = await _call(store.missing_with_offsets, hashes)
        return {"missing": missing, "offsets": offsets}

    def upload_headers(state: Any) -> dict[str, str]:
        headers = {"Upload-Offset": str(state.offset), "Upload-Complete": "?1" if state.complete else "?0",
                   "Cache-Control": "no-store"}
        if state.length is not None:
            headers["Upload-Length"] = str(state.length)
        return headers

    @api.head("/v1/blobs/{sha256}", tags=["blobs"], dependencies=AUTH)
    async def head_blob(sha256: str, request: Request) -> Response:
        await auth(request, mutating=False)
        state = await _call(store.state, sha256)
        if state is None:
            return Response(status_code=404, headers={"Upload-Offset": "0", "Cache-Control": "no-store"})
        return Response(status_code=200, headers=upload_headers(state))

    @api.get("/v1/blobs/{sha256}/offset", tags=["blobs"], dependencies=AUTH)
    async def blob_offset(sha256: str, request: Request) -> dict[str, Any]:
        await auth(request, mutating=False)
        state = await _call(store.state, sha256)
        return state.to_dict() if state else {"sha256": sha256, "offset": 0, "length": None,
                                              "complete": False}

    @api.patch("/v1/blobs/{sha256}", tags=["blobs"], dependencies=AUTH,
               openapi_extra=BODY_SCHEMAS["chunk"])
    async def patch_blob(sha256: str, request: Request) -> Response:
        await auth(request, mutating=False)
        check_sha(sha256)
        offset, length = _header_int(request, "Upload-Offset"), _header_int(request, "Upload-Length")
        declared = _header_int(request, "Content-Length")
        store.check_sizes(length, declared)  # 413 before a single byte of the body is read
        state = await _call(store.state, sha256)
        if state is not None and state.complete:
            return Response(status_code=201, headers=upload_headers(state))
        chunk = await request.body()
        if len(chunk) != declared:
            raise bad_request("Content-Length", "khác số byte nhận được", "differs from the bytes received")
        if offset == 0 and len(chunk) == length and (state is None or state.offset == 0):
            state = await _call(store.put_sent_whole, sha256, chunk)
        else:
            state = await _call(store.append, sha256, offset, length, chunk)
        return Response(status_code=201 if state.complete else 204, headers=upload_headers(state))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db_url: str, blobs: str | Path, host: str = "127.0.0.1", port: int = 8765, *,
          certfile: str | None = None, keyfile: str | None = None) -> None:
    """Run the portal with uvicorn until interrupted. Plain HTTP only on a loopback address."""
    import uvicorn

    if not _is_loopback(host) and not (certfile and keyfile):
        raise InputError(f"--host {host}: plain HTTP is allowed only on loopback; give --tls-cert and "
                         "--tls-key to serve on the network")
    if not 1 <= port <= 65535:
        raise InputError(f"--port: {port} is not a TCP port (1–65535)")
    app = create_app(db_url, blobs)
    uvicorn.run(app, host=host, port=port, ssl_certfile=certfile, ssl_keyfile=keyfile, log_level="warning")
