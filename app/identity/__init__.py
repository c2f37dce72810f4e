"""Citizen identity documents: the chip-ID (CCCD) QR payload and birth-province codes."""

from app.identity.cccd import (
    CccdParseError,
    CccdRecord,
    check_id_number,
    looks_like_cccd_qr,
    mask_id_number,
    parse_cccd_qr,
)
from app.identity.provinces import (
    load_provinces,
    province_name,
)

__all__ = [
    "CccdParseError",
    "CccdRecord",
    "check_id_number",
    "load_provinces",
    "looks_like_cccd_qr",
    "mask_id_number",
    "parse_cccd_qr",
    "province_name",
]
