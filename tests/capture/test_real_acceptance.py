"""What desks meet daily, on real pages (issue 13): low-resolution scans and phone photos are
kept with a warning instead of refused, a resolution field is not trusted when it gives no real
paper size, and no page with content is dropped or cropped away."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from app.capture import geometry, modes
from app.capture.imports import read_pages
from app.capture.pages import RawPage
from app.capture.pdfa import write_pdf
from app.capture.pipeline import process_page
from tests.capture.real_pages import real_page


def _only(path: Path, **options: object) -> RawPage:
    (raw,) = read_pages(path, **options)  # type: ignore[arg-type]
    return raw


def test_a_150_dpi_book_scan_is_kept_without_a_warning() -> None:
    page = process_page(_only(real_page("c02-22.jpg")))
    assert page.dpi == 150 and not page.warnings and not page.blank


def test_an_image_without_a_resolution_is_not_assumed_200_dpi_nor_made_worse(tmp_path: Path) -> None:
    scan = real_page("va4_2.jpg")  # 572 x 960 px, no resolution field: a whole letter at ~82 dpi
    raw = _only(scan)
    assert 70 < raw.dpi < 95
    page = process_page(raw)
    # The page keeps its real size (572 px at ~82 dpi is 7 inches wide, not 2.9 at 200 dpi), its
    # text is thresholded at twice the resolution (diacritics keep their shape), the seal stays a
    # picture, and the official is told why it may read poorly, naming the file.
    assert abs(page.width_px / page.dpi - 572 / raw.dpi) < 0.01
    assert (page.width_px, page.height_px) == (1144, 1920) and page.image is not None
    [(kind, params)] = page.warnings
    assert kind == "capture.resolution_too_low" and params["source"] == "va4_2.jpg"
    out = tmp_path / "letter.pdf"
    assert write_pdf([page], out).bytes < scan.stat().st_size / 2


def test_the_same_low_resolution_image_inside_a_pdf_is_treated_as_the_file(tmp_path: Path) -> None:
    scan = real_page("va4_2.jpg")
    pdf = tmp_path / "letter.pdf"
    with Image.open(scan) as image:
        image.convert("RGB").save(pdf, resolution=82.0)
    inside, alone = process_page(_only(pdf)), process_page(_only(scan))
    assert abs(inside.width_px - alone.width_px) <= 4 and abs(inside.height_px - alone.height_px) <= 4
    assert abs(inside.dpi - alone.dpi) < 2
    assert [kind for kind, _params in inside.warnings] == ["capture.resolution_too_low"]


def test_a_phone_photo_without_camera_tags_is_taken_as_a_photo() -> None:
    raw = _only(real_page("ph_cell_pic.jpg"))  # 2988 x 5312 px, "96 dpi", no EXIF camera tags
    assert raw.photographed
    page = process_page(raw)
    assert "paper found and flattened" in page.notes and not page.warnings
    assert page.height_px < 5312 * 200 / 454  # flattened to the sheet, not the whole frame


def test_a_receipt_photo_is_kept() -> None:
    page = process_page(_only(real_page("ph_receipt.jpg")))
    assert not page.blank and page.width_px > 500


def test_a_photo_whose_sheet_is_not_found_keeps_its_proportions() -> None:
    raw = _only(real_page("ph_boston_cooking_a.jpg"), photographed=True)
    page = process_page(raw)
    assert "paper edges not found: the whole frame is taken as the sheet" in page.notes
    aspect = max(page.width_px, page.height_px) / min(page.width_px, page.height_px)
    assert abs(aspect - 3264 / 2448) < 0.01  # not stretched to A4's 1.414


def test_a_page_tagged_2400_dpi_is_not_shrunk_to_a_blank_stamp(tmp_path: Path) -> None:
    tagged = tmp_path / "typed.tif"
    with Image.open(real_page("va1-p1.tif")) as image:  # a typed letter, 1660 x 2342 px
        image.save(tagged, compression="group4", dpi=(2400, 2400))
    page = process_page(_only(tagged))
    assert not page.blank and page.width_px >= 1600
    assert round(page.dpi) == 200


def test_a_dark_picture_is_not_cropped_as_a_scanner_margin() -> None:
    with Image.open(real_page("8071_093.3B.tif")) as image:  # the magazine's halftone photo
        picture = image.convert("L").crop((200, 1100, 700, 2100))
    page = process_page(RawPage(picture, 300, "file:picture.tif"))
    assert (page.width_px, page.height_px) == (500, 1000)


def test_black_scanner_bands_of_a_magazine_page_are_cropped() -> None:
    raw = _only(real_page("8071_093.3B.tif"))  # 3312 x 2550, black bands at the bottom and right
    page = process_page(raw, "bw")
    ink = np.asarray(page.mask) == 0
    assert page.height_px < 2300 and page.width_px < 3280
    assert ink[-5:].mean() < 0.5 and ink[:, -5:].mean() < 0.5  # no black band left at the edges


def test_covered_share_counts_overlapping_regions_once() -> None:
    box = (0, 0, 400, 300)
    assert modes.covered_share([box, box, (100, 100, 300, 200)], (300, 400)) == 1.0
    assert geometry.page_dpi(1654, 2339, None)[0] == 2339 / geometry.A4_LONG_INCH
