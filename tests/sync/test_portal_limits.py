"""The desk keeps the limits the portal publishes and refuses at intake what the portal would refuse."""

from __future__ import annotations

from sqlalchemy import func, select

from app.limits import DEFAULT_LIMITS
from app.reception.model import PageInput
from app.reception.service import preview_reception
from app.store.limits import desk_limits
from app.store.models import Setting
from sync.engine import sync_once
from tests.app.reception_support import MONDAY_9, birth_request, padded_png


def page_problems(store, request) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with store.read_session() as session:
        quote = preview_reception(session, request, now=MONDAY_9)
    return {p.field: p.message for p in quote.problems}


def test_a_sync_pass_keeps_the_published_limits_and_intake_uses_them(enrolled, tmp_path) -> None:
    # The test portal publishes max_blob_bytes 4,000,000 (the reference default is 100 MB).
    request = birth_request(enrolled, tmp_path / "pages")
    request.documents[0].pages = [PageInput(padded_png(tmp_path / "big.png", 4_100_000))]
    with enrolled.read_session() as session:
        assert desk_limits(session) == DEFAULT_LIMITS
    assert page_problems(enrolled, request) == {}

    report = sync_once(enrolled, reserve=False, pull=False)
    assert report.online
    with enrolled.read_session() as session:
        assert desk_limits(session).max_blob_bytes == 4_000_000
        assert desk_limits(session).max_sets == DEFAULT_LIMITS.max_sets  # not published: default kept
    problems = page_problems(enrolled, request)
    assert list(problems) == ["documents[0].pages[0].path"]
    assert "4,100,000 bytes, more than the 4,000,000 a page file may have" in problems["documents[0].pages[0].path"]

    # A second pass with the same limits writes nothing new.
    sync_once(enrolled, reserve=False, pull=False)
    with enrolled.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Setting)
                              .where(Setting.key == "sync.portal_limits")) == 1


def test_without_a_portal_answer_the_defaults_stay(desk) -> None:
    from sync.client import Reply
    from sync.limits import remember_limits

    assert remember_limits(desk, Reply(503, body={"error": {"code": "busy"}})) is None
    assert remember_limits(desk, Reply(200, body=["not", "limits"])) is None
    odd = remember_limits(desk, Reply(200, body={"max_sets": -5, "max_name_chars": "many", "max_pages": 10}))
    assert odd is not None and (odd.max_sets, odd.max_name_chars, odd.max_pages) == (100, 200, 10)
    with desk.read_session() as session:
        assert desk_limits(session) == odd
