"""User-facing error types shared by the CLI, the desk app and services.

Every error a person can cause or must act on is a `MotcuaError` with a stable `code`
(the UI maps codes to translated titles), an English `title` and a `message` that names
what is wrong and where. Anything else is a bug and goes to the crash handler.

The core never speaks to the screens in display text: an error also carries a problem `kind`
(a stable dotted name such as "sync.enrol_token_refused") and the `params` that sentence needs;
`ui/problems.py` holds the one table from kinds to `tr()` sentences. `message` stays English,
for logs and the command line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class MotcuaError(Exception):
    """Base of all errors meant to be shown to a person rather than logged as a crash."""

    code = "error"
    title = "Error"

    def __init__(self, message: str, *, title: str | None = None, kind: str | None = None,
                 params: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        if title is not None:
            self.title = title
        # What a screen says comes from `kind` and `params` (ui/problems.py turns them into
        # translated text); `message` is the English wording for logs and the command line.
        self.kind = kind or self.code
        self.params: dict[str, Any] = dict(params or {})

    def __str__(self) -> str:
        return self.message


class InputError(MotcuaError):
    """Bad input from a person or a file; the CLI exits with status 2."""

    code = "input"
    title = "Invalid input"


class NotFoundError(InputError):
    """Something named by the caller (a procedure code, a dossier, a user) does not exist."""

    code = "not_found"
    title = "Not found"


class AuthError(MotcuaError):
    """Wrong user name or password, or a role that may not do this."""

    code = "auth"
    title = "Sign-in failed"


class LockedOutError(AuthError):
    """Too many failed attempts: the account is locked until `until` (UTC ISO text)."""

    code = "locked_out"
    title = "Account locked"

    def __init__(self, message: str, *, until: str) -> None:
        super().__init__(message, params={"until": until})
        self.until = until


class AccountDisabledError(AuthError):
    """The account was deactivated by an administrator: its key is gone, no password opens it."""

    code = "account_disabled"
    title = "Account deactivated"


class PasswordChangeRequiredError(AuthError):
    """An administrator set this password; it may only be used to choose a new one."""

    code = "password_change_required"
    title = "New password needed"


class PermissionDeniedError(AuthError):
    """The signed-in user's role does not allow the action."""

    code = "permission"
    title = "Not allowed"


class StoreError(MotcuaError):
    """The local store cannot be used as asked (missing, busy, full)."""

    code = "store"
    title = "Local store problem"


class StoreMissingError(StoreError):
    code = "store_missing"
    title = "No local store"


class StoreExistsError(StoreError):
    code = "store_exists"
    title = "Store already exists"


class StoreCorruptError(StoreError):
    """The store file is damaged or truncated; `backups` lists what could restore it."""

    code = "store_corrupt"
    title = "Local store damaged"

    def __init__(self, message: str, *, backups: list[str] | None = None, kind: str | None = None,
                 params: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, kind=kind, params=params)
        self.backups = backups or []


class StoreTooNewError(StoreError):
    """The store was written by a newer MotCua Desk; opening it could lose data."""

    code = "store_too_new"
    title = "Store from a newer version"


class MigrationError(StoreError):
    """An upgrade step failed; the store was left as it was before the upgrade."""

    code = "migration"
    title = "Upgrade failed"
