"""Fill a store with realistic synthetic dossiers for benchmarks (and demos).

Vietnamese names, addresses, procedures from the store's own catalogue, statuses that follow the
state machine, returning applicants, pending outbox rows for the newest dossiers. Rows go in with
Core bulk inserts so 100,000 dossiers take seconds, not minutes. Dossier days are all before
today, so a reception made afterwards never meets a generated code.

    python -m bench.synthetic --data-dir DIR --count 100000    (creates the store when absent)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from app.codes import format_dossier_code
from app.ids import new_id
from app.paths import data_paths
from app.statuses import TRANSITIONS
from app.store.models import (Applicant, Document, Dossier, OutboxItem, ProcedureVersion, StatusEvent,
                              User, utcnow)

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thành", "Xuân"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Hoài", "Mỹ", "Kim", "Phương"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân",
           "Sơn", "Tuấn", "Việt", "Đạt", "Hiếu", "Trung", "Thắng"]
GIVEN_F = ["Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Phương", "Tâm", "Thảo",
           "Trang", "Yến", "Nhung", "Oanh", "Uyên", "Giang", "Diệp"]
HAMLETS = ["thôn Đông", "thôn Tây", "thôn Trung", "thôn Thượng", "thôn Hạ", "xóm Mới", "khu 3",
           "tổ dân phố Hòa Bình", "ấp Phú Lợi", "bản Nà Khương"]
COMMUNES = ["xã Tân Lập", "xã Phú Thọ", "phường Hòa Khánh", "xã Quảng Điền", "xã Yên Mỹ"]
PROVINCES = [("001", "thành phố Hà Nội"), ("025", "tỉnh Phú Thọ"), ("038", "tỉnh Thanh Hóa"),
             ("048", "thành phố Đà Nẵng"), ("079", "Thành phố Hồ Chí Minh")]
FORMS = ["original", "certified_copy", "copy"]
CHANNELS = ["desk"] * 8 + ["post_office", "community"]


def _person(rng: random.Random) -> dict[str, Any]:
    female = rng.random() < 0.5
    name = " ".join((rng.choice(FAMILY), rng.choice(MIDDLE_F if female else MIDDLE_M),
                     rng.choice(GIVEN_F if female else GIVEN_M)))
    birth = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 66))
    province, province_name = rng.choice(PROVINCES)
    century = (birth.year // 100 - 19) * 2 + (1 if female else 0)
    id_number = f"{province}{century}{birth.year % 100:02d}{rng.randrange(10**6):06d}"
    address = f"Số {rng.randrange(1, 300)}, {rng.choice(HAMLETS)}, {rng.choice(COMMUNES)}, {province_name}"
    return {"id": new_id(), "id_number": id_number, "full_name": name, "birth_date": birth,
            "sex": "Nữ" if female else "Nam", "address": address,
            "phone": f"09{rng.randrange(10**8):08d}", "email": None, "old_id_number": None,
            "id_issue_date": date(2021, 1, 1) + timedelta(days=rng.randrange(0, 1200)),
            "data": {}, "created_at": utcnow()}


def _status_path(rng: random.Random, age_days: int) -> list[str]:
    path = ["DA_TIEP_NHAN"]
    steps = min(4, age_days // 3 + rng.randrange(0, 2))
    for _ in range(steps):
        options = sorted(TRANSITIONS[path[-1]])
        if not options:
            break
        # Most dossiers move forward to a result; few stop or are withdrawn.
        forward = [o for o in options if o in ("DANG_XU_LY", "CO_KET_QUA", "DA_TRA")]
        path.append(rng.choice(forward) if forward and rng.random() < 0.9 else rng.choice(options))
    return path


def fill_store(store: Any, count: int, *, seed: int = 1, days: int = 700, batch: int = 5000,
               today: date | None = None) -> dict[str, int]:
    """Insert `count` dossiers received over the `days` before `today`; returns row counts."""
    rng = random.Random(seed)
    today = today or date.today()
    with store.read_session() as session:
        versions = [(row.id, row.name, row.data) for row in session.scalars(select(ProcedureVersion))]
        user_ids = list(session.scalars(select(User.id)))
    weights = [8 if "khai sinh" in name or "Chứng thực" in name else 1 for _, name, _ in versions]
    per_day: dict[date, int] = {}
    applicants: list[dict[str, Any]] = []
    totals = {"dossiers": 0, "applicants": 0, "documents": 0, "status_events": 0, "outbox": 0}
    pending: dict[str, list[dict[str, Any]]] = {k: [] for k in totals}

    def flush() -> None:
        with store.session() as session:
            for key, table in (("applicants", Applicant), ("dossiers", Dossier), ("documents", Document),
                               ("status_events", StatusEvent), ("outbox", OutboxItem)):
                if pending[key]:
                    session.execute(insert(table), pending[key])
                    totals[key] += len(pending[key])
                    pending[key].clear()

    for i in range(count):
        day = today - timedelta(days=1 + (i * days) // max(count, 1))
        per_day[day] = per_day.get(day, 0) + 1
        received = datetime.combine(day, datetime.min.time()) + timedelta(
            hours=7.5 + rng.random() * 9)
        if applicants and rng.random() < 0.3:
            applicant = rng.choice(applicants)
        else:
            applicant = _person(rng)
            applicants.append(applicant)
            pending["applicants"].append(applicant)
        version_id, _, data = rng.choices(versions, weights)[0]
        dossier_id = new_id()
        path = _status_path(rng, (today - day).days)
        pending["dossiers"].append({
            "id": dossier_id, "code": format_dossier_code(store.unit.code, day, per_day[day]),
            "unit_code": store.unit.code, "procedure_version_id": version_id,
            "applicant_id": applicant["id"], "channel": rng.choice(CHANNELS), "status": path[-1],
            "received_at": received, "due_at": received + timedelta(days=rng.choice((0, 1, 3, 7))),
            "received_by": rng.choice(user_ids), "fee_vnd": rng.choice((0, 0, 8000, 10000, 20000)),
            "payment_method": rng.choice(("cash", "transfer", "exempt")), "delivery": "desk",
            "data": {}, "created_at": utcnow(), "updated_at": utcnow()})
        for doc in (data.get("documents") or [{"name": "Tờ khai"}])[:3]:
            pending["documents"].append({"id": new_id(), "dossier_id": dossier_id, "name": doc["name"],
                                         "form": rng.choice(FORMS), "copies": 1, "received": True})
        for step, status in enumerate(path):
            pending["status_events"].append({"id": new_id(), "dossier_id": dossier_id, "status": status,
                                             "at": received + timedelta(days=step), "by_user": None,
                                             "note": None})
        if (today - day).days <= 2:
            pending["outbox"].append({"id": new_id(), "dossier_id": dossier_id, "kind": "dossier.upsert",
                                      "payload": {"dossier_id": dossier_id}, "created_at": utcnow(),
                                      "state": "pending", "attempts": 0})
        if len(pending["dossiers"]) >= batch:
            flush()
    flush()
    return totals


def main() -> int:
    from app.desk_setup import create_desk
    from app.store.service import open_store, store_exists

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = data_paths(args.data_dir).ensure()
    password = os.environ.get("MOTCUA_PASSWORD", "bench-password")
    start = time.perf_counter()
    if store_exists(paths):
        store = open_store(paths, username="admin", password=password)
    else:
        store, _ = create_desk(paths, unit_code="000.00.06.H56", unit_name="UBND xã Tân Lập",
                               admin_username="admin", admin_full_name="Nguyễn Văn Quản Trị",
                               admin_password=password)
    try:
        totals = fill_store(store, args.count, seed=args.seed)
    finally:
        store.close()
    totals["seconds"] = round(time.perf_counter() - start, 2)
    json.dump(totals, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
