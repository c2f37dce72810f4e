"""Several dossiers in flight at once, acknowledgements written in batches: still exactly once."""

from __future__ import annotations

from sqlalchemy import select

from app.store.models import OutboxItem
from portal.admin import list_dossiers
from sync import engine
from sync.client import Reply
from sync.engine import sync_once
from sync.marks import OutboxMarks
from tests.sync.support import later, receive


def test_more_dossiers_than_workers_all_arrive_once(enrolled, portal_db, tmp_path) -> None:
    count = engine.WORKERS * 2 + 1
    made = {receive(enrolled, tmp_path, name=f"d{i}").code for i in range(count)}
    report = sync_once(enrolled, reserve=False, pull=False)
    assert report.sent == count and report.blobs_uploaded == count * 2 and not report.errors
    held = [d["code"] for d in list_dossiers(portal_db)]
    assert sorted(held) == sorted(made)
    with enrolled.read_session() as session:
        assert {row.state for row in session.scalars(select(OutboxItem))} == {"sent"}


def test_acknowledgements_wait_in_memory_until_the_batch_is_written(enrolled, tmp_path) -> None:
    for i in range(3):
        receive(enrolled, tmp_path, name=f"a{i}")
    with enrolled.read_session() as session:
        seqs = list(session.scalars(select(OutboxItem.seq)))
    marks = OutboxMarks(enrolled, later(0))
    for seq in seqs:
        marks.acknowledged(seq, Reply(201, {}, {}))

    def states() -> set[str]:
        with enrolled.read_session() as session:
            return set(session.scalars(select(OutboxItem.state)))

    assert states() == {"pending"}  # not yet durable: a crash now means a re-send
    marks.flush()
    assert states() == {"sent"}


def test_an_acknowledgement_lost_in_a_crash_only_causes_a_resend(enrolled, portal_db, tmp_path) -> None:
    result = receive(enrolled, tmp_path)
    assert sync_once(enrolled, reserve=False, pull=False).sent == 1
    with enrolled.session() as session:  # the batch holding its mark never reached the disk
        row = session.scalar(select(OutboxItem))
        row.state, row.attempts = "pending", 0
    again = sync_once(enrolled, now=later(), reserve=False, pull=False)
    assert again.sent == 1 and again.blobs_uploaded == 0  # the scans were already there
    held = list_dossiers(portal_db)
    assert [d["code"] for d in held] == [result.code] and held[0]["version"] == 1
