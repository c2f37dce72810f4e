"""Encrypted connections: SQLCipher (`sqlcipher3`) under one SQLAlchemy engine per open store.

Every connection is keyed with the raw 32-byte data key (`PRAGMA key = "x'…'"`, so SQLCipher
skips its own passphrase KDF: the key file already did the slow part) and gets the same
pragmas: WAL, `synchronous=FULL` (committed means on disk), foreign keys, a busy timeout.

Python 3.11's sqlite3 module opens transactions on its own schedule, which breaks SAVEPOINTs
and makes lock upgrades deadlock-prone; we switch that off (`isolation_level=None`) and emit
BEGIN ourselves, as the SQLAlchemy SQLite dialect documentation prescribes. Write sessions use
BEGIN IMMEDIATE so a second writer (another thread or a second desk process) waits on the busy
timeout up front instead of failing halfway through with SQLITE_BUSY on lock upgrade.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.collation import name_sort_key, sort_key

KEY_BYTES = 32
BUSY_TIMEOUT_S = 10.0
_BEGIN_OPTION = "motcua_begin"
# Messages SQLite/SQLCipher use for a file that is not (or no longer) a readable database.
_CORRUPTION_MARKERS = ("file is not a database", "malformed", "hmac check failed",
                       "database corrupt", "disk image")


# Each connection's page cache, in KiB (SQLite's default is 2 MiB). SQLCipher decrypts and checks
# every page it reads from the file, so a page kept here costs nothing the next time: with 32 MiB
# the dossier list's indexes and the search index's common words stay decrypted between searches
# (500,000 dossiers, interleaved with 2 MiB: CPU p95 of a search 17-23 -> 15.5 ms; the wall
# medians fell 12-14 -> 7-8 ms in one set of runs and could not be told apart in a later one).
# SQLite fills the cache only as pages are read.
PAGE_CACHE_KIB = 32 * 1024


def key_pragma(key: bytes) -> str:
    """The PRAGMA that keys a connection with a raw data key."""
    if len(key) != KEY_BYTES:
        raise ValueError(f"data key must be {KEY_BYTES} bytes, got {len(key)}")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def register_functions(conn: Any) -> None:
    """The SQL functions the store's triggers call, on one DB-API connection (sqlcipher3 or sqlite3).

    The list's sort keys (revision 0009): the triggers that keep `dossiers.applicant_key` and
    `procedure_key` in step call these, so every connection that writes dossiers needs them.
    """
    conn.create_function("motcua_name_key", 1, name_sort_key, deterministic=True)
    conn.create_function("motcua_sort_key", 1, sort_key, deterministic=True)


def raw_connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    """A keyed DB-API connection with the store's pragmas (also used by maintenance and tests).

    Raises the driver's DatabaseError if the key is wrong or the file is damaged, because the
    first pragma that reads the file fails.
    """
    conn = sqlcipher3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                              check_same_thread=False)
    try:
        conn.execute(key_pragma(key))
        # Reading the schema is what actually decrypts page 1: wrong key or garbage fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        register_functions(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def is_corruption(error: BaseException) -> bool:
    """True if a driver/SQLAlchemy error means the file is damaged (not busy, not a bug)."""
    original = getattr(error, "orig", error)
    if not isinstance(original, sqlcipher3.DatabaseError):
        return False
    text = str(original).lower()
    return any(marker in text for marker in _CORRUPTION_MARKERS)


def make_engine(path: Path, key: bytes) -> Engine:
    """An engine whose connections are all keyed; dispose it to drop the key from the pool."""

    def creator() -> sqlcipher3.Connection:
        return raw_connect(path, key)

    # The pysqlite dialect with sqlcipher3 as its DB-API module: driver errors are then wrapped
    # properly, and no passphrase has to travel through a URL.
    # The URL says memory because the path goes through `creator`; the pool must be chosen
    # explicitly, or the dialect would pick the single-connection pool meant for :memory:.
    # LIFO: the store lane reuses the connection it just had, whose page cache holds the pages it
    # decrypted a moment ago (the list's indexes), instead of cycling through cold ones.
    engine = create_engine("sqlite://", creator=creator, module=sqlcipher3.dbapi2,
                           poolclass=QueuePool, pool_size=4, max_overflow=4, pool_use_lifo=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # no implicit BEGIN from the driver

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, but every transaction starts with BEGIN IMMEDIATE (takes the write lock)."""
    return engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})


class Sessions:
    """Session factories for one engine: write sessions (BEGIN IMMEDIATE) and read sessions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write = sessionmaker(bind=writer(engine), expire_on_commit=False)
        self._read = sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: commit on normal exit, roll back on any error."""
        with self._write() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent read snapshot; anything written by mistake is rolled back."""
        # close() (not rollback()) ends the snapshot: loaded objects stay usable as plain data.
        with self._read() as session:
            yield session

