"""The portal's HTTP API (FastAPI) and how to serve it; the routes of docs/sync-protocol.md.

Handlers are thin: they read headers and the raw body (the raw body because the idempotency
hash and our own Vietnamese/English validation messages need it, not FastAPI's), then call the
synchronous services in a worker thread so the event loop never waits on the database or fsync.
Every body is read as a stream and cut at its limit, whatever Content-Length or
Transfer-Encoding claim; request bodies are checked against the wire schema (app/wire.py),
which also gives /openapi.json its request-body schemas.
"""

from __future__ import annotations

import ipaddress
from dataclasses import replace
import re
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool

from app import wire
from app.errors import InputError
from app.limits import DEFAULT_LIMITS
from portal import anchors, citizen, devices
from portal.blobs import MAX_BLOB_BYTES, MAX_CHUNK_BYTES, BlobStore, check_sha, too_large
from portal.catalogs import read_document
from portal.changes import read_changes
from portal.db import get_engine
from portal.dossiers import get_dossier
from portal.errors import PortalError, bad_request, from_wire, wire_checked
from portal.openapi_schemas import BODY_SCHEMAS, install_schemas
from portal.operations import apply_operation

PROTOCOL_VERSION = 1
MAX_JSON_BYTES = DEFAULT_LIMITS.max_json_bytes
# Upload-Offset and Upload-Length: at most 19 digits, so they fit the 64-bit columns.
_HEADER_INT = re.compile(r"^[0-9]{1,19}$")
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
        first = dict(error.errors()[0]) if error.errors() else {"loc": ("request",)}
        first["loc"] = tuple(first.get("loc", ("request",)))[1:] or ("request",)  # drop "query"/"path"
        return _error_response(from_wire(wire.problem_of(first)))

    @api.exception_handler(wire.WireProblem)
    async def _bad_body(_: Request, problem: wire.WireProblem) -> JSONResponse:
        return _error_response(from_wire(problem))

    @api.exception_handler(OperationalError)
    async def _db_busy(_: Request, __: OperationalError) -> JSONResponse:
        return _error_response(PortalError(503, "busy", "Cơ sở dữ liệu của cổng đang bận, hãy thử lại",
                                           "The portal's database is busy, try again",
                                           headers={"Retry-After": "2"}))

    @api.exception_handler(Exception)
    async def _internal(_: Request, __: Exception) -> JSONResponse:
        return _error_response(PortalError(500, "internal", "Lỗi nội bộ của cổng; chưa có gì được ghi nhận",
                                           "Internal portal error; nothing was applied"))


def _declared_length(request: Request) -> int | None:
    value = request.headers.get("content-length")
    if value is None:
        return None
    if not _HEADER_INT.fullmatch(value):
        raise bad_request("Content-Length", "phải là số nguyên không âm", "must be a whole number ≥ 0")
    return int(value)


async def _read_body(request: Request, limit: int, too_large: PortalError) -> bytes:
    """The body, read as it streams and cut as soon as it passes `limit` (413) or the declared
    Content-Length (400): a chunked or lying body never makes the portal hold more than that."""
    declared = _declared_length(request)
    if declared is not None and declared > limit:
        raise too_large
    cap = limit if declared is None else declared
    raw = bytearray()
    async for part in request.stream():
        raw += part
        if len(raw) > cap:
            if declared is not None and declared <= limit:
                raise bad_request("Content-Length", "nhỏ hơn số byte được gửi",
                                  "is smaller than the bytes sent")
            raise too_large
    return bytes(raw)


async def _json_body(request: Request) -> Any:
    """The parsed body under the rules of every JSON body (app/wire.py load_json); 413 past
    MAX_JSON_BYTES whether or not a length was declared."""
    too_large = PortalError(413, "too_large", f"Nội dung vượt {MAX_JSON_BYTES} byte",
                            f"The body exceeds {MAX_JSON_BYTES} bytes", details={"limit": MAX_JSON_BYTES})
    raw = await _read_body(request, MAX_JSON_BYTES, too_large)
    with wire_checked():
        return await _call(wire.load_json, raw)


def _parsed(model: type[wire.M], body: Any) -> wire.M:
    with wire_checked():
        return wire.parse(model, body)


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
    if value is None or not _HEADER_INT.fullmatch(value):
        raise bad_request(name, "phải là số nguyên không âm (tối đa 19 chữ số)",
                          "must be a whole number ≥ 0 of at most 19 digits")
    return int(value)


_UNIT_RULE: dict[int | str, dict[str, Any]] = {403: {"description": "forbidden: the device may not act for that unit (its own unit, plus the units "
                                   "granted to a post-office or community-team device; sync-protocol §2.1)"},
              404: {"description": "not_found: no such dossier among the device's units; another unit's "
                                   "dossier is never admitted to exist"}}


def create_app(db_url: str, blobs_dir: str | Path, *, max_blob_bytes: int = MAX_BLOB_BYTES,
               max_chunk_bytes: int = MAX_CHUNK_BYTES, public_url: str | None = None) -> FastAPI:
    """The portal application on `db_url` (SQLite file or PostgreSQL URL) and a blob folder;
    `public_url`: the address citizens reach it at, published to desks for the receipts' QR codes."""
    citizen_url = {"citizen_url": check_public_url(public_url)} if public_url else {}  # before any file
    engine = get_engine(db_url)
    store = BlobStore(engine, Path(blobs_dir), max_blob=max_blob_bytes, max_chunk=max_chunk_bytes)
    api = FastAPI(title="MotCua reference portal", version=str(PROTOCOL_VERSION),
                  description="Server side of the MotCua Desk sync protocol (docs/sync-protocol.md).")
    api.state.engine, api.state.blobs = engine, store
    _install_error_handlers(api)
    install_schemas(api)

    api.add_middleware(PortalTimeMiddleware)
    api.state.citizen_limiters = citizen.install(api, engine)

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

    published = replace(DEFAULT_LIMITS, max_blob_bytes=store.max_blob, max_chunk_bytes=store.max_chunk,
                        max_json_bytes=MAX_JSON_BYTES)

    @api.get("/v1/limits", tags=["meta"])
    async def limits() -> dict[str, Any]:
        """Every size limit this portal enforces (app/limits.py); desks keep them and refuse at the
        counter what would be refused here after the receipt is printed. No authentication."""
        return {**published.to_wire(), **citizen_url, "portal_time": _now()}

    @api.post("/v1/enrol", tags=["devices"], status_code=201, openapi_extra=BODY_SCHEMAS["enrol"])
    async def enrol(request: Request) -> JSONResponse:
        asked = _parsed(wire.EnrolRequest, await _json_body(request))
        status, result = await _call(devices.enrol, engine, asked.token, asked.device_name,
                                     asked.device_secret)
        return JSONResponse(result, status_code=status)

    @api.put("/v1/dossiers/{dossier_id}", tags=["dossiers"], dependencies=AUTH,
             openapi_extra=BODY_SCHEMAS["dossier"], responses=_UNIT_RULE)
    async def put_dossier(dossier_id: str, request: Request) -> JSONResponse:
        """Create or update a dossier of one of the device's units, as their receiving unit (§4.1)."""
        return await mutate(request)

    @api.post("/v1/dossiers/{dossier_id}/events", tags=["dossiers"], dependencies=AUTH,
              openapi_extra=BODY_SCHEMAS["event"], responses=_UNIT_RULE)
    async def post_event(dossier_id: str, request: Request) -> JSONResponse:
        """A status step of a dossier the device may act on (§4.2)."""
        return await mutate(request)

    @api.post("/v1/code-blocks", tags=["codes"], dependencies=AUTH, openapi_extra=BODY_SCHEMAS["code_block"],
              responses={403: _UNIT_RULE[403]})
    async def post_code_block(request: Request) -> JSONResponse:
        """Dossier numbers reserved for this device in its unit or a unit granted to it (§7)."""
        return await mutate(request)

    @api.get("/v1/device", tags=["devices"], dependencies=AUTH)
    async def read_device(request: Request) -> dict[str, Any]:
        """The calling device: its unit, kind and the units it may file for, with its number ranges."""
        device = await auth(request, mutating=False)
        return await _call(devices.own_profile, engine, device)

    @api.get("/v1/dossiers/{dossier_id}", tags=["dossiers"], dependencies=AUTH, responses={404: _UNIT_RULE[404]})
    async def read_dossier(dossier_id: str, request: Request) -> dict[str, Any]:
        device = await auth(request, mutating=False)
        with wire_checked():
            wire.check_id(dossier_id, "dossier_id")
        return await _call(get_dossier, engine, device, dossier_id=dossier_id)

    @api.get("/v1/dossiers", tags=["dossiers"], dependencies=AUTH, responses={404: _UNIT_RULE[404]})
    async def find_dossier(code: Annotated[str, Query(max_length=40)], request: Request) -> dict[str, Any]:
        device = await auth(request, mutating=False)
        with wire_checked():
            wire.check_dossier_code(code, "code")
        return await _call(get_dossier, engine, device, code=code)

    @api.get("/v1/changes", tags=["feed"], dependencies=AUTH)
    async def changes(request: Request, query: Annotated[wire.ChangesQuery, Query()]) -> dict[str, Any]:
        device = await auth(request, mutating=False)
        return await _call(read_changes, engine, device, query.after, query.limit)

    @api.put("/v1/audit-anchor", tags=["devices"], dependencies=AUTH, openapi_extra=BODY_SCHEMAS["anchor"])
    async def put_audit_anchor(request: Request) -> dict[str, Any]:
        device = await auth(request, mutating=True)
        return await _call(anchors.put_anchor, engine, device, await _json_body(request))

    @api.get("/v1/audit-anchor", tags=["devices"], dependencies=AUTH)
    async def get_audit_anchor(request: Request) -> dict[str, Any]:
        return await _call(anchors.get_anchor, engine, await auth(request, mutating=False))

    @api.get("/v1/catalog/{sha256}", tags=["feed"], dependencies=AUTH,
             responses={200: {"content": {"application/yaml": {}, "application/json": {}},
                              "description": "the catalogue document, byte for byte as imported"}})
    async def catalog_document(sha256: str, request: Request) -> Response:
        """A catalogue document a `catalog.document` change announced (§6)."""
        await auth(request, mutating=False)
        check_sha(sha256)
        content, media = await _call(read_document, engine, sha256)
        return Response(content, media_type=media, headers={"Cache-Control": "no-store"})

    _blob_routes(api, store, auth)
    return api


def _blob_routes(api: FastAPI, store: BlobStore, auth: Callable[..., Any]) -> None:
    @api.post("/v1/blobs/missing", tags=["blobs"], dependencies=AUTH, openapi_extra=BODY_SCHEMAS["missing"])
    async def missing(request: Request) -> dict[str, Any]:
        await auth(request, mutating=False)
        asked = _parsed(wire.MissingRequest, await _json_body(request))
        missing, offsets = await _call(store.missing_with_offsets, list(asked.hashes))
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
        if "transfer-encoding" in request.headers:
            # Chunks are framed by their Content-Length alone (protocol §5): a chunked body could
            # announce one length and stream any other.
            raise bad_request("Transfer-Encoding", "không được dùng; hãy gửi Content-Length",
                              "is not accepted; send Content-Length instead")
        offset, length = _header_int(request, "Upload-Offset"), _header_int(request, "Upload-Length")
        declared = _header_int(request, "Content-Length")
        store.check_sizes(length, declared)  # 413 before a single byte of the body is read
        state = await _call(store.state, sha256)
        if state is not None and state.complete:
            return Response(status_code=201, headers=upload_headers(state))
        chunk = await _read_body(request, store.max_chunk,
                                 too_large("Phần tải lên", "The chunk", declared, store.max_chunk))
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


def check_public_url(value: str) -> str:
    """The citizen pages' public base address: http(s), no query, no spaces (it goes into QR codes)."""
    text = value.strip().rstrip("/")
    if not re.fullmatch(r"https?://[^\s\"'<>\\?#]{1,180}", text):
        raise InputError(f"--public-url: {text[:40]!r} is not an http(s) address without query or spaces "
                         "(at most 180 characters after the scheme)")
    return text


def serve(db_url: str, blobs: str | Path, host: str = "127.0.0.1", port: int = 8765, *,
          certfile: str | None = None, keyfile: str | None = None, public_url: str | None = None) -> None:
    """Run the portal with uvicorn until interrupted. Plain HTTP only on a loopback address."""
    import uvicorn

    if not _is_loopback(host) and not (certfile and keyfile):
        raise InputError(f"--host {host}: plain HTTP is allowed only on loopback; give --tls-cert and "
                         "--tls-key to serve on the network")
    if not 1 <= port <= 65535:
        raise InputError(f"--port: {port} is not a TCP port (1–65535)")
    app = create_app(db_url, blobs, public_url=public_url)
    uvicorn.run(app, host=host, port=port, ssl_certfile=certfile, ssl_keyfile=keyfile, log_level="warning")
