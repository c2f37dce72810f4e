"""Scanners on Windows through WIA (Windows Image Acquisition), via pywin32 or comtypes.

Imports are guarded: on Linux and macOS this module imports fine and `list_devices()` returns
[]. TWAIN is deliberately not here: the only Python binding (pytwain) is GPL-2 and TWAIN's data
sources are 32/64-bit specific; WIA plus eSCL covers the scanners found in commune offices, and
a thin ctypes TWAIN binding can join later behind the same interface.

WIA Automation is driven with late binding (no generated type library): the device manager
lists scanners, the first item is the scan head, properties set resolution and colour, and
`Transfer` returns one page; on a feeder it is called until the driver reports the paper empty.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

from app.capture.pages import RawPage
from app.capture.sources.base import (
    CaptureError,
    DeviceInfo,
    DeviceLostError,
    DeviceOptions,
    NoPaperError,
    PageCallback,
    PageSink,
    ScanSettings,
    split_device_id,
)
from app.capture.sources.files import to_rgb_or_l
from app.errors import InputError

PREFIX = "wia"
WIA_SCANNER = 1
FORMAT_BMP = "{B96B3CAB-0728-11D3-9D7B-0000F81EF32E}"  # every WIA driver can deliver BMP
# Property ids (wiadef.h).
XRES, YRES, CUR_INTENT = 6147, 6148, 6146
HANDLING_CAPS, HANDLING_SELECT, PAGES = 3086, 3088, 3096
BED_WIDTH, BED_HEIGHT = 3074, 3075  # thousandths of an inch
FEED, FLAT, DUPLEX = 1, 2, 4
INTENT = {"color": 1, "gray": 2, "bw": 4}
# HRESULTs (wiadef.h) a desk must tell apart.
PAPER_EMPTY, PAPER_JAM, OFFLINE, BUSY = 0x80210003, 0x80210002, 0x80210005, 0x80210006


def _dispatch(prog_id: str) -> Any:
    """A late-bound COM object from pywin32, else comtypes; ImportError when neither exists."""
    try:
        import win32com.client  # type: ignore[import-not-found]

        return win32com.client.Dispatch(prog_id)
    except ImportError:
        import comtypes.client  # type: ignore[import-not-found]

        return comtypes.client.CreateObject(prog_id, dynamic=True)


def _hresult(error: BaseException) -> int:
    code = getattr(error, "hresult", None)
    excepinfo = getattr(error, "excepinfo", None)
    if excepinfo and len(excepinfo) > 5 and excepinfo[5]:
        code = excepinfo[5]  # pywin32 puts the driver's own code here
    return (code or 0) & 0xFFFFFFFF


def _property(props: Any, prop_id: int) -> Any:
    for prop in props:
        if prop.PropertyID == prop_id:
            return prop
    return None


class WindowsSource:
    """WIA scanners; lists nothing off Windows or without pywin32/comtypes."""

    prefix = PREFIX

    def available(self) -> bool:
        if sys.platform != "win32":
            return False
        try:
            self._manager()
        except Exception:  # noqa: BLE001 - no COM binding or WIA service stopped: the source is off
            return False
        return True

    def _manager(self) -> Any:
        return _dispatch("WIA.DeviceManager")

    def list_devices(self) -> list[DeviceInfo]:
        if not self.available():
            return []
        devices = []
        for info in self._manager().DeviceInfos:
            if info.Type != WIA_SCANNER:
                continue
            name = str(_property(info.Properties, 7).Value) if _property(info.Properties, 7) else info.DeviceID
            try:
                options = self._options(info.Connect())
            except Exception as error:  # noqa: BLE001 - a driver refusing to open skips that device only
                options, name = DeviceOptions(), f"{name} (unavailable: {error})"
            devices.append(DeviceInfo(id=f"{PREFIX}:{info.DeviceID}", name=name, source=PREFIX, options=options))
        return devices

    def _options(self, device: Any) -> DeviceOptions:
        caps_prop = _property(device.Properties, HANDLING_CAPS)
        caps = int(caps_prop.Value) if caps_prop is not None else FLAT
        width, height = _property(device.Properties, BED_WIDTH), _property(device.Properties, BED_HEIGHT)
        area = (round(width.Value * 0.0254, 1), round(height.Value * 0.0254, 1)) if width and height else None
        item = device.Items[1]
        xres = _property(item.Properties, XRES)
        resolutions: tuple[int, ...] = ()
        if xres is not None and xres.SubType == 2:  # WIA list constraint
            resolutions = tuple(sorted(int(v) for v in xres.SubTypeValues))
        elif xres is not None:
            resolutions = tuple(d for d in (100, 150, 200, 300, 400, 600)
                                if xres.SubTypeMin <= d <= xres.SubTypeMax)
        return DeviceOptions(resolutions=resolutions, colour_modes=("color", "gray", "bw"),
                             flatbed=bool(caps & FLAT), adf=bool(caps & FEED), duplex=bool(caps & DUPLEX),
                             max_area_mm=area)

    def acquire(self, device_id: str, settings: ScanSettings, *, cancel: threading.Event | None = None,
                on_page: PageCallback | None = None) -> list[RawPage]:
        prefix, wia_id = split_device_id(device_id)
        if prefix != PREFIX:
            raise InputError(f"device {device_id!r} is not a WIA device")
        if not self.available():
            raise CaptureError(f"{device_id}: WIA scanning needs Windows with pywin32 or comtypes",
                               device_id=device_id, kind="capture.scanner_software_missing",
                               params={"program": "pywin32"})
        info = next((i for i in self._manager().DeviceInfos if i.DeviceID == wia_id), None)
        if info is None:
            raise DeviceLostError(f"{device_id}: the scanner is not connected", device_id=device_id,
                                  kind="capture.scanner_not_answering")
        device = info.Connect()
        sink = PageSink(device_id, settings, on_page)
        self._configure(device, settings, device_id)
        item = device.Items[1]
        while not sink.full and not (cancel is not None and cancel.is_set()):
            try:
                image_file = item.Transfer(FORMAT_BMP)
            except Exception as error:  # noqa: BLE001 - COM errors carry the driver's HRESULT
                if self._judge(error, sink, settings):
                    break
            else:
                sink.add(self._page(image_file, sink, settings))
            if not settings.uses_feeder:
                break
        return sink.pages

    def _configure(self, device: Any, settings: ScanSettings, device_id: str) -> None:
        select = _property(device.Properties, HANDLING_SELECT)
        if settings.uses_feeder:
            if select is None:
                raise CaptureError(f"{device_id}: the scanner has no document feeder", device_id=device_id,
                                   kind="capture.scanner_no_feeder")
            select.Value = FEED | (DUPLEX if settings.duplex else 0)
            pages = _property(device.Properties, PAGES)
            if pages is not None:
                pages.Value = settings.page_limit or 0  # 0: the whole stack
        elif select is not None:
            select.Value = FLAT
        item = device.Items[1]
        for prop_id, value in ((CUR_INTENT, INTENT[settings.colour]), (XRES, settings.dpi), (YRES, settings.dpi)):
            prop = _property(item.Properties, prop_id)
            if prop is not None:
                prop.Value = value

    def _judge(self, error: BaseException, sink: PageSink, settings: ScanSettings) -> bool:
        """True for the normal end of a feeder job; raises for every real failure."""
        code, device = _hresult(error), sink.device_id
        if code == PAPER_EMPTY and sink.pages:
            return True
        if code == PAPER_EMPTY:
            raise NoPaperError(f"{device}: the document feeder is empty", device_id=device)
        what = {PAPER_JAM: "paper jam", OFFLINE: "the scanner went offline", BUSY: "the scanner is busy"}
        reason = what.get(code, f"WIA error 0x{code:08X}: {error}")
        kind = "capture.scanner_jammed" if code == PAPER_JAM else "capture.scanner_lost_at_page"
        raise DeviceLostError(f"{device}: {reason} at page {len(sink.pages) + 1}; {sink.captured_note()}",
                              device_id=device, pages=sink.pages, kind=kind, params={"page": len(sink.pages) + 1})

    def _page(self, image_file: Any, sink: PageSink, settings: ScanSettings) -> RawPage:
        import io

        from PIL import Image

        data = bytes(image_file.FileData.BinaryData)
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            pixels = to_rgb_or_l(image)
        dpi = float(getattr(image_file, "HorizontalResolution", 0) or settings.dpi)
        return RawPage(image=pixels, dpi=dpi, source=sink.next_label())
