"""The one code path for every mutating request, whether it came over HTTP or in a USB bundle.

`apply_operation` resolves (method, path) to its effect and runs it through the idempotency
store, so an operation delivered both ways, or twice either way, has its effect once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from portal.codeblocks import reserve_block
from portal.devices import AuthenticatedDevice
from portal.dossiers import add_event, put_dossier
from portal.errors import PortalError
from portal.idempotency import Effect, Outcome, check_key, run_idempotent

_DOSSIER = re.compile(r"^/v1/dossiers/(?P<id>[^/]+)$")
_EVENTS = re.compile(r"^/v1/dossiers/(?P<id>[^/]+)/events$")


def _bind(func: Callable[[Session, AuthenticatedDevice, str, dict[str, Any]], tuple[int, dict[str, Any]]],
          ident: str) -> Effect:
    return lambda session, device, body: func(session, device, ident, body)


def resolve(method: str, path: str) -> Effect:
    """The effect of a mutating request; anything else is refused (bundles may hold only these)."""
    method = method.upper()
    if method == "PUT" and (match := _DOSSIER.fullmatch(path)):
        return _bind(put_dossier, match["id"])
    if method == "POST" and (match := _EVENTS.fullmatch(path)):
        return _bind(add_event, match["id"])
    if method == "POST" and path == "/v1/code-blocks":
        return reserve_block
    raise PortalError(422, "validation", f"Thao tác {method} {path} không được hỗ trợ",
                      f"Operation {method} {path} is not supported", field="path")


def apply_operation(engine: Engine, device: AuthenticatedDevice, key: str | None, method: str, path: str,
                    body: object) -> Outcome:
    """Check the key and body, then apply the operation exactly once in effect."""
    checked_key = check_key(key)
    if not isinstance(body, dict):
        raise PortalError(422, "validation", "Nội dung yêu cầu phải là một đối tượng JSON",
                          "The request body must be a JSON object", field="body")
    return run_idempotent(engine, device, checked_key, method.upper(), path, body, resolve(method, path))
