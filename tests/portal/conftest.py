"""Fixtures of the portal tests: databases (SQLite file and a real PostgreSQL), a portal served
by uvicorn on loopback, and enrolled test devices talking to it over HTTP."""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from portal.db import dispose, dispose_all
from portal.server import create_app
from tests.portal.pg import Cluster, free_port, start_cluster
from tests.portal.support import Desk, enrol_desk

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    # scripts/test.sh installs PostgreSQL; running pytest by hand without it fails loudly
    # unless the PostgreSQL half is explicitly switched off.
    if os.environ.get("MOTCUA_SKIP_POSTGRES") == "1":
        pytest.skip("MOTCUA_SKIP_POSTGRES=1: PostgreSQL variants skipped")
    cluster = start_cluster()
    yield cluster
    dispose_all()
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty portal database of each kind; its pooled connections closed afterwards."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'portal.db'}"
    else:
        cluster: Cluster = request.getfixturevalue("pg_cluster")
        url = cluster.create_database(f"portal_{next(_names)}")
    yield url
    dispose(url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'portal.db'}"


@pytest.fixture
def blobs_dir(tmp_path: Path) -> Path:
    return tmp_path / "blobs"


class ThreadedPortal:
    """uvicorn serving the portal app in a thread of the test process, on a free loopback port."""

    def __init__(self, db_url: str, blobs: Path, **limits: int) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db_url, blobs, **limits), host="127.0.0.1", port=self.port,
                                log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ThreadedPortal:
        self.thread.start()
        for _ in range(500):
            if self.server.started:
                return self
            self.thread.join(0.01)
        raise RuntimeError("portal did not start")

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def portal(db_url: str, blobs_dir: Path) -> Iterator[ThreadedPortal]:
    with ThreadedPortal(db_url, blobs_dir, max_blob_bytes=1_000_000, max_chunk_bytes=64 * 1024) as server:
        yield server


@pytest.fixture
def desk(portal: ThreadedPortal, db_url: str) -> Iterator[Desk]:
    with enrol_desk(portal.url, db_url, "000.00.06.H56") as client:
        yield client
