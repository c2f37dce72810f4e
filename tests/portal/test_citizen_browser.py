"""The citizen pages in a real headless Chromium (Debian's `chromium`), on a portal on loopback,
for a dossier received at a real desk and synced: the lookup QR's page opens at a phone's size,
the survey is filled in by clicks and typing and sent by its button (the pages need no
JavaScript: the test only plays the citizen's fingers), the answer arrives at the portal, and
phone-sized screenshots are taken (docs/screens/tra-cuu.png and danh-gia.png with
MOTCUA_SCREENS=docs/screens)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from portal.db import get_engine, write_session
from portal.models import SurveyAnswer
from testing.chromium import chromium_path, headless_page
from tests.portal.citizen_support import synced_dossier
from tests.screens import screen_path

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed")


def test_a_citizen_reads_the_status_and_answers_the_survey_in_chromium(sqlite_url: str, blobs_dir: Path,
                                                                       tmp_path: Path) -> None:
    with synced_dossier(sqlite_url, blobs_dir, tmp_path / "desk") as d, \
            headless_page(tmp_path / "chromium.log") as page:
        page.open(d.local(d.lookup_qr))
        assert page.value("document.documentElement.lang") == "vi"
        assert page.value("document.querySelector('h1').textContent") == "Tình trạng hồ sơ"
        text = page.value("document.body.innerText")
        assert "Nguyễn T. L." in text and "Mới tiếp nhận" in text and "001190012345" not in text
        # Mobile first: nothing wider than the phone's screen.
        assert page.value("document.documentElement.scrollWidth") <= 390
        shot = screen_path("tra-cuu.png", publish=True)
        if shot is not None:
            page.screenshot(shot)

        page.submit_by_click("a.button")  # the page's own link to the survey
        assert page.value("document.querySelector('h1').textContent") == "Đánh giá mức độ hài lòng"
        for key, level in (("attitude", 5), ("guidance", 4), ("timeliness", 4), ("overall", 5)):
            page.click(f"input[name={key}][value='{level}']")
        page.type("#y_kien", "Cán bộ hướng dẫn tận tình, đúng hẹn.")
        page.submit_by_click("form.card button[type=submit]")
        assert "Đánh giá đã được ghi nhận" in page.value("document.body.innerText")
        assert page.value("document.querySelector(\"input[name=overall][value='5']\").checked") is True
        shot = screen_path("danh-gia.png", publish=True)
        if shot is not None:
            page.screenshot(shot)
        # Sending it again with another choice keeps the last answer.
        page.click("input[name=overall][value='4']")
        page.submit_by_click("form.card button[type=submit]")

    with write_session(get_engine(sqlite_url)) as session:
        kept = session.scalars(select(SurveyAnswer)).all()
    assert len(kept) == 1 and kept[0].ratings == {"attitude": 5, "guidance": 4, "timeliness": 4, "overall": 4}
    assert kept[0].comment == "Cán bộ hướng dẫn tận tình, đúng hẹn." and kept[0].answers == 2
