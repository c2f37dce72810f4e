"""Officials' accounts: the rules for user names, roles and names, and the user rows.

The password side of an account is its entry in the key file (app/store/keys.py); the row in
`users` carries who the person is and what they may do. Both are written by `create_user`.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import InputError
from app.store.account_terms import ROLES, USERNAME_RE, AccountError  # noqa: F401 - part of this module's interface
from app.store.keys import KeyFile, check_password_rules
from app.store.models import User
from app.text import collapse_spaces, nfc

MAX_NAME_LENGTH = 200


def shown(value: object, limit: int = 40) -> str:
    """A value typed by someone, quoted and cut short enough to put in one line of an error."""
    text = str(value)
    return repr(text if len(text) <= limit else text[:limit] + "…")


def check_username(username: str, *, field: str = "username") -> str:
    if not isinstance(username, str) or not USERNAME_RE.fullmatch(username):
        raise InputError(f"{field}: {shown(username)} must be 3–32 lower-case letters, digits, '.', '_' or '-'",
                         kind="account.username_bad")
    return username


def check_role(role: str, *, field: str = "role") -> str:
    if role not in ROLES:
        raise InputError(f"{field}: {shown(role)} is not one of {', '.join(ROLES)}", kind="account.role_bad")
    return role


def check_name(name: str, *, field: str) -> str:
    """A person's or unit's name: NFC, single spaces, not empty, not absurdly long."""
    cleaned = collapse_spaces(nfc(name or ""))
    if not cleaned:
        raise InputError(f"{field}: must not be empty", kind="account.name_required")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InputError(f"{field}: longer than {MAX_NAME_LENGTH} characters", kind="account.name_too_long",
                         params={"max": MAX_NAME_LENGTH})
    return cleaned


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def get_user(session: Session, username: str, *, field: str = "username") -> User:
    """The named official, or InputError naming the field (an unknown name exits 2)."""
    user = find_user(session, username)
    if user is None:
        raise AccountError(f"{field}: no official {shown(username)}", kind="account.unknown_user",
                           username=username)
    return user


def list_users(session: Session) -> list[User]:
    """Every account, active ones first, then by user name."""
    return list(session.scalars(select(User).order_by(User.active.desc(), User.username)))


def active_admins(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(User)
                              .where(User.role == "admin", User.active.is_(True))) or 0)


def refuse_losing_last_admin(session: Session, user: User) -> None:
    """Nobody could manage officials, holidays or the catalogue any more; the recovery key
    too acts as an active administrator."""
    if user.role == "admin" and user.active and active_admins(session) <= 1:
        raise AccountError(f"username: {shown(user.username)} is the last active "
                           f"administrator; make another official an administrator first",
                           kind="account.last_admin", username=user.username)


def first_admin(session: Session) -> User | None:
    """The account the recovery key acts as: the oldest active administrator."""
    return session.scalar(select(User).where(User.role == "admin", User.active.is_(True))
                          .order_by(User.created_at, User.id).limit(1))


def create_user(session: Session, keyfile: KeyFile, *, username: str, full_name: str, role: str,
                password: str, data_key: bytes, must_change: bool = False) -> User:
    """Insert the user row and put the wrapped key in `keyfile` (the caller saves it).

    Validates everything first, so nothing is written for bad input.
    """
    check_username(username)
    full_name = check_name(full_name, field="full_name")
    check_role(role)
    check_password_rules(password)
    existing = find_user(session, username)
    if existing is not None and not existing.active:
        raise AccountError(f"username: {shown(username)} already exists, deactivated; reset their password "
                           "to reactivate the account", kind="account.exists_deactivated", username=username)
    if existing is not None or keyfile.has_user(username):
        raise AccountError(f"username: {shown(username)} already exists", kind="account.exists", username=username)
    user = User(username=username, full_name=full_name, role=role, active=True)
    session.add(user)
    session.flush()
    keyfile.set_user(username, password, data_key, must_change=must_change)
    return user
