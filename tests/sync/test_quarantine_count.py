"""`sync --once --json` counts every item it quarantines in that pass, whichever way it was refused:
the portal refusing a scan upload, or a scan that cannot be read on this desk."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.store.models import Document, Page
from sync.engine import sync_once
from sync.status import sync_status
from tests.sync.support import receive


def test_portal_refusing_a_scan_upload_is_counted(enrolled, tmp_path) -> None:
    # The test portal takes scans up to 4 MB: this page is refused with 413 by the real portal.
    receive(enrolled, tmp_path, big_page=4_100_000, name="big")
    report = sync_once(enrolled, reserve=False)
    assert sync_status(enrolled).quarantined == 1
    assert report.quarantined == 1 and report.sent == 0, report


def test_unreadable_local_scan_is_counted(enrolled, tmp_path) -> None:
    result = receive(enrolled, tmp_path, name="lost")
    receive(enrolled, tmp_path, name="kept")
    with enrolled.read_session() as session:
        sha = session.scalars(select(Page.sha256).join(Document)
                              .where(Document.dossier_id == result.dossier_id)).first()
    enrolled.blobs.path_of(sha).unlink()  # the page file is gone (e.g. a restore without scans)
    report = sync_once(enrolled, reserve=False)
    assert report.quarantined == 1 and report.sent == 1, report


def test_cli_json_reports_the_quarantined_count(enrolled, tmp_path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from app.cli.main import main
    from tests.app.reception_support import PASSWORD

    receive(enrolled, tmp_path, big_page=4_100_000, name="big")
    data_dir = enrolled.paths.root
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    code = main(["--data-dir", str(data_dir), "sync", "--once", "--json", "--user", "admin"],
                extra_commands=("sync.cli",))
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["quarantined"] == 1, out
