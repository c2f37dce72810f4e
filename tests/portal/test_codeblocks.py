"""Reserved number blocks: disjoint across devices, idempotent by key."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from app.ids import new_id
from portal.codeblocks import vietnam_today
from tests.portal.support import Desk, enrol_desk


def test_blocks_are_disjoint_and_replayed(portal, desk: Desk, db_url) -> None:
    today = vietnam_today()
    key = new_id()
    first = desk.reserve(today, 50, key).json()
    assert (first["start"], first["end"]) == (1, 50)
    assert desk.reserve(today, 50, key).json() == first  # a lost response gives the same block back
    with enrol_desk(portal.url, db_url, desk.unit) as other, ThreadPoolExecutor(6) as pool:
        blocks = list(pool.map(lambda i: (desk if i % 2 else other).reserve(today, 30).json(), range(6)))
    ranges = sorted((b["start"], b["end"]) for b in [first, *blocks])
    assert all(a_end < b_start for (_, a_end), (b_start, _) in zip(ranges, ranges[1:], strict=False))
    assert ranges[-1][1] == 50 + 6 * 30


def test_day_and_count_are_checked(desk: Desk) -> None:
    far = desk.reserve(vietnam_today() + timedelta(days=60), 10)
    assert far.status_code == 422 and far.json()["error"]["field"] == "day"
    assert desk.reserve(vietnam_today(), 0).json()["error"]["field"] == "count"


def test_numbers_run_out_at_9999(desk: Desk) -> None:
    today = vietnam_today()
    for _ in range(9):
        desk.reserve(today, 1000)
    last = desk.reserve(today, 1000).json()
    assert (last["start"], last["end"]) == (9001, 9999)
    assert desk.reserve(today, 1).json()["error"]["code"] == "codes_exhausted"
