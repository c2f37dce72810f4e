"""report_month: the Báo cáo figures of one month (`motcua report`) over a large generated store.

Opens the list benchmark's store (bench.list_search: 500,000 generated dossiers, 1.7 million
status events) and times `compute_report` for the last whole month of receptions in it. The same
report is then timed inside a transaction that drops the period indexes of revision 0009
(`ix_status_events_at`, `ix_dossiers_returned_at`) and is rolled back: what the report cost
before them, on the same store, in the same minute. Prints two JSON objects, `report_month` and
`report_month_scan`, each with the load average.

    python -m bench.report_month [--count 500000] [--repeat 5] [--data-dir /tmp/motcua-bench/list]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from typing import Any

from bench._common import report
from bench.list_search import open_from_arguments

PERIOD_INDEXES = ("ix_status_events_at", "ix_dossiers_returned_at")


def last_whole_month(session: Any) -> Any:
    from sqlalchemy import func, select

    from app.reports.period import make_period
    from app.store.models import Dossier

    newest = session.scalar(select(func.max(Dossier.received_at)))
    first = (newest.date().replace(day=1) - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return make_period(first, following - timedelta(days=1))


def returns_plan(session: Any, period: Any, tag: str) -> str:
    """SQLite's plan for the report's search of returns among the status events. `tag` makes
    the statement's text differ between runs: the driver caches prepared statements by text,
    and a cached EXPLAIN is not prepared again after an index is dropped."""
    from sqlalchemy import or_, select, text

    from app.reports.figures import RETURN_ACTION, RETURNED_STATUS
    from app.store.models import StatusEvent

    statement = (select(StatusEvent.dossier_id)
                 .where(or_(StatusEvent.action == RETURN_ACTION, StatusEvent.status == RETURNED_STATUS),
                        StatusEvent.at >= period.begins, StatusEvent.at < period.ends)
                 .compile(compile_kwargs={"literal_binds": True}))
    explain = text(f"EXPLAIN QUERY PLAN {statement} /* {tag} */")
    return " / ".join(str(row[-1]) for row in session.execute(explain))


def measure(name: str, session: Any, period: Any, *, repeat: int, count: int, **extra: Any) -> None:
    """Warm the page cache once (as on a desk used daily), time the report, print its object."""
    from app.reports.figures import compute_report

    compute_report(session, period)
    samples, cpu = [], []
    figures = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        figures = compute_report(session, period)
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    assert figures is not None
    report(name, unit="s", samples=samples, target=None, dossiers=count,
           period=f"{period.start:%Y-%m-%d}..{period.end:%Y-%m-%d}", received=figures.received,
           returned=figures.returned, cpu_median=round(statistics.median(cpu), 3),
           returns_plan=returns_plan(session, period, name), load_average=round(os.getloadavg()[0], 2),
           data="generated (bench.synthetic)", **extra)


def main() -> int:
    from sqlalchemy.orm import Session

    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args, store = open_from_arguments(parser, count=500_000)
    try:
        with store.read_session() as session:
            period = last_whole_month(session)
            measure("report_month", session, period, repeat=args.repeat, count=args.count)
        # The same report without the period indexes: dropped in a transaction that is rolled back.
        engine = store._sessions.engine
        with engine.connect() as connection:
            transaction = connection.begin()
            for index in PERIOD_INDEXES:
                connection.exec_driver_sql(f"DROP INDEX IF EXISTS {index}")
            session = Session(bind=connection)
            try:
                measure("report_month_scan", session, period, repeat=args.repeat, count=args.count,
                        without=list(PERIOD_INDEXES))
            finally:
                session.close()
                transaction.rollback()
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
