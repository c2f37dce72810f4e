"""`motcua holidays list|export|import`: the unit's table of non-working and extra working dates.

The table starts seeded from the `holidays` package; an admin confirms each year's Tết and
Quốc khánh decisions and swapped days by exporting, editing and importing the CSV.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import add_store_user_options, emit, opened_store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    holidays = sub.add_parser("holidays", help="non-working and extra working dates")
    actions = holidays.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="show the table")
    listing.add_argument("--year", type=int, help="only this year")
    add_store_user_options(listing)
    listing.set_defaults(handler=run_list)
    export = actions.add_parser("export", parents=[common], help="write the table as CSV to edit")
    export.add_argument("--out", type=Path, required=True)
    add_store_user_options(export)
    export.set_defaults(handler=run_export)
    imp = actions.add_parser("import", parents=[common], help="apply an edited CSV (admin)")
    imp.add_argument("file", type=Path)
    add_store_user_options(imp)
    imp.set_defaults(handler=run_import)


def run_list(args: argparse.Namespace) -> int:
    from app.calendar_store import holiday_entries

    with opened_store(args) as store, store.read_session() as session:
        entries = [e for e in holiday_entries(session) if args.year is None or e.day.year == args.year]
    rows = [{"day": e.day, "kind": e.kind, "name": e.name, "source": e.source} for e in entries]
    kinds = {"non_working": "nghỉ", "extra_working": "làm bù"}
    human = "\n".join(f"{e.day:%d/%m/%Y}  {kinds[e.kind]:<7} {e.name}" + ("  (quản trị)" if e.source == "admin"
                                                                         else "") for e in entries)
    emit(args, rows, human or "The table is empty.")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from app.calendar_store import holiday_entries
    from app.holiday_table import write_holiday_file

    with opened_store(args) as store, store.read_session() as session:
        entries = holiday_entries(session)
    write_holiday_file(entries, args.out)
    emit(args, {"file": str(args.out), "rows": len(entries)}, f"Wrote {len(entries)} rows to {args.out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from app.calendar_store import replace_admin_entries
    from app.holiday_table import parse_holiday_file
    from app.permissions import require_role

    entries = parse_holiday_file(args.file)  # the whole file is checked before anything is written
    with opened_store(args) as store:
        require_role(store, "admin")
        with store.session() as session:
            written = replace_admin_entries(session, entries)
            store.record_audit(session, action="holidays.import", object_type="holidays",
                               object_id=args.file.name, details={"rows": written})
    emit(args, {"file": str(args.file), "rows": written}, f"Applied {written} rows from {args.file.name}")
    return 0
