"""Plain-language sign-in failure messages shared by the login, lock and password screens."""

from __future__ import annotations

from datetime import datetime
from datetime import timezone

from PySide6.QtCore import QCoreApplication

from app.clock import to_local
from app.errors import AccountDisabledError
from app.errors import AuthError
from app.errors import LockedOutError
from app.errors import PermissionDeniedError
from ui.errors import error_text


def minutes_until(until_iso: str, now: datetime | None = None) -> int:
    """Whole minutes (rounded up, at least 1) until the UTC ISO moment `until_iso`."""
    until = datetime.fromisoformat(until_iso.replace("Z", "+00:00"))
    if until.tzinfo is None:
        until = until.replace(tzinfo=timezone.utc)
    seconds = (until - (now or datetime.now(timezone.utc))).total_seconds()
    return max(1, int(-(-seconds // 60)))


def locked_out_text(exc: LockedOutError, now: datetime | None = None) -> str:
    """'Locked; try again in N minutes (at HH:MM)' in Vietnam time."""
    try:
        minutes = minutes_until(exc.until, now)
        # The unit's wall clock (Vietnam time), not the PC's zone: a desk PC left on UTC would
        # otherwise tell the official to come back seven hours early.
        local = to_local(datetime.fromisoformat(exc.until.replace("Z", "+00:00")))
    except ValueError:
        return QCoreApplication.translate(
            "auth", "Too many failed attempts. The account is locked for a while.")
    return (
        QCoreApplication.translate("auth", "Too many failed attempts. Try again in %1 min (at %2).")
        .replace("%1", str(minutes))
        .replace("%2", local.strftime("%H:%M"))
    )


def auth_failure_text(exc: BaseException, *, password_only: bool = False) -> str:
    """Message for a failed sign-in or unlock; wrong credentials never say which part was wrong.

    `password_only`: the screen asked for a password and nothing else (unlock, change password),
    so it must not speak of a user name the official was never asked for."""
    if isinstance(exc, LockedOutError):
        return locked_out_text(exc)
    if isinstance(exc, AccountDisabledError):
        return QCoreApplication.translate(
            "auth", "This account has been deactivated. Ask an administrator to reset its password "
                    "to use it again.")
    if isinstance(exc, AuthError) and not isinstance(exc, PermissionDeniedError):
        if password_only:
            return QCoreApplication.translate("auth", "Wrong password.")
        return QCoreApplication.translate("auth", "Wrong user name or password.")
    return error_text(exc)
