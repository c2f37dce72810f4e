"""Shared set-up for the lifecycle tests: the seeded desk plus one official of each role.

Built once per run (adding users derives keys), copied per test like reception_support's desk.
Every official's password is OFFICIAL_PASSWORD, so the CLI tests set one environment variable.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

from app.paths import DataPaths, data_paths
from app.store.service import Store, open_store
from tests.app.reception_support import PASSWORD, build_template

OFFICIAL_PASSWORD = "officials own pass 1"
OFFICIALS = {"lan": "receiver", "hoa": "supervisor", "buudien": "post_agent", "congdong": "community",
             "admin": "admin"}
_TEMPLATE: list[DataPaths] = []


def officials_template() -> DataPaths:
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="motcua-lifecycle-template-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        paths = build_template(folder / "data")
        admin = open_store(paths, username="admin", password=PASSWORD)
        for username, role in OFFICIALS.items():
            if role != "admin":
                admin.add_user(username=username, full_name=f"Cán bộ {username}", role=role, password=PASSWORD)
        admin.change_password(old_password=PASSWORD, new_password=OFFICIAL_PASSWORD)
        admin.close()
        for username, role in OFFICIALS.items():
            if role != "admin":
                own = open_store(paths, username=username, password=PASSWORD, to_change_password=True)
                own.change_password(old_password=PASSWORD, new_password=OFFICIAL_PASSWORD)
                own.close()
        _TEMPLATE.append(paths)
    return _TEMPLATE[0]


def desk_copy(folder: Path) -> DataPaths:
    folder.mkdir(parents=True, exist_ok=True)
    template = officials_template()
    for name in ("store.db", "keys.json"):
        shutil.copy(template.root / name, folder / name)
    return data_paths(folder)


def sign_in(paths: DataPaths, username: str) -> Store:
    return open_store(paths, username=username, password=OFFICIAL_PASSWORD)


def run_cli(paths: DataPaths, user: str, *argv: str, capsys: Any, monkeypatch: Any) -> tuple[int, str, str]:
    """`motcua --json … --data-dir D --user U` with the officials' password in the environment."""
    from app.cli.main import main

    monkeypatch.setenv("MOTCUA_PASSWORD", OFFICIAL_PASSWORD)
    code = main(["--json", *argv, "--data-dir", str(paths.root), "--user", user])
    out, err = capsys.readouterr()
    return code, out, err
