"""Two portal processes (two uvicorn servers, two ports) on one database: concurrent duplicate
requests still have exactly one effect, and number blocks stay disjoint."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import pytest

from app.ids import new_id
from portal.admin import create_enrolment_token, list_dossiers
from portal.codeblocks import vietnam_today
from tests.portal.support import Desk, dossier_body, enrol, portal_process


@pytest.fixture
def two_portals(db_url: str, blobs_dir: Path) -> Iterator[list[str]]:
    with ExitStack() as stack:
        yield [stack.enter_context(portal_process(db_url, blobs_dir)).url for _ in range(2)]


def test_duplicates_across_two_processes_have_one_effect(two_portals: list[str], db_url: str) -> None:
    enrolment = enrol(two_portals[0], create_enrolment_token(db_url, "000.00.06.H56")).json()
    desks = [Desk(url, enrolment) for url in two_portals]
    requests = []
    for _ in range(12):
        dossier_id, body = dossier_body()
        key, together = new_id(), threading.Barrier(4)
        requests += [(i % 2, dossier_id, body, key, together) for i in range(4)]  # 2 copies per process

    def send(item: tuple[int, str, dict, str, threading.Barrier]) -> tuple[str, int, str]:
        which, dossier_id, body, key, together = item
        try:
            together.wait(5)  # the four copies of a request leave at the same moment
        except threading.BrokenBarrierError:
            pass
        response = desks[which].put_dossier(dossier_id, body, key)
        return key, response.status_code, response.text

    try:
        with ThreadPoolExecutor(16) as pool:
            results = list(pool.map(send, requests))
        by_key: dict[str, set[tuple[int, str]]] = {}
        for key, status, text in results:
            by_key.setdefault(key, set()).add((status, text))
        assert all(outcomes == {next(iter(outcomes))} for outcomes in by_key.values()), by_key
        assert {status for outcomes in by_key.values() for status, _ in outcomes} == {201}
        assert len(list_dossiers(db_url)) == 12
        # Number blocks reserved through both processes at once never overlap.
        with ThreadPoolExecutor(8) as pool:
            blocks = list(pool.map(lambda i: desks[i % 2].reserve(vietnam_today(), 25).json(), range(8)))
        assert all("start" in b for b in blocks), blocks
        ranges = sorted((b["start"], b["end"]) for b in blocks)
        assert all(a[1] < b[0] for a, b in zip(ranges, ranges[1:], strict=False)) and ranges[-1][1] == 200
    finally:
        for desk in desks:
            desk.close()
