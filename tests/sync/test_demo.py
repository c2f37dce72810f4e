"""`motcua demo`: the headless end-to-end run, in its own processes, as a newcomer runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from app.reception.views import list_dossiers
from app.paths import data_paths
from app.store.service import open_store

ROOT = Path(__file__).resolve().parents[2]


def test_demo_runs_end_to_end_and_leaves_real_artefacts(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    done = subprocess.run([sys.executable, "-m", "ui.launcher", "--json", "demo", "--receptions", "2",
                           "--folder", str(folder)], cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["ok"] and summary["delivered"] == 2 and summary["at_portal"] == 2
    assert summary["status_seen_at_desk"]
    first = summary["dossiers"][0]
    assert first["desk_status"] == "Đang xử lý"
    receipts = sorted((folder / "receipts").glob("*.pdf"))
    assert [p.stem for p in receipts] == sorted(d["code"] for d in summary["dossiers"])
    assert all(p.read_bytes().startswith(b"%PDF") for p in receipts)
    scans = sorted((folder / "scans").glob("*.pdf"))
    assert scans and sum(p.stat().st_size for p in scans) == sum(d["scan_bytes"] for d in summary["dossiers"])
    # The desk it made is a real one: its admin can sign in and find the dossiers.
    password = (folder / "desk-password.txt").read_text(encoding="utf-8").strip()
    store = open_store(data_paths(folder / "desk"), username="admin", password=password)
    try:
        with store.read_session() as session:
            assert {r.code for r in list_dossiers(session)} == {d["code"] for d in summary["dossiers"]}
    finally:
        store.close()


def test_demo_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x")
    done = subprocess.run([sys.executable, "-m", "ui.launcher", "demo", "--folder", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "is not empty" in done.stderr
    assert (tmp_path / "keep.txt").read_text() == "x"
