"""sync_throughput: dossiers/s from a fresh desk to the reference portal on loopback.

A new desk store is filled with N receptions (default 1,000) made by `confirm_reception`, each
with 3 scanned pages of ~50 kB of incompressible bytes; the portal runs in its own process
(SQLite, fully durable commits, blobs fsynced in a folder). Timed: one `sync_once` that uploads
every scan and every dossier. The desk talks through the counting proxy of bench/shaped_link.py,
which also gives `sync_efficiency` (bytes on the wire both ways / payload bytes); with a
`LinkModel` the same run is `sync_weak_link`.

    python -m bench.sync_throughput [--dossiers 1000]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("MOTCUA_KDF_PROFILE", "test")  # sign-in cost is not what is measured

from bench._common import report  # noqa: E402
from bench.shaped_link import LinkModel, LinkProxy  # noqa: E402
from bench.sync_setup import (PAGE_BYTES, add_receptions, cpu_seconds, enrol_desk, new_desk,  # noqa: E402
                              payload_bytes, portal_process)


def run(count: int, *, model: LinkModel | None = None, pages: int = 3,
        page_bytes: int = PAGE_BYTES) -> dict[str, Any]:
    """Fill a fresh desk, sync it once through the proxy; the figures of that one pass."""
    from portal.admin import list_dossiers
    from sync.engine import sync_once

    with tempfile.TemporaryDirectory(prefix="motcua-sync-bench-") as tmp:
        folder = Path(tmp)
        store = new_desk(folder / "desk")
        try:
            add_receptions(store, folder / "scans", count, pages=pages, page_bytes=page_bytes)
            payload = payload_bytes(store)
            with portal_process(folder / "portal") as portal, LinkProxy(portal.port, model=model) as proxy:
                enrol_desk(store, portal.db_url, proxy.url)
                proxy.reset_counts()
                portal_cpu, desk_cpu = cpu_seconds(portal.pid), time.process_time()
                start = time.perf_counter()
                result = sync_once(store, pull=False, reserve=False)
                elapsed = time.perf_counter() - start
                portal_cpu, desk_cpu = cpu_seconds(portal.pid) - portal_cpu, time.process_time() - desk_cpu
                held = len(list_dossiers(portal.db_url))
        finally:
            store.close()
    if result.sent != count or held != count:
        raise RuntimeError(f"sync incomplete: {result.sent} sent, {held} at the portal, of {count}: "
                           f"{result.errors}")
    return {"seconds": elapsed, "dossiers_per_s": count / elapsed, "payload_bytes": payload,
            "wire_bytes": proxy.bytes_up + proxy.bytes_down, "bytes_up": proxy.bytes_up,
            "bytes_down": proxy.bytes_down, "connections": proxy.connections,
            # CPU per dossier says where a faster machine would help; the desk figure includes
            # the proxy's threads, which live in the desk's process.
            "portal_cpu_ms_per_dossier": 1000 * portal_cpu / count,
            "desk_cpu_ms_per_dossier": 1000 * desk_cpu / count}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dossiers", type=int, default=1000)
    args = parser.parse_args()
    figures = run(args.dossiers)
    report("sync_throughput", unit="dossiers/s", samples=[figures["dossiers_per_s"]], target=None,
           lower_is_better=False, dossiers=args.dossiers, pages_per_dossier=3, page_bytes=PAGE_BYTES,
           seconds=round(figures["seconds"], 2), connections=figures["connections"],
           portal_cpu_ms_per_dossier=round(figures["portal_cpu_ms_per_dossier"], 1),
           desk_cpu_ms_per_dossier=round(figures["desk_cpu_ms_per_dossier"], 1),
           wire_over_payload=round(figures["wire_bytes"] / figures["payload_bytes"], 4))


if __name__ == "__main__":
    main()
