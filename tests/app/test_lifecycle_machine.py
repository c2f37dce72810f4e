"""Properties of the lifecycle machine (pure, no store): no action sequence reaches an illegal
state, roles are enforced, and pausing and resuming the clock moves the appointment exactly as
`compute_due(paused=…)` says."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.deadlines import OfficeHours, TimeRule, WorkCalendar, compute_due, working_time_between
from app.errors import InputError
from app.lifecycle.errors import LifecycleError, LifecycleRoleError
from app.lifecycle.machine import (ACTIONS, ActionInput, Context, DossierState, allowed_actions, resume,
                                   step)
from app.statuses import STATUSES, TRANSITIONS
from app.store.accounts import ROLES

HOLIDAYS = frozenset({date(2026, 11, 24), date(2027, 1, 1)} | {date(2027, 2, d) for d in range(5, 12)})
CAL = WorkCalendar(OfficeHours(), HOLIDAYS, frozenset())
RECEIVED = datetime(2026, 11, 23, 9, 0)
RULE = TimeRule("working_day", 3)


def inputs_for(action: str, now: datetime, due: datetime | None) -> ActionInput:
    """Complete input for `action` (so only state, role and lateness decide)."""
    return ActionInput(reason="Lý do", items=("Giấy chứng sinh",), body="Tư pháp - hộ tịch",
                       new_due=max(now, due or now) + timedelta(days=3), to="post", tracking="EB1")


def context(role: str, now: datetime, rule: TimeRule = RULE) -> Context:
    return Context(role=role, username="u", now=now, calendar=CAL, rule=rule, applicant_name="A",
                   documents_received=2, fee_due_vnd=0)


def test_every_action_edge_is_a_legal_transition() -> None:
    for spec in ACTIONS.values():
        for source in spec.sources:
            target = spec.target or source
            assert target in TRANSITIONS[source], (spec.name, source, target)
            assert not STATUSES[source].final


STEPS = st.lists(st.tuples(st.sampled_from(sorted(ACTIONS)), st.sampled_from(ROLES),
                           st.integers(min_value=0, max_value=3 * 24 * 60)), max_size=25)


@settings(max_examples=400, deadline=None)
@given(STEPS)
def test_no_action_sequence_reaches_an_illegal_state(steps: list[tuple[str, str, int]]) -> None:
    state = DossierState(status="DA_TIEP_NHAN", received_at=RECEIVED,
                         due_at=compute_due(RECEIVED, RULE, CAL))
    now = RECEIVED
    for action, role, minutes in steps:
        now += timedelta(minutes=minutes)
        spec = ACTIONS[action]
        try:
            after, details = step(state, action, inputs_for(action, now, state.due_at), context(role, now))
        except LifecycleRoleError:
            assert role not in spec.roles
            continue
        except LifecycleError as error:
            assert error.kind.startswith("lifecycle.")
            # Refused only for a reason: wrong state, or an apology for a dossier not late.
            assert state.status not in spec.sources or error.kind == "lifecycle.not_late"
            continue
        assert role in spec.roles and state.status in spec.sources
        assert after.status in TRANSITIONS[state.status]
        assert after.status == (spec.target or state.status)
        # The clock is stopped exactly while the status says so.
        assert (after.paused_at is not None) == STATUSES[after.status].clock_paused
        assert (after.returned_at is not None) == (after.status == "DA_TRA")
        # The first appointment is kept once the appointment moved.
        if after.due_at != state.due_at and state.due_at is not None:
            assert after.due_original is not None
        if action == "apologise":
            assert details["old_due"] == state.due_at.isoformat() and after.due_at > state.due_at
        state = after
    for action in ACTIONS:  # from a final status nothing moves
        if STATUSES[state.status].final:
            assert allowed_actions(state.status, "receiver") == []


@pytest.mark.parametrize("role", ROLES)
def test_roles(role: str) -> None:
    allowed = {name for name, spec in ACTIONS.items() if role in spec.roles}
    expected = {
        "admin": set(),
        "receiver": set(ACTIONS), "supervisor": set(ACTIONS),
        "post_agent": {"handover", "receive_back", "request_supplement", "supplement_received",
                       "return", "withdraw"},
        "community": {"handover", "request_supplement", "supplement_received", "withdraw"},
    }[role]
    assert allowed == expected


WORK_MOMENTS = st.builds(lambda day, minute: datetime(2026, 11, 23, 7, 0) + timedelta(days=day, minutes=minute),
                         st.integers(0, 120), st.integers(0, 11 * 60))
RULES = st.one_of(st.builds(TimeRule, st.just("working_day"), st.integers(1, 20), st.booleans()),
                  st.builds(TimeRule, st.just("hour"), st.integers(1, 60), st.just(False)),
                  st.builds(TimeRule, st.just("same_day"), st.just(0), st.booleans()),
                  st.builds(TimeRule, st.just("day"), st.integers(1, 30), st.booleans()))


@settings(max_examples=300, deadline=None)
@given(RULES, st.integers(0, 10 * 24 * 60),
       st.lists(st.tuples(st.integers(0, 5 * 24 * 60), st.integers(0, 6 * 24 * 60)), max_size=4))
def test_pause_and_resume_moves_due_like_compute_due(rule: TimeRule, offset: int,
                                                     gaps: list[tuple[int, int]]) -> None:
    """Each wait shifts the appointment by the office time it covered: folding `resume` over the
    waits gives what `compute_due(paused=…)` gives for all of them at once."""
    received = RECEIVED + timedelta(minutes=offset)
    state = DossierState(status="DANG_XU_LY", received_at=received, due_at=compute_due(received, rule, CAL))
    first_due = state.due_at
    moment, spans = received, []
    for before, length in gaps:
        start = moment + timedelta(minutes=before)
        end = start + timedelta(minutes=length)
        state, details = resume(DossierState(**{**state.__dict__, "paused_at": start}), end,
                                context("receiver", end))
        spans.append((start, end))
        assert details["paused_working_minutes"] == int(working_time_between(start, end, CAL).total_seconds() // 60)
        moment = end
    assert state.due_at == compute_due(received, rule, CAL, paused=spans)
    assert state.due_original == (first_due if state.due_at != first_due else None)


@settings(max_examples=200, deadline=None)
@given(RULES, st.integers(0, 10 * 24 * 60), st.integers(0, 8 * 24 * 60))
def test_incomplete_at_reception_gets_its_appointment_when_complete(rule: TimeRule, offset: int,
                                                                    wait: int) -> None:
    received = RECEIVED + timedelta(minutes=offset)
    state = DossierState(status="CHO_BO_SUNG", received_at=received, due_at=None, paused_at=received)
    resumed = received + timedelta(minutes=wait)
    after, details = resume(state, resumed, context("receiver", resumed, rule))
    assert after.due_at == compute_due(received, rule, CAL, paused=[(received, resumed)])
    assert working_time_between(resumed, after.due_at, CAL) >= timedelta(0)
    assert after.due_original is None and after.paused_at is None
    assert details["new_due"] == after.due_at.isoformat()


def test_apology_only_for_late_or_soon_late_and_later_due() -> None:
    due = datetime(2026, 12, 10, 17, 0)  # Thursday
    state = DossierState(status="DANG_XU_LY", received_at=RECEIVED, due_at=due)
    far = datetime(2026, 12, 1, 9, 0)  # 7 working days before: not late, not due soon
    with pytest.raises(LifecycleError) as refused:
        step(state, "apologise", ActionInput(reason="r", new_due=due + timedelta(days=2)), context("receiver", far))
    assert refused.value.kind == "lifecycle.not_late"
    soon = datetime(2026, 12, 9, 9, 0)  # within 2 working days of the due time
    after, details = step(state, "apologise", ActionInput(reason="Chờ xác minh", new_due=due + timedelta(days=2)),
                          context("receiver", soon))
    assert (after.due_at, after.due_original) == (due + timedelta(days=2), due)
    assert details == {"old_due": due.isoformat(), "new_due": (due + timedelta(days=2)).isoformat(),
                       "reason": "Chờ xác minh"}
    with pytest.raises(LifecycleError) as earlier:
        step(state, "apologise", ActionInput(reason="r", new_due=due - timedelta(hours=1)), context("receiver", soon))
    assert earlier.value.kind == "lifecycle.new_due_not_later"


def test_portal_transition_check_is_the_same_table() -> None:
    from app.statuses import check_transition

    check_transition("DANG_XU_LY", "DANG_XU_LY")  # handover to a second body, receive back
    check_transition("CHO_BO_SUNG", "TU_CHOI")
    with pytest.raises(InputError):
        check_transition("DA_TRA", "DANG_XU_LY")


@pytest.mark.parametrize("text", ["x\x1b[2Jy", "Nguyễn\u202eVăn", "a\u200bb"])
def test_texts_that_would_hide_or_reorder_what_prints_are_refused(text: str) -> None:
    state = DossierState(status="DANG_XU_LY", received_at=RECEIVED, due_at=compute_due(RECEIVED, RULE, CAL))
    with pytest.raises(LifecycleError) as refused:
        step(state, "refuse", ActionInput(reason=text), context("receiver", RECEIVED))
    assert refused.value.kind == "lifecycle.bad_value" and refused.value.params == {"field": "reason"}
