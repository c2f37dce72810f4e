"""Schema upgrades at open: the 0001 fixture store, newer stores, failing steps, models vs. revisions."""

from __future__ import annotations

import hashlib

import shutil
import zipfile
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text

from app.codes import allocate_dossier_code, offline_range_for
from app.errors import MigrationError, StoreTooNewError
from app.paths import DataPaths, data_paths
from app.store import list_backups, open_store, open_store_with_recovery
from app.store import migrate
from app.store.database import raw_connect
from app.store.keys import KeyFile
from app.store.models import Applicant, Base, Dossier, OutboxItem, Page

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store_0001"
PASSWORD = "fixture-0001-pass"


@pytest.fixture
def old_store(data_dir: Path) -> DataPaths:
    paths = data_paths(data_dir)
    for name in ("store.db", "keys.json"):
        shutil.copy(FIXTURE / name, data_dir / name)
    return paths


def revision_of(paths: DataPaths) -> str:
    data_key, _ = KeyFile.load(paths.keys).unlock_user("admin", PASSWORD)
    conn = raw_connect(paths.store, data_key)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_fixture_store_is_upgraded_with_data_kept(old_store: DataPaths) -> None:
    assert revision_of(old_store) == "0001"
    store = open_store(old_store, username="admin", password=PASSWORD)
    assert revision_of(old_store) == migrate.head_revision()
    assert store.unit.code == "000.00.06.H56" and store.user.full_name == "Lê Thị Hoa"
    with store.read_session() as session:
        dossier = session.scalar(select(Dossier))
        assert dossier.code == "000.00.06.H56-250702-0001"
        assert session.get(Applicant, dossier.applicant_id).full_name == "Nguyễn Văn Bình"
        assert session.scalar(select(Page.size)) == 123456
        assert session.scalar(select(OutboxItem.state)) == "pending"
    assert store.get_setting("codes.device_slot") == 3
    report = store.check()
    assert report.ok and report.audit_events >= 2  # fixture's event + this login
    with store.session() as session:  # the table added by 0002 works
        code = allocate_dossier_code(session, unit_code=store.unit.code, day=dossier.received_at.date(),
                                     offline_range=offline_range_for(session, store.unit.code, store.unit.code))
    assert code == "000.00.06.H56-250702-30001"
    store.close()

    backups = list_backups(old_store)
    assert len(backups) == 1 and f"before-0001-to-{migrate.head_revision()}" in backups[0].name
    with zipfile.ZipFile(backups[0]) as archive:
        archive.extract("store.db", old_store.root / "check")
    conn = raw_connect(old_store.root / "check" / "store.db", _key(old_store))
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    conn.close()


def test_upgraded_search_index_has_the_prefix_indexes_and_finds_every_dossier(old_store: DataPaths) -> None:
    store = open_store(old_store, username="admin", password=PASSWORD)
    store.close()
    conn = raw_connect(old_store.store, _key(old_store))
    try:
        made = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'dossier_search'").fetchone()[0]
        assert "prefix = '1 2 3 4 5 6'" in made  # 0010: prefix queries up to six characters indexed
        dossiers = conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM dossier_search").fetchone()[0] == dossiers > 0
        # "Nguyễn Văn Bình" by the prefixes of each length, folded as the box folds them.
        for typed in ('"ng"*', '"ngu"*', '"nguy"*', '"nguye"*', '"nguyen" "bin"*', '"van" "binh"*'):
            found = conn.execute("SELECT count(*) FROM dossier_search WHERE dossier_search MATCH ?",
                                 (typed,)).fetchone()[0]
            assert found == 1, typed
    finally:
        conn.close()


def _key(paths: DataPaths) -> bytes:
    data_key, _ = KeyFile.load(paths.keys).unlock_user("admin", PASSWORD)
    return data_key


def test_fixture_opens_with_its_recovery_key(old_store: DataPaths) -> None:
    readme = (FIXTURE / "README.md").read_text(encoding="utf-8")
    recovery = readme.split("recovery key: `")[1].split("`")[0]
    store = open_store_with_recovery(old_store, recovery_key=recovery)
    assert store.user.username == "admin"
    store.close()


def test_newer_store_is_refused_and_left_alone(old_store: DataPaths) -> None:
    conn = raw_connect(old_store.store, _key(old_store))
    conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.close()
    before = old_store.store.read_bytes()
    with pytest.raises(StoreTooNewError, match="0099"):
        open_store(old_store, username="admin", password=PASSWORD)
    assert old_store.store.read_bytes() == before
    assert list_backups(old_store) == []


def test_failing_step_is_named_and_rolled_back(old_store: DataPaths) -> None:
    conn = raw_connect(old_store.store, _key(old_store))
    conn.execute("CREATE TABLE code_blocks (x INTEGER)")  # makes 0002's CREATE TABLE fail
    conn.close()
    with pytest.raises(MigrationError) as info:
        open_store(old_store, username="admin", password=PASSWORD)
    assert "0002" in str(info.value) and "code_blocks" in str(info.value)
    assert revision_of(old_store) == "0001"
    assert len(list_backups(old_store)) == 1


def test_whole_upgrade_is_one_transaction(old_store: DataPaths, monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    """A step failing after an earlier step ran leaves no trace of the earlier step."""
    # A private copy of the shipped revisions plus a failing one: the real folder is never touched,
    # so tests running at the same time (or a test killed half-way) cannot see the extra step.
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_test_failure.py").write_text(
        '"""Test-only failing step."""\nfrom alembic import op\n'
        'revision = "0099"\n'
        f'down_revision = "{migrate.head_revision()}"\nbranch_labels = None\ndepends_on = None\n'
        'def upgrade():\n    op.execute("CREATE TABLE marker (x INTEGER)")\n'
        '    op.execute("SELECT * FROM no_such_table")\n'
        'def downgrade():\n    pass\n')
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    migrate.shipped_head.cache_clear()
    try:
        with pytest.raises(MigrationError, match="0099"):
            open_store(old_store, username="admin", password=PASSWORD)
    finally:
        migrate.shipped_head.cache_clear()  # the head read here is this copy's, not the shipped one
    conn = raw_connect(old_store.store, _key(old_store))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert "code_blocks" not in tables and "drafts" not in tables and "marker" not in tables
    assert revision_of(old_store) == "0001"


def test_revisions_build_exactly_the_models(tmp_path: Path) -> None:
    engine = migrate._scratch_engine(tmp_path)
    with engine.begin() as connection:
        from alembic import command

        command.upgrade(migrate.alembic_config(connection), "head")
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": migrate.include_name}), Base.metadata)
        triggers = connection.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"))
        # Two keep the audit log append-only; four keep the dossier search index (0006) in step;
        # four keep the list's sort keys (0009) in step.
        assert triggers.scalar() == 10
    engine.dispose()
    assert diff == []


def test_upgrade_of_a_current_store_does_nothing(old_store: DataPaths) -> None:
    open_store(old_store, username="admin", password=PASSWORD).close()
    open_store(old_store, username="admin", password=PASSWORD).close()
    assert len(list_backups(old_store)) == 1
    # Sanity: the upgrade worked on the copy, not on the committed fixture. Digests, not bytes:
    # pytest explains a failed bytes comparison with a full diff, which takes minutes on CI.
    fixture_digest = hashlib.sha256((FIXTURE / "store.db").read_bytes()).hexdigest()
    assert fixture_digest != hashlib.sha256(old_store.store.read_bytes()).hexdigest()


def test_head_read_from_the_revision_files_is_alembics_head() -> None:
    # The open skips Alembic when the store is at this head, so it must be exactly Alembic's.
    assert migrate.shipped_head() == migrate.head_revision()



def test_revision_files_that_are_not_one_plain_chain_send_the_open_through_alembic(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    for name, revision, parent in (("a.py", "0001", None), ("b.py", "0002", "0001"), ("c.py", "0003", "0001")):
        (versions / name).write_text(f'revision: str = "{revision}"\n'
                                     f'down_revision: str | None = {parent and repr(parent)}\n', "utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", tmp_path)
    migrate.shipped_head.cache_clear()
    try:
        assert migrate.shipped_head() is None  # two heads: no quick answer, Alembic decides
        (versions / "c.py").unlink()
        migrate.shipped_head.cache_clear()
        assert migrate.shipped_head() == "0002"
        (versions / "d.py").write_text("revision = make_it()\n", "utf-8")  # written some other way
        migrate.shipped_head.cache_clear()
        assert migrate.shipped_head() is None
    finally:
        migrate.shipped_head.cache_clear()
