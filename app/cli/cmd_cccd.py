"""`motcua cccd parse TEXT`: read a chip-ID QR payload into fields, or say which field is wrong."""

from __future__ import annotations

import argparse
import sys

from app.cli.common import emit


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cccd = sub.add_parser("cccd", help="chip-ID card (CCCD) QR payloads")
    actions = cccd.add_subparsers(dest="action", metavar="ACTION", required=True)
    parse = actions.add_parser("parse", parents=[common], help="parse the QR text of a chip-ID card")
    parse.add_argument("text", help="the QR text as the reader typed it, or - to read standard input")
    parse.set_defaults(handler=run_parse)


def run_parse(args: argparse.Namespace) -> int:
    from app.identity.cccd import parse_cccd_qr

    text = sys.stdin.read() if args.text == "-" else args.text
    record = parse_cccd_qr(text)
    fields = record.to_dict()
    labels = {
        "id_number": "Số CCCD", "old_id_number": "Số CMND cũ", "full_name": "Họ và tên",
        "birth_date": "Ngày sinh", "sex": "Giới tính", "address": "Nơi thường trú",
        "issue_date": "Ngày cấp",
    }
    shown = dict(fields, birth_date=f"{record.birth_date:%d/%m/%Y}",
                 issue_date=f"{record.issue_date:%d/%m/%Y}")
    width = max(len(label) for label in labels.values())
    human = "\n".join(f"{labels[key]:<{width}}  {shown.get(key) or '—'}" for key in labels)
    emit(args, fields, human)
    return 0
