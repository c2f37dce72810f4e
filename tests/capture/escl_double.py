"""An eSCL (AirScan) scanner on loopback that misbehaves on request, for the client's tests.

A real HTTP server (stdlib `ThreadingHTTPServer` in a thread) with the protocol's routes —
ScannerCapabilities, ScannerStatus, POST ScanJobs (201 + Location), GET NextDocument, DELETE
job — and fault injectors taken from sane-airscan's quirk list: 503 warm-up, 404/410 at the end
of the job or as "not ready yet", slow pages, malformed or lower-case-doctype XML, a broken host
in Location, a required Host header, an empty feeder, a body cut off once (re-sent on the next
GET) and a job that vanishes mid-page. Pages are JPEGs made with Pillow at the requested dpi;
page n is filled with grey level `page_shade(n)` so a test can check order and completeness.
"""

from __future__ import annotations

import io
import re
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image

SCAN_NS = "http://schemas.hp.com/imaging/escl/2011/05/03"
PWG_NS = "http://www.pwg.org/schemas/2010/12/sm"


def page_shade(number: int) -> int:
    """Grey level of page `number` (1-based): distinct, and far from JPEG noise."""
    return 30 + (number * 37) % 200


@dataclass
class DoubleConfig:
    pages: int = 3  # sheets in the feeder; a platen job always yields one page
    warmup_503: int = 0  # the first N requests of any kind answer 503 (lamp warming up)
    retry_after: str | None = None  # Retry-After sent with those 503s
    end_status: int = 404  # what NextDocument answers after the last page (404 or 410)
    not_ready_404: int = 0  # Xerox: the first N NextDocuments of a job answer 404 while Processing
    page_delay_s: float = 0.0  # time before each page body (slow pages)
    malformed_capabilities: bool = False
    lowercase_doctype: bool = False
    location: str = "absolute"  # "absolute", "relative" or "broken" (wrong host, like Xerox's IPv6)
    required_host: str | None = None  # answer 400 unless the Host header is exactly this
    adf_empty: bool = False
    adf: bool = True
    duplex: bool = True
    cut_once_at_page: int | None = None  # that page's body is cut off once, then sent whole
    vanish_at_page: int | None = None  # that page's body is cut off and the job is gone for good
    page_mm: tuple[float, float] = (50.0, 70.0)  # small pages keep the tests fast
    resolutions: tuple[int, ...] = (100, 150, 200, 300, 600)


@dataclass
class Job:
    id: str
    settings: dict[str, str]
    total: int
    delivered: int = 0
    state: str = "Processing"
    not_ready_left: int = 0
    cut_done: bool = False


@dataclass
class Record:
    """What the double saw, for assertions."""

    requests: list[tuple[str, str, str]] = field(default_factory=list)  # (method, path, Host)
    settings: list[dict[str, str]] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    answered_503: int = 0


class EsclDouble:
    """Start with `with EsclDouble(DoubleConfig(...)) as scanner:`; `scanner.base_url` is the eSCL root."""

    def __init__(self, config: DoubleConfig | None = None) -> None:
        self.config = config or DoubleConfig()
        self.record = Record()
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()
        self.gone = False  # set by vanish(): every request is dropped without an answer
        self._requests_seen = 0
        handler = type("Handler", (_Handler,), {"double": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/eSCL"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def __enter__(self) -> EsclDouble:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._thread.is_alive():
            self.server.shutdown()
        self.server.server_close()

    def vanish(self) -> None:
        """The scanner is unplugged: no new connections, open ones are dropped."""
        self.gone = True
        self.close()

    def take_request(self) -> bool:
        """Count a request; True when it falls in the warm-up and must be answered 503."""
        with self.lock:
            self._requests_seen += 1
            warm = self._requests_seen <= self.config.warmup_503
            if warm:
                self.record.answered_503 += 1
            return warm

    # -- documents -----------------------------------------------------------------------------

    def capabilities_xml(self) -> bytes:
        if self.config.malformed_capabilities:
            return (f'<?xml version="1.0"?><scan:ScannerCapabilities xmlns:scan="{SCAN_NS}">'
                    "<scan:Platen><scan:PlatenInputCaps><scan:MaxWidth>2550</scan:MaxHeight>").encode()
        width_h, height_h = (round(mm * 300 / 25.4) for mm in self.config.page_mm)
        profile = ("<scan:SettingProfile><scan:ColorModes><scan:ColorMode>BlackAndWhite1</scan:ColorMode>"
                   "<scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode>"
                   "</scan:ColorModes><scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat>"
                   "<pwg:DocumentFormat>application/pdf</pwg:DocumentFormat></scan:DocumentFormats>"
                   "<scan:SupportedResolutions><scan:DiscreteResolutions>"
                   + "".join(f"<scan:DiscreteResolution><scan:XResolution>{dpi}</scan:XResolution>"
                             f"<scan:YResolution>{dpi}</scan:YResolution></scan:DiscreteResolution>"
                             for dpi in self.config.resolutions)
                   + "</scan:DiscreteResolutions></scan:SupportedResolutions></scan:SettingProfile>")
        caps = (f"<scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>{width_h}</scan:MaxWidth>"
                f"<scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>{height_h}</scan:MaxHeight>"
                f"<scan:SettingProfiles>{profile}</scan:SettingProfiles>")
        adf = ""
        if self.config.adf:
            adf = f"<scan:Adf><scan:AdfSimplexInputCaps>{caps}</scan:AdfSimplexInputCaps>"
            if self.config.duplex:
                adf += f"<scan:AdfDuplexInputCaps>{caps}</scan:AdfDuplexInputCaps>"
            adf += "</scan:Adf>"
        doctype = "<!doctype ScannerCapabilities>" if self.config.lowercase_doctype else ""
        return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
                f'<scan:ScannerCapabilities xmlns:scan="{SCAN_NS}" xmlns:pwg="{PWG_NS}">'
                "<pwg:Version>2.63</pwg:Version><pwg:MakeAndModel>Loopback eSCL Double</pwg:MakeAndModel>"
                f"<scan:UUID>4509a320-00a0-008f-00b6-002507510eca</scan:UUID>"
                f"<scan:Platen><scan:PlatenInputCaps>{caps}</scan:PlatenInputCaps></scan:Platen>{adf}"
                "</scan:ScannerCapabilities>").encode()

    def status_xml(self) -> bytes:
        with self.lock:
            busy = any(job.state == "Processing" for job in self.jobs.values())
            infos = "".join(
                f"<scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/{job.id}</pwg:JobUri><pwg:JobUuid>{job.id}</pwg:JobUuid>"
                f"<pwg:ImagesCompleted>{job.delivered}</pwg:ImagesCompleted><pwg:JobState>{job.state}</pwg:JobState>"
                "</scan:JobInfo>" for job in self.jobs.values())
        adf = "ScannerAdfEmpty" if self.config.adf_empty else "ScannerAdfLoaded"
        return (f'<?xml version="1.0" encoding="UTF-8"?><scan:ScannerStatus xmlns:scan="{SCAN_NS}" '
                f'xmlns:pwg="{PWG_NS}"><pwg:Version>2.63</pwg:Version>'
                f"<pwg:State>{'Processing' if busy else 'Idle'}</pwg:State><scan:AdfState>{adf}</scan:AdfState>"
                f"<scan:Jobs>{infos}</scan:Jobs></scan:ScannerStatus>").encode()

    def new_job(self, body: bytes) -> Job:
        text = body.decode("utf-8", "replace")
        settings = {name: value for name, value in re.findall(r"<(?:\w+:)?(\w+)>([^<]*)</", text)}
        self.record.settings.append(settings)
        feeder = settings.get("InputSource") == "Feeder"
        total = self.config.pages if feeder else 1
        if feeder and settings.get("Duplex") == "true":
            total *= 2
        job = Job(id=str(uuid.uuid4()), settings=settings, total=total, not_ready_left=self.config.not_ready_404)
        with self.lock:
            self.jobs[job.id] = job
        return job

    def page_jpeg(self, job: Job, number: int) -> bytes:
        dpi = int(job.settings.get("XResolution", "300"))
        width, height = (max(8, round(mm / 25.4 * dpi)) for mm in self.config.page_mm)
        mode = "L" if job.settings.get("ColorMode", "RGB24").startswith(("Gray", "Black")) else "RGB"
        shade = page_shade(number)
        image = Image.new(mode, (width, height), shade if mode == "L" else (shade, shade, shade))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=90, dpi=(dpi, dpi))
        return out.getvalue()


class _Handler(BaseHTTPRequestHandler):
    double: EsclDouble
    protocol_version = "HTTP/1.1"  # keep-alive, as requests.Session and real devices use it
    disable_nagle_algorithm = True  # headers and body go out in two writes; don't wait 40 ms between

    def log_message(self, *args: object) -> None:  # quiet test output
        pass

    # -- plumbing --------------------------------------------------------------------------------

    def _gate(self) -> bool:
        """Common checks; False when the request has been answered (or dropped) already."""
        double = self.double
        if double.gone:
            self._drop()
            return False
        double.record.requests.append((self.command, self.path, self.headers.get("Host", "")))
        if double.config.required_host and self.headers.get("Host") != double.config.required_host:
            self._answer(400, b"wrong Host header")
            return False
        if double.take_request():
            extra = {"Retry-After": double.config.retry_after} if double.config.retry_after else {}
            self._answer(503, b"", extra)
            return False
        return True

    def _answer(self, code: int, body: bytes, headers: dict[str, str] | None = None,
                content_type: str = "text/xml") -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _cut(self, body: bytes) -> None:
        """Announce the whole body, send half, hang up: what a Wi-Fi drop looks like to the client."""
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.wfile.flush()
        self._drop()

    def _job(self) -> Job | None:
        match = re.match(r"^/eSCL/ScanJobs/([\w-]+)", self.path)
        return self.double.jobs.get(match.group(1)) if match else None

    # -- routes ----------------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if not self._gate():
            return
        if self.path == "/eSCL/ScannerCapabilities":
            self._answer(200, self.double.capabilities_xml())
        elif self.path == "/eSCL/ScannerStatus":
            self._answer(200, self.double.status_xml())
        elif self.path.endswith("/NextDocument"):
            self._next_document()
        else:
            self._answer(404, b"")

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
        if not self._gate():
            return
        if self.path != "/eSCL/ScanJobs":
            self._answer(404, b"")
            return
        job = self.double.new_job(body)
        path = f"/eSCL/ScanJobs/{job.id}"
        location = {"absolute": f"http://127.0.0.1:{self.double.port}{path}", "relative": path,
                    "broken": f"http://[fe80::1]:{self.double.port}{path}"}[self.double.config.location]
        self._answer(201, b"", {"Location": location})

    def do_DELETE(self) -> None:  # noqa: N802
        if not self._gate():
            return
        job = self._job()
        if job is None:
            self._answer(404, b"")
            return
        with self.double.lock:
            job.state = "Canceled"
        self.double.record.deleted.append(job.id)
        self._answer(200, b"")

    def _next_document(self) -> None:
        double, config = self.double, self.double.config
        job = self._job()
        if job is None or job.state in ("Canceled", "Aborted"):
            self._answer(410 if job is not None else 404, b"")
            return
        if job.not_ready_left > 0:
            job.not_ready_left -= 1
            self._answer(404, b"")  # Xerox: "not ready" spelled 404 while the status says Processing
            return
        if job.delivered >= job.total:
            with double.lock:
                job.state = "Completed"
            self._answer(config.end_status, b"")
            return
        number = job.delivered + 1
        if config.page_delay_s:
            time.sleep(config.page_delay_s)
        body = double.page_jpeg(job, number)
        if config.vanish_at_page == number:
            with double.lock:
                job.state = "Aborted"
                del double.jobs[job.id]
            self._cut(body)
            return
        if config.cut_once_at_page == number and not job.cut_done:
            job.cut_done = True  # like NAPS2's server: the page stays current until fully sent
            self._cut(body)
            return
        with double.lock:
            job.delivered = number
            if number >= job.total:
                job.state = "Completed"
        self._answer(200, body, content_type="image/jpeg")
