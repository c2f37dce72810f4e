"""`motcua vietqr`: build a VietQR (NAPAS 247) transfer payload and optionally its PNG."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import emit


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("vietqr", parents=[common], help="VietQR payment code for a bank transfer")
    parser.add_argument("--bin", required=True, help="6-digit NAPAS bank BIN, e.g. 970415")
    parser.add_argument("--account", required=True, help="beneficiary account number")
    parser.add_argument("--amount", type=int, help="amount in VND (makes a one-time code)")
    parser.add_argument("--info", help="transfer purpose, folded to ASCII, at most 25 characters")
    parser.add_argument("--card", action="store_true", help="the number is a card, not an account")
    parser.add_argument("--png", type=Path, help="also write the QR image to this PNG file")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.payments.banks import find_bank
    from app.payments.vietqr import build_vietqr, vietqr_png

    payload = build_vietqr(bin=args.bin, account=args.account, amount=args.amount,
                           info=args.info, to_card=args.card)
    if args.png:
        vietqr_png(payload, args.png)
    bank = find_bank(args.bin)
    data = {"payload": payload, "bank": bank.short_name if bank else None,
            "png": str(args.png) if args.png else None}
    human = payload + (f"\nQR image: {args.png}" if args.png else "")
    emit(args, data, human)
    return 0
