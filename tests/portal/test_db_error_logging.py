"""A database error never writes the statement's parameters (a dossier's personal data) to the
portal's log; checked on SQLite and PostgreSQL with a real portal process and a real error."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from portal.db import get_engine
from tests.portal.support import dossier_body, enrol_desk, portal_process

UNIT = "000.00.06.H56"
NOTE = "Con của chị Lan, CCCD 001190012345, mẹ đơn thân, bệnh án kèm theo"


def refuse_dossier_inserts(db_url: str) -> str:
    """A trigger that makes every dossier insert fail with a data error (the kind no handler
    turns into a retry or a 503): the error then carries the INSERT's parameters, the dossier
    with its note among them. Returns the database's words for the error."""
    engine = get_engine(db_url)
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON dossiers "
                              "BEGIN SELECT zeroblob(2000000000); END"))
            return "string or blob too big"
        conn.execute(text("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                          "$$ BEGIN RAISE EXCEPTION 'refused by the test' USING ERRCODE = "
                          "'invalid_parameter_value'; END $$"))
        conn.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON dossiers "
                          "FOR EACH ROW EXECUTE FUNCTION refuse()"))
    return "refused by the test"


def test_a_database_error_does_not_log_the_note(db_url: str, tmp_path: Path) -> None:
    words = refuse_dossier_inserts(db_url)
    log = tmp_path / "portal.log"
    with portal_process(db_url, tmp_path / "blobs", log) as portal, \
            enrol_desk(portal.url, db_url, UNIT) as desk:
        dossier_id, body = dossier_body(UNIT, note=NOTE)
        response = desk.put_dossier(dossier_id, body)
    assert response.status_code == 500 and response.json()["error"]["code"] == "internal"
    written = log.read_text(encoding="utf-8", errors="replace")
    assert words in written  # the error itself is logged, for the operator
    assert "CCCD" not in written and "001190012345" not in written and "chị Lan" not in written
    # No parameter at all: SQLAlchemy shortens long ones, which hides a note only by luck.
    assert "[parameters:" not in written
