"""`motcua portal …`: serve the reference portal and administer its database directly.

`register(sub, common)` follows app/cli/cmd_*.py: human text by default, JSON with `--json`,
bad input raises InputError (exit 2, one line). `app` may not import `portal`, so the entry
point that builds the parser (ui/launcher.py or a plug-in list) adds this module's `register`.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from pathlib import Path

from app.cli.cmd_calendar import add_confirm_arguments
from app.cli.common import emit
from app.errors import InputError

# What `pip install 'motcua-desk[portal]'` brings (pyproject.toml), by import name.
PORTAL_EXTRA = frozenset({"fastapi", "starlette", "pydantic", "uvicorn", "httpx", "psycopg"})
Handler = Callable[[argparse.Namespace], int]


def _needs_portal_extra(handler: Handler) -> Handler:
    """A portal command run where the portal's packages are not installed (the desk build, a
    plain `pip install motcua-desk`) says what to install, in one line, instead of "internal
    error"."""
    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except ModuleNotFoundError as error:
            missing = (error.name or "").split(".")[0]
            if missing not in PORTAL_EXTRA:
                raise
            raise InputError(f"the reference portal needs {missing}, which is not installed here; install "
                             "the portal's packages with `pip install 'motcua-desk[portal]'` (or run "
                             "./scripts/start.sh, which installs them)") from None
    return run


def _db_command(actions: argparse._SubParsersAction, name: str, common: argparse.ArgumentParser,
                handler: Handler, help: str, **defaults: object) -> argparse.ArgumentParser:
    """An administration command on the portal's database: the common options, `--db` and its
    handler; the caller adds the command's own arguments."""
    parser = actions.add_parser(name, parents=[common], help=help)
    parser.add_argument("--db", required=True, metavar="URL",
                        help="sqlite:///FILE, a file path, or postgresql+psycopg://user@host/db")
    parser.set_defaults(handler=handler, **defaults)
    return parser


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    portal = sub.add_parser("portal", help="the reference central portal (server and admin commands)")
    actions = portal.add_subparsers(dest="action", metavar="ACTION", required=True)

    serve = _db_command(actions, "serve", common, run_serve,
                        "run the portal's HTTP API")
    serve.add_argument("--blobs", required=True, type=Path, metavar="DIR", help="folder for scans")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--tls-cert", help="certificate file (needed for a non-loopback host)")
    serve.add_argument("--tls-key", help="private key file of the certificate")
    serve.add_argument("--public-url", metavar="URL",
                       help="address citizens reach this portal at (e.g. https://motcua.example.gov.vn); "
                            "enrolled desks print QR codes to its /tra-cuu and /danh-gia pages")

    token = actions.add_parser("token", help="device enrolment tokens")
    token_actions = token.add_subparsers(dest="token_action", metavar="ACTION", required=True)
    create = _db_command(token_actions, "create", common, run_token_create,
                         "a one-time token for a unit's desk")
    create.add_argument("--unit", required=True, help="agency identifier, e.g. 000.00.06.H56")
    create.add_argument("--days", type=int, default=7, help="days the token stays valid (default 7)")
    create.add_argument("--kind", default="desk", choices=("desk", "post_office", "community_team"),
                        help="what the device is (default desk)")
    create.add_argument("--grant", action="append", default=[], metavar="UNIT",
                        help="another unit a post-office or community-team device receives for (repeatable)")

    device = actions.add_parser("devices", help="enrolled devices: list, revoke, grant units")
    device_actions = device.add_subparsers(dest="device_action", metavar="ACTION", required=True)
    listing = _db_command(device_actions, "list", common, run_devices_list,
                          "devices with their units and ranges")
    listing.add_argument("--unit", help="only devices of this unit or granted it")
    revoke = _db_command(device_actions, "revoke", common, run_device_revoke,
                         "shut a device out at once (a lost or stolen PC)")
    revoke.add_argument("device_id")
    reset = _db_command(device_actions, "reset-anchor", common, run_reset_anchor,
                        "forget a device's audit anchor after a restore from an older backup (the loss is "
                        "then acknowledged)")
    reset.add_argument("device_id")
    for name, what in (("grant-unit", "let a post-office or community-team device receive for UNIT"),
                       ("withdraw-unit", "stop a device receiving for a granted UNIT")):
        grant = _db_command(device_actions, name, common, run_device_grant, what,
                            withdraw=name == "withdraw-unit")
        grant.add_argument("device_id")
        grant.add_argument("unit", help="agency identifier, e.g. 000.00.06.H56")

    dossiers = _db_command(actions, "dossiers", common, run_dossiers,
                           "dossiers received by the portal")
    dossiers.add_argument("--unit", help="only this unit's dossiers")

    status = _db_command(actions, "status", common, run_status,
                         "change a dossier's status as the processing body")
    status.add_argument("code", help="dossier code")
    status.add_argument("--set", dest="status", required=True, metavar="STATUS",
                        help="e.g. DANG_XU_LY, CO_KET_QUA")
    status.add_argument("--note", help="note sent to the desk with the change")

    purge = _db_command(actions, "purge", common, run_purge,
                        "forget idempotency records older than the protocol keeps them")
    purge.add_argument("--older-than-days", type=int, default=90, help="at least 90 (default 90)")

    catalog = actions.add_parser("catalog", help="the province's procedure catalogue for every desk")
    catalog_actions = catalog.add_subparsers(dest="catalog_action", metavar="ACTION", required=True)
    cat_import = _db_command(catalog_actions, "import", common, run_catalog_import,
                             "check a catalogue file and send it to every desk")
    cat_import.add_argument("file", type=Path)

    calendar = actions.add_parser("calendar", help="the calendar the province confirms")
    calendar_actions = calendar.add_subparsers(dest="calendar_action", metavar="ACTION", required=True)
    confirm = _db_command(calendar_actions, "confirm", common, run_calendar_confirm,
                          "confirm a year's calendar and send it to every desk")
    add_confirm_arguments(confirm, without_file="the holidays package's estimate is confirmed")

    bundle = actions.add_parser("bundle", help="USB bundles from desks without a link")
    bundle_actions = bundle.add_subparsers(dest="bundle_action", metavar="ACTION", required=True)
    imp = _db_command(bundle_actions, "import", common, run_bundle_import,
                      "apply a bundle file (twice is harmless)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--blobs", required=True, type=Path, metavar="DIR")


@_needs_portal_extra
def run_serve(args: argparse.Namespace) -> int:
    from portal.server import serve

    serve(args.db, args.blobs, args.host, args.port, certfile=args.tls_cert, keyfile=args.tls_key,
          public_url=args.public_url)
    return 0


@_needs_portal_extra
def run_token_create(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from app.errors import InputError
    from portal.admin import create_enrolment_token

    if not 1 <= args.days <= 90:
        raise InputError(f"--days: {args.days} must be from 1 to 90")
    token = create_enrolment_token(args.db, args.unit, lifetime=timedelta(days=args.days), kind=args.kind,
                                   grant_units=args.grant)
    emit(args, {"unit_code": args.unit, "token": token, "valid_days": args.days, "kind": args.kind,
                "grant_units": args.grant}, token)
    return 0


def _device_line(device: dict[str, object]) -> str:
    units = ", ".join(f"{u['unit_code']} {u['range_start']}–{u['range_end']}"  # type: ignore[index]
                      + ("" if u["role"] == "own" else " (granted)")  # type: ignore[index]
                      for u in device["units"])  # type: ignore[attr-defined]
    state = f"revoked {str(device['revoked_at'])[:16]}" if device["revoked_at"] else "active"
    return (f"{device['device_id']}  {device['unit_code']} #{device['slot']} {device['kind']:<14} "
            f"{state:<24} {device['name']}  [{units}]")


def run_devices_list(args: argparse.Namespace) -> int:
    from portal.admin import list_devices

    rows = list_devices(args.db, unit_code=args.unit)
    emit(args, rows, "\n".join(_device_line(row) for row in rows) or "No devices.")
    return 0


def run_device_revoke(args: argparse.Namespace) -> int:
    from portal.admin import revoke_device

    device = revoke_device(args.db, args.device_id)
    emit(args, device, f"Revoked: {_device_line(device)}")
    return 0


def run_reset_anchor(args: argparse.Namespace) -> int:
    from portal.admin import reset_anchor

    forgotten = reset_anchor(args.db, args.device_id)
    shown = args.device_id[:40]
    emit(args, {"device_id": shown, "forgotten": forgotten},
         f"Device {shown}: audit anchor seq {forgotten['seq']} ({forgotten['at']}) forgotten; its next sync "
         "anchors its current log" if forgotten else f"Device {shown}: no audit anchor kept")
    return 0


def run_device_grant(args: argparse.Namespace) -> int:
    from portal.admin import grant_unit, withdraw_unit

    device = (withdraw_unit if args.withdraw else grant_unit)(args.db, args.device_id, args.unit)
    emit(args, device, _device_line(device))
    return 0


@_needs_portal_extra
def run_dossiers(args: argparse.Namespace) -> int:
    from portal.admin import list_dossiers

    rows = list_dossiers(args.db, unit_code=args.unit)
    human = "\n".join(f"{r['code']:<28} {r['status']:<13} v{r['version']:<3} {r['received_at'][:16]}  "
                      f"{(r['dossier'].get('procedure') or {}).get('name', '')}" for r in rows)
    emit(args, rows, human or "No dossiers.")
    return 0


@_needs_portal_extra
def run_status(args: argparse.Namespace) -> int:
    from portal.admin import set_status

    event = set_status(args.db, args.code, args.status, args.note, by="portal")
    emit(args, event, f"{event['code']}: {event['status']} (change {event['seq']})")
    return 0


@_needs_portal_extra
def run_bundle_import(args: argparse.Namespace) -> int:
    from portal.bundles import import_bundle

    summary = import_bundle(args.db, args.blobs, args.file)
    failed = [r for r in summary["results"] if r["status"] >= 300]
    human = (f"Bundle {summary['bundle_id']}: {summary['operations']} operations, {summary['blobs']} scans"
             + (" (already imported before; nothing applied)" if summary["already_imported"] else "")
             + (f"; {len(failed)} refused: " + "; ".join(r["body"]["error"]["message"] for r in failed)
                if failed else ""))
    emit(args, summary, human)
    return 0


@_needs_portal_extra
def run_purge(args: argparse.Namespace) -> int:
    from portal.admin import purge_idempotency

    removed = purge_idempotency(args.db, older_than_days=args.older_than_days)
    emit(args, {"removed": removed, "older_than_days": args.older_than_days},
         f"{removed} idempotency records older than {args.older_than_days} days removed")
    return 0


@_needs_portal_extra
def run_catalog_import(args: argparse.Namespace) -> int:
    from portal.catalogs import import_catalog_file
    from portal.db import get_engine

    summary = import_catalog_file(get_engine(args.db), args.file)
    human = (f"Catalogue {summary['catalog_version']}: {summary['procedures']} procedure versions, "
             f"sha256 {summary['sha256'][:12]}…"
             + (" (already imported before; nothing sent)" if summary["already_imported"]
                else f"; sent to every desk (change {summary['seq']})"))
    emit(args, summary, human)
    return 0


@_needs_portal_extra
def run_calendar_confirm(args: argparse.Namespace) -> int:
    from portal.calendars import confirm_calendar
    from portal.db import get_engine

    sent = confirm_calendar(get_engine(args.db), args.year, args.decision, file=args.file,
                            source=args.source or "")
    emit(args, sent, f"Calendar {sent['year']} confirmed ({sent['decision']}): {len(sent['days'])} days off, "
                     f"{len(sent['extra_working_days'])} làm bù; sent to every desk (change {sent['seq']})")
    return 0
