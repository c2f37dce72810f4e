"""Drafts: saved encrypted per official, listed, loaded back identical, discarded, crash-proof."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import InputError, NotFoundError
from app.reception.drafts import discard_draft, list_drafts, load_draft, save_draft
from app.reception.model import (ApplicantInput, DocumentInput, PageInput, ReceptionRequest,
                                 RepresentativeInput, request_from_dict)
from app.store.models import Draft
from app.store.service import open_store
from tests.app.reception_support import MONDAY_9, PASSWORD, birth_request, store  # noqa: F401

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
requests = st.builds(
    ReceptionRequest,
    procedure_code=texts,
    applicant=st.builds(ApplicantInput, full_name=texts, id_number=texts, phone=texts,
                        birth_date=st.none() | st.dates(), id_issue_date=st.none() | st.dates(),
                        source=st.sampled_from(["manual", "qr"])),
    representative=st.none() | st.builds(RepresentativeInput, full_name=texts, authorisation=texts),
    documents=st.lists(st.builds(
        DocumentInput, name=texts.filter(str.strip), required=st.booleans(),
        kind=st.sampled_from(["submit", "present"]), received=st.booleans(),
        form=st.sampled_from(["original", "certified_copy", "copy"]), copies=st.integers(0, 9),
        pages=st.lists(st.builds(PageInput, path=st.just(Path("/tmp/trang 1.png")),
                                 mime=st.sampled_from(["", "image/png"])), max_size=2)), max_size=3),
    channel=st.sampled_from(["desk", "post_office", "community"]),
    payment_method=st.sampled_from(["cash", "transfer", "exempt"]),
    fee_pages=st.none() | st.integers(0, 500), fee_amount=st.none() | st.integers(0, 10**7),
    delivery=st.sampled_from(["desk", "post"]), sets=st.integers(0, 5),
    received_at=st.none() | st.datetimes(min_value=datetime(2000, 1, 1)), draft_id=texts, note=texts)


@settings(max_examples=200)
@given(requests)
def test_json_round_trip_is_exact(request: ReceptionRequest) -> None:
    assert ReceptionRequest.from_json(request.to_json()) == request


def test_save_list_load_discard(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path)
    colleague = store.add_user(username="binh", full_name="Trần Văn Bình", role="receiver",
                               password="another long password")
    with store.session() as session:
        draft_id = save_draft(session, store.user.id, request)
        other = save_draft(session, colleague.id, ReceptionRequest(procedure_code="1.001193"))
    assert draft_id and draft_id != other
    with store.read_session() as session:
        mine = list_drafts(session, store.user.id)
        everyone = list_drafts(session)
        loaded = load_draft(session, draft_id)
    assert [d.id for d in mine] == [draft_id] and len(everyone) == 2
    assert mine[0].summary == "1.001193 Đăng ký khai sinh – Nguyễn Thị Lan"
    assert loaded.draft_id == draft_id
    request.draft_id = draft_id
    assert loaded == request  # pages' paths included
    with store.session() as session:
        request.note = "đã gọi điện"
        assert save_draft(session, store.user.id, request) == draft_id  # update in place
        discard_draft(session, other)
        discard_draft(session, other)  # twice is fine
    with store.read_session() as session:
        assert [d.id for d in list_drafts(session)] == [draft_id]
        assert load_draft(session, draft_id).note == "đã gọi điện"
        with pytest.raises(NotFoundError, match="no unfinished reception"):
            load_draft(session, other)


def test_drafts_are_not_readable_outside_the_encrypted_store(store, tmp_path: Path) -> None:  # noqa: F811
    with store.session() as session:
        save_draft(session, store.user.id, birth_request(store, tmp_path))
    store.close()
    for path in store.paths.root.rglob("*"):
        if path.is_file():
            assert "Nguyễn Thị Lan".encode() not in path.read_bytes(), path


def test_damaged_draft_names_the_draft(store) -> None:  # noqa: F811
    with store.session() as session:
        session.add(Draft(id="broken", user_id=store.user.id, data={"channel": "fax"}))
    with store.read_session() as session, pytest.raises(InputError, match="draft broken: channel: 'fax'"):
        load_draft(session, "broken")


def test_draft_survives_the_process_being_killed(store, tmp_path: Path) -> None:  # noqa: F811
    """A desk process saves a draft and is then killed hard: the draft is there after restart."""
    store.close()
    script = textwrap.dedent(f"""
        import os, signal, sys
        from app.paths import data_paths
        from app.reception.drafts import save_draft
        from app.reception.model import ReceptionRequest, ApplicantInput
        from app.store.service import open_store
        store = open_store(data_paths({str(store.paths.root)!r}), username="admin", password={PASSWORD!r})
        request = ReceptionRequest(procedure_code="1.001193", draft_id="crash-1",
                                   applicant=ApplicantInput(full_name="Trần Văn Bình"))
        with store.session() as session:
            save_draft(session, store.user.id, request)
        print("SAVED", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    env = dict(os.environ, MOTCUA_KDF_PROFILE="test")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert proc.stdout.strip() == "SAVED" and proc.returncode == -signal.SIGKILL, proc.stderr
    reopened = open_store(store.paths, username="admin", password=PASSWORD)
    try:
        with reopened.read_session() as session:
            drafts = list_drafts(session, reopened.user.id)
            assert [d.id for d in drafts] == ["crash-1"]
            assert drafts[0].summary == "1.001193 Đăng ký khai sinh – Trần Văn Bình"
            assert load_draft(session, "crash-1").applicant.full_name == "Trần Văn Bình"
    finally:
        reopened.close()


def test_request_reader_names_json_paths() -> None:
    with pytest.raises(InputError, match=r"^documents\[1\]\.form: 'photo' is not one of original, "
                                         r"certified_copy, copy$"):
        request_from_dict({"documents": [{"name": "A"}, {"name": "B", "form": "photo"}]})
    with pytest.raises(InputError, match=r"^applicant\.birth_date: '1/5/1990' is not a date"):
        request_from_dict({"applicant": {"birth_date": "1/5/1990"}})
    with pytest.raises(InputError, match=r"^documents\[0\]\.pages\[0\]\.path: missing"):
        request_from_dict({"documents": [{"name": "A", "pages": [{"mime": "image/png"}]}]})
    with pytest.raises(InputError, match=r"^applicnt: unknown key"):
        request_from_dict({"applicnt": {}})
    with pytest.raises(InputError, match=r"^sets: expected a whole number, got True"):
        request_from_dict({"sets": True})
    with pytest.raises(InputError, match=r"^received_at: give the unit's local time"):
        request_from_dict({"received_at": "2026-11-23T09:00+07:00"})
    parsed = request_from_dict({"applicant": {"birth_date": "1990-05-01"}})
    assert parsed.applicant.birth_date == date(1990, 5, 1)
    assert MONDAY_9.isoformat() == "2026-11-23T09:00:00"
