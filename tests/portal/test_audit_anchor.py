"""`PUT/GET /v1/audit-anchor`: the portal keeps each device's newest audit-chain head and refuses
one that goes backwards (docs/sync-protocol.md §11), on SQLite and PostgreSQL."""

from __future__ import annotations

from tests.portal.support import Desk, enrol_desk

H1, H2 = "a" * 64, "b" * 64


def test_anchor_is_kept_per_device_and_never_goes_backwards(desk: Desk, portal, db_url: str) -> None:
    assert desk.http.get("/v1/audit-anchor").status_code == 404
    first = desk.http.put("/v1/audit-anchor", json={"seq": 10, "hash": H1, "at": "2026-01-02T03:04:05.000006Z"})
    assert first.status_code == 200 and first.json()["seq"] == 10
    assert desk.http.put("/v1/audit-anchor", json={"seq": 10, "hash": H1, "at": "x"}).status_code == 200
    # Shorter log, or the same seq with another hash: the log lost its tail or was rewritten.
    for seq, digest in ((9, H1), (10, H2)):
        refused = desk.http.put("/v1/audit-anchor", json={"seq": seq, "hash": digest, "at": "y"})
        assert refused.status_code == 409 and refused.json()["error"]["code"] == "anchor_conflict"
        assert "seq 10" in refused.json()["error"]["message"]
    assert desk.http.put("/v1/audit-anchor", json={"seq": 12, "hash": H2, "at": "z"}).status_code == 200
    kept = desk.http.get("/v1/audit-anchor").json()
    assert (kept["seq"], kept["hash"], kept["at"]) == (12, H2, "z")
    with enrol_desk(portal.url, db_url, "000.00.06.H56", user="mai") as other:
        assert other.http.get("/v1/audit-anchor").status_code == 404  # its own, not the unit's


def test_bad_anchor_names_the_field(desk: Desk) -> None:
    for body, field in (({"seq": 0, "hash": H1, "at": "t"}, "seq"), ({"seq": True, "hash": H1, "at": "t"}, "seq"),
                        ({"seq": 1, "hash": "A" * 64, "at": "t"}, "hash"), ({"seq": 1, "hash": H1}, "at"),
                        ({"seq": 1, "hash": H1, "at": "t" * 41}, "at"), ([1], "body")):
        answer = desk.http.put("/v1/audit-anchor", json=body)
        assert answer.status_code == 422 and answer.json()["error"]["field"] == field, body
    assert desk.http.get("/v1/audit-anchor").status_code == 404  # nothing was kept


def test_anchor_needs_a_device(portal) -> None:
    import httpx

    assert httpx.put(f"{portal.url}/v1/audit-anchor", json={"seq": 1, "hash": H1, "at": "t"}).status_code == 401


def test_the_portal_admin_acknowledges_a_restore_by_forgetting_the_anchor(desk, db_url) -> None:
    """After a restore from an older backup the desk's log is shorter; once the admin resets the
    anchor, the desk anchors its current head again instead of warning for ever."""
    from portal.admin import reset_anchor

    head = {"seq": 40, "hash": "a" * 64, "at": "2026-12-01T08:00:00"}
    assert desk.http.put("/v1/audit-anchor", json=head).status_code == 200
    older = {"seq": 12, "hash": "b" * 64, "at": "2026-11-20T08:00:00"}
    assert desk.http.put("/v1/audit-anchor", json=older).status_code == 409
    assert reset_anchor(db_url, desk.device_id)["seq"] == 40
    assert reset_anchor(db_url, desk.device_id) is None
    assert desk.http.put("/v1/audit-anchor", json=older).status_code == 200
