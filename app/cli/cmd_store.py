"""Store commands: `init` (create the encrypted store), `backup` (online copy), `check`."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import add_password_option, add_store_user_options, emit, opened_store, paths_from, \
    read_password


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    init = sub.add_parser("init", parents=[common], help="create the encrypted store and the first admin")
    init.add_argument("--unit-code", required=True, help="unit electronic identifier, e.g. 000.00.06.H56")
    init.add_argument("--unit-name", required=True, help="unit name as printed on receipts")
    init.add_argument("--admin", required=True, help="user name of the first administrator")
    init.add_argument("--admin-name", help="full name of the administrator (default: the user name)")
    add_password_option(init)
    init.set_defaults(handler=run_init)

    backup = sub.add_parser("backup", parents=[common], help="online backup of the store")
    backup.add_argument("--out", type=Path, help="backup file (default: the backups folder)")
    add_store_user_options(backup)
    backup.set_defaults(handler=run_backup)

    check = sub.add_parser("check", parents=[common], help="verify store integrity and the audit chain")
    add_store_user_options(check)
    check.set_defaults(handler=run_check)


def run_init(args: argparse.Namespace) -> int:
    from app.desk_setup import create_desk

    paths = paths_from(args).ensure()
    password = read_password(args, what="administrator password")
    store, recovery_key = create_desk(
        paths, unit_code=args.unit_code, unit_name=args.unit_name, admin_username=args.admin,
        admin_full_name=args.admin_name or args.admin, admin_password=password)
    store.close()
    data = {"store": str(paths.store), "unit_code": args.unit_code, "admin": args.admin,
            "recovery_key": recovery_key}
    human = (f"Store created: {paths.store}\n"
             f"Unit: {args.unit_code} {args.unit_name}\nAdministrator: {args.admin}\n\n"
             f"RECOVERY KEY (shown once; print it and keep it locked away):\n\n    {recovery_key}\n")
    emit(args, data, human)
    return 0


def run_backup(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        out = store.backup(args.out)
    emit(args, {"backup": str(out), "bytes": out.stat().st_size}, f"Backup written: {out}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        report = store.check()
    data = {"ok": report.ok, "integrity": report.integrity, "audit_events": report.audit_events,
            "audit_ok": report.audit_ok, "problems": report.problems}
    lines = [f"Integrity: {report.integrity}",
             f"Audit chain: {'intact' if report.audit_ok else 'BROKEN'} ({report.audit_events} events)"]
    lines += [f"Problem: {problem}" for problem in report.problems]
    lines.append("OK" if report.ok else "PROBLEMS FOUND")
    emit(args, data, "\n".join(lines))
    return 0 if report.ok else 3
