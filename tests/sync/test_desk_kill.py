"""kill -9 of the desk process at random moments during reception and sync, then exactly once.

The desk runs as a child process (tests/sync/desk_worker.py) against a real portal on loopback.
The test kills it (SIGKILL) at seeded random moments after it has opened its store, restarts
it, and repeats; then lets it finish cleanly and checks that no confirmed reception is lost,
no draft gave two dossiers, and desk and portal agree exactly (tests/sync/exactly_once.py).

The default run makes 20 kills; `pytest -m chaos tests/sync/test_desk_kill.py` makes 200 and
writes its figures to artifacts/reliability/desk-kill.json (or $MOTCUA_CHAOS_REPORT), the source
of docs/reliability.md. Give a long chaos run its own `--basetemp`: pytest deletes old temporary
folders when other runs start meanwhile.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.store.models import Dossier
from bench._common import machine
from portal.admin import create_enrolment_token
from sync.enrolment import enrol
from tests.sync.desk_worker import draft_id_for, read_journal
from tests.sync.exactly_once import check_exactly_once

ROOT = Path(__file__).resolve().parents[2]
SEED = 4_2026


@dataclass
class KillRun:
    kills: int
    receptions: int
    max_delay_s: float
    seed: int = SEED


DEFAULT = KillRun(kills=20, receptions=120, max_delay_s=0.5)
CHAOS = KillRun(kills=200, receptions=1200, max_delay_s=0.6)


def _worker(data: Path, journal: Path, receptions: int, log: Path) -> subprocess.Popen[bytes]:
    with open(log, "ab") as errors:
        return subprocess.Popen([sys.executable, "-m", "tests.sync.desk_worker", "--data", str(data),
                                 "--receptions", str(receptions), "--journal", str(journal)],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=errors)


def _wait_ready(proc: subprocess.Popen[bytes]) -> bool:
    """True once the worker has opened its store (it prints "ready"); False if it ended first."""
    assert proc.stdout is not None
    line = proc.stdout.readline()
    return line.strip() == b"ready"


def kill_and_restart(run: KillRun, data: Path, journal: Path, log: Path) -> tuple[Counter[str], int]:
    """(kills by the step they interrupted, restarts that ended by themselves before their kill)."""
    rng = random.Random(run.seed)
    phases: Counter[str] = Counter()
    kills = finished = 0
    while kills < run.kills:
        proc = _worker(data, journal, run.receptions, log)
        ready = _wait_ready(proc)
        # The kill moment: some time into reception and sync work (the store is already open).
        threading.Event().wait(rng.uniform(0.0, run.max_delay_s))
        if ready and proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
            steps = proc.stdout.read().split()  # type: ignore[union-attr]
            phases[steps[-1].decode() if steps else "start"] += 1
        elif proc.wait() == 0:
            finished += 1  # all receptions done and drained before this kill moment
        proc.wait()
        proc.stdout.close()  # type: ignore[union-attr]
        assert proc.returncode in (0, -signal.SIGKILL), (proc.returncode, log.read_text(errors="replace"))
    return phases, finished


def finish(data: Path, journal: Path, receptions: int, log: Path) -> None:
    proc = _worker(data, journal, receptions, log)
    proc.communicate(timeout=300)  # reads its step lines, so a full pipe never blocks it
    assert proc.returncode == 0, log.read_text(errors="replace")


def check_journal(store: Any, journal: Path, receptions: int) -> dict[str, int]:
    """No promised reception lost, one dossier per draft, every draft confirmed."""
    entries = read_journal(journal)
    with store.read_session() as session:
        rows = {d.id: (d.draft_id, d.code) for d in session.scalars(select(Dossier))}
    per_draft = Counter(draft for draft, _ in rows.values())
    assert sorted(per_draft) == sorted(draft_id_for(i) for i in range(receptions))
    assert set(per_draft.values()) == {1}, "a draft gave more than one dossier"
    lost = [e for e in entries if e["dossier_id"] not in rows]
    assert not lost, f"confirmed receptions missing from the store: {lost[:5]}"
    changed = [e for e in entries if rows[e["dossier_id"]] != (draft_id_for(e["i"]), e["code"])]
    assert not changed, f"journaled receptions whose draft or code changed: {changed[:5]}"
    # Every restart confirmed the last journaled draft again and got the same dossier back
    # (the worker exits 3 otherwise); a reception committed just before a kill but not yet
    # journaled comes back as "again" without "restart".
    return {"journal_lines": len(entries), "dossiers": len(rows),
            "reconfirmed_on_restart": sum(1 for e in entries if e["restart"]),
            "committed_before_kill_then_confirmed_again": sum(
                1 for e in entries if e["again"] and not e["restart"])}


def run_kills(run: KillRun, desk: Any, portal: Any, portal_db: str, tmp_path: Path) -> dict[str, Any]:
    enrol(desk, portal.url, create_enrolment_token(portal_db, desk.unit.code))
    data, journal, log = desk.paths.root, tmp_path / "journal.jsonl", tmp_path / "worker.log"
    started = time.monotonic()
    phases, finished = kill_and_restart(run, data, journal, log)
    killed_at = len({e["i"] for e in read_journal(journal)})
    finish(data, journal, run.receptions, log)
    wall = time.monotonic() - started
    figures = check_journal(desk, journal, run.receptions)
    result = check_exactly_once([desk], portal_db, tmp_path / "portal-blobs")
    assert result.dossiers == run.receptions
    return {"kills": sum(phases.values()), "kills_by_step": dict(phases), "receptions": run.receptions,
            "dossiers_at_portal": result.dossiers,
            "blobs_at_portal": result.blobs, "duplicates": result.duplicates, "lost": result.lost,
            "worker_ended_before_kill": finished, "confirmed_during_kills": killed_at, **figures,
            "wall_time_s": round(wall, 1),
            "seed": run.seed, "max_kill_delay_s": run.max_delay_s, "machine": machine()}


def test_desk_killed_20_times_loses_and_duplicates_nothing(desk, portal, portal_db, tmp_path) -> None:
    figures = run_kills(DEFAULT, desk, portal, portal_db, tmp_path)
    assert figures["kills"] >= 20
    assert figures["kills_by_step"].get("confirm", 0) >= 3, "too few kills hit a reception"
    print(f"\ndesk kill -9: {figures}")


@pytest.mark.chaos
@pytest.mark.timeout(3600)
def test_desk_killed_200_times_chaos_run(desk, portal, portal_db, tmp_path) -> None:
    figures = run_kills(CHAOS, desk, portal, portal_db, tmp_path)
    assert figures["kills"] >= 200
    assert figures["kills_by_step"].get("confirm", 0) >= 30, "too few kills hit a reception"
    out = Path(os.environ.get("MOTCUA_CHAOS_REPORT", ROOT / "artifacts" / "reliability" / "desk-kill.json"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
