"""Reading files into pages: formats, dpi, EXIF, and every kind of bad file refused by name."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from app.capture.imports import read_pages
from app.capture.pages import ProcessedPage
from app.capture.pdfa import write_pdf
from app.errors import InputError


def _page(size: tuple[int, int] = (400, 300)) -> Image.Image:
    image = Image.new("RGB", size, "white")
    image.paste((0, 0, 0), (50, 50, 150, 60))
    return image


def test_jpeg_dpi_from_file_and_override(tmp_path: Path) -> None:
    path = tmp_path / "scan.jpg"
    _page().save(path, dpi=(300, 300))
    (page,) = read_pages(path)
    assert (page.dpi, page.image.mode, page.source, page.photographed) == (300, "RGB", f"file:{path}", False)
    (page,) = read_pages(path, dpi=250)
    assert page.dpi == 250


def test_png_without_dpi_gets_an_estimate_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    _page((1654, 2339)).convert("L").save(path)
    (page,) = read_pages(path)
    assert round(page.dpi) == 200 and page.image.mode == "L"  # an A4 sheet 2339 px long


def test_multi_page_tiff_gives_every_page(tmp_path: Path) -> None:
    path = tmp_path / "adf.tif"
    first, *rest = [_page(), _page((300, 400)), _page((200, 200))]
    first.save(path, save_all=True, append_images=rest, dpi=(200, 200))
    pages = list(read_pages(path))
    assert [p.image.size for p in pages] == [(400, 300), (300, 400), (200, 200)]
    assert pages[2].source == f"file:{path} page 3"


def test_exif_orientation_is_applied_and_camera_means_photo(tmp_path: Path) -> None:
    path = tmp_path / "phone.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: turn 90 degrees clockwise to view
    exif[0x010F] = "PhoneMaker"
    _page((400, 300)).save(path, exif=exif)
    (page,) = read_pages(path)
    assert page.image.size == (300, 400)
    assert page.photographed


def test_empty_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.jpg: the file is empty \(0 bytes\)"):
        list(read_pages(path))


def test_missing_file_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope.png: file not found"):
        list(read_pages(tmp_path / "nope.png"))


def test_truncated_jpeg_refused_by_name(tmp_path: Path) -> None:
    whole = tmp_path / "whole.jpg"
    _page((1200, 900)).save(whole, quality=95)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[:2000])
    with pytest.raises(InputError, match="cut.jpg: the image is damaged or truncated"):
        list(read_pages(cut))


def test_not_an_image_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("hello, not a picture")
    with pytest.raises(InputError, match="notes.png: not an image or PDF"):
        list(read_pages(path))


def test_decompression_bomb_refused_with_pixel_count(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    Image.new("1", (12_000, 12_000), 1).save(path)  # 144 MP in a few kB
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError) as caught:
        list(read_pages(path))
    assert "bomb.png" in caught.value.message and "144,000,000 pixels" in caught.value.message


def test_tiff_damaged_after_first_page_keeps_the_first(tmp_path: Path) -> None:
    path = tmp_path / "adf.tif"
    _page().save(path, save_all=True, append_images=[_page((800, 800))], compression="tiff_lzw")
    data = path.read_bytes()
    # Cut into the second page's pixel data, keeping both directories readable.
    second_start = data.find(b"\x00", len(data) // 2)
    path.write_bytes(data[:second_start] + b"\x00" * 10 + data[-400:])
    pages = read_pages(path)
    first = next(pages)
    assert first.image.size == (400, 300)
    with pytest.raises(InputError, match="page 2"):
        next(pages)


def _scan_pdf(path: Path) -> None:
    mask = Image.new("1", (1654, 2339), 1)
    mask.paste(0, (200, 200, 1400, 260))
    write_pdf([ProcessedPage(mode="bw", dpi=200, width_px=1654, height_px=2339, mask=mask)], path)


def test_scanned_pdf_is_drawn_at_its_scan_resolution(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    _scan_pdf(path)
    (page,) = read_pages(path)
    assert page.dpi == pytest.approx(200, abs=1)
    assert page.image.size == pytest.approx((1654, 2339), abs=2)
    assert page.source == f"file:{path} page 1"


def test_encrypted_pdf_refused(tmp_path: Path) -> None:
    plain, locked = tmp_path / "scan.pdf", tmp_path / "locked.pdf"
    _scan_pdf(plain)
    with pikepdf.open(plain) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="o", user="u"))
    with pytest.raises(InputError, match="locked.pdf: the PDF is encrypted"):
        list(read_pages(locked))


@pytest.mark.parametrize("action,word", [
    ({"/S": "/JavaScript", "/JS": "app.alert(1)"}, "JavaScript"),
    ({"/S": "/Launch", "/F": "cmd.exe"}, "launch"),
])
def test_pdf_with_open_action_refused(tmp_path: Path, action: dict[str, str], word: str) -> None:
    plain, active = tmp_path / "scan.pdf", tmp_path / "active.pdf"
    _scan_pdf(plain)
    with pikepdf.open(plain) as pdf:
        entries = {key: (pikepdf.Name(value) if value.startswith("/") else pikepdf.String(value))
                   for key, value in action.items()}
        pdf.Root.OpenAction = pdf.make_indirect(pikepdf.Dictionary(entries))
        pdf.save(active)
    with pytest.raises(InputError) as caught:
        list(read_pages(active))
    assert "active.pdf: refused" in caught.value.message and word in caught.value.message


def test_damaged_pdf_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage")
    with pytest.raises(InputError, match="broken.pdf"):
        list(read_pages(path))
