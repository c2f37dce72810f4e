"""Dossier codes: format and parsing, portal-reserved blocks, device fallback, crash/rollback
safety and uniqueness across two processes writing at once."""

from __future__ import annotations

import multiprocessing
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.codes import (DOSSIER_CODE_RE, add_reserved_block, allocate_dossier_code, device_range, format_dossier_code,
                       parse_dossier_code)
from app.errors import InputError
from app.paths import DataPaths, data_paths
from app.store import create_store, open_store
from app.store.models import Applicant

UNIT = "000.00.06.H56"
DAY = date(2025, 11, 24)
PASSWORD = "password-123"


@pytest.fixture
def store(data_dir: Path):
    opened, _ = create_store(data_paths(data_dir), unit_code=UNIT, unit_name="UBND xã A",
                             admin_username="admin", admin_full_name="Admin", admin_password=PASSWORD)
    yield opened
    opened.close()


def allocate(store, *, day: date = DAY, slot: int = 1, unit: str = UNIT) -> str:
    with store.session() as session:
        return allocate_dossier_code(session, unit_code=unit, day=day, offline_range=device_range(slot))


def test_real_examples_parse() -> None:
    assert parse_dossier_code("000.00.06.H56-231027-0361") == ("000.00.06.H56", date(2023, 10, 27), 361)
    assert parse_dossier_code("000.17.22.H56-210531-0001")[2] == 1
    assert parse_dossier_code("000.00.06.H56-251124-30001")[2] == 30001


@pytest.mark.parametrize(("code", "why"), [
    ("000.00.06.H56-231027-361", "form"),
    ("000.00.06.H56-231027-036100", "form"),
    ("00.00.06.H56-231027-0361", "form"),
    ("000.00.06.h56-231027-0361", "form"),
    ("000.00.06.H56-231327-0361", "impossible date"),
    ("000.00.06.H56-231027-0000", "number 0"),
    # One canonical form: other digits and any white space would make "different" copies of a code.
    ("000.00.06.H56-231027-\uff10\uff13\uff16\uff11", "ASCII digits"),  # full-width
    ("000.00.06.H56-231027-\u0660\u0663\u0666\u0661", "ASCII digits"),  # Arabic-Indic
    ("000.00.06.H56-\u0968\u0969\u0967\u0966\u0968\u0967-0361", "ASCII digits"),  # Devanagari day
    (" 000.00.06.H56-231027-0361", "no spaces"),
    ("000.00.06.H56-231027-0361\n", "no spaces"),
    ("000.00.06.H56 -231027-0361", "no spaces"),
])
def test_bad_codes_say_what_is_wrong(code: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        parse_dossier_code(code)


@settings(max_examples=200)
@given(unit=st.from_regex(r"\A[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}\Z"),
       day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
       number=st.integers(min_value=1, max_value=99999))
def test_format_parse_round_trip(unit: str, day: date, number: int) -> None:
    code = format_dossier_code(unit, day, number)
    assert DOSSIER_CODE_RE.fullmatch(code)
    assert parse_dossier_code(code) == (unit, day, number)


def test_device_range_when_nothing_reserved(store) -> None:
    assert [allocate(store, slot=2) for _ in range(3)] == [
        f"{UNIT}-251124-20001", f"{UNIT}-251124-20002", f"{UNIT}-251124-20003"]
    assert allocate(store, slot=2, day=date(2025, 11, 25)) == f"{UNIT}-251125-20001"  # per day


def test_reserved_blocks_first_then_device_range(store) -> None:
    with store.session() as session:
        add_reserved_block(session, UNIT, DAY, 41, 42)
        add_reserved_block(session, UNIT, DAY, 7, 8)
        add_reserved_block(session, UNIT, DAY, 7, 8)  # sync replays: no-op
    codes = [allocate(store, slot=3) for _ in range(5)]
    assert [c.rsplit("-", 1)[1] for c in codes] == ["0007", "0008", "0041", "0042", "30001"]
    with store.session() as session:  # a block arriving later is used again
        add_reserved_block(session, UNIT, DAY, 100, 100)
    assert allocate(store, slot=3).endswith("-0100")
    assert allocate(store, slot=3).endswith("-30002")


@pytest.mark.parametrize(("start", "end", "why"), [
    (0, 5, "within"), (5, 4, "within"), (9000, 10000, "within"), (8, 41, "overlaps")])
def test_bad_reserved_blocks_are_refused(store, start: int, end: int, why: str) -> None:
    with store.session() as session:
        add_reserved_block(session, UNIT, DAY, 7, 8)
    with pytest.raises(InputError, match=why), store.session() as session:
        add_reserved_block(session, UNIT, DAY, start, end)


def test_bad_unit_or_slot(store) -> None:
    with pytest.raises(InputError, match="unit_code"):
        allocate(store, unit="H56")
    with pytest.raises(InputError, match="device_slot"):
        allocate(store, slot=0)
    with pytest.raises(InputError, match="device_slot"):
        allocate(store, slot=10)


def test_rolled_back_reception_does_not_burn_a_code(store) -> None:
    first = allocate(store)
    with pytest.raises(RuntimeError), store.session() as session:
        lost = allocate_dossier_code(session, unit_code=UNIT, day=DAY, offline_range=device_range(1))
        session.add(Applicant(full_name="X"))
        raise RuntimeError("printer jammed before confirm")
    assert allocate(store) == lost != first


def test_committed_codes_survive_reopen(store) -> None:
    issued = {allocate(store) for _ in range(5)}
    paths: DataPaths = store.paths
    store.close()
    again = open_store(paths, username="admin", password=PASSWORD)
    fresh = allocate(again)
    again.close()
    assert fresh not in issued and fresh.endswith("-10006")


def _worker(root: str, count: int, queue: "multiprocessing.Queue[list[str]]") -> None:
    import os

    os.environ["MOTCUA_KDF_PROFILE"] = "test"
    from app.codes import allocate_dossier_code as alloc
    from app.paths import data_paths as paths_for
    from app.store import open_store as open_

    opened = open_(paths_for(root), username="admin", password=PASSWORD)
    codes = []
    try:
        for _ in range(count):
            with opened.session() as session:
                codes.append(alloc(session, unit_code=UNIT, day=DAY, offline_range=(10001, 19999)))
    finally:
        opened.close()
        queue.put(codes)


def test_two_processes_never_get_the_same_code(store) -> None:
    with store.session() as session:
        add_reserved_block(session, UNIT, DAY, 1, 150)  # both kinds of block are contended
    root = str(store.paths.root)
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_worker, args=(root, 200, queue)) for _ in range(2)]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=240) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    codes = results[0] + results[1]
    assert len(codes) == 400 and len(set(codes)) == 400
    numbers = sorted(parse_dossier_code(c)[2] for c in codes)
    assert numbers == list(range(1, 151)) + list(range(10001, 10251))
