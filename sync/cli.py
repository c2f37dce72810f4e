"""Commands `motcua enroll --portal URL --token T`, `motcua sync --once [--json]` and
`motcua bundle export --out F`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.cli.common import add_store_user_options, emit, opened_store

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from app.cli.cmd_store import add_anchor_source

    add_anchor_source(_portal_anchor)  # `motcua check` also compares with the portal's anchor
    enroll = sub.add_parser("enroll", parents=[common], help="enrol this desk with a portal (one-time token)")
    enroll.add_argument("--portal", required=True, help="portal base URL (https://…, or http:// on loopback)")
    enroll.add_argument("--token", required=True, help="one-time enrolment token from the portal administrator")
    enroll.add_argument("--device-name", default="Máy tiếp nhận", help="name shown at the portal")
    add_store_user_options(enroll)
    enroll.set_defaults(handler=run_enroll)

    sync = sub.add_parser("sync", parents=[common], help="send waiting dossiers and fetch changes")
    sync.add_argument("--once", action="store_true", required=True, help="run one pass and exit")
    add_store_user_options(sync)
    sync.set_defaults(handler=run_sync)

    bundle = sub.add_parser("bundle", help="USB bundle for a desk without a link")
    actions = bundle.add_subparsers(dest="bundle_command", required=True, metavar="ACTION")
    export = actions.add_parser("export", parents=[common],
                                help="write what waits to be sent into one signed, encrypted file")
    export.add_argument("--out", required=True, help="bundle file to write, e.g. E:/motcua.mcbundle")
    export.add_argument("--include-exported", action="store_true",
                        help="also put in what an earlier bundle carried but the portal has not confirmed")
    add_store_user_options(export)
    export.set_defaults(handler=run_bundle_export)


def _portal_anchor(store: Store) -> Any:
    from sync.anchor import portal_anchor  # imported when used: commands start without `requests`

    return portal_anchor(store)


def run_enroll(args: argparse.Namespace) -> int:
    from sync.enrolment import enrol

    with opened_store(args) as store:
        result = enrol(store, args.portal, args.token, device_name=args.device_name)
    ranges = "; ".join(f"{unit}: numbers {low}–{high}" for unit, (low, high) in (result.units or {}).items())
    emit(args, result.to_dict(), f"Enrolled as device {result.device_id} of unit {result.unit_code} "
                                 f"(device {result.device_slot}) at {result.portal_url}"
                                 + (f"; offline ranges {ranges}" if ranges else ""))
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from sync.engine import sync_once

    with opened_store(args) as store:
        report = sync_once(store)
    lines = [f"sent {report.sent}, retrying {report.retrying}, quarantined {report.quarantined}, "
             f"waiting {report.waiting}; {report.blobs_uploaded} scans ({report.bytes_uploaded:,} bytes); "
             f"{report.changes_applied} changes applied"]
    if not report.enrolled:
        lines = ["this desk is not enrolled: run motcua enroll --portal URL --token T"]
    if report.auth_failed:
        lines.append(f"the portal refused this desk's credentials: {report.auth_failed}")
    lines += [f"problem: {e}" for e in report.errors]
    emit(args, report.to_dict(), "\n".join(lines))
    if not report.enrolled or report.auth_failed:
        return 3
    return 0 if report.online else 4


def run_bundle_export(args: argparse.Namespace) -> int:
    from sync.bundle_export import export_bundle

    with opened_store(args) as store:
        result = export_bundle(store, args.out, include_exported=args.include_exported)
    human = (f"Wrote {result.path}: {result.dossiers} dossiers, {result.operations} changes, "
             f"{result.blobs} scans, {result.bytes:,} bytes.\n"
             "Take it to the portal administrator (motcua portal bundle import). The dossiers show as "
             "delivered after the next sync that reaches the portal.")
    if result.left_for_next_bundle:
        human += f"\n{result.left_for_next_bundle} changes did not fit: run the export again for them."
    emit(args, result.to_dict(), human)
    return 0
