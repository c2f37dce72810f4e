"""`motcua calendar status|confirm`: each year's calendar, estimated or confirmed by a decision.

`status` lists every year of the holiday table with its state; `confirm YEAR --decision TEXT
[--file F]` (admin) confirms a year, optionally replacing its days with those of a calendar file
(the holiday CSV of docs/deadlines.md, one year). Appointments already given keep their time.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import add_store_user_options, emit, opened_store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    calendar = sub.add_parser("calendar", help="each year's calendar: estimated or confirmed")
    actions = calendar.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser("status", parents=[common], help="each year's state and decision")
    add_store_user_options(status)
    status.set_defaults(handler=run_status)
    confirm = actions.add_parser("confirm", parents=[common], help="confirm a year's calendar (admin)")
    add_confirm_arguments(confirm, without_file="the year's current rows are confirmed as they are")
    add_store_user_options(confirm)
    confirm.set_defaults(handler=run_confirm)


def add_confirm_arguments(parser: argparse.ArgumentParser, *, without_file: str) -> None:
    """YEAR, --decision, --file and --source: the same at a desk and on the portal."""
    parser.add_argument("year", type=int)
    parser.add_argument("--decision", required=True, help="number of the decision, e.g. 12729/VPCP-KGVX")
    parser.add_argument("--file", type=Path, help=f"the year's days off and làm bù days (CSV); without it {without_file}")
    parser.add_argument("--source", help="where the decision was published")


def state_line(state: object) -> str:
    """One year for a terminal, e.g. `2026  confirmed  12729/VPCP-KGVX (admin, desk)  16 off, 2 làm bù`."""
    from app.calendar_years import YearState

    assert isinstance(state, YearState)
    if state.state == "estimated":
        head = f"{state.year}  estimated (holidays package; not confirmed)"
    else:
        head = f"{state.year}  confirmed  {state.decision} ({state.confirmed_by}, {state.origin})"
    return f"{head}  {state.days_off} off, {state.extra_working} làm bù"


def run_status(args: argparse.Namespace) -> int:
    from app.calendar_years import calendar_status

    with opened_store(args) as store, store.read_session() as session:
        states = calendar_status(session)
    emit(args, [s.to_dict() for s in states], "\n".join(state_line(s) for s in states) or "No calendar years.")
    return 0


def run_confirm(args: argparse.Namespace) -> int:
    from app.calendar_years import check_decision, check_source, check_year, confirm_year, read_year_file
    from app.permissions import require_role

    year = check_year(args.year, where="YEAR")
    decision = check_decision(args.decision, where="--decision")
    source = check_source(args.source, where="--source")
    entries = read_year_file(args.file, year) if args.file else None  # checked before the store opens
    with opened_store(args) as store:
        require_role(store, "admin")
        with store.session() as session:
            state = confirm_year(session, year, decision, by=store.user.username, origin="desk",
                                 entries=entries, source=source)
            store.record_audit(session, action="calendar.confirm", object_type="calendar",
                               object_id=str(year), details={"decision": decision,
                                                             "rows": None if entries is None else len(entries)})
    emit(args, state.to_dict(), state_line(state))
    return 0
