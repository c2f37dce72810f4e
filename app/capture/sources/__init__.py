"""Capture sources behind one interface, and the registry that lists and dispatches to them.

Device ids carry their source: "sane:test:0", "escl:http://192.168.1.20/eSCL", "wia:{…}\\0001",
"folder:/srv/scans", "file:/home/me/scan.pdf". `default_registry()` builds the sources this
machine can use; `SourceRegistry.list_devices()` asks each of them, and one source failing
(no scanimage, mDNS refused) never hides the devices of the others.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.capture.pages import RawPage
from app.capture.sources.base import (
    CaptureError,
    DeviceInfo,
    DeviceLostError,
    DeviceOptions,
    DeviceResponseError,
    NoPaperError,
    PageCallback,
    ScanSettings,
    Source,
    split_device_id,
)
from app.errors import InputError, MotcuaError

__all__ = [
    "CaptureError", "DeviceInfo", "DeviceListing", "DeviceLostError", "DeviceOptions", "DeviceResponseError",
    "NoPaperError", "ScanSettings", "Source", "SourceRegistry", "default_registry",
]


@dataclass
class DeviceListing:
    devices: list[DeviceInfo] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line per source or device that failed

    def to_dict(self) -> dict[str, object]:
        return {"devices": [d.to_dict() for d in self.devices], "problems": list(self.problems)}


class SourceRegistry:
    """All sources of this installation, addressed by the prefix of a device id."""

    def __init__(self, sources: Sequence[Source]) -> None:
        self.sources = {source.prefix: source for source in sources}

    def list_devices(self) -> DeviceListing:
        listing = DeviceListing()
        for prefix, source in self.sources.items():
            try:
                listing.devices += source.list_devices()
            except MotcuaError as error:
                listing.problems.append(f"{prefix}: {error.message}")
            except OSError as error:  # a tool or socket the source needs is not usable here
                listing.problems.append(f"{prefix}: {error}")
            listing.problems += list(getattr(source, "problems", []))
        return listing

    def source_for(self, device_id: str) -> Source:
        prefix, _ = split_device_id(device_id)
        source = self.sources.get(prefix)
        if source is None:
            raise InputError(f"device {device_id!r}: unknown source {prefix!r} "
                             f"(known: {', '.join(sorted(self.sources))})")
        return source

    def acquire(self, device_id: str, settings: ScanSettings, *, cancel: threading.Event | None = None,
                on_page: PageCallback | None = None) -> list[RawPage]:
        return self.source_for(device_id).acquire(device_id, settings, cancel=cancel, on_page=on_page)


def default_registry(*, escl_addresses: Sequence[str] = (), folders: Sequence[Path] = (), discover: bool = True,
                     discovery_timeout_s: float = 2.0, folder_wait_s: float = 0.0) -> SourceRegistry:
    """Every source: SANE, eSCL (mDNS + the given addresses), WIA, watched folders, files."""
    from app.capture.sources.escl import EsclSource
    from app.capture.sources.files import FileSource
    from app.capture.sources.folder import FolderSource
    from app.capture.sources.sane import SaneSource
    from app.capture.sources.windows import WindowsSource

    return SourceRegistry([
        SaneSource(),
        EsclSource(escl_addresses, discover=discover, discovery_timeout_s=discovery_timeout_s),
        WindowsSource(),
        FolderSource(folders, idle_timeout_s=folder_wait_s),
        FileSource(),
    ])

