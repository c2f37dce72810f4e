"""A TCP proxy between a desk and the portal that counts bytes and can model a weak link.

Used by the sync benchmarks (`sync_throughput`, `sync_efficiency`, `sync_weak_link`, `resume`).

Counting: every byte forwarded is counted per direction (`bytes_up` desk → portal,
`bytes_down` portal → desk): the TCP payload on the wire, HTTP headers included.

Shaping (`LinkModel`), the model of a slow line, byte-accurate and shared by every connection
through the proxy, as on one physical link:
- each direction is a serial line of `rate_bps` bits per second: a segment (at most `mss`
  payload bytes plus `header_bytes` of IP/TCP header) starts when the line is free and takes
  its size ÷ rate to go out; segments of all connections queue one after the other (FIFO);
- each segment then arrives `one_way_s` later (propagation delay; half the round-trip time),
  so the delay is paid per segment in flight, not per byte;
- a new connection pays one round trip before its first byte leaves (the TCP handshake).
Not modelled: TCP slow start, packet loss, acknowledgements competing for the reverse line
(they are small next to a 384 kbit/s line carrying replies of a few hundred bytes).

Faults: `cut_upstream_after(n)` closes the connection after n more desk → portal bytes (a
break in the middle of an upload, for the resume benchmark).

Sockets get TCP_NODELAY: a user-space hop must not add Nagle/delayed-ACK stalls (≈ 40 ms per
request) that a real route does not have.
"""

from __future__ import annotations

import heapq
import socket
import threading
import time
from dataclasses import dataclass

_RECV = 65536


@dataclass(frozen=True)
class LinkModel:
    """A symmetric line: rate per direction, round-trip time, segment and header sizes."""

    rate_bps: float = 384_000.0
    rtt_s: float = 0.300
    mss: int = 1448  # Ethernet MTU 1500 − IPv4 20 − TCP 20 − TCP timestamps 12
    header_bytes: int = 52

    @property
    def one_way_s(self) -> float:
        return self.rtt_s / 2

    def wire_seconds(self, payload: int) -> float:
        """Seconds the line is busy carrying `payload` bytes cut into segments with headers."""
        segments = -(-payload // self.mss) if payload else 0
        return (payload + segments * self.header_bytes) * 8 / self.rate_bps


class _Line:
    """One direction of the shaped link: a FIFO serial line shared by all connections."""

    def __init__(self, model: LinkModel) -> None:
        self.model = model
        self.free_at = 0.0
        self.lock = threading.Lock()

    def schedule(self, size: int, not_before: float) -> float:
        """When a segment of `size` payload bytes, ready at `not_before`, reaches the far end."""
        with self.lock:
            start = max(time.monotonic(), not_before, self.free_at)
            self.free_at = start + self.model.wire_seconds(size)
            return self.free_at + self.model.one_way_s


class _Delivery:
    """Bytes of one connection direction waiting for their arrival time, written in order."""

    def __init__(self, target: socket.socket) -> None:
        self.target = target
        self.queue: list[tuple[float, int, bytes | None]] = []
        self.cond = threading.Condition()
        self.order = 0

    def put(self, at: float, data: bytes | None) -> None:
        with self.cond:
            self.order += 1
            heapq.heappush(self.queue, (at, self.order, data))
            self.cond.notify()

    def run(self) -> None:
        """Write each piece at its arrival time; None (end of stream) closes the connection."""
        while True:
            with self.cond:
                while not self.queue:
                    self.cond.wait()
                at, _, data = self.queue[0]
                wait = at - time.monotonic()
                if wait > 0:
                    self.cond.wait(wait)  # woken early only by a put, which cannot come sooner
                    continue
                heapq.heappop(self.queue)
            if data is None:
                _close(self.target)
                return
            try:
                self.target.sendall(data)
            except OSError:
                _close(self.target)
                return


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


def _nodelay(sock: socket.socket) -> socket.socket:
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


class LinkProxy:
    """Listen on a free loopback port and forward to `upstream_port`; a context manager."""

    def __init__(self, upstream_port: int, upstream_host: str = "127.0.0.1", *,
                 model: LinkModel | None = None) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.model = model
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = int(self.listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.lock = threading.Lock()
        self.bytes_up = 0
        self.bytes_down = 0
        self.connections = 0
        self._cut_budget: int | None = None
        self._closed = False
        self._lines = (_Line(model), _Line(model)) if model else None
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def cut_upstream_after(self, count: int) -> None:
        """Close the connection carrying the byte after `count` more desk → portal bytes."""
        with self.lock:
            self._cut_budget = count

    def reset_counts(self) -> None:
        with self.lock:
            self.bytes_up = self.bytes_down = self.connections = 0

    def __enter__(self) -> LinkProxy:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._closed = True
        self.listener.close()

    # -- plumbing ---------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections += 1
            _nodelay(client), _nodelay(server)
            # The handshake's round trip: the desk's first byte cannot leave before it is over.
            opened = time.monotonic() + (self.model.rtt_s if self.model else 0.0)
            for source, target, up in ((client, server, True), (server, client, False)):
                threading.Thread(target=self._pump, args=(source, target, up, opened), daemon=True).start()

    def _count(self, data: bytes, up: bool) -> tuple[bytes, bool]:
        """Count `data`; cut it short when an armed upstream cut falls inside it."""
        with self.lock:
            cut = False
            if up and self._cut_budget is not None:
                if len(data) >= self._cut_budget:
                    data, cut, self._cut_budget = data[:self._cut_budget], True, None
                else:
                    self._cut_budget -= len(data)
            if up:
                self.bytes_up += len(data)
            else:
                self.bytes_down += len(data)
        return data, cut

    def _pump(self, source: socket.socket, target: socket.socket, up: bool, opened: float) -> None:
        delivery = None
        if self._lines is not None:
            delivery = _Delivery(target)
            threading.Thread(target=delivery.run, daemon=True).start()
        line = self._lines[0 if up else 1] if self._lines else None
        last_at = 0.0
        try:
            while data := source.recv(_RECV):
                data, cut = self._count(data, up)
                if delivery is None or line is None:
                    target.sendall(data)
                else:
                    for start in range(0, len(data), line.model.mss):
                        piece = data[start:start + line.model.mss]
                        last_at = line.schedule(len(piece), opened)
                        delivery.put(last_at, piece)
                if cut:
                    break
        except OSError:
            pass
        if delivery is not None:
            delivery.put(max(last_at, time.monotonic()), None)  # close after the last byte lands
        else:
            _close(target)
        if delivery is None or not up:
            _close(source)
