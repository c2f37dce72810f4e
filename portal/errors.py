"""Protocol errors: an HTTP status, a machine code and a Vietnamese + English message.

The desk shows `message` verbatim, so both languages name the field or thing at fault. The
same error object serves HTTP responses and bundle import results (docs/sync-protocol.md §1.1).
"""

from __future__ import annotations

from typing import Any

from app.errors import InputError


class PortalError(InputError):
    """A refused request. `InputError` so the admin CLI exits 2 with the message on one line."""

    def __init__(self, status: int, code: str, message_vi: str, message_en: str, *,
                 field: str | None = None, details: dict[str, Any] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(f"{message_vi} — {message_en}")
        self.status = status
        self.code = code
        self.message_vi = message_vi
        self.message_en = message_en
        self.field = field
        self.details = details or {}
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "message_vi": self.message_vi,
                          "message_en": self.message_en, "field": self.field, "details": self.details}}


def validation(field: str, vi: str, en: str) -> PortalError:
    """422 for a wrong field of a request body; `vi`/`en` say what is wrong with it."""
    return PortalError(422, "validation", f"Trường {field}: {vi}", f"Field {field}: {en}", field=field)


def not_found(what_vi: str, what_en: str, ident: str) -> PortalError:
    """404 naming what the caller asked for (cut short: it may be anything a client sent)."""
    ident = ident if len(ident) <= 64 else ident[:64] + "…"
    return PortalError(404, "not_found", f"Không tìm thấy {what_vi} {ident}",
                       f"No {what_en} {ident} on the portal", details={"id": ident})


def forbidden(vi: str, en: str, field: str | None = None) -> PortalError:
    """403: the device is known but may not act on this unit's dossiers. Says nothing of what the
    other unit holds (no ids, no codes beyond what the caller sent)."""
    return PortalError(403, "forbidden", vi, en, field=field)


def bad_request(header: str, vi: str, en: str) -> PortalError:
    return PortalError(400, "bad_request", f"Tiêu đề {header}: {vi}", f"Header {header}: {en}", field=header)


def auth_failed(vi: str, en: str, code: str = "auth_failed") -> PortalError:
    return PortalError(401, code, vi, en, headers={"WWW-Authenticate": "Bearer"})
