"""The change feed: cursor, idempotent re-read, admin status changes, unit scoping."""

from __future__ import annotations

import pytest

from app.errors import InputError, NotFoundError
from app.ids import new_id
from portal.admin import publish_catalog_version, publish_holidays, set_status
from tests.portal.support import Desk, dossier_body, enrol_desk


def _all(desk: Desk, after: int = 0, limit: int = 2) -> tuple[list[dict], int]:
    changes, cursor = [], after
    while True:
        page = desk.changes(cursor, limit)
        changes += page["changes"]
        cursor = page["next"]
        if not page["more"]:
            return changes, cursor


def test_admin_status_change_reaches_the_units_desks_only(portal, desk: Desk, db_url) -> None:
    dossier_id, body = dossier_body()
    desk.put_dossier(dossier_id, body)
    code = body["dossier"]["code"]
    event = set_status(db_url, code, "DANG_XU_LY", "Chuyển phòng Tư pháp")
    set_status(db_url, code, "CO_KET_QUA")
    changes, cursor = _all(desk)
    assert [(c["kind"], c["status"]) for c in changes] == [("dossier.status", "DANG_XU_LY"),
                                                          ("dossier.status", "CO_KET_QUA")]
    assert changes[0]["event_id"] == event["event_id"] and changes[0]["note"] == "Chuyển phòng Tư pháp"
    assert changes[0]["code"] == code and changes[0]["by"] == "portal"
    assert changes[0]["seq"] < changes[1]["seq"] == cursor
    # Reading again from an old cursor gives the same entries: applying them twice is the desk's no-op.
    assert _all(desk)[0] == changes
    assert desk.changes(cursor)["changes"] == []
    with enrol_desk(portal.url, db_url, "000.00.07.H56") as stranger:
        assert stranger.changes()["changes"] == []
    with pytest.raises(InputError, match="cannot move"):
        set_status(db_url, code, "DANG_XU_LY")
    with pytest.raises(NotFoundError):
        set_status(db_url, "000.00.06.H56-261124-9999", "DANG_XU_LY")


def test_catalog_and_holidays_reach_every_unit(portal, desk: Desk, db_url) -> None:
    publish_catalog_version(db_url, "2026-12", url="https://example.vn/catalog.json")
    publish_holidays(db_url, 2027, [{"day": "2027-01-01", "name": "Tết Dương lịch"}])
    with enrol_desk(portal.url, db_url, "000.00.07.H56") as other:
        for client in (desk, other):
            kinds = [c["kind"] for c in client.changes()["changes"]]
            assert kinds == ["catalog.version", "holidays"]
    assert desk.changes()["changes"][1]["days"] == [{"day": "2027-01-01", "name": "Tết Dương lịch"}]


def test_desk_events_are_in_the_feed_for_the_other_desks(portal, desk: Desk, db_url) -> None:
    dossier_id, body = dossier_body()
    desk.put_dossier(dossier_id, body)
    event_id = new_id()
    sent = desk.add_event(dossier_id, {"event_id": event_id, "status": "RUT", "at": "2026-11-24T10:00:00"})
    assert sent.status_code == 201
    with enrol_desk(portal.url, db_url, desk.unit) as colleague:
        [change] = colleague.changes()["changes"]
    assert change["event_id"] == event_id and change["status"] == "RUT" and change["by"] == "lan"


def test_cursor_arguments_are_checked(desk: Desk) -> None:
    response = desk.http.get("/v1/changes", params={"after": 0, "limit": 5000})
    assert response.status_code == 422 and response.json()["error"]["field"] == "limit"
    assert desk.http.get("/v1/changes", params={"after": "x"}).status_code == 422
