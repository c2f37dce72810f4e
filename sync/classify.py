"""The protocol's table of outcomes (docs/sync-protocol.md §1.1) applied to an outbox row.

One function decides, for the HTTP path and the USB-bundle path alike, whether an answer means
done, retry (with backoff persisted in `next_attempt_at`), quarantine (the portal's message kept
verbatim, in both its languages, in `last_error`) or an authentication failure that stops the whole engine.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from app.store.models import OutboxItem
from sync.backoff import next_attempt
from sync.client import Reply
from sync.problems import SyncProblem

Outcome = Literal["done", "retry", "quarantine", "auth", "missing_blobs"]

QUARANTINE_CODES = frozenset({"not_found", "code_conflict", "version_conflict", "too_large", "validation",
                              "idempotency_mismatch", "bad_request", "codes_exhausted", "forbidden"})


def outcome_of(reply: Reply) -> Outcome:
    if reply.ok:
        return "done"
    if reply.status == 401:
        return "auth"
    if reply.code == "missing_blobs":
        return "missing_blobs"
    if reply.code in QUARANTINE_CODES or reply.status in (400, 403, 413, 422):
        return "quarantine"
    return "retry"  # 429, 5xx and anything unexpected: transient by the protocol's rule


def mark_done(row: OutboxItem) -> None:
    row.state, row.last_error, row.next_attempt_at = "sent", None, None
    row.attempts += 1


def mark_retry(row: OutboxItem, now: datetime, reason: SyncProblem, retry_after: float | None = None) -> None:
    row.attempts += 1
    row.last_error = reason.dumps()
    row.next_attempt_at = next_attempt(now, row.attempts, retry_after=retry_after)


def mark_quarantined(row: OutboxItem, problem: SyncProblem) -> None:
    row.attempts += 1
    row.state, row.last_error, row.next_attempt_at = "quarantined", problem.dumps(), None


def refused(reply: Reply) -> SyncProblem:
    """The portal's refusal of an item, in its own words (both languages kept)."""
    return SyncProblem(reply.message, kind="sync.portal_refused", params=reply.words)


def device_refused(reply: Reply) -> SyncProblem:
    """The portal's refusal of this desk's credentials (401), in its own words."""
    return SyncProblem(reply.message, kind="sync.device_refused", params=reply.words)


def apply_reply(row: OutboxItem, reply: Reply, now: datetime) -> Outcome:
    """Record `reply` on `row` (inside the caller's write session); returns the outcome."""
    outcome = outcome_of(reply)
    if outcome == "done":
        mark_done(row)
    elif outcome == "quarantine":
        mark_quarantined(row, refused(reply))  # verbatim: the official reads the portal's words
    elif outcome in ("retry", "missing_blobs"):
        mark_retry(row, now, SyncProblem(f"HTTP {reply.status} {reply.code}: {reply.message}",
                                         kind="sync.portal_busy", params={"status": reply.status}),
                   reply.retry_after)
    return outcome
