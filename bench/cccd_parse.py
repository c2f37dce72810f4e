"""Benchmark: microseconds per `parse_cccd_qr` call on realistic wedge-reader payloads.

Each payload is a full 7-field chip-ID QR with a long Vietnamese address, arriving the way a
keyboard-wedge reader types it: NFD diacritics in half of them, a CR/LF or TAB suffix, some
with spaces around the separators. Target: 50 µs per parse.
"""

from __future__ import annotations

import itertools
import random
import unicodedata
from datetime import date

from app.identity import (
    looks_like_cccd_qr,
    parse_cccd_qr,
)
from bench._common import (
    report,
    time_per_call,
)

TODAY = date(2026, 6, 1)
NAMES = ["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Phúc", "Phạm Thị Thu Hương", "Đặng Quốc Việt"]
ADDRESSES = [
    "Số 12, ngõ 34 Phố Huế, Phường Phạm Đình Hổ, Quận Hai Bà Trưng, Hà Nội",
    "Thôn Đông Yên, Xã Quảng Phú, Huyện Quảng Điền, Thừa Thiên Huế",
    "Ấp Bình Thạnh, Xã Mỹ Hiệp, Huyện Cao Lãnh, Đồng Tháp",
    "Tổ 5, Khu phố 3, Phường Tân Phong, Thành phố Biên Hòa, Đồng Nai",
]
SUFFIXES = ["\r\n", "\n", "\r", "\t"]


def payloads(count: int, seed: int = 2026) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        year = rng.randrange(1940, 2008)
        female = rng.random() < 0.5
        code = 2 * ((year - 1900) // 100) + female
        province = rng.choice(["001", "031", "046", "079", "087"])
        number = f"{province}{code}{year % 100:02d}{rng.randrange(10**6):06d}"
        old = f"{rng.randrange(10**9):09d}" if rng.random() < 0.7 else ""
        fields = [
            number,
            old,
            rng.choice(NAMES),
            f"{rng.randrange(1, 29):02d}{rng.randrange(1, 13):02d}{year}",
            "Nữ" if female else "Nam",
            rng.choice(ADDRESSES),
            f"{rng.randrange(1, 29):02d}{rng.randrange(1, 13):02d}{rng.randrange(2021, 2025)}",
        ]
        text = (" | " if rng.random() < 0.2 else "|").join(fields) + rng.choice(SUFFIXES)
        out.append(unicodedata.normalize("NFD", text) if rng.random() < 0.5 else text)
    return out


def main() -> None:
    mix = payloads(2000)
    for text in mix:  # every payload must be valid, or the figure would time the error path
        if not looks_like_cccd_qr(text):
            raise SystemExit("benchmark payload not recognised by looks_like_cccd_qr")
        parse_cccd_qr(text, today=TODAY)
    feed = itertools.cycle(mix)

    def one_call() -> None:
        parse_cccd_qr(next(feed), today=TODAY)

    seconds = time_per_call(one_call, repeat=7, number=20000)
    report("cccd_parse", unit="us", samples=[s * 1e6 for s in seconds], target=50.0,
           cases=len(mix), calls_per_sample=20000)


if __name__ == "__main__":
    main()
