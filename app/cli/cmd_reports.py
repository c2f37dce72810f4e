"""`motcua register` (the tracking register of a period to PDF, Excel or CSV) and
`motcua report` (the figures of the Báo cáo page for a period)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import add_store_user_options, emit, opened_store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    book = sub.add_parser("register", parents=[common],
                          help="the tracking register (sổ theo dõi hồ sơ) of a period as PDF, Excel or CSV")
    _period_options(book)
    book.add_argument("--out", type=Path, required=True, help="F.pdf, F.xlsx or F.csv (the format follows)")
    add_store_user_options(book)
    book.set_defaults(handler=run_register)

    report = sub.add_parser("report", parents=[common], help="figures of a period (the Báo cáo page)")
    _period_options(report)
    add_store_user_options(report)
    report.set_defaults(handler=run_report)


def _period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", required=True, metavar="D",
                        help="first day, YYYY-MM-DD (included)")
    parser.add_argument("--to", dest="end", required=True, metavar="D",
                        help="last day, YYYY-MM-DD (included)")


def run_register(args: argparse.Namespace) -> int:
    from app.register.export import save_register, writer_for
    from app.reports.period import parse_period

    period = parse_period(args.start, args.end)  # bad dates and formats fail before the store opens
    writer_for(args.out)
    with opened_store(args) as store:
        out, rows = save_register(store, period, args.out)
    emit(args, {"out": str(out), "rows": rows, "period": period.to_dict()},
         f"Register {period.start:%d/%m/%Y}–{period.end:%d/%m/%Y}: {rows} dossiers → {out}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from app.reports.figures import compute_report
    from app.reports.period import parse_period

    period = parse_period(args.start, args.end)
    with opened_store(args) as store, store.read_session() as session:
        report = compute_report(session, period)
    emit(args, report.to_dict(), describe(report))
    return 0


def describe(report: Any) -> str:
    """The report as a few lines for the terminal."""
    rate = f"{report.on_time_rate:.1%}" if report.on_time_rate is not None else "—"
    lines = [
        f"Report {report.period.start:%d/%m/%Y}–{report.period.end:%d/%m/%Y} "
        f"(made {report.made_at:%d/%m/%Y %H:%M})",
        f"Received: {report.received}",
        "By status: " + _pairs(report.by_status),
        "By channel: " + _pairs(report.by_channel),
        "By procedure: " + ("; ".join(f"{p.code} {p.name}: {p.count}" for p in report.by_procedure) or "—"),
        "By official: " + ("; ".join(f"{o.username}: {o.count}" for o in report.by_official) or "—"),
        f"Returned: {report.returned} (on time {report.returned_on_time}, late {report.returned_late}, "
        f"on-time rate {rate}); by post: {report.returned_by_post}",
        f"Overdue, still open: {report.overdue_open}",
        _survey_line(report.survey),
    ]
    oldest = report.oldest_unsynced
    if oldest is None:
        lines.append("Not yet accepted by the portal: nothing")
    else:
        lines.append(f"Not yet accepted by the portal: {report.unsynced}; oldest {oldest.kind} "
                     f"{oldest.dossier_code or ''} from {oldest.created_at:%d/%m/%Y %H:%M} ({oldest.state})")
    return "\n".join(lines)


def _survey_line(survey: Any) -> str:
    if not survey.answers:
        return "Satisfaction survey: no answers"
    rate = f"{survey.satisfied_rate:.1%}" if survey.satisfied_rate is not None else "—"
    averages = ", ".join(f"{key} {value}" for key, value in survey.averages.items() if value is not None)
    return f"Satisfaction survey: {survey.answers} answers (satisfied {rate}); averages: {averages}"


def _pairs(counts: dict[str, int]) -> str:
    shown = [f"{key} {value}" for key, value in counts.items() if value]
    return ", ".join(shown) or "—"
