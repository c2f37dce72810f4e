"""Fill a store with realistic synthetic dossiers for benchmarks (and demos).

Vietnamese names, addresses, procedures from the store's own catalogue, statuses that follow the
state machine, returning applicants, pending outbox rows for the newest dossiers. Rows go in with
driver-level bulk inserts so 500,000 dossiers take about a minute. Dossier days are all before
today, so a reception made afterwards never meets a generated code.

    python -m bench.synthetic --data-dir DIR --count 100000    (creates the store when absent)
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import os
import random
import sys
import time
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from app.codes import format_dossier_code
from app.collation import name_sort_key, sort_key
from app.paths import data_paths
from app.statuses import TRANSITIONS
from app.store.models import ProcedureVersion, User, utcnow

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


def _person(rng: random.Random, person_id: str) -> tuple[Any, ...]:
    female = rng.random() < 0.5
    name = " ".join((rng.choice(FAMILY), rng.choice(MIDDLE_F if female else MIDDLE_M),
                     rng.choice(GIVEN_F if female else GIVEN_M)))
    birth = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 66))
    province, province_name = rng.choice(PROVINCES)
    century = (birth.year // 100 - 19) * 2 + (1 if female else 0)
    id_number = f"{province}{century}{birth.year % 100:02d}{rng.randrange(10**6):06d}"
    address = f"Số {rng.randrange(1, 300)}, {rng.choice(HAMLETS)}, {rng.choice(COMMUNES)}, {province_name}"
    issued = date(2021, 1, 1) + timedelta(days=rng.randrange(0, 1200))
    return (person_id, id_number, name, birth.isoformat(), "Nữ" if female else "Nam", address,
            f"09{rng.randrange(10**8):08d}", None, None, issued.isoformat(), "{}", _stamp(utcnow()))


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


def _uuid7_maker(rng: random.Random) -> Any:
    """Canonical UUIDv7 text from the seeded generator: `app.ids.new_id` reads the OS's entropy
    and builds a UUID object per call, a third of the time of a 500,000-dossier fill."""
    millis = time.time_ns() // 1_000_000
    counter = iter(range(1 << 40))

    def make() -> str:
        value = ((millis + next(counter) // 4096) & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76 | rng.getrandbits(12) << 64 | 0b10 << 62 | rng.getrandbits(62)
        text = f"{value:032x}"
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"

    return make


def _stamp(moment: datetime) -> str:
    # SQLAlchemy's storage format for DateTime on SQLite, so the ORM reads these rows back.
    return moment.isoformat(sep=" ", timespec="microseconds")


_COLUMNS = {
    "applicants": ("id", "id_number", "full_name", "birth_date", "sex", "address", "phone", "email",
                   "old_id_number", "id_issue_date", "data", "created_at"),
    "dossiers": ("id", "code", "unit_code", "procedure_version_id", "applicant_id", "channel", "status",
                 "received_at", "due_at", "received_by", "fee_vnd", "payment_method", "delivery", "data",
                 "created_at", "updated_at", "applicant_key", "procedure_key"),
    "documents": ("id", "dossier_id", "name", "form", "copies", "received", "seq", "required", "kind"),
    "status_events": ("id", "dossier_id", "status", "at", "by_user", "note"),
    "outbox": ("id", "dossier_id", "kind", "payload", "created_at", "state", "attempts"),
}


def fill_store(store: Any, count: int, *, seed: int = 1, days: int = 700, batch: int = 20000,
               today: date | None = None, details: bool = True) -> dict[str, int]:
    """Insert `count` dossiers received over the `days` before `today`; returns row counts.
    Without `details`, dossiers and applicants only (no documents, status events or outbox
    rows): what the list reads, generated in a third of the time for tests.

    Rows go straight to the driver (`executemany` with tuples): the ORM's bulk path spent most
    of the time building parameter dictionaries, which made 500,000 dossiers take minutes."""
    rng = random.Random(seed)
    new_uuid = _uuid7_maker(rng)
    today = today or date.today()
    with store.read_session() as session:
        versions = [(row.id, row.name, row.data) for row in session.scalars(select(ProcedureVersion))]
        user_ids = list(session.scalars(select(User.id)))
    weights = [8 if "khai sinh" in name or "Chứng thực" in name else 1 for _, name, _ in versions]
    checklists = [[doc["name"] for doc in (data.get("documents") or [{"name": "Tờ khai"}])[:3]]
                  for _, _, data in versions]
    cumulative = list(itertools.accumulate(weights))
    per_day: dict[date, int] = {}
    applicants: list[str] = []
    # The list's sort keys (revision 0009), given with each row: the store's trigger then only
    # checks them instead of rewriting every new row.
    name_keys: dict[str, str | None] = {}
    procedure_keys = [sort_key(name) for _, name, _ in versions]
    totals = {"dossiers": 0, "applicants": 0, "documents": 0, "status_events": 0, "outbox": 0}
    pending: dict[str, list[tuple[Any, ...]]] = {k: [] for k in totals}
    statements = {table: f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
                  for table, cols in _COLUMNS.items()}
    now = _stamp(utcnow())

    def flush() -> None:
        with store.session() as session:
            raw = session.connection().connection.dbapi_connection
            for key in ("applicants", "dossiers", "documents", "status_events", "outbox"):
                if pending[key]:
                    raw.executemany(statements[key], pending[key])
                    totals[key] += len(pending[key])
                    pending[key].clear()

    for i in range(count):
        day = today - timedelta(days=1 + (i * days) // max(count, 1))
        per_day[day] = per_day.get(day, 0) + 1
        received = datetime.combine(day, datetime.min.time()) + timedelta(
            hours=7.5 + rng.random() * 9)
        if applicants and rng.random() < 0.3:
            applicant_id = rng.choice(applicants)
        else:
            person = _person(rng, new_uuid())
            applicant_id = person[0]
            applicants.append(applicant_id)
            name_keys[applicant_id] = name_sort_key(person[2])
            pending["applicants"].append(person)
        which = bisect.bisect(cumulative, rng.random() * cumulative[-1])
        dossier_id = new_uuid()
        path = _status_path(rng, (today - day).days)
        pending["dossiers"].append((
            dossier_id, format_dossier_code(store.unit.code, day, per_day[day]), store.unit.code,
            versions[which][0], applicant_id, rng.choice(CHANNELS), path[-1], _stamp(received),
            _stamp(received + timedelta(days=rng.choice((0, 1, 3, 7)))), rng.choice(user_ids),
            rng.choice((0, 0, 8000, 10000, 20000)), rng.choice(("cash", "transfer", "exempt")), "desk",
            "{}", now, now, name_keys[applicant_id], procedure_keys[which]))
        if not details:
            if len(pending["dossiers"]) >= batch:
                flush()
            continue
        for seq, name in enumerate(checklists[which]):
            pending["documents"].append((new_uuid(), dossier_id, name, rng.choice(FORMS), 1, 1, seq, 1,
                                         "submit"))
        for step, status in enumerate(path):
            pending["status_events"].append((new_uuid(), dossier_id, status,
                                             _stamp(received + timedelta(days=step)), None, None))
        if (today - day).days <= 2:
            pending["outbox"].append((new_uuid(), dossier_id, "dossier.upsert",
                                      json.dumps({"dossier_id": dossier_id}), now, "pending", 0))
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
