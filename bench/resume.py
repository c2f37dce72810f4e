"""resume: a 20 MB scan whose upload is cut at 50 % and again at 90 % of its bytes; how many
chunks are sent more than once in total (target ≤ 1 per break, i.e. the chunk in flight).

The cut is made by the TCP proxy of tests/sync/proxy.py (connection closed mid-request); each
resumed pass asks the portal for its acknowledged offset first (docs/sync-protocol.md §5).

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
from bench.sync_throughput import portal_process  # noqa: E402

CHUNK = 1024 * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=20)
    args = parser.parse_args()
    from app.reception.model import PageInput
    from app.reception.service import confirm_reception
    from app.store.models import utcnow
    from portal.admin import create_enrolment_token
    from sync.engine import sync_once
    from sync.enrolment import enrol
    from tests.app.reception_support import birth_request, build_template, open_copy
    from tests.sync.proxy import FaultProxy

    size = args.mb * 1_000_000
    with tempfile.TemporaryDirectory(prefix="motcua-resume-") as tmp:
        folder = Path(tmp)
        store = open_copy(build_template(folder / "template"), folder / "desk")
        request = birth_request(store, folder / "scans")
        big = folder / "big.pdf"
        big.write_bytes(os.urandom(size))
        request.documents[0].pages = [PageInput(big, "application/pdf")]
        confirm_reception(store, request)
        small = sum(p.path.stat().st_size for p in request.documents[1].pages)
        limits = {"max_blob_bytes": 64 * 1024 * 1024, "max_chunk_bytes": CHUNK}
        with portal_process(folder / "portal", **limits) as (db_url, _url, port), FaultProxy(port) as proxy:
            enrol(store, proxy.url, create_enrolment_token(db_url, store.unit.code))
            passes, now = [], utcnow()
            for fraction in (0.5, 0.9):
                proxy.cut_upstream_after(int(size * fraction) - proxy.bytes_up)
                passes.append(sync_once(store, now=now, pull=False, reserve=False))
                now += timedelta(hours=1)
            passes.append(sync_once(store, now=now, pull=False, reserve=False))
        store.close()
    assert passes[-1].sent == 1, passes[-1]
    sent = sum(p.bytes_uploaded for p in passes)
    resent_bytes = sent - size - small
    chunks_resent = resent_bytes / CHUNK
    report("resume", unit="chunks re-sent (2 breaks)", samples=[chunks_resent], target=2.0,
           blob_bytes=size, chunk_bytes=CHUNK, bytes_sent=sent, resent_bytes=resent_bytes,
           breaks=2, passes=len(passes))


if __name__ == "__main__":
    main()
