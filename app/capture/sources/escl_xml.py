"""eSCL (AirScan) XML: reading ScannerCapabilities and ScannerStatus, writing ScanSettings.

Elements are matched by local name, ignoring namespace prefixes, because firmware disagrees
on prefixes and sometimes on namespaces; spelling drift the field has seen ("ScannedAdfLoaded"
vs "ScannerAdfLoaded") is accepted. Anything unreadable raises `DeviceResponseError` naming
the device, the document and the element, so the desk can say which scanner answered badly.
Parsing goes through defusedxml: a device on the LAN is not trusted with entity expansion.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError
from xml.sax.saxutils import escape

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from app.capture.sources.base import DeviceOptions, DeviceResponseError

SCAN_NS = "http://schemas.hp.com/imaging/escl/2011/05/03"
PWG_NS = "http://www.pwg.org/schemas/2010/12/sm"
THREE_HUNDREDTHS_PER_MM = 300 / 25.4

# eSCL colour modes in our vocabulary; the first listed for a colour is the one we ask for.
COLOUR_MODES = {"RGB24": "color", "RGB48": "color", "Grayscale8": "gray", "Grayscale16": "gray",
                "BlackAndWhite1": "bw"}
JOB_RUNNING = frozenset({"Pending", "Processing"})


@dataclass
class InputCaps:
    """One input's capabilities (platen, ADF simplex or ADF duplex)."""

    max_width: int = 0  # 1/300 inch
    max_height: int = 0
    colour_modes: list[str] = field(default_factory=list)  # eSCL names: RGB24, Grayscale8, ...
    formats: list[str] = field(default_factory=list)  # MIME types
    resolutions: list[int] = field(default_factory=list)


@dataclass
class Capabilities:
    make_and_model: str = ""
    uuid: str = ""
    platen: InputCaps | None = None
    adf_simplex: InputCaps | None = None
    adf_duplex: InputCaps | None = None

    def device_options(self) -> DeviceOptions:
        inputs = [caps for caps in (self.platen, self.adf_simplex, self.adf_duplex) if caps]
        resolutions = sorted({dpi for caps in inputs for dpi in caps.resolutions})
        modes = {COLOUR_MODES[m] for caps in inputs for m in caps.colour_modes if m in COLOUR_MODES}
        widest = max(inputs, key=lambda caps: caps.max_width * caps.max_height, default=None)
        area = None
        if widest and widest.max_width and widest.max_height:
            area = (round(widest.max_width / THREE_HUNDREDTHS_PER_MM, 1),
                    round(widest.max_height / THREE_HUNDREDTHS_PER_MM, 1))
        return DeviceOptions(resolutions=tuple(resolutions),
                             colour_modes=tuple(c for c in ("color", "gray", "bw") if c in modes),
                             flatbed=self.platen is not None, adf=self.adf_simplex is not None
                             or self.adf_duplex is not None, duplex=self.adf_duplex is not None,
                             max_area_mm=area)


@dataclass
class Status:
    state: str = ""  # Idle, Processing, Testing, Stopped, Down
    adf_state: str = ""  # ScannerAdfLoaded, ScannerAdfEmpty, ScannerAdfJam, ...
    jobs: dict[str, str] = field(default_factory=dict)  # job URI path -> JobState

    @property
    def adf_empty(self) -> bool:
        return self.adf_state.endswith("AdfEmpty")

    def job_running(self, job_path: str) -> bool | None:
        """Whether the job is still producing pages; None when the status does not mention it."""
        for uri, state in self.jobs.items():
            if uri.rstrip("/").endswith(job_path.rstrip("/")) or job_path.rstrip("/").endswith(uri.rstrip("/")):
                return state in JOB_RUNNING
        return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> Iterator[Element]:
    return (child for child in element if _local(child.tag) == name)


def _first(element: Element, name: str) -> Element | None:
    return next((node for node in element.iter() if _local(node.tag) == name), None)


def _text(element: Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def parse_document(data: bytes, *, device: str, document: str, root: str) -> Element:
    """Parse device XML; DeviceResponseError naming the device and document when it is not XML."""
    # Some firmware writes "<!doctype"; expat only knows the upper-case keyword.
    data = data.replace(b"<!doctype", b"<!DOCTYPE")
    try:
        element = safe_xml.fromstring(data)
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise DeviceResponseError(f"{device}: {document} is not valid XML (line {line}, column {column}: "
                                  f"{str(error).split(':')[0]})", device_id=device) from error
    except DefusedXmlException as error:
        raise DeviceResponseError(f"{device}: {document} uses forbidden XML constructs ({error})",
                                  device_id=device) from error
    if _local(element.tag) != root:
        raise DeviceResponseError(f"{device}: {document} has <{_local(element.tag)}> where <{root}> "
                                  f"was expected", device_id=device)
    return element


def _number(element: Element | None, *, device: str, document: str) -> int:
    text = _text(element)
    try:
        return int(float(text))
    except ValueError:
        name = _local(element.tag) if element is not None else "?"
        raise DeviceResponseError(f"{device}: {document} element <{name}> holds {text!r}, not a number",
                                  device_id=device) from None


def parse_capabilities(data: bytes, *, device: str) -> Capabilities:
    doc = "ScannerCapabilities"
    root = parse_document(data, device=device, document=doc, root=doc)
    # Profiles may be defined once and referenced as <SettingProfile ref="..."/>.
    named = {profile.get("name"): profile for profile in root.iter()
             if _local(profile.tag) == "SettingProfile" and profile.get("name")}
    caps = Capabilities(make_and_model=_text(_first(root, "MakeAndModel")), uuid=_text(_first(root, "UUID")))
    for name, attribute in (("PlatenInputCaps", "platen"), ("AdfSimplexInputCaps", "adf_simplex"),
                            ("AdfDuplexInputCaps", "adf_duplex")):
        node = _first(root, name)
        if node is not None:
            setattr(caps, attribute, _input_caps(node, named, device=device))
    return caps


def _input_caps(node: Element, named: dict[str | None, Element], *, device: str) -> InputCaps:
    doc = "ScannerCapabilities"
    caps = InputCaps()
    for name in ("MaxWidth", "MaxHeight"):
        child = next(_children(node, name), None)
        if child is not None:
            setattr(caps, "max_width" if name == "MaxWidth" else "max_height",
                    _number(child, device=device, document=doc))
    for profile in (p for p in node.iter() if _local(p.tag) == "SettingProfile"):
        profile = named.get(profile.get("ref"), profile) if profile.get("ref") else profile
        caps.colour_modes += [_text(m) for m in profile.iter() if _local(m.tag) == "ColorMode"]
        caps.formats += [_text(f) for f in profile.iter() if _local(f.tag) in ("DocumentFormat",
                                                                             "DocumentFormatExt")]
        caps.resolutions += _resolutions(profile, device=device)
    caps.colour_modes = list(dict.fromkeys(m for m in caps.colour_modes if m))
    caps.formats = list(dict.fromkeys(f for f in caps.formats if f))
    caps.resolutions = sorted(set(caps.resolutions))
    return caps


def _resolutions(profile: Element, *, device: str) -> list[int]:
    doc = "ScannerCapabilities"
    found = [_number(_first(r, "XResolution"), device=device, document=doc)
             for r in profile.iter() if _local(r.tag) == "DiscreteResolution"]
    for ranged in (r for r in profile.iter() if _local(r.tag) == "XResolutionRange"):
        low = _number(_first(ranged, "Min"), device=device, document=doc)
        high = _number(_first(ranged, "Max"), device=device, document=doc)
        step_node = _first(ranged, "Step")
        step = max(1, _number(step_node, device=device, document=doc)) if step_node is not None else 1
        found += [dpi for dpi in (75, 100, 150, 200, 240, 300, 400, 600, 1200)
                  if low <= dpi <= high and (dpi - low) % step == 0]
    return found


def parse_status(data: bytes, *, device: str) -> Status:
    root = parse_document(data, device=device, document="ScannerStatus", root="ScannerStatus")
    status = Status(state=_text(next(_children(root, "State"), None)) or _text(_first(root, "State")),
                    adf_state=_text(_first(root, "AdfState")))
    for info in (node for node in root.iter() if _local(node.tag) == "JobInfo"):
        uri = _text(_first(info, "JobUri"))
        if uri:
            status.jobs[uri] = _text(_first(info, "JobState"))
    return status


def scan_settings_xml(*, input_source: str, colour_mode: str, dpi: int, width: int, height: int,
                      duplex: bool, document_format: str = "image/jpeg") -> bytes:
    """The ScanSettings body of POST /ScanJobs (region in 1/300 inch)."""
    duplex_line = f"<scan:Duplex>{'true' if duplex else 'false'}</scan:Duplex>" if input_source == "Feeder" else ""
    fmt = escape(document_format)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<scan:ScanSettings xmlns:scan="{SCAN_NS}" xmlns:pwg="{PWG_NS}">'
        "<pwg:Version>2.0</pwg:Version><scan:Intent>Document</scan:Intent>"
        '<pwg:ScanRegions pwg:MustHonor="false"><pwg:ScanRegion>'
        "<pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>"
        f"<pwg:XOffset>0</pwg:XOffset><pwg:YOffset>0</pwg:YOffset>"
        f"<pwg:Width>{width}</pwg:Width><pwg:Height>{height}</pwg:Height>"
        "</pwg:ScanRegion></pwg:ScanRegions>"
        f"<pwg:InputSource>{escape(input_source)}</pwg:InputSource>{duplex_line}"
        f"<scan:ColorMode>{escape(colour_mode)}</scan:ColorMode>"
        f"<scan:XResolution>{dpi}</scan:XResolution><scan:YResolution>{dpi}</scan:YResolution>"
        f"<pwg:DocumentFormat>{fmt}</pwg:DocumentFormat><scan:DocumentFormatExt>{fmt}</scan:DocumentFormatExt>"
        "</scan:ScanSettings>")
    return xml.encode("utf-8")
