"""The province's catalogue and confirmed calendars reach a desk through the change feed.

A real portal (uvicorn on loopback) on SQLite and on PostgreSQL, a real seeded desk store; the
portal admin acts through `motcua portal catalog import` / `calendar confirm`, the desk through
one sync pass, as in the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from app.calendar_store import holiday_entries
from app.calendar_years import calendar_status
from app.catalog.storage import version_hash
from app.cli.main import main
from app.reception.listing import ListFilter, count_dossiers, list_page, prepare
from app.reception.model import ReceptionRequest
from app.reception.service import confirm_reception, preview_reception
from app.reception.validation import version_in_force
from app.store.models import Dossier, ProcedureVersion
from portal.admin import create_enrolment_token
from portal.db import dispose
from sync import state
from sync.engine import sync_once
from sync.enrolment import enrol
from tests.app.reception_support import BIRTH, MONDAY_9, applicant, birth_request, open_copy, template
from tests.portal.conftest import ThreadedPortal, pg_cluster  # noqa: F401  (pg_cluster is a fixture)

NEW_FROM = date(2026, 12, 1)


@pytest.fixture(params=["sqlite", "postgresql"])
def province_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'portal.db'}"
    else:
        url = request.getfixturevalue("pg_cluster").create_database(f"province_{abs(hash(tmp_path)) % 10**8}")
    yield url
    dispose(url)


@pytest.fixture
def desk(province_db: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    store = open_copy(template(), tmp_path / "desk")
    with ThreadedPortal(province_db, tmp_path / "portal-blobs") as portal:
        enrol(store, portal.url, create_enrolment_token(province_db, store.unit.code))
        yield store
    store.close()


def portal_cli(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> tuple[int, str, str]:
    """`motcua portal …` as the portal admin types it."""
    code = main(["portal", *argv, "--db", db], extra_commands=("portal.cli",))
    out, err = capsys.readouterr()
    return code, out, err


def _birth_entry(store, day: date) -> dict:  # type: ignore[no-untyped-def]
    with store.read_session() as session:
        version = version_in_force(session, BIRTH, day)
    assert version is not None
    return version.to_json()


# -- catalogue -----------------------------------------------------------------------------------

def test_a_fee_and_checklist_change_reaches_the_desk_and_old_dossiers_keep_their_version(
        desk, province_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    old = confirm_reception(desk, birth_request(desk, tmp_path / "pages"), now=MONDAY_9)
    current = _birth_entry(desk, MONDAY_9.date())
    with desk.read_session() as session:
        kept_hash = session.get(Dossier, old.dossier_id).procedure_hash
    assert kept_hash == version_hash(current)

    newer = dict(current, valid_from=NEW_FROM.isoformat(), fee_vnd=8000, fee_note="Lệ phí mới của tỉnh",
                 documents=[*current["documents"], {"name": "Bản sao sổ hộ khẩu điện tử", "required": False,
                                                    "kind": "submit"}])
    rewritten = dict(current, fee_vnd=5000)  # the same version changed in place: this desk used it
    extension = {"catalog_extension_field": "a key the desk's loader does not need to know"}
    file = tmp_path / "tinh-2026-12.yaml"
    file.write_text(yaml.safe_dump({"format": "motcua-catalog/1", "catalog_version": "tinh-2026-12",
                                    **extension, "procedures": json.loads(json.dumps([rewritten, newer]))},
                                   allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, out, err = portal_cli(capsys, province_db, "catalog", "import", str(file), "--json")
    assert code == 0, err
    sent = json.loads(out)
    assert sent["procedures"] == 2 and not sent["already_imported"]

    report = sync_once(desk, reserve=False)
    assert report.online and report.changes_applied >= 1
    assert any("kept as they were" in str(p) for p in report.errors)  # the used version, reported
    with desk.read_session() as session:
        on_old_day = version_in_force(session, BIRTH, MONDAY_9.date())
        on_new_day = version_in_force(session, BIRTH, date(2026, 12, 2))
        assert session.get(Dossier, old.dossier_id).procedure_hash == kept_hash
        announced = state.get(session, state.CATALOG_ANNOUNCED)
    assert on_old_day is not None and on_old_day.to_json() == current  # not rewritten
    assert on_new_day is not None and on_new_day.valid_from == NEW_FROM
    assert "Bản sao sổ hộ khẩu điện tử" in [d.name for d in on_new_day.documents]
    assert announced["sha256"] == sent["sha256"] and announced["version"] == "tinh-2026-12"

    # A dossier received once the new version is in force is received under it.
    request = birth_request(desk, tmp_path / "pages-2")
    request = replace(request, received_at=datetime(2026, 12, 2, 9, 0))
    with desk.read_session() as session:
        quote = preview_reception(session, request, now=datetime(2026, 12, 2, 9, 0))
    assert quote.fee is not None and quote.fee.amount_vnd == 8000
    new = confirm_reception(desk, request, now=datetime(2026, 12, 2, 9, 0))
    with desk.read_session() as session:
        rows = {d.id: d for d in session.scalars(select(Dossier))}
        versions = {p.id: p for p in session.scalars(select(ProcedureVersion).where(ProcedureVersion.code == BIRTH))}
    assert versions[rows[new.dossier_id].procedure_version_id].valid_from == NEW_FROM
    assert versions[rows[old.dossier_id].procedure_version_id].valid_from == date(2025, 7, 1)
    assert rows[new.dossier_id].procedure_hash == version_hash(on_new_day.to_json()) != kept_hash
    assert old.fee_vnd == 0 and new.fee_vnd == 8000

    # Importing the same file again announces nothing; pulling again changes nothing.
    code, out, _ = portal_cli(capsys, province_db, "catalog", "import", str(file), "--json")
    assert code == 0 and json.loads(out)["already_imported"]
    assert sync_once(desk, reserve=False).changes_applied == 0


def receipt_pages(store, code: str, out: Path) -> list[str]:  # type: ignore[no-untyped-def]
    from app.forms.render import render_form
    from tests.app.test_receipt_support import pdf_pages

    with store.read_session() as session:
        render_form(session, store, code, "01", out=out)
    return pdf_pages(out)


# -- calendar ------------------------------------------------------------------------------------

def _three_day_request(desk, received: datetime) -> ReceptionRequest:  # type: ignore[no-untyped-def]
    return ReceptionRequest(procedure_code="LOCAL.TEST-3D", applicant=applicant(), documents=[],
                            received_at=received)


def _add_three_day_procedure(desk) -> None:  # type: ignore[no-untyped-def]
    from app.catalog.loader import parse_entry
    from app.catalog.storage import import_catalog

    entry = {"code": "LOCAL.TEST-3D", "name": "Thủ tục thử 3 ngày", "valid_from": "2025-01-01",
             "time": {"unit": "working_day", "value": 3}, "fee_vnd": 0}
    with desk.session() as session:
        import_catalog(session, [parse_entry(entry, where="test")], catalog_version="test")


def test_a_confirmed_calendar_changes_due_times_only_for_dossiers_received_after_it(
        desk, province_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    _add_three_day_procedure(desk)
    received = datetime(2027, 1, 6, 10, 0)  # a Wednesday
    before = confirm_reception(desk, _three_day_request(desk, received), now=received)
    assert before.due_at == datetime(2027, 1, 11, 10, 0)  # Thu 7, Fri 8, Mon 11
    tet = datetime(2027, 2, 4, 10, 0)  # Thursday before Tết 2027 (an estimate until confirmed)
    with desk.read_session() as session:
        assert preview_reception(session, _three_day_request(desk, tet), now=tet).due_estimated == (2027,)
    over_tet = confirm_reception(desk, _three_day_request(desk, tet), now=tet)
    with desk.read_session() as session:
        assert [s.state for s in calendar_status(session, [2027])] == ["estimated"]
        assert session.get(Dossier, over_tet.dossier_id).data["calendar_estimated"] == [2027]
        query = prepare(session, ListFilter())
        flags = {r.code: r.unconfirmed_holiday for r in list_page(session, query, 0, 50, count_dossiers(session, query))}
    assert flags[over_tet.code] and not flags[before.code]
    pages = receipt_pages(desk, over_tet.code, tmp_path / "over-tet.pdf")
    desk_copy = [p for p in pages if "(Liên: Lưu)" in p]
    citizen_copy = [p for p in pages if "(Liên: Giao người nộp)" in p]
    assert desk_copy and citizen_copy
    assert "lịch nghỉ năm 2027 dự kiến, chưa được xác nhận" in " ".join(desk_copy[0].split())
    assert "năm 2027 (*)" in " ".join(desk_copy[0].split()) and "(*)" not in citizen_copy[0]
    assert "chưa được xác nhận" not in " ".join(citizen_copy[0].split())

    # The province confirms 2027: the estimate plus a swap (Fri 08/01 off, Sat 16/01 worked).
    with desk.read_session() as session:
        from app.calendar_store import holiday_entries
        from app.holiday_table import HolidayEntry, write_holiday_file
        year = [e for e in holiday_entries(session) if e.day.year == 2027]
    year += [HolidayEntry(date(2027, 1, 8), "Nghỉ hoán đổi", "non_working", "admin"),
             HolidayEntry(date(2027, 1, 16), "Làm bù cho ngày 08/01/2027", "extra_working", "admin")]
    file = tmp_path / "lich-2027.csv"
    write_holiday_file(year, file)
    code, out, err = portal_cli(capsys, province_db, "calendar", "confirm", "2027", "--decision",
                                "99/TB-TEST ngày 01/12/2026", "--file", str(file), "--json")
    assert code == 0, err
    assert {"day": "2027-01-16", "name": "Làm bù cho ngày 08/01/2027"} in json.loads(out)["extra_working_days"]

    report = sync_once(desk, reserve=False)
    assert report.online and report.changes_applied >= 1, report.errors
    with desk.read_session() as session:
        status = calendar_status(session, [2027])[0]
        kept = session.get(Dossier, before.dossier_id).due_at
    assert (status.state, status.decision, status.origin) == ("confirmed", "99/TB-TEST ngày 01/12/2026", "portal")
    assert kept == datetime(2027, 1, 11, 10, 0)  # received before the confirmation: unchanged
    after = confirm_reception(desk, _three_day_request(desk, received), now=received)
    assert after.due_at == datetime(2027, 1, 12, 10, 0)  # Thu 7, Mon 11, Tue 12
    with desk.read_session() as session:
        assert preview_reception(session, _three_day_request(desk, tet), now=tet).due_estimated == ()
    over_tet_after = confirm_reception(desk, _three_day_request(desk, tet), now=tet)
    with desk.read_session() as session:
        assert "calendar_estimated" not in session.get(Dossier, over_tet_after.dossier_id).data
    assert "chưa được xác nhận" not in " ".join(receipt_pages(desk, over_tet_after.code, tmp_path / "after.pdf")[0].split())
    # Confirmed again by the same change (cursor rewound): the same table, nothing else moves.
    with desk.session() as session:
        state.put(session, state.CURSOR, 0)
    sync_once(desk, reserve=False)
    with desk.read_session() as session:
        assert session.get(Dossier, before.dossier_id).due_at == datetime(2027, 1, 11, 10, 0)
        assert calendar_status(session, [2027])[0].state == "confirmed"


# -- a portal that sends what it should not ------------------------------------------------------

def _import_good(province_db: str, capsys) -> dict:  # type: ignore[no-untyped-def]
    file = Path(__file__).resolve().parent.parent / "fixtures" / "catalog" / "good_province.yaml"
    code, out, err = portal_cli(capsys, province_db, "catalog", "import", str(file), "--json")
    assert code == 0, err
    return json.loads(out)


def test_tampered_or_missing_catalogue_bytes_are_never_imported(desk, province_db, capsys) -> None:  # type: ignore[no-untyped-def]
    from portal.db import get_engine, write_session
    from portal.models import CatalogDocument

    sent = _import_good(province_db, capsys)
    with write_session(get_engine(province_db)) as session:
        row = session.get(CatalogDocument, sent["sha256"])
        original = bytes(row.content)
        session.delete(row)
    with desk.read_session() as session:
        cursor, count = state.get(session, state.CURSOR, 0), session.query(ProcedureVersion).count()
    gone = sync_once(desk, reserve=False)  # the portal no longer has the bytes it announced
    assert any("HTTP 404" in str(p) for p in gone.errors), gone.errors
    with desk.read_session() as session:
        assert state.get(session, state.CURSOR, 0) == cursor  # the page waits for the bytes
    with write_session(get_engine(province_db)) as session:  # back, but altered after the import
        session.add(CatalogDocument(sha256=sent["sha256"], catalog_version="x", format="yaml",
                                    content=original.replace(b"10000", b"99000"), procedures=1,
                                    imported_at=datetime(2026, 12, 1)))
    altered = sync_once(desk, reserve=False)
    assert any("do not match" in str(p) for p in altered.errors), altered.errors
    with desk.read_session() as session:
        assert session.query(ProcedureVersion).count() == count  # nothing imported


@pytest.mark.parametrize(("payload", "field"), [
    ({"year": 1999, "decision": "x", "days": []}, "(calendar.confirmed): year: too_small"),
    ({"year": 2027, "decision": "", "days": []}, "(calendar.confirmed): decision: empty"),
    ({"year": 2027, "decision": "x", "days": [{"day": "2028-01-01"}]}, "(01/01/2028), day: not in 2027"),
    ({"year": 2027, "decision": "x", "days": [{"day": "2027-03-06"}],
      "extra_working_days": [{"day": "2027-03-06"}]}, "06/03/2027 is both non_working"),
])
def test_a_bad_calendar_change_is_reported_and_changes_nothing(desk, province_db, payload, field) -> None:  # type: ignore[no-untyped-def]
    from portal.changes import emit
    from portal.db import get_engine, write_session

    with desk.read_session() as session:
        before = [(e.day, e.kind, e.source) for e in holiday_entries(session) if e.day.year == 2027]
    with write_session(get_engine(province_db)) as session:
        emit(session, "calendar.confirmed", payload)
    report = sync_once(desk, reserve=False)
    assert any(field in str(p) for p in report.errors), report.errors
    with desk.read_session() as session:
        after = [(e.day, e.kind, e.source) for e in holiday_entries(session) if e.day.year == 2027]
        assert calendar_status(session, [2027])[0].state == "estimated"
    assert after == before
