"""Benchmark: finding the chip-ID QR on a 300-dpi A4 scan — decode rate and milliseconds per page.

Pages: `id_card_specimen(seed)` for 120 seeds — the card lands anywhere on the page, tilted up
to ±3°, half of the pages on noisy paper. Time is `find_cccd_qr` on the page image as a scanner
hands it over (RGB, 2480×3508). Targets: ≤ 30 ms per page (median), ≥ 99 % decoded.
"""

from __future__ import annotations

import sys
import time

from app.capture.qr_scan import find_cccd_qr
from app.capture.specimens import id_card_specimen
from bench._common import report

MS_TARGET = 30.0
RATE_TARGET = 0.99


def main(pages: int = 120) -> dict[str, object]:
    millis: list[float] = []
    decoded = 0
    missed: list[int] = []
    for seed in range(pages):
        page = id_card_specimen(seed)
        start = time.perf_counter()
        found = find_cccd_qr(page.image)
        millis.append((time.perf_counter() - start) * 1000)
        if found == page.qr_payload:
            decoded += 1
        else:
            missed.append(seed)
    rate = decoded / pages
    return report(
        "qr_from_scan", unit="ms_per_page", samples=millis, target=MS_TARGET,
        decode_rate=round(rate, 4), rate_target=RATE_TARGET, meets_rate_target=rate >= RATE_TARGET,
        missed_seeds=missed, pages=pages, dpi=300,
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 120)
