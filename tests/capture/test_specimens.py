"""Generated test pages: deterministic, A4, NFC ground truth, declared features, valid CCCD QR."""

from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from app.capture.specimens import FEATURES
from app.capture.specimens import Specimen
from app.capture.specimens import cccd_payload
from app.capture.specimens import id_card_specimen
from app.capture.specimens import specimen_set
from app.identity.cccd import parse_cccd_qr


def test_pages_are_a4_rgb_with_nfc_vietnamese_truth(specimens: dict[str, Specimen]) -> None:
    assert set(specimens) == {"plain", "seal_signature", "tilt", "noise", "phone_photo", "id_card"}
    for name, page in specimens.items():
        assert page.image.mode == "RGB"
        assert page.features <= FEATURES
        assert unicodedata.is_normalized("NFC", page.text)
        if "photo" not in page.features:  # a photo is larger than the page it shows
            width_mm, height_mm = (25.4 * side / page.dpi for side in page.image.size)
            assert abs(width_mm - 210) < 1 and abs(height_mm - 297) < 1, name
    plain = specimens["plain"].text
    assert plain.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in plain


def test_each_spoiled_page_says_what_was_done(specimens: dict[str, Specimen]) -> None:
    assert specimens["plain"].features == frozenset()
    assert specimens["seal_signature"].features == {"seal", "signature"}
    assert specimens["tilt"].features == {"tilt"}
    assert specimens["noise"].features == {"noise"}
    assert specimens["phone_photo"].features == {"perspective", "photo"}
    assert "qr" in specimens["id_card"].features and specimens["id_card"].dpi == 300


def test_seal_is_red_and_signature_blue(specimens: dict[str, Specimen]) -> None:
    seal_page = specimens["seal_signature"].image
    colours = seal_page.getcolors(maxcolors=1 << 24) or []
    red = sum(n for n, (r, g, b) in colours if r > 150 and g < 110 and b < 110)
    blue = sum(n for n, (r, g, b) in colours if b > 120 and r < 90 and g < 110)
    assert red > 2000 and blue > 300
    plain_colours = specimens["plain"].image.getcolors(maxcolors=1 << 24) or []
    assert all(r == g == b for _, (r, g, b) in plain_colours)  # print only: black on white


def test_same_seed_same_pages_other_seed_other_text() -> None:
    first = specimen_set(3, dpi=100)
    again = specimen_set(3, dpi=100)
    other = specimen_set(4, dpi=100)
    assert [p.text for p in first] == [p.text for p in again]
    assert all(a.image.tobytes() == b.image.tobytes() for a, b in zip(first, again))
    assert first[0].text != other[0].text
    assert first[-1].dpi == 300  # ID cards are never below 300 dpi


def test_id_card_page_carries_its_payload() -> None:
    card = id_card_specimen(7, tilt_degrees=0.0, noisy=False)
    assert card.qr_payload == cccd_payload(7)
    assert card.features == {"qr"}
    record = parse_cccd_qr(card.qr_payload)
    assert record.full_name in card.text and record.id_number in card.text


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_cccd_payloads_parse(seed: int) -> None:
    record = parse_cccd_qr(cccd_payload(seed), today=date(2026, 11, 24))
    assert date(2021, 1, 1) <= record.issue_date <= date(2024, 6, 30)
