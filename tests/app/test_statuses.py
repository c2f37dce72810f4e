"""The dossier state machine and its national codes."""

from __future__ import annotations

import pytest

from app.errors import InputError
from app.statuses import INITIAL_STATUS, STATUSES, TRANSITIONS, check_transition, status


def test_every_status_has_a_distinct_national_code_and_transitions() -> None:
    assert len({s.dvcqg for s in STATUSES.values()}) == len(STATUSES)
    assert set(TRANSITIONS) == set(STATUSES)
    assert all(target in STATUSES for targets in TRANSITIONS.values() for target in targets)
    assert status(INITIAL_STATUS).dvcqg == 2


def test_final_statuses_have_no_way_out_and_pauses_stop_the_clock() -> None:
    for s in STATUSES.values():
        assert (not TRANSITIONS[s.name]) == s.final
    assert {s.name for s in STATUSES.values() if s.clock_paused} == {"CHO_BO_SUNG", "CHO_NVTC"}


def test_transitions_are_checked() -> None:
    check_transition("DANG_XU_LY", "CHO_BO_SUNG")
    with pytest.raises(InputError, match="DA_TRA"):
        check_transition("DA_TRA", "DANG_XU_LY")
    with pytest.raises(InputError, match="status"):
        check_transition("DANG_XU_LY", "LOST")
