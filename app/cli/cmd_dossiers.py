"""Dossier commands: `intake` (receive from a JSON description), `dossiers list|show`, `forms render`."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import add_store_user_options, emit, opened_store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    # `--json FILE` names the input here (the documented form), so this command cannot take the
    # shared `--json` switch; `--as-json` (or `motcua --json intake …`) asks for JSON output.
    data_dir_only = argparse.ArgumentParser(add_help=False)
    data_dir_only.add_argument("--data-dir", default=argparse.SUPPRESS)
    intake = sub.add_parser("intake", parents=[data_dir_only],
                            help="receive a dossier from a JSON description (docs/intake-format.md)")
    intake.add_argument("--json", dest="intake_file", type=Path, required=True, metavar="FILE")
    intake.add_argument("--as-json", dest="json", action="store_true", default=argparse.SUPPRESS,
                        help="print the result as JSON")
    intake.add_argument("--receipt", type=Path, help="also write the receipt (Mẫu 01) PDF here")
    add_store_user_options(intake)
    intake.set_defaults(handler=run_intake)

    dossiers = sub.add_parser("dossiers", help="dossiers in the local store")
    actions = dossiers.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common],
                                 help="filtered and sorted, newest first by default")
    listing.add_argument("--search", default="", help="code, applicant name, ID number or words on the scans")
    listing.add_argument("--status", action="append", default=[], help="a status code (repeat for several)")
    listing.add_argument("--due", default="", help="overdue, today, or N: due within N working days")
    listing.add_argument("--procedure", default="", help="procedure code")
    listing.add_argument("--channel", default="", help="desk, post_office or community")
    listing.add_argument("--sync-state", default="", help="local, waiting, sent or quarantined")
    listing.add_argument("--from", dest="date_from", default="", help="received on or after (DD/MM/YYYY)")
    listing.add_argument("--to", dest="date_to", default="", help="received on or before (DD/MM/YYYY)")
    listing.add_argument("--official", default="", help="user name of the receiving official")
    listing.add_argument("--sort", default="received", help="received, due, code or status")
    listing.add_argument("--ascending", action="store_true", help="oldest (smallest) first")
    listing.add_argument("--offset", type=int, default=0)
    listing.add_argument("--limit", type=int, default=50, help="rows to print (1–1000); the total is counted")
    listing.add_argument("--show-id-numbers", action="store_true", help="print ID numbers unmasked")
    add_store_user_options(listing)
    listing.set_defaults(handler=run_list)
    warn = actions.add_parser("warnings", parents=[common],
                              help="overdue and due-soon dossiers (yours; a supervisor's: the unit's)")
    warn.add_argument("--set-windows", default=None, metavar="N,N,…",
                      help="administrator: the 'due within N working days' choices, e.g. 1,2,3")
    warn.add_argument("--set-soon", type=int, default=None, metavar="N",
                      help="administrator: due within N working days counts as due soon (yellow, warned)")
    add_store_user_options(warn)
    warn.set_defaults(handler=run_warnings)
    show = actions.add_parser("show", parents=[common], help="one dossier in full")
    show.add_argument("code")
    add_store_user_options(show)
    show.set_defaults(handler=run_show)

    forms = sub.add_parser("forms", help="official forms")
    form_actions = forms.add_subparsers(dest="action", metavar="ACTION", required=True)
    render = form_actions.add_parser("render", parents=[common], help="render a dossier's form to PDF")
    render.add_argument("code", help="dossier code")
    render.add_argument("--form", default="01", help="form number (01 = receipt and appointment)")
    render.add_argument("--out", type=Path, required=True)
    render.add_argument("--paper", choices=("A5", "A4"), help="default: the unit's setting (A5)")
    add_store_user_options(render)
    render.set_defaults(handler=run_render)


def run_intake(args: argparse.Namespace) -> int:
    from app.reception.intake import request_from_intake_json
    from app.reception.service import confirm_reception

    request = request_from_intake_json(args.intake_file)  # the whole file is checked before the store opens
    with opened_store(args) as store:
        result = confirm_reception(store, request)
        receipt = None
        if args.receipt:
            from app.forms.render import render_form

            with store.read_session() as session:
                receipt = render_form(session, store, result.code, "01", out=args.receipt)
    data = {"code": result.code, "dossier_id": result.dossier_id, "received_at": result.received_at,
            "due_at": result.due_at, "fee_vnd": result.fee_vnd,
            "already_confirmed": result.already_confirmed, "receipt": str(receipt) if receipt else None}
    note = "  (already received earlier from the same draft_id: no new dossier)" if result.already_confirmed else ""
    emit(args, data, result.code + note)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from app.reception.listing import ListFilter, count_dossiers, list_page, parse_day, prepare

    wanted = ListFilter(search=args.search, statuses=tuple(args.status), due=args.due,
                        procedure=args.procedure, channel=args.channel, sync_state=args.sync_state,
                        received_from=parse_day(args.date_from, "--from"),
                        received_to=parse_day(args.date_to, "--to"),
                        official=args.official, sort=args.sort, descending=not args.ascending)
    wanted.checked()  # bad filters are refused before the store is opened
    with opened_store(args) as store, store.read_session() as session:
        query = prepare(session, wanted)
        total = count_dossiers(session, query)
        rows = list_page(session, query, args.offset, args.limit, total) if args.offset < total else []
    colour = {"red": "QUÁ HẠN", "yellow": "sắp đến hạn", "green": "còn hạn"}
    human = "\n".join(
        f"{r.code:<28} {r.received_at:%d/%m/%Y %H:%M}  {r.status:<12} "
        f"{(f'{r.due_at:%d/%m/%Y %H:%M}' if r.due_at else ''):<16} {colour.get(r.due_colour, ''):<11}"
        f"{'*' if r.unconfirmed_holiday else ' '} {r.applicant_name} "
        f"[{r.id_number if args.show_id_numbers else r.masked_id_number}] — {r.procedure_name}" for r in rows)
    human = f"{human}\n{len(rows)} of {total} shown" if human else "No dossiers."
    emit(args, {"total": total, "offset": args.offset,
                "rows": [r.to_dict(show_id=args.show_id_numbers) for r in rows]}, human)
    return 0


def run_warnings(args: argparse.Namespace) -> int:
    from app.errors import InputError, PermissionDeniedError
    from app.reception.listing import (SOON_SETTING, WINDOWS_SETTING, check_warning_settings, early_warnings,
                                       warning_settings)

    changing = args.set_windows is not None or args.set_soon is not None
    if args.set_windows is not None:
        try:
            windows = [int(part) for part in args.set_windows.split(",") if part.strip()]
        except ValueError:
            raise InputError(f"--set-windows: {args.set_windows[:40]!r} is not a list of whole numbers "
                             "like 1,2,3",
                             kind="list.bad_windows", params={"max": 30}) from None
    with opened_store(args) as store:
        if changing:
            if store.user.role != "admin":
                raise PermissionDeniedError(f"only an administrator may change warning thresholds; "
                                            f"{store.user.username!r} is {store.user.role}")
            current_windows, current_soon = warning_settings(store)
            windows, soon = check_warning_settings(
                windows if args.set_windows is not None else list(current_windows),
                args.set_soon if args.set_soon is not None else current_soon)
            store.set_setting(WINDOWS_SETTING, windows)
            store.set_setting(SOON_SETTING, soon)
        with store.read_session() as session:
            found = early_warnings(session, user_id=store.user.id, username=store.user.username,
                                   role=store.user.role)
            windows_now, _ = warning_settings(session)
    whose = "the unit" if found.whole_unit else f"dossiers received by {found.official}"
    human = (f"{whose}: {found.overdue} overdue, {found.due_soon} due within {found.soon_days} working days"
             + (f"; longest overdue: {', '.join(found.first_overdue)}" if found.first_overdue else "")
             + (f"\n{found.unconfirmed} appointment(s) count over holidays the administrator has not "
                "confirmed"
                if found.unconfirmed else "")
             + f"\nwindows offered: {', '.join(map(str, windows_now))} working days")
    emit(args, found.to_dict() | {"windows": list(windows_now)}, human)
    return 0


def run_show(args: argparse.Namespace) -> int:
    from app.reception.views import load_dossier_view

    with opened_store(args) as store, store.read_session() as session:
        view = load_dossier_view(session, args.code)
    emit(args, view.to_dict(), view.describe())
    return 0


def run_render(args: argparse.Namespace) -> int:
    from app.forms.render import render_form

    with opened_store(args) as store, store.read_session() as session:
        out = render_form(session, store, args.code, args.form, out=args.out, paper=args.paper)
    emit(args, {"code": args.code, "form": args.form, "pdf": str(out)}, f"Form {args.form}: {out}")
    return 0
