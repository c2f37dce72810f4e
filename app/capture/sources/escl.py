"""Driverless network scanners (eSCL / AirScan): the HTTP client and the capture source.

The protocol is five REST calls; the work is in surviving real devices (sane-airscan's quirk
list): 503 storms while the lamp warms up, 404/410 meaning "not ready yet" while the job is
still processing, a broken host in `Location`, devices that want a particular `Host:` header,
slow pages at high resolution and Wi-Fi dropping the connection mid-image. Every wait is
bounded; every page received is handed over at once and kept when the device then fails.
"""

from __future__ import annotations

import io
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from PIL import Image

from app.capture.pages import RawPage
from app.capture.sources import escl_xml as ex
from app.capture.sources.base import (
    CaptureError,
    DeviceInfo,
    DeviceLostError,
    DeviceResponseError,
    NoPaperError,
    PageCallback,
    PageSink,
    ScanSettings,
    nearest_dpi,
    split_device_id,
)
from app.capture.sources.discovery import base_url_from_address, discover_escl
from app.capture.sources.files import to_rgb_or_l
from app.errors import InputError

log = logging.getLogger(__name__)

PREFIX = "escl"
JPEG = "image/jpeg"
# What we ask for, most wanted first: grey/colour JPEG page by page, we binarise ourselves.
WANTED_MODES = {"color": ("RGB24",), "gray": ("Grayscale8", "RGB24"),
                "bw": ("Grayscale8", "RGB24", "BlackAndWhite1")}


@dataclass(frozen=True)
class EsclTiming:
    """Bounds on every wait; defaults follow sane-airscan and NAPS2 (tests shrink them)."""

    connect_s: float = 5.0
    read_s: float = 120.0  # one read of a page body: a 600-dpi colour page can take a minute
    busy_retries: int = 30  # 503s accepted in a row (HP M28w needs ~30 at high dpi)
    not_ready_retries: int = 10  # 404/410 accepted while the status says the job still runs
    drop_retries: int = 2  # re-GETs of a page whose body was cut off
    retry_delay_s: float = 1.0
    retry_max_s: float = 5.0
    inter_page_delay_s: float = 0.5  # Brother answers 404 when the next page is asked too soon

    def backoff(self, attempt: int, retry_after: str | None = None) -> float:
        # An HTTP-date Retry-After is rare on scanners: it falls back to our own schedule.
        if retry_after and retry_after.strip().replace(".", "", 1).isdigit():
            return min(float(retry_after), self.retry_max_s)
        return min(self.retry_delay_s * (1.5 ** min(attempt, 6)), self.retry_max_s)


QUICK = EsclTiming(connect_s=3.0, read_s=8.0, busy_retries=3, retry_delay_s=0.3, retry_max_s=1.0)


def device_id_for(base_url: str) -> str:
    return f"{PREFIX}:{base_url.rstrip('/')}"


class EsclClient:
    """One eSCL device at `base_url` (e.g. http://192.168.1.20:80/eSCL)."""

    def __init__(self, base_url: str, *, timing: EsclTiming = EsclTiming(), host_header: str | None = None,
                 session: requests.Session | None = None, verify_tls: bool = False) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(f"eSCL address {base_url!r} is not an http(s) URL")
        self.base_url = base_url.rstrip("/")
        self.device = device_id_for(self.base_url)
        self.timing = timing
        self.session = session or requests.Session()
        # eSCL over HTTPS uses self-signed certificates nearly everywhere (NAPS2 accepts them too).
        self.session.verify = verify_tls
        if host_header:  # HP M630/M578 want "localhost", Epson wants the port spelled out
            self.session.headers["Host"] = host_header

    # -- plain requests ----------------------------------------------------------------------

    def _send(self, method: str, url: str, *, what: str, retries: int, **kwargs: object) -> requests.Response:
        """One call with the 503 retry loop; network failures become DeviceLostError."""
        for attempt in range(retries + 1):
            try:
                response = self.session.request(method, url, timeout=(self.timing.connect_s, self.timing.read_s),
                                                **kwargs)  # type: ignore[arg-type]
            except requests.RequestException as error:
                raise DeviceLostError(f"{self.device}: {what}: the scanner does not answer ({_short(error)})",
                                      device_id=self.device) from error
            if response.status_code != 503 or attempt == retries:
                return response
            time.sleep(self.timing.backoff(attempt, response.headers.get("Retry-After")))
        raise AssertionError("unreachable")

    def capabilities(self) -> ex.Capabilities:
        response = self._send("GET", f"{self.base_url}/ScannerCapabilities", what="reading capabilities",
                              retries=self.timing.busy_retries)
        self._expect(response, (200,), "reading capabilities")
        return ex.parse_capabilities(response.content, device=self.device)

    def status(self) -> ex.Status:
        response = self._send("GET", f"{self.base_url}/ScannerStatus", what="reading the status",
                              retries=self.timing.busy_retries)
        self._expect(response, (200,), "reading the status")
        return ex.parse_status(response.content, device=self.device)

    def create_job(self, settings_xml: bytes) -> str:
        """POST ScanJobs; the job URL, rebuilt on our own base (Xerox sends a broken host)."""
        response = self._send("POST", f"{self.base_url}/ScanJobs", what="starting the scan",
                              retries=self.timing.busy_retries, data=settings_xml,
                              headers={"Content-Type": "text/xml"})
        if response.status_code in (400, 409):
            raise CaptureError(f"{self.device}: the scanner refused the scan settings "
                               f"(HTTP {response.status_code})", device_id=self.device,
                               kind="capture.scanner_refused_settings")
        self._expect(response, (200, 201), "starting the scan")
        location = response.headers.get("Location", "").strip()
        if not location:
            raise DeviceResponseError(f"{self.device}: the scanner accepted the job but sent no Location header",
                                      device_id=self.device)
        path = urlsplit(location).path or location
        base = urlsplit(self.base_url)
        return urljoin(f"{base.scheme}://{base.netloc}/", path.lstrip("/")) if path.startswith("/") else \
            urljoin(self.base_url + "/", path)

    def cancel(self, job_url: str) -> None:
        """DELETE the job; best effort: a device that already forgot it is fine."""
        try:
            self.session.delete(job_url, timeout=(self.timing.connect_s, 10))
        except requests.RequestException as error:
            log.info("%s: cancelling %s failed: %s", self.device, job_url, _short(error))

    def _expect(self, response: requests.Response, codes: tuple[int, ...], what: str) -> None:
        if response.status_code == 503 and 503 not in codes:
            raise CaptureError(f"{self.device}: {what}: the scanner stayed busy through "
                               f"{self.timing.busy_retries + 1} tries; try again when it is idle",
                               device_id=self.device, kind="capture.scanner_busy")
        if response.status_code not in codes:
            raise CaptureError(f"{self.device}: {what}: the scanner answered HTTP {response.status_code}",
                               device_id=self.device, kind="capture.scanner_http_error",
                               params={"status": response.status_code})


class EsclSource:
    """eSCL devices found by mDNS and given by address, acquired as JPEG page by page."""

    prefix = PREFIX

    def __init__(self, addresses: Sequence[str] = (), *, discover: bool = True, discovery_timeout_s: float = 2.0,
                 timing: EsclTiming = EsclTiming(), host_headers: dict[str, str] | None = None) -> None:
        self.addresses = [base_url_from_address(a) for a in addresses]
        self.discover = discover
        self.discovery_timeout_s = discovery_timeout_s
        self.timing = timing
        self.host_headers = dict(host_headers or {})  # base URL -> Host header for quirky devices
        self.problems: list[str] = []

    def client(self, base_url: str, *, timing: EsclTiming | None = None) -> EsclClient:
        return EsclClient(base_url, timing=timing or self.timing, host_header=self.host_headers.get(base_url))

    def list_devices(self) -> list[DeviceInfo]:
        self.problems = []
        found: dict[str, str] = {url: "" for url in self.addresses}
        if self.discover:
            for endpoint in discover_escl(self.discovery_timeout_s):
                found.setdefault(endpoint.base_url, endpoint.name)
        devices = []
        for url, advertised in found.items():
            try:
                caps = self.client(url, timing=QUICK).capabilities()
            except CaptureError as error:
                self.problems.append(error.message)
                continue
            devices.append(DeviceInfo(id=device_id_for(url), name=caps.make_and_model or advertised or url,
                                      source=PREFIX, options=caps.device_options(), detail=url))
        return devices

    def acquire(self, device_id: str, settings: ScanSettings, *, cancel: threading.Event | None = None,
                on_page: PageCallback | None = None) -> list[RawPage]:
        prefix, base_url = split_device_id(device_id)
        if prefix != PREFIX:
            raise InputError(f"device {device_id!r} is not an eSCL device")
        client = self.client(base_url.rstrip("/"))
        return EsclJob(client, settings, cancel=cancel, on_page=on_page).run()


class EsclJob:
    """One scan job: choose settings from the capabilities, create the job, pull pages until the end."""

    def __init__(self, client: EsclClient, settings: ScanSettings, *, cancel: threading.Event | None,
                 on_page: PageCallback | None) -> None:
        self.client, self.settings, self.cancel = client, settings, cancel
        self.device = client.device
        self.sink = PageSink(self.device, settings, on_page)
        self.dpi = settings.dpi

    def run(self) -> list[RawPage]:
        caps = self.client.capabilities()
        body = self._settings_xml(caps)
        if self.settings.uses_feeder and self.client.status().adf_empty:
            # Xerox WorkCentre and Canon MF report a jam when a job starts on an empty feeder.
            raise NoPaperError(f"{self.device}: the document feeder is empty; put the pages in and scan again",
                               device_id=self.device)
        job = self.client.create_job(body)
        try:
            self._pull(job)
        except CaptureError as error:
            self.client.cancel(job)
            error.pages = list(self.sink.pages)
            raise
        except BaseException:  # Ctrl+C or a bug: still release the scanner's feeder
            self.client.cancel(job)
            raise
        return self.sink.pages

    def _settings_xml(self, caps: ex.Capabilities) -> bytes:
        if self.settings.duplex:
            inputs, source, what = caps.adf_duplex, "Feeder", "scan both sides"
            kind = "capture.scanner_no_duplex"
        elif self.settings.adf:
            inputs, source, what = caps.adf_simplex or caps.adf_duplex, "Feeder", "use a document feeder"
            kind = "capture.scanner_no_feeder"
        else:  # a feeder-only device scans "from the glass" through its feeder
            inputs, what = caps.platen or caps.adf_simplex, "scan"
            source = "Platen" if caps.platen else "Feeder"
            kind = "capture.scanner_cannot_scan"
        if inputs is None:
            raise CaptureError(f"{self.device}: the scanner cannot {what}", device_id=self.device, kind=kind)
        mode = next((m for m in WANTED_MODES[self.settings.colour] if m in inputs.colour_modes), None)
        if mode is None:
            raise CaptureError(f"{self.device}: the scanner cannot scan in {self.settings.colour} "
                               f"(its modes: {', '.join(inputs.colour_modes) or 'none listed'})",
                               device_id=self.device, kind="capture.scanner_no_colour_mode",
                               params={"colour": self.settings.colour})
        if inputs.formats and JPEG not in inputs.formats:
            raise CaptureError(f"{self.device}: the scanner does not send JPEG pages "
                               f"(it offers {', '.join(inputs.formats)})", device_id=self.device,
                               kind="capture.scanner_no_jpeg")
        self.dpi = nearest_dpi(self.settings.dpi, inputs.resolutions)
        return ex.scan_settings_xml(input_source=source, colour_mode=mode, dpi=self.dpi,
                                    width=inputs.max_width or 2480, height=inputs.max_height or 3508,
                                    duplex=self.settings.duplex)

    def _pull(self, job: str) -> None:
        busy = not_ready = dropped = 0
        timing = self.client.timing
        while not self.sink.full:
            if self.cancel is not None and self.cancel.is_set():
                self.client.cancel(job)
                return
            try:
                response = self.client.session.get(f"{job}/NextDocument",
                                                   timeout=(timing.connect_s, timing.read_s))
                page = self._page_from(response) if response.status_code == 200 else None
            except (requests.RequestException, _CutOff) as error:
                dropped += 1
                if dropped > timing.drop_retries:
                    raise DeviceLostError(
                        f"{self.device}: the connection dropped while receiving page {len(self.sink.pages) + 1} "
                        f"({_short(error)}); {self.sink.captured_note()}", device_id=self.device,
                        kind="capture.scanner_lost_at_page", params={"page": len(self.sink.pages) + 1}) from error
                time.sleep(timing.backoff(0))
                continue
            if page is not None:
                self.sink.add(page)
                busy = not_ready = dropped = 0
                if timing.inter_page_delay_s and not self.sink.full:
                    time.sleep(timing.inter_page_delay_s)
                continue
            code = response.status_code
            if code == 503:
                busy += 1
                if busy > timing.busy_retries:
                    raise DeviceLostError(f"{self.device}: page {len(self.sink.pages) + 1} never became ready "
                                          f"({busy} busy answers); {self.sink.captured_note()}",
                                          device_id=self.device, kind="capture.scanner_lost_at_page",
                                          params={"page": len(self.sink.pages) + 1})
                time.sleep(timing.backoff(busy - 1, response.headers.get("Retry-After")))
                continue
            if code in (404, 410):
                if dropped:
                    # The device dropped the page it was sending and now says there is none: that
                    # page is lost and must be rescanned, which the person has to hear.
                    raise DeviceLostError(f"{self.device}: page {len(self.sink.pages) + 1} was cut off and the "
                                          f"scanner no longer has it; {self.sink.captured_note()}",
                                          device_id=self.device, kind="capture.scanner_page_cut_off",
                                          params={"page": len(self.sink.pages) + 1})
                if self._still_running(job) and not_ready < timing.not_ready_retries:
                    not_ready += 1  # Xerox answers 404/410 for "not ready yet"
                    time.sleep(timing.backoff(not_ready - 1))
                    continue
                if not self.sink.pages:
                    raise CaptureError(f"{self.device}: the scanner ended the job without a page "
                                       f"(HTTP {code}); is there paper on the glass or in the feeder?",
                                       device_id=self.device, kind="capture.scanner_no_page")
                return  # the normal end of the job
            raise DeviceLostError(f"{self.device}: the scan stopped at page {len(self.sink.pages) + 1} "
                                  f"(HTTP {code}); {self.sink.captured_note()}", device_id=self.device,
                                  kind="capture.scanner_lost_at_page", params={"page": len(self.sink.pages) + 1})
        self.client.cancel(job)  # page limit reached: release the feeder

    def _still_running(self, job: str) -> bool:
        try:
            running = self.client.status().job_running(urlsplit(job).path)
        except CaptureError:
            return False
        return bool(running)

    def _page_from(self, response: requests.Response) -> RawPage:
        label = self.sink.next_label()
        expected = response.headers.get("Content-Length")
        if expected is not None and expected.isdigit() and int(expected) != len(response.content):
            raise _CutOff(f"{len(response.content)} of {expected} bytes")
        try:
            with Image.open(io.BytesIO(response.content)) as image:
                image.load()
                pixels = to_rgb_or_l(image)
        except (OSError, SyntaxError, ValueError) as error:
            # A JPEG that ends early decodes as "truncated": the body was cut, fetch it again.
            if "truncated" in str(error).lower():
                raise _CutOff(str(error)) from error
            raise DeviceResponseError(f"{label}: the scanner sent an unreadable image ({error})",
                                      device_id=self.device) from error
        return RawPage(image=pixels, dpi=float(self.dpi), source=label)


class _CutOff(Exception):
    """A page body shorter than announced: treated like a dropped connection."""


def _short(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 160 else text[:157] + "…"
