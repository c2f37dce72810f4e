"""A desk whose dossiers have been through the desk's paths, for the register and report tests.

Dossiers are received through the real reception service; what happened to them afterwards is
written as the lifecycle actions record it (store revision 0005, the shared data contract in
docs/lifecycle.md): a status event with its `action` and `details`, the dossier's status, and
`returned_at` for a return. One dossier keeps the older form (status events without an action,
as rows from before revision 0005 and statuses pulled from the portal look).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.reports.milestones import Event as Step  # a step as the lifecycle records it
from app.store.models import Dossier, StatusEvent
from app.store.service import Store
from tests.app.test_receipt_support import (birth_request, certify_request, configure, make_desk, page_file,
                                            receive)

# The September 2025 dossier is received under the 2018 forms; November under the 2025 ones.
SEPT = datetime(2025, 9, 8, 8, 30)
EARLY_NOV = datetime(2025, 11, 3, 14, 10)
BODY = "Công chức Tư pháp - Hộ tịch"


def act(store: Store, code: str, *steps: Step, due_original: datetime | None = None) -> None:
    """Record `steps` on dossier `code` the way the lifecycle actions write them."""
    with store.session() as session:
        dossier = session.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier is not None
        for step in steps:
            session.add(StatusEvent(dossier_id=dossier.id, status=step.status, at=step.at,
                                    by_user="binh", action=step.action, details=step.details))
            dossier.status = step.status
            if step.action == "return":
                dossier.returned_at = step.at
            if step.action == "apologise" and isinstance(step.details, dict):
                try:
                    dossier.due_at = datetime.fromisoformat(step.details["new_due"])
                except ValueError:
                    pass  # a malformed event (tests of hostile data) moves nothing
        if due_original is not None:
            dossier.due_original = due_original


def set_due(store: Store, code: str, due: datetime) -> None:
    with store.session() as session:
        dossier = session.scalar(select(Dossier).where(Dossier.code == code))
        assert dossier is not None
        dossier.due_at = due


@dataclass(frozen=True)
class Desk:
    store: Store
    codes: dict[str, str]
    folder: Path


def build_desk(folder: Path) -> Desk:
    """Six dossiers received 24/11/2025 (plus one in September and one on 3/11):

    - "returned": handed over, back from the body, result ready, returned to the applicant on time;
    - "posted": a representative's certification, apologised for, returned late by post;
    - "refused": refused at the desk;
    - "portal": moved by statuses pulled from the portal (no actions), returned on 26/11;
    - "open": still being processed (due 24/11 17:00, so overdue from then on);
    - "waiting": waiting for supplements (clock stopped, never overdue);
    - "september": received 8/9/2025 (2018 forms), returned the same day;
    - "early": received 3/11/2025, returned 25/11/2025 to a representative, late.
    """
    store = make_desk(folder / "data")
    configure(store)
    page = page_file(folder)
    codes = {name: receive(store, birth_request(store, page)) for name in ("returned", "refused", "portal",
                                                                           "open", "waiting")}
    codes["posted"] = receive(store, certify_request(store, page, pages=3))
    codes["september"] = receive(store, birth_request(store, page, received_at=SEPT))
    codes["early"] = receive(store, birth_request(store, page, received_at=EARLY_NOV))
    day = datetime(2025, 11, 24)
    act(store, codes["returned"],
        Step("DANG_XU_LY", day.replace(hour=10), "handover", {"to_body": BODY, "documents": 2, "note": ""}),
        Step("DANG_XU_LY", day.replace(hour=15, minute=30), "receive_back", {"from_body": BODY, "note": ""}),
        Step("CO_KET_QUA", day.replace(hour=15, minute=31), "result_ready", {"note": ""}),
        Step("DA_TRA", day.replace(hour=16, minute=45), "return",
             {"to": "applicant", "name": "Nguyễn Văn An", "id_number": None, "tracking": None,
              "fee_collected_vnd": 0}))
    set_due(store, codes["posted"], datetime(2025, 11, 25, 9, 5))
    act(store, codes["posted"],
        Step("DANG_XU_LY", day.replace(hour=9, minute=30), "handover",
             {"to_body": "Công chức Văn phòng - Thống kê", "documents": 1, "note": ""}),
        Step("DANG_XU_LY", datetime(2025, 11, 25, 8, 0), "apologise",
             {"old_due": "2025-11-25T09:05:00", "new_due": "2025-11-26T16:00:00",
              "reason": "Chờ xác minh bản chính"}),
        Step("CO_KET_QUA", datetime(2025, 11, 26, 10, 0), "result_ready", {"note": ""}),
        Step("DA_TRA", datetime(2025, 11, 27, 10, 0), "return",
             {"to": "post", "name": "Lê Thị Cúc", "id_number": None, "tracking": "EL123456789VN",
              "fee_collected_vnd": 3000}),
        due_original=datetime(2025, 11, 25, 9, 5))
    act(store, codes["refused"], Step("TU_CHOI", day.replace(hour=9, minute=20), "refuse",
                                      {"reason": "Không thuộc thẩm quyền của xã"}))
    act(store, codes["portal"], Step("DANG_XU_LY", day.replace(hour=11)),
        Step("CO_KET_QUA", datetime(2025, 11, 25, 14, 0), "portal"),
        Step("DA_TRA", datetime(2025, 11, 26, 8, 0), "portal"))
    act(store, codes["waiting"], Step("CHO_BO_SUNG", day.replace(hour=9, minute=40), "request_supplement",
                                      {"items": ["Giấy chứng sinh"], "reason": "Bản chụp mờ",
                                       "paused_at": "2025-11-24T09:40:00"}))
    act(store, codes["september"], Step("DA_TRA", datetime(2025, 9, 8, 16, 0), "return",
                                        {"to": "applicant", "name": "Nguyễn Văn An", "id_number": None,
                                         "tracking": None, "fee_collected_vnd": 0}))
    set_due(store, codes["early"], datetime(2025, 11, 4, 17, 0))
    act(store, codes["early"], Step("DA_TRA", datetime(2025, 11, 25, 10, 0), "return",
                                    {"to": "representative", "name": "Phạm Văn Dũng",
                                     "id_number": "001085000999",
                                     "tracking": None, "fee_collected_vnd": 0}))
    return Desk(store, codes, folder)
