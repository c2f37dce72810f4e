"""resume: a 20 MB scan whose upload is cut at 50 % and again at 90 % of its bytes; how many
chunks are sent more than once in total (target ≤ 1 per break, i.e. the chunk in flight).

The cut is made by the counting proxy of bench/shaped_link.py (connection closed mid-request);
each resumed pass learns the portal's acknowledged offset (from the missing-scans answer, or by
asking per scan) and sends from there (docs/sync-protocol.md §5).

    python -m bench.resume [--mb 20]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("MOTCUA_KDF_PROFILE", "test")

from bench._common import report  # noqa: E402
from bench.shaped_link import LinkProxy  # noqa: E402
from bench.sync_setup import enrol_desk, new_desk, portal_process, receive  # noqa: E402
from tests.app.reception_support import padded_png  # noqa: E402

CHUNK = 1024 * 1024
SMALL_PAGE = 2048


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=20)
    args = parser.parse_args()
    from app.store.models import utcnow
    from sync.engine import sync_once

    size = args.mb * 1_000_000
    with tempfile.TemporaryDirectory(prefix="motcua-resume-") as tmp:
        folder = Path(tmp)
        store = new_desk(folder / "desk")
        big = padded_png(folder / "big.png", size)
        small = padded_png(folder / "small.png", SMALL_PAGE)
        receive(store, [[big], [small]])
        limits = {"max_blob_bytes": 64 * 1024 * 1024, "max_chunk_bytes": CHUNK}
        with portal_process(folder / "portal", **limits) as portal, LinkProxy(portal.port) as proxy:
            enrol_desk(store, portal.db_url, proxy.url)
            passes, now = [], utcnow()
            for fraction in (0.5, 0.9):
                proxy.cut_upstream_after(int(size * fraction) - proxy.bytes_up)
                passes.append(sync_once(store, now=now, pull=False, reserve=False))
                now += timedelta(hours=1)
            passes.append(sync_once(store, now=now, pull=False, reserve=False))
        store.close()
    if passes[-1].sent != 1:
        raise RuntimeError(f"the dossier was not delivered: {passes[-1]}")
    sent = sum(p.bytes_uploaded for p in passes)
    resent_bytes = sent - size - SMALL_PAGE
    chunks_resent = resent_bytes / CHUNK
    report("resume", unit="chunks re-sent (2 breaks)", samples=[chunks_resent], target=2.0,
           blob_bytes=size, chunk_bytes=CHUNK, bytes_sent=sent, resent_bytes=resent_bytes,
           breaks=2, passes=len(passes))


if __name__ == "__main__":
    main()
