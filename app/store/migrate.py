"""Schema upgrades at open: Alembic revisions shipped in app/store/migrations, run in-process.

Rules (house style 15): refuse a store whose revision this build does not know (it was written
by a newer MotCua Desk); back up an existing store before touching it; run every pending
revision in ONE transaction so a failure leaves the store as it was; name the revision that
failed. No alembic.ini is needed at run time: the Config is built here.

Alembic (with Mako and Pygments, about 0.35 s of imports) is loaded only when a store is not
at the newest revision: an ordinary open reads `alembic_version` itself and compares it with the
head found by reading the shipped revision files' `revision`/`down_revision` lines.

Developers add a revision with `python -m app.store.migrate revision -m "what changes"`
(autogenerate against a scratch SQLite database built at head); review the result by hand.
"""

from __future__ import annotations

import argparse
import functools
import re
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from app.errors import MigrationError, StoreTooNewError
from app.store.database import register_functions, writer

if TYPE_CHECKING:  # alembic is imported where it is used: most opens need none of it
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BeforeUpgrade = Callable[[str | None, str], None]
# Derived tables a revision creates with raw SQL and no model describes: the dossier search
# index of revision 0006 (an FTS5 table and its shadow tables). Model comparisons skip them.
DERIVED_TABLE_PREFIXES = ("dossier_search",)


def include_name(name: str | None, type_: str, _parent_names: Any) -> bool:
    """Alembic `include_name` hook: everything but the derived tables."""
    return not (type_ == "table" and name is not None and name.startswith(DERIVED_TABLE_PREFIXES))


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def current_revision(connection: Connection) -> str | None:
    """The store's revision (None for an empty database); leaves no transaction open."""
    from alembic.runtime.migration import MigrationContext

    try:
        return MigrationContext.configure(connection).get_current_revision()
    finally:
        connection.rollback()


_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(None|['\"]([^'\"]*)['\"])\s*$",
                            re.MULTILINE)


@functools.cache
def shipped_head() -> str | None:
    """The newest shipped revision, read from the revision files' text without Alembic.

    None when the files do not form one plain chain (a merge, a branch, a line written some
    other way): the caller then asks Alembic, so a surprise here costs time, never correctness.
    """
    parents: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = {m.group(1): m.group(3) for m in _REVISION_LINE.finditer(path.read_text("utf-8"))}
        if "revision" not in found or "down_revision" not in found or found["revision"] in parents:
            if path.name != "__init__.py":
                return None
            continue
        parents[str(found["revision"])] = found["down_revision"]
    heads = set(parents) - {parent for parent in parents.values() if parent is not None}
    return heads.pop() if len(heads) == 1 else None


def stored_revision(connection: Connection) -> str | None:
    """`alembic_version` read with one plain query (None if there is no such table or row)."""
    try:
        rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    except DBAPIError:
        return None
    finally:
        connection.rollback()
    return str(rows[0][0]) if len(rows) == 1 else None


def pending_revisions(current: str | None, target: str = "head") -> list[str]:
    """Revisions from just after `current` up to `target`, oldest first.

    Raises StoreTooNewError when `current` is not one of ours.
    """
    script = script_directory()
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise StoreTooNewError(
            f"the store is at schema revision {current!r}, which this version of MotCua Desk does "
            f"not know (newest known: {script.get_current_head()!r}); install the newer version")
    revs = script.iterate_revisions(target, current or "base")
    return [rev.revision for rev in reversed(list(revs))]


def upgrade(engine: Engine, *, target: str = "head",
            before_upgrade: BeforeUpgrade | None = None) -> list[str]:
    """Bring the store to `target`; returns the revisions applied (empty if already there)."""
    head = shipped_head()
    if target == "head" and head is not None:
        with engine.connect() as connection:  # a read: no write lock for the usual open
            if stored_revision(connection) == head:
                return []  # at the newest revision: Alembic is not needed
    from alembic import command

    with writer(engine).connect() as connection:
        current = current_revision(connection)
        pending = pending_revisions(current, target)
        if not pending:
            return []
        if before_upgrade is not None and current is not None:
            before_upgrade(current, pending[-1])
        applied: list[str] = []

        def on_version_apply(*, step: Any, **_: Any) -> None:
            applied.append(step.up_revision_id)

        config = alembic_config(connection)
        config.attributes["on_version_apply"] = on_version_apply
        try:
            with connection.begin():  # BEGIN IMMEDIATE: the one upgrade transaction
                command.upgrade(config, target)
        except Exception as error:
            failed = pending[len(applied)] if len(applied) < len(pending) else pending[-1]
            raise MigrationError(
                f"upgrade step {failed} ({_describe(failed)}) failed, the store was left at "
                f"revision {current or 'empty'}: {error}") from error
        return applied


def _describe(revision: str) -> str:
    script = script_directory().get_revision(revision)
    return (script.doc or "").strip().splitlines()[0] if script is not None and script.doc else "?"


def _scratch_engine(folder: Path) -> Engine:
    # Plain SQLite is enough to autogenerate: the schema is the same with or without encryption.
    engine = create_engine(f"sqlite:///{folder / 'scratch.db'}", module=sqlite3)
    event.listen(engine, "connect", lambda dbapi_connection, _record: register_functions(dbapi_connection))
    return engine


def main(argv: list[str] | None = None) -> int:
    """Developer helper: `revision -m TEXT` writes a new autogenerated revision file."""
    parser = argparse.ArgumentParser(prog="python -m app.store.migrate")
    sub = parser.add_subparsers(dest="cmd", required=True)
    rev = sub.add_parser("revision")
    rev.add_argument("-m", "--message", required=True)
    rev.add_argument("--rev-id", help="revision id, e.g. 0003 (default: next number)")
    args = parser.parse_args(argv)
    from alembic import command

    next_id = args.rev_id or f"{int(head_revision()) + 1:04d}"
    with tempfile.TemporaryDirectory() as tmp:
        engine = _scratch_engine(Path(tmp))
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        with engine.begin() as connection:
            command.revision(alembic_config(connection), message=args.message, autogenerate=True,
                             rev_id=next_id)
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
