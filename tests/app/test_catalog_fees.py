"""Fee rules: table-driven checks of every rule kind, caps, channels, exemptions and bad input."""

from __future__ import annotations

import pytest

from app.catalog.fees import FeeRule, compute_fee, fee_rule_from_entry, format_vnd
from app.errors import InputError

COPY_CERT = FeeRule(kind="per_page", per_page_first_2=2000, per_page_from_3=1000, max_per_copy=200000)
RESIDENCE = FeeRule(kind="per_channel", by_channel={"truc_tiep": 20000, "truc_tuyen": 10000})
SIGNATURE = FeeRule(kind="flat", amount_vnd=10000)
FREE = FeeRule(kind="free", amount_vnd=0)
UNKNOWN = FeeRule(kind="unknown", note="Theo HĐND tỉnh")


@pytest.mark.parametrize(("pages", "copies", "expected"), [
    (1, 1, 2000),
    (2, 1, 4000),
    (3, 1, 5000),  # 2 × 2,000 + 1 × 1,000
    (10, 1, 12000),  # 2 × 2,000 + 8 × 1,000
    (300, 1, 200000),  # 302,000 capped per copy
    (198, 1, 200000),  # exactly the cap: 4,000 + 196,000
    (199, 1, 200000),  # one page over the cap
    (1, 2, 4000),
    (3, 2, 10000),
    (10, 2, 24000),
    (300, 2, 400000),  # the cap is per copy, not per request
])
def test_copy_certification_per_page_tiers_and_cap(pages: int, copies: int, expected: int) -> None:
    quote = compute_fee(COPY_CERT, pages=pages, copies=copies)
    assert quote.amount_vnd == expected
    assert sum(line.amount_vnd for line in quote.lines) == expected
    assert all(line.quantity * line.unit_vnd == line.amount_vnd for line in quote.lines)


def test_per_page_lines_say_which_pages() -> None:
    lines = compute_fee(COPY_CERT, pages=10, copies=2).lines
    assert [(line.label, line.quantity, line.unit_vnd) for line in lines] == [
        ("Trang 1–2", 4, 2000), ("Trang 3–10", 16, 1000)]
    capped = compute_fee(COPY_CERT, pages=300).lines
    assert len(capped) == 1 and "tối đa 200.000 đ/bản" in capped[0].label


def test_per_page_without_cap() -> None:
    rule = FeeRule(kind="per_page", per_page_first_2=2000, per_page_from_3=1000, max_per_copy=None)
    assert compute_fee(rule, pages=300).amount_vnd == 302000


@pytest.mark.parametrize(("rule", "channel", "copies", "expected"), [
    (RESIDENCE, "truc_tiep", 1, 20000),
    (RESIDENCE, "truc_tuyen", 1, 10000),
    (RESIDENCE, "buu_chinh", 1, None),  # no amount published for the postal channel
    (RESIDENCE, "truc_tiep", 3, 60000),
    (SIGNATURE, "truc_tiep", 1, 10000),
    (SIGNATURE, "buu_chinh", 2, 20000),
    (FREE, "truc_tuyen", 5, 0),
    (UNKNOWN, "truc_tiep", 1, None),
])
def test_flat_free_unknown_and_per_channel(rule: FeeRule, channel: str, copies: int,
                                           expected: int | None) -> None:
    quote = compute_fee(rule, channel=channel, copies=copies)
    assert quote.amount_vnd == expected
    assert quote.needs_entry is (expected is None)


def test_unknown_fee_tells_the_official_to_enter_it() -> None:
    quote = compute_fee(UNKNOWN)
    assert quote.lines == []
    assert "HĐND" in quote.note and "nhập số tiền" in quote.note and "Theo HĐND tỉnh" in quote.note
    missing_channel = compute_fee(RESIDENCE, channel="buu_chinh")
    assert "bưu chính" in missing_channel.note


@pytest.mark.parametrize(("rule", "kwargs", "waived"), [
    (COPY_CERT, {"pages": 3, "copies": 2}, 10000),
    (SIGNATURE, {}, 10000),
    (RESIDENCE, {"channel": "truc_tuyen"}, 10000),
    (COPY_CERT, {}, None),  # exempt needs no page count
    (UNKNOWN, {}, None),
    (FREE, {}, None),
])
def test_exemption_makes_the_amount_zero_and_keeps_the_reason(rule: FeeRule, kwargs: dict,
                                                              waived: int | None) -> None:
    quote = compute_fee(rule, exempt_reason="hộ nghèo", **kwargs)
    assert quote.amount_vnd == 0
    assert sum(line.amount_vnd for line in quote.lines) == 0
    assert quote.lines[-1].label == "Miễn: hộ nghèo"
    assert quote.lines[-1].amount_vnd == (-waived if waived else 0)
    assert "hộ nghèo" in quote.note


@pytest.mark.parametrize(("rule", "kwargs", "message"), [
    (COPY_CERT, {}, "pages"),
    (COPY_CERT, {"pages": -1}, "pages"),
    (COPY_CERT, {"pages": 0}, "pages"),
    (COPY_CERT, {"pages": 2, "copies": 0}, "copies"),
    (SIGNATURE, {"copies": -2}, "copies"),
    (SIGNATURE, {"copies": True}, "copies"),
    (SIGNATURE, {"channel": "qua_zalo"}, "qua_zalo"),
    (SIGNATURE, {"exempt_reason": "  "}, "exempt_reason"),
])
def test_bad_input_is_refused_with_the_field_named(rule: FeeRule, kwargs: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        compute_fee(rule, **kwargs)


@pytest.mark.parametrize(("entry", "kind"), [
    ({"fee_vnd": 0}, "free"),
    ({"fee_vnd": 8000}, "flat"),
    ({"fee_vnd": None}, "unknown"),
    ({}, "unknown"),
    ({"fee_by_channel": {"truc_tiep": 15000}}, "per_channel"),
    ({"fee_rule": {"per_page_first_2": 2000, "per_page_from_3": 1000, "max_per_copy": 200000}}, "per_page"),
])
def test_entry_keys_round_trip(entry: dict, kind: str) -> None:
    rule = fee_rule_from_entry(entry, where="e")
    assert rule.kind == kind
    assert fee_rule_from_entry(rule.to_entry(), where="e") == rule


@pytest.mark.parametrize(("entry", "message"), [
    ({"fee_vnd": -1}, "fee_vnd: fee must not be negative"),
    ({"fee_vnd": "10.000"}, "fee_vnd: must be a whole number"),
    ({"fee_vnd": True}, "fee_vnd: must be a whole number"),
    ({"fee_vnd": 1.5}, "fee_vnd: must be a whole number"),
    ({"fee_by_channel": {"fax": 1}}, "unknown channel 'fax'"),
    ({"fee_by_channel": {}}, "fee_by_channel: must be a non-empty mapping"),
    ({"fee_rule": {"per_page_first_2": 2000}}, "missing per_page_from_3"),
    ({"fee_rule": {"per_page_first_2": 2000, "per_page_from_3": 1000, "per_copy": 5}}, "unknown key"),
    ({"fee_vnd": 1, "fee_rule": {}}, "only one of"),
])
def test_bad_fee_entries(entry: dict, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        fee_rule_from_entry(entry, where="entry 4 (code '2.000884')")
    assert "entry 4 (code '2.000884')" in str(caught.value)


def test_format_vnd_uses_vietnamese_grouping() -> None:
    assert format_vnd(200000) == "200.000 đ"
    assert format_vnd(0) == "0 đ"
    assert format_vnd(-1500) == "−1.500 đ"
