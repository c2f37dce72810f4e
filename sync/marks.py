"""Recording the portal's answers on outbox rows: refusals and retries at once, deliveries in batches.

A row is marked sent only after the portal acknowledged it. Writing those marks one durable
commit per row cost more than the request itself on a fast link, so acknowledged rows are
written together (up to `BATCH` rows, or whatever is waiting after `FLUSH_S` seconds, and always
at the end of a pass). A crash before a batch is written leaves acknowledged rows pending: the
next pass sends them again with the same idempotency key and the portal replays its stored
answer. The cost of a crash is a re-send, never a loss or a duplicate.

Every method may be called from any worker thread of a pass.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.store.models import OutboxItem
from sync.classify import apply_reply
from sync.client import Reply

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

BATCH = 64
FLUSH_S = 1.0


class OutboxMarks:
    """The outcome writer of one sync pass on `store`."""

    def __init__(self, store: Store, now: datetime) -> None:
        self.store, self.now = store, now
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()  # one batch at a time: a row is never written twice
        self._acked: list[tuple[int, Reply]] = []
        self._since = 0.0

    def acknowledged(self, seq: int, reply: Reply) -> None:
        """Row `seq` was acknowledged by `reply` (a 2xx); written with the next batch."""
        with self._lock:
            if not self._acked:
                self._since = time.monotonic()
            self._acked.append((seq, reply))
            due = len(self._acked) >= BATCH or time.monotonic() - self._since >= FLUSH_S
        if due:
            self.flush()

    def flush(self) -> None:
        """Write every acknowledgement still in memory (call at the end of a pass, even a failed one)."""
        with self._write_lock:
            with self._lock:
                batch, self._acked = self._acked, []
            if not batch:
                return
            replies = dict(batch)
            with self.store.session() as session:
                rows = session.scalars(select(OutboxItem).where(OutboxItem.seq.in_(list(replies))))
                for row in rows:
                    if row.state == "pending":  # someone else may have settled it meanwhile
                        apply_reply(row, replies[row.seq], self.now)

    def change(self, seq: int, change: Callable[[OutboxItem], Any]) -> Any:
        """Apply `change` to row `seq` in its own transaction now; its result, or the row's fate
        ("done" when already sent, "quarantine" when gone or no longer pending)."""
        with self.store.session() as session:
            fresh = session.get(OutboxItem, seq)
            if fresh is None or fresh.state != "pending":
                return "done" if fresh is not None and fresh.state == "sent" else "quarantine"
            return change(fresh)
