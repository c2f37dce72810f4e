"""Reserving dossier number blocks from the portal while online (protocol §7).

For today and the next working days, and for every unit this desk files for (its own, and those
granted to a post-office or community-team device), a block is asked for when fewer than
LOW_WATER reserved numbers are left for that unit and day. The idempotency key is saved in the store BEFORE the request, so
a lost answer is asked again with the same key and the portal replays the same block.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from app.clock import VIETNAM
from app.codes import add_reserved_block
from app.errors import MotcuaError
from app.ids import new_id
from app.store.models import CodeBlock
from app.wire import CodeBlockAnswer, CodeBlockRequest, WireProblem, parse
from sync import state
from sync.client import PortalClient, Reply
from sync.problems import SyncProblem
from sync.units import filing_units

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

LOW_WATER = 10
BLOCK_SIZE = 50
WORKING_DAYS_AHEAD = 2


def days_to_cover(store: Store, today: date) -> list[date]:
    """Today and the next working days (by the desk's holiday table)."""
    from app.calendar_store import load_calendar

    with store.read_session() as session:
        calendar = load_calendar(session)
    days, day = [today], today
    for _ in range(WORKING_DAYS_AHEAD):
        day = calendar.next_working_day(day + timedelta(days=1))
        if (day - today).days > 30:
            break
        days.append(day)
    return days


def _left(store: Store, unit: str, day: date) -> int:
    with store.read_session() as session:
        left = session.scalar(select(func.coalesce(func.sum(CodeBlock.end + 1 - CodeBlock.next_value), 0))
                              .where(CodeBlock.unit_code == unit, CodeBlock.day == day,
                                     CodeBlock.source == "portal"))
    return int(left or 0)


def _request_name(unit: str, own_unit: str, day: date) -> str:
    # The own unit keeps the plain day as its name, so a request in flight across an upgrade
    # is asked again with the same key.
    return day.isoformat() if unit == own_unit else f"{unit} {day.isoformat()}"


def _key_for(store: Store, name: str) -> str:
    with store.session() as session:
        keys = dict(state.get(session, state.BLOCK_REQUESTS, {}) or {})
        if name not in keys:
            keys[name] = new_id()
            state.put(session, state.BLOCK_REQUESTS, keys)
        return str(keys[name])


def _record(store: Store, unit: str, day: date, name: str, block: CodeBlockAnswer) -> None:
    if block.unit_code != unit or block.day != day:
        raise ValueError(f"the portal answered with a block of {block.unit_code} {block.day.isoformat()}")
    with store.session() as session:
        add_reserved_block(session, unit_code=unit, day=day, start=block.start, end=block.end)
        keys = dict(state.get(session, state.BLOCK_REQUESTS, {}) or {})
        keys.pop(name, None)
        state.put(session, state.BLOCK_REQUESTS, keys)


def top_up_blocks(store: Store, client: PortalClient, *,
                  now: datetime) -> tuple[list[dict[str, Any]], list[str], Reply | None]:
    """(blocks reserved, problems, the 401 reply if authentication failed). LinkDown propagates."""
    today = now.replace(tzinfo=timezone.utc).astimezone(VIETNAM).date()
    own = store.unit.code
    with store.read_session() as session:
        units = filing_units(session, own)
    reserved: list[dict[str, Any]] = []
    problems: list[str] = []
    days = days_to_cover(store, today)
    for unit in units:
        for day in days:
            if _left(store, unit, day) >= LOW_WATER:
                continue
            asked = CodeBlockRequest(day=day, count=BLOCK_SIZE, unit_code=None if unit == own else unit)
            name = _request_name(unit, own, day)
            reply = client.mutate("POST", "/v1/code-blocks", asked.model_dump(mode="json", exclude_none=True),
                                  _key_for(store, name))
            if reply.status == 401:
                return reserved, problems, reply
            if not reply.ok or not isinstance(reply.body, dict):
                if reply.code != "codes_exhausted":  # exhausted: the device's own range is the fallback
                    problems.append(SyncProblem(f"number block {unit} {day}: HTTP {reply.status} {reply.message}",
                                                kind="sync.number_block_refused",
                                                params={"unit": unit, "reason_vi": reply.words["reason_vi"],
                                                        "reason_en": reply.words["reason_en"]}))
                continue
            try:
                block = parse(CodeBlockAnswer, reply.body)
                _record(store, unit, day, name, block)
            except WireProblem as problem:
                problems.append(SyncProblem(f"number block {unit} {day}: the portal's answer is malformed "
                                            f"({problem})", kind="sync.portal_answer_malformed"))
                continue
            except (MotcuaError, ValueError) as error:
                problems.append(SyncProblem(f"number block {unit} {day}: {error}", kind="sync.number_block_unusable",
                                            params={"unit": unit}))
                continue
            reserved.append({"unit_code": unit, "day": day.isoformat(), "start": block.start, "end": block.end})
    return reserved, problems, None
