"""Store commands: `init` (create the encrypted store), `backup` (online copy with every page),
`restore FILE` (verified, into an empty folder unless told), `check [--full]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.common import add_password_option, add_store_user_options, emit, opened_store, paths_from, \
    read_password, user_from
from app.store.anchors import AnchorSource

# Where `check` finds audit anchors beyond the backups folder. The installation that has a sync
# client adds the portal's (sync.cli): `app` may not import `sync` itself.
ANCHOR_SOURCES: list[AnchorSource] = []


def add_anchor_source(source: AnchorSource) -> None:
    if source not in ANCHOR_SOURCES:
        ANCHOR_SOURCES.append(source)


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
    backup.add_argument("--to", type=Path, metavar="FOLDER",
                        help="the daily backup into FOLDER (e.g. a USB drive): written under a temporary "
                             "name, verified, renamed, then the folder pruned to --keep backups; for Task "
                             "Scheduler or cron while the app is closed")
    backup.add_argument("--keep", type=int, metavar="N",
                        help="with --to: how many backups the folder keeps (default: the desk's setting, 14)")
    add_store_user_options(backup)
    backup.set_defaults(handler=run_backup)

    restore = sub.add_parser("restore", parents=[common],
                             help="restore a backup (every page verified) into an empty data folder")
    restore.add_argument("file", type=Path, help="the backup zip, e.g. E:/motcua-backup-….zip")
    restore.add_argument("--replace", action="store_true",
                         help="replace an existing store (it is moved into damaged/, never deleted)")
    restore.add_argument("--allow-missing-pages", action="store_true",
                         help="restore even when pages are missing or damaged (they are listed)")
    restore.add_argument("--recovery-key-stdin", action="store_true",
                         help="open the backup with the recovery key read from standard input")
    add_store_user_options(restore)
    restore.set_defaults(handler=run_restore)

    check = sub.add_parser("check", parents=[common],
                           help="verify store integrity, the audit chain and its anchors")
    check.add_argument("--full", action="store_true",
                       help="also read and decrypt every page every dossier and draft references")
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
    from app.errors import InputError
    from app.store.maintenance import read_manifest

    if args.keep is not None and args.to is None:
        raise InputError("--keep: only with --to FOLDER (the folder it prunes)")
    if args.to is not None:
        if args.out is not None:
            raise InputError("--to and --out: give one of them")
        return _run_backup_to(args)
    with opened_store(args) as store:
        out = store.backup(args.out)
    manifest = read_manifest(out)
    missing = list(manifest.get("missing_pages") or [])
    data = {"backup": str(out), "bytes": out.stat().st_size, "pages": len(manifest["pages"]),
            "missing_pages": missing, "audit_anchor": manifest.get("audit_anchor")}
    human = f"Backup written: {out} ({len(manifest['pages'])} pages)"
    if missing:
        human += (f"\nWARNING: {len(missing)} page(s) the store references were not on this disk and are "
                  f"not in the backup; run motcua check --full to see which dossiers need them")
    emit(args, data, human)
    return 3 if missing else 0


def _run_backup_to(args: argparse.Namespace) -> int:
    """The scheduled pass, the same as the desk app's (app/store/scheduled_backup.py)."""
    from app.errors import InputError
    from app.store.scheduled_backup import MAX_KEEP, MIN_KEEP, read_settings, run_backup_to_folder

    if args.keep is not None and not MIN_KEEP <= args.keep <= MAX_KEEP:
        raise InputError(f"--keep: {args.keep} is not between {MIN_KEEP} and {MAX_KEEP}")
    with opened_store(args) as store:
        keep = args.keep if args.keep is not None else read_settings(store).keep
        outcome = run_backup_to_folder(store, args.to.resolve(), keep)
    data = {"backup": str(outcome.path), "bytes": outcome.path.stat().st_size, "pages": outcome.pages,
            "verified": True, "keep": keep, "pruned": [str(p) for p in outcome.pruned]}
    human = f"Backup written and verified: {outcome.path} ({outcome.pages} pages)"
    human += "".join(f"\nRemoved (beyond the newest {keep}): {p.name}" for p in outcome.pruned)
    emit(args, data, human)
    return 0


def _unlock_for(args: argparse.Namespace) -> Any:
    """How restore opens the backup's key file: the recovery key, or a user and password."""
    from app.store.scheduled_backup import unlocker

    if args.recovery_key_stdin:
        return unlocker(recovery_key=sys.stdin.readline().strip())
    return unlocker(username=user_from(args), password=read_password(args))


def run_restore(args: argparse.Namespace) -> int:
    from app.store.service import restore_backup

    paths = paths_from(args)
    report = restore_backup(paths, args.file, unlock=_unlock_for(args), replace=args.replace,
                            allow_missing_pages=args.allow_missing_pages)
    lines = [(f"Restored {args.file} into {paths.root}: {report.pages} pages verified "
              f"({report.pages_from_backup} taken from the backup)")]
    lines += [f"Set aside: {path}" for path in report.set_aside]
    lines += [f"MISSING OR DAMAGED: {problem}" for problem in report.page_problems]
    emit(args, report.to_dict(), "\n".join(lines))
    return 3 if report.page_problems else 0


def run_check(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        report = store.check(full=args.full, anchor_sources=ANCHOR_SOURCES)
    data = {"ok": report.ok, "integrity": report.integrity, "audit_events": report.audit_events,
            "audit_ok": report.audit_ok, "problems": report.problems, "anchors": report.anchors,
            "anchor_notes": report.anchor_notes, "pages_checked": report.pages_checked}
    lines = [f"Integrity: {report.integrity}",
             f"Audit chain: {'intact' if report.audit_ok else 'BROKEN'} ({report.audit_events} events)"]
    lines += [f"Audit anchor compared: {anchor}" for anchor in report.anchors]
    lines += [f"Audit anchor: {note}" for note in report.anchor_notes]
    if report.pages_checked is not None:
        lines.append(f"Pages: {report.pages_checked} read and decrypted")
    lines += [f"Problem: {problem}" for problem in report.problems]
    lines.append("OK" if report.ok else "PROBLEMS FOUND")
    emit(args, data, "\n".join(lines))
    return 0 if report.ok else 3
