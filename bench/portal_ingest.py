"""portal_ingest: dossiers per second a portal ingests from 8 parallel desks on loopback.

Each desk is its own enrolled device in its own thread and, per dossier, does what the sync
engine does: ask which blobs are missing, upload the one small scan (~20 kB, one chunk), then
PUT the dossier with an idempotency key. The portal is one `motcua portal serve`-equivalent
process (uvicorn), on an SQLite file and on PostgreSQL (a throw-away cluster; skipped when
PostgreSQL is not installed). Usage: python -m bench.portal_ingest [--dossiers 400] [--desks 8]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench._common import report
from tests.portal.pg import pg_bin, start_cluster
from tests.portal.support import Desk, dossier_body, enrol_desk, portal_process, sha

UNIT = "000.00.06.H56"


def _one_desk(desk: Desk, count: int, numbers: range) -> None:
    for number in list(numbers)[:count]:
        scan = os.urandom(20_000)
        name = sha(scan)
        if desk.missing([name]):
            response = desk.send_chunk(name, scan, 0, len(scan))
            assert response.status_code == 201, response.text
        dossier_id, body = dossier_body(UNIT, number=number, hashes=[name])
        response = desk.put_dossier(dossier_id, body)
        assert response.status_code == 201, response.text


def ingest(db_url: str, blobs: Path, *, dossiers: int, desks: int) -> float:
    """Dossiers per second, wall time from the first request to the last answer."""
    per_desk = dossiers // desks
    with portal_process(db_url, blobs) as server:
        url = server.url
        clients = []
        for _ in range(desks):
            context = enrol_desk(url, db_url, UNIT)
            clients.append((context, context.__enter__()))
        try:
            start = time.perf_counter()
            with ThreadPoolExecutor(desks) as pool:
                futures = [pool.submit(_one_desk, desk, per_desk, range(1 + i * per_desk,
                                                                        1 + (i + 1) * per_desk))
                           for i, (_, desk) in enumerate(clients)]
                for future in futures:
                    future.result()
            elapsed = time.perf_counter() - start
        finally:
            for context, _ in clients:
                context.__exit__(None, None, None)
    return per_desk * desks / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=400)
    parser.add_argument("--desks", type=int, default=8)
    args = parser.parse_args()
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = ingest(f"sqlite:///{tmp}/portal.db", Path(tmp) / "blobs-sqlite",
                                   dossiers=args.dossiers, desks=args.desks)
        if pg_bin() is not None:
            cluster = start_cluster()
            try:
                results["postgresql"] = ingest(cluster.create_database("bench"), Path(tmp) / "blobs-pg",
                                               dossiers=args.dossiers, desks=args.desks)
            finally:
                cluster.stop()
    report("portal_ingest", unit="dossiers/s", samples=[results["sqlite"]], target=None,
           lower_is_better=False,
           sqlite_dossiers_per_s=round(results["sqlite"], 1),
           postgresql_dossiers_per_s=round(results["postgresql"], 1) if "postgresql" in results else None,
           desks=args.desks, dossiers=args.dossiers // args.desks * args.desks, blob_bytes=20_000,
           note="median = SQLite figure; one portal process; the PostgreSQL cluster runs with "
                "fsync=off (test settings)")


if __name__ == "__main__":
    main()
