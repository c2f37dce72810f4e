"""The report's figures (app/reports/figures.py) over dossiers that went every way through the
desk, and `motcua report --json` printing exactly those figures."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import update

from app.cli.main import main as cli_main
from app.errors import InputError
from app.reports.figures import compute_report
from app.reports.period import MAX_PERIOD_DAYS, make_period, parse_day, parse_period
from app.store.models import OutboxItem
from tests.app.register_support import Desk, build_desk
from tests.app.test_receipt_support import PASSWORD

NOVEMBER = make_period(date(2025, 11, 1), date(2025, 11, 30))
LATER = datetime(2025, 11, 28, 8, 0)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory):
    built = build_desk(tmp_path_factory.mktemp("report"))
    yield built
    built.store.close()


def report_of(desk: Desk, period=NOVEMBER, now: datetime = LATER):  # type: ignore[no-untyped-def]
    with desk.store.read_session() as session:
        return compute_report(session, period, now=now)


def test_counts_of_the_dossiers_received_in_the_period(desk: Desk) -> None:
    report = report_of(desk)
    assert report.received == 7
    assert {k: v for k, v in report.by_status.items() if v} == {"DA_TIEP_NHAN": 1, "TU_CHOI": 1,
                                                                "CHO_BO_SUNG": 1, "DA_TRA": 4}
    assert set(report.by_status) >= {"DANG_XU_LY", "CO_KET_QUA", "RUT", "DUNG"}  # zeros are listed too
    assert report.by_channel == {"desk": 7, "post_office": 0, "community": 0}
    assert [(p.code, p.count) for p in report.by_procedure] == [("1.001193", 6), ("2.000815", 1)]
    assert [(o.username, o.full_name, o.count) for o in report.by_official] == [("binh", "Trần Thị Bình", 7)]


def test_returns_on_time_late_and_by_post(desk: Desk) -> None:
    report = report_of(desk)
    # Returned in November: on time (24/11 16:45, due 17:00); the portal's (26/11, due 24/11);
    # the apologised one (on its new appointment, still late); the one received 3/11 (25/11).
    assert (report.returned, report.returned_on_time, report.returned_late) == (4, 1, 3)
    assert report.on_time_rate == 0.25
    assert report.returned_by_post == 1
    september = report_of(desk, make_period(date(2025, 9, 1), date(2025, 9, 30)))
    assert (september.received, september.returned, september.returned_on_time) == (1, 1, 1)
    assert september.on_time_rate == 1.0
    empty = report_of(desk, make_period(date(2025, 10, 1), date(2025, 10, 31)))
    assert (empty.received, empty.returned, empty.on_time_rate) == (0, 0, None)


def test_overdue_open_counts_only_dossiers_still_being_processed(desk: Desk) -> None:
    # The open dossier is due 24/11 17:00; the one waiting for supplements has its clock stopped;
    # refused and returned ones are finished.
    assert report_of(desk, now=datetime(2025, 11, 24, 16, 59)).overdue_open == 0
    assert report_of(desk, now=datetime(2025, 11, 24, 17, 1)).overdue_open == 1


def test_receptions_and_returns_per_day_cover_every_day(desk: Desk) -> None:
    days = report_of(desk).per_day
    assert [d.day for d in days] == NOVEMBER.days() and len(days) == 30
    busy = {d.day.day: (d.received, d.returned) for d in days if d.received or d.returned}
    assert busy == {3: (1, 0), 24: (6, 1), 25: (0, 1), 26: (0, 1), 27: (0, 1)}


def test_oldest_unsynced_change_and_what_follows_once_it_is_sent(desk: Desk) -> None:
    report = report_of(desk)
    assert report.unsynced == 8  # one create per received dossier, none sent yet
    oldest = report.oldest_unsynced
    assert oldest is not None and oldest.state == "pending" and oldest.kind.startswith("dossier")
    assert oldest.dossier_code == desk.codes["returned"]
    with desk.store.session() as session:
        session.execute(update(OutboxItem).where(OutboxItem.state == "pending").values(state="sent"))
    try:
        after = report_of(desk)
        assert (after.unsynced, after.oldest_unsynced) == (0, None)
    finally:
        with desk.store.session() as session:
            session.execute(update(OutboxItem).values(state="pending"))


def test_json_shape(desk: Desk) -> None:
    data = report_of(desk).to_dict()
    assert data["period"] == {"from": "2025-11-01", "to": "2025-11-30"}
    assert data["made_at"] == "2025-11-28T08:00:00"
    assert data["per_day"][23] == {"day": "2025-11-24", "received": 6, "returned": 1}
    assert data["on_time_rate"] == 0.25
    json.dumps(data)  # plain JSON all the way down


def test_cli_report_json_prints_the_same_figures(desk: Desk, monkeypatch, capsys) -> None:
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    assert cli_main(["--data-dir", str(desk.folder / "data"), "report", "--from", "2025-11-01", "--to",
                     "2025-11-30", "--json", "--user", "binh"]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = report_of(desk, now=datetime.fromisoformat(printed["made_at"])).to_dict()
    oldest = printed["oldest_unsynced"]
    expected["oldest_unsynced"]["age_seconds"] = oldest["age_seconds"]  # the clock moved on
    assert printed == expected
    assert cli_main(["--data-dir", str(desk.folder / "data"), "report", "--from", "2025-11-01", "--to",
                     "2025-11-30", "--user", "binh"]) == 0
    human = capsys.readouterr().out
    assert "Received: 7" in human and "on-time rate 25.0%" in human


def test_period_rules() -> None:
    assert parse_period("2025-11-01", "01/11/2025") == make_period(date(2025, 11, 1), date(2025, 11, 1))
    assert make_period(date(2024, 1, 1), date(2024, 12, 31)).day_count == MAX_PERIOD_DAYS
    with pytest.raises(InputError) as reversed_range:
        make_period(date(2025, 12, 1), date(2025, 11, 30))
    assert reversed_range.value.kind == "reports.range_reversed"
    assert reversed_range.value.params == {"start": "01/12/2025", "end": "30/11/2025"}
    with pytest.raises(InputError) as too_long:
        make_period(date(2024, 1, 1), date(2025, 1, 1))
    assert too_long.value.kind == "reports.range_too_long"
    with pytest.raises(InputError) as bad:
        parse_day("x" * 5000, field="--to")
    assert bad.value.kind == "reports.date_bad" and len(bad.value.message) < 200


def test_malformed_event_details_from_elsewhere_never_break_the_register_or_report(tmp_path) -> None:
    """Details written by another version or pulled from the portal may have any shape: a list,
    numbers for names, a date that is not one. The register and report use what they can."""
    from app.register.rows import load_register
    from tests.app.register_support import Step, act

    desk = build_desk(tmp_path)
    try:
        act(desk.store, desk.codes["open"],
            Step("DANG_XU_LY", datetime(2025, 11, 24, 10, 0), "handover",
                 ["not", "a", "mapping"]),  # type: ignore[arg-type]
            Step("DANG_XU_LY", datetime(2025, 11, 24, 11, 0), "apologise", {"new_due": "soon", "old_due": 7}),
            Step("DA_TRA", datetime(2025, 11, 25, 9, 0), "return", {"to": 5, "name": ["x"], "tracking": 12}))
        with desk.store.read_session() as session:
            register = load_register(session, NOVEMBER)
            report = compute_report(session, NOVEMBER, now=LATER)
        row = next(row for row in register.rows if row.code == desk.codes["open"])
        assert row.handed_over_at == datetime(2025, 11, 24, 10, 0)
        assert row.returned_at == datetime(2025, 11, 25, 9, 0)
        assert row.processing_body == "UBND cấp xã" and row.returned_to == "" and row.note == ""
        assert report.returned == 5 and report.returned_late == 4  # apologised for: late
    finally:
        desk.store.close()


def test_a_portal_status_the_desk_refused_is_no_step_of_the_dossier(tmp_path) -> None:
    """A portal change the machine did not allow is kept as a flagged event (docs/lifecycle.md:
    details {"refused": true, …}) but never applied: the dossier was not returned by it."""
    from sqlalchemy import select

    from app.register.rows import load_register
    from app.store.models import Dossier, StatusEvent

    desk = build_desk(tmp_path)
    try:
        refused = {"refused": True, "status_from": "TU_CHOI",
                   "reason": "a refused dossier cannot be returned"}
        with desk.store.session() as session:  # written as the portal pull keeps it: status unchanged
            dossier = session.scalar(select(Dossier).where(Dossier.code == desk.codes["refused"]))
            for status, day in (("DA_TRA", 26), ("DANG_XU_LY", 25)):
                session.add(StatusEvent(dossier_id=dossier.id, status=status, by_user=None, action="portal",
                                        at=datetime(2025, 11, day, 9, 0), details=refused))
        with desk.store.read_session() as session:
            register = load_register(session, NOVEMBER)
            report = compute_report(session, NOVEMBER, now=LATER)
        row = next(row for row in register.rows if row.code == desk.codes["refused"])
        assert (row.handed_over_at, row.returned_at) == (None, None)
        assert report.returned == 4 and report.per_day[25].returned == 1  # 26/11: only the portal's own
    finally:
        desk.store.close()
