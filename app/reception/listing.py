"""The dossier list at scale: filters, sorting, counting and pages over hundreds of thousands.

The Hồ sơ page, `motcua dossiers list` and the early warnings share one description of what is
listed (`ListFilter`) and one translation of it into SQL (`_conditions`). Nothing is capped: the
page asks for the number of matches (`count_dossiers`) and then for the rows it shows
(`page_rows`, any offset). Every filter has an index carrying the default order (revision 0006),
and a page far from the start is read from the other end, so the last page costs what the first
does.

Searching uses the `dossier_search` full-text index (code parts, ID number and name, accents and
case folded, the last word may be unfinished) and the words OCR read on the scanned pages
(app/capture/text_index.py: its 1,000 best-matching dossiers).

Due windows follow the unit's working calendar. `DueBoundaries` turns "now" into the few moments
that matter (end of today, end of the 1st, 2nd, 3rd… working day ahead) once per query, so the
database compares `due_at` with constants instead of running calendar arithmetic per row. Only
dossiers whose clock is running are due (received or in process): a paused dossier (waiting for
supplements or a payment), one whose result is ready, or a closed one is never overdue.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, literal_column, not_, or_, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnClause

from app.clock import local_now
from app.deadlines import WorkCalendar
from app.errors import InputError
from app.identity.cccd import mask_id_number
from app.statuses import STATUSES
from app.store.models import Applicant, Dossier, Holiday, OutboxItem, ProcedureVersion, User
from app.text import collapse_spaces, excerpt, fold, nfc

SORTS = ("received", "due", "code", "status", "applicant", "procedure")
CHANNELS = ("desk", "post_office", "community")
SYNC_STATES = ("local", "waiting", "sent", "quarantined")
# Statuses whose clock runs: they can be late. The rest are paused, finished or closed.
RUNNING = tuple(name for name, s in STATUSES.items() if not s.final and not s.clock_paused
                and name != "CO_KET_QUA")
WINDOWS_SETTING = "warnings.due_windows"  # working days offered as "due within N" (default 1, 2, 3)
SOON_SETTING = "warnings.soon_days"  # "due soon" (yellow, warned) = due within this many working days
DEFAULT_WINDOWS = (1, 2, 3)
DEFAULT_SOON_DAYS = 2
MAX_WINDOW_DAYS = 30
MAX_PAGE = 1000
# Up to this many search matches are read into memory once: the count, every page and any filter
# then reuse them instead of asking the full-text index again (each asking costs 3-12 ms at
# 500,000 dossiers when the words are common). More matches are counted by the index itself
# (4,000 was no quicker: reading the rowids of a search that matches 30,000 then costs more).
SMALL_MATCH = 1000
# How a page of matches is found. Finding each match by rowid and sorting them costs about one
# table page per match (17 us each, pages not yet decrypted); walking the chosen order's index and
# testing each entry against the matches costs 0.19 us per entry, and reaches a block of 50 after
# about 50 * dossiers / matches entries. Walking wins above sqrt(50 * dossiers * 0.19 / 17)
# matches: ~530 at 500,000 dossiers, ~240 at 100,000 (measured: bench.list_search).
WALK_PER_LOOKUP = 50 * 0.19 / 17
SEARCH_MAX_CHARS = 200  # a pasted paragraph is not a search
MAX_SEARCH_WORDS = 16
_UNIT_PREFIX = re.compile(r"^\s*[0-9A-Za-z]{3}\.[0-9A-Za-z]{2}\.[0-9A-Za-z]{2}\.[A-Za-z][0-9]{2}(?=[-\s]|$)")


@dataclass(frozen=True)
class ListFilter:
    """What the list shows. Empty fields do not filter; `due` is "", "overdue", "today" or "N"."""

    search: str = ""
    statuses: tuple[str, ...] = ()
    procedure: str = ""  # procedure code: every version of it
    channel: str = ""
    sync_state: str = ""
    due: str = ""
    received_from: date | None = None
    received_to: date | None = None
    official: str = ""  # username of the receiving official
    sort: str = "received"
    descending: bool = True

    def checked(self) -> ListFilter:
        """This filter with its text tidied; InputError (kind "list.*") naming the bad field."""
        search = collapse_spaces(nfc(self.search or ""))
        if len(search) > SEARCH_MAX_CHARS:
            raise InputError(f"search: longer than {SEARCH_MAX_CHARS} characters",
                             kind="list.search_too_long", params={"max": SEARCH_MAX_CHARS})
        for name in self.statuses:
            if name not in STATUSES:
                raise InputError(f"status: {excerpt(name)} is not one of {', '.join(STATUSES)}",
                                 kind="list.unknown_status", params={"value": _short(name)})
        if self.channel and self.channel not in CHANNELS:
            raise InputError(f"channel: {excerpt(self.channel)} is not one of {', '.join(CHANNELS)}",
                             kind="list.unknown_channel", params={"value": _short(self.channel)})
        if self.sync_state and self.sync_state not in SYNC_STATES:
            raise InputError(f"sync state: {excerpt(self.sync_state)} is not one of {', '.join(SYNC_STATES)}",
                             kind="list.unknown_sync_state", params={"value": _short(self.sync_state)})
        if self.due and not (self.due in ("overdue", "today") or _window(self.due) is not None):
            raise InputError(f"due: {excerpt(self.due)} is not overdue, today or a number of working days "
                             f"from 1 to {MAX_WINDOW_DAYS}",
                             kind="list.unknown_due_window", params={"value": _short(self.due),
                                                                     "max": MAX_WINDOW_DAYS})
        if self.received_from and self.received_to and self.received_from > self.received_to:
            raise InputError(f"date range: from {self.received_from:%d/%m/%Y} is after to "
                             f"{self.received_to:%d/%m/%Y}", kind="list.reversed_dates",
                             params={"from": f"{self.received_from:%d/%m/%Y}",
                                     "to": f"{self.received_to:%d/%m/%Y}"})
        if self.sort not in SORTS:
            raise InputError(f"sort: {excerpt(self.sort)} is not one of {', '.join(SORTS)}",
                             kind="list.unknown_sort", params={"value": _short(self.sort)})
        return replace(self, search=search, procedure=(self.procedure or "").strip(),
                       official=(self.official or "").strip())


def _short(value: Any) -> str:
    """A value for a problem's parameters: never a whole hostile input on screen."""
    text_value = str(value)
    return text_value[:40] + "…" if len(text_value) > 40 else text_value


def parse_day(value: str, field_name: str) -> date | None:
    """A list date as officials write it (25/11/2026) or ISO (2026-11-25); None for empty text."""
    value = (value or "").strip()
    if not value:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise InputError(f"{field_name}: {excerpt(value)} is not a date; write it as 25/11/2026",
                     kind="list.bad_date", params={"value": _short(value)})


def _window(value: str) -> int | None:
    """The N of a "due within N working days" window, or None."""
    if not value.isdigit():
        return None
    days = int(value)
    return days if 1 <= days <= MAX_WINDOW_DAYS else None


@dataclass(frozen=True)
class DueBoundaries:
    """The moments that split due times into overdue / today / within N working days."""

    now: datetime
    end_of_today: datetime
    within: dict[int, datetime] = field(default_factory=dict)  # N → end of the Nth working day ahead
    soon_days: int = DEFAULT_SOON_DAYS

    def window_end(self, due: str) -> datetime:
        return self.end_of_today if due == "today" else self.within[int(due)]

    def colour(self, status: str, due_at: datetime | None) -> str:
        """"red" overdue, "yellow" due soon, "green" on time; "" when the clock is not running."""
        if status not in RUNNING or due_at is None:
            return ""
        if due_at < self.now:
            return "red"
        return "yellow" if due_at < self.within[self.soon_days] else "green"


def due_boundaries(calendar: WorkCalendar, now: datetime, *, windows: Iterable[int] = DEFAULT_WINDOWS,
                   soon_days: int = DEFAULT_SOON_DAYS) -> DueBoundaries:
    """Computed once per query, from the unit's calendar: "within N working days" ends with the
    Nth working day after today (today counts as day 0), so on a Friday "within 1" reaches to the
    end of Monday, and a holiday in between is skipped."""
    today = now.date()
    wanted = sorted(set(windows) | {soon_days})
    within: dict[int, datetime] = {}
    day, counted = today, 0
    for n in wanted:
        while counted < n:
            day = calendar.next_working_day(day)
            counted += 1
        within[n] = datetime.combine(day + timedelta(days=1), time())
    return DueBoundaries(now=now, end_of_today=datetime.combine(today + timedelta(days=1), time()),
                         within=within, soon_days=soon_days)


def warning_settings(store_or_session: Any) -> tuple[tuple[int, ...], int]:
    """(due windows, soon days) from the unit's settings, defaults when unset or unusable."""
    from app.store.models import Setting

    def read(key: str) -> Any:
        if isinstance(store_or_session, Session):
            row = store_or_session.get(Setting, key)
            return row.value if row is not None else None
        return store_or_session.get_setting(key)

    windows = read(WINDOWS_SETTING)
    soon = read(SOON_SETTING)
    if not (isinstance(windows, list) and windows and all(_is_days(v) for v in windows)):
        windows = list(DEFAULT_WINDOWS)
    if not _is_days(soon):
        soon = DEFAULT_SOON_DAYS
    return tuple(sorted(set(windows))), int(soon)


def _is_days(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_WINDOW_DAYS


def check_warning_settings(windows: Sequence[Any], soon_days: Any) -> tuple[list[int], int]:
    """Validated thresholds for `store.set_setting`; InputError naming the bad value."""
    if not windows or not all(_is_days(v) for v in windows):
        raise InputError(f"due windows: each must be a whole number of working days from 1 to "
                         f"{MAX_WINDOW_DAYS}", kind="list.bad_windows", params={"max": MAX_WINDOW_DAYS})
    if not _is_days(soon_days):
        raise InputError(f"soon days: {excerpt(soon_days)} must be a whole number of working days from 1 to "
                         f"{MAX_WINDOW_DAYS}", kind="list.bad_windows", params={"max": MAX_WINDOW_DAYS})
    return sorted(set(int(v) for v in windows)), int(soon_days)


def list_boundaries(session: Session, now: datetime | None = None) -> DueBoundaries:
    """The boundaries for `now` (default: the desk's clock) with the unit's calendar and settings."""
    from app.calendar_store import load_calendar

    windows, soon = warning_settings(session)
    return due_boundaries(load_calendar(session), now or local_now(), windows=windows, soon_days=soon)


# -- search ---------------------------------------------------------------------------------------

ROWID: ColumnClause[int] = literal_column("dossiers.rowid")
# The same column with a unary plus: SQLite then may not use it to find rows, so a search that
# matches many dossiers walks the index of the chosen order instead of sorting all its matches.
ROWID_UNINDEXED: ColumnClause[int] = literal_column("+dossiers.rowid")


@dataclass(frozen=True)
class Search:
    """A search box text turned into conditions, with how many dossiers it matches."""

    match: str  # the FTS5 expression over code, ID number and name
    text_ids: tuple[str, ...]  # dossiers found by the words on their scanned pages
    count: int  # dossiers matched, exactly
    # The full-text matches' rowids when there are at most SMALL_MATCH of them: the index is
    # then searched once per search, not again for the count and for every page.
    rowids: tuple[int, ...] | None = None
    dossiers: int = 0  # about how many dossiers the store holds (its highest rowid)

    @property
    def looked_up(self) -> bool:
        """True when the matches are few enough to be found one by one rather than walked to."""
        return self.count <= lookup_limit(self.dossiers)

    def condition(self) -> ColumnElement[bool]:
        rowid = ROWID if self.looked_up else ROWID_UNINDEXED
        # Known rowids travel as one JSON parameter: thousands of bound values cost SQLAlchemy
        # more to expand than SQLite takes to read them.
        matches = (select(literal_column("value")).select_from(func.json_each(json.dumps(self.rowids)))
                   if self.rowids is not None else _matching_rowids(self.match))
        condition: ColumnElement[bool] = rowid.in_(matches)
        if self.text_ids:
            condition = or_(condition, Dossier.id.in_(self.text_ids))
        return condition


def lookup_limit(dossiers: int) -> int:
    """Matches up to which a page is found by looking each match up (see WALK_PER_LOOKUP)."""
    return max(50, math.isqrt(int(dossiers * WALK_PER_LOOKUP)))


def _matching_rowids(match: str) -> Any:
    return (select(literal_column("rowid")).select_from(text("dossier_search"))
            .where(text("dossier_search MATCH :match").bindparams(match=match)))


def find_search(session: Session, term: str) -> Search | None:
    """The search for a box's text; None when it has no words.

    Words are matched at their start ("nguyen van a" finds "Nguyễn Văn Anh"); every word must
    occur, in any order, in the code, the ID number or the name, or on one scanned page.
    """
    # A whole code starts with the unit's code, which the index leaves out (it is every dossier's).
    words = re.findall(r"\w+", fold(_UNIT_PREFIX.sub("", term)))[:MAX_SEARCH_WORDS]
    if not words:
        return None
    match = " ".join(f'"{word}"' for word in words[:-1]) + f' "{words[-1]}"*'
    match = match.strip()
    # Most searches match a few dossiers: their rowids, read once, give the count and the pages.
    found = tuple(session.scalars(_matching_rowids(match).limit(SMALL_MATCH + 1)))
    rowids: tuple[int, ...] | None = found if len(found) <= SMALL_MATCH else None
    if rowids is not None:
        count = len(rowids)
    else:
        count = session.scalar(select(func.count()).select_from(_matching_rowids(match).subquery())) or 0
    text_ids: tuple[str, ...] = ()
    if len("".join(words)) >= 3:
        from app.capture.text_index import MAX_LIMIT, search_in_session

        # Words read from the scans (OCR) find a dossier too: "the one with the land certificate".
        text_ids = tuple(search_in_session(session, term, limit=MAX_LIMIT))
        if text_ids:
            matched = ROWID.notin_(rowids if rowids is not None else _matching_rowids(match))
            count += session.scalar(select(func.count()).select_from(Dossier).where(
                Dossier.id.in_(text_ids), matched)) or 0
    dossiers = session.scalar(select(func.max(ROWID)).select_from(Dossier)) or 0
    return Search(match=match, text_ids=text_ids, count=count, rowids=rowids, dossiers=dossiers)


# -- conditions, counts and pages -------------------------------------------------------------------

@dataclass(frozen=True)
class Query:
    """A checked filter with its search resolved and its due boundaries fixed."""

    filter: ListFilter
    boundaries: DueBoundaries
    search: Search | None
    procedure_versions: tuple[str, ...] | None  # None: no procedure filter
    official_id: str | None
    unconfirmed: tuple[date, ...] = ()  # holiday days not confirmed by the admin (read once)

    @property
    def only_search(self) -> bool:
        f = self.filter
        return self.search is not None and not (f.statuses or f.procedure or f.channel or f.sync_state
                                                or f.due or f.received_from or f.received_to or f.official)

    def conditions(self) -> list[ColumnElement[bool]]:
        f, b = self.filter, self.boundaries
        found: list[ColumnElement[bool]] = []
        if self.search is not None:
            # Few matches: read them by rowid. Many: walk the order's index and test each.
            found.append(self.search.condition())
        if f.statuses:
            found.append(Dossier.status.in_(f.statuses))
        if self.procedure_versions is not None:
            found.append(Dossier.procedure_version_id.in_(self.procedure_versions))
        if f.channel:
            found.append(Dossier.channel == f.channel)
        if self.official_id is not None:
            found.append(Dossier.received_by == self.official_id)
        if f.received_from:
            found.append(Dossier.received_at >= datetime.combine(f.received_from, time()))
        if f.received_to:
            found.append(Dossier.received_at < datetime.combine(f.received_to + timedelta(days=1), time()))
        if f.due:
            found.append(Dossier.status.in_(RUNNING))
            if f.due == "overdue":
                found.append(Dossier.due_at < b.now)
            else:
                found.append(and_(Dossier.due_at >= b.now, Dossier.due_at < b.window_end(f.due)))
        if f.sync_state:
            found.append(_sync_condition(f.sync_state))
        return found

    def order(self, *, reverse: bool = False) -> list[Any]:
        """ORDER BY terms; `reverse` turns every one of them (reading a page from the end)."""
        # Applicant and procedure sort by the Vietnamese keys revision 0009 keeps (app/collation.py).
        column = {"received": Dossier.received_at, "due": Dossier.due_at, "code": Dossier.code,
                  "status": Dossier.status, "applicant": Dossier.applicant_key,
                  "procedure": Dossier.procedure_key}[self.filter.sort]
        descending = self.filter.descending
        # Ties are broken by rowid; within a status, newest first.
        terms: list[tuple[Any, bool]] = [(column, descending), (Dossier.received_at, True)] \
            if self.filter.sort == "status" else [(column, descending)]
        terms.append((ROWID, terms[-1][1]))
        return [term.desc() if down != reverse else term.asc() for term, down in terms]


def _sync_condition(state: str) -> ColumnElement[bool]:
    def has(*states: str) -> ColumnElement[bool]:
        return exists().where(OutboxItem.dossier_id == Dossier.id, OutboxItem.state.in_(states))

    if state == "quarantined":
        return Dossier.id.in_(select(OutboxItem.dossier_id).where(OutboxItem.state == "quarantined"))
    if state == "waiting":
        return and_(Dossier.id.in_(select(OutboxItem.dossier_id).where(OutboxItem.state == "pending")),
                    not_(has("quarantined")))
    if state == "sent":
        return and_(has("sent"), not_(has("pending", "quarantined")))
    return not_(exists().where(OutboxItem.dossier_id == Dossier.id))


def prepare(session: Session, filter_: ListFilter, boundaries: DueBoundaries | None = None) -> Query:
    """Check the filter and resolve what it names (procedure, official, search) once."""
    f = filter_.checked()
    versions = None
    if f.procedure:
        versions = tuple(session.scalars(select(ProcedureVersion.id)
                                         .where(ProcedureVersion.code == f.procedure)))
        if not versions:
            raise InputError(f"procedure: no procedure {excerpt(f.procedure)} in the catalogue",
                             kind="list.unknown_procedure", params={"value": _short(f.procedure)})
    official_id = None
    if f.official:
        official_id = session.scalar(select(User.id).where(User.username == f.official))
        if official_id is None:
            raise InputError(f"official: no official {excerpt(f.official)} on this desk",
                             kind="list.unknown_official", params={"value": _short(f.official)})
    return Query(filter=f, boundaries=boundaries or list_boundaries(session),
                 search=find_search(session, f.search) if f.search else None,
                 procedure_versions=versions, official_id=official_id,
                 unconfirmed=unconfirmed_holidays(session))


def count_dossiers(session: Session, query: Query) -> int:
    """How many dossiers the list holds."""
    if query.only_search and query.search is not None:
        return query.search.count
    return session.scalar(select(func.count()).select_from(Dossier).where(*query.conditions())) or 0


def page_rowids(session: Session, query: Query, offset: int, limit: int, total: int) -> list[int]:
    """Rowids of the rows [offset, offset + limit) in the list's order. Past the middle the rows
    are read from the end in the opposite order, so the last page is as quick as the first."""
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise InputError(f"offset: {offset!r} must be a whole number, 0 or more")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
        raise InputError(f"limit: {limit!r} must be a whole number from 1 to {MAX_PAGE}")
    limit = min(limit, max(0, total - offset))
    if limit == 0:
        return []
    reverse = offset + limit / 2 > total / 2
    start = total - offset - limit if reverse else offset
    rows = list(session.scalars(select(ROWID).select_from(Dossier).where(*query.conditions())
                                .order_by(*query.order(reverse=reverse)).limit(limit).offset(start)))
    return rows[::-1] if reverse else rows


@dataclass(frozen=True)
class ListRow:
    """One dossier as the list shows it (the ID number is shown masked unless asked otherwise)."""

    dossier_id: str
    code: str
    received_at: datetime
    due_at: datetime | None
    status: str
    channel: str
    applicant_name: str
    id_number: str
    procedure_code: str
    procedure_name: str
    official: str  # username of the receiving official
    fee_vnd: int
    sync_state: str  # local | waiting | sent | quarantined
    due_colour: str  # red | yellow | green | "" (see DueBoundaries.colour)
    unconfirmed_holiday: bool  # the due time counts over a holiday the admin has not confirmed

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number) if self.id_number else ""

    def to_dict(self, *, show_id: bool = False) -> dict[str, Any]:
        data = asdict(self)
        data["id_number"] = self.id_number if show_id else self.masked_id_number
        for key in ("received_at", "due_at"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


def rows_for(session: Session, rowids: Sequence[int], boundaries: DueBoundaries,
             unconfirmed: Sequence[date]) -> list[ListRow]:
    """The list rows of these dossiers, in the given order; `unconfirmed` as `unconfirmed_holidays`."""
    if not rowids:
        return []
    found = session.execute(
        select(ROWID, Dossier.id, Dossier.code, Dossier.received_at, Dossier.due_at, Dossier.status,
               Dossier.channel, Applicant.full_name, Applicant.id_number, ProcedureVersion.code,
               ProcedureVersion.name, User.username, Dossier.fee_vnd)
        .select_from(Dossier)
        .join(Applicant, Applicant.id == Dossier.applicant_id)
        .join(ProcedureVersion, ProcedureVersion.id == Dossier.procedure_version_id)
        .outerjoin(User, User.id == Dossier.received_by)
        .where(ROWID.in_(list(rowids)))).all()
    by_rowid = {row[0]: row for row in found}
    states = sync_states(session, [row[1] for row in found])
    rows = []
    for rowid in rowids:
        row = by_rowid.get(rowid)
        if row is None:  # removed since the list was counted
            continue
        _, dossier_id, code, received, due, status, channel, name, id_number, p_code, p_name, user, fee = row
        rows.append(ListRow(
            dossier_id=dossier_id, code=code, received_at=received, due_at=due, status=status,
            channel=channel, applicant_name=name or "", id_number=id_number or "", procedure_code=p_code,
            procedure_name=p_name, official=user or "", fee_vnd=fee or 0, sync_state=states[dossier_id],
            due_colour=boundaries.colour(status, due),
            unconfirmed_holiday=status in RUNNING and depends_on(unconfirmed, received, due)))
    return rows


def list_page(session: Session, query: Query, offset: int, limit: int, total: int) -> list[ListRow]:
    return rows_for(session, page_rowids(session, query, offset, limit, total), query.boundaries,
                    query.unconfirmed)


def sync_states(session: Session, dossier_ids: Sequence[str]) -> dict[str, str]:
    """Per dossier: "local" (nothing queued), "sent" (all accepted), "waiting" or "quarantined"
    (any item refused). The one rule for the list and the Đồng bộ page (sync/status.py)."""
    rank = {"sent": 0, "pending": 1, "quarantined": 2}
    names = ("sent", "waiting", "quarantined")
    worst: dict[str, int] = {}
    if dossier_ids:
        for dossier_id, state in session.execute(select(OutboxItem.dossier_id, OutboxItem.state)
                                                 .where(OutboxItem.dossier_id.in_(list(dossier_ids)))):
            if dossier_id is not None:
                worst[dossier_id] = max(worst.get(dossier_id, 0), rank.get(state, 1))
    return {dossier_id: names[worst[dossier_id]] if dossier_id in worst else "local"
            for dossier_id in dossier_ids}


# -- holidays not confirmed by the admin ------------------------------------------------------------

def unconfirmed_holidays(session: Session) -> tuple[date, ...]:
    """Days of the holiday table that came from the seeded list (the `holidays` package) and that
    no administrator has entered or re-saved: "not confirmed" until issue 12's formal confirmation."""
    return tuple(session.scalars(select(Holiday.day).where(Holiday.source != "admin").order_by(Holiday.day)))


def depends_on(days: Sequence[date], received: datetime, due: datetime | None) -> bool:
    """Whether a due time was counted over one of `days` (received ≤ day ≤ due, by date)."""
    if due is None or not days:
        return False
    import bisect

    first = bisect.bisect_left(days, received.date())
    return first < len(days) and days[first] <= due.date()


# -- early warning ----------------------------------------------------------------------------------

WHOLE_UNIT_ROLES = ("supervisor", "admin")  # they oversee the unit; others see what they received


@dataclass(frozen=True)
class Warnings:
    """What the desk warns an official about at sign-in and every few minutes."""

    whole_unit: bool  # False: only dossiers this official received
    overdue: int
    due_soon: int  # not yet overdue, due within `soon_days` working days
    soon_days: int
    unconfirmed: int  # running dossiers whose due time counts over an unconfirmed holiday
    first_overdue: tuple[str, ...]  # codes of the longest overdue, for the notice
    official: str = ""  # username whose dossiers these are ("" for the whole unit)

    @property
    def total(self) -> int:
        return self.overdue + self.due_soon

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def early_warnings(session: Session, *, user_id: str, username: str, role: str,
                   now: datetime | None = None, examples: int = 3) -> Warnings:
    """Overdue and due-soon dossiers of this official (the whole unit for a supervisor or admin)."""
    boundaries = list_boundaries(session, now)
    whole_unit = role in WHOLE_UNIT_ROLES
    scope: list[ColumnElement[bool]] = [Dossier.status.in_(RUNNING), Dossier.due_at.is_not(None)]
    if not whole_unit:
        scope.append(Dossier.received_by == user_id)
    soon_end = boundaries.within[boundaries.soon_days]

    def count(*more: ColumnElement[bool]) -> int:
        return session.scalar(select(func.count()).select_from(Dossier).where(*scope, *more)) or 0

    overdue = count(Dossier.due_at < boundaries.now)
    due_soon = count(Dossier.due_at >= boundaries.now, Dossier.due_at < soon_end)
    unconfirmed = count(exists().where(Holiday.source != "admin",
                                       Holiday.day >= func.date(Dossier.received_at),
                                       Holiday.day <= func.date(Dossier.due_at)))
    first = tuple(session.scalars(select(Dossier.code).where(*scope, Dossier.due_at < boundaries.now)
                                  .order_by(Dossier.due_at).limit(examples)))
    return Warnings(whole_unit=whole_unit, overdue=overdue, due_soon=due_soon,
                    soon_days=boundaries.soon_days, unconfirmed=unconfirmed, first_overdue=first,
                    official="" if whole_unit else username)
