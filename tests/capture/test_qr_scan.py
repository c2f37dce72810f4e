"""Chip-ID QR found on scanned pages and handed to the CCCD parser; other QR codes ignored."""

from __future__ import annotations

import pytest
import qrcode
from PIL import Image

from app.capture.qr_scan import find_cccd_qr
from app.capture.qr_scan import find_qr_texts
from app.capture.specimens import Specimen
from app.capture.specimens import id_card_specimen
from app.errors import InputError
from app.identity.cccd import parse_cccd_qr


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_card_qr_is_found_on_a_300_dpi_page(seed: int) -> None:
    page = id_card_specimen(seed)
    payload = find_cccd_qr(page.image)
    assert payload == page.qr_payload
    assert parse_cccd_qr(payload).full_name in page.text  # the applicant's name, prefilled


def test_cropped_card_and_grey_scan_are_read(specimens: dict[str, Specimen]) -> None:
    page = specimens["id_card"]
    assert find_cccd_qr(page.image.convert("L")) == page.qr_payload
    small = page.image.crop((0, 0, page.image.width, page.image.height // 2)).reduce(2)
    assert max(small.size) < 1600  # takes the full-resolution path
    assert find_cccd_qr(small) == page.qr_payload


def test_pages_without_a_card_qr_give_none(specimens: dict[str, Specimen]) -> None:
    assert find_cccd_qr(specimens["plain"].image) is None
    receipt = Image.new("RGB", (1200, 1600), "white")
    receipt.paste(qrcode.make("https://dichvucong.gov.vn/tra-cuu?ma=000.00.06.H56-261123-0001")
                  .get_image().convert("RGB"), (100, 100))
    assert find_cccd_qr(receipt) is None  # a receipt QR is not an ID card
    assert find_qr_texts(receipt) == ["https://dichvucong.gov.vn/tra-cuu?ma=000.00.06.H56-261123-0001"]


def test_not_an_image_is_refused() -> None:
    with pytest.raises(InputError, match="PIL image"):
        find_cccd_qr("0010...|")  # type: ignore[arg-type]


def test_a_2024_card_qr_is_found_and_read_on_a_scanned_page() -> None:
    """Cards issued since 07/2024 carry 11 fields; the scan path hands them on like the old ones."""
    payload = "001190012345|123456789|Nguyễn Thị Lan|15031990|Nữ|Số 5, thôn Đông, Hà Nội|02082024||||"
    page = Image.new("RGB", (2480, 3508), "white")  # A4 at 300 dpi
    page.paste(qrcode.make(payload, box_size=4).get_image().convert("RGB"), (1700, 300))
    found = find_cccd_qr(page)
    assert found == payload
    assert parse_cccd_qr(found).full_name == "Nguyễn Thị Lan"
