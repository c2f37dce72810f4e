"""lookup_page: latency of the citizen lookup page (`GET /tra-cuu?ma=…&k=…`) under 50 concurrent
clients on loopback.

One portal process (uvicorn, as `motcua portal serve` runs it) on an SQLite file holds
`--dossiers` dossiers, each with a lookup secret and two status events, put by an enrolled desk.
Then `--clients` clients (asyncio tasks, one connection each) open the page of a random
dossier with its right secret, one request after another, until `--requests` answers have come
or `--seconds` have passed, whichever is first (after one uncounted warm-up request each).
Every answer must be 200 with the dossier's code in it. Reported: p50/p95/p99 latency in ms,
requests per second, and the load average before and after (the machine is shared). Only right secrets are sent: wrong ones from one
address are limited after 20 by design (portal/citizen.py).
Usage: python -m bench.lookup_page [--clients 50] [--requests 3000] [--seconds 60] [--dossiers 300]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from app.citizen import new_lookup_secret
from app.ids import new_id
from bench._common import report
from tests.portal.support import dossier_body, enrol_desk, portal_process

UNIT = "000.00.06.H56"
TARGET_P95_MS = 500.0


def _fill(url: str, db_url: str, count: int) -> list[tuple[str, str]]:
    """`count` dossiers with secrets and two events each; returns (code, secret) pairs."""
    pairs = []
    with enrol_desk(url, db_url, UNIT) as desk:
        for number in range(1, count + 1):
            secret = new_lookup_secret()
            dossier_id, body = dossier_body(UNIT, number=number, lookup_secret=secret,
                                            due_at="2026-12-10T17:00:00")
            answer = desk.put_dossier(dossier_id, body)
            assert answer.status_code == 201, answer.text
            for status, action in (("DANG_XU_LY", "handover"), ("CO_KET_QUA", "result_ready")):
                event = desk.add_event(dossier_id, {"event_id": new_id(), "status": status,
                                                     "at": "2026-12-08T09:00:00", "action": action})
                assert event.status_code in (200, 201), event.text
            pairs.append((body["dossier"]["code"], secret))
    return pairs


async def _client(url: str, pairs: list[tuple[str, str]], stop: float, budget: list[int],
                  latencies: list[float], seed: int) -> None:
    pick = random.Random(seed)
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        code, secret = pick.choice(pairs)  # warm-up, not counted: connections, the portal's pools
        assert (await client.get("/tra-cuu", params={"ma": code, "k": secret})).status_code == 200
        while budget[0] > 0 and time.perf_counter() < stop:
            budget[0] -= 1
            code, secret = pick.choice(pairs)
            start = time.perf_counter()
            answer = await client.get("/tra-cuu", params={"ma": code, "k": secret})
            latencies.append(time.perf_counter() - start)
            assert answer.status_code == 200 and code in answer.text, answer.status_code


async def _load(url: str, pairs: list[tuple[str, str]], clients: int, requests: int,
                seconds: float) -> tuple[list[float], float]:
    latencies: list[float] = []
    budget = [requests]
    start = time.perf_counter()
    await asyncio.gather(*(_client(url, pairs, start + seconds, budget, latencies, seed)
                           for seed in range(clients)))
    return latencies, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--dossiers", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db_url = f"sqlite:///{Path(folder) / 'portal.db'}"
        with portal_process(db_url, Path(folder) / "blobs") as server:
            pairs = _fill(server.url, db_url, args.dossiers)
            load_before = os.getloadavg()
            latencies, elapsed = asyncio.run(_load(server.url, pairs, args.clients, args.requests,
                                                   args.seconds))
            load_after = os.getloadavg()
    ms = sorted(value * 1000 for value in latencies)
    cuts = statistics.quantiles(ms, n=100)
    report("lookup_page_p95", unit="ms", samples=ms, target=TARGET_P95_MS, clients=args.clients,
           requests=len(ms), seconds=round(elapsed, 2), requests_per_second=round(len(ms) / elapsed, 1),
           p50_ms=round(cuts[49], 1), p95_ms=round(cuts[94], 1), p99_ms=round(cuts[98], 1),
           meets_p95_target=cuts[94] <= TARGET_P95_MS,
           load_average_before=[round(x, 2) for x in load_before],
           load_average_after=[round(x, 2) for x in load_after])


if __name__ == "__main__":
    main()
