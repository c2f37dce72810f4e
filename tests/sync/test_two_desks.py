"""Two desks of one unit (two data folders) and a portal on loopback converge.

Both desks enrol with their own one-time token, receive dossiers (some while their link is
refused, some while the portal process is down), and sync as the desk does (a pass after each
batch, a link-up pass ignoring backoff once the portal answers again). The portal must then hold
the union of both desks' dossiers exactly once with distinct codes; a status the portal sets
on one desk's dossier comes back to that desk (store and SyncReport), and to no other.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.clock import local_now
from app.reception.model import PageInput
from app.reception.service import confirm_reception
from app.store.models import Dossier, StatusEvent
from portal.admin import create_enrolment_token, list_dossiers, set_status
from portal.db import dispose
from sync import state
from sync.engine import sync_once
from sync.enrolment import enrol
from tests.app.reception_support import birth_request, open_copy, padded_png, template
from tests.sync.exactly_once import check_exactly_once
from tests.portal.support import portal_process
from tests.sync.proxy import FaultProxy
from tests.sync.support import receive

PER_BATCH = 4


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def _receive_today(store: Any, folder: Path, name: str) -> str:
    """A reception filed now, so it takes a number the portal reserved for this desk today."""
    request = birth_request(store, folder / "pages")
    scan = padded_png(folder / f"{name}.png", 1600, name.encode())
    request.documents[0].pages = [PageInput(scan)]
    request.received_at = local_now()
    return confirm_reception(store, request).code


def _receive_batch(store: Any, folder: Path, tag: str, *, today: bool = False) -> list[str]:
    """PER_BATCH receptions with distinct scans; their codes."""
    if today:
        return [_receive_today(store, folder, f"{tag}-{i}") for i in range(PER_BATCH)]
    return [receive(store, folder, name=f"{tag}-{i}").code for i in range(PER_BATCH)]


def _drain(store: Any) -> None:
    """Link-up passes (backoff ignored, as the runner does when the portal answers again)."""
    for _ in range(5):
        report = sync_once(store, ignore_backoff=True)
        if report.online and not report.errors and store.outbox_stats().waiting == 0:
            return
    raise AssertionError(f"desk did not drain: {report} {store.outbox_stats()}")


def test_two_desks_and_a_portal_converge(tmp_path: Path) -> None:
    db_url, blobs = f"sqlite:///{tmp_path / 'portal.db'}", tmp_path / "portal-blobs"
    desks = [open_copy(template(), tmp_path / f"desk{n}") for n in (1, 2)]
    folders = [tmp_path / f"scans{n}" for n in (1, 2)]
    with ExitStack() as stack:
        stack.callback(dispose, db_url)
        for desk in desks:
            stack.callback(desk.close)
        first = stack.enter_context(portal_process(db_url, blobs, tmp_path / "portal.log"))
        # Each desk reaches the portal at its own fixed address (a proxy), whatever port it has.
        links = [stack.enter_context(FaultProxy(_port(first.url))) for _ in desks]
        slots = [enrol(d, link.url, create_enrolment_token(db_url, d.unit.code)).device_slot
                 for d, link in zip(desks, links)]
        assert len(set(slots)) == 2, slots  # distinct slots: distinct offline number ranges
        for n, desk in enumerate(desks):
            _receive_batch(desk, folders[n], f"a{n}")
            assert sync_once(desk).sent == PER_BATCH
            # Numbers the portal reserved for this desk during that pass: four-digit codes.
            today = _receive_batch(desk, folders[n], f"t{n}", today=True)
            assert all(len(code.rsplit("-", 1)[1]) == 4 for code in today), today
            assert sync_once(desk).sent == PER_BATCH
        # Desk 1's link is down (connections refused): it keeps receiving, sync fails softly.
        links[0].refuse(True)
        _receive_batch(desks[0], folders[0], "b0")
        report = sync_once(desks[0])
        assert not report.online and report.sent == 0
        first.proc.kill()  # the portal dies (kill -9) with desk 2's batch unsent
        first.proc.wait()
        _receive_batch(desks[1], folders[1], "b1")
        report = sync_once(desks[1])
        assert not report.online and report.sent == 0
        # The portal comes back on another port; the desks' addresses stay the same.
        second = stack.enter_context(portal_process(db_url, blobs, tmp_path / "portal.log"))
        for link in links:
            link.upstream = ("127.0.0.1", _port(second.url))
        links[0].refuse(False)
        for desk in desks:
            _drain(desk)
        result = check_exactly_once(desks, db_url, blobs)
        assert result.dossiers == 2 * 3 * PER_BATCH
        assert len({row["code"] for row in list_dossiers(db_url)}) == result.dossiers
        # The processing body moves one of desk 2's dossiers on; only desk 2 hears of it.
        with desks[1].read_session() as session:
            target = session.scalars(select(Dossier).order_by(Dossier.code)).first()
        set_status(db_url, target.code, "DANG_XU_LY", "Chuyển phòng Tư pháp")
        other = sync_once(desks[0])
        mine = sync_once(desks[1])
        assert other.online and other.status_changes == []
        assert mine.status_changes == [{"code": target.code, "status": "DANG_XU_LY"}]
        with desks[1].read_session() as session:
            assert session.get(Dossier, target.id).status == "DANG_XU_LY"
            events = session.scalars(select(StatusEvent.status)
                                     .where(StatusEvent.dossier_id == target.id)).all()
        assert sorted(events) == ["DANG_XU_LY", "DA_TIEP_NHAN"]
        assert check_exactly_once(desks, db_url, blobs).events == 1
        assert all(d.get_setting(state.AUTH_FAILED) is None for d in desks)
