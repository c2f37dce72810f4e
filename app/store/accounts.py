"""Officials' accounts: the rules for user names, roles and names, and the user rows.

The password side of an account is its entry in the key file (app/store/keys.py); the row in
`users` carries who the person is and what they may do. Both are written by `create_user`.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import InputError
from app.store.keys import KeyFile, check_password_rules
from app.store.models import User
from app.text import collapse_spaces, nfc

ROLES = ("admin", "receiver", "post_agent", "community", "supervisor")
USERNAME_RE = re.compile(r"^[a-z0-9._-]{3,32}$")
MAX_NAME_LENGTH = 200


def check_username(username: str, *, field: str = "username") -> str:
    if not isinstance(username, str) or not USERNAME_RE.fullmatch(username):
        raise InputError(f"{field}: {username!r} must be 3–32 lower-case letters, digits, '.', '_' or '-'")
    return username


def check_role(role: str, *, field: str = "role") -> str:
    if role not in ROLES:
        raise InputError(f"{field}: {role!r} is not one of {', '.join(ROLES)}")
    return role


def check_name(name: str, *, field: str) -> str:
    """A person's or unit's name: NFC, single spaces, not empty, not absurdly long."""
    cleaned = collapse_spaces(nfc(name or ""))
    if not cleaned:
        raise InputError(f"{field}: must not be empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InputError(f"{field}: longer than {MAX_NAME_LENGTH} characters")
    return cleaned


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def first_admin(session: Session) -> User | None:
    """The account the recovery key acts as: the oldest active administrator."""
    return session.scalar(select(User).where(User.role == "admin", User.active.is_(True))
                          .order_by(User.created_at, User.id).limit(1))


def create_user(session: Session, keyfile: KeyFile, *, username: str, full_name: str, role: str,
                password: str, data_key: bytes) -> User:
    """Insert the user row and put the wrapped key in `keyfile` (the caller saves it).

    Validates everything first, so nothing is written for bad input.
    """
    check_username(username)
    full_name = check_name(full_name, field="full_name")
    check_role(role)
    check_password_rules(password)
    if find_user(session, username) is not None or keyfile.has_user(username):
        raise InputError(f"username: {username!r} already exists")
    user = User(username=username, full_name=full_name, role=role, active=True)
    session.add(user)
    session.flush()
    keyfile.set_user(username, password, data_key)
    return user
