"""sync_efficiency: bytes on the wire / payload bytes, for a fresh desk syncing N dossiers × 3 pages
of ~50 kB to the portal on loopback. Target ≤ 1.10.

Wire bytes: both directions, counted by the proxy of bench/shaped_link.py (TCP payload: HTTP
headers and bodies, the limits and missing-scans queries included). Payload bytes: scan bytes +
compact dossier JSON, what must cross the link at least.

    python -m bench.sync_efficiency [--dossiers 200]
"""

from __future__ import annotations

import argparse

from bench._common import report
from bench.sync_throughput import run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dossiers", type=int, default=200)
    args = parser.parse_args()
    figures = run(args.dossiers)
    ratio = figures["wire_bytes"] / figures["payload_bytes"]
    report("sync_efficiency", unit="wire bytes / payload bytes", samples=[ratio], target=1.10,
           dossiers=args.dossiers, payload_bytes=figures["payload_bytes"], bytes_up=figures["bytes_up"],
           bytes_down=figures["bytes_down"], connections=figures["connections"])


if __name__ == "__main__":
    main()
