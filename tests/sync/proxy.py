"""A small fault-injecting TCP proxy between a desk and the portal, for tests and benchmarks.

It forwards bytes both ways and counts them (bytes on the wire). Faults are armed by the test:
- `drop_response_to(marker)`: the next request whose first bytes contain `marker` reaches the
  portal, but its answer is swallowed and the connection closed (a lost response);
- `cut_upstream_after(n)`: after n more client→portal bytes the connection is cut mid-request;
- `refuse(True)`: new connections are closed at once (link down).
"""

from __future__ import annotations

import socket
import threading


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
        self._drop_marker: bytes | None = None
        self._cut_budget: int | None = None
        self._refusing = False
        self._closed = False
        self.thread = threading.Thread(target=self._accept, daemon=True)

    # -- faults -----------------------------------------------------------------------------
    def drop_response_to(self, marker: bytes) -> None:
        with self.lock:
            self._drop_marker = marker

    def cut_upstream_after(self, count: int) -> None:
        with self.lock:
            self._cut_budget = count

    def refuse(self, on: bool) -> None:
        self._refusing = on

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
            if self._refusing:
                client.close()
                continue
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            state = {"drop": False}
            threading.Thread(target=self._up, args=(client, server, state), daemon=True).start()
            threading.Thread(target=self._down, args=(server, client, state), daemon=True).start()

    @staticmethod
    def _close(*socks: socket.socket) -> None:
        for sock in socks:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _up(self, client: socket.socket, server: socket.socket, state: dict[str, bool]) -> None:
        try:
            while data := client.recv(65536):
                with self.lock:
                    if self._drop_marker is not None and self._drop_marker in data:
                        self._drop_marker, state["drop"] = None, True
                    cut = False
                    if self._cut_budget is not None:
                        if len(data) >= self._cut_budget:
                            data, cut, self._cut_budget = data[:self._cut_budget], True, None
                        else:
                            self._cut_budget -= len(data)
                    self.bytes_up += len(data)
                server.sendall(data)
                if cut:
                    break
        except OSError:
            pass
        self._close(client, server)

    def _down(self, server: socket.socket, client: socket.socket, state: dict[str, bool]) -> None:
        try:
            while data := server.recv(65536):
                if state["drop"]:
                    break  # the portal answered; the desk never hears it
                with self.lock:
                    self.bytes_down += len(data)
                client.sendall(data)
        except OSError:
            pass
        self._close(client, server)
