"""The contract every capture source keeps: devices with their options, settings, page-by-page acquire.

A source (SANE, eSCL, WIA, a watched folder, files) lists its devices as `DeviceInfo`s whose ids
carry the source's prefix ("sane:test:0", "escl:http://10.0.0.7/eSCL", "folder:/srv/scans") and
acquires with `ScanSettings`, handing each `RawPage` to `on_page` as soon as it exists. When a
device fails mid-job the source raises a `CaptureError` that carries the pages already captured,
so nothing the scanner has fed through is lost.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from app.capture.pages import RawPage
from app.errors import InputError

ScanColour = Literal["color", "gray", "bw"]
SCAN_COLOURS: tuple[str, ...] = ("color", "gray", "bw")
PageCallback = Callable[[RawPage], None]

# Resolutions offered when a device states a continuous range rather than a list.
COMMON_DPIS: tuple[int, ...] = (75, 100, 150, 200, 240, 300, 400, 600, 1200)


class CaptureError(InputError):
    """A device could not deliver (vanished, jammed, answered garbage); `pages` were captured before.

    The issue classes a failing scanner as bad input: the person must act on it (check the cable,
    the paper, the network), and the message names the device and what went wrong.
    """

    code = "capture"
    title = "Scanner problem"

    def __init__(self, message: str, *, device_id: str = "", pages: Sequence[RawPage] = (),
                 kind: str | None = None, params: Mapping[str, Any] | None = None) -> None:
        # Every scanner problem names its device on screen: "device" is always a parameter.
        super().__init__(message, kind=kind, params={"device": device_id, **(params or {})})
        self.device_id = device_id
        self.pages: list[RawPage] = list(pages)


class DeviceLostError(CaptureError):
    """The device disappeared or stopped answering in the middle of a job."""

    code = "capture_device_lost"
    title = "Scanner disconnected"


class DeviceResponseError(CaptureError):
    """The device answered something we cannot understand (malformed XML, an unknown image)."""

    code = "capture_bad_response"
    title = "Scanner answered badly"


class NoPaperError(CaptureError):
    """The feeder was empty when the job started."""

    code = "capture_no_paper"
    title = "No paper in the feeder"


@dataclass(frozen=True)
class DeviceOptions:
    """What a device can do, in our vocabulary (not the driver's)."""

    resolutions: tuple[int, ...] = ()
    colour_modes: tuple[str, ...] = ()  # subset of SCAN_COLOURS
    flatbed: bool = True
    adf: bool = False
    duplex: bool = False
    max_area_mm: tuple[float, float] | None = None  # (width, height) of the largest scan area

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["resolutions"] = list(self.resolutions)
        data["colour_modes"] = list(self.colour_modes)
        data["max_area_mm"] = list(self.max_area_mm) if self.max_area_mm else None
        return data


@dataclass(frozen=True)
class DeviceInfo:
    """One device a source can acquire from; `id` is what `acquire` and `--device` take."""

    id: str
    name: str
    source: str  # "sane", "escl", "wia", "folder", "file"
    options: DeviceOptions = field(default_factory=DeviceOptions)
    detail: str = ""  # e.g. the driver's model text or the address it was found at

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "source": self.source, "detail": self.detail,
                "options": self.options.to_dict()}


@dataclass(frozen=True)
class ScanSettings:
    """What the person asked for; a source maps it onto the device's own option names."""

    dpi: int = 300
    colour: ScanColour = "color"
    adf: bool = False
    duplex: bool = False  # implies the feeder
    page_limit: int | None = None  # stop after this many pages (None: until the feeder is empty)

    def __post_init__(self) -> None:
        if not isinstance(self.dpi, int) or not 50 <= self.dpi <= 2400:
            raise InputError(f"scan settings: dpi must be a whole number from 50 to 2400, not {self.dpi!r}")
        if self.colour not in SCAN_COLOURS:
            raise InputError(f"scan settings: colour must be one of {', '.join(SCAN_COLOURS)}, "
                             f"not {self.colour!r}")
        if self.page_limit is not None and (not isinstance(self.page_limit, int) or self.page_limit < 1):
            raise InputError(f"scan settings: page limit must be a positive whole number, "
                             f"not {self.page_limit!r}")

    @property
    def uses_feeder(self) -> bool:
        return self.adf or self.duplex


@runtime_checkable
class Source(Protocol):
    """A kind of capture device. `prefix` is the part of device ids before the first colon."""

    prefix: str

    def list_devices(self) -> list[DeviceInfo]:
        """The devices reachable now; a source that cannot work here returns []."""
        ...

    def acquire(self, device_id: str, settings: ScanSettings, *, cancel: threading.Event | None = None,
                on_page: PageCallback | None = None) -> list[RawPage]:
        """Capture pages, calling `on_page` for each as it arrives; raise `CaptureError` on failure.

        `on_page` runs on the calling thread (a UI wraps acquire in its worker and re-emits pages
        as signals); `cancel` set from any thread stops the job and returns the pages so far.
        """
        ...


class PageSink:
    """Collects pages for a source: keeps them, forwards each to `on_page`, enforces the page limit."""

    def __init__(self, device_id: str, settings: ScanSettings, on_page: PageCallback | None) -> None:
        self.device_id = device_id
        self.limit = settings.page_limit
        self.pages: list[RawPage] = []
        self._on_page = on_page

    def add(self, page: RawPage) -> None:
        self.pages.append(page)
        if self._on_page is not None:
            self._on_page(page)

    @property
    def full(self) -> bool:
        return self.limit is not None and len(self.pages) >= self.limit

    def next_label(self) -> str:
        return f"{self.device_id} page {len(self.pages) + 1}"

    def captured_note(self) -> str:
        """Tail for error messages: how many pages are safe."""
        count = len(self.pages)
        if count == 0:
            return "no page was captured"
        if count == 1:
            return "the page captured before is kept"
        return f"the {count} pages captured before are kept"


def nearest_dpi(requested: int, supported: Sequence[int]) -> int:
    """The supported resolution closest to the request, preferring the sharper one on a tie.

    Documents must not drop below what was asked (legibility floor), so the smallest supported
    value not below the request wins; only a request above the device's maximum goes lower.
    """
    if not supported:
        return requested
    at_least = [dpi for dpi in supported if dpi >= requested]
    return min(at_least) if at_least else max(supported)


def split_device_id(device_id: str) -> tuple[str, str]:
    """("sane", "test:0") from "sane:test:0"; InputError naming the id when there is no prefix."""
    prefix, sep, rest = device_id.partition(":")
    if not sep or not prefix or not rest:
        raise InputError(f"device id {device_id!r} is not of the form SOURCE:DEVICE "
                         f"(for example sane:test:0 or escl:http://192.168.1.20/eSCL)")
    return prefix, rest
