"""OCR on real scanned pages (../shared/data/real-scans beside the clone, see PROVENANCE.md).

Thresholds sit just below what `bench/scan_real.py` measures, so a change that reads real paper
worse fails here even when the generated pages still read well. A few small pages only: OCR is
slow on a 2-core machine.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from app.capture.accuracy import word_accuracy
from app.capture.imports import read_pages
from app.capture.ocr import OcrPage, detect_rotation, recognise, recognise_page
from app.capture.pages import ProcessedPage
from app.capture.pdfa import write_pdf
from app.capture.pipeline import process_page

from tests.capture.real_pages import REAL_SCANS

pytestmark = pytest.mark.skipif(not REAL_SCANS.is_dir(),
                                reason=f"real pages not found at {REAL_SCANS} (shared/ beside the clone)")


def _page(name: str) -> ProcessedPage:
    raw = next(iter(read_pages(REAL_SCANS / name)))
    return process_page(raw, orient=detect_rotation)


def _truth(name: str) -> str:
    return (REAL_SCANS / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def letter() -> tuple[ProcessedPage, OcrPage]:
    """va4_2.jpg: a 572x960 image of a Vietnamese official letter (~80 dpi as an A4 sheet)."""
    page = _page("va4_2.jpg")
    return page, recognise_page(page)


def test_small_vietnamese_letter_is_read_from_grey_upscaled(letter: tuple[ProcessedPage, OcrPage]) -> None:
    # Read from the 1-bit layer with the dust filter this page scored 0.52; ocrmypdf 0.83.
    _, found = letter
    assert found.lang == "vie"
    assert word_accuracy(_truth("4_2_gt.txt"), found.text) >= 0.85


def test_cleaning_does_not_harm_a_low_resolution_page(letter: tuple[ProcessedPage, OcrPage]) -> None:
    # The processed page reads at least as well as Tesseract reading the file as it came.
    _, found = letter
    raw = next(iter(read_pages(REAL_SCANS / "va4_2.jpg")))
    import tesserocr

    from app.capture.ocr import tessdata_dir

    with tesserocr.PyTessBaseAPI(path=str(tessdata_dir()), lang="vie") as api:
        api.SetImage(raw.image)
        plain = api.GetUTF8Text()
    truth = _truth("4_2_gt.txt")
    assert word_accuracy(truth, found.text) >= word_accuracy(truth, plain)


def test_upscaled_words_keep_boxes_on_the_page_image(letter: tuple[ProcessedPage, OcrPage]) -> None:
    # Recognition ran on an enlarged copy; the boxes must land on the ink of the page the PDF shows.
    page, found = letter
    assert (found.width_px, found.height_px) == (page.width_px, page.height_px)
    grey = np.asarray(page.grey)
    long_words = [word for word in found.words if len(word.text) >= 4]
    assert len(long_words) > 50
    inked = 0
    for word in long_words:
        assert 0 <= word.left < word.right <= page.width_px and 0 <= word.top < word.bottom <= page.height_px
        inked += grey[word.top:word.bottom, word.left:word.right].min() < 128
    assert inked == len(long_words)


def test_text_layer_of_a_real_letter_reads_back_with_pdftotext(tmp_path: Path,
                                                                letter: tuple[ProcessedPage, OcrPage]) -> None:
    page, found = letter
    out = tmp_path / "letter.pdf"
    write_pdf([page], out, text_layers=[found])
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert word_accuracy(_truth("4_2_gt.txt"), text) >= 0.85


def test_english_page_is_read_with_english() -> None:
    # eurotext.tif: English, French and German at 300 dpi; `vie` alone read 0.86 of its words.
    found = recognise_page(_page("eurotext.tif"))
    assert found.lang == "eng+vie"
    assert word_accuracy(_truth("eurotext.txt"), found.text) >= 0.90


def test_clean_test_page_is_read_whole() -> None:
    found = recognise_page(_page("phototest.tif"))
    assert word_accuracy(_truth("phototest.txt"), found.text) >= 0.97


def test_page_image_alone_is_read_the_same_way() -> None:
    # recognise() on an image (stored pages, imports) gets the same upscaling and language choice.
    raw = next(iter(read_pages(REAL_SCANS / "va4_2.jpg")))
    found = recognise(raw.image, raw.dpi)
    assert found.lang == "vie"
    assert word_accuracy(_truth("4_2_gt.txt"), found.text) >= 0.83


def test_language_is_judged_from_a_band_across_the_middle(letter: tuple[ProcessedPage, OcrPage]) -> None:
    # One band read with `vie` picks the language, so an English page is not read whole twice.
    from PIL import Image

    from app.capture.ocr import OTHER, VIETNAMESE, _probe_language, upscale_factor

    english = _page("eurotext.tif")
    assert _probe_language(english.grey, english.dpi) == [OTHER]
    page, _ = letter
    factor = upscale_factor(np.asarray(page.grey))
    grey = page.grey.resize((round(page.grey.width * factor), round(page.grey.height * factor)))
    assert _probe_language(grey, page.dpi * factor) == [VIETNAMESE]
    # A page with no print in its middle band gives no verdict: the whole page decides then.
    assert _probe_language(Image.new("L", (1000, 1400), 255), 200) is None
    # Print only above the middle (a picture or a gap there, as on epson.tif): a band across the
    # upper third decides, rather than two whole readings.
    tall = Image.new("L", (english.grey.width, 3000), 255)
    tall.paste(english.grey, (0, 500))
    assert _probe_language(tall, english.dpi) == [OTHER]


def _pdf_page_text(pdf: Path, number: int) -> str:
    pages = ["-f", str(number), "-l", str(number)]
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", *pages, str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_magazine_pages_are_read_in_column_order_by_scan2pdf(tmp_path: Path) -> None:
    # One command, two dense 300 dpi pages: the second is cleaned while the first is read.
    # 8071_093.3B: Tesseract put the drop capital's line after its paragraph and the byline
    # before the headline above it (0.929 words right; ocrmypdf 0.943). linn: 0.947 (ocrmypdf
    # 0.948; its truth is an old OCR transcription with "0" for every bullet).
    from app.cli.main import main

    out = tmp_path / "magazine.pdf"
    code = main(["--json", "scan2pdf", str(REAL_SCANS / "8071_093.3B.tif"), str(REAL_SCANS / "linn.png"),
                 "--ocr", "--out", str(out)])
    assert code == 0
    spread, linn = _pdf_page_text(out, 1), _pdf_page_text(out, 2)
    assert word_accuracy(_truth("8071_093.3B.txt"), spread) >= 0.95
    assert spread.index("MOPED") < spread.index("wandered around the house")
    assert spread.index("Need Most in a Dad") < spread.index("KINNEY BENNETT")
    assert word_accuracy(_truth("linn.txt"), linn) >= 0.94


def test_a_reading_tells_upright_print_from_print_upside_down(letter: tuple[ProcessedPage, OcrPage]) -> None:
    # Upright print reads with confidence (real pages: 87-96 on average); upside down it does not
    # (35-59), and scan2pdf then asks the orientation detector (recognise_upright).
    from app.capture.ocr import reads_upright

    page, found = letter
    assert reads_upright(found)
    assert page.grey is not None
    assert not reads_upright(recognise(page.grey.rotate(180), page.dpi, even_light=True))


def test_a_sheet_scanned_sideways_is_turned_and_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    # vietsample2-p1.tif is stored a quarter turn off. Its lines run down the image, so the
    # orientation detector turns it before cleaning, and the page is read once, upright.
    import json

    from app.capture import ocr
    from app.cli.main import main

    reads: list[int] = []
    real_read = ocr._read

    def read(*args: object) -> object:
        reads.append(1)
        return real_read(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(ocr, "_read", read)
    out = tmp_path / "poem.pdf"
    assert main(["--json", "scan2pdf", str(REAL_SCANS / "vietsample2-p1.tif"), "--ocr", "--out", str(out)]) == 0
    page = json.loads(capsys.readouterr().out)["pages"][0]
    assert page["rotation"] == 90 and page["width_px"] < page["height_px"]
    assert reads == [1]  # Vietnamese by its tone marks: no band read to tell the language
    assert "Tết Trung Thu rước đèn đi chơi" in _pdf_page_text(out, 1)


def test_a_second_magazine_page_reads_at_least_as_well_as_ocrmypdf() -> None:
    # 8087_054.3B (tests/capture/data, from tesseract-ocr/test): ocrmypdf 0.890, ours 0.898.
    data = Path(__file__).parent / "data"
    raw = next(iter(read_pages(data / "8087_054.3B.tif")))
    found = recognise_page(process_page(raw, orient=detect_rotation))
    assert found.lang == "eng+vie"
    assert word_accuracy((data / "8087_054.3B.txt").read_text(encoding="utf-8"), found.text) >= 0.89
