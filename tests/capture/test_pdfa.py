"""The PDF writer: G4 and JPEG layers render right, the seal stays red, the file is PDF/A-2b."""

from __future__ import annotations

import os
import subprocess
from functools import lru_cache
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from app.capture.modes import render
from app.capture.pages import ProcessedPage
from app.capture.pdfa import write_pdf
from app.capture.pipeline import process_page
from app.errors import InputError
from tests.capture.scan_support import raw_of, red_pixels, render_pdf


@lru_cache(maxsize=None)
def processed(name: str) -> ProcessedPage:
    return process_page(raw_of(name))


def _images(pdf: pikepdf.Pdf, index: int = 0) -> list[pikepdf.Stream]:
    return list(pdf.pages[index].Resources.XObject.values())


def _ink_overlap(drawn: np.ndarray, stored: np.ndarray) -> float:
    """Intersection over union of the ink of two renderings (renderers may differ by a pixel)."""
    h, w = min(drawn.shape[0], stored.shape[0]), min(drawn.shape[1], stored.shape[1])
    drawn, stored = drawn[:h, :w], stored[:h, :w]
    return float((drawn & stored).sum() / max(1, (drawn | stored).sum()))


def test_plain_page_is_stored_as_ccitt_g4_and_renders_exactly(tmp_path: Path) -> None:
    page = processed("plain")
    out = tmp_path / "plain.pdf"
    report = write_pdf([page], out, title="Tờ khai")
    with pikepdf.open(out) as pdf:
        (image,) = _images(pdf)
        assert image.Filter == pikepdf.Name.CCITTFaxDecode
        # Ink coded as the fax's black runs, decoded with the filter's default polarity.
        assert image.DecodeParms.K == -1 and not image.DecodeParms.get("/BlackIs1", False)
        assert (image.DecodeParms.Columns, image.DecodeParms.Rows) == (page.width_px, page.height_px)
        assert image.BitsPerComponent == 1
    assert report.pages[0].mode == "bw" and report.bytes == out.stat().st_size
    assert report.bytes < 40_000
    stored = np.asarray(page.mask) == 0
    # Decoded by poppler, the stored bits are exactly the page's mask: G4 is lossless.
    subprocess.run(["pdfimages", "-png", str(out), str(tmp_path / "img")], check=True)
    decoded = np.asarray(Image.open(tmp_path / "img-000.png").convert("L")) < 128
    assert decoded.shape == stored.shape and (decoded == stored).all()
    # Drawn on the page, black is black (an inverted polarity would overlap almost nowhere).
    drawn = render_pdf(out, tmp_path, dpi=200)[..., 0] < 128
    assert _ink_overlap(drawn, stored) > 0.8


def test_pdfium_draws_the_g4_page_the_same(tmp_path: Path) -> None:
    import pypdfium2

    out = tmp_path / "plain.pdf"
    write_pdf([processed("plain")], out)
    document = pypdfium2.PdfDocument(str(out))
    drawn = np.asarray(document[0].render(scale=200 / 72).to_pil().convert("L")) < 128
    document.close()
    stored = np.asarray(processed("plain").mask) == 0
    assert _ink_overlap(drawn, stored) > 0.8


def test_seal_stays_red_in_the_pdf(tmp_path: Path) -> None:
    page = processed("seal_signature")
    out = tmp_path / "seal.pdf"
    report = write_pdf([page], out)
    assert report.pages[0].mode == "mixed"
    assert report.bytes < 60_000
    with pikepdf.open(out) as pdf:
        # The seal is a small JPEG drawn over its own part of the page only; the text and any
        # other coloured ink are 1-bit G4 stencils.
        images = _images(pdf)
        pictures = [image for image in images if image.Filter == pikepdf.Name.DCTDecode]
        assert len(pictures) == 1 and pictures[0].Width * pictures[0].Height < 0.1 * page.width_px * page.height_px
        stencils = [image for image in images if image.Filter == pikepdf.Name.CCITTFaxDecode]
        assert stencils and all(image.ImageMask is True for image in stencils)
    drawn = render_pdf(out, tmp_path, dpi=100)
    red = red_pixels(drawn)
    assert red.sum() > 500  # a 35 mm seal at 100 dpi covers thousands of pixels; most stay red
    ys, xs = np.nonzero(red)
    # Where the seal is on the generated page (lower right, near the signature).
    assert ys.mean() > drawn.shape[0] * 0.6 and xs.mean() > drawn.shape[1] * 0.5
    # Body text is still black.
    assert (drawn[: drawn.shape[0] // 2].min(axis=2) < 60).sum() > 5000


def test_colour_and_grey_pages_are_jpeg(tmp_path: Path) -> None:
    out = tmp_path / "pictures.pdf"
    pages = [process_page(raw_of("plain"), "gray"), processed("id_card")]
    report = write_pdf(pages, out)
    assert [entry.mode for entry in report.pages] == ["gray", "color"]
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 2
        spaces = [_images(pdf, i)[0].ColorSpace for i in range(2)]
        assert spaces == [pikepdf.Name.DeviceGray, pikepdf.Name.DeviceRGB]
        # Page size follows pixels and dpi: A4 at 200 dpi, a card at 300 dpi.
        assert float(pdf.pages[0].mediabox[2]) == pytest.approx(595.4, abs=0.5)
        assert float(pdf.pages[1].mediabox[2]) == pytest.approx(85.6 / 25.4 * 72, rel=0.05)


def test_pdfa_markers(tmp_path: Path) -> None:
    out = tmp_path / "a.pdf"
    write_pdf([processed("plain"), processed("seal_signature")], out, title="Hồ sơ khai sinh")
    with pikepdf.open(out) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == "Hồ sơ khai sinh"
        assert str(pdf.docinfo["/Title"]) == "Hồ sơ khai sinh"
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFA1 and intent.DestOutputProfile.N == 3
        assert not pdf.is_encrypted and "/Encrypt" not in pdf.trailer
        assert "/ID" in pdf.trailer
        for key in ("/OpenAction", "/AA", "/Names"):
            assert key not in pdf.Root
    assert out.read_bytes().startswith(b"%PDF-1.7")


def test_pdfa_validator_approves(tmp_path: Path) -> None:
    pdfa = pytest.importorskip("pikepdf.pdfa", exc_type=ImportError)
    out = tmp_path / "a.pdf"
    write_pdf([processed("plain"), processed("seal_signature"), processed("id_card")], out, title="Hồ sơ")
    report = pdfa.validate_written(out, "2b")
    assert report.passed, [str(finding) for finding in report.findings]


def test_ocr_text_layer_is_searchable_and_still_pdfa(tmp_path: Path) -> None:
    ocr = pytest.importorskip("app.capture.ocr")
    page = processed("plain")
    text = ocr.recognise(render(page), page.dpi)
    out = tmp_path / "ocr.pdf"
    write_pdf([page], out, text_layers=[text])
    found = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True,
                           text=True).stdout
    assert "KHAI SINH" in found
    pdfa = pytest.importorskip("pikepdf.pdfa", exc_type=ImportError)
    assert pdfa.validate_written(out, "2b").passed


def test_write_is_atomic_and_replaces(tmp_path: Path) -> None:
    out = tmp_path / "doc.pdf"
    out.write_bytes(b"old")
    write_pdf([processed("plain")], out)
    assert out.read_bytes().startswith(b"%PDF")
    assert sorted(os.listdir(tmp_path)) == ["doc.pdf"]  # no temporary file left behind


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        write_pdf([processed("plain")], tmp_path / "nowhere" / "doc.pdf")


def test_no_pages_or_wrong_text_layers_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no pages"):
        write_pdf([], tmp_path / "x.pdf")
    with pytest.raises(InputError, match="text layers for 2 pages"):
        write_pdf([processed("plain")], tmp_path / "x.pdf", text_layers=[None, None])
    assert not (tmp_path / "x.pdf").exists()


def test_mixed_page_layers_line_up(tmp_path: Path) -> None:
    # A synthetic mixed page: the text stencil and the colour layer must cover the same page.
    mask = Image.new("1", (400, 300), 1)
    mask.paste(0, (100, 100, 300, 120))
    colour = Image.new("RGB", (200, 150), "white")
    colour.paste((220, 20, 20), (10, 10, 60, 60))
    page = ProcessedPage(mode="mixed", dpi=100, width_px=400, height_px=300, image=colour, mask=mask)
    out = tmp_path / "m.pdf"
    write_pdf([page], out)
    drawn = render_pdf(out, tmp_path, dpi=100)
    assert drawn[110, 200].max() < 40  # the text bar is black
    assert red_pixels(drawn[25:115, 25:115]).mean() > 0.8  # the red square is red, where it was
    assert drawn[250, 350].min() > 240  # the rest is paper
