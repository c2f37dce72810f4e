"""Dossier commands: `intake` (receive from a JSON description), `dossiers list|show|act|purge`,
`forms render`."""

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
    listing.add_argument("--sort", default="received", help="received, due, code, status, applicant or procedure")
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

    _register_lifecycle(actions, common)

    forms = sub.add_parser("forms", help="official forms")
    form_actions = forms.add_subparsers(dest="action", metavar="ACTION", required=True)
    render = form_actions.add_parser("render", parents=[common], help="render a dossier's form to PDF")
    render.add_argument("code", help="dossier code")
    render.add_argument("--form", default="01",
                        help="form number, 2025 numbering: 01 receipt, 02 supplements, 03 refusal, "
                             "04 apology, 05 stop, 06 control slip (07, the register: motcua register)")
    render.add_argument("--event", dest="event_id",
                        help="the event to print (default: the latest of the form's action)")
    render.add_argument("--out", type=Path, required=True)
    render.add_argument("--paper", choices=("A5", "A4"),
                        help="default: A4 for the control slip, else the unit's setting (A5)")
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

            # Received incomplete: the request for supplements (form 02) instead of the receipt.
            form = "02" if result.needs_supplements else "01"
            with store.read_session() as session:
                receipt = render_form(session, store, result.code, form, out=args.receipt)
    data = {"code": result.code, "dossier_id": result.dossier_id, "received_at": result.received_at,
            "due_at": result.due_at, "fee_vnd": result.fee_vnd,
            "already_confirmed": result.already_confirmed, "needs_supplements": result.needs_supplements,
            "receipt": str(receipt) if receipt else None}
    note = "  (already received earlier from the same draft_id: no new dossier)" if result.already_confirmed else ""
    if result.needs_supplements:
        note += "  (a required document is missing: waiting for supplements, no appointment yet)"
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
        out = render_form(session, store, args.code, args.form, out=args.out, paper=args.paper,
                          event_id=args.event_id)
    emit(args, {"code": args.code, "form": args.form, "pdf": str(out)}, f"Form {args.form}: {out}")
    return 0


def _register_lifecycle(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from app.lifecycle.machine import CLI_NAMES, RETURN_TO

    act = actions.add_parser("act", parents=[common], help="take a lifecycle action (docs/lifecycle.md)")
    act.add_argument("code", help="dossier code, or the text read from the receipt's QR")
    act.add_argument("lifecycle_action", metavar="ACTION", choices=sorted(CLI_NAMES.values()),
                     help=", ".join(CLI_NAMES.values()))
    act.add_argument("--note", default="")
    act.add_argument("--reason", default="", help="refuse, stop, apologise (required); supplements, withdraw")
    act.add_argument("--item", dest="items", action="append", default=[],
                     help="request-supplement: an item to complete (repeat for each)")
    act.add_argument("--new-due", help='apologise: the new appointment, "YYYY-MM-DD HH:MM"')
    act.add_argument("--body", default="", help="handover: the processing body; receive-back: where from")
    act.add_argument("--documents", type=int, help="handover: documents handed over (default: received)")
    act.add_argument("--to", choices=RETURN_TO, help="return: who receives the result (default applicant)")
    act.add_argument("--name", default="", help="return to a representative: full name")
    act.add_argument("--id-number", default="", help="return to a representative: ID number")
    act.add_argument("--tracking", default="", help="return by post: postal tracking number")
    act.add_argument("--fee-collected", type=int, help="return: fee collected now in VND (default: all due)")
    act.add_argument("--out", type=Path, help="also write the action's form (PDF) here")
    add_store_user_options(act)
    act.set_defaults(handler=run_act)

    purge = actions.add_parser("purge", parents=[common],
                               help="remove personal data of returned, portal-confirmed dossiers")
    purge.add_argument("codes", nargs="*", metavar="CODE", help="only these dossiers (each must qualify)")
    purge.add_argument("--older-than-days", type=int, help="retention in days (default: the setting, 90)")
    purge.add_argument("--dry-run", action="store_true", help="list what would be purged, remove nothing")
    add_store_user_options(purge)
    purge.set_defaults(handler=run_purge)


def run_act(args: argparse.Namespace) -> int:
    from app.lifecycle.actions import act
    from app.lifecycle.machine import ActionInput, action_named, parse_new_due
    from app.lifecycle.returns import code_from_scan

    spec = action_named(args.lifecycle_action)
    data = ActionInput(note=args.note, reason=args.reason, items=tuple(args.items),
                       new_due=parse_new_due(args.new_due) if args.new_due else None,
                       to=args.to or "", name=args.name, id_number=args.id_number, tracking=args.tracking,
                       body=args.body, documents=args.documents, fee_collected_vnd=args.fee_collected)
    code = code_from_scan(args.code)
    with opened_store(args) as store:
        if args.out:
            _check_form_available(store, code, spec.form, spec.name)
        result = act(store, code, spec.name, data)
        pdf = None
        if args.out and result.form:
            from app.forms.render import render_form

            with store.read_session() as session:
                pdf = render_form(session, store, result.code, result.form, out=args.out)
    due = f", due {result.due_at:%H:%M %d/%m/%Y}" if result.due_at else ""
    human = f"{result.code}: {args.lifecycle_action} → {result.status}{due}"
    if pdf:
        human += f"\nForm {result.form}: {pdf}"
    emit(args, result.to_dict() | {"pdf": str(pdf) if pdf else None}, human)
    return 0


def _check_form_available(store: object, code: str, form: str | None, action: str) -> None:
    """--out for an action with no form, or a form not built yet: refused before acting."""
    from app.errors import InputError
    from app.forms.templates import template_for
    from app.lifecycle.actions import find_dossier

    if form is None:
        raise InputError(f"--out: the action {action.replace('_', '-')} has no form to write")
    with store.read_session() as session:  # type: ignore[attr-defined]
        received = find_dossier(session, code).received_at
    template_for(form, received.date())


def run_purge(args: argparse.Namespace) -> int:
    from app.lifecycle.purge import purge

    with opened_store(args) as store:
        report = purge(store, codes=args.codes, older_than_days=args.older_than_days, dry_run=args.dry_run)
    verb = "would purge" if report.dry_run else "purged"
    lines = [f"{verb} {len(report.purged)} dossier(s), {report.pages_removed} page(s)"]
    lines += [f"  {code}" for code in report.purged]
    if report.skipped:
        lines.append(f"kept {len(report.skipped)}:")
        lines += [f"  {item['reason']}" for item in report.skipped]
    emit(args, report.to_dict(), "\n".join(lines))
    return 0
