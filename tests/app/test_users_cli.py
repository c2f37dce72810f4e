"""`motcua users`: officials added, listed, given roles, deactivated (key removed from the key
file, sign-in refused as deactivated), reactivated by a password reset, and passwords changed;
every change audited with who made it; refusals exit 2 (or 3 for a deactivated account) with
one line and leave the key file and the store as they were."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli.main import main
from app.errors import AccountDisabledError, PermissionDeniedError
from app.paths import data_paths
from app.store import open_store
from app.store.models import AuditEvent, User

UNIT = "000.00.06.H56"
ADMIN_PASSWORD = "quan-tri-2026"
MAI_PASSWORD = "mat-khau-cua-mai"


def run(capsys: pytest.CaptureFixture[str], desk: Path, *argv: str, stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(desk), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MOTCUA_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.delenv("MOTCUA_NEW_PASSWORD", raising=False)
    code, _, err = run(capsys, data_dir, "init", "--unit-code", UNIT, "--unit-name", "UBND xã Tân Lập",
                       "--admin", "quantri", "--admin-name", "Nguyễn Thị Hoà")
    assert code == 0, err
    monkeypatch.setenv("MOTCUA_USER", "quantri")
    return data_dir


def add_mai(capsys, desk: Path, monkeypatch: pytest.MonkeyPatch, role: str = "receiver") -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MOTCUA_NEW_PASSWORD", MAI_PASSWORD)
    code, out, err = run(capsys, desk, "users", "add", "mai.tn", "--role", role, "--full-name", "Trần Thị  Mai")
    monkeypatch.delenv("MOTCUA_NEW_PASSWORD")
    assert code == 0, err
    assert "mai.tn" in out and role in out


def as_mai(monkeypatch: pytest.MonkeyPatch, password: str = MAI_PASSWORD) -> None:
    monkeypatch.setenv("MOTCUA_USER", "mai.tn")
    monkeypatch.setenv("MOTCUA_PASSWORD", password)


def as_admin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTCUA_USER", "quantri")
    monkeypatch.setenv("MOTCUA_PASSWORD", ADMIN_PASSWORD)


def key_file(desk: Path) -> dict:
    return json.loads((desk / "keys.json").read_text(encoding="utf-8"))


def audit(desk: Path) -> list[tuple[str | None, str, dict]]:
    store = open_store(data_paths(desk), username="quantri", password=ADMIN_PASSWORD)
    try:
        with store.read_session() as session:
            return [(e.username, e.action, e.details or {})
                    for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
    finally:
        store.close()


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_add_and_list_officials(desk: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_mai(capsys, desk, monkeypatch)
    code, out, _ = run(capsys, desk, "users", "list", "--json")
    assert code == 0
    users = {u["username"]: u for u in json.loads(out)["users"]}
    assert users["mai.tn"] == {"username": "mai.tn", "full_name": "Trần Thị Mai", "role": "receiver",
                               "active": True, "must_change_password": True}
    assert users["quantri"]["role"] == "admin" and users["quantri"]["must_change_password"] is False
    code, out, _ = run(capsys, desk, "users", "list")
    assert code == 0 and "Trần Thị Mai" in out and "must choose a new password" in out
    assert ("quantri", "user_added", {"username": "mai.tn", "role": "receiver"}) in audit(desk)


def test_bad_input_is_one_line_and_writes_nothing(desk: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = (desk / "keys.json").read_bytes()
    monkeypatch.setenv("MOTCUA_NEW_PASSWORD", MAI_PASSWORD)
    cases = [
        (("users", "add", "mai.tn", "--role", "boss", "--full-name", "Mai"), "role: 'boss' is not one of"),
        (("users", "add", "Mai Tran", "--role", "receiver", "--full-name", "Mai"), "username:"),
        (("users", "add", "mai.tn", "--role", "receiver", "--full-name", "   "), "full_name: must not be empty"),
        (("users", "set-role", "nobody", "receiver"), "username: no official 'nobody'"),
        (("users", "set-role", "quantri", "chief"), "role: 'chief'"),
        (("users", "deactivate", "nobody"), "username: no official 'nobody'"),
        (("users", "reset-password", "nobody"), "username: no official 'nobody'"),
        (("users", "add", "x" * 500, "--role", "receiver", "--full-name", "Mai"), "username:"),
    ]
    for argv, expected in cases:
        code, _, err = run(capsys, desk, *argv)
        assert code == 2, (argv, err)
        line = one_line(err)
        assert expected in line, (argv, line)
        assert len(line) < 200, line  # a long value is cut short, not echoed whole
    monkeypatch.setenv("MOTCUA_NEW_PASSWORD", "short")
    code, _, err = run(capsys, desk, "users", "add", "mai.tn", "--role", "receiver", "--full-name", "Mai")
    assert code == 2 and "password: must be at least 8 characters" in one_line(err)
    monkeypatch.delenv("MOTCUA_NEW_PASSWORD")
    code, _, err = run(capsys, desk, "users", "add", "mai.tn", "--role", "receiver", "--full-name", "Mai")
    assert code == 2 and "MOTCUA_NEW_PASSWORD" in one_line(err)
    assert (desk / "keys.json").read_bytes() == before
    code, out, _ = run(capsys, desk, "users", "list", "--json")
    assert [u["username"] for u in json.loads(out)["users"]] == ["quantri"]


def test_two_secrets_on_standard_input_in_order(desk: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("MOTCUA_PASSWORD")
    code, _, err = run(capsys, desk, "users", "add", "mai.tn", "--role", "receiver", "--full-name", "Mai",
                       "--password-stdin", "--new-password-stdin",
                       stdin=f"{ADMIN_PASSWORD}\n{MAI_PASSWORD}\n", monkeypatch=monkeypatch)
    assert code == 0, err
    # Mai's first password works only to choose her own, on stdin too.
    monkeypatch.setenv("MOTCUA_USER", "mai.tn")
    code, _, err = run(capsys, desk, "users", "passwd", "--password-stdin", "--new-password-stdin",
                       stdin=f"{MAI_PASSWORD}\nmai-tu-chon-2026\n", monkeypatch=monkeypatch)
    assert code == 0, err
    assert key_file(desk)["users"]["mai.tn"]["must_change"] is False


def test_password_set_by_admin_must_be_changed_first(desk: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_mai(capsys, desk, monkeypatch)
    as_mai(monkeypatch)
    code, _, err = run(capsys, desk, "dossiers", "list")
    assert code == 2 and "users passwd" in one_line(err)
    monkeypatch.setenv("MOTCUA_NEW_PASSWORD", MAI_PASSWORD)
    code, _, err = run(capsys, desk, "users", "passwd")
    assert code == 2 and "new_password: must differ" in one_line(err)
    monkeypatch.setenv("MOTCUA_NEW_PASSWORD", "mai-tu-chon-2026")
    code, _, err = run(capsys, desk, "users", "passwd")
    assert code == 0, err
    as_mai(monkeypatch, "mai-tu-chon-2026")
    code, _, err = run(capsys, desk, "dossiers", "list")
    assert code == 0, err
    assert ("mai.tn", "password_changed", {"username": "mai.tn"}) in audit(desk)


def test_deactivate_removes_the_key_and_refuses_sign_in(desk: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_mai(capsys, desk, monkeypatch)
    assert "mai.tn" in key_file(desk)["users"]
    code, out, err = run(capsys, desk, "users", "deactivate", "mai.tn")
    assert code == 0, err
    keys = key_file(desk)
    assert "mai.tn" not in keys["users"] and keys["deactivated"] == ["mai.tn"]
    # Nothing of her wrapped key is left anywhere in the file.
    assert "user:mai.tn" not in (desk / "keys.json").read_text() and "quantri" in keys["users"]

    for password in (MAI_PASSWORD, "not-her-password"):
        as_mai(monkeypatch, password)
        code, _, err = run(capsys, desk, "dossiers", "list")
        assert code == 3
        line = one_line(err)
        assert "deactivated" in line and "wrong" not in line
    as_admin(monkeypatch)
    code, _, err = run(capsys, desk, "users", "deactivate", "mai.tn")
    assert code == 2 and "already deactivated" in one_line(err)
    code, out, _ = run(capsys, desk, "users", "list", "--json")
    assert {"username": "mai.tn", "active": False} .items() <= next(
        u for u in json.loads(out)["users"] if u["username"] == "mai.tn").items()
    monkeypatch.setenv("MOTCUA_NEW_PASSWORD", "mat-khau-moi-2026")
    code, _, err = run(capsys, desk, "users", "add", "mai.tn", "--role", "receiver", "--full-name", "Mai")
    assert code == 2 and "reset their password" in one_line(err)

    log = audit(desk)
    assert ("quantri", "user_deactivated", {"username": "mai.tn"}) in log
    assert sum(1 for who, action, _ in log if (who, action) == ("mai.tn", "login_refused_deactivated")) == 2

    # Reactivation is a password reset: the key is wrapped again, the new password set by the admin.
    code, out, err = run(capsys, desk, "users", "reset-password", "mai.tn")
    assert code == 0 and "choose a new one" in out, err
    keys = key_file(desk)
    assert keys["users"]["mai.tn"]["must_change"] is True and keys["deactivated"] == []
    log = audit(desk)
    assert ("quantri", "password_reset", {"username": "mai.tn"}) in log
    assert ("quantri", "user_reactivated", {"username": "mai.tn"}) in log
    as_mai(monkeypatch, "mat-khau-moi-2026")
    monkeypatch.setenv("MOTCUA_NEW_PASSWORD", "mai-tu-chon-2026")
    code, _, err = run(capsys, desk, "users", "passwd")
    assert code == 0, err


def test_only_an_admin_manages_officials(desk: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    add_mai(capsys, desk, monkeypatch, role="supervisor")
    as_mai(monkeypatch)
    monkeypatch.setenv("MOTCUA_NEW_PASSWORD", "mai-tu-chon-2026")
    assert run(capsys, desk, "users", "passwd")[0] == 0
    as_mai(monkeypatch, "mai-tu-chon-2026")
    before = (desk / "keys.json").read_bytes()
    for argv in (("users", "add", "binh", "--role", "admin", "--full-name", "Bình"),
                 ("users", "set-role", "mai.tn", "admin"),
                 ("users", "set-role", "quantri", "receiver"),
                 ("users", "deactivate", "quantri"),
                 ("users", "reset-password", "quantri")):
        code, _, err = run(capsys, desk, *argv)
        assert code == 2, argv
        assert "only an administrator may" in one_line(err) and "supervisor" in err
    assert (desk / "keys.json").read_bytes() == before
    code, out, _ = run(capsys, desk, "users", "list")  # a supervisor may see who works here
    assert code == 0 and "quantri" in out
    as_admin(monkeypatch)
    assert run(capsys, desk, "users", "set-role", "mai.tn", "receiver")[0] == 0
    as_mai(monkeypatch, "mai-tu-chon-2026")
    code, _, err = run(capsys, desk, "users", "list")
    assert code == 2 and "only an administrator or a supervisor" in one_line(err)
    assert ("quantri", "user_role_changed", {"username": "mai.tn", "from": "supervisor", "to": "receiver"}) \
        in audit(desk)


def test_the_last_active_admin_stays(desk: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for argv in (("users", "deactivate", "quantri"), ("users", "set-role", "quantri", "supervisor")):
        code, _, err = run(capsys, desk, *argv)
        assert code == 2 and "'quantri' is the last active administrator" in one_line(err)
    assert "quantri" in key_file(desk)["users"]
    # With a second administrator, the first may step down; then the second is the last one.
    add_mai(capsys, desk, monkeypatch, role="admin")
    assert run(capsys, desk, "users", "set-role", "quantri", "supervisor")[0] == 0
    as_mai(monkeypatch)
    monkeypatch.setenv("MOTCUA_NEW_PASSWORD", "mai-tu-chon-2026")
    assert run(capsys, desk, "users", "passwd")[0] == 0
    as_mai(monkeypatch, "mai-tu-chon-2026")
    for argv in (("users", "deactivate", "mai.tn"), ("users", "set-role", "mai.tn", "receiver")):
        code, _, err = run(capsys, desk, *argv)
        assert code == 2 and "'mai.tn' is the last active administrator" in one_line(err)
    assert run(capsys, desk, "users", "deactivate", "quantri")[0] == 0
    monkeypatch.setenv("MOTCUA_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("MOTCUA_USER", "quantri")
    code, _, err = run(capsys, desk, "users", "list")
    assert code == 3 and "deactivated" in one_line(err)


def test_an_admin_demoted_elsewhere_can_no_longer_act(desk: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Two windows on one desk: what counts is the role now, not the one at sign-in."""
    add_mai(capsys, desk, monkeypatch, role="admin")
    paths = data_paths(desk)
    mai = open_store(paths, username="mai.tn", password=MAI_PASSWORD, to_change_password=True)
    admin = open_store(paths, username="quantri", password=ADMIN_PASSWORD)
    try:
        admin.deactivate_user(username="mai.tn")
        with pytest.raises(PermissionDeniedError, match="deactivated"):
            mai.deactivate_user(username="quantri")
        with pytest.raises(PermissionDeniedError):
            mai.add_user(username="binh", full_name="Bình", role="admin", password="mat-khau-binh")
        with pytest.raises(AccountDisabledError):  # her idle-locked window cannot be unlocked either
            mai.verify_password(MAI_PASSWORD)
        with admin.read_session() as session:
            assert session.scalar(select(User.active).where(User.username == "quantri")) is True
            assert session.scalar(select(User).where(User.username == "binh")) is None
    finally:
        mai.close()
        admin.close()
