"""Post-office agents and the commune's own desk issue one commune's dossier codes at once.

Two post-office desks (each of its own unit, granted the commune) and the commune's desk enrol,
then receive dossiers of the commune offline on the same day, each from the number range the
portal gave it for that commune; then they sync. Not one code may be issued twice, and every
dossier must reach the portal exactly once. Online, each desk then takes numbers the portal
reserved for it in the commune's 4-digit space, with the same result.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from app.clock import local_now
from app.reception.model import PageInput, ReceptionInvalid
from app.reception.service import confirm_reception
from portal.admin import create_enrolment_token, list_dossiers
from portal.db import dispose
from sync.engine import sync_once
from sync.enrolment import enrol
from tests.app.reception_support import UNIT, birth_request, build_template, open_copy, padded_png, template
from tests.portal.support import portal_process
from tests.sync.exactly_once import check_exactly_once

POST_OFFICES = ("000.99.01.H56", "000.99.02.H56")
EACH = 5


def _receive(desk: Any, folder: Path, name: str, *, for_unit: str, today: bool = False) -> str:
    request = birth_request(desk, folder / "pages")
    scan = padded_png(folder / f"{name}.png", 1200, name.encode())
    request.documents[0].pages = [PageInput(scan, "image/png")]
    if desk.unit.code != for_unit:
        request.channel, request.destination_unit = "post_office", for_unit
    if today:
        request.received_at = local_now()
    return confirm_reception(desk, request).code


def _drain(desk: Any) -> None:
    for _ in range(5):
        report = sync_once(desk, ignore_backoff=True)
        if report.online and not report.errors and desk.outbox_stats().waiting == 0:
            return
    raise AssertionError(f"desk did not drain: {report} {desk.outbox_stats()}")


def test_two_agent_desks_and_the_commune_desk_never_collide(tmp_path: Path) -> None:
    db_url, blobs = f"sqlite:///{tmp_path / 'portal.db'}", tmp_path / "portal-blobs"
    commune = open_copy(template(), tmp_path / "commune")
    agents = [open_copy(build_template(tmp_path / f"tpl-{unit}", unit=unit, unit_name=f"Bưu điện {n}"),
                        tmp_path / f"agent-{n}") for n, unit in enumerate(POST_OFFICES, 1)]
    desks = [commune, *agents]
    with ExitStack() as stack:
        stack.callback(dispose, db_url)
        for desk in desks:
            stack.callback(desk.close)
        portal = stack.enter_context(portal_process(db_url, blobs, tmp_path / "portal.log"))
        enrol(commune, portal.url, create_enrolment_token(db_url, UNIT))
        for agent in agents:
            # Before the grant an agent desk refuses the commune's dossier at the counter, before a
            # receipt with a code the portal would refuse is printed.
            enrol(agent, portal.url, create_enrolment_token(db_url, agent.unit.code, kind="post_office"))
            with pytest.raises(ReceptionInvalid) as refused:
                _receive(agent, tmp_path / "refused", "refused", for_unit=UNIT)
            assert [p.field for p in refused.value.problems] == ["destination_unit"]
        for agent in agents:  # enrolled again, this time with the commune granted
            enrol(agent, portal.url, create_enrolment_token(db_url, agent.unit.code, kind="post_office",
                                                           grant_units=[UNIT]))
        # Offline: no pass has reserved anything, so every desk issues from its own range.
        offline = [_receive(desk, tmp_path / f"d{n}", f"off-{n}-{i}", for_unit=UNIT)
                   for n, desk in enumerate(desks) for i in range(EACH)]
        assert len(offline) == len(set(offline)) == 3 * EACH, sorted(offline)
        assert all(len(code.rsplit("-", 1)[1]) == 5 for code in offline)
        for desk in desks:
            _drain(desk)
        # Online: numbers the portal reserved in the commune's own 4-digit space.
        online = [_receive(desk, tmp_path / f"d{n}", f"on-{n}-{i}", for_unit=UNIT, today=True)
                  for n, desk in enumerate(desks) for i in range(EACH)]
        assert all(len(code.rsplit("-", 1)[1]) == 4 for code in online), online
        for desk in desks:
            _drain(desk)
        codes = [row["code"] for row in list_dossiers(db_url)]
        assert len(codes) == len(set(codes)) == 6 * EACH
        assert {code.rsplit("-", 2)[0] for code in codes} == {UNIT}
        check_exactly_once(desks, db_url, blobs)


def test_a_withdrawn_grant_quarantines_what_waits_and_stops_new_receptions(tmp_path: Path) -> None:
    from app.store.models import OutboxItem
    from portal.admin import withdraw_unit
    from sync import state

    db_url, blobs = f"sqlite:///{tmp_path / 'portal.db'}", tmp_path / "portal-blobs"
    agent = open_copy(build_template(tmp_path / "tpl", unit=POST_OFFICES[0], unit_name="Bưu điện"),
                      tmp_path / "agent")
    with ExitStack() as stack:
        stack.callback(dispose, db_url)
        stack.callback(agent.close)
        portal = stack.enter_context(portal_process(db_url, blobs, tmp_path / "portal.log"))
        enrol(agent, portal.url, create_enrolment_token(db_url, agent.unit.code, kind="post_office",
                                                       grant_units=[UNIT]))
        waiting = _receive(agent, tmp_path / "d", "waiting", for_unit=UNIT)
        with agent.read_session() as session:
            device_id = state.get(session, state.DEVICE_ID)
        withdraw_unit(db_url, device_id, UNIT)
        report = sync_once(agent)
        assert report.online and report.sent == 0 and report.quarantined == 1
        with agent.read_session() as session:
            row = session.query(OutboxItem).one()
        assert row.state == "quarantined" and UNIT in (row.last_error or "") and waiting in row.payload["code"]
        # The withdrawal reached the desk in the same pass: the counter now refuses the unit.
        with pytest.raises(ReceptionInvalid):
            _receive(agent, tmp_path / "d", "after", for_unit=UNIT)
        assert sync_once(agent).quarantined == 0  # nothing is retried in a loop
