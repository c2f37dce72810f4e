"""The background lanes: work runs off the GUI thread, outcomes come back on it, in order."""

from __future__ import annotations

import threading

import pytest

from app.errors import InputError
from ui.tasks import TaskRunner


@pytest.fixture
def threaded(qapp) -> TaskRunner:  # type: ignore[no-untyped-def]
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


def test_results_arrive_on_the_gui_thread(qtbot, threaded: TaskRunner) -> None:
    gui = threading.get_ident()
    ran_on: list[int] = []
    delivered_on: list[int] = []

    def work() -> int:
        ran_on.append(threading.get_ident())
        return 42

    results: list[int] = []
    threaded.run_db(work, lambda r: (results.append(r), delivered_on.append(threading.get_ident())))
    assert threaded.busy
    qtbot.waitUntil(lambda: results == [42], timeout=3000)
    assert ran_on[0] != gui and delivered_on == [gui]
    assert not threaded.busy


def test_store_lane_is_one_thread_in_submission_order(qtbot, threaded: TaskRunner) -> None:
    threads: set[int] = set()
    order: list[int] = []
    for n in range(20):
        threaded.run_db(lambda n=n: (threads.add(threading.get_ident()), n)[1], order.append)
    qtbot.waitUntil(lambda: len(order) == 20, timeout=3000)
    assert order == list(range(20)) and len(threads) == 1


def test_errors_go_to_the_error_callback(qtbot, threaded: TaskRunner) -> None:
    errors: list[BaseException] = []
    done: list[object] = []

    def fail() -> None:
        raise InputError("unit_code: 'X' is not an identifier")

    threaded.run_io(fail, done.append, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert not done and isinstance(errors[0], InputError)


def test_unclaimed_errors_reach_the_crash_handler(qtbot, threaded: TaskRunner, monkeypatch) -> None:
    seen: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda t, e, tb: seen.append(e))
    threaded.run_db(lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert isinstance(seen[0], ZeroDivisionError)


def test_synchronous_mode_finishes_before_returning() -> None:
    tasks = TaskRunner(synchronous=True)
    out: list[object] = []
    tasks.run_db(lambda: "ok", out.append)
    tasks.run_io(lambda: 1 / 0, out.append, lambda exc: out.append(type(exc)))
    assert out == ["ok", ZeroDivisionError] and not tasks.busy
    tasks.shutdown()
