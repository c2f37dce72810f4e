"""A portal answering nonsense (a broken adapter, a hostile server on the desk's link) is reported
as a problem naming the field; the desk never crashes on a KeyError or ValueError halfway."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from app.errors import InputError
from app.ids import new_id
from sync.engine import sync_once
from sync.enrolment import enrol
from tests.sync.support import receive


class HostilePortal:
    """Answers each path with the status and JSON body set in `answers` (POST and GET alike)."""

    def __init__(self) -> None:
        self.answers: dict[str, tuple[int, Any]] = {}
        portal = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                status, body = portal.answers.get(self.path.split("?")[0], (404, {"error": {"code": "x"}}))
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = _answer

            def log_message(self, *_: object) -> None:
                return  # quiet: the test reads outcomes, not logs

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> HostilePortal:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hostile() -> Iterator[HostilePortal]:
    with HostilePortal() as portal:
        yield portal


def _enrolment(unit: str, **changes: Any) -> dict[str, Any]:
    return {"device_id": new_id(), "unit_code": unit, "device_slot": 1, "portal_time": "x", **changes}


@pytest.mark.parametrize("changes", [{"device_id": 5}, {"device_id": "x" * 10_000}, {"device_slot": "1"},
                                     {"device_slot": 10**30}, {"unit_code": None}])
def test_a_malformed_enrolment_answer_is_a_clear_refusal(desk, hostile: HostilePortal, changes) -> None:
    hostile.answers["/v1/enrol"] = (201, _enrolment(desk.unit.code, **changes))
    with pytest.raises(InputError, match="malformed"):
        enrol(desk, hostile.url, "token")


def test_malformed_limits_feed_and_block_answers_are_reported_not_raised(desk, hostile) -> None:
    hostile.answers["/v1/enrol"] = (201, _enrolment(desk.unit.code))
    enrol(desk, hostile.url, "token")
    hostile.answers["/v1/limits"] = (200, {"protocol": 1, "max_chunk_bytes": "abc"})
    hostile.answers["/v1/changes"] = (200, {"changes": [{"seq": 1, "kind": "dossier.status", "dossier_id": 7},
                                                        {"seq": 2, "kind": "holidays", "year": "2027"}],
                                            "next": 2, "more": False})
    hostile.answers["/v1/code-blocks"] = (201, {"unit_code": desk.unit.code, "day": "2026-11-24",
                                                "start": "1", "end": 50})
    report = sync_once(desk)
    assert report.online and report.auth_failed is None
    text = "\n".join(report.errors)
    assert "dossier_id" in text and "year" in text and "start" in text, text
    hostile.answers["/v1/changes"] = (200, {"changes": "nope", "next": "x", "more": "yes"})
    report = sync_once(desk, reserve=False)
    assert any("changes" in error and "malformed" in error for error in report.errors), report.errors


def test_a_malformed_missing_blobs_answer_is_reported_not_raised(desk, hostile, tmp_path) -> None:
    hostile.answers["/v1/enrol"] = (201, _enrolment(desk.unit.code))
    enrol(desk, hostile.url, "token")
    receive(desk, tmp_path, name="a")
    hostile.answers["/v1/limits"] = (200, {"protocol": 1})
    for answer in ({"missing": ["x"], "offsets": {}}, {"missing": [], "offsets": {"a": "b"}}, {"missing": 5}):
        hostile.answers["/v1/blobs/missing"] = (200, answer)
        report = sync_once(desk, pull=False, reserve=False)
        assert report.sent == 0 and "malformed" in " ".join(report.errors), report
