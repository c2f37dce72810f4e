"""The benchmark data generator makes data the real code would accept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from app.codes import DOSSIER_CODE_RE, allocate_dossier_code, device_range
from app.desk_setup import create_desk
from app.identity.cccd import check_id_number
from app.paths import data_paths
from app.statuses import STATUSES
from app.store.models import Applicant, Dossier, OutboxItem
from bench.synthetic import fill_store


def test_generated_dossiers_are_valid(data_dir: Path) -> None:
    store, _ = create_desk(data_paths(data_dir), unit_code="000.00.06.H56", unit_name="UBND xã Tân Lập",
                           admin_username="quantri", admin_full_name="Quản Trị", admin_password="mat-khau-1")
    try:
        today = date(2026, 11, 25)
        totals = fill_store(store, 300, today=today, days=30, batch=100)
        assert totals["dossiers"] == 300
        with store.read_session() as session:
            codes = list(session.scalars(select(Dossier.code)))
            assert len(set(codes)) == 300 and all(DOSSIER_CODE_RE.match(c) for c in codes)
            assert {s for s in session.scalars(select(Dossier.status))} <= set(STATUSES)
            assert session.scalar(select(func.count()).select_from(OutboxItem)) == totals["outbox"] > 0
            for person in session.scalars(select(Applicant)):
                check_id_number(person.id_number, birth_date=person.birth_date, sex=person.sex)
        with store.session() as session:  # a reception today never meets a generated code
            assert allocate_dossier_code(session, unit_code="000.00.06.H56", day=today,
                                         offline_range=device_range(1)) not in codes
    finally:
        store.close()
