"""Benchmark: OCR word accuracy and seconds per page on the generated Vietnamese pages.

Pages: `specimen_set(seed, 200)` for a few seeds — the clean page, the page with a red seal and
a blue signature, the page tilted 1.7° and the noisy recycled-paper page, i.e. what a flatbed
or feeder delivers. The phone photo is reported apart (`phone_photo_raw`): it is meant to be
OCR'd only after page detection has flattened it. Accuracy is `app.capture.accuracy.
word_accuracy` (1 - word error rate). Targets: ≥ 98 % words, ≤ 2 s per page (one thread).
"""

from __future__ import annotations

import statistics
import sys
import time

from app.capture.accuracy import word_accuracy
from app.capture.ocr import recognise
from app.capture.specimens import specimen_set
from bench._common import report

SCANNED = ("plain", "seal_signature", "tilt", "noise")
ACCURACY_TARGET = 0.98
SECONDS_TARGET = 2.0


def main(seeds: int = 3) -> dict[str, object]:
    accuracies: list[float] = []
    seconds: list[float] = []
    per_page: dict[str, list[float]] = {}
    for seed in range(seeds):
        for page in specimen_set(seed, 200):
            if page.name not in SCANNED and page.name != "phone_photo":
                continue
            start = time.perf_counter()
            found = recognise(page.image, page.dpi)
            elapsed = time.perf_counter() - start
            accuracy = word_accuracy(page.text, found.text)
            key = page.name if page.name in SCANNED else "phone_photo_raw"
            per_page.setdefault(key, []).append(round(accuracy, 4))
            if page.name in SCANNED:
                accuracies.append(accuracy)
                seconds.append(elapsed)
    return report(
        "ocr_accuracy", unit="word_accuracy", samples=accuracies, target=ACCURACY_TARGET,
        lower_is_better=False, mean_accuracy=round(statistics.mean(accuracies), 4),
        seconds_per_page_median=round(statistics.median(seconds), 3),
        seconds_per_page_max=round(max(seconds), 3), seconds_target=SECONDS_TARGET,
        meets_seconds_target=statistics.median(seconds) <= SECONDS_TARGET,
        per_page=per_page, dpi=200, pages=len(accuracies), lang="vie (tessdata_fast 4.1.0)",
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
