"""Invisible OCR text on a PDF page: pdftotext gives the Vietnamese text back, in place."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from app.capture.accuracy import word_accuracy
from app.capture.ocr import OcrPage
from app.capture.ocr import OcrWord
from app.capture.ocr import recognise
from app.capture.specimens import Specimen
from app.capture.text_layer import add_text_layer
from app.errors import InputError

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

DPI = 200


def _scan_pdf(images: list[Image.Image], dpi: float) -> pikepdf.Pdf:
    """A PDF with each image filling its page, as the PDF writer makes them."""
    pdf = pikepdf.new()
    for image in images:
        width, height = image.width * 72 / dpi, image.height * 72 / dpi
        data = io.BytesIO()
        image.convert("L").save(data, "JPEG", quality=60)
        xobject = pikepdf.Stream(pdf, data.getvalue(), Type=pikepdf.Name.XObject,
                                 Subtype=pikepdf.Name.Image, Width=image.width, Height=image.height,
                                 ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8,
                                 Filter=pikepdf.Name.DCTDecode)
        page = pdf.add_blank_page(page_size=(width, height))
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=xobject))
        page.Contents = pdf.make_stream(b"q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q" % (width, height))
    return pdf


def _pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _hand_made_page() -> OcrPage:
    """Two lines with known boxes (pixels at 200 dpi), no OCR needed."""
    words = [OcrWord("Nguyễn", 200, 200, 330, 240, 95, 0), OcrWord("Thị", 345, 200, 400, 240, 95, 0),
             OcrWord("Hồng", 415, 200, 510, 240, 95, 0), OcrWord("Nhung", 525, 200, 640, 240, 95, 0),
             OcrWord("Ủy", 200, 300, 250, 340, 90, 1), OcrWord("ban", 265, 300, 330, 340, 90, 1),
             OcrWord("xã", 345, 300, 390, 340, 90, 1), OcrWord("Đức", 405, 300, 480, 340, 90, 1)]
    return OcrPage("Nguyễn Thị Hồng Nhung\nỦy ban xã Đức", words, 1654, 2339, DPI)


def test_words_come_back_in_order_with_diacritics_and_in_place(tmp_path: Path) -> None:
    pdf = _scan_pdf([Image.new("RGB", (1654, 2339), "white")], DPI)
    add_text_layer(pdf, 0, _hand_made_page())
    pdf.save(tmp_path / "page.pdf")
    expected = "Nguyễn Thị Hồng Nhung Ủy ban xã Đức".split()
    assert _pdftotext(tmp_path / "page.pdf").split() == expected
    html = _pdftotext(tmp_path / "page.pdf", "-bbox")
    box = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Hồng<', html)
    assert box is not None
    x_min, y_min, x_max, y_max = (float(v) for v in box.groups())
    scale = 72 / DPI  # 415..510 × 200..240 px
    assert x_min == pytest.approx(415 * scale, abs=1) and x_max == pytest.approx(510 * scale, abs=3)
    assert y_min == pytest.approx(200 * scale, abs=1)
    # Poppler adds its own descender allowance below the baseline (a font without descent).
    assert 240 * scale - 1 <= y_max <= 240 * scale + 0.4 * 40 * scale


def test_one_ocr_line_over_two_printed_rows_keeps_the_rows_apart(tmp_path: Path) -> None:
    # Tesseract returns small print in a narrow column as one "line" spanning two rows, in
    # reading order; laid on one baseline, pdftotext interleaved them ("Trưởng Trang phòng ...").
    words = [OcrWord("Trưởng", 53, 622, 90, 634, 90, 0), OcrWord("phòng", 94, 622, 125, 634, 90, 0),
             OcrWord("Sở;", 129, 622, 145, 632, 90, 0), OcrWord("Trang", 53, 637, 82, 649, 90, 0),
             OcrWord("TTĐT", 86, 637, 118, 646, 90, 0), OcrWord("Sở;", 121, 637, 137, 647, 90, 0)]
    pdf = _scan_pdf([Image.new("RGB", (572, 960), "white")], 80)
    add_text_layer(pdf, 0, OcrPage("", words, 572, 960, 80))
    pdf.save(tmp_path / "page.pdf")
    assert _pdftotext(tmp_path / "page.pdf", "-raw").split("\n")[:2] == ["Trưởng phòng Sở;", "Trang TTĐT Sở;"]


def test_ocr_of_a_scan_is_extractable(specimens: dict[str, Specimen], tmp_path: Path) -> None:
    page = specimens["plain"]
    strip = page.image.crop((0, 0, page.image.width, page.image.height // 3))
    pdf = _scan_pdf([strip], page.dpi)
    found = recognise(strip, page.dpi)
    add_text_layer(pdf, 0, found)
    pdf.save(tmp_path / "scan.pdf")
    assert word_accuracy(found.text, _pdftotext(tmp_path / "scan.pdf")) == 1.0
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in _pdftotext(tmp_path / "scan.pdf")


def test_text_is_invisible_and_the_font_is_embedded_once(tmp_path: Path) -> None:
    pdf = _scan_pdf([Image.new("RGB", (1654, 2339), "white")] * 2, DPI)
    add_text_layer(pdf, 0, _hand_made_page())
    add_text_layer(pdf, 1, _hand_made_page())
    pdf.save(tmp_path / "two.pdf")
    with pikepdf.open(tmp_path / "two.pdf") as saved:
        fonts = [list(p.Resources.Font.values())[0] for p in saved.pages]
        assert fonts[0].objgen == fonts[1].objgen  # one shared font object
        font = fonts[0]
        assert font.Subtype == "/Type0" and font.Encoding == "/Identity-H" and "/ToUnicode" in font
        descendant = font.DescendantFonts[0]
        assert descendant.Subtype == "/CIDFontType2" and "/CIDToGIDMap" in descendant
        assert len(descendant.FontDescriptor.FontFile2.read_bytes()) > 100  # embedded (PDF/A)
        saved.pages[0].contents_coalesce()
        content = saved.pages[0].Contents.read_bytes()
        assert b"3 Tr" in content  # render mode 3: neither filled nor stroked


def test_blank_page_gets_nothing_and_bad_page_is_named() -> None:
    pdf = _scan_pdf([Image.new("RGB", (100, 100), "white")], DPI)
    add_text_layer(pdf, 0, OcrPage("", [], 100, 100, DPI))
    assert "/Font" not in pdf.pages[0].Resources
    with pytest.raises(InputError, match="page 3"):
        add_text_layer(pdf, 3, _hand_made_page())


def test_delimiters_escapes_and_codes_holding_cr_come_back(tmp_path: Path) -> None:
    # Words are written as literal UTF-16 strings: "(", ")", "\" and a code unit whose byte is
    # CR (U+0D0D, U+0D28 holds "(") must be escaped or they would end the string or turn into LF.
    words = [OcrWord("(Điều", 200, 200, 330, 240, 95, 0), OcrWord("1)", 345, 200, 400, 240, 95, 0),
             OcrWord("a\\b", 415, 200, 510, 240, 95, 0), OcrWord("\u0d28\u0d0d", 525, 200, 640, 240, 95, 0)]
    pdf = _scan_pdf([Image.new("RGB", (1654, 2339), "white")], DPI)
    add_text_layer(pdf, 0, OcrPage("", words, 1654, 2339, DPI))
    pdf.save(tmp_path / "page.pdf")
    assert _pdftotext(tmp_path / "page.pdf").split() == ["(Điều", "1)", "a\\b", "\u0d28\u0d0d"]


def test_the_unicode_map_covers_the_blocks_used_and_grows_with_later_pages(tmp_path: Path) -> None:
    pdf = _scan_pdf([Image.new("RGB", (1654, 2339), "white")] * 2, DPI)
    add_text_layer(pdf, 0, _hand_made_page())  # Latin, Latin Extended-A/B and Vietnamese blocks
    cmap = pdf.pages[0].Resources.Font.FOcr.ToUnicode.read_bytes()
    assert b"<1E00> <1EFF> <1E00>" in cmap and b"<0400>" not in cmap  # no Cyrillic block
    add_text_layer(pdf, 1, OcrPage("", [OcrWord("Привет", 200, 200, 400, 240, 95, 0)], 1654, 2339, DPI))
    pdf.save(tmp_path / "two.pdf")
    with pikepdf.open(tmp_path / "two.pdf") as saved:
        assert b"<0400> <04FF> <0400>" in saved.pages[0].Resources.Font.FOcr.ToUnicode.read_bytes()
    assert _pdftotext(tmp_path / "two.pdf").split() == [*"Nguyễn Thị Hồng Nhung Ủy ban xã Đức".split(), "Привет"]
