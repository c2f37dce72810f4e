"""The layer split on real pages: a People's Committee seal stays red, round and legible, blue
handwriting stays blue, and the page stays small (issue 13)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pikepdf
from PIL import Image

from app.capture.colour_check import clearly_red, red_kept, render_page
from app.capture.imports import read_pages
from app.capture.pdfa import write_pdf
from app.capture.pipeline import process_page
from tests.capture.real_pages import real_page

# ocrmypdf -O3 --deskew --clean on the real-page set: median 185 kB per page (PROVENANCE.md).
OCRMYPDF_MEDIAN_BYTES = 185_000


def _write(name: str, tmp_path: Path) -> tuple[Path, Path, int]:
    scan = real_page(name)
    (raw,) = read_pages(scan)
    out = tmp_path / f"{scan.stem}.pdf"
    report = write_pdf([process_page(raw)], out)
    return scan, out, report.bytes


def test_red_seal_of_a_real_letter_stays_red_round_and_small(tmp_path: Path) -> None:
    scan, out, size = _write("va2-p2.jpg", tmp_path)
    before, after, kept = red_kept(scan, out)
    assert before > 5000 and kept >= 0.5, f"{after} of {before} clearly red pixels kept"
    # Round: the seal (about 400 px across, centred near x=1500, y=2610 of the scan) is red on
    # both sides of its centre, not a half moon cut off at the edge of a colour region.
    with Image.open(scan) as image:
        original = clearly_red(np.asarray(image.convert("RGB")))[2300:2900, 1200:1900]
        shape = image.size
    red = clearly_red(np.asarray(render_page(out, 1, shape)))[2300:2900, 1200:1900]
    ys, xs = np.nonzero(red)
    assert xs.max() - xs.min() > 350 and ys.max() - ys.min() > 350
    centre = 304
    assert np.count_nonzero(red[:, :centre]) >= np.count_nonzero(original[:, :centre]), "left half lost"
    assert size <= OCRMYPDF_MEDIAN_BYTES / 2


def _redness(rgb: np.ndarray) -> np.ndarray:
    pixels = rgb.astype(np.int16)
    return np.clip(pixels[..., 0] - pixels[..., 1:].max(axis=2), 0, None)


def test_a_worn_seal_keeps_its_tones_rather_than_one_flat_grainy_colour(tmp_path: Path) -> None:
    # The seal's ring lettering is worn: as a 1-bit shape filled with one ink its faint strokes
    # came out as grain in two tones, far redder than the scan. Kept as a picture, its strokes
    # keep their shades and, on average, the scan's depth of red.
    scan, out, _size = _write("va2-p2.jpg", tmp_path)
    with Image.open(scan) as image:
        original = _redness(np.asarray(image.convert("RGB"))[2300:2900, 1200:1900])
        shape = image.size
    drawn_rgb = np.asarray(render_page(out, 1, shape))[2300:2900, 1200:1900]
    drawn = _redness(drawn_rgb)
    tones = np.unique(drawn_rgb[drawn > 30] // 8, axis=0)
    assert len(tones) >= 200, f"the seal is drawn in {len(tones)} tones"
    depth = drawn[drawn > 30].mean() / original[original > 30].mean()
    assert 0.7 <= depth <= 1.5, f"the seal's red is {depth:.2f} times as deep as the scan's"


def test_blue_handwriting_on_a_real_letter_stays_blue(tmp_path: Path) -> None:
    scan, out, size = _write("va2-p1.jpg", tmp_path)
    with Image.open(scan) as image:
        original = np.asarray(image.convert("RGB")).astype(np.int16)
        shape = image.size
    drawn = np.asarray(render_page(out, 1, shape)).astype(np.int16)

    def blue(rgb: np.ndarray) -> int:
        return int(np.count_nonzero(rgb[..., 2] - rgb[..., :2].max(axis=2) >= 40))

    assert blue(drawn) >= 0.5 * blue(original)
    assert size <= OCRMYPDF_MEDIAN_BYTES / 2


def test_blue_ruled_lines_of_a_real_notepad_photo_are_not_turned_black(tmp_path: Path) -> None:
    _scan, out, size = _write("ph_notepad.jpg", tmp_path)  # pale blue rules, a red margin, "BOx" in pen
    with pikepdf.open(out) as pdf:
        box = pdf.pages[0].mediabox
        size_px = (round(float(box[2]) * 200 / 72), round(float(box[3]) * 200 / 72))
    drawn = np.asarray(render_page(out, 1, size_px)).astype(np.int16)
    black = np.count_nonzero(drawn.max(axis=2) < 90)
    bluish = np.count_nonzero(drawn[..., 2] - drawn[..., 0] >= 15)
    # About twenty ruled lines across a 200 dpi sheet: tens of thousands of pixels, blue, while
    # only the pen-written word and a few crossings are black.
    assert bluish > 40_000 and black < bluish / 5
    assert size <= OCRMYPDF_MEDIAN_BYTES / 2
