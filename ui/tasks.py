"""Background lanes for the desk app: one lane for the store, a small pool for everything else.

The UI thread never touches disk, so every store call goes through `run_db` and every other
slow call (printing preparation, file work) through `run_io`. Results come back on the GUI
thread through a queued Qt signal, so callbacks may touch widgets freely.

`TaskRunner(synchronous=True)` runs work inline and calls the callbacks before returning; UI
tests use it so a screen can be driven with key clicks without waiting for threads.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class TaskRunner(QObject):
    """Runs callables off the GUI thread and delivers their outcome back on it."""

    # Carries a zero-argument closure from a worker thread to the GUI thread.
    _delivered = Signal(object)

    def __init__(self, *, synchronous: bool = False, io_workers: int = 2) -> None:
        super().__init__()
        self.synchronous = synchronous
        # Exactly one worker: SQLCipher connections and write transactions must never race,
        # and a single lane also keeps store operations in the order the user asked for them.
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="motcua-db")
        # Separate small pool so a slow printer or file copy never queues behind the store.
        self._io = ThreadPoolExecutor(max_workers=io_workers, thread_name_prefix="motcua-io")
        self._pending = 0
        self._delivered.connect(self._run_on_gui, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        """True while a submitted task has not had its callback delivered yet."""
        return self._pending > 0

    def run_db(
        self,
        fn: Callable[[], Any],
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> Future[Any] | None:
        """Run `fn` on the store lane; `on_done(result)` or `on_error(exc)` run on the GUI thread."""
        return self._submit(self._db, fn, on_done, on_error)

    def run_io(
        self,
        fn: Callable[[], Any],
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> Future[Any] | None:
        """Run `fn` on the general pool; callbacks as for `run_db`."""
        return self._submit(self._io, fn, on_done, on_error)

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop accepting work; with `wait`, let queued store work (e.g. close) finish first."""
        self._db.shutdown(wait=wait)
        self._io.shutdown(wait=wait, cancel_futures=True)

    def _submit(
        self,
        pool: ThreadPoolExecutor,
        fn: Callable[[], Any],
        on_done: DoneCallback | None,
        on_error: ErrorCallback | None,
    ) -> Future[Any] | None:
        self._pending += 1
        if self.synchronous:
            self._finish_inline(fn, on_done, on_error)
            return None
        future = pool.submit(fn)
        future.add_done_callback(lambda f: self._delivered.emit(lambda: self._deliver(f, on_done, on_error)))
        return future

    def _finish_inline(
        self, fn: Callable[[], Any], on_done: DoneCallback | None, on_error: ErrorCallback | None
    ) -> None:
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's error path
            self._pending -= 1
            _report(exc, on_error)
            return
        self._pending -= 1
        if on_done is not None:
            on_done(result)

    @staticmethod
    def _deliver(future: Future[Any], on_done: DoneCallback | None, on_error: ErrorCallback | None) -> None:
        exc = future.exception()
        if exc is not None:
            _report(exc, on_error)
        elif on_done is not None:
            on_done(future.result())

    @Slot(object)
    def _run_on_gui(self, closure: Callable[[], None]) -> None:
        self._pending -= 1
        closure()


def _report(exc: BaseException, on_error: ErrorCallback | None) -> None:
    """Give the error to the caller, or to the crash handler when nobody asked for it."""
    if on_error is not None:
        on_error(exc)
        return
    sys.excepthook(type(exc), exc, exc.__traceback__)
