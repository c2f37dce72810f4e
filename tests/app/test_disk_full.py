"""Opening the store on a full disk says so in one line (exit 3), instead of a driver traceback.

The disk is real: a 3 MB tmpfs mounted for the test (root only; skipped where mounting is not
allowed), with the store on it and the rest of it filled up, as a desk PC's disk fills up.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.paths import DataPaths, data_paths
from app.store import create_store

PASSWORD = "mật khẩu tốt 1"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> None:
    with (folder / "filler").open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:  # ENOSPC: the disk is full
            pass


@pytest.fixture
def full_store(small_disk: Path) -> DataPaths:
    paths = data_paths(small_disk / "data")
    store, _recovery = create_store(paths, unit_code="000.00.06.H56", unit_name="UBND xã Quảng Phú",
                                    admin_username="admin", admin_full_name="Lê Thị Hoa",
                                    admin_password=PASSWORD)
    store.close()
    fill(small_disk)
    return paths


def test_a_full_disk_at_open_is_one_line_and_exit_3(full_store: DataPaths, capsys,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from app.cli.main import main

    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    code = main(["dossiers", "list", "--data-dir", str(full_store.root), "--user", "admin"])
    out, err = capsys.readouterr()
    assert code == 3 and out == ""
    assert err == (f"motcua: disk full: the disk holding {full_store.root} has no space left; free some "
                   "space (or move the data folder), then open the store again. Nothing was lost\n")
    # Space freed: the same store opens, nothing lost.
    (full_store.root.parent / "filler").unlink()
    assert main(["dossiers", "list", "--data-dir", str(full_store.root), "--user", "admin"]) == 0
    assert capsys.readouterr().out == "No dossiers.\n"
