"""Which role may do what: one place the CLI and the services ask before acting."""

from __future__ import annotations

from typing import Any

from app.errors import PermissionDeniedError


def require_role(store: Any, *roles: str) -> None:
    """Refuse unless the signed-in user has one of `roles`."""
    if store.user.role not in roles:
        allowed = " or ".join(roles)
        raise PermissionDeniedError(f"user {store.user.username!r} ({store.user.role}) may not do this; "
                                    f"it needs the role {allowed}")
