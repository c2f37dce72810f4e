"""`motcua portal catalog import` and `motcua portal calendar confirm` on SQLite and PostgreSQL:
what reaches the feed, what a bad file gets (exit 2, one line naming the entry and field, nothing
stored or announced), and `GET /v1/catalog/{sha256}` over HTTP."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli.main import main
from portal.db import get_engine, read_session
from portal.models import CalendarConfirmation, CatalogDocument, Change
from tests.portal.conftest import ThreadedPortal
from tests.portal.support import enrol_desk

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "catalog"


def portal(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> tuple[int, str, str]:
    code = main(["portal", *argv, "--db", db], extra_commands=("portal.cli",))
    out, err = capsys.readouterr()
    return code, out, err


def feed_size(db: str) -> int:
    with read_session(get_engine(db)) as session:
        return session.scalar(select(func.count()).select_from(Change)) or 0


def test_catalogue_is_kept_byte_for_byte_and_served_to_enrolled_desks(
        db_url: str, blobs_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = FIXTURES / "good_province.yaml"
    code, out, err = portal(capsys, db_url, "catalog", "import", str(file), "--json")
    assert code == 0, err
    sent = json.loads(out)
    raw = file.read_bytes()
    assert sent["sha256"] == hashlib.sha256(raw).hexdigest() and sent["procedures"] > 0
    with read_session(get_engine(db_url)) as session:
        change = session.scalars(select(Change).where(Change.kind == "catalog.document")).one()
    assert change.payload["sha256"] == sent["sha256"] and change.payload["format"] == "yaml"
    assert len(change.payload["versions"]) == sent["procedures"]
    assert all({"code", "valid_from", "valid_until"} <= set(v) for v in change.payload["versions"])
    with ThreadedPortal(db_url, blobs_dir) as server, enrol_desk(server.url, db_url, "000.00.06.H56") as desk:
        got = desk.http.get(f"/v1/catalog/{sent['sha256']}")
        assert got.status_code == 200 and got.content == raw
        assert got.headers["content-type"].startswith("application/yaml")
        assert desk.http.get(f"/v1/catalog/{'0' * 64}").json()["error"]["code"] == "not_found"
        bad = desk.http.get("/v1/catalog/NOT-A-HASH")
        assert bad.status_code == 422 and bad.json()["error"]["field"] == "sha256"
        assert desk.http.get(f"/v1/catalog/{sent['sha256']}", headers={"Authorization": ""}).status_code == 401
        feed = desk.http.get("/v1/changes").json()["changes"]
    assert [c["kind"] for c in feed] == ["catalog.document"]


@pytest.mark.parametrize(("name", "expected"), [
    ("bad_unknown_field.yaml", "entry 1 (code '2.000884'), line 2: unknown field 'fee_vdn'"),
    ("bad_time_unit.yaml", "time.unit"),
    ("bad_duplicate_key.yaml", "appears twice"),
])
def test_a_bad_catalogue_is_refused_whole(db_url: str, capsys: pytest.CaptureFixture[str],
                                          name: str, expected: str) -> None:
    code, _, err = portal(capsys, db_url, "catalog", "import", str(FIXTURES / name))
    assert code == 2 and expected in err and len(err.strip().splitlines()) == 1, err
    assert feed_size(db_url) == 0
    with read_session(get_engine(db_url)) as session:
        assert session.scalar(select(func.count()).select_from(CatalogDocument)) == 0


def test_calendar_confirmation_goes_to_the_feed_and_bad_files_do_not(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = portal(capsys, db_url, "calendar", "confirm", "2027", "--decision", "01/2027/QĐ-TTg", "--json")
    assert code == 0, err
    estimate = json.loads(out)  # no file: the holidays package's estimate of the year
    assert {"day": "2027-01-01", "name": "Tết Dương lịch"} in estimate["days"]
    bad = tmp_path / "lich.csv"
    bad.write_text("day,kind,name\n2027-01-01,nghỉ,A\n2028-01-01,nghỉ,B\n", encoding="utf-8")
    code, _, err = portal(capsys, db_url, "calendar", "confirm", "2027", "--decision", "x", "--file", str(bad))
    assert code == 2 and "lich.csv, entry 2 (01/01/2028), day: not in 2027" in err
    code, _, err = portal(capsys, db_url, "calendar", "confirm", "2027", "--decision", "")
    assert code == 2 and "--decision: missing" in err
    with read_session(get_engine(db_url)) as session:
        changes = session.scalars(select(Change).where(Change.kind == "calendar.confirmed")).all()
        kept = session.get(CalendarConfirmation, 2027)
    assert len(changes) == 1 and kept is not None and kept.decision == "01/2027/QĐ-TTg"
    assert changes[0].payload["year"] == 2027 and changes[0].payload["by"] == "portal:admin"
