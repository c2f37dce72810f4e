"""A desk as a child process, for the kill -9 tests: receptions and sync passes in a loop.

    python -m tests.sync.desk_worker --data DIR --receptions N --journal FILE [--sync-every K]

It opens the (already enrolled) desk store in DIR and confirms receptions number 0…N-1 through
the real reception service, each with its own draft id (`draft_id_for(i)`) and its own small
scan, running a sync pass every K receptions. After each confirm RETURNS, one JSON line
{"i", "dossier_id", "code", "again", "restart"} is appended to the journal and fsynced: a journaled
dossier was promised to a citizen (the receipt is printed), so it must never be lost.

A kill can come at any moment, so on start it resumes after the journal's last index and
first confirms the last journaled draft again (the official pressing "confirm" a second time
after the crash), which must give back the same dossier (journaled with "restart": true). The
reception after the journal's end may have been committed before the kill: confirming its
draft again must return it (journaled with "again": true), not make a second one.

Prints "ready" once the store is open, then the name of each step it starts (confirm, journal,
sync); exits 0 after all receptions are confirmed and the
outbox is drained, 3 when a re-confirm gave a different dossier, 4 when the queue would not drain.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from app.paths import data_paths
from app.reception.model import PageInput, ReceptionResult
from app.reception.service import confirm_reception
from app.store.models import utcnow
from app.store.service import open_store
from sync.engine import sync_once
from tests.app.reception_support import PASSWORD, birth_request, padded_png

DRAIN_PASSES = 50


def draft_id_for(i: int) -> str:
    return f"kill-test-draft-{i:05d}"


def read_journal(path: Path) -> list[dict[str, Any]]:
    """Whole lines only: a line cut by a kill was never fsynced, so it was never promised."""
    if not path.exists():
        return []
    entries = []
    for line in path.read_bytes().split(b"\n"):
        try:
            entries.append(json.loads(line))
        except ValueError:
            continue  # the empty tail, or a half-written last line
    return entries


def _append(path: Path, entry: dict[str, Any]) -> None:
    with open(path, "ab") as journal:
        journal.write(json.dumps(entry).encode("utf-8") + b"\n")
        journal.flush()
        os.fsync(journal.fileno())


def _scan(folder: Path, i: int) -> Path:
    """A small page whose content depends only on i: a retried reception sends the same bytes."""
    path = folder / f"scan-{i:05d}.png"
    if not path.exists():
        seed = hashlib.sha256(f"scan {i}".encode()).digest()
        padded_png(path.with_suffix(".tmp"), 2400, seed).replace(path)
    return path


def _phase(name: str) -> None:
    """Where the worker is; the test reads the last line after a kill to say what it interrupted."""
    print(name, flush=True)


def confirm(store: Any, folder: Path, i: int) -> ReceptionResult:
    _phase("confirm")
    request = birth_request(store, folder / "pages", draft_id=draft_id_for(i))
    request.documents[0].pages = [PageInput(_scan(folder, i))]
    return confirm_reception(store, request)


def _sync(store: Any, passes: int) -> bool:
    """Up to `passes` passes; True once nothing waits and a pass went through cleanly."""
    for _ in range(passes):
        _phase("sync")
        report = sync_once(store, now=utcnow() + timedelta(hours=1))
        if store.outbox_stats().waiting == 0 and report.online and not report.errors:
            return True
    return False


def run(data: Path, receptions: int, journal: Path, sync_every: int) -> int:
    store = open_store(data_paths(data), username="admin", password=PASSWORD)
    try:
        print("ready", flush=True)
        folder = journal.parent / "worker-scans"
        folder.mkdir(parents=True, exist_ok=True)
        done = read_journal(journal)
        if done:
            last = done[-1]
            again = confirm(store, folder, last["i"])
            if again.dossier_id != last["dossier_id"] or not again.already_confirmed:
                print(f"draft {last['i']} confirmed again gave {again.dossier_id}, "
                      f"journal says {last['dossier_id']}", file=sys.stderr, flush=True)
                return 3
            _append(journal, {"i": last["i"], "dossier_id": again.dossier_id, "code": again.code,
                              "again": True, "restart": True})
        for i in range(1 + max((e["i"] for e in done), default=-1), receptions):
            result = confirm(store, folder, i)
            _phase("journal")
            _append(journal, {"i": i, "dossier_id": result.dossier_id, "code": result.code,
                              "again": result.already_confirmed, "restart": False})
            if i % sync_every == sync_every - 1:
                _sync(store, 1)
        return 0 if _sync(store, DRAIN_PASSES) else 4
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the desk's data folder (enrolled)")
    parser.add_argument("--receptions", type=int, required=True, help="receptions to confirm in all")
    parser.add_argument("--journal", type=Path, required=True, help="file of confirmed receptions")
    parser.add_argument("--sync-every", type=int, default=3, help="a sync pass after every K receptions")
    args = parser.parse_args(argv)
    return run(args.data, args.receptions, args.journal, max(1, args.sync_every))


if __name__ == "__main__":
    sys.exit(main())
