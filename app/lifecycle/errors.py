"""Refusals of lifecycle actions: each names why in English (CLI, log) and carries a problem
kind `lifecycle.*` plus parameters, which ui/problems.py words for the screens."""

from __future__ import annotations

from typing import Any

from app.errors import InputError, PermissionDeniedError


class LifecycleError(InputError):
    """An action the process does not allow now (state, missing detail, not late…); exit 2."""

    code = "lifecycle"
    title = "Action not allowed"

    def __init__(self, kind: str, message: str, **params: Any) -> None:
        super().__init__(message, kind=f"lifecycle.{kind}", params=params)


class LifecycleRoleError(PermissionDeniedError):
    """The signed-in official's role may not take this action; exit 2."""

    def __init__(self, action: str, role: str, username: str) -> None:
        super().__init__(f"{action}: user {username!r} ({role}) may not take this action",
                         kind="lifecycle.role_may_not", params={"action": action, "role": role})
