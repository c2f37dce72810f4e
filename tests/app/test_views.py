"""Dossier views read back from rows written by a real confirm_reception: every value a form
prints, the snapshot rule for reprints, and the dossier list with its search."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest

from app.errors import InputError, NotFoundError
from app.reception.views import list_dossiers, load_dossier_view
from tests.app.test_receipt_support import (OFFICIAL, RECEIVED, UNIT, UNIT_NAME, applicant, birth_request,
                                            certify_request, make_desk, page_file, receive)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("views")
    store = make_desk(folder / "data")
    page = page_file(folder)
    birth = receive(store, birth_request(store, page))
    certify = receive(store, certify_request(store, page, pages=5, payment="transfer"))
    # The same citizen returns a minute later with a new address: stored applicant is updated.
    moved = replace(applicant(), address="Số 5, phố Mới, xã Tân Lập")
    later = receive(store, birth_request(store, page, applicant=moved,
                                         received_at=datetime(2025, 11, 24, 9, 6)))
    yield store, {"birth": birth, "certify": certify, "later": later}
    store.close()


def test_view_carries_every_printed_value(desk) -> None:
    store, codes = desk
    with store.read_session() as session:
        view = load_dossier_view(session, codes["certify"])
    assert view.code == codes["certify"]
    assert (view.unit.code, view.unit.name) == (UNIT, UNIT_NAME)
    assert view.procedure.code == "2.000815" and view.procedure.valid_from == date(2025, 7, 1)
    assert view.procedure.legal_days == "01" and view.procedure.time_rule is not None \
        and view.procedure.time_rule.unit == "same_day"
    assert view.applicant.full_name == "Nguyễn Văn An" and view.applicant.birth_date == date(1990, 5, 17)
    assert view.representative is not None and view.representative.full_name == "Lê Thị Cúc"
    assert view.submitted_by == "Lê Thị Cúc"
    assert [(d.name, d.form, d.copies, d.pages, d.received) for d in view.documents] == [
        ("Bản chính giấy tờ", "original", 1, 1, True),
        ("Bản sao cần chứng thực (hoặc cơ quan chụp)", "copy", 1, 1, True)]
    assert view.received_at == RECEIVED and view.due_at == datetime(2025, 11, 24, 17, 0)
    assert view.fee_vnd == 7000 and [line.amount_vnd for line in view.fee_lines] == [4000, 3000]
    assert (view.payment_method, view.delivery, view.channel) == ("transfer", "desk", "desk")
    assert view.received_by == OFFICIAL
    assert view.register_book == 2025 and view.register_seq == int(codes["certify"].rsplit("-", 1)[1])
    assert view.status == "DA_TIEP_NHAN" and view.to_dict()["status_label"] == "Mới tiếp nhận"
    assert view.sets == 1


def test_checklist_order_and_shown_documents(desk) -> None:
    store, codes = desk
    with store.read_session() as session:
        view = load_dossier_view(session, codes["birth"])
    assert [d.pages for d in view.documents] == [1, 2, 0]
    assert view.documents[2].kind == "present" and view.documents[0].kind == "submit"
    assert all(d.required for d in view.documents)


def test_reprint_shows_the_applicant_as_received(desk) -> None:
    store, codes = desk
    with store.read_session() as session:
        first = load_dossier_view(session, codes["birth"])
        later = load_dossier_view(session, codes["later"])
    assert first.applicant.address == "Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ"
    assert later.applicant.address == "Số 5, phố Mới, xã Tân Lập"


def test_view_to_dict_is_json_and_describe_reads_well(desk) -> None:
    store, codes = desk
    with store.read_session() as session:
        view = load_dossier_view(session, codes["birth"])
    data = json.loads(json.dumps(view.to_dict(), ensure_ascii=False))
    assert data["code"] == codes["birth"] and data["received_at"] == "2025-11-24T09:05:00"
    assert data["procedure"]["time_rule"] == {"unit": "same_day", "value": 0, "cutoff_15h": True}
    text = view.describe()
    assert f"{codes['birth']}  [Mới tiếp nhận]" in text and "Hẹn trả: 17:00 24/11/2025" in text
    assert "Phí, lệ phí: 0 đ" in text


def test_unknown_or_empty_code(desk) -> None:
    store, _ = desk
    with store.read_session() as session:
        with pytest.raises(NotFoundError, match="no dossier 000.00.06.H56-200101-0001"):
            load_dossier_view(session, "000.00.06.H56-200101-0001")
        with pytest.raises(InputError, match="dossier code: empty"):
            load_dossier_view(session, "  ")


def test_list_newest_first_and_paged(desk) -> None:
    store, codes = desk
    with store.read_session() as session:
        rows = list_dossiers(session)
        page = list_dossiers(session, limit=1, offset=1)
    assert [r.code for r in rows][0] == codes["later"]  # received 09:06, the others 09:05
    assert {r.code for r in rows} == set(codes.values())
    assert len(page) == 1 and page[0].code == rows[1].code
    assert rows[0].applicant_name == "Nguyễn Văn An" and rows[0].procedure_name == "Đăng ký khai sinh"
    assert json.loads(json.dumps(rows[0].to_dict()))["fee_vnd"] == 0


@pytest.mark.parametrize(("search", "which"), [
    ("nguyen van an", {"birth", "certify", "later"}),  # accent-insensitive name
    ("NGUYỄN VĂN", {"birth", "certify", "later"}),
    ("001090", {"birth", "certify", "later"}),  # ID number prefix
    ("Trần", set()),
    ("%", set()), ("_", set()),  # punctuation alone is no search
    ("van an", {"birth", "certify", "later"}),  # words in any position, the last one unfinished
    ("251124 nguyen", {"birth", "certify", "later"}),  # a code part and a name word together
    ('an" OR "tran', set()),  # full-text syntax is text: every word must match
    ("NEAR(an van) *", set()),  # "near" is a word here, and no name has it
])
def test_search(desk, search: str, which: set[str]) -> None:
    store, codes = desk
    with store.read_session() as session:
        found = {r.code for r in list_dossiers(session, search=search)}
    assert found == {codes[name] for name in which}


def test_search_by_code(desk) -> None:
    store, codes = desk
    with store.read_session() as session:
        found = list_dossiers(session, search=codes["certify"])
        by_number = list_dossiers(session, search=codes["certify"].rsplit("-", 1)[1])
    assert [r.code for r in found] == [codes["certify"]]
    assert [r.code for r in by_number] == [codes["certify"]]


@pytest.mark.parametrize(("limit", "offset", "field"), [(0, 0, "limit"), (5000, 0, "limit"),
                                                         (10, -1, "offset"), (True, 0, "limit")])
def test_bad_paging(desk, limit: object, offset: object, field: str) -> None:
    store, _ = desk
    with store.read_session() as session, pytest.raises(InputError, match=f"^{field}:"):
        list_dossiers(session, limit=limit, offset=offset)  # type: ignore[arg-type]
