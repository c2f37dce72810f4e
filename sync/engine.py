"""One sync pass: push the outbox, pull the change feed, top up number blocks (`sync_once`).

Delivery order (product §6): ordered within a dossier (outbox `seq`), independent across
dossiers. Dossiers needing no scans go first, then the others by the bytes they still have to
upload, smallest first, each dossier's missing scans sent just before its JSON. A few dossiers
are in flight at once (`WORKERS` threads, each with its own connection, each taking the next
dossier in that order and keeping it to the end), so round trips overlap instead of adding up.
A dossier that waits (backoff) or is quarantined only holds back its own later rows; an
authentication failure stops the pass and is remembered for the UI until the desk is enrolled again.

Store writes are short transactions, so a reception at the desk never waits for the link;
acknowledgements are written in small batches (sync/marks.py: a crash can only cause a re-send).
Times in this module are naive UTC, the outbox's bookkeeping convention.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import MotcuaError
from app.limits import Limits
from app.store.models import OutboxItem, utcnow
from app.training import is_training_session
from app.wire import WireProblem, outbox_request
from sync import state
from sync.anchor import send_anchor
from sync.blocks import top_up_blocks
from sync.classify import apply_reply, device_refused, mark_quarantined, mark_retry, outcome_of
from sync.client import LinkDown, PortalClient, Reply, check_portal_url
from sync.enrolment import credentials
from sync.limits import remember_limits
from sync.marks import OutboxMarks
from sync.progress import Progress
from sync.problems import NETWORK, SyncProblem
from sync.pull import pull_changes
from sync.units import refresh_units
from sync.uploads import MissingBlobs, UploadFailed, UploadRefused, UploadStats, missing_hashes, upload_blob

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

log = logging.getLogger(__name__)
MAX_CHUNK = 4 * 1024 * 1024
# Dossiers in flight at once. While one waits for the portal's answer (a round trip: 300 ms on a
# rural line, an fsync on loopback) the others keep the line and the portal busy. Three is enough
# to hide a 300 ms round trip behind 384 kbit/s of scans; more only adds contention.
WORKERS = 3


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
    auth_failed: SyncProblem | None = None  # the portal's words when it refused this desk
    errors: list[str] = field(default_factory=list)  # SyncProblems: English text with a kind

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
    offsets: dict[str, int | None] = field(default_factory=dict)  # where each missing upload resumes

    @property
    def missing_bytes(self) -> int:
        return sum(self.sizes.get(h, 0) for h in self.missing)


def page_sizes(payload: dict[str, Any]) -> dict[str, int]:
    """{sha256: size} of the scans an outbox payload references (what must reach the portal)."""
    dossier = payload.get("dossier", payload) if isinstance(payload, dict) else {}
    sizes: dict[str, int] = {}
    for doc in dossier.get("documents", []) or []:
        for page in doc.get("pages", []) or []:
            if isinstance(page, dict) and page.get("sha256"):
                sizes[str(page["sha256"])] = int(page.get("size") or 0)
    return sizes


def request_for(row: OutboxItem) -> tuple[str, str, Any] | None:
    """(method, path, body) for an outbox row, checked against the wire schema (app/wire.py);
    None for a kind this engine does not know. Raises WireProblem for a payload the portal
    would refuse, so the row is quarantined here with the field named, not sent."""
    return outbox_request(row.kind, row.dossier_id, row.payload or {})


class _Worker:
    """One delivery thread's own connection and upload counters (a PortalClient is thread-confined)."""

    def __init__(self, client: PortalClient) -> None:
        self.client = client
        self.stats = UploadStats()


class _Pass:
    """State of one pass; methods are the steps of `sync_once`."""

    def __init__(self, store: Store, client: PortalClient, now: datetime, progress: Progress,
                 ignore_backoff: bool, make_client: Callable[[], PortalClient]) -> None:
        self.store, self.client, self.now, self.progress = store, client, now, progress
        self.ignore_backoff = ignore_backoff
        self.make_client = make_client
        self.report = SyncReport()
        self.stats = UploadStats()
        self.chunk = MAX_CHUNK
        self.marks = OutboxMarks(store, now)
        self._lock = threading.Lock()  # the report's counters, the queue, the first failure
        self._stop = threading.Event()
        self._failure: BaseException | None = None

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
            group.sizes.update(page_sizes(row.payload))
        ready = []
        for group in groups.values():
            head = group.rows[0]
            due = head.next_attempt_at is None or head.next_attempt_at <= self.now or (
                self.ignore_backoff and _network(head.last_error))
            if due:
                ready.append(group)
        return ready

    def push(self) -> None:
        with self.store.read_session() as session:
            groups = self._groups(session)
            session.expunge_all()  # plain objects from here on; rows are re-read to be written
        wanted = [h for g in groups for h in g.sizes]
        missing = missing_hashes(self.client, wanted) if wanted else MissingBlobs(set(), {})
        metered = bool(self.store.get_setting(state.METERED, False))
        runnable: list[_Group] = []
        for group in groups:
            group.missing = sorted((h for h in group.sizes if h in missing.hashes),
                                   key=lambda h: group.sizes[h])
            group.offsets = {h: missing.offset_of(h) for h in group.missing}
            if group.missing and metered:
                self.report.held_metered += len(group.rows)
            else:
                runnable.append(group)
        runnable.sort(key=lambda g: (bool(g.missing), g.missing_bytes, g.rows[0].seq))
        self.progress.start(sum(len(g.rows) for g in runnable), sum(g.missing_bytes for g in runnable))
        try:
            self._deliver(runnable)
        finally:
            self.marks.flush()  # acknowledged rows are recorded even when the pass stops early

    def _deliver(self, groups: list[_Group]) -> None:
        """Push `groups` in order with up to WORKERS dossiers in flight, one worker per dossier at
        a time (so a dossier's rows keep their order); the first stop (auth, offline, a bug) ends
        the pass once the dossiers in flight are settled, and is raised here."""
        queue = deque(groups)
        threads = [threading.Thread(target=self._work, args=(queue,), name=f"sync-push-{i}", daemon=True)
                   for i in range(min(WORKERS, len(groups)))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if self._failure is not None:
            raise self._failure

    def _work(self, queue: deque[_Group]) -> None:
        worker = _Worker(self.make_client())
        try:
            while not self._stop.is_set():
                with self._lock:
                    if not queue:
                        return
                    group = queue.popleft()
                self._push_group(worker, group)
        except BaseException as error:  # handed to the pass's thread, which raises it
            with self._lock:
                self._failure = self._failure or error
            self._stop.set()
        finally:
            worker.client.close()
            with self._lock:
                self.stats.blobs += worker.stats.blobs
                self.stats.bytes_sent += worker.stats.bytes_sent
                self.stats.chunks_sent += worker.stats.chunks_sent

    def _push_group(self, worker: _Worker, group: _Group) -> None:
        head = group.rows[0]
        if group.missing and not self._upload(worker, head, group.missing, group.offsets):
            return
        for row in group.rows:
            if not self._send(worker, row):
                return  # later rows of this dossier wait: order within a dossier is kept

    def _upload(self, worker: _Worker, row: OutboxItem, hashes: list[str],
                offsets: dict[str, int | None] | None = None) -> bool:
        """Upload `hashes` for `row`'s dossier; False (row already marked) when it cannot go on."""
        for sha in hashes:
            self.progress.phase("uploading", sha[:12])
            try:
                data = self.store.blobs.get(sha)
            except MotcuaError as error:
                self._quarantine(row, SyncProblem(f"Trang quét {sha[:12]}… không đọc được trên máy này — "
                                                  f"local page file: {error.message}",
                                                  kind="sync.local_page_unreadable", params={"page": sha[:12]}))
                return False
            try:
                upload_blob(worker.client, sha, data, chunk_bytes=self.chunk, stats=worker.stats,
                            on_bytes=self.progress.add_bytes, offset=(offsets or {}).get(sha))
            except UploadRefused as error:
                self._quarantine(row, error.problem)  # the portal's words, verbatim
                return False
            except UploadFailed as error:
                if error.reply.ok:
                    # "200" without the answer it should carry: the upload is not known to have
                    # landed, so it is retried, never taken as delivered.
                    self._retry(row, SyncProblem(f"{NETWORK}incomplete answer to a scan upload ({sha[:12]}…)",
                                                 kind="sync.portal_unreachable"))
                else:
                    self._classified(row, error.reply)
                return False
            except LinkDown as error:
                self._link_down(row, error)
        return True

    def _quarantine(self, row: OutboxItem, problem: SyncProblem) -> None:
        """Quarantine `row` now and count it in the report (unless it was delivered meanwhile)."""
        if self._mark(row, lambda r: mark_quarantined(r, problem)) != "done":
            with self._lock:
                self.report.quarantined += 1

    def _retry(self, row: OutboxItem, problem: SyncProblem) -> None:
        self._mark(row, lambda r: mark_retry(r, self.now, problem))
        with self._lock:
            self.report.retrying += 1

    def _send(self, worker: _Worker, row: OutboxItem) -> bool:
        try:
            request = request_for(row)
        except WireProblem as problem:
            self._quarantine(row, SyncProblem(
                f"dữ liệu gửi đi không hợp lệ ở trường {problem.field} ({problem.kind}) — "
                f"outgoing data is invalid at field {problem.field} ({problem.kind})",
                kind="sync.outgoing_data_invalid", params={"field": problem.field}))
            return False
        if request is None:
            self._quarantine(row, SyncProblem(f"loại thay đổi {row.kind!r} không được hỗ trợ — "
                                              f"unsupported outbox kind {row.kind!r}",
                                              kind="sync.outbox_kind_unsupported", params={"kind": row.kind[:40]}))
            return False
        method, path, body = request
        self.progress.phase("sending", str((row.payload or {}).get("code", row.dossier_id or "")))
        for _ in range(2):  # a second go only after uploading scans the portal says it lacks
            try:
                reply = worker.client.mutate(method, path, body, row.id)
            except LinkDown as error:
                self._link_down(row, error)
            if outcome_of(reply) == "missing_blobs" and self._missing_again(worker, row, reply):
                continue
            break
        return self._classified(row, reply) == "done"

    def _missing_again(self, worker: _Worker, row: OutboxItem, reply: Reply) -> bool:
        hashes = list(reply.error.get("details", {}).get("hashes", []))
        return bool(hashes) and self._upload(worker, row, hashes)

    def _classified(self, row: OutboxItem, reply: Reply) -> str:
        outcome = outcome_of(reply)
        if outcome == "auth":
            raise _AuthStop(reply)
        if outcome == "done":
            self.marks.acknowledged(row.seq, reply)
        else:
            outcome = self._mark(row, lambda r: apply_reply(r, reply, self.now))
        with self._lock:
            if outcome == "done":
                self.report.sent += 1
            elif outcome == "quarantine":
                self.report.quarantined += 1
            else:
                self.report.retrying += 1
        if outcome == "done":
            self.progress.item_done()
        return str(outcome)

    def _link_down(self, row: OutboxItem, error: LinkDown) -> None:
        self._retry(row, unreachable(error))
        raise _Offline(str(error))

    def _mark(self, row: OutboxItem, change: Callable[[OutboxItem], Any]) -> Any:
        return self.marks.change(row.seq, change)


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


def _network(last_error: str | None) -> bool:
    problem = SyncProblem.load(last_error)
    return problem is not None and problem.kind == "sync.portal_unreachable"


def unreachable(error: object) -> SyncProblem:
    return SyncProblem(f"{NETWORK}{error}", kind="sync.portal_unreachable")


def _stored(problem: str) -> dict[str, Any]:
    """A report's problem as the sync state keeps it (kind and parameters with the text)."""
    kept = problem if isinstance(problem, SyncProblem) else SyncProblem.load(problem)
    assert kept is not None
    return kept.to_state()


def _write_state(store: Store, report: SyncReport, now: datetime) -> None:
    with store.session() as session:
        state.put(session, state.ONLINE, report.online)
        state.put(session, state.LAST_ATTEMPT, now.isoformat())
        if report.auth_failed:
            state.put(session, state.AUTH_FAILED, _stored(report.auth_failed))
        if report.online and not report.errors and not report.auth_failed:
            state.put(session, state.LAST_SUCCESS, now.isoformat())
            state.delete(session, state.LAST_ERROR)
        elif report.errors or report.auth_failed:
            state.put(session, state.LAST_ERROR, _stored(report.auth_failed or report.errors[-1]))


def sync_once(store: Store, *, now: datetime | None = None, progress: Progress | None = None,
              ignore_backoff: bool = False, pull: bool = True, reserve: bool = True) -> SyncReport:
    """One full pass against the enrolled portal; never raises for link or portal trouble."""
    now = now or utcnow()
    progress = progress or Progress()
    with store.read_session() as session:
        creds = credentials(session)
        training = is_training_session(session)
    if training:  # sample data never reaches a portal, whatever the store says about enrolment
        return SyncReport(enrolled=False, errors=[SyncProblem("this is the training store: it is never synced",
                                                              kind="training.not_synced",
                                                              params={"what": "sync"})])
    if creds is None:
        return SyncReport(enrolled=False, errors=[SyncProblem("this desk is not enrolled: run motcua enroll",
                                                              kind="sync.not_enrolled")])
    def make_client() -> PortalClient:
        return PortalClient(creds.portal_url, secret=creds.secret, acting_user=store.user.username)

    client = make_client()
    run = _Pass(store, client, now, progress, ignore_backoff, make_client)
    report = run.report
    try:
        limits = client.limits()
        report.online = True
        remember_limits(store, limits)
        if limits.ok:
            run.chunk = min(MAX_CHUNK, Limits.from_wire(limits.body).max_chunk_bytes)
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
                report.errors.append(SyncProblem(f"change feed: HTTP {failed.status} {failed.message}",
                                                 kind="sync.feed_failed", params={"status": failed.status}))
        if reserve:
            if (problem := refresh_units(store, client)) is not None:
                report.errors.append(problem)
            blocks, problems, failed = top_up_blocks(store, client, now=now)
            report.blocks_reserved, report.errors = blocks, report.errors + problems
            if failed is not None:
                raise _AuthStop(failed)
        report.errors += send_anchor(store, client)  # last: the head covers this pass's events too
    except _AuthStop as stop:
        report.auth_failed = device_refused(stop.reply)
    except (_Offline, LinkDown) as error:
        report.online = False
        report.errors.append(unreachable(error))
    except UploadFailed as error:
        if error.reply.status == 401:
            report.auth_failed = device_refused(error.reply)
        else:
            report.errors.append(SyncProblem(f"HTTP {error.reply.status} {error.reply.code}: {error.reply.message}",
                                             kind="sync.portal_busy", params={"status": error.reply.status}))
    finally:
        client.close()
        progress.finish()
    report.blobs_uploaded = run.stats.blobs
    report.bytes_uploaded = run.stats.bytes_sent
    report.chunks_sent = run.stats.chunks_sent
    report.waiting = store.outbox_stats().waiting
    _write_state(store, report, now)
    return report
