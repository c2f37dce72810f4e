"""Entry point of `motcua`: parses the command line and maps errors to exit codes.

Exit codes: 0 done; 2 bad input (one line on stderr naming what and where, nothing written);
3 the store cannot be used (damaged, from a newer version, locked out); 1 an unexpected failure
(the details go to the log file, not the terminal).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence

from app import __version__
from app.cli.common import say_error
from app.errors import (AccountDisabledError, AuthError, InputError, LockedOutError, MotcuaError,
                        StoreExistsError, StoreMissingError)
from app.logging_setup import configure_logging
from app.paths import DataPaths, data_paths

log = logging.getLogger(__name__)

# Command group modules, each with register(subparsers, common_parent).
COMMAND_MODULES = (
    "app.cli.cmd_store",
    "app.cli.cmd_catalog",
    "app.cli.cmd_cccd",
    "app.cli.cmd_due",
    "app.cli.cmd_vietqr",
    "app.cli.cmd_holidays",
    "app.cli.cmd_calendar",
    "app.cli.cmd_dossiers",
    "app.cli.cmd_scan2pdf",
    "app.cli.cmd_scan",
    "app.cli.cmd_users",
    "app.cli.cmd_reports",
)


def build_parser(extra_commands: Sequence[str] = ()) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS keeps a value given before the command from being reset by the sub-parser.
    common.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help="portable mode: keep store, keys, logs and backups in DIR")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print JSON for scripts instead of text")
    parser = argparse.ArgumentParser(
        prog="motcua", parents=[common],
        description="MotCua Desk: receive administrative dossiers offline and sync them to the portal. "
                    "With no command, opens the desk app.")
    parser.add_argument("--version", action="version", version=f"motcua {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # `extra_commands` come from the entry point (ui.launcher): sync and portal commands live in
    # packages `app` may not import, so they are named by whoever composes the installation.
    for name in (*COMMAND_MODULES, *extra_commands):
        importlib.import_module(name).register(sub, common)
    return parser


def exit_code_for(error: MotcuaError) -> int:
    if isinstance(error, (LockedOutError, AccountDisabledError)):  # README: exit 3, only time or an admin helps
        return 3
    if isinstance(error, (InputError, AuthError, StoreMissingError, StoreExistsError)):
        return 2
    return 3


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


# Opens the desk app for a data folder and returns its exit status. Injected by `ui.launcher`
# (the installed `motcua` entry point) because `app` may not import Qt or `ui`.
DeskOpener = Callable[[DataPaths], int]


def open_desk_app(args: argparse.Namespace, open_desk: DeskOpener | None) -> int:
    if open_desk is None:
        sys.stderr.write("motcua: the desk app is not part of this installation; "
                         "run a command (see motcua --help)\n")
        return 2
    if not has_display():
        sys.stderr.write("motcua: no display found; run `motcua --help` for the commands (such as `motcua demo`), or set "
                         "QT_QPA_PLATFORM=offscreen to start the desk app without a screen\n")
        return 2
    return open_desk(data_paths(getattr(args, "data_dir", None)).ensure())


def main(argv: Sequence[str] | None = None, *, open_desk: DeskOpener | None = None,
         extra_commands: Sequence[str] = ()) -> int:
    parser = build_parser(extra_commands)
    args = parser.parse_args(argv)
    paths = data_paths(getattr(args, "data_dir", None))
    # A read-only data folder must not stop a read-only command: it just runs without a log file.
    with contextlib.suppress(OSError):
        configure_logging(paths.logs)
    try:
        if args.command is None:
            return open_desk_app(args, open_desk)
        return int(args.handler(args) or 0)
    except MotcuaError as error:
        say_error(error.message)
        return exit_code_for(error)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`motcua … | head`): not an error of ours; silence the flush at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:  # noqa: BLE001 - last resort: log the details, keep the terminal clean
        log.exception("command %s failed", args.command)
        sys.stderr.write(f"motcua: internal error; details are in {paths.logs}\n")
        return 1


if __name__ == "__main__":
    sys.exit(main())
