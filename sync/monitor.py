"""Connectivity monitor: polls the portal's cheap unauthenticated endpoint (`GET /v1/limits`).

A transition from down to up calls `on_up`, which the runner uses to wake and send at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

POLL_S = 15.0


class ConnectivityMonitor:
    def __init__(self, portal_url: str, on_up: Callable[[], None], *, interval_s: float = POLL_S) -> None:
        self.portal_url = portal_url
        self.on_up = on_up
        self.interval_s = interval_s
        self.online: bool | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="motcua-link-monitor", daemon=True)

    def probe(self) -> bool:
        # Imported on the monitor's own thread: the HTTP client (requests, urllib3) is a tenth
        # of a second the desk's first window does not need.
        from sync.client import LinkDown, PortalClient

        with PortalClient(self.portal_url, timeout=(3.0, 5.0)) as client:
            try:
                return client.limits().status < 500
            except LinkDown:
                return False

    def check(self) -> bool:
        """Probe once; fire `on_up` on a down→up (or unknown→up) transition."""
        up = self.probe()
        was, self.online = self.online, up
        if up and was is not True:
            self.on_up()
        return up

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.check()
            self._stop.wait(self.interval_s)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
