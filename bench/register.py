"""Benchmark: seconds to write a month's tracking register (5,000 dossiers) to PDF, Excel and CSV.

Each sample is what `motcua register` does after opening the store: read the month from the
encrypted store (app/register/rows.py), render it, and write the file crash-safely. The data is
GENERATED (bench/synthetic.py: Vietnamese names and addresses, the built-in catalogue, statuses
that follow the state machine), 5,000 dossiers received over the 30 days of November 2026,
optionally inside a larger store (`--background N` more dossiers over the two years before).
Target: 3 s for PDF and for Excel (issue 11). The month's report (`motcua report`) is timed too.

    python -m bench.register [--rows 5000] [--background 0] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from app.desk_setup import create_desk
from app.paths import data_paths
from app.register.export import export_register
from app.reports.figures import compute_report
from app.reports.period import make_period
from bench._common import report
from bench.synthetic import fill_store

MONTH = make_period(date(2026, 11, 1), date(2026, 11, 30))
TARGET_SECONDS = 3.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--background", type=int, default=0, help="dossiers received before the month")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("MOTCUA_KDF_PROFILE", "test")  # sign-in cost is not what is measured
    folder = Path(tempfile.mkdtemp(prefix="motcua-bench-register-"))
    try:
        store, _ = create_desk(data_paths(folder / "data"), unit_code="000.00.06.H56",
                               unit_name="Trung tâm Phục vụ hành chính công xã Tân Lập",
                               admin_username="admin",
                               admin_full_name="Nguyễn Văn Quản Trị", admin_password="bench-password")
        try:
            if args.background:
                fill_store(store, args.background, seed=2, days=700, today=MONTH.start)
            fill_store(store, args.rows, seed=1, days=MONTH.day_count, today=date(2026, 12, 1))
            for suffix in (".pdf", ".xlsx", ".csv"):
                _measure(store, folder / f"so-theo-doi{suffix}", args)
            _measure_report(store, args)
        finally:
            store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _measure(store: object, out: Path, args: argparse.Namespace) -> None:
    """Wall-clock seconds per sample (the figure the target is about), with the process's CPU
    seconds and the machine's load beside them: on a shared machine the wall clock also counts
    the time other processes held the cores."""
    samples, cpu = [], []
    rows = 0
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        with store.read_session() as session:  # type: ignore[attr-defined]
            _, rows = export_register(session, MONTH, out)
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    report(f"register_{out.suffix.lstrip('.')}", unit="s", samples=samples,
           target=TARGET_SECONDS if out.suffix in (".pdf", ".xlsx") else None,
           rows=rows, background_dossiers=args.background, file_bytes=out.stat().st_size,
           mean=round(statistics.mean(samples), 3), cpu_median=round(statistics.median(cpu), 3),
           load_average=round(os.getloadavg()[0], 2), data="generated (bench/synthetic.py)")


def _measure_report(store: object, args: argparse.Namespace) -> None:
    """The Báo cáo page's figures for the same month (`motcua report`), for orientation."""
    samples, cpu = [], []
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        with store.read_session() as session:  # type: ignore[attr-defined]
            report_ = compute_report(session, MONTH)
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    report("report_month", unit="s", samples=samples, target=None, received=report_.received,
           returned=report_.returned, background_dossiers=args.background,
           cpu_median=round(statistics.median(cpu), 3), load_average=round(os.getloadavg()[0], 2),
           data="generated (bench/synthetic.py)")


if __name__ == "__main__":
    main()
