"""Catalogue page responsiveness: milliseconds from a keystroke to refreshed results (target 16 ms).

One keystroke on the Danh mục page runs the search, resets the results model (up to 200 rows,
texts pre-formatted), selects the first row and renders its detail pane. Measured offscreen on
2,000 synthetic procedures plus the built-in catalogue, typing "dang ky ket hon" letter by
letter; 16 ms is one frame at 60 Hz, so typing never stutters.

Run: python -m bench.ui_catalog_keystroke
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.catalog.loader import load_catalog_file  # noqa: E402
from app.catalog.search import CatalogIndex  # noqa: E402
from app.paths import resource  # noqa: E402
from bench._common import report  # noqa: E402
from bench.catalog_search import make_versions  # noqa: E402
from ui.pages.catalog import CatalogPage  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

TYPED = "dang ky ket hon"
ROUNDS = 15


def main() -> None:
    app = QApplication.instance() or QApplication([])
    versions = load_catalog_file(resource("catalog", "procedures.yaml")) + make_versions()
    runner = TaskRunner(synchronous=True)
    page = CatalogPage(store=None, runner=runner)
    page.resize(1000, 700)
    page.show()
    page.set_catalog(versions, CatalogIndex(versions))
    app.processEvents()
    samples: list[float] = []
    for _ in range(ROUNDS):
        page.search.clear()
        for end in range(1, len(TYPED) + 1):
            start = time.perf_counter()
            page.run_search(TYPED[:end])
            app.processEvents()  # includes the repaint of the table and detail pane
            samples.append((time.perf_counter() - start) * 1000)
    first = page.model.data(page.model.index(0, 1))
    runner.shutdown()
    report("ui_catalog_keystroke", unit="ms per keystroke", samples=samples, target=16.0,
           procedures=len(versions), typed=TYPED, first_result=first)


if __name__ == "__main__":
    main()
