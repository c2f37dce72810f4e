"""Vietnamese phone numbers and e-mail addresses: what is accepted, normalised and refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import InputError
from app.identity.contact import email_problem, normalise_email, normalise_phone, phone_problem


@pytest.mark.parametrize(("typed", "national"), [
    ("0912345678", "0912345678"),
    ("091 234 5678", "0912345678"),
    ("091.234.5678", "0912345678"),
    ("+84 912 345 678", "0912345678"),
    ("+84912345678", "0912345678"),
    ("0084 912 345 678", "0912345678"),
    ("84912345678", "0912345678"),
    ("0356-789-012", "0356789012"),
    ("0587 123 456", "0587123456"),
    ("0703 123 456", "0703123456"),
    ("0868 123 456", "0868123456"),
    ("(024) 3825 1234", "02438251234"),
    ("+84 24 3825 1234", "02438251234"),
    ("0236 3822 123", "02363822123"),
    ("0263 382 212", "0263382212"),
])
def test_valid_numbers_are_normalised(typed: str, national: str) -> None:
    assert normalise_phone(typed) == national
    assert phone_problem(typed) is None


@pytest.mark.parametrize(("typed", "words"), [
    ("091234567", "10 digits, this one has 9"),
    ("09123456789", "10 digits, this one has 11"),
    ("0112345678", "neither a mobile"),
    ("0412345678", "neither a mobile"),
    ("021234567", "10 or 11 digits, this one has 9"),
    ("021234567890", "10 or 11 digits, this one has 12"),
    ("912345678", "must start with 0"),
    ("+1 202 555 0101", "Vietnamese numbers"),
    ("09l2345678", "only digits"),
    ("０９１２３４５６７８", "only digits"),  # full-width digits are not ASCII digits
    ("   ", "is empty"),
])
def test_malformed_numbers_say_what_is_wrong(typed: str, words: str) -> None:
    problem = phone_problem(typed)
    assert problem is not None and words in problem
    with pytest.raises(InputError, match=r"^phone: "):
        normalise_phone(typed)


@settings(max_examples=200)
@given(st.sampled_from(["3", "5", "7", "8", "9"]), st.text("0123456789", min_size=8, max_size=8),
       st.sampled_from(["", " ", ".", "-"]))
def test_every_mobile_number_round_trips(network: str, rest: str, sep: str) -> None:
    national = "0" + network + rest
    typed = sep.join([national[:4], national[4:7], national[7:]])
    assert normalise_phone(typed) == national
    assert normalise_phone("+84" + national[1:]) == national


@pytest.mark.parametrize(("typed", "clean"), [
    ("lan@example.vn", "lan@example.vn"),
    ("  Lan.Nguyen+desk@Example.COM.vn ", "Lan.Nguyen+desk@example.com.vn"),
    ("a_b-c@mail.gov.vn", "a_b-c@mail.gov.vn"),
])
def test_valid_email(typed: str, clean: str) -> None:
    assert email_problem(typed) is None
    assert normalise_email(typed) == clean


@pytest.mark.parametrize(("typed", "words"), [
    ("lan.example.vn", "exactly one @"),
    ("lan@@example.vn", "exactly one @"),
    ("lan@example", "not an address"),
    ("lan @example.vn", "not an address"),
    ("lân@example.vn", "not an address"),
    (".lan@example.vn", "not an address"),
    ("lan..nguyen@example.vn", "not an address"),
    ("lan@-example.vn", "not an address"),
    ("x" * 65 + "@example.vn", "64 characters"),
    ("", "is empty"),
])
def test_malformed_email(typed: str, words: str) -> None:
    problem = email_problem(typed)
    assert problem is not None and words in problem
    with pytest.raises(InputError, match=r"^email: "):
        normalise_email(typed)
