"""Ink blobs before OCR: the language of a page from its tone marks, and whether its lines run
across it, on real pages (../shared/data/real-scans) and generated Vietnamese ones."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from app.capture import light
from app.capture.geometry import to_gray
from app.capture.imports import read_pages
from app.capture.ink_blobs import (
    MIN_LETTERS_FOR_MARKS,
    OTHER_MARKS_SHARE,
    VIETNAMESE_MARKS_SHARE,
    ink_blobs,
    letter_height,
    lines_of,
    looks_vietnamese,
    marks_above_share,
)
from app.capture.ocr import recognise, upscale_factor
from app.capture.pipeline import process_page
from app.capture.specimens import specimen_set

from tests.capture.real_pages import real_page


def _pipeline_grey(name: str) -> np.ndarray:
    """The grey image OCR reads of a real page (the pipeline's; low resolutions enlarged)."""
    page = process_page(next(iter(read_pages(real_page(name)))))
    assert page.grey is not None
    return np.asarray(page.grey)


def _grey(name: str) -> np.ndarray:
    """The page as the pipeline measures it: light evened out (a photo's dark surroundings and
    shading would otherwise read as ink)."""
    rgb = np.asarray(next(iter(read_pages(real_page(name)))).image.convert("RGB"))
    return to_gray(light.normalise(rgb))


@pytest.mark.parametrize("name", ["va1-p1.tif", "va4_2.jpg", "vietsample-p1.tif"])
def test_vietnamese_letters_carry_marks_above(name: str) -> None:
    # Real official letters: 0.27-0.36 of their letters have a tone mark or a hat above them.
    blobs = ink_blobs(_pipeline_grey(name))
    assert (marks_above_share(blobs) or 0.0) >= VIETNAMESE_MARKS_SHARE + 0.05
    assert looks_vietnamese(blobs) is True


@pytest.mark.parametrize("name", ["eurotext.tif", "linn.png", "ph_cell_pic.jpg"])
def test_english_french_and_german_print_does_not(name: str) -> None:
    # eurotext carries French and German accents; the cell phone photo has no camera tags.
    blobs = ink_blobs(_pipeline_grey(name))
    assert (marks_above_share(blobs) or 1.0) <= OTHER_MARKS_SHARE - 0.02
    assert looks_vietnamese(blobs) is False


@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_generated_vietnamese_pages_are_told_at_every_resolution(dpi: int) -> None:
    for page in specimen_set(3, dpi=dpi)[:5]:  # the document pages: plain, seal, tilt, noise, photo
        assert looks_vietnamese(ink_blobs(np.asarray(page.image.convert("L")))) is True, (dpi, page.name)


def test_too_little_print_gives_no_verdict() -> None:
    blank = np.full((2339, 1654), 250, np.uint8)
    assert marks_above_share(ink_blobs(blank)) is None and looks_vietnamese(ink_blobs(blank)) is None
    assert lines_of(ink_blobs(blank)) is None
    # A line or two of print: fewer letters than the marks need to say anything.
    few = _grey("va4_2.jpg")[:60]
    assert (ink_blobs(few).letters.sum() < MIN_LETTERS_FOR_MARKS) == (looks_vietnamese(ink_blobs(few)) is None)


@pytest.mark.parametrize("name", ["va2-p2.jpg", "linn.png", "ph_receipt.jpg", "va4_2.jpg"])
def test_lines_across_the_page_are_told_from_lines_down_it(name: str) -> None:
    from app.capture.ocr import lines_verdict

    grey = _grey(name)
    assert lines_verdict(Image.fromarray(grey)).across
    # Upside down, lines still run across: the page's reading tells that case (recognise_upright).
    assert lines_verdict(Image.fromarray(np.ascontiguousarray(grey[::-1, ::-1]))).across
    # Turned a quarter, its lines run down the page: the orientation detector decides.
    assert not lines_verdict(Image.fromarray(np.ascontiguousarray(np.rot90(grey)))).across


def test_the_sheet_scanned_sideways_is_seen_as_such() -> None:
    # vietsample2-p1.tif is stored turned a quarter: its lines run down the image.
    from app.capture.ocr import lines_verdict

    assert not lines_verdict(Image.fromarray(_grey("vietsample2-p1.tif"))).across
    halved = lines_of(ink_blobs(_grey("vietsample2-p1.tif")[::2, ::2]))
    assert halved is not None and halved.beside <= 0.3


@pytest.mark.parametrize("name", ["8071_093.3B.tif", "eurotext.tif", "va1-p1.tif", "va2-p2.jpg", "ph_cell_pic.jpg"])
def test_baselines_tell_upright_print_from_print_upside_down(name: str, detector_asked: list[int]) -> None:
    from app.capture.ocr import orient_by_lines

    grey = _grey(name)
    # Measured as `lines_verdict` measures: on a copy of at most 1,600 px, where the grain of
    # paper and photo no longer passes for letters.
    from app.capture.geometry import shrink
    from app.capture.ocr import BASELINE_LEAN, LINES_MAX_SIDE_PX

    upright = lines_of(ink_blobs(shrink(grey, LINES_MAX_SIDE_PX)[0]))
    assert upright is not None and upright.baseline_lean >= BASELINE_LEAN  # eurotext: 0.118, the least
    assert orient_by_lines(Image.fromarray(grey)) == 0
    assert orient_by_lines(Image.fromarray(np.ascontiguousarray(grey[::-1, ::-1]))) == 180
    assert not detector_asked


@pytest.mark.parametrize("dpi", [100, 200, 300])
def test_baselines_of_generated_vietnamese_pages(dpi: int) -> None:
    for page in specimen_set(4, dpi=dpi)[:5]:
        grey = np.asarray(page.image.convert("L"))
        up, down = lines_of(ink_blobs(grey)), lines_of(ink_blobs(np.ascontiguousarray(grey[::-1, ::-1])))
        assert up is not None and down is not None
        assert up.baseline_lean >= 0.15 and down.baseline_lean <= -0.15, (dpi, page.name)


def test_print_whose_baselines_do_not_tell_goes_to_the_detector(detector_asked: list[int]) -> None:
    # The receipt photo is printed in capitals and figures: tops and bottoms line up alike.
    from app.capture.ocr import orient_by_lines

    assert orient_by_lines(Image.fromarray(_grey("ph_receipt.jpg"))) == 90  # the stand-in's answer
    assert detector_asked == [1]
    # So do sheets lying sideways.
    assert orient_by_lines(Image.fromarray(_grey("vietsample2-p1.tif"))) == 90 and detector_asked == [1, 1]


@pytest.fixture
def detector_asked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Stands in for Tesseract's orientation detector (answering 90), recording each call."""
    from app.capture import ocr

    asked: list[int] = []

    def detect(image: Image.Image) -> int:
        asked.append(1)
        return 90

    monkeypatch.setattr(ocr, "detect_rotation", detect)
    return asked


def test_a_page_of_dust_has_no_letter_height_and_is_not_enlarged() -> None:
    # Generated: 2 % of a 200 dpi page's pixels black at random. Its clumps of 3 px once passed
    # for letters, the page was enlarged 3x, and Tesseract's layout analysis took minutes.
    dust = np.where(np.random.default_rng(1).random((2200, 1700)) < 0.02, 0, 255).astype(np.uint8)
    assert letter_height(ink_blobs(dust)) is None
    assert upscale_factor(dust) == 1.0
    found = recognise(Image.fromarray(dust), 200, lang="vie")
    assert not found.words


@pytest.mark.parametrize("name", ["va2-p2.jpg", "ph_notepad.jpg", "c02-22.jpg"])
def test_real_pages_full_of_other_marks_keep_their_letter_height(name: str) -> None:
    # The real pages with the fewest letters among their blobs: a seal and handwriting (0.27), a
    # handwritten note (0.30), a 150 dpi book page (0.69).
    assert letter_height(ink_blobs(_pipeline_grey(name))) is not None
