"""Finding eSCL scanners: mDNS browsing of `_uscan._tcp` / `_uscans._tcp`, and plain addresses.

mDNS fails across VLANs and on Wi-Fi with client isolation, which is common in commune offices,
so an address typed by the person ("192.168.1.20", "scanner.local:8080", a full URL) is always
accepted as well (NAPS2 added "manual IP" for the same reason).
"""

from __future__ import annotations

import ipaddress
import logging
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from app.errors import InputError

log = logging.getLogger(__name__)

SERVICE_TYPES = ("_uscan._tcp.local.", "_uscans._tcp.local.")
DEFAULT_ROOT = "eSCL"


@dataclass(frozen=True)
class EsclEndpoint:
    """One advertised scanner: where to reach it and what its TXT record says."""

    base_url: str
    name: str
    uuid: str = ""
    txt: Mapping[str, str] = field(default_factory=dict)

    @property
    def duplex(self) -> bool:
        return self.txt.get("duplex", "").upper() == "T"


def base_url_from_address(address: str) -> str:
    """A base URL from what a person typed; InputError naming the address when it cannot be one.

    "192.168.1.20" -> "http://192.168.1.20/eSCL"; "host:8080" -> "http://host:8080/eSCL";
    "https://host/eSCL/" -> "https://host/eSCL"; an IPv6 literal gets its brackets.
    """
    text = address.strip()
    if not text:
        raise InputError("scanner address is empty", kind="capture.scanner_address_bad", params={"address": ""})
    if "://" not in text:
        try:
            ip = ipaddress.ip_address(text)
        except ValueError:
            ip = None
        text = f"http://[{ip}]" if ip is not None and ip.version == 6 else f"http://{text}"
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        raise InputError(f"scanner address {address!r}: only http:// and https:// are possible",
                         kind="capture.scanner_address_bad", params={"address": address})
    try:
        host = parts.hostname
        _ = parts.port  # parsing it raises ValueError for "host:abc"
    except ValueError as error:
        raise InputError(f"scanner address {address!r}: {error}", kind="capture.scanner_address_bad",
                         params={"address": address}) from error
    if not host or any(ch.isspace() for ch in host):
        raise InputError(f"scanner address {address!r} has no host name", kind="capture.scanner_address_bad",
                         params={"address": address})
    path = parts.path.strip("/") or DEFAULT_ROOT
    return urlunsplit((parts.scheme, parts.netloc, "/" + path, "", ""))


def _decode(value: bytes | str | None) -> str:
    if value is None:
        return ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def endpoint_from_service(info: object, service_type: str) -> EsclEndpoint | None:
    """An endpoint from a zeroconf ServiceInfo; None when it carries no usable address."""
    properties = getattr(info, "properties", None) or {}
    txt = {_decode(key).lower(): _decode(value) for key, value in properties.items()}
    addresses = [a for a in getattr(info, "parsed_addresses", lambda: [])() if a]
    port = getattr(info, "port", None)
    if not addresses or not port:
        return None
    ipv4 = [a for a in addresses if ":" not in a]
    host = ipv4[0] if ipv4 else f"[{addresses[0]}]"  # prefer IPv4: link-local IPv6 needs a zone id
    scheme = "https" if service_type.startswith("_uscans") else "http"
    root = txt.get("rs", DEFAULT_ROOT).strip("/") or DEFAULT_ROOT
    name = txt.get("ty") or _decode(getattr(info, "name", "")).split("._uscan")[0]
    return EsclEndpoint(base_url=f"{scheme}://{host}:{port}/{root}", name=name, uuid=txt.get("uuid", ""),
                        txt=txt)


def discover_escl(timeout_s: float = 2.0, *, interfaces: Sequence[str] | None = None) -> list[EsclEndpoint]:
    """Browse mDNS for `timeout_s` seconds; [] when zeroconf is missing or the network refuses."""
    try:
        from zeroconf import InterfaceChoice, IPVersion, ServiceBrowser, ServiceListener, Zeroconf
    except ImportError:
        log.info("zeroconf is not installed: eSCL discovery by mDNS is off")
        return []

    found: dict[str, EsclEndpoint] = {}
    names: list[tuple[str, str]] = []
    lock = threading.Lock()

    class Listener(ServiceListener):
        def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            with lock:
                names.append((type_, name))

        def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            self.add_service(zc, type_, name)

        def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            pass

    try:
        chosen = list(interfaces) if interfaces else InterfaceChoice.All
        zc = Zeroconf(interfaces=chosen, ip_version=IPVersion.V4Only)
    except OSError as error:
        log.warning("mDNS discovery unavailable: %s", error)
        return []
    try:
        browser = ServiceBrowser(zc, list(SERVICE_TYPES), Listener())
        deadline = time.monotonic() + timeout_s
        seen = 0
        while time.monotonic() < deadline:
            time.sleep(0.05)
            with lock:
                pending, seen = names[seen:], len(names)
            for type_, name in pending:
                info = zc.get_service_info(type_, name, timeout=int(max(deadline - time.monotonic(), 0.2) * 1000))
                endpoint = endpoint_from_service(info, type_) if info else None
                if endpoint is not None:
                    # A device advertising both http and https appears once, by its UUID.
                    found.setdefault(endpoint.uuid or endpoint.base_url, endpoint)
        browser.cancel()
    finally:
        zc.close()
    return sorted(found.values(), key=lambda e: e.name)

