"""Payments at the desk: VietQR transfer codes and the NAPAS bank list behind them."""

from app.payments.banks import (
    Bank,
    find_bank,
    load_banks,
)
from app.payments.vietqr import (
    build_vietqr,
    crc16_ccitt_false,
    parse_emv,
    verify_crc,
    vietqr_png,
)

__all__ = [
    "Bank",
    "build_vietqr",
    "crc16_ccitt_false",
    "find_bank",
    "load_banks",
    "parse_emv",
    "verify_crc",
    "vietqr_png",
]
