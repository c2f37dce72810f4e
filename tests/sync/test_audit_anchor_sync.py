"""Audit anchors through a real portal on loopback: every sync pass sends the chain's head; a
desk whose log lost its tail or was rewritten gets a tamper warning (once per pass, no retry
loop) and `check` names the portal's anchor; an offline portal is said, not hidden."""

from __future__ import annotations

import pytest

from app.store.anchors import current_anchor
from app.store.service import open_store
from sync import state
from sync.anchor import TAMPER, portal_anchor
from sync.engine import sync_once
from sync.problems import SyncProblem
from tests.app.audit_tamper import tamper_audit
from tests.app.reception_support import PASSWORD
from tests.sync.support import receive


def tamper(store, *statements: str, recompute: bool = False):  # type: ignore[no-untyped-def]
    """Change the closed store's audit rows behind the application's back; reopen it."""
    store.close()
    tamper_audit(store.paths, "admin", PASSWORD, *statements, recompute=recompute)
    return open_store(store.paths, username="admin", password=PASSWORD)


def test_sync_sends_the_head_and_check_compares_with_the_portal(enrolled, proxy, tmp_path) -> None:
    receive(enrolled, tmp_path)
    report = sync_once(enrolled, reserve=False)
    assert report.online and report.errors == [], report
    kept = portal_anchor(enrolled).anchor
    assert kept is not None and kept.source == f"portal {proxy.url}"
    with enrolled.read_session() as session:
        assert current_anchor(session).seq >= kept.seq >= 2
    result = enrolled.check(anchor_sources=[portal_anchor])
    assert result.ok and any(a.startswith(f"portal {proxy.url} (seq {kept.seq},") for a in result.anchors)


@pytest.mark.parametrize("attack", ["delete_tail", "rewrite"])
def test_tampered_log_is_a_warning_at_sync_and_fails_check(enrolled, tmp_path, attack: str) -> None:
    receive(enrolled, tmp_path)
    assert sync_once(enrolled, reserve=False).errors == []
    kept = portal_anchor(enrolled).anchor
    if attack == "delete_tail":
        store = tamper(enrolled, f"DELETE FROM audit_events WHERE seq > {kept.seq - 3}")
    else:
        store = tamper(enrolled, "DELETE FROM audit_events WHERE seq = 2", recompute=True)
    try:
        for _ in range(2):  # every pass says it again; nothing loops within a pass
            report = sync_once(store, reserve=False)
            tamper_errors = [e for e in report.errors if e.startswith(TAMPER)]
            assert len(tamper_errors) == 1 and f"seq {kept.seq}" in tamper_errors[0], report.errors
        last = SyncProblem.load(store.get_setting(state.LAST_ERROR))
        assert last is not None and last.startswith(TAMPER) and last.kind == "sync.audit_log_mismatch"
        assert portal_anchor(store).anchor == kept  # the portal still holds the evidence
        result = store.check(anchor_sources=[portal_anchor])
        assert not result.ok
        word = "deleted" if attack == "delete_tail" else "rewritten"
        assert any(word in p and "portal" in p for p in result.problems), result.problems
    finally:
        store.close()


def test_check_says_when_the_portal_cannot_be_reached(enrolled, proxy, tmp_path) -> None:
    assert sync_once(enrolled, reserve=False).errors == []
    enrolled.backup()
    proxy.refuse(True)
    result = enrolled.check(anchor_sources=[portal_anchor])
    assert result.ok, result.problems
    assert any(note.startswith("could not reach the portal") for note in result.anchor_notes)
    assert len(result.anchors) == 1 and result.anchors[0].startswith("backup motcua-backup-")
