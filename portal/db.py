"""The portal's database connection: engines for SQLite and PostgreSQL, and write transactions.

SQLite (the default, one file): WAL so readers never wait for the writer, `synchronous=FULL`
so a commit is on disk, a 30 s busy timeout, and every write transaction opened with
BEGIN IMMEDIATE so two writers serialise at the start instead of failing on lock upgrade.
PostgreSQL (several portal processes): READ COMMITTED plus the unique constraints of
portal/models.py; the change feed's ordering lock is a transaction-scoped advisory lock.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, exists, insert, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from app.errors import InputError
from portal.models import Base, Device, DeviceUnit

# Arbitrary constant naming the change-feed lock among PostgreSQL advisory locks.
FEED_LOCK_ID = 0x4D43_4645  # "MCFE"

_engines: dict[str, Engine] = {}
# Engines are shared per URL inside a process: creating one per request would defeat pooling.
_engines_lock = threading.Lock()


def normalise_url(db_url: str) -> str:
    """Accept a plain file path as an SQLite database; check that a URL is one we support."""
    if "://" not in db_url:
        return f"sqlite:///{Path(db_url).expanduser().resolve()}"
    try:
        url = make_url(db_url)
    except ArgumentError:
        raise InputError(f"--db: {db_url!r} is not a database URL such as sqlite:///portal.db "
                         "or postgresql+psycopg://user@host/db") from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise InputError(f"--db: {url.get_backend_name()!r} databases are not supported; "
                         "use sqlite:///FILE or postgresql+psycopg://…")
    if url.get_backend_name() == "postgresql" and url.get_driver_name() != "psycopg":
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


# Statement parameters are dossiers, notes and names: a database error must not copy them into
# the exception text, which the server's log prints.
HIDE_PARAMETERS = {"hide_parameters": True}


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                           pool_size=8, max_overflow=8, **HIDE_PARAMETERS)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Python 3.11's sqlite3 opens transactions itself; take control so BEGIN IMMEDIATE works.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def get_engine(db_url: str) -> Engine:
    """The process-wide engine for `db_url`, creating the schema on first use."""
    url = normalise_url(db_url)
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            if url.startswith("sqlite"):
                engine = _sqlite_engine(url)
            else:
                engine = create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True,
                                       **HIDE_PARAMETERS)
            _create_schema(engine)
            _engines[url] = engine
    return engine


def _create_schema(engine: Engine) -> None:
    with engine.begin() as conn:
        if not is_sqlite(engine):
            # Two portal processes starting at once on an empty PostgreSQL database would race on
            # CREATE TABLE; an advisory lock makes the second wait and then find the tables.
            conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": FEED_LOCK_ID + 1})
        Base.metadata.create_all(conn)
        _add_missing_columns(conn)
        _backfill_own_units(conn)


def _add_missing_columns(conn: Connection) -> None:
    """Bring a database made by an earlier portal up to the current tables.

    The reference portal only ever ADDS columns, each with a server default or nullable, so
    adding what is missing is the whole upgrade; a column of another kind is a programming error.
    """
    present = inspect(conn)
    for table in Base.metadata.sorted_tables:
        have = {column["name"] for column in present.get_columns(table.name)}
        for column in table.columns:
            if column.name in have:
                continue
            if not (column.nullable or column.server_default is not None):
                raise RuntimeError(f"portal schema: new column {table.name}.{column.name} needs a default")
            kind = column.type.compile(dialect=conn.dialect)
            default = ""
            if column.server_default is not None:
                default = f" DEFAULT '{column.server_default.arg}'"  # type: ignore[attr-defined]
            conn.exec_driver_sql(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}{default}')


def _backfill_own_units(conn: Connection) -> None:
    """Devices enrolled before unit grants existed get their own unit with the number range
    their slot always meant (`{slot}0000–{slot}9999`), so no range they used is ever given again."""
    orphans = conn.execute(select(Device.id, Device.unit_code, Device.slot, Device.enrolled_at).where(
        ~exists().where(DeviceUnit.device_id == Device.id, DeviceUnit.role == "own"))).all()
    for device_id, unit_code, slot, enrolled_at in orphans:
        if 1 <= slot <= 9:
            conn.execute(insert(DeviceUnit).values(
                device_id=device_id, unit_code=unit_code, role="own", range_start=slot * 10000,
                range_end=slot * 10000 + 9999, granted_at=enrolled_at, granted_by="portal:upgrade"))


def dispose(db_url: str) -> None:
    """Close and forget the engine of one database (a test database about to be dropped)."""
    with _engines_lock:
        engine = _engines.pop(normalise_url(db_url), None)
    if engine is not None:
        engine.dispose()


def dispose_all() -> None:
    """Close every pooled connection (tests that drop databases, process shutdown)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session in one write transaction: committed on success, rolled back on any exception."""
    bind = engine.execution_options(sqlite_begin="IMMEDIATE") if is_sqlite(engine) else engine
    with Session(bind=bind, expire_on_commit=False) as session, session.begin():
        yield session


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    with Session(bind=engine, expire_on_commit=False) as session, session.begin():
        yield session


def lock_feed(session: Session) -> None:
    """Serialise writers of the change feed until commit, so seq order equals commit order.

    Without it a reader could see seq 6 committed before seq 5 and move its cursor past 5.
    SQLite already has one writer at a time.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": FEED_LOCK_ID})


def lock_name(session: Session, name: str) -> None:
    """Serialise transactions about one thing (e.g. a unit's numbers for a day) until commit.

    The unique constraints alone would keep data right, but N concurrent writers would then
    need up to N retries each; a named lock makes them queue instead. No-op on SQLite.
    """
    if session.get_bind().dialect.name == "postgresql":
        lock_id = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big", signed=True)
        session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": lock_id})


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes for what was stored as UTC."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
