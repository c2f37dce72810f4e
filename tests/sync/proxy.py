"""A fault-injecting TCP proxy between a desk and the portal, for tests and benchmarks.

It forwards bytes both ways and counts them (bytes on the wire). Faults armed by a test:
- `drop_response_to(marker)`: the next request whose first bytes contain `marker` reaches the
  portal, but its answer is swallowed and the connection closed (a lost response);
- `cut_upstream_after(n)`: after n more client→portal bytes the connection is cut mid-request;
- `refuse(True)`: new connections are closed at once (link down);
- `truncate_response_to(marker, keep)`: the answer to the next request whose first bytes contain
  `marker` is cut after `keep` bytes (FIN), e.g. inside its header block;
- `inject(Fault(...))`: the next new connection gets that fault (queued, first in first out);
- `chaos(ChaosSchedule(seed, weights))`: every new connection draws its fault from a seeded
  random schedule, so a failing run can be replayed.

The kinds of `Fault` (a fault is decided per TCP connection; the desk keeps connections alive,
so one connection usually carries many requests):
- `delay`: every answer chunk waits `latency_s` (a slow link);
- `refuse`: the connection is reset (RST) as soon as it is accepted;
- `reset_request`: after `after` client→portal bytes, both sides are reset (RST, SO_LINGER 0),
  so a request is cut part-way, or the portal got it whole and its answer is lost;
- `reset_response`: after `after` portal→client bytes the desk's side is reset;
- `truncate`: after `after` portal→client bytes the connection is closed normally (FIN), so the
  desk sees an answer cut short;
- `busy`: request number `after` on the connection (0 = the first) is answered
  `503` with `Retry-After` by the proxy itself, without reaching the portal, then closed.

`counts` says how many times each kind actually took effect (a reset armed after more bytes
than the connection ever carried is not counted), so a test can prove its faults happened.
"""

from __future__ import annotations

import random
import select
import socket
import struct
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field

FAULT_KINDS = ("none", "delay", "refuse", "reset_request", "reset_response", "truncate", "busy")
BUSY_BODY = ('{"error":{"code":"busy","message":"Cổng đang bận, hãy thử lại sau — The portal is busy, '
             'try again later","message_vi":"Cổng đang bận, hãy thử lại sau",'
             '"message_en":"The portal is busy, try again later","details":{}}}').encode("utf-8")


@dataclass(frozen=True)
class Fault:
    """What happens to one connection; `after` is bytes (resets, truncate) or a request index (busy)."""

    kind: str = "none"
    after: int = 0
    latency_s: float = 0.0
    retry_after: int = 1

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"fault kind {self.kind!r}: expected one of {', '.join(FAULT_KINDS)}")


@dataclass
class ChaosSchedule:
    """Seeded per-connection fault draws; `weights` maps fault kinds to relative probabilities."""

    seed: int
    weights: dict[str, float]
    max_up_bytes: int = 20_000  # a reset lands somewhere in the first this-many request bytes
    max_down_bytes: int = 3_000  # answers are small JSON: a cut lands in the first few answers
    max_busy_request: int = 6
    latency_s: tuple[float, float] = (0.001, 0.006)
    retry_after: tuple[int, int] = (1, 30)
    rng: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        unknown = set(self.weights) - set(FAULT_KINDS)
        if unknown:
            raise ValueError(f"chaos weights: unknown fault kinds {sorted(unknown)}")
        self.rng = random.Random(self.seed)

    def draw(self) -> Fault:
        kinds = list(self.weights)
        kind = self.rng.choices(kinds, weights=[self.weights[k] for k in kinds])[0]
        if kind == "reset_request":
            return Fault(kind, self.rng.randrange(self.max_up_bytes))
        if kind in ("reset_response", "truncate"):
            return Fault(kind, self.rng.randrange(1, self.max_down_bytes))
        if kind == "delay":
            return Fault(kind, latency_s=self.rng.uniform(*self.latency_s))
        if kind == "busy":
            return Fault(kind, self.rng.randrange(self.max_busy_request),
                         retry_after=self.rng.randint(*self.retry_after))
        return Fault(kind)


def _reset(sock: socket.socket) -> None:
    """Close with RST instead of FIN (SO_LINGER on, 0 s)."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip() or 0)
    return 0


class _Stop(Exception):
    """The connection is finished (closed or reset); raised from deep inside the pump."""


class _Connection:
    """One proxied connection, pumped by ONE thread, so closing a socket never races a recv."""

    def __init__(self, proxy: FaultProxy, client: socket.socket, server: socket.socket, fault: Fault) -> None:
        self.proxy, self.client, self.server, self.fault = proxy, client, server, fault
        self.up = self.down = 0  # bytes forwarded on this connection
        self.requests = 0  # request heads seen
        self.head = bytearray()  # an incomplete request head
        self.body_left = 0  # body bytes of the current request still to come
        self.discarding = False  # swallowing a request the proxy answers itself (busy)
        self.drop = False
        self.delayed = False

    def run(self) -> None:
        try:
            while True:
                ready, _, _ = select.select([self.client, self.server], [], [])
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        raise _Stop
                    if sock is self.client:
                        self._from_client(data)
                    else:
                        self._from_server(data)
        except (_Stop, OSError, ValueError):
            pass
        for sock in (self.client, self.server):
            if sock.fileno() != -1:
                _close(sock)

    # -- client → portal --------------------------------------------------------------------
    def _from_client(self, data: bytes) -> None:
        proxy = self.proxy
        with proxy.lock:
            if proxy._drop_marker is not None and proxy._drop_marker in data:
                proxy._drop_marker, self.drop = None, True
            if proxy._truncate is not None and proxy._truncate[0] in data:
                # No pipelining: every byte the portal sends from now on belongs to this answer.
                self.fault = Fault("truncate", self.down + proxy._truncate[1])
                proxy._truncate = None
        out = self._split_requests(data)
        if not out:
            return
        cut = False
        with proxy.lock:
            if proxy._cut_budget is not None:
                if len(out) >= proxy._cut_budget:
                    out, cut, proxy._cut_budget = out[:proxy._cut_budget], True, None
                else:
                    proxy._cut_budget -= len(out)
        if self.fault.kind == "reset_request" and self.up + len(out) >= self.fault.after:
            self.server.sendall(out[:self.fault.after - self.up])
            proxy._count("reset_request")
            _reset(self.server)
            _reset(self.client)
            raise _Stop
        self.up += len(out)
        with proxy.lock:
            proxy.bytes_up += len(out)
        self.server.sendall(out)
        if cut:
            raise _Stop

    def _split_requests(self, data: bytes) -> bytes:
        """The bytes to forward; finds request boundaries so a `busy` fault hits one request."""
        out = bytearray()
        view = memoryview(data)
        while view:
            if self.body_left:
                n = min(self.body_left, len(view))
                if not self.discarding:
                    out += view[:n]
                view, self.body_left = view[n:], self.body_left - n
                if self.discarding and not self.body_left:
                    self._answer_busy()
                continue
            self.head += view
            view = memoryview(b"")
            end = self.head.find(b"\r\n\r\n")
            if end < 0:
                break
            head, rest = bytes(self.head[:end + 4]), bytes(self.head[end + 4:])
            self.head = bytearray()
            self.body_left = _content_length(head)
            if self.fault.kind == "busy" and self.requests == self.fault.after:
                self.discarding = True
                if not self.body_left:
                    self._answer_busy()
            else:
                out += head
            self.requests += 1
            view = memoryview(rest)
        return bytes(out)

    def _answer_busy(self) -> None:
        head = (f"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                f"Retry-After: {self.fault.retry_after}\r\nContent-Length: {len(BUSY_BODY)}\r\n"
                f"Connection: close\r\n\r\n").encode("ascii")
        self.client.sendall(head + BUSY_BODY)
        self.proxy._count("busy")
        raise _Stop

    # -- portal → client --------------------------------------------------------------------
    def _from_server(self, data: bytes) -> None:
        if self.drop:
            raise _Stop  # the portal answered; the desk never hears it
        kind = self.fault.kind
        if kind == "delay":
            if not self.delayed:
                self.delayed = True
                self.proxy._count("delay")
            time.sleep(self.fault.latency_s)  # the slow link's latency, per answer chunk
        if kind in ("reset_response", "truncate") and self.down + len(data) >= self.fault.after:
            self.client.sendall(data[:self.fault.after - self.down])
            self.proxy._count(kind)
            if kind == "truncate":
                _close(self.client)
            else:
                _reset(self.client)
            _close(self.server)
            raise _Stop
        self.down += len(data)
        with self.proxy.lock:
            self.proxy.bytes_down += len(data)
        self.client.sendall(data)


class FaultProxy:
    def __init__(self, upstream_port: int, upstream_host: str = "127.0.0.1") -> None:
        self.upstream = (upstream_host, upstream_port)
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.lock = threading.Lock()
        self.bytes_up = 0
        self.bytes_down = 0
        self.connections = 0
        self.counts: Counter[str] = Counter()
        self._drop_marker: bytes | None = None
        self._truncate: tuple[bytes, int] | None = None
        self._cut_budget: int | None = None
        self._refusing = False
        self._queued: deque[Fault] = deque()
        self._schedule: ChaosSchedule | None = None
        self._closed = False
        self.thread = threading.Thread(target=self._accept, daemon=True)

    # -- faults -----------------------------------------------------------------------------
    def drop_response_to(self, marker: bytes) -> None:
        with self.lock:
            self._drop_marker = marker

    def truncate_response_to(self, marker: bytes, keep: int) -> None:
        with self.lock:
            self._truncate = (marker, keep)

    def cut_upstream_after(self, count: int) -> None:
        with self.lock:
            self._cut_budget = count

    def refuse(self, on: bool) -> None:
        self._refusing = on

    def inject(self, fault: Fault) -> None:
        """The next new connection gets `fault` (before any chaos draw)."""
        with self.lock:
            self._queued.append(fault)

    def chaos(self, schedule: ChaosSchedule | None) -> None:
        """Draw a fault for every new connection from `schedule`; None switches chaos off."""
        with self.lock:
            self._schedule = schedule

    def _count(self, kind: str) -> None:
        with self.lock:
            self.counts[kind] += 1

    def _next_fault(self) -> Fault:
        with self.lock:
            if self._queued:
                return self._queued.popleft()
            return self._schedule.draw() if self._schedule is not None else Fault()

    # -- plumbing -----------------------------------------------------------------------------
    def __enter__(self) -> FaultProxy:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._closed = True
        self.listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self.lock:
                self.connections += 1
            if self._refusing:
                client.close()
                continue
            fault = self._next_fault()
            if fault.kind == "refuse":
                self._count("refuse")
                _reset(client)
                continue
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            connection = _Connection(self, client, server, fault)
            threading.Thread(target=connection.run, daemon=True).start()
