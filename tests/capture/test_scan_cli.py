"""`motcua scan devices` and `motcua scan acquire`: real sources, real pipeline, real PDF."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from app.cli import main as cli
from tests.capture.escl_double import DoubleConfig, EsclDouble

SCAN_MODULE = "app.cli.cmd_scan"
needs_scanimage = pytest.mark.skipif(shutil.which("scanimage") is None and os.environ.get("CI") != "true",
                                     reason="scanimage (sane-utils) is not installed")


@pytest.fixture(autouse=True)
def portable_data(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTCUA_DATA_DIR", str(data_dir))  # logs go to the test's folder, not $HOME


def motcua(*argv: str) -> int:
    extra = () if SCAN_MODULE in cli.COMMAND_MODULES else (SCAN_MODULE,)
    return cli.main(list(argv), extra_commands=extra)


def pdf_pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


@needs_scanimage
def test_devices_lists_sane_escl_and_folders_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with EsclDouble() as double:
        code = motcua("scan", "devices", "--json", "--no-discovery", "--escl", double.base_url,
                      "--folder", str(tmp_path))
    assert code == 0
    listing = json.loads(capsys.readouterr().out)
    ids = [device["id"] for device in listing["devices"]]
    assert "sane:test:0" in ids and f"escl:{double.base_url}" in ids and f"folder:{tmp_path.resolve()}" in ids
    escl = next(d for d in listing["devices"] if d["source"] == "escl")
    assert escl["options"]["duplex"] is True and 300 in escl["options"]["resolutions"]


@needs_scanimage
def test_acquire_from_the_sane_feeder_writes_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "feeder.pdf"
    code = motcua("scan", "acquire", "--device", "sane:test:0", "--out", str(out), "--dpi", "200", "--adf",
                  "--pages", "3", "--json")
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["pages"] == 3 and pdf_pages(out) == 3
    assert report["sources"] == ["sane:test:0 page 1", "sane:test:0 page 2", "sane:test:0 page 3"]


def test_acquire_from_escl_writes_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "escl.pdf"
    with EsclDouble(DoubleConfig(pages=2)) as double:
        code = motcua("scan", "acquire", "--device", f"escl:{double.base_url}", "--out", str(out),
                      "--dpi", "200", "--adf")
    assert code == 0 and pdf_pages(out) == 2
    assert double.record.settings[0]["ColorMode"] == "RGB24"  # --mode auto scans in colour
    assert capsys.readouterr().out.startswith(f"{out}: 2 page(s)")


def test_a_scanner_failing_mid_job_still_saves_the_pages_captured(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "partial.pdf"
    with EsclDouble(DoubleConfig(pages=4, vanish_at_page=3)) as double:
        code = motcua("scan", "acquire", "--device", f"escl:{double.base_url}", "--out", str(out),
                      "--dpi", "200", "--adf", "--mode", "gray")
    assert code == 2
    err = capsys.readouterr().err
    assert f"escl:{double.base_url}: page 3 was cut off" in err and f"2 page(s) saved to {out}" in err
    assert pdf_pages(out) == 2
    assert double.record.settings[0]["ColorMode"] == "Grayscale8"


def test_malformed_device_xml_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "never.pdf"
    with EsclDouble(DoubleConfig(malformed_capabilities=True)) as double:
        code = motcua("scan", "acquire", "--device", f"escl:{double.base_url}", "--out", str(out), "--dpi", "200")
    assert code == 2 and not out.exists()
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "ScannerCapabilities is not valid XML" in line


def test_acquire_from_a_file_and_a_watched_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    Image.new("RGB", (400, 560), "white").save(inbox / "s1.jpg", dpi=(200, 200))
    Image.new("RGB", (400, 560), "white").save(tmp_path / "single.png", dpi=(200, 200))
    assert motcua("scan", "acquire", "--device", f"file:{tmp_path / 'single.png'}",
                  "--out", str(tmp_path / "one.pdf")) == 0
    assert motcua("scan", "acquire", "--device", f"folder:{inbox}", "--out", str(tmp_path / "inbox.pdf")) == 0
    assert pdf_pages(tmp_path / "one.pdf") == 1 and pdf_pages(tmp_path / "inbox.pdf") == 1
    assert (inbox / "processed" / "s1.jpg").exists()


@pytest.mark.parametrize(("argv", "message"), [
    (["--device", "nope", "--out", "{tmp}/x.pdf"], "not of the form SOURCE:DEVICE"),
    (["--device", "tape:0", "--out", "{tmp}/x.pdf"], "unknown source 'tape'"),
    (["--device", "sane:test:0", "--out", "{tmp}/x.txt"], "must end in .pdf"),
    (["--device", "sane:test:0", "--out", "{tmp}/no/x.pdf"], "does not exist"),
    (["--device", "sane:test:0", "--out", "{tmp}/x.pdf", "--dpi", "100"], "--dpi 100: documents are kept at 200"),
    (["--device", "sane:test:0", "--out", "{tmp}/x.pdf", "--pages", "0"], "--pages 0: must be 1 or more"),
    (["--device", "folder:{tmp}/empty", "--out", "{tmp}/x.pdf"], "does not exist"),
])
def test_bad_input_exits_2_naming_what_is_wrong(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                argv: list[str], message: str) -> None:
    code = motcua("scan", "acquire", *(part.format(tmp=tmp_path) for part in argv))
    assert code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
