"""The lifecycle state machine: actions, who may take them, what they need, and one pure step.

A dossier's state for the machine is `DossierState` (status, appointment, clock pause, return);
`step` turns a state plus an action into the next state and the action's `details` (the JSON
kept on the status event, keys per action as docs/lifecycle.md lists them), or raises a
LifecycleError / LifecycleRoleError naming why not. Nothing here reads or writes the store, so
the property tests can drive thousands of action sequences; app/lifecycle/actions.py wraps the
step in one write transaction.

Clock pause (domain.md §8.1, product.md §5.1): entering a status whose `clock_paused` flag is set
(CHO_BO_SUNG, CHO_NVTC) stops the clock at that moment; leaving it moves the appointment forward
by the office time spent waiting (`resume`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from app.deadlines import TimeRule, WorkCalendar, compute_due, working_time_between
from app.errors import InputError
from app.lifecycle.errors import LifecycleError, LifecycleRoleError
from app.limits import DEFAULT_LIMITS
from app.statuses import STATUSES, check_transition
from app.text import collapse_spaces, describe_char, excerpt, nfc, unsafe_char

# Who may act: the receiving official and the supervisor take every action; a post-office agent
# receives, forwards and hands results back (often by post) but does not decide on a dossier;
# a community team member receives on visits and forwards. The administrator manages accounts
# and settings, not dossiers (separation of duties). docs/lifecycle.md has the table.
DESK = frozenset({"receiver", "supervisor"})
AGENTS = DESK | {"post_agent"}
EVERYONE = AGENTS | {"community"}

RETURN_TO = ("applicant", "representative", "post")
WORD_CHARS = 40  # ID numbers and postal tracking numbers (the wire's short-text limit)


@dataclass(frozen=True)
class ActionSpec:
    """One action: the statuses it may start from, the status it leads to (None: unchanged),
    the roles that may take it and the official form it produces (None: no form)."""

    name: str
    sources: frozenset[str]
    target: str | None
    roles: frozenset[str]
    form: str | None


def _spec(name: str, sources: set[str], target: str | None, roles: frozenset[str],
          form: str | None) -> tuple[str, ActionSpec]:
    return name, ActionSpec(name, frozenset(sources), target, roles, form)


OPEN = {"DA_TIEP_NHAN", "DANG_XU_LY"}  # received or in process: the clock runs
ACTIONS: dict[str, ActionSpec] = dict((
    _spec("handover", OPEN, "DANG_XU_LY", EVERYONE, "06"),
    _spec("receive_back", {"DANG_XU_LY"}, "DANG_XU_LY", AGENTS, "06"),
    _spec("request_supplement", OPEN, "CHO_BO_SUNG", EVERYONE, "02"),
    _spec("supplement_received", {"CHO_BO_SUNG"}, "DANG_XU_LY", EVERYONE, "01"),
    _spec("refuse", OPEN | {"CHO_BO_SUNG"}, "TU_CHOI", DESK, "03"),
    _spec("apologise", OPEN, None, DESK, "04"),
    _spec("stop", OPEN | {"CHO_BO_SUNG", "CHO_NVTC"}, "DUNG", DESK, "05"),
    _spec("result_ready", OPEN, "CO_KET_QUA", DESK, None),
    _spec("return", {"CO_KET_QUA"}, "DA_TRA", AGENTS, None),
    _spec("withdraw", OPEN | {"CHO_BO_SUNG", "CHO_NVTC"}, "RUT", EVERYONE, None),
))
# The command line spells actions with hyphens (receive-back); the store with underscores.
CLI_NAMES = {name: name.replace("_", "-") for name in ACTIONS}


def action_named(name: str) -> ActionSpec:
    key = (name or "").strip().replace("-", "_")
    if key not in ACTIONS:
        raise LifecycleError("unknown_action", f"action: {excerpt(name)} is not one of "
                             f"{', '.join(CLI_NAMES.values())}", action=excerpt(name))
    return ACTIONS[key]


def allowed_actions(status: str, role: str) -> list[str]:
    """The actions `role` may take on a dossier in `status`, in ACTIONS order (for screens)."""
    return [a.name for a in ACTIONS.values() if status in a.sources and role in a.roles]


@dataclass(frozen=True)
class ActionInput:
    """What the official gives with an action; each action reads the fields it needs."""

    note: str = ""
    reason: str = ""
    items: tuple[str, ...] = ()  # request_supplement: what must be completed
    new_due: datetime | None = None  # apologise
    to: str = ""  # return: applicant | representative | post
    name: str = ""  # return to a representative: their full name
    id_number: str = ""  # return to a representative: their ID number
    tracking: str = ""  # return by post: the postal tracking number
    body: str = ""  # handover: the processing body; receive_back: where it came from
    documents: int | None = None  # handover: documents handed over (default: those received)
    fee_collected_vnd: int | None = None  # return: collected now (default: all still due)


@dataclass(frozen=True)
class DossierState:
    """What the machine knows of a dossier (business wall-clock times, like the store's)."""

    status: str
    received_at: datetime
    due_at: datetime | None
    due_original: datetime | None = None
    paused_at: datetime | None = None
    returned_at: datetime | None = None
    apologised: bool = False  # an apology set due_at by hand: pauses shift it, never recompute it


@dataclass(frozen=True)
class Context:
    """Everything around a step: who acts, when, the dossier's rule and calendar, its facts."""

    role: str
    username: str
    now: datetime
    calendar: WorkCalendar
    rule: TimeRule | None
    applicant_name: str = ""
    documents_received: int = 0
    fee_due_vnd: int = 0
    last_handover_body: str = ""
    apology_window_days: int = 2
    limits: Any = field(default=DEFAULT_LIMITS)
    check_role: bool = True  # False only inside reception, whose own role check already ran


def _clean(value: Any, field_name: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise LifecycleError("bad_value", f"{field_name}: {excerpt(value)} is not text", field=field_name)
    text = collapse_spaces(nfc(value))
    if len(text) > limit:
        raise LifecycleError("too_long", f"{field_name}: {len(text)} characters, more than the "
                             f"{limit} allowed", field=field_name, max=limit)
    found = unsafe_char(text)
    if found is not None:  # controls, bidi overrides, zero-width: they hide or reorder what prints
        raise LifecycleError("bad_value", f"{field_name}: character {found[0] + 1} is "
                             f"{describe_char(found[1])}, which a form field may not hold", field=field_name)
    return text


def _required(text: str, field_name: str, action: str) -> str:
    if not text:
        raise LifecycleError("detail_required", f"{action}: {field_name} is required",
                             action=action, field=field_name)
    return text


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def _day_length(calendar: WorkCalendar) -> timedelta:
    hours = calendar.hours
    def span(a: Any, b: Any) -> timedelta:
        return datetime.combine(datetime.min, b) - datetime.combine(datetime.min, a)
    return span(hours.morning_start, hours.morning_end) + span(hours.afternoon_start, hours.afternoon_end)


def is_late_or_due_soon(state: DossierState, ctx: Context) -> bool:
    """Late now, or due within `apology_window_days` working days (it will be late): the
    condition for an apology (Mẫu 04). A dossier without an appointment is neither."""
    if state.due_at is None:
        return False
    if ctx.now >= state.due_at:
        return True
    left = working_time_between(ctx.now, state.due_at, ctx.calendar)
    return left <= _day_length(ctx.calendar) * ctx.apology_window_days


def resume(state: DossierState, at: datetime, ctx: Context) -> tuple[DossierState, dict[str, Any]]:
    """The clock starts again at `at`: the appointment moves forward by the office time the
    dossier waited. A dossier that had no appointment yet (incomplete at reception) gets its
    first one now from `compute_due` with the wait as a pause; an existing appointment is
    shifted, never recomputed, so a holiday table edited since printing cannot move it."""
    paused = state.paused_at or at
    if at < paused:
        at = paused  # a clock set back: never a negative wait
    waited = working_time_between(paused, at, ctx.calendar)
    due, original = state.due_at, state.due_original
    if due is None:
        if ctx.rule is not None:
            start = max(paused, state.received_at)
            due = compute_due(state.received_at, ctx.rule, ctx.calendar, paused=[(start, at)])
    elif waited:
        original = original or due
        due = ctx.calendar.add_working_time(due, waited)
    details = {"paused_at": _iso(paused), "resumed_at": _iso(at),
               "paused_working_minutes": int(waited.total_seconds() // 60), "new_due": _iso(due)}
    return replace(state, due_at=due, due_original=original, paused_at=None), details


def enter_status(state: DossierState, target: str, at: datetime,
                 ctx: Context) -> tuple[DossierState, dict[str, Any]]:
    """Status `target` reached at `at`: the clock stops on entering a paused status, restarts on
    leaving one (extra details of the resume), and a return is dated."""
    check_transition(state.status, target)
    before, after = STATUSES[state.status], STATUSES[target]
    extra: dict[str, Any] = {}
    if after.clock_paused and not before.clock_paused:
        state = replace(state, paused_at=at)
    elif before.clock_paused and not after.clock_paused:
        if after.final:
            state = replace(state, paused_at=None)  # closed while waiting: nothing to move
        else:
            state, extra = resume(state, at, ctx)
    if target == "DA_TRA":
        state = replace(state, returned_at=at)
    return replace(state, status=target), extra


def check_allowed(spec: ActionSpec, state: DossierState, ctx: Context) -> None:
    """Role first (who), then state (when): the refusal names the first that fails."""
    if ctx.check_role and ctx.role not in spec.roles:
        raise LifecycleRoleError(CLI_NAMES[spec.name], ctx.role, ctx.username)
    if state.status not in spec.sources:
        raise LifecycleError("not_in_status", f"{CLI_NAMES[spec.name]}: not possible for a dossier in "
                             f"{state.status}", action=spec.name, status=state.status)


def step(state: DossierState, action: str, data: ActionInput,
         ctx: Context) -> tuple[DossierState, dict[str, Any]]:
    """(next state, details) of `action`; LifecycleError or LifecycleRoleError when refused."""
    spec = action_named(action)
    check_allowed(spec, state, ctx)
    limits = ctx.limits
    note = _clean(data.note, "note", limits.max_text_chars)
    reason = _clean(data.reason, "reason", limits.max_text_chars)
    name = spec.name
    details: dict[str, Any]
    target = spec.target or state.status
    if name == "handover":
        body = _required(_clean(data.body, "body", limits.max_name_chars), "body", name)
        documents = ctx.documents_received if data.documents is None else data.documents
        if isinstance(documents, bool) or not isinstance(documents, int) or not 0 <= documents <= limits.max_documents:
            raise LifecycleError("bad_value", f"documents: {excerpt(documents)} is not a number of "
                                 f"documents (0–{limits.max_documents})", field="documents")
        details = {"to_body": body, "documents": documents, "note": note}
    elif name == "receive_back":
        body = _clean(data.body, "body", limits.max_name_chars) or ctx.last_handover_body
        details = {"from_body": _required(body, "body", name), "note": note}
    elif name == "request_supplement":
        items = [_clean(item, f"items[{i}]", limits.max_name_chars) for i, item in enumerate(data.items)]
        items = [item for item in items if item]
        if not items:
            raise LifecycleError("detail_required", "request-supplement: name at least one item to "
                                 "complete (items)", action=name, field="items")
        if len(items) > limits.max_documents:
            raise LifecycleError("too_many", f"items: {len(items)}, more than {limits.max_documents}",
                                 field="items", max=limits.max_documents)
        details = {"items": items, "reason": reason, "paused_at": _iso(ctx.now)}
    elif name in ("refuse", "stop"):
        details = {"reason": _required(reason, "reason", name)}
    elif name == "withdraw":
        details = {"reason": reason}
    elif name == "apologise":
        details = _apology(state, data, reason, ctx)
        state = replace(state, due_original=state.due_original or state.due_at, due_at=data.new_due,
                        apologised=True)
    elif name == "result_ready":
        details = {"note": note}
    elif name == "supplement_received":
        details = {}
    else:  # return
        details = _return_details(data, ctx)
    state, extra = enter_status(state, target, ctx.now, ctx)
    details.update(extra)
    return state, details


def _apology(state: DossierState, data: ActionInput, reason: str, ctx: Context) -> dict[str, Any]:
    if not is_late_or_due_soon(state, ctx):
        due = f"{state.due_at:%H:%M %d/%m/%Y}" if state.due_at else ""
        raise LifecycleError("not_late", "apologise: the dossier is not late and not due within "
                             f"{ctx.apology_window_days} working days (due {due or 'not set'})",
                             due=due, days=ctx.apology_window_days)
    new_due = data.new_due
    if new_due is None:
        raise LifecycleError("detail_required", "apologise: the new appointment (--new-due) is required",
                             action="apologise", field="new_due")
    assert state.due_at is not None
    if new_due <= max(ctx.now, state.due_at):
        raise LifecycleError("new_due_not_later", f"new due {new_due:%H:%M %d/%m/%Y} must be later than "
                             f"now and than the current appointment {state.due_at:%H:%M %d/%m/%Y}",
                             new_due=f"{new_due:%H:%M %d/%m/%Y}", due=f"{state.due_at:%H:%M %d/%m/%Y}")
    _required(reason, "reason", "apologise")
    return {"old_due": _iso(state.due_at), "new_due": _iso(new_due), "reason": reason}


def _return_details(data: ActionInput, ctx: Context) -> dict[str, Any]:
    limits = ctx.limits
    to = (data.to or "applicant").strip()
    if to not in RETURN_TO:
        raise LifecycleError("bad_value", f"to: {excerpt(to)} is not one of {', '.join(RETURN_TO)}",
                             field="to")
    name = _clean(data.name, "name", limits.max_name_chars)
    id_number = _clean(data.id_number, "id_number", WORD_CHARS)
    tracking = _clean(data.tracking, "tracking", WORD_CHARS)
    if to == "representative":
        _required(name, "name", "return")
        _required(id_number, "id_number", "return")
    elif to == "post":
        _required(tracking, "tracking", "return")
    collected = ctx.fee_due_vnd if data.fee_collected_vnd is None else data.fee_collected_vnd
    if isinstance(collected, bool) or not isinstance(collected, int) or not 0 <= collected <= ctx.fee_due_vnd:
        raise LifecycleError("bad_fee", f"fee collected: {excerpt(collected)} must be a whole number "
                             f"from 0 to the {ctx.fee_due_vnd} VND still due", due=ctx.fee_due_vnd)
    return {"to": to, "name": name if to == "representative" else ctx.applicant_name,
            "id_number": id_number if to == "representative" else None,
            "tracking": tracking if to == "post" else None, "fee_collected_vnd": collected}


def parse_new_due(text: str) -> datetime:
    """`--new-due "YYYY-MM-DD HH:MM"` (also ISO with a T); InputError naming the option."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise InputError(f"--new-due: {excerpt(text)} is not a date and time like 2026-12-31 16:00") from None
    if moment.tzinfo is not None:
        raise InputError(f"--new-due: {excerpt(text)} carries a time zone; give the unit's wall-clock time")
    return moment.replace(second=0, microsecond=0)
