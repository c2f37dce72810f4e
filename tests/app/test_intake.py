"""`motcua intake --json FILE`: the documented example works as is; bad files are named, nothing written."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import InputError
from app.reception.intake import request_from_intake_json
from app.reception.model import ReceptionInvalid
from app.reception.service import confirm_reception
from app.store.models import Dossier, Page
from tests.app.reception_support import MONDAY_9, PASSWORD, store  # noqa: F401

EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "docs" / "examples"
EXAMPLE = EXAMPLE_DIR / "intake-birth-registration.json"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A private copy of the example and its pages, to edit freely."""
    folder = tmp_path / "intake"
    shutil.copytree(EXAMPLE_DIR, folder)
    return folder / EXAMPLE.name


def edited(path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def dossier_count(store) -> int:  # noqa: F811
    with store.read_session() as session:
        return session.scalar(select(func.count()).select_from(Dossier))


def test_documented_example_is_received_as_is(store, tmp_path: Path,  # noqa: F811
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # page paths are relative to the file, not to where one runs
    request = request_from_intake_json(EXAMPLE)
    assert [d.pages[0].path for d in request.documents] == [
        EXAMPLE_DIR / "pages" / "to-khai.png", EXAMPLE_DIR / "pages" / "giay-chung-sinh.png"]
    result = confirm_reception(store, request, now=MONDAY_9)
    assert result.code == "000.00.06.H56-261123-10001"
    assert result.received_at == MONDAY_9 and result.due_at == datetime(2026, 11, 23, 17, 0)
    with store.read_session() as session:
        sizes = sorted(session.scalars(select(Page.size)))
    assert sizes == sorted(p.stat().st_size for p in (EXAMPLE_DIR / "pages").glob("*.png"))


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["documents"][1].update(form="photo"),
     r"documents\[1\]\.form: 'photo' is not one of original, certified_copy, copy"),
    (lambda d: d["applicant"].update(birth_date="01/05/1990"),
     r"applicant\.birth_date: '01/05/1990' is not a date like 2026-11-24"),
    (lambda d: d.update(channel="fax"), r"channel: 'fax' is not one of desk, post_office, community"),
    (lambda d: d["documents"][0].update(copies="1"), r"documents\[0\]\.copies: expected a whole number"),
    (lambda d: d["documents"][0].update(pages="pages/to-khai.png"),
     r"documents\[0\]\.pages: expected a list"),
    (lambda d: d.update(aplicant={}), r"aplicant: unknown key"),
    (lambda d: d.update(documents={}), r"documents: expected a list"),
])
def test_malformed_files_name_the_json_path(example: Path, change: Callable[[dict], None],
                                            message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        request_from_intake_json(edited(example, change))
    assert str(info.value).startswith(str(example))


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        request_from_intake_json(tmp_path / "absent.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"procedure_code": "1.001193",\n  "applicant": }', encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON .* line 2, column 16"):
        request_from_intake_json(broken)
    broken.write_bytes("{\"note\": \"Đăng ký\"}".encode("utf-16"))
    with pytest.raises(InputError, match="UTF-8"):
        request_from_intake_json(broken)
    broken.write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match="top level: expected an object"):
        request_from_intake_json(broken)


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: d["documents"][1]["pages"][0].update(path="pages/missing.png"), "documents[1].pages[0].path"),
    (lambda d: d["applicant"].update(birth_date="1991-05-01"), "applicant.id_number"),
    (lambda d: d["applicant"].update(phone="12345"), "applicant.phone"),
])
def test_rule_violations_are_named_and_nothing_is_written(store, example: Path, change,  # noqa: F811
                                                          field: str) -> None:
    request = request_from_intake_json(edited(example, change))
    with pytest.raises(ReceptionInvalid) as info:
        confirm_reception(store, request, now=MONDAY_9)
    assert [p.field for p in info.value.problems] == [field]
    assert dossier_count(store) == 0 and store.blobs.addresses() == []


@pytest.mark.parametrize("change", [
    lambda d: d.update(documents=d["documents"][:1]),
    lambda d: d["documents"][1].update(received=False, pages=[]),
])
def test_incomplete_intake_waits_for_supplements_without_appointment(store, example: Path,  # noqa: F811
                                                                     change) -> None:
    """A required document missing and no reason recorded: received, but on the supplements path."""
    from app.store.models import Dossier, StatusEvent

    result = confirm_reception(store, request_from_intake_json(edited(example, change)), now=MONDAY_9)
    assert result.needs_supplements and result.due_at is None
    with store.read_session() as session:
        dossier = session.get(Dossier, result.dossier_id)
        actions = [e.action for e in session.query(StatusEvent).filter_by(dossier_id=dossier.id)
                   .order_by(StatusEvent.at, StatusEvent.id)]
    assert (dossier.status, dossier.due_at, dossier.paused_at) == ("CHO_BO_SUNG", None, MONDAY_9)
    assert actions == [None, "request_supplement"]


def test_intake_command(store, capsys: pytest.CaptureFixture[str],  # noqa: F811
                        monkeypatch: pytest.MonkeyPatch, example: Path) -> None:
    from app.cli.main import main

    root = str(store.paths.root)
    store.close()
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    assert main(["intake", "--data-dir", root, "--json", str(example), "--user", "admin"]) == 0
    out, _ = capsys.readouterr()
    assert out.strip().startswith("000.00.06.H56-")
    bad = edited(example, lambda d: d["documents"][1].update(form="photo"))
    assert main(["intake", "--data-dir", root, "--json", str(bad), "--user", "admin"]) == 2
    _, err = capsys.readouterr()
    assert "documents[1].form: 'photo' is not one of original, certified_copy, copy" in err
