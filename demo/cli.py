"""`motcua demo` and `motcua training reset`: registered by the `motcua` entry point beside the
other command groups (both make sample data)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import emit, paths_from
from app.errors import InputError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    demo = sub.add_parser("demo", parents=[common],
                          help="headless end-to-end run on throw-away data (portal on loopback)")
    demo.add_argument("--receptions", type=int, default=4, help="dossiers to receive (1-20, default 4)")
    demo.add_argument("--folder", type=Path, help="where to keep everything (default: a new temporary folder)")
    demo.set_defaults(handler=run_demo)
    training = sub.add_parser("training", parents=[common],
                              help="the training store (chế độ tập huấn): sample data, never synced")
    actions = training.add_subparsers(dest="training_action", required=True)
    reset = actions.add_parser("reset", parents=[common],
                               help="wipe the training store and seed it again (the real store is not touched)")
    reset.set_defaults(handler=run_training_reset)


def run_demo(args: argparse.Namespace) -> int:
    from demo.run import run_demo as demo, summary_text

    if not 1 <= args.receptions <= 20:
        raise InputError(f"--receptions: {args.receptions} must be from 1 to 20")
    if args.folder is not None and args.folder.exists() and any(args.folder.iterdir()):
        raise InputError(f"--folder: {args.folder} is not empty; give a new or empty folder")
    quiet = bool(getattr(args, "json", False))
    summary = demo(args.folder, receptions=args.receptions,
                   say=(lambda _text: None) if quiet else (lambda text: print(text, file=sys.stderr)))
    emit(args, summary.to_dict(), summary_text(summary))
    return 0 if summary.ok else 1


def run_training_reset(args: argparse.Namespace) -> int:
    from demo.training import reset_training

    quiet = bool(getattr(args, "json", False))
    info = reset_training(paths_from(args),
                          say=(lambda _text: None) if quiet else (lambda text: print(text, file=sys.stderr)))
    lines = [f"Training store ready in {info.folder} with {len(info.dossiers)} sample dossiers.",
             f"Sign in as {info.username} (or {info.admin}), password {info.password}."]
    lines += [f"  {code}  {status}" for code, status in info.dossiers.items()]
    emit(args, info.to_dict(), "\n".join(lines))
    return 0
