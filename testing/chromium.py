"""A real headless Chromium (Debian's `chromium`) driven over the DevTools protocol, for tests
and screenshots of the portal's citizen pages.

The DevTools websocket is spoken here with the standard library (RFC 6455 client frames: masked
text out, unmasked text in), so no websocket package is needed. Only what the tests use:
navigate and wait for the load, evaluate an expression, click and type as a user would, and
capture a PNG at a phone's viewport. Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.request import urlopen

PHONE = (390, 844)  # CSS pixels of a common phone (iPhone 12–15)
START_SECONDS = 60


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class DevTools:
    """One page target's DevTools websocket."""

    def __init__(self, ws_url: str) -> None:
        match = re.match(r"ws://([^/:]+):(\d+)(/.*)", ws_url)
        assert match, ws_url
        host, port, path = match.group(1), int(match.group(2)), match.group(3)
        self.sock = socket.create_connection((host, port), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError(f"DevTools refused the websocket: {head[:200]!r}")
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _send(self, text: str) -> None:
        data, mask = text.encode(), os.urandom(4)
        size = len(data)
        header = bytes([0x81])
        if size < 126:
            header += bytes([0x80 | size])
        elif size < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", size)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", size)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exactly(self, count: int) -> bytes:
        out = b""
        while len(out) < count:
            part = self.sock.recv(count - len(out))
            if not part:
                raise ConnectionError("DevTools closed the websocket")
            out += part
        return out

    def _receive(self) -> dict[str, Any]:
        message = b""
        while True:
            first, second = self._exactly(2)
            size = second & 0x7F
            if size == 126:
                size = struct.unpack(">H", self._exactly(2))[0]
            elif size == 127:
                size = struct.unpack(">Q", self._exactly(8))[0]
            message += self._exactly(size)
            if first & 0x80:  # FIN: the message is whole
                return json.loads(message)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        asked = self.next_id
        self._send(json.dumps({"id": asked, "method": method, "params": params}))
        while True:
            message = self._receive()
            if message.get("id") == asked:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, event: str, timeout: float = 60) -> dict[str, Any]:
        for seen in self.events:
            if seen.get("method") == event:
                self.events.remove(seen)
                return seen
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self._receive()
            if message.get("method") == event:
                return message
            self.events.append(message)
        raise TimeoutError(event)

    def close(self) -> None:
        self.sock.close()


class Page:
    """What a test does with the browser: open, read, click, type, submit, photograph."""

    def __init__(self, tools: DevTools) -> None:
        self.tools = tools
        tools.call("Page.enable")
        tools.call("Emulation.setDeviceMetricsOverride", width=PHONE[0], height=PHONE[1],
                   deviceScaleFactor=2, mobile=True)

    def open(self, url: str) -> None:
        self.tools.events.clear()
        self.tools.call("Page.navigate", url=url)
        self.tools.wait_for("Page.loadEventFired")

    def value(self, expression: str) -> Any:
        result = self.tools.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click at the element's centre (what a finger on the phone would do)."""
        found = f"document.querySelector({json.dumps(selector)})"
        box = self.value("(() => { const e = " + found + "; e.scrollIntoView({block: 'center'});"
                         " const r = e.getBoundingClientRect();"
                         " return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        if box is None:
            raise LookupError(f"no element {selector!r} on the page")
        for kind in ("mousePressed", "mouseReleased"):
            self.tools.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left",
                            clickCount=1)

    def type(self, selector: str, text: str) -> None:
        self.click(selector)
        self.tools.call("Input.insertText", text=text)

    def submit_by_click(self, selector: str) -> None:
        """Click a submit button and wait for the page the form leads to."""
        self.tools.events.clear()
        self.click(selector)
        self.tools.wait_for("Page.loadEventFired")

    def html(self) -> str:
        return str(self.value("document.documentElement.outerHTML"))

    def screenshot(self, path: Path, *, full: bool = True) -> None:
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full}
        if full:
            height = self.value("Math.ceil(document.documentElement.scrollHeight)")
            params["clip"] = {"x": 0, "y": 0, "width": PHONE[0], "height": max(PHONE[1], height), "scale": 1}
        data = self.tools.call("Page.captureScreenshot", **params)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def headless_page(log: Path) -> Iterator[Page]:
    """A fresh headless Chromium (own profile, no network beyond loopback) with one page."""
    binary = chromium_path()
    if binary is None:
        raise RuntimeError("chromium is not installed (scripts/setup.sh installs it for the tests)")
    port = _free_port()
    profile = tempfile.mkdtemp(prefix="motcua-chromium-")
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as errors:
        proc = subprocess.Popen([binary, "--headless=new", "--no-sandbox", "--disable-gpu",
                                 "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                                 "--disable-background-networking", "--disable-sync", "--lang=vi",
                                 f"--user-data-dir={profile}", f"--remote-debugging-port={port}",
                                 "--remote-allow-origins=*", "about:blank"],
                                stdout=subprocess.DEVNULL, stderr=errors)
    tools = None
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                with urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as answer:
                    targets = [t for t in json.load(answer) if t.get("type") == "page"]
                if targets:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"chromium did not start: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.2)  # polling for the browser's DevTools endpoint
        tools = DevTools(targets[0]["webSocketDebuggerUrl"])
        yield Page(tools)
    finally:
        if tools is not None:
            tools.close()
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        shutil.rmtree(profile, ignore_errors=True)
