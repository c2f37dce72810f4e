"""One sync pass: push the outbox, pull the change feed, top up number blocks (`sync_once`).

Delivery order (product §6): ordered within a dossier (outbox `seq`), independent across
dossiers. Dossiers needing no scans go first, then the others by the bytes they still have to
upload, smallest first, each dossier's missing scans sent just before its JSON. A dossier that
waits (backoff) or is quarantined only holds back its own later rows; an authentication failure
stops the pass and is remembered for the UI until the desk is enrolled again.

Store writes are short transactions per row, so a reception at the desk never waits for the link.
Times in this module are naive UTC, the outbox's bookkeeping convention.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import MotcuaError
from app.store.models import OutboxItem, utcnow
from sync import state
from sync.blocks import top_up_blocks
from sync.classify import apply_reply, mark_quarantined, mark_retry, outcome_of
from sync.client import LinkDown, PortalClient, Reply, check_portal_url
from sync.enrolment import credentials
from sync.progress import Progress
from sync.pull import pull_changes
from sync.uploads import UploadFailed, UploadRefused, UploadStats, missing_hashes, upload_blob

log = logging.getLogger(__name__)
MAX_CHUNK = 4 * 1024 * 1024
NETWORK = "network: "  # prefix of last_error for link failures (retried at once on link-up)


@dataclass
class SyncReport:
    """What one pass did; `to_dict()` is the `motcua sync --once --json` output."""

    enrolled: bool = True
    online: bool = False
    sent: int = 0
    retrying: int = 0
    quarantined: int = 0
    held_metered: int = 0
    waiting: int = 0
    blobs_uploaded: int = 0
    bytes_uploaded: int = 0
    chunks_sent: int = 0
    changes_applied: int = 0
    status_changes: list[dict[str, Any]] = field(default_factory=list)
    blocks_reserved: list[dict[str, Any]] = field(default_factory=list)
    auth_failed: str | None = None
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class _AuthStop(Exception):
    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.message)
        self.reply = reply


class _Offline(Exception):
    pass


@dataclass
class _Group:
    """The pending rows of one dossier (or one row without a dossier), in seq order."""

    key: str
    rows: list[OutboxItem]
    sizes: dict[str, int]  # page hash → size, for every page the rows reference
    missing: list[str] = field(default_factory=list)

    @property
    def missing_bytes(self) -> int:
        return sum(self.sizes.get(h, 0) for h in self.missing)


def _page_sizes(payload: dict[str, Any]) -> dict[str, int]:
    dossier = payload.get("dossier", payload) if isinstance(payload, dict) else {}
    sizes: dict[str, int] = {}
    for doc in dossier.get("documents", []) or []:
        for page in doc.get("pages", []) or []:
            if isinstance(page, dict) and page.get("sha256"):
                sizes[str(page["sha256"])] = int(page.get("size") or 0)
    return sizes


def request_for(row: OutboxItem) -> tuple[str, str, Any] | None:
    """(method, path, body) for an outbox row; None for a kind this engine does not know."""
    payload = row.payload or {}
    if row.kind == "dossier.create":
        return "PUT", f"/v1/dossiers/{row.dossier_id}", {"version": int(payload.get("version", 1)),
                                                          "dossier": payload}
    if row.kind == "dossier.update":
        return "PUT", f"/v1/dossiers/{row.dossier_id}", payload
    if row.kind in ("dossier.event", "dossier.status"):
        return "POST", f"/v1/dossiers/{row.dossier_id}/events", payload
    return None


class _Pass:
    """State of one pass; methods are the steps of `sync_once`."""

    def __init__(self, store: Any, client: PortalClient, now: datetime, progress: Progress,
                 ignore_backoff: bool) -> None:
        self.store, self.client, self.now, self.progress = store, client, now, progress
        self.ignore_backoff = ignore_backoff
        self.report = SyncReport()
        self.stats = UploadStats()
        self.chunk = MAX_CHUNK

    # -- outbox -----------------------------------------------------------------------------
    def _groups(self, session: Session) -> list[_Group]:
        rows = session.scalars(select(OutboxItem).where(OutboxItem.state != "sent")
                               .order_by(OutboxItem.seq)).all()
        blocked = {r.dossier_id for r in rows if r.state == "quarantined" and r.dossier_id}
        groups: dict[str, _Group] = {}
        for row in rows:
            if row.state != "pending":
                continue
            key = row.dossier_id or row.id
            if key in blocked:
                continue
            group = groups.setdefault(key, _Group(key, [], {}))
            group.rows.append(row)
            group.sizes.update(_page_sizes(row.payload))
        ready = []
        for group in groups.values():
            head = group.rows[0]
            due = head.next_attempt_at is None or head.next_attempt_at <= self.now or (
                self.ignore_backoff and (head.last_error or "").startswith(NETWORK))
            if due:
                ready.append(group)
        return ready

    def push(self) -> None:
        with self.store.read_session() as session:
            groups = self._groups(session)
            session.expunge_all()  # plain objects from here on; rows are re-read to be written
        wanted = [h for g in groups for h in g.sizes]
        missing = missing_hashes(self.client, wanted) if wanted else set()
        metered = bool(self.store.get_setting(state.METERED, False))
        runnable: list[_Group] = []
        for group in groups:
            group.missing = sorted((h for h in group.sizes if h in missing), key=lambda h: group.sizes[h])
            if group.missing and metered:
                self.report.held_metered += len(group.rows)
            else:
                runnable.append(group)
        runnable.sort(key=lambda g: (bool(g.missing), g.missing_bytes, g.rows[0].seq))
        self.progress.start(sum(len(g.rows) for g in runnable), sum(g.missing_bytes for g in runnable))
        for group in runnable:
            self._push_group(group)

    def _push_group(self, group: _Group) -> None:
        head = group.rows[0]
        if group.missing and not self._upload(head, group.missing):
            return
        for row in group.rows:
            if not self._send(row):
                return  # later rows of this dossier wait: order within a dossier is kept

    def _upload(self, row: OutboxItem, hashes: list[str]) -> bool:
        """Upload `hashes` for `row`'s dossier; False (row already marked) when it cannot go on."""
        for sha in hashes:
            self.progress.phase("uploading", sha[:12])
            try:
                data = self.store.blobs.get(sha)
            except MotcuaError as error:
                local = (f"Trang quét {sha[:12]}… không đọc được trên máy này — "
                         f"local page file: {error.message}")
                self._mark(row, lambda r: mark_quarantined(r, local))
                return False
            try:
                upload_blob(self.client, sha, data, chunk_bytes=self.chunk, stats=self.stats,
                            on_bytes=self.progress.add_bytes)
            except UploadRefused as error:
                refusal = error.message  # the portal's words, verbatim
                self._mark(row, lambda r: mark_quarantined(r, refusal))
                return False
            except UploadFailed as error:
                self._classified(row, error.reply)
                return False
            except LinkDown as error:
                self._link_down(row, error)
        return True

    def _send(self, row: OutboxItem) -> bool:
        request = request_for(row)
        if request is None:
            self._mark(row, lambda r: mark_quarantined(
                r, f"loại thay đổi {row.kind!r} không được hỗ trợ — unsupported outbox kind {row.kind!r}"))
            return False
        method, path, body = request
        self.progress.phase("sending", str((row.payload or {}).get("code", row.dossier_id or "")))
        for _ in range(2):  # a second go only after uploading scans the portal says it lacks
            try:
                reply = self.client.mutate(method, path, body, row.id)
            except LinkDown as error:
                self._link_down(row, error)
            if outcome_of(reply) == "missing_blobs" and self._missing_again(row, reply):
                continue
            break
        return self._classified(row, reply) == "done"

    def _missing_again(self, row: OutboxItem, reply: Reply) -> bool:
        hashes = list(reply.error.get("details", {}).get("hashes", []))
        return bool(hashes) and self._upload(row, hashes)

    def _classified(self, row: OutboxItem, reply: Reply) -> str:
        if outcome_of(reply) == "auth":
            raise _AuthStop(reply)
        outcome = self._mark(row, lambda r: apply_reply(r, reply, self.now))
        if outcome == "done":
            self.report.sent += 1
            self.progress.item_done()
        elif outcome == "quarantine":
            self.report.quarantined += 1
        else:
            self.report.retrying += 1
        return str(outcome)

    def _link_down(self, row: OutboxItem, error: LinkDown) -> None:
        self._mark(row, lambda r: mark_retry(r, self.now, NETWORK + str(error)))
        self.report.retrying += 1
        raise _Offline(str(error))

    def _mark(self, row: OutboxItem, change: Callable[[OutboxItem], Any]) -> Any:
        with self.store.session() as session:
            fresh = session.get(OutboxItem, row.seq)
            if fresh is None or fresh.state != "pending":
                return "done" if fresh is not None and fresh.state == "sent" else "quarantine"
            return change(fresh)


def _classify_bundle_result(now: datetime) -> Callable[[Session, OutboxItem, Reply], None]:
    def classify(_session: Session, row: OutboxItem, reply: Reply) -> None:
        if reply.status != 401:
            apply_reply(row, reply, now)
    return classify


def _fetcher(client: PortalClient) -> Callable[[str], bytes]:
    def fetch(url: str) -> bytes:
        check_portal_url(url)  # the same HTTPS-or-loopback rule as the portal itself
        reply = client.http.get(url, timeout=client.timeout)
        reply.raise_for_status()
        return reply.content
    return fetch


def _write_state(store: Any, report: SyncReport, now: datetime) -> None:
    with store.session() as session:
        state.put(session, state.ONLINE, report.online)
        state.put(session, state.LAST_ATTEMPT, now.isoformat())
        if report.auth_failed:
            state.put(session, state.AUTH_FAILED, report.auth_failed)
        if report.online and not report.errors and not report.auth_failed:
            state.put(session, state.LAST_SUCCESS, now.isoformat())
            state.delete(session, state.LAST_ERROR)
        elif report.errors or report.auth_failed:
            state.put(session, state.LAST_ERROR, report.auth_failed or report.errors[-1])


def sync_once(store: Any, *, now: datetime | None = None, progress: Progress | None = None,
              ignore_backoff: bool = False, pull: bool = True, reserve: bool = True) -> SyncReport:
    """One full pass against the enrolled portal; never raises for link or portal trouble."""
    now = now or utcnow()
    progress = progress or Progress()
    with store.read_session() as session:
        creds = credentials(session)
    if creds is None:
        return SyncReport(enrolled=False, errors=["this desk is not enrolled: run motcua enroll"])
    client = PortalClient(creds.portal_url, secret=creds.secret, acting_user=store.user.username)
    run = _Pass(store, client, now, progress, ignore_backoff)
    report = run.report
    try:
        limits = client.limits()
        report.online = True
        if limits.ok and isinstance(limits.body, dict):
            run.chunk = max(1, min(MAX_CHUNK, int(limits.body.get("max_chunk_bytes", MAX_CHUNK))))
        run.push()
        if pull:
            progress.phase("pulling")
            pulled, failed = pull_changes(store, client, classify=_classify_bundle_result(now),
                                          fetch=_fetcher(client))
            report.changes_applied = pulled.applied
            report.status_changes = pulled.status_changes
            report.errors += pulled.problems
            if failed is not None and outcome_of(failed) == "auth":
                raise _AuthStop(failed)
            if failed is not None:
                report.errors.append(f"change feed: HTTP {failed.status} {failed.message}")
        if reserve:
            blocks, problems, failed = top_up_blocks(store, client, now=now)
            report.blocks_reserved, report.errors = blocks, report.errors + problems
            if failed is not None:
                raise _AuthStop(failed)
    except _AuthStop as stop:
        report.auth_failed = stop.reply.message
    except (_Offline, LinkDown) as error:
        report.online = False
        report.errors.append(f"{NETWORK}{error}")
    except UploadFailed as error:
        if error.reply.status == 401:
            report.auth_failed = error.reply.message
        else:
            report.errors.append(f"HTTP {error.reply.status} {error.reply.code}: {error.reply.message}")
    finally:
        client.close()
        progress.finish()
    report.blobs_uploaded = run.stats.blobs
    report.bytes_uploaded = run.stats.bytes_sent
    report.chunks_sent = run.stats.chunks_sent
    report.waiting = store.outbox_stats().waiting
    _write_state(store, report, now)
    return report
