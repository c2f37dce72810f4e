"""sync_weak_link: a fresh desk syncing over a rural line of 384 kbit/s each way and 300 ms RTT.

Measured: wall time of one `sync_once` (every scan and every dossier delivered) divided by the
ideal time, payload bytes ÷ line rate (payload = scan bytes + compact dossier JSON, as in
`sync_efficiency`). Target ≤ 1.25. Default load: 20 dossiers × 3 pages × 50 kB ≈ 3 MB, which the
ideal line carries in ≈ 63 s (fewer dossiers than `sync_throughput`: a 1,000-dossier pass would
take an hour on this line, and the ratio does not depend on the count once the line is busy).

How the line is made: a throttling TCP proxy in user space (bench/shaped_link.py) between the
desk and the portal (own process, SQLite, on loopback). Per direction it is one FIFO serial line
shared by all the desk's connections, carrying 1448-byte segments plus 52 bytes of IP/TCP header
each at 384 kbit/s; every segment arrives 150 ms after it has been serialised (half the RTT,
paid per segment in flight, not per byte), and each new connection first pays one RTT (the TCP
handshake). Not modelled: slow start, loss, acknowledgement traffic.

Why not the kernel: `tc qdisc … netem` (delay) is not available in this kernel ("Specified qdisc
kind is unknown", no sch_netem, also inside `ip netns`). `tbf` (rate only) does work inside a
network namespace (checked: 240 kB over `lo` with tbf 384 kbit took 5.5 s against 5.0 s ideal,
headers and ACKs included), so tbf for rate plus a proxy for delay was possible; it was not
chosen because it needs root and a namespace (the benchmark must run unprivileged, in CI too),
and on `lo` both directions share one qdisc, so uplink and downlink would not be separate lines.

    python -m bench.sync_weak_link [--dossiers 20] [--kbit 384] [--rtt-ms 300]
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("MOTCUA_KDF_PROFILE", "test")  # sign-in cost is not what is measured

from bench._common import report  # noqa: E402
from bench.shaped_link import LinkModel  # noqa: E402
from bench.sync_setup import PAGE_BYTES  # noqa: E402
from bench.sync_throughput import run  # noqa: E402

TARGET = 1.25


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dossiers", type=int, default=20)
    parser.add_argument("--kbit", type=float, default=384.0, help="line rate each way, kbit/s")
    parser.add_argument("--rtt-ms", type=float, default=300.0, help="round-trip time, ms")
    args = parser.parse_args()
    model = LinkModel(rate_bps=args.kbit * 1000, rtt_s=args.rtt_ms / 1000)
    figures = run(args.dossiers, model=model)
    ideal = figures["payload_bytes"] * 8 / model.rate_bps
    ratio = figures["seconds"] / ideal
    report("sync_weak_link", unit="wall time / (payload ÷ line rate)", samples=[ratio], target=TARGET,
           link="user-space throttling proxy (bench/shaped_link.py)", kbit_per_s=args.kbit,
           rtt_ms=args.rtt_ms, dossiers=args.dossiers, pages_per_dossier=3, page_bytes=PAGE_BYTES,
           payload_bytes=figures["payload_bytes"], ideal_seconds=round(ideal, 2),
           seconds=round(figures["seconds"], 2), bytes_up=figures["bytes_up"],
           bytes_down=figures["bytes_down"], connections=figures["connections"],
           # What the line itself costs on top of the payload: segment headers and HTTP framing.
           wire_up_seconds=round(model.wire_seconds(figures["bytes_up"]), 2))


if __name__ == "__main__":
    main()
