"""The citizen pages on a real portal on loopback, for a dossier received at a real desk and
synced: the receipt's QR codes lead there once the desk is enrolled; the lookup page shows the
status and a masked name and nothing else personal; a wrong secret is an unknown code; guesses
are limited; hostile input is answered plainly; the survey keeps the last answer for a week and
its results reach the desk's report through the change feed (SQLite and PostgreSQL)."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from app.citizen import SECRET_ALPHABET
from app.clock import local_today
from app.forms.settings import receipt_settings
from app.reports.figures import compute_report
from app.reports.period import make_period
from app.store.models import SurveyAnswer as DeskAnswer
from portal.citizen import FAILURES_PER_ADDRESS, FAILURES_PER_CODE, GuessLimiter
from portal.db import get_engine, write_session
from portal.models import Change, Dossier, SurveyAnswer
from sync.engine import sync_once
from tests.app.reception_support import open_copy, template
from tests.portal.citizen_support import PUBLIC_URL, Received, get, query_of, synced_dossier
from tests.portal.support import enrol_desk

ANSWER = {"attitude": "5", "guidance": "4", "timeliness": "4", "overall": "5", "y_kien": "Cán bộ nhiệt tình"}


@pytest.fixture
def received(db_url: str, blobs_dir: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with synced_dossier(db_url, blobs_dir, tmp_path / "desk") as dossier:
        yield dossier


@pytest.fixture
def received_sqlite(sqlite_url: str, blobs_dir: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with synced_dossier(sqlite_url, blobs_dir, tmp_path / "desk") as dossier:
        yield dossier


def answer(d: Received, **changes: str) -> httpx.Response:
    form = {"ma": d.code, "k": d.secret, **ANSWER, **changes}
    return httpx.post(f"{d.portal.url}/danh-gia", data=form, timeout=30, follow_redirects=True)


def wrong_secret(secret: str) -> str:
    other = SECRET_ALPHABET[(SECRET_ALPHABET.index(secret[0]) + 1) % len(SECRET_ALPHABET)]
    return other + secret[1:]


def test_the_receipt_points_at_the_portal_pages_only_once_enrolled(tmp_path: Path) -> None:
    store = open_copy(template(), tmp_path / "desk")
    try:
        from tests.sync.support import receive

        result = receive(store, tmp_path / "pages")
        with store.read_session() as session:
            settings = receipt_settings(session)
        assert settings.citizen_url == ""
        assert settings.lookup_for(result.code, "ABCDE23456").startswith("https://dichvucong.gov.vn/")
        assert settings.survey_for(result.code, "ABCDE23456") == ""  # no survey QR before enrolment
        from app.forms.settings import ReceiptSettings

        address = {"sync.citizen_url": PUBLIC_URL}
        assert ReceiptSettings.from_values(address).citizen_url == ""  # known, but not enrolled
        enrolled = ReceiptSettings.from_values({**address, "sync.portal_url": "http://127.0.0.1:1"})
        assert enrolled.lookup_for("C", "ABCDE23456") == f"{PUBLIC_URL}/tra-cuu?ma=C&k=ABCDE23456"
        assert enrolled.lookup_for("C", "").startswith("https://dichvucong.gov.vn/")  # an old dossier
    finally:
        store.close()


def test_lookup_shows_the_status_and_a_masked_name_only_and_the_survey_reaches_the_desk(
        received: Received, db_url: str) -> None:
    d = received
    assert d.lookup_qr == f"{PUBLIC_URL}/tra-cuu?ma={d.code}&k={d.secret}"
    assert d.survey_qr == f"{PUBLIC_URL}/danh-gia?ma={d.code}&k={d.secret}"
    page = get(d.local(d.lookup_qr))
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "Nguyễn T. L." in text and "Nguyễn Thị Lan" not in text
    for personal in ("001190012345", "0912 345 678", "Số 5, thôn Đông", "lan@example.vn", "1990"):
        assert personal not in text, personal
    assert d.code in text and "Mới tiếp nhận" in text and "Đăng ký khai sinh" in text
    assert "Căn cước" in text and "Quá trình giải quyết" in text
    assert page.headers["referrer-policy"] == "no-referrer" and page.headers["cache-control"] == "no-store"

    first = answer(d)
    assert first.status_code == 200 and "Đánh giá đã được ghi nhận" in first.text
    second = answer(d, overall="2", attitude="3", y_kien="Phải chờ lâu")
    assert second.status_code == 200
    engine = get_engine(db_url)
    with write_session(engine) as session:
        rows = session.scalars(select(SurveyAnswer)).all()
        assert len(rows) == 1 and rows[0].ratings["overall"] == 2 and rows[0].comment == "Phải chờ lâu"
        assert rows[0].answers == 2
        kinds = session.scalars(select(Change.unit_code).where(Change.kind == "survey.answer")).all()
        assert kinds == [d.store.unit.code] * 2  # for the dossier's unit, not every desk
    with enrol_desk(d.portal.url, db_url, "000.00.07.H56") as other_unit:  # another commune's desk
        assert [c for c in other_unit.changes(limit=1000)["changes"] if c["kind"] == "survey.answer"] == []
    shown = get(d.local(d.survey_qr))
    assert re.search(r'name="overall" value="2" required\s+checked', shown.text)  # the last answer shown

    report = sync_once(d.store, reserve=False)
    assert report.errors == []
    with d.store.read_session() as session:
        kept = session.get(DeskAnswer, d.dossier_id)
        assert kept is not None and kept.ratings["overall"] == 2 and kept.comment == "Phải chờ lâu"
        figures = compute_report(session, make_period(local_today(), local_today())).to_dict()["survey"]
    assert figures["answers"] == 1 and figures["averages"]["overall"] == 2.0
    assert figures["overall"]["2"] == 1 and figures["satisfied_rate"] == 0.0


def test_a_wrong_secret_is_answered_exactly_like_an_unknown_code(received_sqlite: Received) -> None:
    d = received_sqlite
    url = f"{d.portal.url}/tra-cuu"
    wrong = get(url, ma=d.code, k=wrong_secret(d.secret))
    unknown_code = d.code[:-4] + ("0000" if not d.code.endswith("0000") else "0001")
    unknown = get(url, ma=unknown_code, k=d.secret)
    assert wrong.status_code == unknown.status_code == 404
    # The page shows the code typed back in the form, so compare with that one replaced.
    assert wrong.text.replace(d.code, "CODE") == unknown.text.replace(unknown_code, "CODE")
    assert "Nguyễn" not in wrong.text
    for path in ("/danh-gia",):
        a = get(f"{d.portal.url}{path}", ma=d.code, k=wrong_secret(d.secret))
        b = get(f"{d.portal.url}{path}", ma=unknown_code, k=d.secret)
        assert a.status_code == b.status_code == 404
        assert a.text.replace(d.code, "CODE") == b.text.replace(unknown_code, "CODE")
    posted = httpx.post(f"{d.portal.url}/danh-gia", timeout=30,
                        data={**ANSWER, "ma": d.code, "k": wrong_secret(d.secret)})
    assert posted.status_code == 404
    # Typed by hand: lower case and the printed dash still open it.
    typed = get(url, ma=f" {d.code.lower()} ", k=f"{d.secret[:5].lower()}-{d.secret[5:]}")
    assert typed.status_code == 200


def test_guesses_are_limited_per_code_and_per_address(received_sqlite: Received) -> None:
    d = received_sqlite
    url = f"{d.portal.url}/tra-cuu"
    for _ in range(FAILURES_PER_CODE):
        assert get(url, ma=d.code, k=wrong_secret(d.secret)).status_code == 404
    # Now even the right secret waits: the answer must not tell a right guess from a wrong one.
    assert get(url, ma=d.code, k=d.secret).status_code == 429
    assert get(url, ma=d.code, k=wrong_secret(d.secret)).status_code == 429
    # Other codes from this address: limited once the address has failed FAILURES_PER_ADDRESS times.
    others = [f"{d.code[:-4]}{n:04d}" for n in range(9000, 9000 + FAILURES_PER_ADDRESS)]
    statuses = [get(url, ma=code, k=d.secret).status_code for code in others]
    assert statuses.count(404) == FAILURES_PER_ADDRESS - FAILURES_PER_CODE and statuses[-1] == 429


def test_the_limiter_forgets_the_oldest_keys_and_restarts_its_window() -> None:
    limiter = GuessLimiter(limit=2, window=60, max_keys=3)
    for key in ("a", "a", "b", "c", "d"):
        limiter.failed(key, now=0)
    assert len(limiter) == 3 and not limiter.blocked("a", now=1)  # "a" was forgotten first
    limiter.failed("d", now=1)
    assert limiter.blocked("d", now=2) and not limiter.blocked("d", now=61)


def test_hostile_input_is_answered_plainly_and_stored_markup_is_escaped(received_sqlite: Received,
                                                                         sqlite_url: str) -> None:
    d = received_sqlite
    url = f"{d.portal.url}/tra-cuu"
    long_code = get(url, ma="9" * 5000, k=d.secret)
    assert long_code.status_code == 404 and "9" * 50 not in long_code.text
    raw = httpx.get(f"{url}?ma=%FF%FE&k=%C3", timeout=30)
    assert raw.status_code == 400 and "UTF-8" in raw.text
    posted = httpx.post(f"{d.portal.url}/danh-gia", content=b"ma=%FF&k=1", timeout=30,
                        headers={"content-type": "application/x-www-form-urlencoded"})
    assert posted.status_code == 400
    huge = httpx.post(f"{d.portal.url}/danh-gia", content=b"y_kien=" + b"a" * 100_000, timeout=30,
                      headers={"content-type": "application/x-www-form-urlencoded"})
    assert huge.status_code == 400
    injected = get(url, ma=d.code, k='"><script>alert(1)</script>')
    assert injected.status_code == 404 and "<script>" not in injected.text
    # A hostile value stored by a desk is shown as text, never as markup.
    with write_session(get_engine(sqlite_url)) as session:
        row = session.scalar(select(Dossier).where(Dossier.code == d.code))
        data = dict(row.data)
        data["procedure"] = {**data["procedure"], "name": "<img src=x onerror=alert(1)>"}
        data["applicant"] = {**data["applicant"], "full_name": "<b>Trần</b> Văn <i>Bình</i>"}
        row.data = data
    page = get(url, ma=d.code, k=d.secret)
    assert page.status_code == 200
    assert "<img src=x" not in page.text and "&lt;img src=x onerror=alert(1)&gt;" in page.text
    assert "<b>" not in page.text and "&lt;b&gt;Trần&lt;/b&gt; V. &lt;." in page.text
    # A comment with markup and an unanswered question: refused with the question named.
    partial = answer(d, overall="", y_kien="<script>x</script>")
    assert partial.status_code == 422 and "Mức độ hài lòng chung" in partial.text
    assert "<script>x" not in partial.text


def test_the_answer_can_be_changed_for_a_week_then_is_refused_with_a_clear_page(
        received_sqlite: Received, sqlite_url: str) -> None:
    d = received_sqlite
    assert answer(d).status_code == 200
    engine = get_engine(sqlite_url)
    with write_session(engine) as session:  # the first answer was given eight days ago
        row = session.scalar(select(SurveyAnswer))
        row.first_at = row.first_at - timedelta(days=8)
    late = answer(d, overall="1")
    assert late.status_code == 403 and "Đã hết thời hạn sửa đánh giá" in late.text
    assert get(d.local(d.survey_qr)).status_code == 403
    with write_session(engine) as session:
        assert session.scalar(select(SurveyAnswer.ratings))["overall"] == 5
        assert session.scalar(select(SurveyAnswer.answers)) == 1
    # Still inside the window (six days): changing works.
    with write_session(engine) as session:
        row = session.scalar(select(SurveyAnswer))
        row.first_at = row.first_at + timedelta(days=2)
    assert answer(d, overall="3").status_code == 200
    assert query_of(d.survey_qr)["k"] == d.secret


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "https://motcua.vn/a b", "https://motcua.vn/?a=1",
                                 "ftp://motcua.vn", "https://" + "a" * 200])
def test_a_bad_public_address_is_refused_before_anything_is_created(bad: str, tmp_path: Path) -> None:
    from app.errors import InputError
    from portal.server import create_app

    with pytest.raises(InputError, match="--public-url"):
        create_app(f"sqlite:///{tmp_path / 'portal.db'}", tmp_path / "blobs", public_url=bad)
    assert not (tmp_path / "portal.db").exists()


def test_the_desk_keeps_only_a_usable_published_address(tmp_path: Path) -> None:
    from app import options
    from app.store.models import Setting
    from sync.client import Reply
    from sync.limits import remember_citizen_url

    store = open_copy(template(), tmp_path / "desk")
    try:
        def kept() -> object:
            with store.read_session() as session:
                row = session.get(Setting, options.CITIZEN_URL.key)
                return None if row is None else row.value

        for hostile in ("javascript:alert(1)", "https://x.vn/\"><script>", 42, "https://" + "a" * 300):
            remember_citizen_url(store, Reply(200, {}, {"citizen_url": hostile}))
            assert kept() is None
        remember_citizen_url(store, Reply(200, {}, {"citizen_url": "https://motcua.example.gov.vn/"}))
        assert kept() == "https://motcua.example.gov.vn"
        remember_citizen_url(store, Reply(503, {}, None))  # a failed answer changes nothing
        assert kept() == "https://motcua.example.gov.vn"
        remember_citizen_url(store, Reply(200, {}, {"max_json_bytes": 1}))  # the portal dropped it
        assert kept() is None
    finally:
        store.close()


@pytest.fixture
def wide_secret(sqlite_url: str, blobs_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A dossier whose lookup secret has the widest letters of the alphabet."""
    import app.reception.service

    monkeypatch.setattr(app.reception.service, "new_lookup_secret", lambda: "WMWMWMWMWM")
    with synced_dossier(sqlite_url, blobs_dir, tmp_path / "desk") as dossier:
        yield dossier


@pytest.mark.parametrize("which", ["received_sqlite", "wide_secret"])
def test_the_printed_receipt_carries_both_portal_qr_codes_and_the_secret(which: str, tmp_path: Path,
                                                                          request: pytest.FixtureRequest) -> None:
    from app.citizen import secret_for_print
    from app.forms.render import render_form
    from tests.app.test_receipt_support import pdf_pages, png_of_page, qr_texts

    d: Received = request.getfixturevalue(which)
    with d.store.read_session() as session:
        pdf = render_form(session, d.store, d.code, "01", out=tmp_path / "receipt.pdf")
    assert sorted(qr_texts(png_of_page(pdf, 1, tmp_path / "receipt.png"))) == sorted([d.lookup_qr, d.survey_qr])
    text = pdf_pages(pdf)[0]
    assert re.search(rf"Mã bí mật:\s+{secret_for_print(d.secret)}\n", text), text  # typable by hand


def test_a_comment_typed_in_decomposed_unicode_still_reaches_the_desk(received_sqlite: Received) -> None:
    import unicodedata

    d = received_sqlite
    typed = unicodedata.normalize("NFD", "Cán bộ hướng dẫn tận tình")  # what some phone keyboards send
    assert answer(d, y_kien=typed).status_code == 200
    report = sync_once(d.store, reserve=False)
    assert report.errors == []
    with d.store.read_session() as session:
        kept = session.get(DeskAnswer, d.dossier_id)
    assert kept is not None and kept.comment == unicodedata.normalize("NFC", typed)
