"""The dossier list's filters, sorting, pages, due windows and early warnings, checked against
plain SQL over a generated store, and the refusals of `motcua dossiers list`."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import select, text, update

from app.calendar_store import load_calendar, replace_admin_entries
from app.collation import name_sort_key, sort_key
from app.desk_setup import create_desk
from app.errors import InputError
from app.holiday_table import HolidayEntry
from app.paths import data_paths
from app.reception.listing import (RUNNING, ListFilter, count_dossiers, due_boundaries, early_warnings,
                                   list_page, page_rowids, prepare)
from app.store.models import Applicant, Dossier, Holiday, OutboxItem, ProcedureVersion, User
from bench.synthetic import fill_store

TODAY = date(2026, 11, 25)  # a Wednesday
NOW = datetime(2026, 11, 25, 10, 0)
PASSWORD = "mat-khau-1"


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("listing") / "data"
    store, _ = create_desk(data_paths(folder), unit_code="000.00.06.H56", unit_name="UBND xã Tân Lập",
                           admin_username="quantri", admin_full_name="Quản Trị", admin_password=PASSWORD)
    for username, name, role in (("lan", "Lê Thị Lan", "receiver"), ("hung", "Phạm Văn Hùng", "supervisor")):
        store.add_user(username=username, full_name=name, role=role, password=PASSWORD)
    # Dossiers over the 20 days before TODAY: some still running, some overdue, some due soon.
    fill_store(store, 3000, today=TODAY, days=20, batch=1000)
    with store.session() as session:  # a few refused outbox items, so every sync state occurs
        for item in session.scalars(select(OutboxItem).limit(5)):
            item.state = "quarantined"
        for item in session.scalars(select(OutboxItem).where(OutboxItem.state == "pending").limit(5)):
            item.state = "sent"
    yield store
    store.close()


def boundaries(session: Any) -> Any:
    return due_boundaries(load_calendar(session), NOW)


def listed(session: Any, wanted: ListFilter) -> list[str]:
    query = prepare(session, wanted, boundaries(session))
    total = count_dossiers(session, query)
    codes = [row.code for offset in range(0, total, 700) for row in list_page(session, query, offset, 700, total)]
    assert len(codes) == total
    return codes


def plain(session: Any, where: str = "1", order: str = "d.received_at DESC, d.rowid DESC",
          **params: Any) -> list[str]:
    """The same list written directly in SQL, without the list module."""
    sql = ("SELECT d.code FROM dossiers d JOIN procedure_versions p ON p.id = d.procedure_version_id "
           f"JOIN users u ON u.id = d.received_by WHERE {where} ORDER BY {order}")
    return [row[0] for row in session.execute(text(sql), params)]


def stamp(moment: datetime) -> str:
    return moment.isoformat(sep=" ", timespec="microseconds")


def test_every_filter_and_order_matches_plain_sql(desk) -> None:
    running = ", ".join(f"'{name}'" for name in RUNNING)
    with desk.read_session() as session:
        b = boundaries(session)
        cases: list[tuple[ListFilter, list[str]]] = [
            (ListFilter(), plain(session)),
            (ListFilter(descending=False), plain(session, order="d.received_at, d.rowid")),
            (ListFilter(statuses=("DA_TRA", "CO_KET_QUA")), plain(session, "d.status IN ('DA_TRA', 'CO_KET_QUA')")),
            (ListFilter(procedure="1.001193"), plain(session, "p.code = '1.001193'")),
            (ListFilter(channel="community"), plain(session, "d.channel = 'community'")),
            (ListFilter(official="lan"), plain(session, "u.username = 'lan'")),
            (ListFilter(received_from=date(2026, 11, 10), received_to=date(2026, 11, 12)),
             plain(session, "d.received_at >= '2026-11-10' AND d.received_at < '2026-11-13'")),
            (ListFilter(due="overdue"), plain(session, f"d.status IN ({running}) AND d.due_at < :now",
                                               now=stamp(b.now))),
            (ListFilter(due="today"), plain(session, f"d.status IN ({running}) AND d.due_at >= :now "
                                                     "AND d.due_at < :end", now=stamp(b.now), end="2026-11-26")),
            (ListFilter(due="3"), plain(session, f"d.status IN ({running}) AND d.due_at >= :now "
                                                 "AND d.due_at < :end", now=stamp(b.now), end="2026-12-01")),
            (ListFilter(sort="due"), plain(session, order="d.due_at DESC, d.rowid DESC")),
            (ListFilter(sort="code", descending=False), plain(session, order="d.code, d.rowid")),
            (ListFilter(sort="status"), plain(session, order="d.status DESC, d.received_at DESC, d.rowid DESC")),
            (ListFilter(sync_state="quarantined"), plain(
                session, "d.id IN (SELECT dossier_id FROM outbox WHERE state = 'quarantined')")),
            (ListFilter(sync_state="waiting"), plain(
                session, "d.id IN (SELECT dossier_id FROM outbox WHERE state = 'pending') AND d.id NOT IN "
                         "(SELECT dossier_id FROM outbox WHERE state = 'quarantined')")),
            (ListFilter(sync_state="sent"), plain(
                session, "d.id IN (SELECT dossier_id FROM outbox) AND d.id NOT IN "
                         "(SELECT dossier_id FROM outbox WHERE state != 'sent')")),
            (ListFilter(sync_state="local"), plain(session, "d.id NOT IN (SELECT dossier_id FROM outbox)")),
            (ListFilter(channel="desk", statuses=("DA_TRA",), official="hung", sort="due", descending=False),
             plain(session, "d.channel = 'desk' AND d.status = 'DA_TRA' AND u.username = 'hung'",
                   order="d.due_at, d.rowid")),
        ]
        for wanted, expected in cases:
            assert expected, wanted  # the generated data has every case
            assert listed(session, wanted) == expected, wanted


def test_search_matches_names_codes_and_id_numbers(desk) -> None:
    with desk.read_session() as session:
        name, id_number, code = session.execute(
            select(Applicant.full_name, Applicant.id_number, Dossier.code)
            .join(Dossier, Dossier.applicant_id == Applicant.id).limit(1)).one()
        by_name = listed(session, ListFilter(search=name.upper()))
        assert code in by_name
        assert set(plain(session, "d.applicant_id IN (SELECT id FROM applicants WHERE full_name = :n)",
                         n=name)) <= set(by_name)
        assert code in listed(session, ListFilter(search=id_number[:8]))
        assert listed(session, ListFilter(search=code)) == [code]
        assert listed(session, ListFilter(search=code.rsplit("-", 2)[1] + " " + code.rsplit("-", 1)[1])) == [code]
        everyone = listed(session, ListFilter(search="nguyen"))
        assert len(everyone) > 100  # many matches: read along the order's index, same result
        assert everyone == plain(session, "d.applicant_id IN (SELECT id FROM applicants WHERE "
                                          "full_name LIKE 'Nguyễn %')")


def test_search_index_follows_applicant_changes_and_purges(desk) -> None:
    with desk.read_session() as session:
        dossier_id, applicant_id = session.execute(select(Dossier.id, Dossier.applicant_id).limit(1)).one()
    with desk.session() as session:
        session.execute(update(Applicant).where(Applicant.id == applicant_id)
                        .values(full_name="Đặng Thị Xuyến", id_number="079301999888"))
    with desk.read_session() as session:
        found = {row.dossier_id for row in list_page(session, prepare(session, ListFilter(search="dang thi xuyen"),
                                                                      boundaries(session)), 0, 100, 100)}
        assert dossier_id in found
    with desk.session() as session:  # a purge blanks the personal data: the words go too
        session.execute(update(Applicant).where(Applicant.id == applicant_id).values(full_name="", id_number=None))
    with desk.read_session() as session:
        assert listed(session, ListFilter(search="xuyen")) == []
        assert listed(session, ListFilter(search="079301999888")) == []


def test_pages_from_the_end_equal_pages_from_the_start(desk) -> None:
    with desk.read_session() as session:
        query = prepare(session, ListFilter(sort="due"), boundaries(session))
        total = count_dossiers(session, query)
        # The second half is read from the end in the opposite order: the same rows come back.
        pages = [rowid for offset in range(0, total, 250) for rowid in page_rowids(session, query, offset, 250, total)]
        assert pages == plain_rowids(session)
        assert page_rowids(session, query, total - 7, 100, total) == plain_rowids(session)[-7:]
        assert page_rowids(session, query, total, 100, total) == []
        with pytest.raises(InputError, match="limit"):
            page_rowids(session, query, 0, 1001, total)


def by_key(session: Any, column: str, key: Any, *, descending: bool) -> list[str]:
    """Codes ordered in Python by the Vietnamese key of a name, ties by rowid: what the list must show."""
    rows = session.execute(text(
        f"SELECT d.code, {column}, d.rowid FROM dossiers d JOIN applicants a ON a.id = d.applicant_id "
        "JOIN procedure_versions p ON p.id = d.procedure_version_id")).all()
    rows.sort(key=lambda row: (key(row[1]) or "", row[2]), reverse=descending)
    return [row[0] for row in rows]


def test_sorting_by_applicant_and_procedure_is_vietnamese_order(desk) -> None:
    with desk.read_session() as session:
        for descending in (False, True):
            assert listed(session, ListFilter(sort="applicant", descending=descending)) == \
                by_key(session, "a.full_name", name_sort_key, descending=descending)
            assert listed(session, ListFilter(sort="procedure", descending=descending)) == \
                by_key(session, "p.name", sort_key, descending=descending)
        # Đ after D: the first applicant whose given name starts with Đ comes after every D.
        names = [row.applicant_name for row in list_page(session, prepare(
            session, ListFilter(sort="applicant", descending=False), boundaries(session)), 0, 1000, 3000)]
        given = [name.split()[-1][0] for name in names if name]
        assert given == sorted(given, key=lambda letter: "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz".index(letter.lower()))
        assert {"D", "Đ"} <= set(given) or {"A", "Â"} <= set(given)


def test_sorting_by_applicant_reads_an_index_and_the_end_as_fast_as_the_start(desk) -> None:
    with desk.read_session() as session:
        for sort in ("applicant", "procedure"):
            query = prepare(session, ListFilter(sort=sort), boundaries(session))
            total = count_dossiers(session, query)
            pages = [rowid for offset in range(0, total, 400) for rowid in page_rowids(session, query, offset, 400, total)]
            assert page_rowids(session, query, total - 50, 50, total) == pages[-50:]
            statement = (select(Dossier.code).where(*query.conditions()).order_by(*query.order()).limit(50)
                         .compile(compile_kwargs={"literal_binds": True}))
            plan = " ".join(str(row[-1]) for row in session.execute(text(f"EXPLAIN QUERY PLAN {statement}")))
            assert f"ix_dossiers_{sort}_key" in plan and "TEMP B-TREE" not in plan, plan


def test_sort_keys_follow_new_dossiers_renames_and_purges(desk) -> None:
    with desk.read_session() as session:
        dossier_id, applicant_id, version_id = session.execute(
            select(Dossier.id, Dossier.applicant_id, Dossier.procedure_version_id).limit(1)).one()
    with desk.session() as session:
        session.execute(update(Applicant).where(Applicant.id == applicant_id).values(full_name="Ông Văn Đại"))
        session.execute(update(ProcedureVersion).where(ProcedureVersion.id == version_id)
                        .values(name="Đăng ký thường trú"))
    with desk.read_session() as session:
        keys = session.execute(select(Dossier.applicant_key, Dossier.procedure_key)
                               .where(Dossier.id == dossier_id)).one()
        assert keys == (name_sort_key("Ông Văn Đại"), sort_key("Đăng ký thường trú"))
        newest = session.execute(select(Dossier.applicant_key, Applicant.full_name)
                                 .join(Applicant, Applicant.id == Dossier.applicant_id)
                                 .order_by(Dossier.created_at.desc()).limit(1)).one()
        assert newest[0] == name_sort_key(newest[1])  # written by the insert trigger
    with desk.session() as session:  # a purge blanks the name: the key goes with it
        session.execute(update(Applicant).where(Applicant.id == applicant_id).values(full_name=""))
    with desk.read_session() as session:
        assert session.scalar(select(Dossier.applicant_key).where(Dossier.id == dossier_id)) == name_sort_key("")


def plain_rowids(session: Any) -> list[int]:
    return [row[0] for row in session.execute(text("SELECT rowid FROM dossiers ORDER BY due_at DESC, rowid DESC"))]


def test_due_windows_count_working_days_of_the_unit_calendar(desk) -> None:
    with desk.session() as session:
        replace_admin_entries(session, [HolidayEntry(date(2026, 11, 27), "Nghỉ bù", "non_working", "admin")])
        calendar = load_calendar(session)
    friday = datetime(2026, 11, 20, 16, 0)
    b = due_boundaries(calendar, friday, windows=(1, 2, 3))
    assert b.end_of_today == datetime(2026, 11, 21)
    assert b.within[1] == datetime(2026, 11, 24)  # Monday ends it: the weekend is not counted
    wednesday = due_boundaries(calendar, datetime(2026, 11, 25, 9, 0), windows=(1, 2, 3))
    assert wednesday.within[1] == datetime(2026, 11, 27)  # Thursday
    assert wednesday.within[2] == datetime(2026, 12, 1)  # Friday 27th is a holiday: Monday 30th
    assert wednesday.colour("DANG_XU_LY", datetime(2026, 11, 25, 8, 0)) == "red"
    assert wednesday.colour("DANG_XU_LY", datetime(2026, 11, 30, 17, 0)) == "yellow"
    assert wednesday.colour("DANG_XU_LY", datetime(2026, 12, 1, 8, 0)) == "green"
    assert wednesday.colour("CHO_BO_SUNG", datetime(2026, 11, 1, 8, 0)) == ""  # clock stopped
    assert wednesday.colour("DA_TRA", datetime(2026, 11, 1, 8, 0)) == ""


def test_warnings_for_an_official_and_for_the_unit(desk) -> None:
    with desk.read_session() as session:
        ids = {name: user_id for name, user_id in session.execute(select(User.username, User.id))}
        lan = early_warnings(session, user_id=ids["lan"], username="lan", role="receiver", now=NOW)
        unit = early_warnings(session, user_id=ids["hung"], username="hung", role="supervisor", now=NOW)
        b = due_boundaries(load_calendar(session), NOW)
        running = ", ".join(f"'{name}'" for name in RUNNING)
        overdue_all = plain(session, f"d.status IN ({running}) AND d.due_at < :now", now=stamp(NOW))
        overdue_lan = plain(session, f"d.status IN ({running}) AND d.due_at < :now AND u.username = 'lan'",
                            now=stamp(NOW))
        soon_all = plain(session, f"d.status IN ({running}) AND d.due_at >= :now AND d.due_at < :end",
                         now=stamp(NOW), end=stamp(b.within[b.soon_days]))
    assert not lan.whole_unit and lan.official == "lan" and unit.whole_unit and unit.official == ""
    assert (unit.overdue, unit.due_soon) == (len(overdue_all), len(soon_all)) and unit.overdue > lan.overdue > 0
    assert lan.overdue == len(overdue_lan)
    assert set(unit.first_overdue) <= set(overdue_all)


def test_an_appointment_over_an_unconfirmed_holiday_is_flagged(desk) -> None:
    with desk.session() as session:
        dossier = session.scalars(select(Dossier).where(Dossier.status.in_(RUNNING))).first()
        dossier.received_at, dossier.due_at = datetime(2026, 12, 30, 9, 0), datetime(2027, 1, 4, 17, 0)
        code = dossier.code
        seeded = session.get(Holiday, date(2027, 1, 1))
        assert seeded is not None and seeded.source == "seed"  # from the holidays package
    with desk.read_session() as session:
        (row,) = list_page(session, prepare(session, ListFilter(search=code), boundaries(session)), 0, 10, 1)
        before = early_warnings(session, user_id="", username="quantri", role="admin", now=NOW).unconfirmed
    assert row.unconfirmed_holiday and before >= 1
    with desk.session() as session:  # the admin confirms New Year's Day
        replace_admin_entries(session, [HolidayEntry(date(2027, 1, 1), "Tết Dương lịch", "non_working", "admin")])
    with desk.read_session() as session:
        (row,) = list_page(session, prepare(session, ListFilter(search=code), boundaries(session)), 0, 10, 1)
        after = early_warnings(session, user_id="", username="quantri", role="admin", now=NOW).unconfirmed
    assert not row.unconfirmed_holiday and after == before - 1


def test_id_numbers_are_masked_unless_asked(desk) -> None:
    with desk.read_session() as session:
        (row,) = list_page(session, prepare(session, ListFilter(), boundaries(session)), 0, 1, 1)
    assert len(row.id_number) == 12 and row.masked_id_number == row.id_number[:4] + "****" + row.id_number[-4:]
    assert row.to_dict()["id_number"] == row.masked_id_number
    assert row.to_dict(show_id=True)["id_number"] == row.id_number


@pytest.mark.parametrize(("wanted", "kind"), [
    (ListFilter(received_from=date(2026, 2, 1), received_to=date(2026, 1, 1)), "list.reversed_dates"),
    (ListFilter(statuses=("NHAP",)), "list.unknown_status"),
    (ListFilter(due="4x"), "list.unknown_due_window"),
    (ListFilter(due="31"), "list.unknown_due_window"),
    (ListFilter(channel="fax"), "list.unknown_channel"),
    (ListFilter(sync_state="lost"), "list.unknown_sync_state"),
    (ListFilter(sort="name"), "list.unknown_sort"),
    (ListFilter(search="x" * 201), "list.search_too_long"),
    (ListFilter(procedure="9.999999"), "list.unknown_procedure"),
    (ListFilter(official="nobody" + "x" * 500), "list.unknown_official"),
])
def test_bad_filters_are_refused_by_kind(desk, wanted: ListFilter, kind: str) -> None:
    with desk.read_session() as session, pytest.raises(InputError) as refused:
        prepare(session, wanted, boundaries(session))
    assert refused.value.kind == kind
    assert all(len(str(value)) <= 41 for value in refused.value.params.values())
    assert len(str(refused.value)) < 200


def run_cli(capsys: pytest.CaptureFixture[str], store: Any, *argv: str) -> tuple[int, str, str]:
    from app.cli.main import main

    code = main(["dossiers", "list", "--data-dir", str(store.paths.root), "--user", "quantri", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_lists_filters_and_refuses_in_one_line(desk, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    code, out, _ = run_cli(capsys, desk, "--due", "overdue", "--json", "--limit", "3")
    data = json.loads(out)
    assert code == 0 and data["total"] > 3 and len(data["rows"]) == 3
    assert all(row["due_colour"] == "red" and "*" in row["id_number"] for row in data["rows"])
    code, out, _ = run_cli(capsys, desk, "--status", "DA_TRA", "--channel", "community", "--limit", "2")
    assert code == 0 and out.strip().endswith("shown") and out.count("DA_TRA") == 2
    for argv, reason in ((["--from", "01/02/2026", "--to", "01/01/2026"], "date range: from 01/02/2026 is after"),
                         (["--due", "soon"], "due: 'soon' is not overdue, today"),
                         (["--from", "32/01/2026"], "--from: '32/01/2026' is not a date"),
                         (["--status", "X" * 300], "status: 'XXXXXXXX")):
        code, out, err = run_cli(capsys, desk, *argv)
        assert code == 2 and out == "" and err.count("\n") == 1 and reason in err, (argv, err)
        assert len(err) < 200


def test_a_backup_keeps_the_search_index_in_step(desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`VACUUM INTO` (backups) must keep dossier rowids, which the search index is keyed by."""
    import zipfile

    from app.store.database import raw_connect

    with desk.session() as session:  # a gap in the rowids, as a removed dossier leaves
        victim = session.scalars(select(Dossier.id).offset(100).limit(1)).one()
        for table in ("documents", "status_events", "outbox", "page_texts"):
            session.execute(text(f"DELETE FROM {table} WHERE dossier_id = :d"), {"d": victim})
        session.execute(text("DELETE FROM dossiers WHERE id = :d"), {"d": victim})
    backup = desk.backup(tmp_path / "backup.zip")
    with zipfile.ZipFile(backup) as archive:
        archive.extract("store.db", tmp_path)
    conn = raw_connect(tmp_path / "store.db", desk._key)
    try:
        total = conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        in_step = conn.execute(
            "SELECT count(*) FROM dossiers d JOIN dossier_search s ON s.rowid = d.rowid "
            "WHERE s.words LIKE substr(d.code, instr(d.code, '-') + 1) || ' %'").fetchone()[0]
        entries = conn.execute("SELECT count(*) FROM dossier_search").fetchone()[0]
    finally:
        conn.close()
    assert total == in_step == entries


def test_a_search_with_few_matches_searches_the_index_once(desk) -> None:
    from sqlalchemy import event

    with desk.read_session() as session:
        name = session.scalar(select(Applicant.full_name).join(Dossier, Dossier.applicant_id == Applicant.id)
                              .where(Applicant.full_name != "").limit(1))
        searches: list[str] = []

        def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if "dossier_search MATCH" in statement:
                searches.append(statement)

        engine = session.get_bind()
        event.listen(engine, "before_cursor_execute", seen)
        try:
            query = prepare(session, ListFilter(search=name), boundaries(session))
            total = count_dossiers(session, query)
            rows = list_page(session, query, 0, 50, total)
            list_page(session, query, 0, 50, total)  # the model asks again after a scroll back
        finally:
            event.remove(engine, "before_cursor_execute", seen)
        assert 0 < total <= 1000 and len(rows) == min(total, 50)
        # The full-text index is read once for the count and every page, not once per statement.
        assert len(searches) == 1, searches


def test_a_wrong_sort_key_written_by_hand_is_put_right(desk) -> None:
    with desk.read_session() as session:
        dossier_id, name = session.execute(select(Dossier.id, Applicant.full_name)
                                           .join(Applicant, Applicant.id == Dossier.applicant_id).limit(1)).one()
    with desk.session() as session:
        session.execute(update(Dossier).where(Dossier.id == dossier_id).values(applicant_key="AAAA", procedure_key=None))
    with desk.read_session() as session:
        key, procedure_key = session.execute(select(Dossier.applicant_key, Dossier.procedure_key)
                                             .where(Dossier.id == dossier_id)).one()
        assert key == name_sort_key(name) and procedure_key is not None


def test_searches_on_either_side_of_the_few_matches_threshold_list_the_same(desk, monkeypatch) -> None:
    import app.reception.listing as listing

    with desk.read_session() as session:
        returned = set(listed(session, ListFilter(statuses=("DA_TRA",))))
        for term in ("tran thi", "le van h"):
            expected = listed(session, ListFilter(search=term))
            # Matches read into memory or left to the index, each found by rowid or walked to.
            for threshold in (1, len(expected) - 1, len(expected)):
                for walk_from in (0, threshold, 10_000):
                    monkeypatch.setattr(listing, "SMALL_MATCH", threshold)
                    monkeypatch.setattr(listing, "lookup_limit", lambda _dossiers, limit=walk_from: limit)
                    case = (term, threshold, walk_from)
                    assert listed(session, ListFilter(search=term)) == expected, case
                    assert listed(session, ListFilter(search=term, statuses=("DA_TRA",))) == \
                        [code for code in expected if code in returned], case
