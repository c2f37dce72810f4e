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


# --- the rule shapes added for the grown catalogue: tiers, per unit, per channel, exemptions ----

CONTRACT_TIERS = {"fee_rule": {"kind": "tiers", "basis": "giá trị hợp đồng (đồng)", "tiers": [
    {"up_to": 50_000_000, "amount_vnd": 50_000}, {"up_to": 100_000_000, "amount_vnd": 100_000},
    {"up_to": None, "percent": 0.1}], "max_vnd": 70_000_000}}


@pytest.mark.parametrize(("quantity", "expected"), [
    (1, 50_000), (50_000_000, 50_000), (50_000_001, 100_000), (100_000_000, 100_000),
    (100_000_001, 100_000),  # 0.1 % of 100,000,001 rounds to 100,000 đ
    (3_000_000_000, 3_000_000), (90_000_000_000, 70_000_000),  # capped
])
def test_tiers_by_quantity_inclusive_bounds_and_cap(quantity: int, expected: int) -> None:
    rule = fee_rule_from_entry(CONTRACT_TIERS, where="e")
    assert rule.needs_quantity and not rule.needs_pages
    quote = compute_fee(rule, quantity=quantity)
    assert quote.amount_vnd == expected
    assert compute_fee(rule, quantity=quantity, copies=2).amount_vnd == 2 * expected


def test_quantity_rules_without_a_quantity_leave_the_amount_to_the_official() -> None:
    rule = fee_rule_from_entry({"fee_rule": {"kind": "per_unit", "unit": "người", "amount_vnd": 10_000}},
                               where="e")
    quote = compute_fee(rule)
    assert quote.needs_entry and "người" in quote.note
    assert compute_fee(rule, quantity=3).amount_vnd == 30_000
    capped = fee_rule_from_entry({"fee_rule": {"kind": "per_unit", "unit": "người", "amount_vnd": 10_000,
                                               "max_vnd": 25_000}}, where="e")
    assert compute_fee(capped, quantity=3).amount_vnd == 25_000
    assert compute_fee(fee_rule_from_entry(CONTRACT_TIERS, where="e")).needs_entry


def test_rule_per_channel_with_nested_rules() -> None:
    entry = {"fee_rule": {"kind": "by_channel",
                          "truc_tiep": {"kind": "per_page", "first_pages": 1, "first_page_vnd": 3000,
                                        "next_page_vnd": 500, "max_per_copy": None},
                          "truc_tuyen": {"kind": "flat", "amount_vnd": 0}},
             "fee_note": "ghi chú"}
    rule = fee_rule_from_entry(entry, where="e")
    assert rule.needs_pages
    direct = compute_fee(rule, channel="truc_tiep", pages=4)
    assert direct.amount_vnd == 3000 + 3 * 500
    assert [line.label for line in direct.lines] == ["Trang 1", "Trang 2–4"]
    assert compute_fee(rule, channel="truc_tuyen").amount_vnd == 0  # no pages needed online
    post = compute_fee(rule, channel="buu_chinh")
    assert post.needs_entry and "bưu chính" in post.note and "ghi chú" in post.note
    with pytest.raises(InputError, match="pages"):
        compute_fee(rule, channel="truc_tiep")


def test_exemptions_are_kept_and_offered() -> None:
    rule = fee_rule_from_entry({"fee_vnd": None, "fee_exempt": ["người thuộc hộ nghèo", " người  khuyết tật "]},
                               where="e")
    assert rule.exempt == ("người thuộc hộ nghèo", "người khuyết tật")
    assert compute_fee(rule, exempt_reason=rule.exempt[0]).amount_vnd == 0


@pytest.mark.parametrize("entry", [
    CONTRACT_TIERS,
    {"fee_rule": {"kind": "per_unit", "unit": "bản", "amount_vnd": 8000, "max_vnd": 80000}},
    {"fee_rule": {"kind": "per_page", "first_pages": 2, "first_page_vnd": 2000, "next_page_vnd": 1000,
                  "max_per_copy": 200000}},
    {"fee_rule": {"kind": "by_channel", "truc_tiep": {"kind": "flat", "amount_vnd": 20000},
                  "truc_tuyen": {"kind": "tiers", "basis": "số trang", "tiers": [{"up_to": None, "amount_vnd": 1}]}}},
    {"fee_vnd": 0, "fee_exempt": ["hộ nghèo"], "fee_note": "x"},
])
def test_new_shapes_round_trip(entry: dict) -> None:
    rule = fee_rule_from_entry(entry, where="e")
    assert fee_rule_from_entry(rule.to_entry(), where="e") == rule


@pytest.mark.parametrize(("rule", "message"), [
    ({"kind": "flat", "amount_vnd": 1}, "kind: must be one of per_page, tiers, per_unit, by_channel"),
    ({"kind": "tiers", "tiers": [{"up_to": None, "amount_vnd": 1}]}, "basis: missing"),
    ({"kind": "tiers", "basis": "x", "tiers": []}, "tiers: must be a non-empty list"),
    ({"kind": "tiers", "basis": "x", "tiers": [{"up_to": 10, "amount_vnd": 1}]}, r"tiers\[1\].up_to: the last tier must be open"),
    ({"kind": "tiers", "basis": "x", "tiers": [{"up_to": None, "amount_vnd": 1}, {"up_to": None, "amount_vnd": 2}]},
     r"tiers\[1\].up_to: only the last tier may be open"),
    ({"kind": "tiers", "basis": "x", "tiers": [{"up_to": 10, "amount_vnd": 1}, {"up_to": 5, "amount_vnd": 2},
                                                {"up_to": None, "amount_vnd": 3}]}, r"tiers\[2\].up_to: 5 is not above"),
    ({"kind": "tiers", "basis": "x", "tiers": [{"up_to": None, "amount_vnd": 1, "percent": 1}]}, "exactly one of"),
    ({"kind": "tiers", "basis": "x", "tiers": [{"up_to": None, "percent": 150}]}, "percent: must be a number from 0 to 100"),
    ({"kind": "tiers", "basis": "x", "tiers": [{"up_to": None, "percent": True}]}, "percent: must be a number"),
    ({"kind": "tiers", "basis": "x", "tiers": [{"up_to": None, "amount_vnd": 1}], "min_vnd": 5, "max_vnd": 4},
     "min_vnd: 5 is above max_vnd 4"),
    ({"kind": "per_unit", "amount_vnd": 1}, "unit: missing"),
    ({"kind": "per_unit", "unit": "người", "amount_vnd": -1}, "amount_vnd: fee must not be negative"),
    ({"kind": "per_page", "first_page_vnd": 1}, "missing next_page_vnd"),
    ({"kind": "per_page", "first_page_vnd": 1, "next_page_vnd": 1, "first_pages": 0}, "first_pages: must be"),
    ({"kind": "by_channel"}, "by_channel needs a rule"),
    ({"kind": "by_channel", "fax": {"kind": "flat", "amount_vnd": 1}}, "unknown key 'fax'"),
    ({"kind": "by_channel", "truc_tiep": {"kind": "by_channel"}}, "cannot be nested"),
    ({"kind": "by_channel", "truc_tiep": {"kind": "flat", "amount_vnd": 1, "x": 2}}, "truc_tiep: unknown key 'x'"),
    ("50000", "must be a mapping with a kind"),
])
def test_bad_new_rules_name_the_entry_and_the_key(rule: object, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        fee_rule_from_entry({"fee_rule": rule}, where="entry 9 (code '2.001035')")
    assert str(caught.value).startswith("entry 9 (code '2.001035'), fee_rule")


@pytest.mark.parametrize("exempt", [[""], [3], "", {"a": 1}])
def test_bad_exemption_lists(exempt: object) -> None:
    with pytest.raises(InputError, match="fee_exempt: must be a list of text"):
        fee_rule_from_entry({"fee_vnd": 0, "fee_exempt": exempt}, where="e")


def test_quantity_below_one_is_refused() -> None:
    with pytest.raises(InputError, match="quantity: must be at least 1"):
        compute_fee(fee_rule_from_entry(CONTRACT_TIERS, where="e"), quantity=0)
