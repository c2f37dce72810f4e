"""Reading what `scanimage` prints: the device list and a device's options (`scanimage -A`).

SANE backends name the same things differently ("Color", "24bit Color", "RGB"; "ADF Duplex",
"Automatic Document Feeder"; `--duplex`, `--adf-mode Duplex`), so this module also maps a
device's option values onto our vocabulary and back. Kept apart from the process handling in
`sane.py` so the parsing can be checked against captured text of real backends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.capture.sources.base import COMMON_DPIS, DeviceOptions

FIELD_SEP = "\x1f"  # unit separator: cannot occur in a SANE device name, vendor or model
LIST_FORMAT = f"%d{FIELD_SEP}%v{FIELD_SEP}%m{FIELD_SEP}%t%n"

_OPTION_LINE = re.compile(
    r"^(?P<indent>[ \t]{2,6})(?P<name>--?[A-Za-z0-9][\w-]*)"
    r"(?:\[=\((?P<choices>[^)]*)\)\])?"
    r"(?:[ \t]+(?P<spec>.*?))??"
    r"(?:[ \t]*\[(?P<current>[^\]]*)\])?[ \t]*$")
_RANGE = re.compile(r"^(?P<min>-?\d+(?:\.\d+)?)\.\.(?P<max>-?\d+(?:\.\d+)?)(?P<unit>[A-Za-z%]*)"
                    r"(?:,\.\.\.)?(?: \(in steps of (?P<step>\d+(?:\.\d+)?)\))?$")
_UNIT_TAIL = re.compile(r"^(?P<value>-?\d+(?:\.\d+)?)(?P<unit>dpi|mm|pel|bit|us|%)$")

COLOUR_WORDS = {
    "color": ("color", "colour", "rgb", "24bit"),
    "gray": ("gray", "grey", "grayscale", "8bit"),
    "bw": ("lineart", "binary", "black & white", "black and white", "halftone", "mono", "1bit", "bw"),
}


@dataclass
class SaneOption:
    """One option as `scanimage -A` shows it."""

    name: str  # without dashes: "resolution", "mode", "x"
    values: list[str] = field(default_factory=list)  # for a list constraint
    low: float | None = None  # for a range constraint
    high: float | None = None
    step: float | None = None
    unit: str = ""
    current: str = ""
    inactive: bool = False

    @property
    def flag(self) -> str:
        return ("-" if len(self.name) == 1 else "--") + self.name


@dataclass(frozen=True)
class SaneDevice:
    name: str
    vendor: str
    model: str
    kind: str

    @property
    def label(self) -> str:
        return " ".join(part for part in (self.vendor, self.model) if part) or self.name


def parse_device_list(text: str) -> list[SaneDevice]:
    """Lines printed by `scanimage -f LIST_FORMAT`."""
    devices = []
    for line in text.splitlines():
        parts = line.split(FIELD_SEP)
        if len(parts) == 4 and parts[0].strip():
            devices.append(SaneDevice(*(part.strip() for part in parts)))
    return devices


def parse_options(text: str) -> dict[str, SaneOption]:
    """Options of one device from `scanimage -d DEV -A`; descriptions and headings are skipped."""
    options: dict[str, SaneOption] = {}
    for line in text.splitlines():
        match = _OPTION_LINE.match(line)
        if match is None:
            continue
        name = match["name"].lstrip("-")
        option = SaneOption(name=name, current=(match["current"] or "").strip())
        option.inactive = option.current == "inactive"
        if match["choices"] is not None:
            option.values = match["choices"].split("|")
        elif match["spec"]:
            _read_constraint(option, match["spec"].strip())
        options.setdefault(name, option)
    return options


def _read_constraint(option: SaneOption, spec: str) -> None:
    ranged = _RANGE.match(spec)
    if ranged:
        option.low, option.high = float(ranged["min"]), float(ranged["max"])
        option.step = float(ranged["step"]) if ranged["step"] else None
        option.unit = ranged["unit"]
        return
    if spec.startswith("<"):  # "<int>", "<string>": free values, nothing to offer
        return
    values = spec.split("|")
    tail = _UNIT_TAIL.match(values[-1])
    if tail and all(_is_number(value) for value in values[:-1]):
        values[-1], option.unit = tail["value"], tail["unit"]
    option.values = values


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def resolutions_of(option: SaneOption | None) -> tuple[int, ...]:
    if option is None:
        return ()
    if option.values:
        return tuple(sorted({int(float(v)) for v in option.values if _is_number(v)}))
    if option.low is None or option.high is None:
        return ()
    step = option.step or 1
    low, high = option.low, option.high
    return tuple(dpi for dpi in COMMON_DPIS if low <= dpi <= high and abs((dpi - low) / step
                                                                          - round((dpi - low) / step)) < 1e-6)


def colour_of(value: str) -> str | None:
    """Our colour word for a backend's mode value ("24bit Color" -> "color"), or None."""
    lowered = value.lower()
    for ours in ("bw", "gray", "color"):  # "bw" first: "Black & White" must not read as colour
        if any(word in lowered for word in COLOUR_WORDS[ours]):
            return ours
    return None


def mode_value_for(option: SaneOption | None, colour: str) -> str | None:
    if option is None:
        return None
    for value in option.values:
        if colour_of(value) == colour:
            return value
    return None


def source_kind(value: str) -> str:
    """"flatbed", "adf" or "duplex" for a value of the `--source` option."""
    lowered = value.lower()
    if "duplex" in lowered:
        return "duplex"
    if any(word in lowered for word in ("adf", "feeder", "document feeder")):
        return "adf"
    return "flatbed"


def source_value_for(option: SaneOption | None, kind: str) -> str | None:
    """The `--source` value for "flatbed", "adf" (front side, simplex) or "duplex"."""
    if option is None:
        return None
    candidates = [value for value in option.values if source_kind(value) == kind]
    if kind == "adf":
        # "ADF Front" before "ADF Back": the back side alone is never what a desk wants.
        candidates.sort(key=lambda value: "back" in value.lower())
    return candidates[0] if candidates else None


def duplex_switch(options: dict[str, SaneOption]) -> list[str] | None:
    """Arguments that turn duplex on for backends that have a switch instead of a source value."""
    duplex = options.get("duplex")
    if duplex is not None and not duplex.inactive:
        return ["--duplex=yes"]
    adf_mode = options.get("adf-mode")
    if adf_mode is not None:
        value = next((v for v in adf_mode.values if "duplex" in v.lower()), None)
        if value:
            return ["--adf-mode", value]
    return None


def device_options(options: dict[str, SaneOption]) -> DeviceOptions:
    source = options.get("source")
    kinds = {source_kind(value) for value in source.values} if source else {"flatbed"}
    has_adf = bool(kinds & {"adf", "duplex"})
    duplex = "duplex" in kinds or (has_adf and duplex_switch(options) is not None)
    mode = options.get("mode")
    colours = tuple(c for c in ("color", "gray", "bw")
                    if mode is not None and mode_value_for(mode, c) is not None)
    width, height = options.get("x"), options.get("y")
    area = None
    if width is not None and height is not None and width.high and height.high and width.unit == "mm":
        area = (round(width.high, 1), round(height.high, 1))
    return DeviceOptions(resolutions=resolutions_of(options.get("resolution")), colour_modes=colours,
                         flatbed="flatbed" in kinds, adf=has_adf, duplex=duplex, max_area_mm=area)
