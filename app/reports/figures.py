"""Every figure of the report for a period, computed in one place for the Báo cáo page and
`motcua report --json`, so the screen and the command line always show the same numbers.

What each figure counts (docs/register.md, "The report", says the same for officials):
- received, and the counts by status, procedure, channel and official: dossiers received in
  the period (status as it is now; official = who received it);
- returned, on time, late, returned by post, returns per day: results handed back in the
  period, whenever the dossier was received (app/reports/milestones.py says how the moment of
  return is read). On time = returned no later than the appointment and never apologised for;
  an apology (Mẫu 04) is only written for a dossier that is or will be late, so the moved
  appointment does not make it on time. A supplement that moved the appointment does count:
  the clock legally stopped;
- overdue open: dossiers received in the period, still being processed when the report is
  made (not finished, not waiting for the applicant with the clock stopped), past their
  appointment;
- the oldest change not yet accepted by the portal, whenever it was made (the sync backlog is
  not a matter of the period);
- citizens' satisfaction: answers to the portal's survey last given in the period
  (app/reports/survey.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.clock import local_now, to_local
from app.reception.model import CHANNELS
from app.reports.milestones import RETURN_ACTION, RETURNED_STATUS, Event, Milestones, milestones
from app.reports.period import Period
from app.reports.survey import SurveyFigures, survey_figures
from app.statuses import STATUSES
from app.store.models import Dossier, OutboxItem, ProcedureVersion, StatusEvent, User

# Still with the processing side: neither finished (a final status, or a result waiting to be
# collected) nor waiting for the applicant with the clock stopped.
FINISHED = frozenset(name for name, status in STATUSES.items() if status.final) | {"CO_KET_QUA"}
PAUSED = frozenset(name for name, status in STATUSES.items() if status.clock_paused)
QUERY_CHUNK = 500  # ids per IN (…): far below SQLite's variable limit


@dataclass(frozen=True)
class ProcedureCount:
    code: str
    name: str
    count: int


@dataclass(frozen=True)
class OfficialCount:
    username: str
    full_name: str
    count: int


@dataclass(frozen=True)
class DayCount:
    day: date
    received: int
    returned: int


@dataclass(frozen=True)
class Unsynced:
    """The oldest change the portal has not accepted yet."""

    dossier_code: str  # "" for a change not about a dossier
    kind: str
    state: str  # pending | quarantined
    created_at: datetime  # on the unit's wall clock
    age_seconds: int


@dataclass(frozen=True)
class Report:
    period: Period
    made_at: datetime
    received: int
    by_status: Mapping[str, int]
    by_procedure: tuple[ProcedureCount, ...]
    by_channel: Mapping[str, int]
    by_official: tuple[OfficialCount, ...]
    returned: int
    returned_on_time: int
    returned_late: int
    returned_by_post: int
    overdue_open: int
    per_day: tuple[DayCount, ...]
    unsynced: int
    oldest_unsynced: Unsynced | None = None
    survey: SurveyFigures = field(default_factory=SurveyFigures)

    @property
    def on_time_rate(self) -> float | None:
        """Share of the period's returns made on time (0..1); None when nothing was returned."""
        return round(self.returned_on_time / self.returned, 4) if self.returned else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, the shape `motcua report --json` prints."""
        data = asdict(self)
        data["period"] = self.period.to_dict()
        data["on_time_rate"] = self.on_time_rate
        data["survey"] = self.survey.to_dict()
        return _jsonable(data)


def compute_report(session: Session, period: Period, *, now: datetime | None = None) -> Report:
    """The report of `period`, read inside `session` (one consistent snapshot)."""
    now = now or local_now()
    received = _received_counts(session, period)
    returns = _returns(session, period)
    on_time = sum(1 for due, marks in returns.values() if _on_time(due, marks))
    per_day_returned = Counter(marks.returned_at.date() for _, marks in returns.values()
                               if marks.returned_at is not None)
    total_unsynced, oldest = _unsynced(session, now)
    return Report(
        period=period, made_at=now, received=received["total"],
        by_status=received["status"], by_procedure=_by_procedure(session, period),
        by_channel=received["channel"], by_official=_by_official(session, period),
        returned=len(returns), returned_on_time=on_time, returned_late=len(returns) - on_time,
        returned_by_post=sum(1 for _, marks in returns.values() if marks.by_post),
        overdue_open=_overdue_open(session, period, now),
        per_day=tuple(DayCount(day, received["days"].get(day, 0), per_day_returned.get(day, 0))
                      for day in period.days()),
        unsynced=total_unsynced, oldest_unsynced=oldest, survey=survey_figures(session, period),
    )


def _in_period(period: Period) -> Any:
    return and_(Dossier.received_at >= period.begins, Dossier.received_at < period.ends)


def _received_counts(session: Session, period: Period) -> dict[str, Any]:
    statuses = {name: 0 for name in STATUSES}
    channels = {name: 0 for name in CHANNELS}
    days: dict[date, int] = {}
    total = 0
    day = func.date(Dossier.received_at)
    rows = session.execute(select(Dossier.status, Dossier.channel, day, func.count())
                           .where(_in_period(period))
                           .group_by(Dossier.status, Dossier.channel, day))
    for status, channel, day, count in rows:
        statuses[status] = statuses.get(status, 0) + count
        channels[channel] = channels.get(channel, 0) + count
        moment = date.fromisoformat(day)
        days[moment] = days.get(moment, 0) + count
        total += count
    return {"total": total, "status": statuses, "channel": channels, "days": days}


def _by_procedure(session: Session, period: Period) -> tuple[ProcedureCount, ...]:
    count = func.count(Dossier.id)
    rows = session.execute(select(ProcedureVersion.code, func.max(ProcedureVersion.name), count)
                           .join(ProcedureVersion, ProcedureVersion.id == Dossier.procedure_version_id)
                           .where(_in_period(period)).group_by(ProcedureVersion.code)
                           .order_by(count.desc(), ProcedureVersion.code))
    return tuple(ProcedureCount(code, name, n) for code, name, n in rows)


def _by_official(session: Session, period: Period) -> tuple[OfficialCount, ...]:
    count = func.count(Dossier.id)
    rows = session.execute(select(User.username, User.full_name, count)
                           .join(User, User.id == Dossier.received_by)
                           .where(_in_period(period)).group_by(User.id)
                           .order_by(count.desc(), User.username))
    return tuple(OfficialCount(username, full_name, n) for username, full_name, n in rows)


def _returns(session: Session, period: Period) -> dict[str, tuple[datetime | None, Milestones]]:
    """Dossier id -> (appointment, milestones) of every result returned in the period.

    Candidates are found cheaply (the return column, or a return event, in the period), then
    each one's events decide, with the same rule as the register."""
    by_column = (select(Dossier.id)
                 .where(Dossier.returned_at >= period.begins, Dossier.returned_at < period.ends))
    by_event = (select(StatusEvent.dossier_id)
                .where(or_(StatusEvent.action == RETURN_ACTION, StatusEvent.status == RETURNED_STATUS),
                       StatusEvent.at >= period.begins, StatusEvent.at < period.ends))
    candidates = set(session.scalars(by_column)) | set(session.scalars(by_event))
    found: dict[str, tuple[datetime | None, Milestones]] = {}
    for chunk in _chunks(sorted(candidates)):
        events = _events_of(session, chunk)
        for dossier_id, due_at, returned_at in session.execute(
                select(Dossier.id, Dossier.due_at, Dossier.returned_at).where(Dossier.id.in_(chunk))):
            marks = milestones(events.get(dossier_id, []), returned_at=returned_at)
            if marks.returned_at is not None and period.contains(marks.returned_at):
                found[dossier_id] = (due_at, marks)
    return found


def _events_of(session: Session, ids: list[str]) -> dict[str, list[Event]]:
    events: dict[str, list[Event]] = defaultdict(list)
    for dossier_id, status, at, action, details in session.execute(
            select(StatusEvent.dossier_id, StatusEvent.status, StatusEvent.at, StatusEvent.action,
                   StatusEvent.details).where(StatusEvent.dossier_id.in_(ids))):
        kept = details if isinstance(details, Mapping) else None
        events[dossier_id].append(Event(status, at, action, kept))
    return events


def _on_time(due_at: datetime | None, marks: Milestones) -> bool:
    if marks.apologies or marks.returned_at is None:
        return False
    return due_at is None or marks.returned_at <= due_at


def _overdue_open(session: Session, period: Period, now: datetime) -> int:
    return session.scalar(select(func.count()).select_from(Dossier)
                          .where(_in_period(period), Dossier.status.not_in(FINISHED | PAUSED),
                                 Dossier.due_at.is_not(None), Dossier.due_at < now)) or 0


def _unsynced(session: Session, now: datetime) -> tuple[int, Unsynced | None]:
    waiting = OutboxItem.state != "sent"
    total = session.scalar(select(func.count()).select_from(OutboxItem).where(waiting)) or 0
    row = session.execute(select(OutboxItem.kind, OutboxItem.state, OutboxItem.created_at, Dossier.code)
                          .outerjoin(Dossier, Dossier.id == OutboxItem.dossier_id)
                          .where(waiting).order_by(OutboxItem.created_at, OutboxItem.seq).limit(1)).first()
    if row is None:
        return total, None
    kind, state, created_at, code = row
    created = to_local(created_at)  # outbox times are UTC bookkeeping; the report shows wall-clock
    return total, Unsynced(dossier_code=code or "", kind=kind, state=state, created_at=created,
                           age_seconds=max(0, int((now - created).total_seconds())))


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), QUERY_CHUNK):
        yield items[start:start + QUERY_CHUNK]


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
