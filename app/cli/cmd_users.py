"""Officials: `users add|list|set-role|deactivate|reset-password|passwd`.

Two secrets can be needed at once (the acting official's and a new password), and neither may
come from the command line. The acting official's comes as in every command (`--password-stdin`,
else `MOTCUA_PASSWORD`); the new one from `--new-password-stdin` (the next line of standard
input, after the acting password's line when both are read from there), else
`MOTCUA_NEW_PASSWORD`.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import (add_store_user_options, emit, opened_store, paths_from, read_password, read_secret,
                            user_from)

NEW_PASSWORD_ENV = "MOTCUA_NEW_PASSWORD"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    users = sub.add_parser("users", parents=[common], help="officials: add, list, roles, deactivate, passwords")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", parents=[common], help="add an official (administrators)")
    add.add_argument("username", help="user name: 3–32 of a-z 0-9 . _ -")
    add.add_argument("--role", required=True, help="admin, receiver, post_agent, community or supervisor")
    add.add_argument("--full-name", required=True, help="the official's full name")
    _add_secret_options(add, new_password=True)
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", parents=[common], help="officials with role and state")
    _add_secret_options(listing)
    listing.set_defaults(handler=run_list)

    set_role = actions.add_parser("set-role", parents=[common], help="give an official another role")
    set_role.add_argument("username")
    set_role.add_argument("role", help="admin, receiver, post_agent, community or supervisor")
    _add_secret_options(set_role)
    set_role.set_defaults(handler=run_set_role)

    deactivate = actions.add_parser("deactivate", parents=[common],
                                    help="remove an official's key; their sign-in is refused")
    deactivate.add_argument("username")
    _add_secret_options(deactivate)
    deactivate.set_defaults(handler=run_deactivate)

    reset = actions.add_parser("reset-password", parents=[common],
                               help="set an official's password (reactivates); they choose a new one at sign-in")
    reset.add_argument("username")
    _add_secret_options(reset, new_password=True)
    reset.set_defaults(handler=run_reset_password)

    passwd = actions.add_parser("passwd", parents=[common], help="change your own password")
    _add_secret_options(passwd, new_password=True)
    passwd.set_defaults(handler=run_passwd)


def _add_secret_options(parser: argparse.ArgumentParser, *, new_password: bool = False) -> None:
    add_store_user_options(parser)
    if new_password:
        parser.add_argument("--new-password-stdin", action="store_true",
                            help=f"read the new password from the next line of standard input "
                                 f"(default: ${NEW_PASSWORD_ENV})")


def read_new_password(args: argparse.Namespace) -> str:
    """The new password: next stdin line with --new-password-stdin, else MOTCUA_NEW_PASSWORD."""
    return read_secret(args.new_password_stdin, NEW_PASSWORD_ENV, "new_password: none given",
                       "--new-password-stdin")


def _user_line(user: Any) -> str:
    state = "active" if user.active else "deactivated"
    if user.active and user.must_change:
        state += ", must choose a new password"
    return f"{user.username:<16} {user.role:<11} {state:<38} {user.full_name}"


def run_add(args: argparse.Namespace) -> int:
    from app.store.accounts import check_name, check_role, check_username

    # Everything checked before any password work, so a typo costs no Argon2 round.
    check_username(args.username)
    check_role(args.role)
    check_name(args.full_name, field="full_name")
    with opened_store(args) as store:
        user = store.add_user(username=args.username, full_name=args.full_name, role=args.role,
                              password=read_new_password(args))
    emit(args, user.to_dict(), f"Official added: {_user_line(user)}\n"
                               f"They choose their own password when they first sign in.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        users = store.list_users()
    human = "\n".join(_user_line(user) for user in users)
    emit(args, {"users": [user.to_dict() for user in users]}, human)
    return 0


def run_set_role(args: argparse.Namespace) -> int:
    from app.store.accounts import check_role, check_username

    check_username(args.username)
    check_role(args.role)
    with opened_store(args) as store:
        user = store.set_role(username=args.username, role=args.role)
    emit(args, user.to_dict(), f"Role set: {_user_line(user)}")
    return 0


def run_deactivate(args: argparse.Namespace) -> int:
    from app.store.accounts import check_username

    check_username(args.username)
    with opened_store(args) as store:
        store.deactivate_user(username=args.username)
    emit(args, {"username": args.username, "active": False},
         f"Deactivated: {args.username}; their key was removed and their sign-in is refused.\n"
         f"To let them work again: motcua users reset-password {args.username}")
    return 0


def run_reset_password(args: argparse.Namespace) -> int:
    from app.store.accounts import check_username

    check_username(args.username)
    with opened_store(args) as store:
        store.reset_password(username=args.username, new_password=read_new_password(args))
        self_reset = args.username == store.user.username
    note = "" if self_reset else "; they choose a new one when they next sign in"
    emit(args, {"username": args.username, "must_change_password": not self_reset},
         f"Password set for {args.username}{note}.")
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    from app.store.service import open_store

    username, password = user_from(args), read_password(args)
    new_password = read_new_password(args)
    # The one command a password set by an administrator may open the store for.
    store = open_store(paths_from(args), username=username, password=password, to_change_password=True)
    try:
        store.change_password(old_password=password, new_password=new_password)
    finally:
        store.close()
    emit(args, {"username": username}, f"Password changed for {username}.")
    return 0
