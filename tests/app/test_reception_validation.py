"""Reception rules as the screen sees them (preview): every problem named by its field path."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from app.catalog.fees import FeeRule
from app.reception.model import (DocumentInput, FieldProblem, PageInput, ReceptionRequest,
                                 RepresentativeInput)
from app.reception.service import applicant_from_cccd, checklist_for, preview_reception
from app.identity.cccd import parse_cccd_qr
from app.reception.validation import version_in_force
from tests.app.reception_support import MONDAY_9, birth_request, page_file, store  # noqa: F401


def problems(store, request: ReceptionRequest, now: datetime = MONDAY_9) -> dict[str, str]:  # noqa: F811
    with store.read_session() as session:
        quote = preview_reception(session, request, now=now)
    return {p.field: p.message for p in quote.problems}


def test_complete_request_has_no_problem_and_a_live_appointment(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path)
    with store.read_session() as session:
        quote = preview_reception(session, request, now=MONDAY_9)
    assert quote.problems == []
    assert quote.procedure is not None and quote.procedure.name == "Đăng ký khai sinh"
    assert quote.received_at == MONDAY_9
    assert quote.due_at == datetime(2026, 11, 23, 17, 0)  # same day, received before 15:00
    assert quote.fee is not None and quote.fee.amount_vnd == 0


def test_after_cutoff_the_appointment_skips_the_holiday(store, tmp_path: Path) -> None:  # noqa: F811
    request = replace(birth_request(store, tmp_path), received_at=datetime(2026, 11, 23, 15, 30))
    with store.read_session() as session:
        quote = preview_reception(session, request, now=datetime(2026, 11, 23, 15, 31))
    assert quote.problems == []
    assert quote.due_at == datetime(2026, 11, 25, 17, 0)  # 24/11/2026 is a holiday


def test_applicant_problems_are_all_named(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path)
    request.applicant = replace(request.applicant, full_name="  ", id_number="00119001234",
                                birth_date=date(2027, 1, 1), phone="0123 456 789", email="lan@")
    found = problems(store, request)
    assert found["applicant.full_name"] == "the applicant's full name is required"
    assert "12 digits" in found["applicant.id_number"]
    assert "in the future" in found["applicant.birth_date"]
    assert "neither a mobile" in found["applicant.phone"]
    assert "not an address" in found["applicant.email"]


@pytest.mark.parametrize(("id_number", "birth", "sex"), [
    ("001190012345", date(1991, 5, 1), "Nữ"),   # birth year digits say 1990
    ("001190012345", date(1990, 5, 1), "Nam"),  # 4th digit says a woman born in the 1900s
    ("001290012345", date(1990, 5, 1), "Nữ"),   # 4th digit says the 2000s
])
def test_id_number_must_match_birth_date_and_sex(store, tmp_path: Path, id_number: str,  # noqa: F811
                                                 birth: date, sex: str) -> None:
    request = birth_request(store, tmp_path)
    request.applicant = replace(request.applicant, id_number=id_number, birth_date=birth, sex=sex)
    found = problems(store, request)
    assert list(found) == ["applicant.id_number"]
    assert "do not match the birth date" in found["applicant.id_number"]


def test_id_number_required_and_province_checked(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path)
    request.applicant = replace(request.applicant, id_number="")
    assert "is required" in problems(store, request)["applicant.id_number"]
    request.applicant = replace(request.applicant, id_number="999190012345")
    assert "province code" in problems(store, request)["applicant.id_number"]


def test_qr_applicant_is_valid_as_read(store, tmp_path: Path) -> None:  # noqa: F811
    record = parse_cccd_qr("001190012345|123456789|Nguyễn Thị Lan|01051990|Nữ|Số 5, thôn Đông, "
                           "xã Tân Lập|10082021", today=MONDAY_9.date())
    request = birth_request(store, tmp_path)
    request.applicant = applicant_from_cccd(record)
    assert request.applicant.source == "qr" and request.applicant.id_issue_date == date(2021, 8, 10)
    assert problems(store, request) == {}


def quote_of(store, request: ReceptionRequest):  # noqa: F811
    with store.read_session() as session:
        return preview_reception(session, request, now=MONDAY_9)


def test_missing_required_document_means_supplements_unless_a_reason(store, tmp_path: Path) -> None:  # noqa: F811
    """Not a problem any more: without a reason the dossier is received waiting for supplements,
    so the preview shows no appointment; with a reason it is accepted with one."""
    request = birth_request(store, tmp_path)
    request.documents[1].received, request.documents[1].pages = False, []
    quote = quote_of(store, request)
    assert quote.problems == [] and quote.due_at is None
    request.missing_reason = "Bệnh viện chưa cấp giấy chứng sinh; nộp bổ sung sau"
    quote = quote_of(store, request)
    assert quote.problems == [] and quote.due_at is not None


def test_required_checklist_item_left_out_is_missing(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path)
    request.documents = request.documents[:1]
    quote = quote_of(store, request)
    assert quote.problems == [] and quote.due_at is None


def test_document_shape_problems(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path)
    request.documents[0] = replace(request.documents[0], form="photo", copies=0)
    request.documents[1].pages.append(PageInput(tmp_path / "gone.png"))
    (tmp_path / "notes.txt").write_text("ghi chú", encoding="utf-8")
    request.documents[1].pages.append(PageInput(tmp_path / "notes.txt"))
    request.documents[2].pages = [PageInput(page_file(tmp_path, "x.png"))]  # not received
    found = problems(store, request)
    assert found["documents[0].form"] == "'photo' is not one of original, certified_copy, copy"
    assert "at least 1" in found["documents[0].copies"]
    assert "does not exist" in found["documents[1].pages[1].path"]
    assert "not a PDF or an image by its content" in found["documents[1].pages[2].path"]
    assert "not received" in found["documents[2].received"]


def test_procedure_problems(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path)
    request.procedure_code = ""
    assert problems(store, request)["procedure_code"] == "choose the procedure"
    request.procedure_code = "9.999999"
    assert "no procedure 9.999999 is in force on 23/11/2026" in problems(store, request)["procedure_code"]


def test_procedure_without_time_rule_cannot_be_confirmed(store, tmp_path: Path,  # noqa: F811
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import app.reception.validation as validation

    real = validation.version_in_force
    monkeypatch.setattr(validation, "version_in_force",
                        lambda s, c, d: replace(real(s, c, d), time_rule=None))
    request = birth_request(store, tmp_path)
    with store.read_session() as session:
        quote = preview_reception(session, request, now=MONDAY_9)
    assert quote.due_at is None
    assert [p.field for p in quote.problems] == ["procedure_code"]
    assert "no time limit" in quote.problems[0].message


def test_channel_delivery_payment_problems(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path)
    request.applicant = replace(request.applicant, address="")
    request = replace(request, channel="community", visit_place="", delivery="post", delivery_address="",
                      payment_method="exempt", exempt_reason=" ", sets=0, destination_unit="000.00.06.H56")
    found = problems(store, request)
    assert "where the community team" in found["visit_place"]
    assert "address to send it to" in found["delivery_address"]
    assert "why the fee is waived" in found["exempt_reason"]
    assert "from 1 to 100" in found["sets"]
    assert "post-office agent" in found["destination_unit"]
    request = replace(request, channel="post_office", destination_unit="H56")
    assert "agency identifier" in problems(store, request)["destination_unit"]


def test_received_in_the_future_is_refused(store, tmp_path: Path) -> None:  # noqa: F811
    request = replace(birth_request(store, tmp_path), received_at=datetime(2026, 11, 23, 10, 0))
    assert "in the future" in problems(store, request, now=MONDAY_9)["received_at"]


def _version_with_fee(store, rule: FeeRule):  # noqa: F811
    with store.read_session() as session:
        version = version_in_force(session, "1.001193", MONDAY_9.date())
    return replace(version, fee=rule)


@pytest.mark.parametrize(("rule", "fields", "expect"), [
    # certified copies: 2,000 đ per page for pages 1–2, 1,000 đ from page 3, capped at 200,000 đ
    (FeeRule("per_page", per_page_first_2=2000, per_page_from_3=1000, max_per_copy=200000),
     {"fee_pages": 5, "fee_copies": 2}, 14000),
    (FeeRule("per_page", per_page_first_2=2000, per_page_from_3=1000, max_per_copy=200000),
     {"fee_pages": 500, "fee_copies": 1}, 200000),
    (FeeRule("flat", amount_vnd=8000), {"fee_copies": 3}, 24000),
    (FeeRule("per_channel", by_channel={"truc_tiep": 15000, "buu_chinh": 10000}),
     {"channel": "post_office"}, 10000),
    (FeeRule("unknown"), {"fee_amount": 50000}, 50000),
    (FeeRule("flat", amount_vnd=8000), {"payment_method": "exempt", "exempt_reason": "Hộ nghèo"}, 0),
])
def test_fee_rules(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rule: FeeRule,  # noqa: F811
                   fields: dict, expect: int) -> None:
    import app.reception.validation as validation

    version = _version_with_fee(store, rule)
    monkeypatch.setattr(validation, "version_in_force", lambda s, c, d: version)
    request = replace(birth_request(store, tmp_path), **fields)
    with store.read_session() as session:
        quote = preview_reception(session, request, now=MONDAY_9)
    assert quote.problems == []
    assert quote.fee is not None and quote.fee.amount_vnd == expect


@pytest.mark.parametrize(("rule", "fields", "field", "words"), [
    (FeeRule("per_page", per_page_first_2=2000, per_page_from_3=1000), {}, "fee_pages", "per page"),
    (FeeRule("unknown"), {}, "fee_amount", "HĐND"),
    (FeeRule("unknown"), {"fee_amount": -1}, "fee_amount", "0 or more"),
    (FeeRule("flat", amount_vnd=8000), {"fee_amount": 5000}, "fee_amount", "leave the amount empty"),
    (FeeRule("flat", amount_vnd=8000), {"fee_copies": 0}, "fee_copies", "at least 1"),
])
def test_fee_problems(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rule: FeeRule,  # noqa: F811
                      fields: dict, field: str, words: str) -> None:
    import app.reception.validation as validation

    version = _version_with_fee(store, rule)
    monkeypatch.setattr(validation, "version_in_force", lambda s, c, d: version)
    request = replace(birth_request(store, tmp_path), **fields)
    found = problems(store, request)
    assert list(found) == [field] and words in found[field]


def test_representative_needs_a_name_when_filled(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path)
    request.representative = RepresentativeInput(phone="12")
    found = problems(store, request)
    assert set(found) == {"representative.full_name", "representative.phone"}
    request.representative = RepresentativeInput()  # untouched section: no representative
    assert problems(store, request) == {}


def test_checklist_follows_the_catalogue(store) -> None:  # noqa: F811
    with store.read_session() as session:
        version = version_in_force(session, "1.001193", MONDAY_9.date())
    items = checklist_for(version)
    assert [d.name for d in items] == [d.name for d in version.documents]
    assert all(isinstance(d, DocumentInput) and not d.received for d in items)
    assert items[-1].kind == "present" and items[-1].form == "original"


def test_problem_text() -> None:
    assert str(FieldProblem("documents[1].form", "bad")) == "documents[1].form: bad"
