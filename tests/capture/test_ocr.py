"""Offline Vietnamese OCR on generated pages: accuracy, word boxes, orientation, background jobs."""

from __future__ import annotations

import threading

import pytest
from PIL import Image

from app.capture.accuracy import word_accuracy
from app.capture.ocr import OcrJob
from app.capture.ocr import OcrPage
from app.capture.ocr import OcrWord
from app.capture.ocr import detect_rotation
from app.capture.ocr import recognise
from app.capture.specimens import Specimen
from app.errors import InputError


@pytest.fixture(scope="module")
def plain_result(specimens: dict[str, Specimen]) -> OcrPage:
    page = specimens["plain"]
    return recognise(page.image, page.dpi)


def test_clean_page_is_read_with_its_diacritics(specimens: dict[str, Specimen],
                                                plain_result: OcrPage) -> None:
    assert word_accuracy(specimens["plain"].text, plain_result.text) >= 0.98
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in plain_result.text


def test_tilted_page_is_read(specimens: dict[str, Specimen]) -> None:
    page = specimens["tilt"]
    assert word_accuracy(page.text, recognise(page.image, page.dpi).text) >= 0.98


def test_words_have_boxes_on_the_page_and_make_the_text(plain_result: OcrPage) -> None:
    assert plain_result.width_px == 1654 and plain_result.dpi == 200
    assert " ".join(w.text for w in plain_result.words) == " ".join(plain_result.text.split())
    for word in plain_result.words:
        assert 0 <= word.left < word.right <= plain_result.width_px
        assert 0 <= word.top < word.bottom <= plain_result.height_px
        assert 0 <= word.confidence <= 100
    title = next(w for w in plain_result.words if w.text == "KHAI")
    assert 550 < title.left < 800  # second word of the centred title, at 200 dpi
    lines = [w.line for w in plain_result.words]
    assert lines == sorted(lines) and lines[-1] >= 25


def test_seal_over_the_signature_block_does_not_hide_the_name(specimens: dict[str, Specimen]) -> None:
    page = specimens["seal_signature"]
    found = recognise(page.image, page.dpi).text
    assert page.text.splitlines()[-1] in found  # the signer's name, under the seal


def test_orientation_is_detected(specimens: dict[str, Specimen]) -> None:
    image = specimens["plain"].image
    assert detect_rotation(image) == 0
    assert detect_rotation(image.rotate(90, expand=True)) == 270
    assert detect_rotation(Image.new("RGB", (800, 1100), "white")) == 0  # nothing to go by


def test_bad_input_is_refused_by_name() -> None:
    with pytest.raises(InputError, match="PIL image"):
        recognise(b"not an image", 200)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="dpi"):
        recognise(Image.new("RGB", (100, 100), "white"), 0)


def _strips(page: Specimen, count: int) -> list[tuple[Image.Image, float]]:
    """Small horizontal strips of a page: cheap OCR inputs for the job tests."""
    top = round(page.dpi * 0.8)
    height = round(page.dpi * 0.5)
    return [(page.image.crop((0, top + i * height, page.image.width, top + (i + 1) * height)), page.dpi)
            for i in range(count)]


def test_job_reports_each_page_and_stops_when_cancelled(specimens: dict[str, Specimen]) -> None:
    strips = _strips(specimens["plain"], 3)
    seen: list[int] = []
    cancel = threading.Event()

    def on_page(index: int, page: OcrPage) -> None:
        seen.append(index)
        cancel.set()  # the official pressed Cancel while page 0 was being read

    job = OcrJob(strips, on_page, cancel=cancel)
    assert len(job.run()) == 1
    assert seen == [0] and job.cancelled


def test_job_runs_in_the_background(specimens: dict[str, Specimen]) -> None:
    strips = _strips(specimens["plain"], 2)
    done = threading.Event()
    pages: dict[int, OcrPage] = {}
    job = OcrJob(strips, lambda i, p: pages.__setitem__(i, p), on_done=lambda _job: done.set())
    job.start()
    assert job.wait(60) and done.is_set()
    assert job.error is None and not job.cancelled and sorted(pages) == [0, 1]
    assert "HÒA" in pages[0].text or "Độc" in pages[0].text


def test_job_keeps_the_error_of_a_bad_page() -> None:
    job = OcrJob([(Image.new("RGB", (100, 100), "white"), -1)], lambda i, p: None)
    job.start()
    assert job.wait(30)
    assert isinstance(job.error, InputError) and job.results == []


def test_threads_read_concurrently_with_their_own_engines(specimens: dict[str, Specimen]) -> None:
    strip = _strips(specimens["plain"], 1)[0]
    expected = recognise(*strip).text
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(recognise(*strip).text)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert results == [expected, expected]


def _block(left: int, top: int, right: int, bottom: int, text: str) -> list[list[OcrWord]]:
    return [[OcrWord(text, left, top, right, bottom, 90.0)]]


def test_blocks_sharing_a_column_are_read_top_down_and_columns_keep_their_order() -> None:
    from app.capture.ocr import reading_order

    # Tesseract's order on a magazine spread: body before its drop-capital line, byline before
    # the headline spanning the columns above it.
    body = _block(170, 214, 800, 760, "body")
    first_line = _block(175, 168, 795, 300, "first")
    column2 = _block(845, 165, 1475, 1476, "column2")
    byline = _block(920, 2015, 1390, 2045, "byline")
    column3 = _block(1750, 165, 2370, 1796, "column3")
    headline = _block(918, 1858, 2850, 1980, "headline")
    ordered = reading_order([body, first_line, column2, byline, column3, headline])
    assert [block[0][0].text for block in ordered] == [
        "first", "body", "column2", "column3", "headline", "byline"]
    # Side-by-side columns, or a block barely overlapping another's edge, keep Tesseract's order.
    left, right = _block(100, 500, 900, 3000, "left"), _block(880, 100, 1700, 3000, "right")
    assert [b[0][0].text for b in reading_order([left, right])] == ["left", "right"]
