"""The citizen's pages on the portal (docs/citizen-pages.md): `/tra-cuu` (a dossier's status,
appointment, what to bring and its timeline) and `/danh-gia` (the satisfaction survey).

Plain HTML from Jinja2 templates (portal/templates/), Vietnamese, no JavaScript. Both pages are
opened by the receipt's QR codes, which carry the dossier code and its lookup secret (made at the
desk, app/citizen.py), or by the form where a citizen types them. A wrong secret and an unknown
code get the same answer: the same status, the same body, the same work (one query by code and
one digest comparison), so a code cannot be confirmed without its secret. Failed attempts are
limited per client address and per dossier code, in bounded memory (`GuessLimiter`); the only
personal data shown is the masked name.

Survey answers are kept one per dossier, replaceable for SURVEY_WINDOW_DAYS after the first, and
each one is announced to the dossier's desks through the change feed (`survey.answer`).
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Engine, select
from starlette.concurrency import run_in_threadpool

from app.citizen import (
    LOOKUP_PATH,
    MAX_COMMENT_CHARS,
    QUESTIONS,
    SCALE,
    SECRET_RE,
    SURVEY_PATH,
    SURVEY_WINDOW_DAYS,
    mask_name,
    normalise_secret,
    secret_for_print,
)
from app.clock import VIETNAM
from app.codes import parse_dossier_code
from app.errors import InputError
from app.forms.legal_text import status_name
from portal.changes import emit
from portal.db import as_utc, read_session, write_session
from portal.models import Dossier, DossierEvent, SurveyAnswer, utcnow

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_CODE_CHARS = 40
MAX_FORM_BYTES = 16 * 1024  # four ratings and a comment of 1000 characters fit many times over
# Failed attempts allowed per window before the page answers 429 for that address or code.
FAILURES_PER_ADDRESS = 20
FAILURES_PER_CODE = 10
WINDOW_SECONDS = 15 * 60
MAX_TRACKED = 20_000  # addresses and codes remembered at once; the oldest are forgotten first
_DUMMY = hashlib.sha256(b"no such dossier").digest()
ACTION_NAMES = {"handover": "Chuyển hồ sơ đến cơ quan giải quyết", "receive_back": "Nhận lại hồ sơ đã xử lý",
                "request_supplement": "Yêu cầu bổ sung hồ sơ", "supplement_received": "Đã nhận hồ sơ bổ sung",
                "refuse": "Từ chối giải quyết", "apologise": "Xin lỗi và hẹn lại ngày trả kết quả",
                "stop": "Dừng giải quyết", "result_ready": "Đã có kết quả", "return": "Đã trả kết quả",
                "withdraw": "Công dân rút hồ sơ"}
HEADERS = {
    # The address holds the secret: never send it on as a Referer, never cache the page.
    "Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
}


class GuessLimiter:
    """Failed attempts per key in fixed windows, at most `max_keys` keys (least recently failed
    forgotten first), safe across the server's threads. Per process: several portal processes
    each allow the limit (docs/citizen-pages.md)."""

    def __init__(self, limit: int, window: float, max_keys: int = MAX_TRACKED) -> None:
        self.limit, self.window, self.max_keys = limit, window, max_keys
        self._seen: OrderedDict[str, tuple[float, int]] = OrderedDict()
        self._lock = threading.Lock()

    def blocked(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self._lock:
            start, count = self._seen.get(key, (now, 0))
            return now - start < self.window and count >= self.limit

    def failed(self, key: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            start, count = self._seen.pop(key, (now, 0))
            if now - start >= self.window:
                start, count = now, 0
            self._seen[key] = (start, count + 1)
            while len(self._seen) > self.max_keys:
                self._seen.popitem(last=False)

    def __len__(self) -> int:
        return len(self._seen)


@dataclass
class Limiters:
    by_address: GuessLimiter = field(
        default_factory=lambda: GuessLimiter(FAILURES_PER_ADDRESS, WINDOW_SECONDS))
    by_code: GuessLimiter = field(default_factory=lambda: GuessLimiter(FAILURES_PER_CODE, WINDOW_SECONDS))


@dataclass(frozen=True)
class Asked:
    """A code and secret as sent, cut to a safe length (what the form shows back)."""

    code: str
    secret: str

    @property
    def well_formed(self) -> bool:
        try:
            parse_dossier_code(self.code)
        except InputError:
            return False
        return bool(SECRET_RE.fullmatch(self.secret))


def asked_from(values: Mapping[str, str]) -> Asked:
    # Codes are upper case; a citizen typing from paper may not be.
    code = "".join(values.get("ma", "").split())[:MAX_CODE_CHARS + 1].upper()
    return Asked(code, normalise_secret(values.get("k", ""))[:20])


def _digest(secret: str) -> bytes:
    return hashlib.sha256(secret.encode("utf-8")).digest()


# What the lookup page reads: plain columns, not ORM objects (the page's hot path).
_LOOKUP_COLUMNS = (Dossier.id, Dossier.code, Dossier.status, Dossier.received_at, Dossier.data,
                   SurveyAnswer.dossier_id.label("answered"))
_EVENT_COLUMNS = (DossierEvent.status, DossierEvent.at, DossierEvent.action, DossierEvent.details)


def _find(session: Any, asked: Asked, *, lock: bool = False, light: bool = False) -> Any:
    """The dossier when code and secret match (an ORM row, locked with `lock`; or, with `light`,
    the lookup page's columns); None otherwise, after the same work either way."""
    row = None
    if asked.well_formed:
        if light:
            row = session.execute(select(*_LOOKUP_COLUMNS)
                                  .outerjoin(SurveyAnswer, SurveyAnswer.dossier_id == Dossier.id)
                                  .where(Dossier.code == asked.code)).first()
        else:
            query = select(Dossier).where(Dossier.code == asked.code)
            row = session.scalar(query.with_for_update() if lock else query)
    stored = row.data.get("lookup_secret") if row is not None and isinstance(row.data, dict) else None
    expected = _digest(stored) if isinstance(stored, str) and stored else _DUMMY
    # A comparison even without a row, and in constant time: the answer's timing says nothing.
    matches = hmac.compare_digest(expected, _digest(asked.secret)) and expected is not _DUMMY
    return row if matches else None


def _local(moment: datetime | str | None) -> datetime | None:
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            return None
    if moment is None:
        return None
    if moment.tzinfo is None:  # desk times without an offset are Vietnam wall-clock times
        return moment.replace(tzinfo=VIETNAM)
    return moment.astimezone(VIETNAM)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _appointment(row: Any, events: list[Any]) -> datetime | None:
    """The latest appointment: an apology or a resumed clock moves it (event details `new_due`)."""
    due = _local(row.data.get("due_at"))
    for event in events:
        moved = (event.details or {}).get("new_due")
        if moved:
            due = _local(moved) or due
    return due


def _to_bring(row: Any, events: list[Any]) -> tuple[list[str], list[str]]:
    """(documents still asked for, what to bring when collecting the result)."""
    missing = [_text(item) for item in row.data.get("documents_missing") or [] if _text(item)]
    if row.status == "CHO_BO_SUNG":
        asked = [e for e in events if e.action == "request_supplement" and e.details]
        if asked:
            missing = [_text(item) for item in asked[-1].details.get("items") or [] if _text(item)]
    elif row.status not in ("DA_TIEP_NHAN",):
        missing = []
    collect: list[str] = []
    delivery = row.data.get("delivery") if isinstance(row.data.get("delivery"), dict) else {}
    if row.status in ("TU_CHOI", "RUT", "DUNG", "DA_TRA"):
        return missing, collect
    if delivery.get("method") == "post":
        collect.append("Kết quả được gửi qua dịch vụ bưu chính công ích đến địa chỉ đã đăng ký.")
    else:
        collect += ["Giấy tiếp nhận hồ sơ và hẹn trả kết quả (giấy có mã QR này).",
                    "Căn cước (hoặc căn cước công dân) của người nhận kết quả.",
                    "Giấy ủy quyền, nếu người khác nhận thay."]
    return missing, collect


def lookup_view(session: Any, row: Any) -> dict[str, Any]:
    """What the lookup page shows of a dossier (`row`: the light columns of `_find`)."""
    events = list(session.execute(select(*_EVENT_COLUMNS).where(DossierEvent.dossier_id == row.id)
                                  .order_by(DossierEvent.at, DossierEvent.recorded_at)))
    data = row.data
    procedure = data.get("procedure") if isinstance(data.get("procedure"), dict) else {}
    applicant = data.get("applicant") if isinstance(data.get("applicant"), dict) else {}
    missing, collect = _to_bring(row, events)
    timeline: list[dict[str, Any]] = [{"at": _local(as_utc(row.received_at)), "title": "Tiếp nhận hồ sơ",
                                       "items": []}]
    for event in events:
        items = [_text(i) for i in (event.details or {}).get("items") or [] if _text(i)]
        title = ACTION_NAMES.get(event.action or "", "") or status_name(event.status)
        # Notes and names of officials stay at the desk: they may hold personal data.
        timeline.append({"at": _local(as_utc(event.at)), "title": title,
                         "status": status_name(event.status), "items": items})
    return {"code": row.code, "procedure": _text(procedure.get("name")) or _text(procedure.get("code")),
            "name": mask_name(_text(applicant.get("full_name"))), "status": status_name(row.status),
            "status_code": row.status, "received_at": _local(as_utc(row.received_at)),
            "due_at": _appointment(row, events), "missing": missing, "collect": collect,
            "timeline": timeline, "answered": row.answered is not None}


def _read_lookup(engine: Engine, asked: Asked) -> dict[str, Any] | None:
    with read_session(engine) as session:
        row = _find(session, asked, light=True)
        return None if row is None else lookup_view(session, row)


@dataclass(frozen=True)
class SurveyState:
    code: str
    ratings: dict[str, int]
    comment: str
    first_at: datetime | None
    closes_at: datetime | None
    open: bool


def _survey_state(row: Dossier, answer: SurveyAnswer | None, now: datetime) -> SurveyState:
    if answer is None:
        return SurveyState(row.code, {}, "", None, None, True)
    closes = as_utc(answer.first_at) + timedelta(days=SURVEY_WINDOW_DAYS)
    return SurveyState(row.code, dict(answer.ratings), answer.comment or "", as_utc(answer.first_at),
                       closes, now < closes)


def _read_survey(engine: Engine, asked: Asked) -> SurveyState | None:
    with read_session(engine) as session:
        row = _find(session, asked)
        return None if row is None else _survey_state(row, session.get(SurveyAnswer, row.id), utcnow())


def check_answer(form: Mapping[str, str]) -> tuple[dict[str, int], str, list[str]]:
    """(ratings, comment, problems): each problem names the question in Vietnamese."""
    ratings: dict[str, int] = {}
    problems: list[str] = []
    for question in QUESTIONS:
        value = form.get(question.key, "")
        if value not in {str(level) for level, _ in SCALE}:
            problems.append(f"Chưa chọn mức đánh giá cho: “{question.text}”.")
        else:
            ratings[question.key] = int(value)
    # NFC as the wire requires (phone keyboards may send decomposed Vietnamese), one line of text.
    comment = " ".join(unicodedata.normalize("NFC", form.get("y_kien", "")).replace("\x00", "").split())
    if len(comment) > MAX_COMMENT_CHARS:
        problems.append(f"Ý kiến dài quá {MAX_COMMENT_CHARS} ký tự (đã nhập {len(comment)}).")
    return ratings, comment, problems


def _save_answer(engine: Engine, asked: Asked, ratings: dict[str, int], comment: str) -> SurveyState | None:
    """Store the answer (replacing an earlier one inside the window) and announce it; None for an
    unknown code or wrong secret. A closed window returns the state unchanged (open=False)."""
    with write_session(engine) as session:
        row = _find(session, asked, lock=True)  # one answer at a time per dossier
        if row is None:
            return None
        now = utcnow()
        answer = session.get(SurveyAnswer, row.id)
        state = _survey_state(row, answer, now)
        if not state.open:
            return state
        if answer is None:
            answer = SurveyAnswer(dossier_id=row.id, ratings=ratings, comment=comment, first_at=now,
                                  answered_at=now, answers=1)
            session.add(answer)
        else:
            answer.ratings, answer.comment, answer.answered_at = ratings, comment, now
            answer.answers += 1
        session.flush()
        emit(session, "survey.answer",
             {"dossier_id": row.id, "code": row.code, "ratings": ratings, "comment": comment,
              "first_at": as_utc(answer.first_at).isoformat(), "answered_at": now.isoformat()},
             unit_code=row.unit_code, alt_unit_code=row.receiving_unit)
        return _survey_state(row, answer, now)


def _vi_time(moment: datetime | None) -> str:
    if moment is None:
        return "chưa xác định"
    local = moment.astimezone(VIETNAM)
    return f"{local:%H} giờ {local:%M}, ngày {local:%d/%m/%Y}"


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["vi_time"] = _vi_time
    env.filters["vi_day"] = lambda m: "" if m is None else f"{m.astimezone(VIETNAM):%d/%m/%Y}"
    env.filters["printed"] = secret_for_print
    env.globals.update(questions=QUESTIONS, scale=SCALE, lookup_path=LOOKUP_PATH, survey_path=SURVEY_PATH,
                       max_comment=MAX_COMMENT_CHARS, window_days=SURVEY_WINDOW_DAYS)
    return env


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def install(api: FastAPI, engine: Engine, limiters: Limiters | None = None) -> Limiters:
    """Add the citizen pages to the portal application; returns the guess limiters in use."""
    env = _environment()
    guard = limiters or Limiters()
    css = (TEMPLATES / "citizen.css").read_bytes()

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status, headers=HEADERS)

    def limited(request: Request, asked: Asked) -> bool:
        return guard.by_address.blocked(_client(request)) or guard.by_code.blocked(asked.code)

    def failed(request: Request, asked: Asked) -> None:
        guard.by_address.failed(_client(request))
        guard.by_code.failed(asked.code)

    def refused(path: str, asked: Asked, *, too_many: bool) -> HTMLResponse:
        # The same page, whatever was wrong: unknown code, wrong secret, malformed input.
        if too_many:
            return page("limited.html", 429, path=path, asked=asked)
        return page("not_found.html", 404, path=path, asked=asked)

    @api.get("/static/citizen.css", include_in_schema=False)
    async def stylesheet() -> Response:
        return Response(css, media_type="text/css; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=3600",
                                 "X-Content-Type-Options": "nosniff"})

    async def opened(request: Request, path: str, asked: Asked, read: Any, *args: Any) -> Any:
        """`read(engine, asked, *args)` when the guess limits allow it and the secret opens the
        dossier; otherwise the refusal page (and a failure counted)."""
        if limited(request, asked):
            return refused(path, asked, too_many=True)
        found = await run_in_threadpool(read, engine, asked, *args)
        if found is None:
            failed(request, asked)
            return refused(path, asked, too_many=False)
        return found

    async def opened_by_query(request: Request, path: str,
                              read: Any) -> tuple[dict[str, str], Asked, Any] | Response:
        """(query fields, code + secret, what `read` found) of a page opened by its address; a
        page to answer with instead: the typing form when no code was given, or a refusal."""
        values = _decoded(request.scope.get("query_string", b""))
        if values is None:
            return page("bad_request.html", 400, path=path)
        asked = asked_from(values)
        if not asked.code and not asked.secret:
            return page("lookup_form.html", path=path, asked=asked)
        found = await opened(request, path, asked, read)
        return found if isinstance(found, Response) else (values, asked, found)

    @api.get(LOOKUP_PATH, include_in_schema=False)
    async def lookup(request: Request) -> Response:
        got = await opened_by_query(request, LOOKUP_PATH, _read_lookup)
        if isinstance(got, Response):
            return got
        _, asked, view = got
        survey = f"{SURVEY_PATH}?{urlencode({'ma': asked.code, 'k': asked.secret})}"
        return page("lookup.html", d=view, survey_href=survey)

    @api.get(SURVEY_PATH, include_in_schema=False)
    async def survey_form(request: Request) -> Response:
        got = await opened_by_query(request, SURVEY_PATH, _read_survey)
        if isinstance(got, Response):
            return got
        values, asked, state = got
        if not state.open:
            return page("survey_closed.html", 403, s=state)
        return page("survey.html", s=state, asked=asked, saved=values.get("da_gui") == "1", problems=[],
                    ratings=state.ratings, comment=state.comment)

    @api.post(SURVEY_PATH, include_in_schema=False)
    async def survey_answer(request: Request) -> Response:
        values = await _form_body(request)
        if values is None:
            return page("bad_request.html", 400, path=SURVEY_PATH)
        asked = asked_from(values)
        ratings, comment, problems = check_answer(values)
        if problems:
            # Checked only for a dossier the secret opens: a bad form tells nothing about others.
            state = await opened(request, SURVEY_PATH, asked, _read_survey)
            if isinstance(state, Response):
                return state
            return page("survey.html", 422, s=state, asked=asked, saved=False, problems=problems,
                        ratings=ratings, comment=comment[:MAX_COMMENT_CHARS])
        state = await opened(request, SURVEY_PATH, asked, _save_answer, ratings, comment)
        if isinstance(state, Response):
            return state
        if not state.open:
            return page("survey_closed.html", 403, s=state)
        # Post/redirect/get: a reload shows the saved answer instead of sending it again.
        target = f"{SURVEY_PATH}?{urlencode({'ma': asked.code, 'k': asked.secret, 'da_gui': '1'})}"
        return RedirectResponse(target, status_code=303, headers=HEADERS)

    return guard


def _decoded(raw: bytes) -> dict[str, str] | None:
    """Form or query fields (first value of each) from URL-encoded bytes; None when they are not
    UTF-8 (a bad encoding is refused, never guessed at)."""
    try:
        text = raw.decode("ascii")
        pairs = parse_qs(text, keep_blank_values=True, max_num_fields=20, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    return {key: values[0] for key, values in pairs.items() if values}


async def _form_body(request: Request) -> dict[str, str] | None:
    """The URL-encoded form, read as it streams and cut at MAX_FORM_BYTES."""
    raw = bytearray()
    async for part in request.stream():
        raw += part
        if len(raw) > MAX_FORM_BYTES:
            return None
    return _decoded(bytes(raw))
