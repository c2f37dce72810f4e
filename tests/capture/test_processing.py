"""Page processing on the generated reference pages: geometry, light, blank pages, modes, dpi floors."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from app.capture import blank, geometry, light, modes
from app.capture.pages import RawPage
from app.capture.pipeline import process_page, process_pages
from app.errors import InputError
from tests.capture.scan_support import raw_of, red_pixels, specimens


def _plain_gray() -> Image.Image:
    return specimens()["plain"].image.convert("L")


@pytest.mark.parametrize("tilt", [0.0, 0.35, -0.7, 2.5, -6.0])
def test_deskew_finds_sub_degree_tilt(tilt: float) -> None:
    tilted = np.asarray(_plain_gray().rotate(tilt, resample=Image.BICUBIC, fillcolor=255))
    assert geometry.estimate_skew(tilted) == pytest.approx(-tilt, abs=0.06)


def test_deskew_correction_levels_the_page() -> None:
    tilted = np.asarray(_plain_gray().rotate(1.3, resample=Image.BICUBIC, fillcolor=255))
    corrected = geometry.rotate(tilted, geometry.estimate_skew(tilted))
    assert abs(geometry.estimate_skew(corrected)) <= 0.05


def test_tilted_specimen_is_straightened() -> None:
    page = process_page(raw_of("tilt"))
    assert page.skew_degrees == pytest.approx(-1.7, abs=0.1)
    assert page.mode == "bw"


def test_plain_text_page_is_black_and_white() -> None:
    page = process_page(raw_of("plain"))
    assert (page.mode, page.image, page.blank) == ("bw", None, False)
    assert page.mask is not None and page.mask.mode == "1"
    assert (page.width_px, page.height_px, page.dpi) == (1654, 2339, 200)


def test_noisy_page_is_still_black_and_white() -> None:
    page = process_page(raw_of("noise"))
    assert page.mode == "bw"
    ink = 1 - np.asarray(page.mask, dtype=np.uint8).mean()
    assert ink < 0.08  # paper noise did not turn into black specks all over


def test_seal_and_signature_page_keeps_them_in_colour() -> None:
    page = process_page(raw_of("seal_signature"))
    assert page.mode == "mixed"
    # The seal is kept in its tones in the picture layer (white but for it), not as a flat ink.
    assert page.mask is not None and page.image is not None
    assert all(shape.size == (page.width_px, page.height_px) for _colour, shape in page.inks)
    picture = np.asarray(page.image.convert("RGB"))
    assert (picture.min(axis=2) > 245).mean() > 0.9 and red_pixels(picture).sum() > 200
    shown = np.asarray(modes.render(page).convert("RGB"))
    assert red_pixels(shown).sum() > 2000  # the seal is red, not black
    blue = (shown[..., 2].astype(int) - shown[..., 0] > 60)
    assert blue.sum() > 200  # the signature is still blue


def test_phone_photo_is_found_and_flattened_to_a4() -> None:
    page = process_page(raw_of("phone_photo"))
    assert (page.width_px, page.height_px, page.dpi) == (1654, 2339, 200)
    assert "paper found and flattened" in page.notes
    assert page.mode == "bw"
    assert abs(page.skew_degrees) < 1.0


def test_paper_corners_found_in_a_photo() -> None:
    photo = np.asarray(specimens()["phone_photo"].image.convert("RGB"))
    corners = geometry.find_paper(photo)
    assert corners is not None
    width, height = geometry.quad_size(corners)
    assert height / width == pytest.approx(geometry.A4_ASPECT, rel=0.06)


def test_id_card_is_cut_out_and_kept_in_colour() -> None:
    page = process_page(raw_of("id_card"))
    assert page.mode == "color" and page.image is not None
    # ID-1 card at 300 dpi: 85.6 x 54 mm -> 1011 x 638 px.
    assert page.width_px == pytest.approx(1011, rel=0.05)
    assert page.height_px == pytest.approx(638, rel=0.05)


def test_grey_for_ocr_is_handed_over_before_the_layers_are_cut() -> None:
    # scan2pdf --ocr starts reading here, so OCR runs on one core while the other cuts layers.
    seen: list[tuple[object, object, bool]] = []
    page = process_page(raw_of("seal_signature"),
                        grey_ready=lambda p: seen.append((p.grey, p.mask, p.blank)))
    assert len(seen) == 1
    grey, mask, blank_then = seen[0]
    assert grey is page.grey and grey is not None and mask is None and page.mask is not None
    assert blank_then is page.blank is False
    # Cards have no separate grey image (OCR reads their colour layer once it is cut).
    cards: list[object] = []
    process_page(raw_of("id_card"), grey_ready=cards.append)
    assert cards == []


def test_light_normalisation_whitens_paper_and_keeps_red_red() -> None:
    h, w = 600, 1600  # 20 cm at 200 dpi, light falling off by 35 % like a phone photo's
    falloff = np.linspace(0.65, 1.0, w, dtype=np.float32)[None, :, None]
    page = np.full((h, w, 3), (235, 225, 200), np.float32) * falloff
    page[250:290, 150:250] = (200, 30, 40)  # a red mark
    page[100:104, 50:1550] = (20, 20, 20)  # a text line
    out = light.normalise(page.astype(np.uint8))
    paper = out[400:, :].reshape(-1, 3)
    assert paper.min() > 235
    r, g, b = out[270, 200].astype(int)
    assert r > 150 and r - g > 100 and r - b > 100
    assert out[102, 200].max() < 60


def test_blank_detection() -> None:
    rng = np.random.default_rng(1)
    empty = np.clip(rng.normal(250, 3, (2339, 1654)), 0, 255).astype(np.uint8)
    assert blank.is_blank(empty, 200)
    written = Image.fromarray(empty)
    ImageDraw.Draw(written).text((800, 1200), "Đã ký", fill=0, font_size=40)
    assert not blank.is_blank(np.asarray(written), 200)


def test_blank_page_is_marked_blank() -> None:
    page = process_page(RawPage(Image.new("RGB", (1654, 2339), (246, 244, 238)), 200, "blank"))
    assert page.blank and page.mode == "bw"


def test_document_below_150_dpi_is_kept_with_a_warning_naming_its_source() -> None:
    small = specimens()["plain"].image.resize((827, 1170))
    page = process_page(RawPage(small, 100, "file:low.jpg"))
    # Kept, its 1-bit text drawn at twice the resolution so the strokes keep their shape.
    assert (page.width_px, page.height_px, page.dpi) == (1654, 2340, 200)
    assert page.warnings == [("capture.resolution_too_low", {"source": "low.jpg", "page": 1, "dpi": 100,
                                                             "floor": 200})]


def test_id_card_below_300_dpi_is_kept_with_a_warning() -> None:
    page = process_page(RawPage(Image.new("RGB", (500, 320), "white"), 250, "card", kind="id_card"))
    assert [kind for kind, _params in page.warnings] == ["capture.resolution_too_low"]


def test_high_dpi_document_is_resampled_to_the_ceiling() -> None:
    image = specimens()["plain"].image.crop((0, 0, 800, 600)).resize((2400, 1800))
    page = process_page(RawPage(image, 600, "file:fine.tif"))
    assert (page.dpi, page.width_px, page.height_px) == (300, 1200, 900)
    assert any("resampled from 600 to 300 dpi" in note for note in page.notes)


def test_orientation_callback_turns_the_page() -> None:
    seen: list[tuple[int, int]] = []

    def orient(image: Image.Image) -> int:
        seen.append(image.size)
        return 90

    page = process_page(raw_of("plain"), orient=orient)
    assert seen == [(1654, 2339)]
    assert (page.rotation, page.width_px, page.height_px) == (90, 2339, 1654)


@pytest.mark.parametrize("mode,layer_mode", [("gray", "L"), ("color", "RGB")])
def test_forced_picture_modes(mode: str, layer_mode: str) -> None:
    page = process_page(raw_of("plain"), mode)
    assert page.mode == mode and page.mask is None
    assert page.image is not None and page.image.mode == layer_mode


def test_forced_bw_turns_seal_black() -> None:
    page = process_page(raw_of("seal_signature"), "bw")
    assert page.mode == "bw" and page.image is None


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(InputError, match="mode 'sepia'"):
        process_page(raw_of("plain"), "sepia")


def test_batch_keeps_every_page_and_warns_on_the_low_one() -> None:
    low = RawPage(Image.new("RGB", (600, 800), "white"), 72, "file:screen.png")
    batch = process_pages([raw_of("plain"), low, raw_of("noise")])
    assert [page.source for page in batch.pages] == ["specimen:plain", "file:screen.png", "specimen:noise"]
    assert not batch.problems
    assert [params["dpi"] for _kind, params in batch.pages[1].warnings] == [72]
