"""The desk's side of audit anchors (docs/sync-protocol.md §11, app/store/anchors.py).

Every sync pass first reads back the anchor the portal keeps for this device and checks the local
audit log still holds it; only then does it send the log's current head. A log that lost its tail
or was rewritten is reported as a tamper warning and its head is NOT sent, so the portal keeps
the evidence. The portal's 409 (an anchor that goes backwards) is the same warning, never retried
within the pass. `portal_anchor` is what `motcua check` compares against.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.store.anchors import AnchorLookup, compare, current_anchor, parse_anchor
from sync.client import LinkDown, PortalClient, Reply
from sync.enrolment import credentials
from sync.problems import SyncProblem

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

PATH = "/v1/audit-anchor"
TAMPER = "audit log tamper warning: "  # prefix of the sync report's error for a refused anchor
SOURCE = "portal"


def _kept(reply: Reply, client: PortalClient) -> AnchorLookup:
    """The anchor in a GET answer; 404 means the portal holds none for this device yet."""
    if reply.status == 404:
        return AnchorLookup(None, f"the portal {client.base_url} holds no audit anchor for this desk yet")
    if not reply.ok:
        return AnchorLookup(None, f"the portal {client.base_url} did not give its audit anchor: "
                                  f"HTTP {reply.status} {reply.message[:80]}")
    body = reply.body if isinstance(reply.body, dict) else {}
    anchor = parse_anchor(body, f"{SOURCE} {client.base_url}")
    if anchor is None:
        return AnchorLookup(None, f"the portal {client.base_url} answered with a malformed audit anchor")
    return AnchorLookup(anchor)


def send_anchor(store: Store, client: PortalClient) -> list[str]:
    """Check the log against the portal's anchor, then send its head; the warnings to report.
    A link failure is raised as LinkDown, like any other request of the pass."""
    kept = _kept(client.request("GET", PATH), client)
    with store.read_session() as session:
        problem = compare(session, kept.anchor) if kept.anchor is not None else None
        head = current_anchor(session)
    if problem:
        return [SyncProblem(TAMPER + problem, kind="sync.audit_log_mismatch")]
    if head is None:
        return []
    reply = client.request("PUT", PATH, json_body=head.to_wire())
    if reply.status == 409:
        return [SyncProblem(TAMPER + reply.message, kind="sync.audit_log_mismatch")]
    if not reply.ok:
        return [SyncProblem(f"audit anchor: the portal did not keep it: HTTP {reply.status} {reply.message[:80]}",
                            kind="sync.audit_anchor_not_kept", params={"status": reply.status})]
    return []


def portal_anchor(store: Store) -> AnchorLookup:
    """The anchor the portal keeps for this desk, for `motcua check`; a note when there is none."""
    with store.read_session() as session:
        creds = credentials(session)
    if creds is None:
        return AnchorLookup(None, "this desk is not enrolled with a portal: no portal anchor")
    try:
        with PortalClient(creds.portal_url, secret=creds.secret, acting_user=store.user.username,
                          timeout=(5.0, 15.0)) as client:
            return _kept(client.request("GET", PATH), client)
    except LinkDown as error:
        return AnchorLookup(None, f"could not reach the portal {creds.portal_url} ({str(error)[:80]}); "
                                  f"compared with the local anchors only")
