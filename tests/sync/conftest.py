"""Fixtures of the sync tests: a real portal on loopback (SQLite), a real seeded desk store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from portal.admin import create_enrolment_token
from portal.db import dispose
from tests.app.reception_support import open_copy, template
from tests.portal.conftest import ThreadedPortal
from tests.sync.proxy import FaultProxy

CHUNK = 64 * 1024


@pytest.fixture
def portal_db(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'portal.db'}"
    yield url
    dispose(url)


@pytest.fixture
def portal(portal_db: str, tmp_path: Path) -> Iterator[ThreadedPortal]:
    with ThreadedPortal(portal_db, tmp_path / "portal-blobs", max_blob_bytes=4_000_000,
                        max_chunk_bytes=CHUNK) as server:
        yield server


@pytest.fixture
def proxy(portal: ThreadedPortal) -> Iterator[FaultProxy]:
    with FaultProxy(portal.port) as running:
        yield running


@pytest.fixture
def desk(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = open_copy(template(), tmp_path / "desk")
    yield store
    store.close()


@pytest.fixture
def enrolled(desk, portal, portal_db, proxy):  # type: ignore[no-untyped-def]
    """The desk enrolled with the portal, talking to it through the proxy."""
    from sync.enrolment import enrol

    enrol(desk, proxy.url, create_enrolment_token(portal_db, desk.unit.code))
    return desk


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Long fault-injection runs (marker `chaos`) are skipped unless chosen with `-m chaos`."""
    if "chaos" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="chaos run: select it with -m chaos")
    for item in items:
        if item.get_closest_marker("chaos") is not None:
            item.add_marker(skip)
