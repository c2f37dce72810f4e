"""SANE scanners on Linux through the `scanimage` tool (package `sane-utils`).

Why a subprocess rather than a binding: python-sane ships no wheels (it needs a compiler and
libsane-dev), and a wedged driver inside our process would freeze the desk; a child process
can always be killed. Pages come back through batch mode: `--batch-print` names each page file
on stdout only once it is complete, so every finished page is read, handed over and kept
even when the scanner drops off the bus halfway through the feeder.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from PIL import Image

from app.capture.pages import RawPage
from app.capture.sources import sane_options as so
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
from app.capture.sources.files import to_rgb_or_l
from app.errors import InputError

log = logging.getLogger(__name__)

PREFIX = "sane"
NO_DOCS_HINTS = ("out of documents", "no documents", "feeder empty", "no docs")
# stderr lines that are scanimage chatter, not a diagnosis.
CHATTER = ("Scanning ", "Scanned page", "Batch terminated", "Output format", "Scanning infinity")


class SaneSource:
    """Devices that `scanimage -L` lists, acquired page by page in batch mode."""

    prefix = PREFIX

    def __init__(self, scanimage: str = "scanimage", *, list_timeout_s: float = 60.0,
                 page_timeout_s: float = 180.0, extra_args: Mapping[str, Sequence[str]] | None = None,
                 env: Mapping[str, str] | None = None) -> None:
        # page_timeout_s: the longest silence we accept between two pages (a 1200-dpi colour
        # flatbed pass is slow); extra_args: per-backend additions, e.g. {"test": ["--test-picture", "Grid"]}.
        self.scanimage = scanimage
        self.list_timeout_s = list_timeout_s
        self.page_timeout_s = page_timeout_s
        self.extra_args = {key: list(value) for key, value in (extra_args or {}).items()}
        self.env = dict(env) if env is not None else None

    # -- discovery ---------------------------------------------------------------------------

    def available(self) -> bool:
        return shutil.which(self.scanimage) is not None

    def list_devices(self) -> list[DeviceInfo]:
        if not self.available():
            return []
        text = self._run(["-f", so.LIST_FORMAT], what="listing scanners")
        devices = []
        for device in so.parse_device_list(text):
            try:
                options = so.device_options(self._options_of(device.name))
            except CaptureError as error:
                log.warning("SANE device %s skipped: %s", device.name, error)
                continue
            devices.append(DeviceInfo(id=f"{PREFIX}:{device.name}", name=device.label, source=PREFIX,
                                      options=options, detail=device.kind))
        return devices

    def _options_of(self, sane_name: str) -> dict[str, so.SaneOption]:
        return so.parse_options(self._run(["-d", sane_name, "-A"], what=f"reading the options of {sane_name}"))

    def _run(self, args: list[str], *, what: str) -> str:
        try:
            done = subprocess.run([self.scanimage, *args], capture_output=True, text=True,
                                  timeout=self.list_timeout_s, env=self._env(), check=False)
        except FileNotFoundError as error:
            raise CaptureError(f"{what}: {self.scanimage} not found (install sane-utils)",
                               kind="capture.scanner_software_missing", params={"program": "sane-utils"}) from error
        except subprocess.TimeoutExpired as error:
            raise CaptureError(f"{what}: scanimage did not answer within {self.list_timeout_s:g} s",
                               kind="capture.scanner_not_answering") from error
        if done.returncode != 0:
            raise CaptureError(f"{what}: {_diagnosis(done.stderr) or f'scanimage exit status {done.returncode}'}")
        return done.stdout

    def _env(self) -> dict[str, str] | None:
        return {**os.environ, **self.env} if self.env is not None else None

    # -- acquisition -------------------------------------------------------------------------

    def acquire(self, device_id: str, settings: ScanSettings, *, cancel: threading.Event | None = None,
                on_page: PageCallback | None = None) -> list[RawPage]:
        prefix, sane_name = split_device_id(device_id)
        if prefix != PREFIX:
            raise InputError(f"device {device_id!r} is not a SANE device")
        if not self.available():
            raise CaptureError(f"{device_id}: {self.scanimage} not found (install sane-utils)",
                               device_id=device_id, kind="capture.scanner_software_missing",
                               params={"program": "sane-utils"})
        try:
            options = self._options_of(sane_name)
        except CaptureError as error:
            raise CaptureError(f"{device_id}: cannot open the scanner ({error.message})",
                               device_id=device_id, kind="capture.scanner_cannot_open") from error
        args, dpi = scan_arguments(device_id, options, settings)
        args += self.extra_args.get(sane_name.split(":")[0], [])
        sink = PageSink(device_id, settings, on_page)
        with tempfile.TemporaryDirectory(prefix="motcua-sane-") as folder:
            batch = ["-d", sane_name, "--format=pnm", f"--batch={Path(folder) / 'page-%04d.pnm'}",
                     "--batch-print", "--batch-start=1"]
            _BatchRun([self.scanimage, *batch, *args], self._env(), sink, dpi, cancel,
                      self.page_timeout_s).run()
        return sink.pages


def scan_arguments(device_id: str, options: Mapping[str, so.SaneOption],
                   settings: ScanSettings) -> tuple[list[str], int]:
    """scanimage options for the settings on this device, and the resolution actually asked for."""
    args: list[str] = []
    resolution = options.get("resolution")
    supported = so.resolutions_of(resolution)
    dpi = settings.dpi
    if resolution is not None and resolution.values:
        dpi = nearest_dpi(settings.dpi, supported)  # a list constraint: only listed values work
    elif resolution is not None and resolution.high is not None:
        dpi = int(min(max(settings.dpi, resolution.low or 1), resolution.high))
    if resolution is not None:
        args += ["--resolution", str(dpi)]
    args += _mode_arguments(device_id, options, settings)
    args += _source_arguments(device_id, options, settings)
    count = 1 if not settings.uses_feeder else settings.page_limit
    if count:
        args.append(f"--batch-count={count}")
    return args, dpi


def _mode_arguments(device_id: str, options: Mapping[str, so.SaneOption], settings: ScanSettings) -> list[str]:
    mode = options.get("mode")
    if mode is None:
        return []
    # We binarise better than most drivers, so black-and-white may scan grey; colour must be colour.
    wanted = {"bw": ("bw", "gray", "color"), "gray": ("gray", "color"), "color": ("color",)}[settings.colour]
    for colour in wanted:
        value = so.mode_value_for(mode, colour)
        if value is not None:
            return ["--mode", value]
    raise CaptureError(f"{device_id}: the scanner cannot scan in {settings.colour} "
                       f"(its modes: {', '.join(mode.values) or 'none listed'})", device_id=device_id,
                       kind="capture.scanner_no_colour_mode", params={"colour": settings.colour})


def _source_arguments(device_id: str, options: Mapping[str, so.SaneOption], settings: ScanSettings) -> list[str]:
    source = options.get("source")
    if not settings.uses_feeder:
        value = so.source_value_for(source, "flatbed")
        return ["--source", value] if value else []
    if settings.duplex:
        value = so.source_value_for(source, "duplex")
        if value:
            return ["--source", value]
        switch = so.duplex_switch(dict(options))
        feeder = so.source_value_for(source, "adf")
        if switch and feeder:
            return ["--source", feeder, *switch]
        raise CaptureError(f"{device_id}: the scanner cannot scan both sides "
                           f"(its sources: {', '.join(source.values) if source else 'flatbed only'})",
                           device_id=device_id, kind="capture.scanner_no_duplex")
    value = so.source_value_for(source, "adf")
    if value is None:
        raise CaptureError(f"{device_id}: the scanner has no document feeder "
                           f"(its sources: {', '.join(source.values) if source else 'flatbed only'})",
                           device_id=device_id, kind="capture.scanner_no_feeder")
    return ["--source", value]


class _BatchRun:
    """One scanimage batch process, its pages read as they finish, with cancel and a stall timeout."""

    def __init__(self, command: list[str], env: dict[str, str] | None, sink: PageSink, dpi: int,
                 cancel: threading.Event | None, page_timeout_s: float) -> None:
        self.command, self.env, self.sink, self.dpi = command, env, sink, dpi
        self.cancel, self.page_timeout_s = cancel, page_timeout_s
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.stderr: collections.deque[str] = collections.deque(maxlen=40)

    def run(self) -> None:
        log.info("scanning: %s", " ".join(self.command))
        try:
            process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                       env=self.env)
        except OSError as error:
            raise CaptureError(f"{self.sink.device_id}: cannot start scanimage ({error})",
                               device_id=self.sink.device_id, kind="capture.scanner_cannot_open") from error
        readers = [threading.Thread(target=_pump, args=(process.stdout, self.lines.put, self._stdout_closed),
                                    daemon=True),
                   threading.Thread(target=_pump, args=(process.stderr, self.stderr.append), daemon=True)]
        for reader in readers:
            reader.start()
        try:
            stopped = self._collect(process)
        finally:
            _stop(process)
            for reader in readers:
                reader.join(timeout=5)
        if not stopped:
            self._judge_exit(process.returncode)

    def _stdout_closed(self) -> None:
        self.lines.put(None)

    def _collect(self, process: subprocess.Popen[str]) -> bool:
        """Read pages until scanimage ends; True when we stopped it (cancel or page limit)."""
        last_progress = time.monotonic()
        while True:
            if (self.cancel is not None and self.cancel.is_set()) or self.sink.full:
                return True
            try:
                line = self.lines.get(timeout=0.05)
            except queue.Empty:
                if time.monotonic() - last_progress > self.page_timeout_s:
                    _stop(process)
                    raise DeviceLostError(
                        f"{self.sink.device_id}: no page arrived for {self.page_timeout_s:g} s, the scanner "
                        f"stopped answering; {self.sink.captured_note()}",
                        device_id=self.sink.device_id, pages=self.sink.pages, kind="capture.scanner_lost_at_page",
                        params={"page": len(self.sink.pages) + 1})
                continue
            if line is None:  # stdout closed: scanimage is ending
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=30)  # a hung exit is killed by the caller's _stop
                return False
            if line.strip():
                self.sink.add(self._read_page(Path(line.strip())))
                last_progress = time.monotonic()

    def _read_page(self, path: Path) -> RawPage:
        label = self.sink.next_label()
        try:
            with Image.open(path) as image:
                image.load()
                pixels = to_rgb_or_l(image)
        except (OSError, SyntaxError, ValueError) as error:
            raise DeviceResponseError(f"{label}: the scanner wrote an unreadable image ({error}); "
                                      f"{self.sink.captured_note()}",
                                      device_id=self.sink.device_id, pages=self.sink.pages) from error
        finally:
            path.unlink(missing_ok=True)
        return RawPage(image=pixels, dpi=float(self.dpi), source=label)

    def _judge_exit(self, returncode: int | None) -> None:
        diagnosis = _diagnosis(self.stderr)
        device, pages = self.sink.device_id, self.sink.pages
        no_docs = any(hint in diagnosis.lower() for hint in NO_DOCS_HINTS)
        if not pages and no_docs:
            raise NoPaperError(f"{device}: the document feeder is empty; put the pages in and scan again",
                               device_id=device)
        if returncode == 0 or (no_docs and pages):
            if not pages:
                raise CaptureError(f"{device}: the scanner finished without delivering a page"
                                   + (f" ({diagnosis})" if diagnosis else ""), device_id=device,
                                   kind="capture.scanner_no_page")
            return
        reason = diagnosis or (f"scanimage was killed by signal {-returncode}" if returncode and returncode < 0
                               else f"scanimage exit status {returncode}")
        if pages:
            raise DeviceLostError(f"{device}: the scanner stopped after page {len(pages)} ({reason}); "
                                  f"{self.sink.captured_note()}", device_id=device, pages=pages,
                                  kind="capture.scanner_lost_at_page", params={"page": len(pages) + 1})
        raise CaptureError(f"{device}: the scan failed ({reason})", device_id=device)


def _pump(stream: Iterable[str] | None, put: Callable[[str], None],
          end: Callable[[], None] | None = None) -> None:
    """Copy a child's output lines to `put`; `end` marks the stream's close."""
    if stream is not None:
        for line in stream:
            put(line.rstrip("\n"))
    if end is not None:
        end()


def _stop(process: subprocess.Popen[str]) -> None:
    """End scanimage: SIGTERM lets it call sane_cancel so the device is left usable; then SIGKILL."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def _diagnosis(stderr: Iterable[str] | str) -> str:
    """The last meaningful line scanimage wrote, without its "scanimage: " prefix."""
    lines = stderr.splitlines() if isinstance(stderr, str) else list(stderr)
    useful = [line.strip() for line in lines if line.strip() and not line.strip().startswith(CHATTER)]
    if not useful:
        return ""
    text = useful[-1]
    return text.split(": ", 1)[1] if text.startswith("scanimage: ") else text
