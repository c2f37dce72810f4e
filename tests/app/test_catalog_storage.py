"""The catalogue in a real encrypted store: seeding, idempotent import, updates, frozen used versions."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.catalog.loader import load_catalog_file
from app.catalog.model import ProcedureVersionData
from app.catalog.storage import import_catalog, load_versions, seed_builtin_catalog, version_row_id
from app.errors import InputError, NotFoundError
from app.paths import data_paths, resource
from app.store.models import Applicant, Dossier, ProcedureVersion, User
from app.store.service import Store, create_store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "catalog"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened, _recovery = create_store(data_paths(data_dir), unit_code="000.00.06.H56",
                                     unit_name="UBND xã Thử Nghiệm", admin_username="admin",
                                     admin_full_name="Nguyễn Văn Quản", admin_password="mat-khau-du-dai")
    try:
        yield opened
    finally:
        opened.close()


def row_count(store: Store) -> int:
    with store.read_session() as session:
        return session.scalar(select(func.count()).select_from(ProcedureVersion)) or 0


def test_seed_builtin_catalogue_is_idempotent(store: Store) -> None:
    builtin = load_catalog_file(resource("catalog", "procedures.yaml"))
    with store.session() as session:
        first = seed_builtin_catalog(session)
    assert (first.added, first.updated, first.unchanged) == (len(builtin), 0, 0)
    with store.session() as session:
        again = seed_builtin_catalog(session)
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(builtin))
    with store.read_session() as session:
        stored = load_versions(session)
        row = session.scalar(select(ProcedureVersion).where(ProcedureVersion.code == "1.001193"))
        assert row is not None and row.catalog_version == "builtin-2026-12"
        assert row.name == "Đăng ký khai sinh" and row.field == "Hộ tịch"
    assert sorted(stored, key=lambda v: (v.code, v.valid_from)) == stored
    assert {(v.code, v.valid_from): v for v in stored} == {(v.code, v.valid_from): v for v in builtin}


def test_import_adds_versions_and_updates_changed_ones(store: Store) -> None:
    province = load_catalog_file(FIXTURES / "good_province.yaml")
    with store.session() as session:
        seed_builtin_catalog(session)
        before = row_count_in(session)
        report = import_catalog(session, province, catalog_version="thanh-hoa-2027-01")
    # 1.001193 from 2025-07-01 and 2.000815, 1.004222 exist with other data; the rest are new
    assert (report.added, report.updated, report.unchanged) == (2, 3, 0)
    assert row_count(store) == before + 2
    with store.read_session() as session:
        stored = {(v.code, v.valid_from): v for v in load_versions(session)}
        row = session.scalar(select(ProcedureVersion).where(ProcedureVersion.code == "1.001193",
                                                            ProcedureVersion.valid_from == date(2025, 7, 1)))
        assert row is not None and row.catalog_version == "thanh-hoa-2027-01"
        assert row.valid_until == date(2027, 2, 28)
    assert stored[("1.001193", date(2025, 7, 1))] == province[0]
    assert stored[("LOCAL.TH-01", date(2026, 1, 1))].time_rule is None
    with store.session() as session:
        again = import_catalog(session, province, catalog_version="thanh-hoa-2027-01")
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(province))


def row_count_in(session) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(func.count()).select_from(ProcedureVersion)) or 0


def add_dossier(session, procedure_version_id: str) -> None:  # type: ignore[no-untyped-def]
    applicant = Applicant(full_name="Trần Thị Bình")
    session.add(applicant)
    session.flush()
    admin_id = session.scalar(select(User.id).where(User.username == "admin"))
    session.add(Dossier(code="000.00.06.H56-260115-0001", unit_code="000.00.06.H56",
                        procedure_version_id=procedure_version_id, applicant_id=applicant.id,
                        channel="truc_tiep", status="received", received_at=datetime(2026, 1, 15, 9, 0),
                        received_by=admin_id))


def test_version_used_by_a_dossier_cannot_change(store: Store) -> None:
    with store.session() as session:
        seed_builtin_catalog(session)
        add_dossier(session, version_row_id(session, "1.001193", date(2025, 7, 1)))
    builtin = load_catalog_file(resource("catalog", "procedures.yaml"))
    changed = [dataclasses.replace(v, name=v.name + " (sửa)") if v.code in ("1.001193", "1.000894") else v
               for v in builtin]
    with pytest.raises(InputError) as caught:
        with store.session() as session:
            import_catalog(session, changed, catalog_version="x")
    message = str(caught.value)
    assert "1.001193" in message and "2025-07-01" in message and "000.00.06.H56-260115-0001" in message
    assert "1.000894" not in message
    with store.read_session() as session:  # refused whole: the unused version did not change either
        names = {v.code: v.name for v in load_versions(session)}
    assert names["1.001193"] == "Đăng ký khai sinh"
    assert names["1.000894"] == "Đăng ký kết hôn"
    # identical data for the used version is fine, and a new version of it can be added
    newer = dataclasses.replace(builtin[0], valid_from=date(2027, 3, 1), name="Đăng ký khai sinh")
    with store.session() as session:
        report = import_catalog(session, [*builtin, newer], catalog_version="y")
    assert (report.added, report.updated, report.unchanged) == (1, 0, len(builtin))


def test_import_refuses_duplicates_and_a_blank_label(store: Store) -> None:
    one = ProcedureVersionData(code="1.001193", name="Đăng ký khai sinh", valid_from=date(2025, 7, 1))
    with store.session() as session:
        with pytest.raises(InputError, match="entries 1 and 2 are both code '1.001193'"):
            import_catalog(session, [one, dataclasses.replace(one, name="Khác")], catalog_version="x")
        with pytest.raises(InputError, match="catalog_version"):
            import_catalog(session, [one], catalog_version=" ")
    assert row_count(store) == 0


def test_version_row_id_names_a_missing_version(store: Store) -> None:
    with store.read_session() as session:
        with pytest.raises(NotFoundError, match="1.001193 valid from 2025-07-01"):
            version_row_id(session, "1.001193", date(2025, 7, 1))
