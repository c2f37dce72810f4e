"""Creating, opening and signing in to the encrypted store; accounts, lockout, recovery."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from app.errors import (AuthError, InputError, LockedOutError, PermissionDeniedError, StoreExistsError,
                        StoreMissingError)
from app.paths import DataPaths, data_paths
from app.store import create_store, open_store, open_store_with_recovery, store_exists
from app.store.keys import parse_recovery_key
from app.store.models import AuditEvent, User
from sqlalchemy import select

UNIT = "000.00.06.H56"
PASSWORD = "mật khẩu tốt 1"


def make_store(paths: DataPaths, **overrides: str):
    args = dict(unit_code=UNIT, unit_name="UBND xã Quảng Phú", admin_username="admin",
                admin_full_name="Lê Thị Hoa", admin_password=PASSWORD)
    args.update(overrides)
    return create_store(paths, **args)


@pytest.fixture
def paths(data_dir: Path) -> DataPaths:
    return data_paths(data_dir)


def actions(store) -> list[tuple[str | None, str]]:
    with store.read_session() as session:
        return [(e.username, e.action) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]


def test_create_then_open_with_password(paths: DataPaths) -> None:
    store, recovery = make_store(paths)
    assert store.unit.code == UNIT and store.user.role == "admin"
    assert len(recovery.split("-")) == 10 and all(len(group) == 4 for group in recovery.split("-"))
    assert len(parse_recovery_key(recovery)) * 8 >= 160
    store.close()
    assert store_exists(paths)
    again = open_store(paths, username="admin", password=PASSWORD)
    assert again.user.full_name == "Lê Thị Hoa"
    assert ("admin", "login") in actions(again)
    again.close()


def test_password_is_compared_after_nfc(paths: DataPaths) -> None:
    import unicodedata

    make_store(paths)[0].close()
    decomposed = unicodedata.normalize("NFD", PASSWORD)
    assert decomposed != PASSWORD
    open_store(paths, username="admin", password=decomposed).close()


def test_plain_sqlite_cannot_read_the_store(paths: DataPaths) -> None:
    make_store(paths)[0].close()
    raw = paths.store.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "Quảng Phú".encode() not in raw and b"admin" not in raw
    conn = sqlite3.connect(paths.store)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_key_file_holds_no_clear_key_or_password(paths: DataPaths) -> None:
    make_store(paths)[0].close()
    text = paths.keys.read_text()
    data = json.loads(text)
    assert PASSWORD not in text and set(data["users"]) == {"admin"}
    entry = data["users"]["admin"]
    assert entry["kdf"]["alg"] == "argon2id" and entry["failed_attempts"] == 0
    assert data["recovery"]["wrapped_key"]


def test_create_refuses_existing_store(paths: DataPaths) -> None:
    make_store(paths)[0].close()
    before = paths.store.read_bytes()
    with pytest.raises(StoreExistsError):
        make_store(paths)
    assert paths.store.read_bytes() == before


@pytest.mark.parametrize(("field", "value", "named"), [
    ("unit_code", "00.00.06.H56", "unit_code"),
    ("unit_code", "000.00.06.h56", "unit_code"),
    ("admin_username", "Admin", "admin_username"),
    ("admin_username", "ab", "admin_username"),
    ("admin_password", "short", "admin_password"),
    ("unit_name", "   ", "unit_name"),
])
def test_create_validates_input(paths: DataPaths, field: str, value: str, named: str) -> None:
    with pytest.raises(InputError, match=named):
        make_store(paths, **{field: value})
    assert not store_exists(paths)


def test_open_missing_store(paths: DataPaths) -> None:
    with pytest.raises(StoreMissingError):
        open_store(paths, username="admin", password=PASSWORD)


def test_wrong_password_and_unknown_user_look_the_same(paths: DataPaths) -> None:
    make_store(paths)[0].close()
    with pytest.raises(AuthError) as wrong:
        open_store(paths, username="admin", password="not the password")
    with pytest.raises(AuthError) as unknown:
        open_store(paths, username="nobody", password=PASSWORD)
    assert str(wrong.value) == str(unknown.value)
    assert not isinstance(wrong.value, LockedOutError)


def test_lockout_after_five_failures_and_reset_on_success(paths: DataPaths) -> None:
    make_store(paths)[0].close()
    for _ in range(4):
        with pytest.raises(AuthError):
            open_store(paths, username="admin", password="wrong-password")
    open_store(paths, username="admin", password=PASSWORD).close()  # success resets the counter
    for _ in range(4):
        with pytest.raises(AuthError) as info:
            open_store(paths, username="admin", password="wrong-password")
        assert not isinstance(info.value, LockedOutError)
    with pytest.raises(LockedOutError) as locked:
        open_store(paths, username="admin", password="wrong-password")
    assert locked.value.until
    with pytest.raises(LockedOutError):  # even the right password waits for the lock to expire
        open_store(paths, username="admin", password=PASSWORD)
    entry = json.loads(paths.keys.read_text())["users"]["admin"]
    assert entry["locked_until"] == locked.value.until


def test_failed_logins_are_audited_without_secrets(paths: DataPaths) -> None:
    make_store(paths)[0].close()
    with pytest.raises(AuthError):
        open_store(paths, username="admin", password="wrong-password")
    with pytest.raises(AuthError):
        open_store(paths, username="typed-password-here", password="x" * 8)
    store = open_store(paths, username="admin", password=PASSWORD)
    log = actions(store)
    assert ("admin", "login_failed") in log and (None, "login_failed") in log
    assert log[-1] == ("admin", "login")
    with store.read_session() as session:
        dumped = json.dumps([(e.username, e.details) for e in session.scalars(select(AuditEvent))])
    assert "typed-password-here" not in dumped and "wrong-password" not in dumped
    store.close()


def test_recovery_key_opens_as_first_admin(paths: DataPaths) -> None:
    store, recovery = make_store(paths)
    store.add_user(username="admin2", full_name="Phạm Văn Cường", role="admin", password="password-2")
    store.close()
    messy = " " + recovery.lower().replace("-", " ") + "\n"
    recovered = open_store_with_recovery(paths, recovery_key=messy)
    assert recovered.user.username == "admin"
    assert ("admin", "login_recovery") in actions(recovered)
    recovered.reset_password(username="admin", new_password="brand-new-pass")
    recovered.close()
    open_store(paths, username="admin", password="brand-new-pass").close()


def test_wrong_recovery_key(paths: DataPaths) -> None:
    store, recovery = make_store(paths)
    store.close()
    wrong = ("A" if recovery[0] != "A" else "B") + recovery[1:]
    with pytest.raises(AuthError):
        open_store_with_recovery(paths, recovery_key=wrong)
    with pytest.raises(InputError, match="recovery key"):
        open_store_with_recovery(paths, recovery_key="ABCD-EFGH")


def test_add_user_then_sign_in_as_that_user(paths: DataPaths) -> None:
    store, _ = make_store(paths)
    info = store.add_user(username="tiepnhan.01", full_name="Trần  Thị   Mai", role="receiver",
                          password="receiver-pass")
    assert info.full_name == "Trần Thị Mai" and info.role == "receiver"
    with pytest.raises(InputError, match="already exists"):
        store.add_user(username="tiepnhan.01", full_name="X", role="receiver", password="receiver-pass")
    with pytest.raises(InputError, match="role"):
        store.add_user(username="someone", full_name="X", role="boss", password="receiver-pass")
    assert ("admin", "user_added") in actions(store)
    store.close()
    official = open_store(paths, username="tiepnhan.01", password="receiver-pass", to_change_password=True)
    assert official.user.id == info.id
    with pytest.raises(PermissionDeniedError):
        official.add_user(username="other", full_name="X", role="receiver", password="receiver-pass")
    with official.read_session() as session:
        assert session.scalar(select(User.username).where(User.id == info.id)) == "tiepnhan.01"
    official.close()


def test_change_password_and_verify_password(paths: DataPaths) -> None:
    store, _ = make_store(paths)
    with pytest.raises(AuthError):
        store.change_password(old_password="not-it-at-all", new_password="another-pass")
    with pytest.raises(InputError, match="new_password"):
        store.change_password(old_password=PASSWORD, new_password="short")
    store.change_password(old_password=PASSWORD, new_password="another-pass")
    store.verify_password("another-pass")
    with pytest.raises(AuthError):
        store.verify_password(PASSWORD)
    log = actions(store)
    assert ("admin", "password_changed") in log and ("admin", "unlock") in log
    assert log[-1] == ("admin", "login_failed")
    store.close()
    with pytest.raises(AuthError):
        open_store(paths, username="admin", password=PASSWORD)
    open_store(paths, username="admin", password="another-pass").close()


def test_verify_password_locks_out_too(paths: DataPaths) -> None:
    store, _ = make_store(paths)
    for _ in range(4):
        with pytest.raises(AuthError):
            store.verify_password("wrong-password")
    with pytest.raises(LockedOutError):
        store.verify_password("wrong-password")
    with pytest.raises(LockedOutError):
        store.verify_password(PASSWORD)
    store.close()


def test_connection_pragmas_and_foreign_keys(paths: DataPaths) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    from app.store.models import Document

    store, _ = make_store(paths)
    with store.read_session() as session:
        pragma = {name: session.execute(text(f"PRAGMA {name}")).scalar()
                  for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
    assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 10000}
    with pytest.raises(IntegrityError), store.session() as session:
        session.add(Document(dossier_id="no-such-dossier", name="Tờ khai", form="original"))
    store.close()


def test_locked_out_sign_in_exits_3_and_says_when_in_vietnam_time(paths: DataPaths, capsys,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import datetime

    from app.cli.main import main
    from app.clock import to_local

    make_store(paths)[0].close()
    argv = ["dossiers", "list", "--data-dir", str(paths.root), "--user", "admin"]
    monkeypatch.setenv("MOTCUA_PASSWORD", "wrong-password")
    assert [main(argv) for _ in range(4)] == [2, 2, 2, 2]
    assert main(argv) == 3  # the failure that locks the account
    capsys.readouterr()
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    assert main(argv) == 3  # README: 3 = the store cannot be used (damaged, newer, locked out)
    _out, err = capsys.readouterr()
    until = json.loads(paths.keys.read_text())["users"]["admin"]["locked_until"]
    local = to_local(datetime.fromisoformat(until.replace("Z", "+00:00")))
    assert f"until {local:%H:%M %d/%m/%Y} (Vietnam time)" in err
    assert until not in err and err.count("\n") == 1
