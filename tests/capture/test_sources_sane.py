"""SANE through `scanimage` and the `test` backend: flatbed, feeder, page limit, cancel, failures.

The `test` backend must be enabled (scripts/enable_sane_test.sh). These tests skip only when
scanimage is absent outside CI; in CI (CI=true) they must run.
"""

from __future__ import annotations

import os
import shutil
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.capture.sources import sane_options as so
from app.capture.sources.base import (
    CaptureError,
    DeviceInfo,
    DeviceLostError,
    ScanSettings,
    nearest_dpi,
)
from app.capture.sources.sane import SaneSource, scan_arguments
from app.errors import InputError

SCANIMAGE = shutil.which("scanimage")
needs_scanimage = pytest.mark.skipif(SCANIMAGE is None and os.environ.get("CI") != "true",
                                     reason="scanimage (sane-utils) is not installed")
# Captured `scanimage -A` text of real backends (trimmed), for the mapping onto our vocabulary.
FUJITSU = """
  Scan Mode:
    --source ADF Front|ADF Back|ADF Duplex [ADF Front]
        Selects the scan source (such as a document-feeder).
    --mode Lineart|Halftone|Gray|Color [Lineart]
    --resolution 50..600dpi (in steps of 1) [600]
  Geometry:
    -x 0..215.872mm (in steps of 0.0211639) [215.872]
    -y 0..279.364mm (in steps of 0.0211639) [279.364]
"""
EPSON = """
    --mode Binary|Gray|Color [Binary]
    --resolution 75|150|300|600|1200dpi [75]
    --source Flatbed|Automatic Document Feeder [Flatbed]
    --adf-mode Simplex|Duplex [inactive]
    -x 0..215.9mm [215.9]
    -y 0..297.18mm [297.18]
"""


@pytest.fixture(scope="module")
def sane() -> SaneSource:
    return SaneSource(extra_args={"test": ["--test-picture", "Color pattern"]})


@pytest.fixture(scope="module")
def listed(sane: SaneSource) -> list[DeviceInfo]:
    return sane.list_devices()  # ~3 s: SANE's network backends look for scanners on the LAN


@pytest.fixture(scope="module")
def test_device(listed: list[DeviceInfo]) -> str:
    ids = [device.id for device in listed]
    assert "sane:test:0" in ids, f"SANE test backend not enabled (run scripts/enable_sane_test.sh); saw {ids}"
    return "sane:test:0"


@needs_scanimage
def test_listing_shows_the_test_device_with_its_options(listed: list[DeviceInfo], test_device: str) -> None:
    device = next(d for d in listed if d.id == test_device)
    assert device.source == "sane"
    assert device.options.adf and device.options.flatbed and not device.options.duplex
    assert set(device.options.colour_modes) == {"color", "gray"}
    assert 200 in device.options.resolutions and 300 in device.options.resolutions
    assert device.options.max_area_mm == (200.0, 200.0)


@needs_scanimage
def test_flatbed_gives_one_page_at_the_asked_resolution(sane: SaneSource, test_device: str) -> None:
    delivered = []
    pages = sane.acquire(test_device, ScanSettings(dpi=200, colour="gray"), on_page=delivered.append)
    assert len(pages) == 1 and delivered == pages
    page = pages[0]
    assert page.image.mode == "L" and page.dpi == 200
    # The test backend's default area is 80 x 100 mm.
    assert abs(page.image.width - 80 / 25.4 * 200) <= 2 and abs(page.image.height - 100 / 25.4 * 200) <= 2
    assert page.source == "sane:test:0 page 1"


@needs_scanimage
def test_feeder_delivers_every_page_in_order(sane: SaneSource, test_device: str) -> None:
    labels = []
    pages = sane.acquire(test_device, ScanSettings(dpi=75, colour="color", adf=True),
                         on_page=lambda page: labels.append(page.source))
    assert len(pages) == 10  # the test backend's feeder holds ten sheets
    assert labels == [f"sane:test:0 page {n}" for n in range(1, 11)]
    assert all(page.image.mode == "RGB" for page in pages)
    assert len(set(page.image.getextrema() for page in pages)) == 1  # colour pattern, not blank


@needs_scanimage
def test_page_limit_stops_the_feeder(sane: SaneSource, test_device: str) -> None:
    pages = sane.acquire(test_device, ScanSettings(dpi=75, adf=True, page_limit=3))
    assert len(pages) == 3


@needs_scanimage
def test_duplex_on_a_simplex_device_names_the_device_and_its_sources(sane: SaneSource, test_device: str) -> None:
    with pytest.raises(InputError, match=r"sane:test:0: the scanner cannot scan both sides .*Flatbed"):
        sane.acquire(test_device, ScanSettings(dpi=75, duplex=True))


@needs_scanimage
def test_cancel_keeps_the_pages_already_delivered(test_device: str) -> None:
    # Slow the backend down so the feeder is still running when the person presses Cancel.
    slow = SaneSource(extra_args={"test": ["--read-delay=yes", "--read-delay-duration=20000"]})
    cancel = threading.Event()
    pages = slow.acquire(test_device, ScanSettings(dpi=75, adf=True), cancel=cancel,
                         on_page=lambda page: cancel.set())
    assert 1 <= len(pages) < 10


def _wrapper(tmp_path: Path, body: str) -> str:
    script = tmp_path / "scanimage"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


@needs_scanimage
def test_scanner_vanishing_mid_job_keeps_the_pages_captured(tmp_path: Path, test_device: str) -> None:
    # The real scanimage feeds two sheets, then the USB link dies the way SANE reports it.
    body = (f'for a in "$@"; do case "$a" in -A) exec {SCANIMAGE} "$@";; esac; done\n'
            f'{SCANIMAGE} "$@" --batch-count=2 || exit $?\n'
            'echo "scanimage: sane_read: Error during device I/O" >&2\nexit 1')
    source = SaneSource(_wrapper(tmp_path, body))
    delivered = []
    with pytest.raises(DeviceLostError) as caught:
        source.acquire(test_device, ScanSettings(dpi=75, adf=True), on_page=delivered.append)
    error = caught.value
    assert len(error.pages) == 2 and delivered == error.pages
    assert "sane:test:0: the scanner stopped after page 2 (sane_read: Error during device I/O)" in error.message
    assert "the 2 pages captured before are kept" in error.message


@needs_scanimage
def test_a_silent_scanner_times_out(tmp_path: Path, test_device: str) -> None:
    body = (f'for a in "$@"; do case "$a" in -A) exec {SCANIMAGE} "$@";; esac; done\n'
            "exec sleep 30")
    source = SaneSource(_wrapper(tmp_path, body), page_timeout_s=0.5)
    with pytest.raises(DeviceLostError, match=r"sane:test:0: no page arrived for 0.5 s") as caught:
        source.acquire(test_device, ScanSettings(dpi=75))
    assert caught.value.pages == []


@needs_scanimage
def test_unknown_device_is_a_clear_error(sane: SaneSource) -> None:
    with pytest.raises(CaptureError, match=r"sane:test:9: cannot open the scanner"):
        sane.acquire("sane:test:9", ScanSettings(dpi=75))


def test_missing_scanimage_lists_nothing_and_refuses_to_scan(tmp_path: Path) -> None:
    source = SaneSource(str(tmp_path / "no-such-scanimage"))
    assert source.list_devices() == []
    with pytest.raises(CaptureError, match="not found"):
        source.acquire("sane:test:0", ScanSettings())


def test_real_backend_texts_map_to_our_vocabulary() -> None:
    fujitsu = so.device_options(so.parse_options(FUJITSU))
    assert (fujitsu.flatbed, fujitsu.adf, fujitsu.duplex) == (False, True, True)
    assert fujitsu.colour_modes == ("color", "gray", "bw")
    assert fujitsu.max_area_mm == (215.9, 279.4)
    epson = so.device_options(so.parse_options(EPSON))
    assert epson.resolutions == (75, 150, 300, 600, 1200) and epson.duplex


def test_scan_arguments_pick_the_right_source_and_switches() -> None:
    fujitsu, epson = so.parse_options(FUJITSU), so.parse_options(EPSON)
    args, dpi = scan_arguments("sane:fujitsu", fujitsu, ScanSettings(dpi=300, colour="bw", duplex=True))
    assert args[:4] == ["--resolution", "300", "--mode", "Lineart"] and "ADF Duplex" in args
    args, _ = scan_arguments("sane:fujitsu", fujitsu, ScanSettings(dpi=300, adf=True, page_limit=4))
    assert "ADF Front" in args and "--batch-count=4" in args
    args, dpi = scan_arguments("sane:epson", epson, ScanSettings(dpi=200, duplex=True))
    assert dpi == 300  # 200 is not in the list: the next sharper one
    assert args[-4:] == ["--source", "Automatic Document Feeder", "--adf-mode", "Duplex"]
    args, _ = scan_arguments("sane:epson", epson, ScanSettings(dpi=300))
    assert "--batch-count=1" in args and "Flatbed" in args  # a flatbed in batch mode would loop forever
    with pytest.raises(InputError, match="no document feeder"):
        scan_arguments("sane:x", so.parse_options("    --source Flatbed [Flatbed]\n"), ScanSettings(adf=True))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_option_parser_never_fails_on_odd_text(text: str) -> None:
    options = so.parse_options(text)
    so.device_options(options)  # and the mapping copes with whatever was read


@settings(max_examples=200, deadline=None)
@given(st.integers(50, 2400), st.lists(st.integers(50, 2400), min_size=1, max_size=8))
def test_nearest_dpi_never_goes_below_the_request_unless_it_must(requested: int, supported: list[int]) -> None:
    chosen = nearest_dpi(requested, supported)
    assert chosen in supported
    if max(supported) >= requested:
        assert chosen >= requested and not any(requested <= d < chosen for d in supported)
    else:
        assert chosen == max(supported)
