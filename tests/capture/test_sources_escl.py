"""The eSCL client against the loopback double: the happy path and every quirk it injects."""

from __future__ import annotations

import os
import socket

import pytest

from app.capture.sources import SourceRegistry
from app.capture.sources import escl_xml as ex
from app.capture.sources.base import (
    CaptureError,
    DeviceLostError,
    DeviceResponseError,
    NoPaperError,
    ScanSettings,
)
from app.capture.sources.discovery import base_url_from_address, discover_escl, endpoint_from_service
from app.capture.sources.escl import EsclClient, EsclSource, EsclTiming
from app.errors import InputError
from tests.capture.escl_double import DoubleConfig, EsclDouble, page_shade

FAST = EsclTiming(connect_s=2.0, read_s=5.0, retry_delay_s=0.005, retry_max_s=0.02, inter_page_delay_s=0.0)


def scan(config: DoubleConfig, settings: ScanSettings, **kwargs: object) -> tuple[EsclDouble, list]:
    with EsclDouble(config) as double:
        source = EsclSource([double.base_url], discover=False, timing=kwargs.pop("timing", FAST),  # type: ignore[arg-type]
                            **kwargs)  # type: ignore[arg-type]
        pages = source.acquire(f"escl:{double.base_url}", settings)
    return double, pages


def shades(pages: list) -> list[int]:
    return [page.image.convert("L").getpixel((5, 5)) for page in pages]


def test_feeder_job_delivers_every_page_in_order_with_the_settings_asked() -> None:
    double, pages = scan(DoubleConfig(pages=3), ScanSettings(dpi=200, colour="gray", adf=True))
    assert [abs(s - page_shade(n)) <= 3 for n, s in enumerate(shades(pages), start=1)] == [True] * 3
    posted = double.record.settings[0]
    assert (posted["InputSource"], posted["Duplex"], posted["ColorMode"], posted["XResolution"]) == \
        ("Feeder", "false", "Grayscale8", "200")
    assert posted["DocumentFormat"] == "image/jpeg"
    assert pages[0].dpi == 200 and pages[0].image.mode == "L"
    assert abs(pages[0].image.width - 50 / 25.4 * 200) <= 1  # the double's 50 mm wide page
    assert pages[2].source.endswith("page 3")


def test_warm_up_503s_are_waited_out() -> None:
    double, pages = scan(DoubleConfig(pages=2, warmup_503=6, retry_after="0"), ScanSettings(dpi=200, adf=True))
    assert len(pages) == 2 and double.record.answered_503 == 6


def test_too_many_503s_end_with_a_clear_message() -> None:
    timing = EsclTiming(connect_s=2, read_s=5, busy_retries=2, retry_delay_s=0.001, retry_max_s=0.002)
    with pytest.raises(CaptureError, match="reading capabilities: the scanner stayed busy through 3 tries"):
        scan(DoubleConfig(warmup_503=50), ScanSettings(dpi=200), timing=timing)


@pytest.mark.parametrize("end", [404, 410])
def test_404_or_410_after_the_last_page_ends_the_job(end: int) -> None:
    double, pages = scan(DoubleConfig(pages=4, end_status=end), ScanSettings(dpi=150, adf=True))
    assert len(pages) == 4 and not double.record.deleted


def test_xerox_404_while_processing_means_not_ready() -> None:
    double, pages = scan(DoubleConfig(pages=2, not_ready_404=3), ScanSettings(dpi=150, adf=True))
    assert len(pages) == 2
    assert sum(1 for method, path, _ in double.record.requests if path.endswith("ScannerStatus")) >= 3


def test_duplex_asks_for_both_sides() -> None:
    double, pages = scan(DoubleConfig(pages=2), ScanSettings(dpi=150, duplex=True))
    assert len(pages) == 4 and double.record.settings[0]["Duplex"] == "true"


def test_platen_job_gives_one_page_and_honours_a_relative_location() -> None:
    double, pages = scan(DoubleConfig(location="relative"), ScanSettings(dpi=300))
    assert len(pages) == 1 and double.record.settings[0]["InputSource"] == "Platen"


def test_broken_host_in_location_is_rebuilt_on_our_base() -> None:
    _, pages = scan(DoubleConfig(pages=2, location="broken"), ScanSettings(dpi=150, adf=True))
    assert len(pages) == 2


def test_slow_pages_arrive() -> None:
    _, pages = scan(DoubleConfig(pages=2, page_delay_s=0.3), ScanSettings(dpi=150, adf=True),
                    timing=EsclTiming(connect_s=2, read_s=2, retry_delay_s=0.01, inter_page_delay_s=0))
    assert len(pages) == 2


def test_a_body_cut_off_once_is_fetched_again() -> None:
    _, pages = scan(DoubleConfig(pages=3, cut_once_at_page=2), ScanSettings(dpi=150, adf=True))
    assert [abs(s - page_shade(n)) <= 3 for n, s in enumerate(shades(pages), start=1)] == [True] * 3


def test_a_job_vanishing_mid_page_keeps_the_pages_before() -> None:
    delivered = []
    with EsclDouble(DoubleConfig(pages=5, vanish_at_page=3)) as double:
        source = EsclSource([double.base_url], discover=False, timing=FAST)
        with pytest.raises(DeviceLostError) as caught:
            source.acquire(f"escl:{double.base_url}", ScanSettings(dpi=150, adf=True), on_page=delivered.append)
    error = caught.value
    assert len(error.pages) == 2 and delivered == error.pages
    assert error.message.startswith(f"escl:{double.base_url}: page 3 was cut off")
    assert "the 2 pages captured before are kept" in error.message


def test_a_scanner_unplugged_mid_job_keeps_the_pages_before() -> None:
    with EsclDouble(DoubleConfig(pages=5)) as double:
        source = EsclSource([double.base_url], discover=False, timing=FAST)

        def unplug_after_two(page: object) -> None:
            if len(delivered) == 2:
                double.vanish()

        delivered: list = []
        with pytest.raises(DeviceLostError, match="connection dropped while receiving page 3") as caught:
            source.acquire(f"escl:{double.base_url}", ScanSettings(dpi=150, adf=True),
                           on_page=lambda page: (delivered.append(page), unplug_after_two(page)))
    assert len(caught.value.pages) == 2


def test_malformed_capabilities_name_the_device_and_the_problem() -> None:
    with pytest.raises(DeviceResponseError) as caught:
        scan(DoubleConfig(malformed_capabilities=True), ScanSettings(dpi=150))
    assert "ScannerCapabilities is not valid XML" in caught.value.message
    assert caught.value.message.startswith("escl:http://127.0.0.1:")


def test_lower_case_doctype_is_accepted() -> None:
    _, pages = scan(DoubleConfig(lowercase_doctype=True), ScanSettings(dpi=150))
    assert len(pages) == 1


def test_empty_feeder_is_reported_before_the_job() -> None:
    with pytest.raises(NoPaperError, match="feeder is empty"):
        scan(DoubleConfig(adf_empty=True), ScanSettings(dpi=150, adf=True))


def test_required_host_header_is_sent_when_configured() -> None:
    with EsclDouble(DoubleConfig(required_host="localhost")) as double:
        plain = EsclSource([double.base_url], discover=False, timing=FAST)
        with pytest.raises(CaptureError, match="HTTP 400"):
            plain.acquire(f"escl:{double.base_url}", ScanSettings(dpi=150))
        quirky = EsclSource([double.base_url], discover=False, timing=FAST,
                            host_headers={double.base_url: "localhost"})
        assert len(quirky.acquire(f"escl:{double.base_url}", ScanSettings(dpi=150))) == 1


def test_page_limit_stops_and_releases_the_feeder() -> None:
    double, pages = scan(DoubleConfig(pages=5), ScanSettings(dpi=150, adf=True, page_limit=2))
    assert len(pages) == 2 and len(double.record.deleted) == 1


def test_unsupported_request_names_the_device() -> None:
    with pytest.raises(InputError, match="cannot scan both sides"):
        scan(DoubleConfig(duplex=False), ScanSettings(dpi=150, duplex=True))


def test_unreachable_scanner_is_a_device_lost_error() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = EsclClient(f"http://127.0.0.1:{port}/eSCL", timing=FAST)
    with pytest.raises(DeviceLostError, match="does not answer"):
        client.capabilities()


def test_registry_lists_a_device_given_by_address_and_reports_a_dead_one() -> None:
    with EsclDouble() as double:
        registry = SourceRegistry([EsclSource([double.base_url, "127.0.0.1:9"], discover=False, timing=FAST)])
        listing = registry.list_devices()
    [device] = listing.devices
    assert device.id == f"escl:{double.base_url}" and device.name == "Loopback eSCL Double"
    assert device.options.duplex and device.options.resolutions == (100, 150, 200, 300, 600)
    assert len(listing.problems) == 1 and "127.0.0.1:9" in listing.problems[0]


CAPS_WITH_REFS = b"""<?xml version="1.0"?>
<scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03"
    xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:MakeAndModel>Ref Scanner</pwg:MakeAndModel>
  <scan:SettingProfiles><scan:SettingProfile name="p1">
    <scan:ColorModes><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
    <scan:SupportedResolutions><scan:XResolutionRange><scan:Min>75</scan:Min><scan:Max>600</scan:Max>
      <scan:Step>75</scan:Step></scan:XResolutionRange></scan:SupportedResolutions>
  </scan:SettingProfile></scan:SettingProfiles>
  <scan:Platen><scan:PlatenInputCaps><scan:MaxWidth>2550</scan:MaxWidth><scan:MaxHeight>3508</scan:MaxHeight>
    <scan:SettingProfiles><scan:SettingProfile ref="p1"/></scan:SettingProfiles>
  </scan:PlatenInputCaps></scan:Platen>
</scan:ScannerCapabilities>"""


def test_capabilities_with_profile_references_and_resolution_ranges() -> None:
    caps = ex.parse_capabilities(CAPS_WITH_REFS, device="escl:x")
    assert caps.make_and_model == "Ref Scanner"
    assert caps.platen is not None and caps.platen.colour_modes == ["RGB24"]
    assert caps.platen.resolutions == [75, 150, 300, 600]
    options = caps.device_options()
    assert options.max_area_mm == (215.9, 297.0) and not options.adf


def test_a_non_number_names_the_element() -> None:
    bad = CAPS_WITH_REFS.replace(b"<scan:MaxWidth>2550", b"<scan:MaxWidth>wide")
    with pytest.raises(DeviceResponseError, match=r"escl:x: ScannerCapabilities element <MaxWidth> holds 'wide'"):
        ex.parse_capabilities(bad, device="escl:x")


def test_entity_expansion_is_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><ScannerStatus>&a;</ScannerStatus>'
    with pytest.raises(DeviceResponseError, match="forbidden XML"):
        ex.parse_status(bomb, device="escl:x")


def test_status_spelling_drift_and_job_lookup() -> None:
    status = ex.parse_status(
        b'<ScannerStatus><State>Processing</State><AdfState>ScannedAdfEmpty</AdfState><Jobs><JobInfo>'
        b"<JobUri>/eSCL/ScanJobs/42</JobUri><JobState>Processing</JobState></JobInfo></Jobs></ScannerStatus>",
        device="escl:x")
    assert status.adf_empty and status.job_running("/eSCL/ScanJobs/42") is True
    assert status.job_running("/eSCL/ScanJobs/7") is None


@pytest.mark.parametrize(("typed", "url"), [
    ("192.168.1.20", "http://192.168.1.20/eSCL"),
    ("scanner.local:8080", "http://scanner.local:8080/eSCL"),
    ("https://10.0.0.5/eSCL/", "https://10.0.0.5/eSCL"),
    ("http://10.0.0.5:80/escl", "http://10.0.0.5:80/escl"),
    ("fe80::1", "http://[fe80::1]/eSCL"),
])
def test_addresses_typed_by_a_person(typed: str, url: str) -> None:
    assert base_url_from_address(typed) == url


@pytest.mark.parametrize("typed", ["", "ftp://host/x", "http://", "host:port"])
def test_bad_addresses_are_refused_by_name(typed: str) -> None:
    with pytest.raises(InputError, match="address"):
        base_url_from_address(typed)


def test_mdns_discovery_finds_a_scanner_advertised_on_loopback() -> None:
    zeroconf = pytest.importorskip("zeroconf")
    # mDNS on loopback is shared by every process of the machine: a name of this run's own, so
    # another test run advertising at the same moment is no name conflict.
    name = f"Desk Double {os.getpid()}"
    info = zeroconf.ServiceInfo(
        "_uscan._tcp.local.", f"{name}._uscan._tcp.local.", addresses=[socket.inet_aton("127.0.0.1")],
        port=8765, properties={"rs": "eSCL", "ty": name, "uuid": "u-1", "duplex": "T"},
        server=f"deskdouble{os.getpid()}.local.")
    advertiser = zeroconf.Zeroconf(interfaces=["127.0.0.1"], ip_version=zeroconf.IPVersion.V4Only)
    try:
        advertiser.register_service(info)
        found = discover_escl(2.0, interfaces=["127.0.0.1"])
    finally:
        advertiser.unregister_service(info)
        advertiser.close()
    endpoint = next(e for e in found if e.uuid == "u-1")
    assert endpoint.base_url == "http://127.0.0.1:8765/eSCL" and endpoint.name == name and endpoint.duplex


def test_service_info_parsing_prefers_ipv4_and_https_for_uscans() -> None:
    class Info:
        name = "X._uscans._tcp.local."
        port = 443
        properties = {b"rs": b"/scan/", b"ty": b"Brother MFC", b"uuid": None}

        def parsed_addresses(self) -> list[str]:
            return ["fe80::2", "192.168.1.9"]

    endpoint = endpoint_from_service(Info(), "_uscans._tcp.local.")
    assert endpoint is not None and endpoint.base_url == "https://192.168.1.9:443/scan"
    assert endpoint.name == "Brother MFC" and endpoint.uuid == ""
