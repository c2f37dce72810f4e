"""list_search: what the Hồ sơ page runs when an official types a search, over a generated store.

One sample = check the filter, resolve the search (full-text index of code parts, ID numbers and
names, plus the scanned-page text index), count the matches and read the first block of 50 rows (twice what the window shows)
with their sync states and colours — the whole store-lane work between a pause in typing and the
list showing. The due boundaries are computed once, as the page keeps them for a minute. The
queries are names (full, partial, unaccented, upper case), ID numbers (whole and first digits),
dossier codes (whole and their date-number tail), and misses. Target: p95 ≤ 30 ms.

`--filters` also times the filter choices (status, due windows, procedure, channel, official,
dates, sync state and combinations) and reports them as a second object, `list_filter`.

    python -m bench.list_search [--count 500000] [--filters]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench._common import report
from bench.startup import PASSWORD, ensure_store

DEFAULT_DIR = Path("/tmp/motcua-bench/list")
PAGE_ROWS = 50  # the list model's first block (ui/models/dossier_list_model.py BLOCK)


def open_bench_store(folder: Path, count: int) -> Any:
    from app.paths import data_paths
    from app.store.service import open_store

    ensure_store(folder, count)
    return open_store(data_paths(folder), username="admin", password=PASSWORD)


def open_from_arguments(parser: argparse.ArgumentParser, *, count: int) -> tuple[argparse.Namespace, Any]:
    """Parse `--count` and `--data-dir` (with the caller's own options) and open that store."""
    parser.add_argument("--count", type=int, default=count)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DIR)
    args = parser.parse_args()
    return args, open_bench_store(args.data_dir / str(args.count), args.count)


def search_terms(session: Any) -> list[str]:
    """Realistic searches drawn from the store itself (seeded, so every run asks the same)."""
    import random

    from sqlalchemy import text

    from app.text import fold

    rng = random.Random(7)
    rows = session.execute(text(
        "SELECT d.code, a.full_name, a.id_number FROM dossiers d JOIN applicants a ON a.id = d.applicant_id "
        "WHERE d.rowid % 997 = 0 LIMIT 40")).all()
    terms: list[str] = []
    for code, name, id_number in rows:
        choice = rng.randrange(7)
        if choice == 0:
            terms.append(name)  # as printed
        elif choice == 1:
            terms.append(fold(name))  # typed without accents
        elif choice == 2:
            terms.append(" ".join(name.split()[1:]).upper())  # middle and given name, caps lock
        elif choice == 3:
            terms.append(id_number)
        elif choice == 4:
            terms.append(id_number[:6])  # the first digits, still typing
        elif choice == 5:
            terms.append(code)  # read from the receipt's QR
        else:
            terms.append(code.split("-", 1)[1])  # date and number, as said over the counter
    terms += ["nguyen", "tran thi", "le van h", "Phạm Thị Hoa", "khong co ai ten nay", "999999999999"]
    return terms


def filters(session: Any) -> list[Any]:
    from sqlalchemy import select

    from app.reception.listing import ListFilter
    from app.store.models import ProcedureVersion

    procedure = session.scalar(select(ProcedureVersion.code).limit(1))
    today = date.today()
    return [ListFilter(statuses=("DA_TIEP_NHAN",)), ListFilter(statuses=("DANG_XU_LY",)),
            ListFilter(due="overdue"), ListFilter(due="today"), ListFilter(due="1"), ListFilter(due="3"),
            ListFilter(channel="community"), ListFilter(procedure=procedure),
            ListFilter(received_from=today - timedelta(days=30), received_to=today),
            ListFilter(sync_state="waiting"), ListFilter(sort="due"), ListFilter(sort="code"),
            ListFilter(due="overdue", official="admin"), ListFilter(statuses=("DA_TRA",)),
            ListFilter(search="nguyen", statuses=("DANG_XU_LY",)), ListFilter(official="admin")]


def time_queries(store: Any, wanted: list[Any], rounds: int) -> list[tuple[float, int, float]]:
    """(seconds, matches, CPU seconds of this process) per query per round. On a shared machine
    the wall clock also counts the time other processes held the cores; the CPU time does not."""
    from app.reception.listing import count_dossiers, list_boundaries, list_page, prepare

    with store.read_session() as session:
        boundaries = list_boundaries(session)
    samples = []
    for _ in range(rounds):
        for list_filter in wanted:
            start, start_cpu = time.perf_counter(), time.process_time()
            with store.read_session() as session:
                query = prepare(session, list_filter, boundaries)
                total = count_dossiers(session, query)
                list_page(session, query, 0, PAGE_ROWS, total)
            samples.append((time.perf_counter() - start, total, time.process_time() - start_cpu))
    return samples


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> int:
    from app.reception.listing import ListFilter

    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--filters", action="store_true")
    args, store = open_from_arguments(parser, count=100_000)
    try:
        with store.read_session() as session:
            terms = search_terms(session)
            choices = filters(session)
        time_queries(store, [ListFilter(search=t) for t in terms[:5]], 1)  # warm the page cache once
        samples = time_queries(store, [ListFilter(search=t) for t in terms], args.rounds)
        seconds = [s for s, _, _ in samples]
        cpu = [c for _, _, c in samples]
        report("list_search", unit="ms", samples=[s * 1000 for s in seconds], target=None,
               p95_ms=round(p95(seconds) * 1000, 2), target_p95_ms=30, meets_target=p95(seconds) <= 0.030,
               cpu_p95_ms=round(p95(cpu) * 1000, 2), cpu_median_ms=round(statistics.median(cpu) * 1000, 2),
               load_average=round(os.getloadavg()[0], 2), dossiers=args.count, queries=len(terms),
               rounds=args.rounds, matches_max=max(n for _, n, _ in samples), data="generated (bench.synthetic)")
        if args.filters:
            samples = time_queries(store, choices, args.rounds)
            seconds = [s for s, _, _ in samples]
            per = {}
            for index, list_filter in enumerate(choices):
                mine = [samples[r * len(choices) + index] for r in range(args.rounds)]
                label = ",".join(f"{k}={v}" for k, v in vars(list_filter).items()
                                 if v not in ("", (), None, True, "received"))
                per[label] = {"median_ms": round(statistics.median(s for s, _, _ in mine) * 1000, 1),
                              "matches": mine[0][1]}
            report("list_filter", unit="ms", samples=[s * 1000 for s in seconds], target=None,
                   p95_ms=round(p95(seconds) * 1000, 2), dossiers=args.count, per_filter=per,
                   data="generated (bench.synthetic)")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
