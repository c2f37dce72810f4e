"""list_pages and list_memory: the Hồ sơ list in the real desk window over a generated store.

In one process, as an official uses it: the main window (offscreen) with the Hồ sơ page, its
model on the real store lane (threaded TaskRunner). Timed:

- first page: from asking for the list (what the page does on a filter change) until the count
  and the first block of rows is in the model (`loaded`);
- jump to the end (Ctrl+End): from asking for the last row until its block is in the view
  (`dataChanged`).
Target for both: ≤ 100 ms. Then the list is scrolled to 40 places spread over the whole store
and the process's resident memory is read from /proc (VmRSS now, VmHWM peak). Target: ≤ 300 MB.

`--sort applicant` (or procedure, due, code, status) times the same with the list sorted by that
column, as after a header click; each run alternates ascending and descending.

    python -m bench.list_pages [--count 500000] [--runs 9] [--sort received]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from bench._common import report
from bench.list_search import DEFAULT_DIR, open_bench_store


def memory_mb() -> dict[str, float]:
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = round(int(rest.split()[0]) / 1024, 1)
    return values


def wait(app: Any, until: Any, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not until():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the list did not answer in time")
        time.sleep(0.0005)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--sort", default="received")
    args = parser.parse_args()
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.reception.listing import ListFilter
    from ui.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    store = open_bench_store(args.data_dir / str(args.count), args.count)
    app = QApplication(sys.argv)
    translators = install_translators(app, "vi")  # noqa: F841 - kept alive for the run
    runner = TaskRunner()
    window = MainWindow(store, store.paths, runner)
    window.show()
    window.start()  # as at sign-in: every page loads, warnings are checked, the sync thread runs
    window.show_page("dossiers")
    model = window.dossiers_page.model
    firsts, ends = [], []
    try:
        for run in range(args.runs + 1):
            counted: list[int] = []
            model.loaded.connect(counted.append)
            start = time.perf_counter()
            # A new filter each time (no reuse): the order flips, as a second header click does.
            model.set_filter(ListFilter(sort=args.sort, descending=run % 2 == 0))
            wait(app, lambda: bool(counted))
            first = time.perf_counter() - start
            model.loaded.disconnect(counted.append)
            last = model.rowCount() - 1
            start = time.perf_counter()
            model.item_at(last)
            wait(app, lambda: model.item_at(last) is not None)
            end = time.perf_counter() - start
            window.dossiers_page.table.scrollToBottom()
            app.processEvents()
            if run:  # the first run opens connections and warms the cache, as at sign-in
                firsts.append(first)
                ends.append(end)
        total = model.rowCount()
        for place in range(40):
            row = place * (total - 1) // 39
            window.dossiers_page.table.scrollTo(model.index(row, 0))
            model.item_at(row)
            wait(app, lambda r=row: model.item_at(r) is not None)
        app.processEvents()
        memory = memory_mb()
    finally:
        window.close()
        runner.shutdown(wait=True)
    load = round(os.getloadavg()[0], 2)
    report("list_first_page", unit="ms", samples=[s * 1000 for s in firsts], target=100, dossiers=total,
           sort=args.sort, load_average=load, data="generated (bench.synthetic)")
    report("list_jump_to_end", unit="ms", samples=[s * 1000 for s in ends], target=100, dossiers=total,
           sort=args.sort, load_average=load, data="generated (bench.synthetic)")
    report("list_memory", unit="MB", samples=[memory["VmRSS"]], target=300, peak_mb=memory["VmHWM"],
           dossiers=total, blocks_kept=len(model._blocks), data="generated (bench.synthetic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
