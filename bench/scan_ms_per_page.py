"""Processing time per page: `process_page` (auto mode) + encoding into the PDF, on the reference set.

Measures what the desk waits for between "page scanned" and "page ready": geometry, light,
blank check, mode choice and layers, and the G4/JPEG encoding of `write_pdf`. OCR is not
included (it runs in the background). Target: <= 500 ms per page on the 2-core reference VM.
Run: python -m bench.scan_ms_per_page
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from app.capture.pages import RawPage
from app.capture.pdfa import write_pdf
from app.capture.pipeline import process_page
from app.capture.specimens import specimen_set
from bench._common import report

ROUNDS = 3


def main() -> None:
    specs = specimen_set(seed=0, dpi=200)
    samples: list[float] = []
    per_page: dict[str, list[float]] = {spec.name: [] for spec in specs}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(ROUNDS):
            for spec in specs:
                kind = "id_card" if spec.name.startswith("id_card") else "document"
                raw = RawPage(spec.image, spec.dpi, spec.name, kind=kind,
                              photographed="perspective" in spec.features)
                start = time.perf_counter()
                page = process_page(raw)
                write_pdf([page], Path(folder) / "page.pdf")
                elapsed = (time.perf_counter() - start) * 1000
                samples.append(elapsed)
                per_page[spec.name].append(elapsed)
    report("scan_ms_per_page", unit="ms", samples=samples, target=500.0,
           what="process_page + write_pdf per page, auto mode, no OCR",
           per_page_median_ms={name: round(statistics.median(v), 1) for name, v in per_page.items()})


if __name__ == "__main__":
    main()
