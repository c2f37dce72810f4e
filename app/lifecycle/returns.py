"""Return of the result at the desk: finding the dossier from the receipt's QR (or a typed code)
and what is still to settle (the fee) before the result is handed over.

The receipt's lookup QR (app/forms/receipt_2018.py, setting "receipt.lookup_url") is a web
address with the dossier code in it, e.g. https://dichvucong.gov.vn/tra-cuu-ho-so?ma=CODE; a
barcode reader types that text. `code_from_scan` takes the code out of it, or out of a code
typed by hand (spaces and case as typed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.codes import UNIT_CODE_PATTERN
from app.lifecycle.actions import fee_due_vnd, find_dossier
from app.lifecycle.errors import LifecycleError
from app.text import excerpt

_CODE_IN_TEXT = re.compile(rf"(?<![0-9A-Za-z.])({UNIT_CODE_PATTERN}-[0-9]{{6}}-[0-9]{{4,5}})(?![0-9])", re.ASCII)
MAX_SCAN_CHARS = 2000  # a QR holds at most ~3 kB; anything longer is not a scan


def code_from_scan(text: str) -> str:
    """The dossier code in a scanned QR text or a typed code; LifecycleError when none is there."""
    raw = text if isinstance(text, str) else ""
    if len(raw) > MAX_SCAN_CHARS:
        raise LifecycleError("no_code", f"dossier code: {len(raw)} characters read, too long for a "
                             "receipt QR", text=excerpt(raw))
    squeezed = "".join(raw.split()).upper()
    found = _CODE_IN_TEXT.search(squeezed)
    if found is None:
        raise LifecycleError("no_code", f"dossier code: none found in {excerpt(raw)}", text=excerpt(raw))
    return found.group(1)


@dataclass(frozen=True)
class ReturnPrompt:
    """What the return screen shows before the official hands the result over."""

    code: str
    status: str
    applicant_name: str
    representative_name: str
    representative_id: str
    delivery: str  # desk | post
    delivery_address: str
    fee_due_vnd: int
    due_at: datetime | None
    returned_at: datetime | None


def return_prompt(session: Session, scanned: str) -> ReturnPrompt:
    """The dossier a scan or typed code names, with the fee still due."""
    dossier = find_dossier(session, code_from_scan(scanned))
    data: dict[str, Any] = dossier.data or {}
    applicant: dict[str, Any] = data["applicant"] if isinstance(data.get("applicant"), dict) else {}
    representative = data.get("representative") if isinstance(data.get("representative"), dict) else {}
    return ReturnPrompt(code=dossier.code, status=dossier.status,
                        applicant_name=str(applicant.get("full_name") or ""),
                        representative_name=str((representative or {}).get("full_name") or ""),
                        representative_id=str((representative or {}).get("id_number") or ""),
                        delivery=dossier.delivery or "desk",
                        delivery_address=str(data.get("delivery_address") or ""),
                        fee_due_vnd=fee_due_vnd(dossier), due_at=dossier.due_at,
                        returned_at=dossier.returned_at)
