"""Protocol errors: an HTTP status, a machine code and a Vietnamese + English message.

The desk shows `message` verbatim, so both languages name the field or thing at fault. The
same error object serves HTTP responses and bundle import results (docs/sync-protocol.md §1.1).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from app.errors import InputError
from app.wire import WireProblem


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


_EXPECTED = {"object": ("một đối tượng", "an object"), "list": ("một danh sách", "a list"),
             "text": ("văn bản", "text"), "integer": ("một số nguyên", "a whole number"),
             "boolean": ("true hoặc false", "true or false"), "day": ("một ngày", "a day"),
             "time": ("một thời điểm", "a time")}
# (Vietnamese, English) wording of each WireProblem kind; `{name}` are the problem's params.
_WIRE_WORDS = {
    "missing": ("bị thiếu", "is missing"),
    "type": ("phải là {expected_vi}", "must be {expected_en}"),
    "too_long": ("dài quá {max} ký tự", "is longer than {max} characters"),
    "empty": ("bị để trống", "is empty"),
    "too_small": ("phải từ {min} trở lên", "must be at least {min}"),
    "too_large": ("không được lớn hơn {max}", "must be at most {max}"),
    "too_many": ("có quá {max} phần tử", "has more than {max} items"),
    "not_id": ("phải là mã định danh (UUID, tối đa 36 ký tự)",
               "must be an identifier (a UUID, at most 36 characters)"),
    "not_key": ("phải gồm 8–64 chữ, số hoặc . _ : -", "must be 8–64 letters, digits or . _ : -"),
    "not_sha256": ("phải là 64 ký tự hex thường (SHA-256)", "must be 64 lower-case hex digits (SHA-256)"),
    "not_secret": ("phải gồm 43–128 ký tự base64url ngẫu nhiên",
                   "must be 43–128 random base64url characters"),
    "not_unit_code": ("'{value}' không phải mã định danh đơn vị", "'{value}' is not an agency identifier"),
    "not_dossier_code": ("'{value}' không đúng dạng 000.00.06.H56-251124-0001",
                         "'{value}' is not of the form 000.00.06.H56-251124-0001"),
    "not_time": ("phải là thời điểm dạng ISO 8601", "must be an ISO 8601 time"),
    "not_day": ("phải là ngày dạng YYYY-MM-DD", "must be a day written YYYY-MM-DD"),
    "time_range": ("phải nằm trong các năm {earliest}–{latest}", "must lie in the years {earliest}–{latest}"),
    "unknown_value": ("'{value}' không phải giá trị được chấp nhận", "'{value}' is not an allowed value"),
    "mismatch": ("không khớp với {other}", "does not match {other}"),
    "not_nfc": ("phải là văn bản Unicode dạng NFC", "must be Unicode text in NFC form"),
    "nul_char": ("chứa ký tự NUL", "contains a NUL character"),
    "lone_surrogate": ("chứa ký tự Unicode hỏng (surrogate đơn lẻ)",
                       "contains a broken Unicode character (a lone surrogate)"),
    "duplicate_key": ("có khóa '{key}' lặp lại", "repeats the key '{key}'"),
    "not_finite": ("không phải số hữu hạn (NaN, Infinity)", "is not a finite number (NaN, Infinity)"),
    "too_deep": ("lồng nhau quá {max} cấp", "is nested deeper than {max} levels"),
    "not_json": ("không phải JSON hợp lệ", "is not valid JSON"),
    "not_utf8": ("không phải văn bản UTF-8", "is not UTF-8 text"),
    "invalid": ("không hợp lệ", "is not valid"),
}


def from_wire(problem: WireProblem) -> PortalError:
    """A body that breaks the wire format (app/wire.py) as a 422 naming the field in both languages."""
    vi, en = _WIRE_WORDS.get(problem.kind, _WIRE_WORDS["invalid"])
    expected = _EXPECTED.get(str(problem.params.get("expected")), ("giá trị khác", "another value"))
    params = {**problem.params, "expected_vi": expected[0], "expected_en": expected[1]}
    try:
        vi, en = vi.format(**params), en.format(**params)
    except (KeyError, IndexError):  # a kind raised without its params: say what is known
        vi, en = _WIRE_WORDS["invalid"]
    error = validation(problem.field, vi, en)
    error.details = {"problem": problem.kind, **problem.params}
    return error


@contextmanager
def wire_checked() -> Iterator[None]:
    """Turn a WireProblem raised inside into the portal's 422."""
    try:
        yield
    except WireProblem as problem:
        raise from_wire(problem) from None
