"""What every command shares: reading secrets, opening the store, printing human text or JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.errors import InputError
from app.paths import DataPaths, data_paths
from app.text import escape_unsafe

PASSWORD_ENV = "MOTCUA_PASSWORD"
USER_ENV = "MOTCUA_USER"


def paths_from(args: argparse.Namespace) -> DataPaths:
    return data_paths(getattr(args, "data_dir", None))


def read_password(args: argparse.Namespace, *, what: str = "password") -> str:
    """The secret from standard input (`--password-stdin`) or the environment, never argv."""
    return read_secret(bool(getattr(args, "password_stdin", False)), PASSWORD_ENV,
                       f"no {what}", "--password-stdin")


def read_secret(from_stdin: bool, env: str, missing: str, option: str) -> str:
    """A secret from the next line of standard input, or else environment variable `env`; the
    one place secrets are read, so none ever comes from the command line."""
    secret = sys.stdin.readline().rstrip("\r\n") if from_stdin else os.environ.get(env, "")
    if not secret:
        raise InputError(f"{missing}: pass it on standard input with {option} or in the {env} "
                         "environment variable")
    return secret


def user_from(args: argparse.Namespace) -> str:
    user = getattr(args, "user", None) or os.environ.get(USER_ENV)
    if not user:
        raise InputError(f"no user: name the official with --user or the {USER_ENV} environment variable")
    return user


@contextmanager
def opened_store(args: argparse.Namespace) -> Iterator[Any]:
    """Open the store as the named user; close it whatever happens."""
    from app.store.service import open_store

    store = open_store(paths_from(args), username=user_from(args), password=read_password(args))
    try:
        yield store
    finally:
        store.close()


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "to_dict"):
        return value.to_dict()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def for_terminal(text: str) -> str:
    """`text` safe to print: control characters (ESC sequences that clear the screen or retitle
    the window, a carriage return that overwrites a line), bidi overrides and invisible
    characters from stored data are shown as escapes like \\x1b; line breaks and tabs stay."""
    return escape_unsafe(text, keep="\n\t")


def say_error(text: str) -> None:
    """One `motcua: …` line on standard error, made safe for the terminal."""
    sys.stderr.write(f"motcua: {for_terminal(text)}\n")


def emit(args: argparse.Namespace, data: Any, human: str) -> None:
    """Print JSON when `--json` was given, otherwise the human text made safe for the terminal.

    JSON keeps Vietnamese letters as they are; the characters it would leave raw (C1 controls,
    bidi overrides, lone surrogates) are written as \\uXXXX escapes, which JSON readers undo.
    Outside strings JSON has only its own line breaks, so those are kept."""
    if getattr(args, "json", False):
        text = json.dumps(data, ensure_ascii=False, default=_json_default, indent=2)
        sys.stdout.write(escape_unsafe(text, keep="\n", json_escapes=True) + "\n")
    else:
        sys.stdout.write(for_terminal(human.rstrip("\n")) + "\n")


def add_store_user_options(parser: argparse.ArgumentParser) -> None:
    """Options of every command that opens the encrypted store."""
    parser.add_argument("--user", help=f"official's user name (default: ${USER_ENV})")
    add_password_option(parser)


def add_password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-stdin", action="store_true",
                        help=f"read the password from standard input (default: ${PASSWORD_ENV})")
