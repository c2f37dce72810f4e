"""sync_efficiency: bytes on the wire (both directions, counted by a TCP proxy) / payload bytes
(scan bytes + dossier JSON), for a fresh desk syncing N dossiers × 3 pages of ~50 kB. Target ≤ 1.10.

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
           bytes_down=figures["bytes_down"])


if __name__ == "__main__":
    main()
