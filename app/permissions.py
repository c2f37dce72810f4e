"""Which role may do what: one place the CLI and the services ask before acting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.errors import PermissionDeniedError

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store


def require_role(store: Store, *roles: str) -> None:
    """Refuse unless the signed-in user has one of `roles`."""
    if store.user.role not in roles:
        allowed = " or ".join(roles)
        raise PermissionDeniedError(f"user {store.user.username!r} ({store.user.role}) may not do this; "
                                    f"it needs the role {allowed}")
