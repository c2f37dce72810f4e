"""`motcua due --procedure CODE --received "YYYY-MM-DD HH:MM"`: the appointment time."""

from __future__ import annotations

import argparse
from datetime import datetime

from app.cli.common import add_store_user_options, emit
from app.errors import InputError, NotFoundError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    due = sub.add_parser("due", parents=[common], help="appointment date-time for a procedure")
    due.add_argument("--procedure", required=True, help="procedure code, e.g. 1.001193")
    due.add_argument("--received", required=True, help='receipt moment "YYYY-MM-DD HH:MM" (local time)')
    add_store_user_options(due)
    due.set_defaults(handler=run)


def parse_moment(text: str, *, option: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise InputError(f'{option}: {text!r} is not a date-time of the form "YYYY-MM-DD HH:MM"') from None


def run(args: argparse.Namespace) -> int:
    from app.catalog.search import CatalogIndex
    from app.cli.reference import load_reference
    from app.deadlines import compute_due
    from app.forms.legal_text import rule_text

    received = parse_moment(args.received, option="--received")
    reference = load_reference(args)
    version = CatalogIndex(reference.versions).get(args.procedure, at=received.date())
    if version is None:
        raise NotFoundError(f"--procedure: no procedure with code {args.procedure!r} in force "
                            f"on {received.date():%d/%m/%Y}")
    if version.time_rule is None:
        raise InputError(f"--procedure: {args.procedure} has no time limit in the catalogue; "
                         "an administrator must set one before dossiers can be received")
    due_at = compute_due(received, version.time_rule, reference.calendar)
    data = {"procedure": version.code, "name": version.name, "rule": rule_text(version.time_rule),
            "received": received, "due": due_at, "calendar": reference.source}
    human = (f"{version.code} {version.name}\nThời hạn: {rule_text(version.time_rule)}\n"
             f"Nhận:     {received:%H:%M %d/%m/%Y}\nHẹn trả:  {due_at:%H:%M %d/%m/%Y}")
    emit(args, data, human)
    return 0
