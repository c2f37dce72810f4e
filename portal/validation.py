"""Checks of request bodies; every failure is a 422 naming the field in Vietnamese and English.

The desk quarantines a dossier on such an answer and shows the message as it is, so each
message must let an official (or the admin they call) find the field without a log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from app.clock import VIETNAM
from app.codes import UNIT_CODE_RE, parse_dossier_code
from app.errors import InputError
from app.statuses import INITIAL_STATUS, STATUSES
from portal.errors import validation

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
ID_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._:-]{0,63}$")


@dataclass(frozen=True)
class CheckedDossier:
    version: int
    code: str
    unit_code: str
    receiving_unit: str
    status: str
    received_at: datetime
    hashes: list[str]
    data: dict[str, Any]


def check_id(value: object, field: str) -> str:
    if not isinstance(value, str) or not ID_RE.fullmatch(value):
        raise validation(field, "phải là mã định danh (UUID)", "must be an identifier (UUID)")
    return value


def _text(data: dict[str, Any], name: str, field: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise validation(field, "bị thiếu hoặc để trống", "is missing or empty")
    return value


def parse_time(value: object, field: str) -> datetime:
    """An ISO time; without an offset it is Vietnam time. Returned in UTC."""
    if not isinstance(value, str):
        raise validation(field, "phải là thời điểm dạng ISO 8601", "must be an ISO 8601 time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise validation(field, f"'{value}' không phải thời điểm hợp lệ",
                         f"'{value}' is not a valid time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM)
    return moment.astimezone(timezone.utc)


def parse_day(value: object, field: str) -> date:
    if not isinstance(value, str):
        raise validation(field, "phải là ngày dạng YYYY-MM-DD", "must be a day written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise validation(field, f"'{value}' không phải ngày hợp lệ",
                         f"'{value}' is not a valid day") from None


def whole(value: object, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise validation(field, f"phải là số nguyên từ {low} đến {high}",
                         f"must be a whole number from {low} to {high}")
    return value


def _page_hashes(documents: object) -> list[str]:
    if documents is None:
        return []
    if not isinstance(documents, list):
        raise validation("dossier.documents", "phải là danh sách", "must be a list")
    hashes: list[str] = []
    for i, doc in enumerate(documents):
        if not isinstance(doc, dict):
            raise validation(f"dossier.documents[{i}]", "phải là một đối tượng", "must be an object")
        pages = doc.get("pages", [])
        if not isinstance(pages, list):
            raise validation(f"dossier.documents[{i}].pages", "phải là danh sách", "must be a list")
        for j, page in enumerate(pages):
            where = f"dossier.documents[{i}].pages[{j}]"
            if not isinstance(page, dict):
                raise validation(where, "phải là một đối tượng", "must be an object")
            sha = page.get("sha256")
            if not isinstance(sha, str) or not SHA256_RE.fullmatch(sha):
                raise validation(f"{where}.sha256", "phải là 64 ký tự hex thường (SHA-256)",
                                 "must be 64 lower-case hex digits (SHA-256)")
            whole(page.get("size"), f"{where}.size", 0, 1 << 40)
            hashes.append(sha)
    return hashes


def _check_code(data: dict[str, Any]) -> tuple[str, str]:
    code = _text(data, "code", "dossier.code")
    try:
        code_unit, _day, _number = parse_dossier_code(code)
    except InputError:
        raise validation("dossier.code", f"'{code}' không đúng dạng 000.00.06.H56-251124-0001",
                         f"'{code}' is not of the form 000.00.06.H56-251124-0001") from None
    unit = _text(data, "unit_code", "dossier.unit_code")
    if not UNIT_CODE_RE.fullmatch(unit):
        raise validation("dossier.unit_code", f"'{unit}' không phải mã định danh đơn vị",
                         f"'{unit}' is not an agency identifier")
    if code_unit != unit:
        raise validation("dossier.code", f"mã đơn vị trong mã hồ sơ ({code_unit}) khác unit_code ({unit})",
                         f"the unit in the dossier code ({code_unit}) differs from unit_code ({unit})")
    return code, unit


def check_dossier(dossier_id: str, body: dict[str, Any]) -> CheckedDossier:
    """The PUT body checked against docs/sync-protocol.md §4.1; raises a 422 on the first fault."""
    check_id(dossier_id, "dossier_id")
    version = whole(body.get("version"), "version", 1, 1 << 31)
    data = body.get("dossier")
    if not isinstance(data, dict):
        raise validation("dossier", "bị thiếu hoặc không phải đối tượng", "is missing or not an object")
    if data.get("dossier_id", dossier_id) != dossier_id:
        raise validation("dossier.dossier_id", "khác mã hồ sơ trong đường dẫn",
                         "differs from the id in the path")
    code, unit = _check_code(data)
    receiving = data.get("receiving_unit") or unit
    if not isinstance(receiving, str) or not UNIT_CODE_RE.fullmatch(receiving):
        raise validation("dossier.receiving_unit", f"'{receiving}' không phải mã định danh đơn vị",
                         f"'{receiving}' is not an agency identifier")
    status = data.get("status") or INITIAL_STATUS
    if status not in STATUSES:
        raise validation("dossier.status", f"'{status}' không phải trạng thái hợp lệ",
                         f"'{status}' is not a known status")
    received_at = parse_time(data.get("received_at"), "dossier.received_at")
    procedure = data.get("procedure")
    if not isinstance(procedure, dict):
        raise validation("dossier.procedure", "bị thiếu thủ tục hành chính", "the procedure is missing")
    _text(procedure, "code", "dossier.procedure.code")
    applicant = data.get("applicant")
    if not isinstance(applicant, dict):
        raise validation("dossier.applicant", "bị thiếu người nộp hồ sơ", "the applicant is missing")
    _text(applicant, "full_name", "dossier.applicant.full_name")
    hashes = sorted(set(_page_hashes(data.get("documents"))))
    return CheckedDossier(version, code, unit, receiving, status, received_at, hashes, data)
