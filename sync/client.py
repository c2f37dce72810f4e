"""HTTP client of the sync protocol (docs/sync-protocol.md) on `requests`.

It owns transport concerns only: base URL policy (HTTPS with verified certificates, plain HTTP
only for loopback hosts), authentication headers, timeouts, and turning every outcome into a
`Reply` or a `LinkDown`. Classifying a reply (done / retry / quarantine / auth) is the engine's job.
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import requests

from app.errors import InputError, MotcuaError
from app.text import clip
from sync.problems import portal_words

LOOPBACK_NAMES = ("localhost",)
DEFAULT_TIMEOUT = (5.0, 60.0)  # (connect, read) seconds


class PortalUnreachable(MotcuaError):
    """Shown to a person: the portal could not be reached; nothing changed."""

    code = "portal_unreachable"
    title = "Portal unreachable"


class LinkDown(Exception):
    """No usable answer: refused, reset, timed out or truncated. Always transient."""


@dataclass(frozen=True)
class Reply:
    """One HTTP answer: status, headers (lower-case names) and the parsed JSON body, if any."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def error(self) -> dict[str, Any]:
        """The protocol's error object (§1.1), or a stand-in naming the HTTP status."""
        if isinstance(self.body, dict) and isinstance(self.body.get("error"), dict):
            return self.body["error"]
        return {"code": f"http_{self.status}", "message": f"HTTP {self.status}"}

    @property
    def code(self) -> str:
        return str(self.error.get("code", ""))

    @property
    def message(self) -> str:
        return str(self.error.get("message", f"HTTP {self.status}"))

    @property
    def words(self) -> dict[str, str]:
        """The portal's message in its two languages: {"reason_vi": …, "reason_en": …}."""
        return portal_words(self.error, f"HTTP {self.status}")

    @property
    def retry_after(self) -> float | None:
        value = self.headers.get("retry-after", "")
        try:
            return max(0.0, float(value)) if value else None
        except ValueError:
            return None  # an HTTP date: rare here; the backoff applies instead


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_portal_url(url: str) -> str:
    """The normalised base URL; HTTPS required unless the host is loopback."""
    parts = urlsplit((url or "").strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"portal URL {url!r}: must look like https://host[:port]", kind="sync.portal_url_bad",
                         params={"url": clip(str(url or ""), 80)})
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InputError(f"portal URL {url!r}: plain HTTP is allowed only for loopback "
                         f"(127.0.0.1, ::1, localhost); use https://", kind="sync.portal_url_not_https",
                         params={"url": clip(str(url), 80)})
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def _cut_in_headers(method: str, response: requests.Response) -> bool:
    """True when the connection closed inside the header block: the status line alone is not an
    answer to act on. Seen as a malformed last header line, or (cut at a line end) as a body
    with no framing at all, which the portal never sends (it always gives a length or chunks)."""
    raw = getattr(getattr(response.raw, "_original_response", None), "msg", None)
    if getattr(raw, "defects", None):
        return True
    framed = "content-length" in response.headers or "chunked" in response.headers.get(
        "transfer-encoding", "").lower()
    return not framed and method != "HEAD" and response.status_code not in (204, 304)


class PortalClient:
    """One portal connection pool; thread-confined (make one per thread)."""

    def __init__(self, base_url: str, *, secret: str | None = None, acting_user: str | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT) -> None:
        self.base_url = check_portal_url(base_url)
        self.timeout = timeout
        self.http = requests.Session()
        self.http.verify = True  # never switched off: a province portal must prove who it is
        self.http.trust_env = False  # a desk's proxy settings must not reroute loopback tests
        if secret:
            self.http.headers["Authorization"] = f"Bearer {secret}"
        if acting_user:
            self.http.headers["X-Acting-User"] = acting_user
        self.bytes_sent = 0  # request bodies only; the proxy measures the real wire

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> PortalClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def request(self, method: str, path: str, *, json_body: Any = None, data: bytes | None = None,
                headers: dict[str, str] | None = None, params: dict[str, Any] | None = None) -> Reply:
        body: bytes | None = data
        headers = dict(headers or {})
        if json_body is not None:
            body = json.dumps(json_body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            headers["Content-Type"] = "application/json"
        try:
            response = self.http.request(method, self.base_url + path, data=body, headers=headers,
                                         params=params, timeout=self.timeout, allow_redirects=False)
            content = response.content  # read fully here: a cut body is a LinkDown, not a reply
        except requests.RequestException as error:
            raise LinkDown(f"{method} {path}: {type(error).__name__}: {error}") from None
        self.bytes_sent += len(body or b"")
        if _cut_in_headers(method, response):
            raise LinkDown(f"{method} {path}: answer {response.status_code} cut in its header block")
        parsed: Any = None
        if content and "json" in response.headers.get("content-type", ""):
            try:
                parsed = json.loads(content)
            except ValueError:
                raise LinkDown(f"{method} {path}: answer {response.status_code} with a cut or "
                               f"garbled JSON body") from None
        return Reply(response.status_code, {k.lower(): v for k, v in response.headers.items()}, parsed)

    # -- protocol calls -------------------------------------------------------------------------
    def limits(self) -> Reply:
        return self.request("GET", "/v1/limits")

    def enrol(self, token: str, device_name: str, device_secret: str) -> Reply:
        return self.request("POST", "/v1/enrol", json_body={
            "token": token, "device_name": device_name, "device_secret": device_secret})

    def mutate(self, method: str, path: str, body: Any, key: str) -> Reply:
        return self.request(method, path, json_body=body, headers={"Idempotency-Key": key})

    def missing(self, hashes: list[str]) -> Reply:
        return self.request("POST", "/v1/blobs/missing", json_body={"hashes": hashes})

    def blob_offset(self, sha256: str) -> Reply:
        return self.request("GET", f"/v1/blobs/{sha256}/offset")

    def send_chunk(self, sha256: str, chunk: bytes, offset: int, total: int) -> Reply:
        return self.request("PATCH", f"/v1/blobs/{sha256}", data=chunk, headers={
            "Upload-Offset": str(offset), "Upload-Length": str(total),
            "Content-Type": "application/offset+octet-stream"})

    def changes(self, after: int, limit: int = 500) -> Reply:
        return self.request("GET", "/v1/changes", params={"after": after, "limit": limit})

    def device(self) -> Reply:
        return self.request("GET", "/v1/device")

    def catalog_document(self, sha256: str) -> tuple[Reply, bytes]:
        """(reply, bytes) of a catalogue document announced in the feed (protocol §6)."""
        try:
            response = self.http.get(f"{self.base_url}/v1/catalog/{sha256}", timeout=self.timeout,
                                     allow_redirects=False)
            content = response.content
        except requests.RequestException as error:
            raise LinkDown(f"GET /v1/catalog: {type(error).__name__}: {error}") from None
        parsed: Any = None
        if not response.ok and "json" in response.headers.get("content-type", ""):
            try:
                parsed = json.loads(content)
            except ValueError:
                parsed = None
        headers = {k.lower(): v for k, v in response.headers.items()}
        return Reply(response.status_code, headers, parsed), content if response.ok else b""
