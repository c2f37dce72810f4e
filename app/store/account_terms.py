"""The account vocabulary the screens need without the store: the roles, the user-name rule and AccountError.

Kept apart from `app.store.accounts` (which reads and writes user rows through SQLAlchemy) so
that the sign-in screen and the password dialogs can name roles and word account problems
without importing the ORM before the first window is shown.
"""

from __future__ import annotations

import re

from app.errors import InputError

ROLES = ("admin", "receiver", "post_agent", "community", "supervisor")
USERNAME_RE = re.compile(r"^[a-z0-9._-]{3,32}$")


class AccountError(InputError):
    """An account rule refused a change. `kind` says which (the screens word it themselves, by
    kind, never by matching this English text) and `username` whom it concerns."""

    code = "account"

    def __init__(self, message: str, *, kind: str, username: str = "") -> None:
        super().__init__(message, kind=kind, params={"username": username})
        self.username = username
